"""Writing audit events: one per state change, in the transaction that made the change."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import orjson
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.exceptions import DoesNotExist
from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit.chain import GENESIS_HASH, HASHED_FIELDS, canonical, event_hash
from server.audit.models import AuditChain, AuditEvent
from server.audit.vocabulary import check
from server.events.models import DomainEvent
from server.events.outbox import Outgoing, outgoing
from server.redaction import redact as redact_secrets
from server.sql import fetch_rows

PLATFORM_CHAIN = "platform"


def chain_key(organization_id: UUID | None) -> str:
    return f"org:{organization_id}" if organization_id else PLATFORM_CHAIN


def redact(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Replace anything that looks like a credential, at any depth."""
    if values is None:
        return None
    clean: dict[str, Any] = redact_secrets(values)
    return clean


async def open_chain(organization_id: UUID) -> None:
    """Create an organization's chain head; call in the transaction creating the organization."""
    await AuditChain.create(key=chain_key(organization_id), last_sequence=0, last_hash=GENESIS_HASH)


def event_fields(
    actor: Actor,
    action: str,
    *,
    object_type: str | None = None,
    object_id: UUID | str | None = None,
    outcome: str = "SUCCESS",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    organization_id: UUID | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """An event's hashed fields, all but its `sequence` (the chain decides that)."""
    org = organization_id if organization_id is not None else actor.organization_id
    check(action, object_type, outcome, actor.kind)
    return {
        "chain_key": chain_key(org),
        "organization_id": str(org) if org else None,
        "occurred_at": clock.now(),
        "actor_type": actor.kind,
        "actor_id": actor.actor_id,
        "actor_label": actor.label,
        "actor_roles": list(actor.roles),
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id) if object_id is not None else None,
        "outcome": outcome,
        "before": redact(before),
        "after": redact(after),
        "request_id": actor.request.request_id,
        "client_ip": actor.request.client_ip,
        "user_agent": actor.request.user_agent,
        "operation_name": actor.request.operation_name,
        "idempotency_key": idempotency_key,
    }


async def record(
    actor: Actor,
    action: str,
    *,
    object_type: str | None = None,
    object_id: UUID | str | None = None,
    outcome: str = "SUCCESS",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    organization_id: UUID | None = None,
    idempotency_key: str | None = None,
) -> None:
    """Append one event to the organization's chain; call inside the caller's transaction.

    The chain head row is locked first, so concurrent appends to one chain take turns and
    sequence numbers stay gapless. A successful change also writes its domain event (the
    outbox, server/events), numbered from the same head.
    """
    await append(
        event_fields(
            actor,
            action,
            object_type=object_type,
            object_id=object_id,
            outcome=outcome,
            before=before,
            after=after,
            organization_id=organization_id,
            idempotency_key=idempotency_key,
        )
    )


async def append(fields: dict[str, Any]) -> None:
    """Append an event made by `event_fields` (without `Later` values) and the domain event
    it calls for; see `record`."""
    key = fields["chain_key"]
    db = AuditEvent._meta.db
    if isinstance(db, AsyncpgDBClient):
        # One statement: the chain head stays locked for no client round trip, and every
        # audited change costs one statement instead of three.
        params: list[Any] = []
        appended = append_sql(fields, "audit_source", params)
        # Placeholders and fixed names only.
        sql = (
            f"WITH audit_source AS (SELECT 1 AS one), {appended}\nSELECT sequence FROM audit_event"  # noqa: S608
        )
        if not await fetch_rows(sql, *params):
            raise DoesNotExist(f"no audit chain {key}")
        return
    event = outgoing(fields)  # refused, if it must be, before anything is written
    head = await AuditChain.select_for_update().get(key=key)
    fields["sequence"] = head.last_sequence + 1
    digest = event_hash(head.last_hash, fields)
    await AuditEvent.create(**fields, prev_hash=head.last_hash, hash=digest)
    moved: dict[str, Any] = {"last_sequence": fields["sequence"], "last_hash": digest}
    if event is not None:
        moved["last_event_sequence"] = head.last_event_sequence + 1
        await DomainEvent.create(
            **event.columns(fields),
            sequence=moved["last_event_sequence"],
            audit_sequence=fields["sequence"],
        )
    await AuditChain.filter(key=key).update(**moved)


