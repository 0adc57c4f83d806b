"""Compliance review: digests detect truncation; exports stream for auditors and are audited."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from typing import Any

from server.audit.models import AuditChain, AuditEvent
from tests.audit.test_audit_log import _tamper
from tests.support import Api, Org

CREATE = "mutation($n: String!) { customerCreate(input: {name: $n}) { customer { id } } }"
DIGEST = "{ auditDigest { sequence headHash } }"
VERIFY = (
    """query($d: AuditDigestInput) { auditVerify(against: $d) { ok brokenSequence problem } }"""
)


async def _customers(api: Api, org: Org, *names: str) -> None:
    for name in names:
        await api.data(CREATE, {"n": name}, token=org.token())


async def test_digest_detects_a_tail_cut_with_a_rewritten_head(api: Api, database_url: str) -> None:
    org = await api.new_org("auditor")
    await _customers(api, org, "A", "B")
    digest = (await api.data(DIGEST, token=org.token("auditor")))["auditDigest"]
    ok = (await api.data(VERIFY, {"d": digest}, token=org.token("auditor")))["auditVerify"]
    assert ok == {"ok": True, "brokenSequence": None, "problem": None}

    # Someone with database access deletes the newest events and rewinds the head row to
    # match: the chain alone looks intact, the digest does not.
    key = f"org:{org.id}"
    keep = digest["sequence"] - 1
    previous = await AuditEvent.get(chain_key=key, sequence=keep)
    await _tamper(
        database_url, f"DELETE FROM audit_events WHERE chain_key = '{key}' AND sequence > {keep}"
    )
    await AuditChain.filter(key=key).update(last_sequence=keep, last_hash=previous.hash)
    plain = (await api.data(VERIFY, {"d": None}, token=org.token("auditor")))["auditVerify"]
    against = (await api.data(VERIFY, {"d": digest}, token=org.token("auditor")))["auditVerify"]
    assert plain["ok"] is True
    assert against["ok"] is False
    assert "digest" in against["problem"]


async def _export(api: Api, token: str | None, **params: str) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return await api.client.get("/audit/export", params=params, headers=headers)


async def test_export_streams_jsonl_and_csv_and_is_itself_audited(api: Api) -> None:
    org = await api.new_org("auditor")
    await _customers(api, org, "Exported")
    response = await _export(api, org.token("auditor"), format="jsonl")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    events = [json.loads(line) for line in response.text.splitlines()]
    assert [e["sequence"] for e in events] == list(range(1, len(events) + 1))
    assert "customer.create" in {e["action"] for e in events}

    response = await _export(api, org.token("auditor"), format="csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert {"sequence", "action", "hash", "prev_hash"} <= set(table[0])
    assert len(table) >= len(events)

    window = await _export(
        api,
        org.token("auditor"),
        format="jsonl",
        **{"from": "2000-01-01T00:00:00+00:00", "to": "2000-12-31T00:00:00+00:00"},
    )
    assert window.text == ""

    log = await api.data(
        "{ auditEvents(first: 10, filter: {action: [AUDIT_EXPORT]}) { totalCount } }",
        token=org.token("auditor"),
    )
    assert log["auditEvents"]["totalCount"] == 3


async def test_export_needs_a_token_and_audit_read(api: Api) -> None:
    org = await api.new_org("viewer")
    assert (await _export(api, None)).status_code == 401
    assert (await _export(api, "garbage")).status_code == 401
    denied = await _export(api, org.token("viewer"))
    assert denied.status_code == 403
    assert denied.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    bad = await _export(api, org.token(), format="xml")
    assert bad.status_code == 400


async def test_export_command_writes_the_organizations_events(
    api: Api, database_url: str, settings: Any
) -> None:
    org = await api.new_org()
    await _customers(api, org, "From the command line")
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
    }
    command = [sys.executable, "-m", "server.cli", "audit", "export", "--organization", str(org.id)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)  # noqa: ASYNC221
    assert done.returncode == 0, done.stderr
    actions = [json.loads(line)["action"] for line in done.stdout.splitlines()]
    assert actions[0] == "organization.create"
    assert "customer.create" in actions
