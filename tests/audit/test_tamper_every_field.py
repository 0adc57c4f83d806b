"""Changing any stored value of an audit event breaks the chain at that event.

The fields come from the table, not from the list the hash is computed over: a column the
hash leaves out is a column someone can rewrite unseen, and this test names it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from tortoise.transactions import in_transaction

from server.audit.models import AuditEvent
from tests.conftest import IS_POSTGRES
from tests.crm.queries import CUSTOMER_CREATE, CUSTOMER_UPDATE
from tests.support import Api

VERIFY = """{ auditVerify { ok brokenSequence problem } }"""
COLUMNS = sorted(name for name in AuditEvent._meta.db_fields if name != "id")


def _changed(value: Any, name: str) -> Any:
    """A different value of the same type, as small a change as the type allows."""
    if value is None:
        return {"planted": True} if name in ("before", "after") else "planted"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1000
    if isinstance(value, datetime):
        return value + timedelta(microseconds=1)
    if isinstance(value, UUID):
        return uuid4()
    if isinstance(value, dict):
        # One value inside, keeping every key: what a forger of before/after would do.
        first = next(iter(value))
        return {**value, first: f"{value[first]}!"}
    if isinstance(value, list):
        return [*value, "auditor"]
    if isinstance(value, str):
        return value[:-1] + ("0" if value[-1] != "0" else "1")
    raise AssertionError(f"no way to change {name}={value!r}")


async def _rewrite(event_id: int, **changes: Any) -> None:
    """Rewrite an audit row behind the application's back, as someone with SQL access could:
    on PostgreSQL past the append-only trigger, which only a superuser can switch off."""
    async with in_transaction() as connection:
        if IS_POSTGRES:
            await connection.execute_script("SET LOCAL session_replication_role = replica")
        await AuditEvent.filter(id=event_id).using_db(connection).update(**changes)


def test_every_column_but_the_row_id_is_tampered_with() -> None:
    assert {"before", "after", "actor_id", "action", "object_id", "outcome", "occurred_at"} <= set(
        COLUMNS
    )
    assert {"request_id", "client_ip", "user_agent", "prev_hash", "hash"} <= set(COLUMNS)


@pytest.mark.parametrize("column", COLUMNS)
async def test_verify_reports_the_event_whose_column_was_changed(api: Api, column: str) -> None:
    org = await api.new_org()
    created = await api.data(
        CUSTOMER_CREATE, {"input": {"name": "Before", "creditLimit": "10.00"}}, token=org.token()
    )
    customer = created["customerCreate"]["customer"]
    await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": customer["id"], "name": "After", "creditLimit": "20.00"}},
        token=org.token(),
    )
    # A later event, so the changed one is inside the chain, not at its end.
    await api.data(CUSTOMER_CREATE, {"input": {"name": "Later"}}, token=org.token())
    target = await AuditEvent.get(chain_key=f"org:{org.id}", action="customer.update")
    assert target.before and target.after and target.request_id and target.user_agent

    clean = (await api.data(VERIFY, token=org.token()))["auditVerify"]
    assert clean["ok"] is True

    await _rewrite(target.id, **{column: _changed(getattr(target, column), column)})
    result = (await api.data(VERIFY, token=org.token()))["auditVerify"]
    assert result["ok"] is False, column
    assert result["brokenSequence"] == target.sequence, (column, result)