@dataclass(frozen=True, slots=True)
class Later:
    """A value in `before`/`after` that the appending statement itself decides (an entry
    number): `column` names a column of the statement's source CTE."""

    column: str


def settled(fields: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The fields with each `Later` value replaced by `values[column]`: for appending an
    event with `append` once what the statement would have decided is known."""

    def fill(value: Any) -> Any:
        if isinstance(value, Later):
            return values[value.column]
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    return {name: fill(value) for name, value in fields.items()}


_JSON_COLUMNS = ("actor_roles", "before", "after")
_EVENT_COLUMNS = (*HASHED_FIELDS, "prev_hash", "hash")


def append_sql(fields: dict[str, Any], source: str, params: list[Any]) -> str:
    """PostgreSQL CTEs that append `fields` (from event_fields) to its chain.

    For one statement that also writes what the event describes: the event is appended
    once for each row of the CTE `source` (zero or one), after that CTE has run, so the
    chain head is locked after whatever `source` locks. The database computes the hash
    over the very bytes `chain.canonical` gives (the sequence and each `Later` value are
    spliced into them as text), so verification is the same as for `record`. The domain
    event a successful change calls for is inserted by the same statement, its `Later`
    values spliced in the same way. Parameters are appended to `params`; the CTEs are named
    audit_*.
    """
    stand_ins: dict[str, str] = {}  # a placeholder's digits -> SQL giving the real value
    in_json: set[str] = set()  # the placeholders standing in a Later value

    def arg(value: Any, cast: str) -> str:
        params.append(value)
        return f"${len(params)}::{cast}"

    def stand_in(sql: str) -> int:
        while True:
            number = secrets.randbelow(9 * 10**17) + 10**17  # 18 digits
            if str(number) not in stand_ins:
                stand_ins[str(number)] = sql
                return number

    def resolve(value: Any) -> Any:
        if isinstance(value, Later):
            number = stand_in(f"audit_head.{value.column}::text")
            in_json.add(str(number))
            return number
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    fields = {name: resolve(value) for name, value in fields.items()}
    event = outgoing(fields)
    fields["sequence"] = stand_in("audit_head.sequence::text")
    canonical_text = canonical(fields).decode()
    json_texts = [
        orjson.dumps(fields[name]).decode() if fields[name] is not None else None
        for name in _JSON_COLUMNS
    ]
    payload_text = orjson.dumps(event.payload).decode() if event is not None else ""
    published = _integers(event.payload) if event is not None else {}
    for digits in stand_ins:
        # Each placeholder must be found exactly where it was put, and nowhere else.
        found = sum(t.count(digits) for t in json_texts if t)
        if canonical_text.count(digits) != 1 or found != int(digits in in_json):
            raise RuntimeError("an audit placeholder collides with the event's content")
        times = published.get(int(digits), 0)
        if payload_text.count(digits) != times or (times and digits not in in_json):
            raise RuntimeError("an audit placeholder collides with the domain event's content")

    # The digits are parameters too: the statement's text depends only on the event's
    # shape, so the database prepares and plans it once per connection.
    digit_args = {digits: arg(digits, "text") for digits in stand_ins}

    def spliced(text_sql: str) -> str:
        for digits, sql in stand_ins.items():
            text_sql = f"replace({text_sql}, {digit_args[digits]}, {sql})"
        return text_sql

    key = arg(fields["chain_key"], "text")
    values = {
        "chain_key": key,
        "organization_id": arg(fields["organization_id"], "uuid"),
        "sequence": "audit_head.sequence",
        "occurred_at": arg(fields["occurred_at"], "timestamptz"),
        "prev_hash": "audit_head.prev_hash",
        "hash": "encode(sha256(convert_to(audit_head.prev_hash || "
        + spliced(arg(canonical_text, "text"))
        + ", 'UTF8')), 'hex')",
    }
    for name, text in zip(_JSON_COLUMNS, json_texts, strict=True):
        values[name] = f"({spliced(arg(text, 'text'))})::jsonb"
    for name in _EVENT_COLUMNS:
        if name not in values:
            values[name] = arg(fields[name], "text")
    columns = ", ".join(f'"{c}"' for c in _EVENT_COLUMNS)
    domain_event, counted = "", ""
    if event is not None:
        domain_event = _domain_event_sql(
            event, fields, values, spliced(arg(payload_text, "text")), arg
        )
        counted = ", last_event_sequence = audit_chains.last_event_sequence + 1"
    return f"""audit_head AS (
    SELECT c.last_sequence + 1 AS sequence, c.last_hash AS prev_hash,
        c.last_event_sequence + 1 AS event_sequence, {source}.*
    FROM audit_chains c, {source} WHERE c.key = {key} FOR UPDATE OF c
), audit_event AS (
    INSERT INTO audit_events ({columns})
    SELECT {", ".join(values[c] for c in _EVENT_COLUMNS)} FROM audit_head
    RETURNING sequence, hash
), audit_chain AS (
    UPDATE audit_chains SET last_sequence = audit_event.sequence, last_hash = audit_event.hash
        {counted}
    FROM audit_event WHERE audit_chains.key = {key}
){domain_event}"""  # noqa: S608 (placeholders and fixed names only)


def _domain_event_sql(
    event: Outgoing,
    fields: dict[str, Any],
    audit_values: dict[str, str],
    payload_sql: str,
    arg: Callable[[Any, str], str],
) -> str:
    """The CTE inserting the domain event, numbered from `audit_head`; the values it shares
    with the audit event reuse the audit event's parameters."""
    row = event.columns(fields)
    values = {
        "organization_id": audit_values["organization_id"],
        "sequence": "audit_head.event_sequence",
        "type": arg(row["type"], "text"),
        "version": arg(row["version"], "smallint"),
        "occurred_at": audit_values["occurred_at"],
        "actor_type": audit_values["actor_type"],
        "actor_id": audit_values["actor_id"],
        "object_type": audit_values["object_type"],
        "object_id": audit_values["object_id"],
        "payload": f"({payload_sql})::jsonb",
        "audit_sequence": "audit_head.sequence",
    }
    return f""", audit_domain_event AS (
    INSERT INTO domain_events ({", ".join(values)})
    SELECT {", ".join(values.values())} FROM audit_head
)"""  # noqa: S608 (placeholders and fixed names only)


def _integers(value: Any, found: dict[int, int] | None = None) -> dict[int, int]:
    """How often each integer is a value in a JSON-like structure."""
    found = {} if found is None else found
    if isinstance(value, dict):
        for item in value.values():
            _integers(item, found)
    elif isinstance(value, list):
        for item in value:
            _integers(item, found)
    elif type(value) is int:
        found[value] = found.get(value, 0) + 1
    return found


# Records under way in their own transactions, held so that none is collected mid-write.
_RECORDING: set[asyncio.Task[None]] = set()


async def record_alone(actor: Actor, action: str, **kwargs: Any) -> None:
    """Record in a transaction of its own: for denials and failed sign-ins, whose request
    work is rolled back or never happened.

    The write finishes even if the request stops waiting for it: GraphQL cancels a field's
    siblings when a non-null field fails, and a transaction cancelled half-way would lose
    the event and, on SQLite, keep the database locked for every later request."""
    task = asyncio.ensure_future(_record_in_own_transaction(actor, action, kwargs))
    _RECORDING.add(task)
    task.add_done_callback(_RECORDING.discard)
    await asyncio.shield(task)


async def _record_in_own_transaction(actor: Actor, action: str, kwargs: dict[str, Any]) -> None:
    async with in_transaction():
        await record(actor, action, **kwargs)
