"""The quick start as a new user runs it: migrate, demo, serve on SQLite in development;
an invoice e-mailed through the API lands in the development outbox, sent by the
background work the API process runs itself."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from email import message_from_bytes
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SIGN_IN = """mutation($i: SessionCreateInput!) { sessionCreate(input: $i) {
    accessToken userErrors { code } } }"""
SEND = """mutation($i: DocumentSendInput!) { invoiceSend(input: $i) {
    delivery { status messageId } userErrors { code message } } }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDGERLINE_")}
    return {
        **env,
        "LEDGERLINE_ENV": "development",
        "LEDGERLINE_DATA_DIR": str(tmp_path / "var"),
        "LEDGERLINE_DATABASE_URL": f"sqlite://{tmp_path / 'var' / 'ledgerline.sqlite3'}",
        "LEDGERLINE_PASSWORD_HASH_TIME_COST": "1",
        "LEDGERLINE_PASSWORD_HASH_MEMORY_KIB": "8",
    }


async def test_quick_start_sends_an_invoice_email_into_the_development_outbox(
    tmp_path: Path,
) -> None:
    env = _env(tmp_path)
    for command in (["migrate"], ["demo"]):
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "server.cli", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr.decode()[-2000:]
    port = _free_port()
    server = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for _ in range(300):
                try:
                    if (await client.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            signed = await client.post(
                "/graphql",
                json={
                    "query": SIGN_IN,
                    "variables": {
                        "i": {"email": "owner@demo.ledgerline.test", "password": "demo-password"}
                    },
                },
            )
            token = signed.json()["data"]["sessionCreate"]["accessToken"]
            auth = {"authorization": f"Bearer {token}"}
            listed = await client.post(
                "/graphql",
                json={
                    "query": "{ invoices(first: 1, filter: {status: ISSUED}) "
                    "{ nodes { id number customer { email } } } }"
                },
                headers=auth,
            )
            (invoice,) = listed.json()["data"]["invoices"]["nodes"]
            sent = await client.post(
                "/graphql",
                json={"query": SEND, "variables": {"i": {"id": invoice["id"]}}},
                headers=auth,
            )
            payload = sent.json()["data"]["invoiceSend"]
            assert payload["userErrors"] == []
            outbox = tmp_path / "var" / "outbox"
            for _ in range(300):
                files = list(outbox.glob("*.eml")) if outbox.exists() else []
                if files:
                    break
                await asyncio.sleep(0.1)
            (written,) = files
            mail = message_from_bytes(written.read_bytes())
            assert mail["To"] == invoice["customer"]["email"]
            assert invoice["number"] in mail["Subject"]
            assert mail["Message-ID"] == payload["delivery"]["messageId"]
    finally:
        server.terminate()
        server.wait(timeout=30)
