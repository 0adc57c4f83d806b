"""The `ledgerline` command: serve, migrate, demo, user create, audit verify, documents
register, makemigration."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from server.settings import ConfigurationError, get_settings


async def _with_database(work: Callable[[], Awaitable[Any]]) -> Any:
    from tortoise import Tortoise

    from server.db import ensure_sqlite_directory, tortoise_config
    from server.identity import passwords

    passwords.configure(get_settings())
    url = get_settings().database_url
    ensure_sqlite_directory(url)
    await Tortoise.init(config=tortoise_config(url))
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.metrics_endpoint import shared_between_workers
    from server.observability import configure_logging, logger, uvicorn_log_config

    settings = get_settings()  # refuse to start on a bad configuration before forking workers
    # Where it listens, as a line of the log: every line on stdout is one JSON object.
    configure_logging(settings)
    logger().info(
        "serving",
        url=f"http://{args.host}:{args.port}/graphql",
        processes=args.workers,
        jobs_in_process=settings.runs_jobs_in_process,
    )
    with shared_between_workers(args.workers):
        uvicorn.run(
            "server.app:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=False,  # the application logs each request as JSON with its request id
            proxy_headers=args.proxy_headers,
            # Subscriptions' sockets: a client sends only small messages (connection_init,
            # subscribe), and a protocol ping every 20 s finds a peer that went away.
            ws_max_size=settings.max_body_bytes,
            ws_ping_interval=20.0,
            ws_ping_timeout=20.0,
            # Every line uvicorn writes is a JSON object like the application's own.
            log_config=uvicorn_log_config(settings),
        )
    return 0


def cmd_worker(_args: argparse.Namespace) -> int:
    from server.background import run_worker

    settings = get_settings()
    print("ledgerline worker: running background jobs; stop with Ctrl-C", flush=True)
    asyncio.run(_with_database(lambda: run_worker(settings)))
    return 0


def cmd_migrate(_args: argparse.Namespace) -> int:
    from server.db import migrate

    print("migrate: checking the database for pending migrations", file=sys.stderr, flush=True)
    applied = asyncio.run(migrate(get_settings().database_url))
    print(f"applied {len(applied)} migration(s)" + (f": {', '.join(applied)}" if applied else ""))
    return 0


def cmd_makemigration(args: argparse.Namespace) -> int:
    from server.migration_tool import make_migration

    created = asyncio.run(make_migration(args.name))
    print(f"wrote {created}" if created else "no model changes")
    return 0


def cmd_demo(_args: argparse.Namespace) -> int:
    from server.demo import DEMO_STEPS, load_demo

    settings = get_settings()

    def progress(number: int, name: str) -> None:
        print(f"demo: [{number}/{len(DEMO_STEPS)}] {name}", file=sys.stderr, flush=True)

    summary = asyncio.run(
        _with_database(lambda: load_demo(settings.demo_password, progress=progress))
    )
    print(
        f"demo: {summary.created_users} users, {summary.created_customers} customers, "
        f"{summary.created_vendors} vendors, {summary.posted_entries} journal entries, "
        f"{summary.issued_invoices} invoices, {summary.approved_bills} bills created"
        + ("; organization Demo Company created" if summary.created_organization else "")
    )
    return 0


def cmd_user_create(args: argparse.Namespace) -> int:
    from server.actor import Actor
    from server.errors import DomainError, ValidationFailed
    from server.identity import accounts
    from server.onboarding import organizations

    password = os.environ.get("LEDGERLINE_NEW_USER_PASSWORD") or getpass.getpass("Password: ")

    async def work() -> str:
        actor = Actor.system("cli")
        user = await accounts.create_user(actor, args.email, args.name, password)
        if args.organization:
            org = await organizations.create_organization(
                actor, user, args.organization, args.currency
            )
            return f"created {user.email}, owner of {org.name} ({org.id})"
        return f"created {user.email}"

    try:
        print(asyncio.run(_with_database(work)))
    except DomainError as error:
        problems = error.errors if isinstance(error, ValidationFailed) else [error]
        for problem in problems:
            print(f"error: {problem.message} [{problem.code}]", file=sys.stderr)
        return 1
    return 0


def cmd_audit_verify(_args: argparse.Namespace) -> int:
    from server.audit.verify import verify_all

    results = asyncio.run(_with_database(verify_all))
    broken = [r for r in results if not r.ok]
    for r in results:
        if r.ok:
            print(
                f"OK {r.chain_key}: {r.events_checked} events, head {r.head_sequence} {r.head_hash}"
            )
        else:
            print(f"BROKEN {r.chain_key}: at event {r.broken_sequence}: {r.problem}")
    return 1 if broken else 0


def _organization_id(text: str) -> Any:
    """The organization's uuid from the id the API shows (its global id), or a bare uuid;
    None for anything else."""
    from uuid import UUID

    # The command line is an entry point like the API: it reads ids the way clients see them.
    from schema.ids import decode

    found = decode(text, "Organization")
    if found is not None:
        return found
    try:
        return UUID(text)
    except ValueError:
        return None


# Long commands report how far they are on stderr, at most this often.
PROGRESS_EVERY_SECONDS = 2.0


def cmd_audit_export(args: argparse.Namespace) -> int:
    from datetime import datetime

    from server.audit import export
    from server.audit.log import chain_key
    from server.identity.models import Organization

    start = datetime.fromisoformat(args.since) if args.since else None
    end = datetime.fromisoformat(args.until) if args.until else None
    render = export.as_csv if args.format == "csv" else export.jsonl
    organization_id = _organization_id(args.organization) if args.organization else None

    async def work() -> bool:
        if args.organization:
            if organization_id is None or not await Organization.exists(id=organization_id):
                return False
            key = chain_key(organization_id)
        else:
            key = "platform"
        written, shown = 0, time.monotonic()
        async for chunk in render(export.rows(key, start, end)):
            sys.stdout.buffer.write(chunk)
            written += len(chunk)
            if time.monotonic() - shown >= PROGRESS_EVERY_SECONDS:
                shown = time.monotonic()
                print(f"audit export: {written:,} bytes so far", file=sys.stderr, flush=True)
        sys.stdout.flush()
        print(f"audit export: done, {written:,} bytes", file=sys.stderr, flush=True)
        return True

    if not asyncio.run(_with_database(work)):
        print(f"no organization with id {args.organization}", file=sys.stderr)
        return 1
    return 0


async def register_manifest(data: bytes, settings: Any) -> tuple[int, int]:
    """Register a manifest's documents as trusted, all or none: raises ManifestRefused
    listing every flaw, and then stores nothing. Returns (new, already stored)."""
    # The command line is an entry point like the API: documents are checked as it parses them.
    from schema.persisted.documents import operation_problems
    from server import clock
    from server.persisted.manifest import ManifestRefused, read_manifest
    from server.persisted.registry import register_trusted

    read = read_manifest(data, settings.max_body_bytes)
    problems = operation_problems(read, settings.max_tokens)
    if problems:
        raise ManifestRefused(problems)
    return await register_trusted([document for document, _ in read], clock.now())


def cmd_documents_register(args: argparse.Namespace) -> int:
    from pathlib import Path

    from server.persisted.manifest import ManifestRefused

    try:
        data = Path(args.file).read_bytes()
        added, known = asyncio.run(_with_database(lambda: register_manifest(data, get_settings())))
    except OSError as error:
        print(f"documents register: cannot read {args.file}: {error}", file=sys.stderr)
        return 1
    except ManifestRefused as refused:
        print("documents register: nothing registered; the manifest is refused:", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"documents register: {added} new trusted document(s), {known} already stored")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="ledgerline", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--proxy-headers", action="store_true", help="trust X-Forwarded-For from a proxy"
    )
    serve.set_defaults(run=cmd_serve)

    sub.add_parser("worker", help="run background jobs, schedules and webhooks").set_defaults(
        run=cmd_worker
    )
    sub.add_parser("migrate", help="apply pending database migrations").set_defaults(
        run=cmd_migrate
    )
    make = sub.add_parser("makemigration", help="write a migration for model changes")
    make.add_argument("name")
    make.set_defaults(run=cmd_makemigration)
    sub.add_parser("demo", help="load the demo organization (idempotent)").set_defaults(
        run=cmd_demo
    )

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="action", required=True)
    create = user.add_parser(
        "create", help="create a user (password from LEDGERLINE_NEW_USER_PASSWORD or a prompt)"
    )
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--organization", help="also create this organization, owned by the user")
    create.add_argument("--currency", default="USD", help="base currency of that organization")
    create.set_defaults(run=cmd_user_create)

    documents = sub.add_parser("documents", help="trusted GraphQL documents").add_subparsers(
        dest="action", required=True
    )
    register = documents.add_parser(
        "register", help="register a persisted query manifest's documents as trusted"
    )
    register.add_argument("file", help="Apollo persisted query manifest, or a {hash: document} map")
    register.set_defaults(run=cmd_documents_register)

    audit = sub.add_parser("audit", help="audit log").add_subparsers(dest="action", required=True)
    audit.add_parser("verify", help="verify every hash chain").set_defaults(run=cmd_audit_verify)
    exporter = audit.add_parser("export", help="stream events as CSV or JSON Lines to stdout")
    exporter.add_argument(
        "--organization",
        help="the organization's id as the API shows it (the platform chain if omitted)",
    )
    exporter.add_argument("--from", dest="since", help="ISO 8601 time, inclusive")
    exporter.add_argument("--to", dest="until", help="ISO 8601 time, exclusive")
    exporter.add_argument("--format", choices=["csv", "jsonl"], default="jsonl")
    exporter.set_defaults(run=cmd_audit_export)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ConfigurationError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
