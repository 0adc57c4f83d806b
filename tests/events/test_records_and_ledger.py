"""Records, the ledger and the organization's own changes write one domain event each."""

from __future__ import annotations

from typing import Any

import pytest

from schema.ids import encode
from server.audit import log
from server.audit.models import AuditEvent
from server.crm.models import Customer
from server.events.payload import PayloadError
from tests.crm.queries import CUSTOMER_ARCHIVE, CUSTOMER_CREATE, CUSTOMER_UPDATE
from tests.events.helpers import events, last_sequence, written_by
from tests.ledger.helpers import account_ids, line, post
from tests.support import Api, Org

REVERSE = """mutation($input: JournalEntryReverseInput!) { journalEntryReverse(input: $input) {
  journalEntry { id number } userErrors { code } } }"""
LOCK = """mutation($on: Date) { lockDateSet(lockDate: $on) { userErrors { code } } }"""
ROLES_SET = """mutation($i: MemberRolesSetInput!) { memberRolesSet(input: $i) {
  member { roles } userErrors { field code } } }"""


async def _one(api: Api, org: Org, since: int) -> dict[str, Any]:
    written = await written_by(api, org, since)
    assert len(written) == 1, [e["type"] for e in written]
    return written[0]


async def test_customer_changes_write_created_updated_and_archived(api: Api) -> None:
    org = await api.new_org()
    before = await last_sequence(api, org)
    made = await api.data(
        CUSTOMER_CREATE, {"input": {"name": "Acme", "creditLimit": "10.00"}}, token=org.token()
    )
    customer_id = made["customerCreate"]["customer"]["id"]
    created = await _one(api, org, before)
    assert (created["type"], created["objectId"]) == ("customer.created", customer_id)
    assert created["payload"]["creditLimit"] == {"amount": "10.00", "currency": "USD"}
    assert created["payload"]["status"] == "ACTIVE" and created["payload"]["paymentTerms"] is None

    before = await last_sequence(api, org)
    await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": customer_id, "name": "Acme Ltd", "creditLimit": "20.00"}},
        token=org.token(),
    )
    updated = await _one(api, org, before)
    assert updated["type"] == "customer.updated"
    assert updated["payload"] == {
        "changes": {
            "name": {"from": "Acme", "to": "Acme Ltd"},
            "creditLimit": {
                "from": {"amount": "10.00", "currency": "USD"},
                "to": {"amount": "20.00", "currency": "USD"},
            },
        }
    }
    before = await last_sequence(api, org)
    await api.data(CUSTOMER_ARCHIVE, {"id": customer_id}, token=org.token())
    archived = await _one(api, org, before)
    assert (archived["type"], archived["payload"]) == ("customer.archived", {"status": "ARCHIVED"})


async def test_customer_create_refused_writes_no_event(api: Api) -> None:
    org = await api.new_org()
    before = await last_sequence(api, org)
    refused = await api.data(
        CUSTOMER_CREATE, {"input": {"name": "A", "creditLimit": "-1.00"}}, token=org.token()
    )
    assert refused["customerCreate"]["userErrors"]
    assert await written_by(api, org, before) == []


async def test_journal_entry_post_and_reverse_write_posted_and_reversed(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    before = await last_sequence(api, org)
    entry = (
        await post(
            api,
            org,
            "2026-05-01",
            [line(ids["6200"], "DEBIT", "80.00"), line(ids["1010"], "CREDIT", "80.00")],
            memo="Rent",
        )
    )["journalEntry"]
    posted = await _one(api, org, before)
    assert (posted["type"], posted["objectId"]) == ("journal_entry.posted", entry["id"])
    # On PostgreSQL the number is taken and written into the payload by one statement.
    assert posted["payload"] == {
        "number": entry["number"],
        "date": "2026-05-01",
        "memo": "Rent",
        "source": None,
    }
    before = await last_sequence(api, org)
    data = await api.data(
        REVERSE, {"input": {"id": entry["id"], "date": "2026-05-10"}}, token=org.token()
    )
    reversal = data["journalEntryReverse"]["journalEntry"]
    reversed_ = await _one(api, org, before)
    assert (reversed_["type"], reversed_["objectId"]) == ("journal_entry.reversed", reversal["id"])
    assert reversed_["payload"]["reverses"] == entry["id"]
    assert reversed_["payload"]["reversedNumber"] == entry["number"]
    assert reversed_["payload"]["number"] == reversal["number"]


async def test_journal_entry_post_refused_by_the_lock_date_writes_no_event(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    locked = await api.data(LOCK, {"on": "2026-04-30"}, token=org.token())
    assert locked["lockDateSet"]["userErrors"] == []
    lock_event = (await events(api, org, types=["ledger.lock_date_changed"]))[0]
    assert lock_event["payload"] == {"lockDate": "2026-04-30", "previousLockDate": None}
    before = await last_sequence(api, org)
    refused = await post(
        api,
        org,
        "2026-04-01",
        [line(ids["6200"], "DEBIT", "80.00"), line(ids["1010"], "CREDIT", "80.00")],
    )
    assert [e["code"] for e in refused["userErrors"]] == ["PERIOD_LOCKED"]
    assert await written_by(api, org, before) == []


async def test_member_roles_set_writes_roles_changed(api: Api) -> None:
    org = await api.new_org("viewer")
    before = await last_sequence(api, org)
    user_id = encode("User", org.users["viewer"].id)
    data = await api.data(
        ROLES_SET, {"i": {"userId": user_id, "roles": ["auditor"]}}, token=org.token()
    )
    assert data["memberRolesSet"]["userErrors"] == []
    event = await _one(api, org, before)
    assert (event["type"], event["objectType"], event["objectId"]) == (
        "member.roles_changed",
        "User",
        user_id,
    )
    assert event["payload"] == {"roles": ["auditor"], "previousRoles": ["viewer"]}


async def test_item_create_and_update_publish_the_price_with_its_currency(api: Api) -> None:
    org = await api.new_org(currency="EUR")
    before = await last_sequence(api, org)
    made = await api.data(
        """mutation { itemCreate(input: {code: "W-1", name: "Widget", unitPrice: "12.50"}) {
             item { id } userErrors { code } } }""",
        token=org.token(),
    )
    item_id = made["itemCreate"]["item"]["id"]
    created = await _one(api, org, before)
    assert (created["type"], created["objectId"]) == ("item.created", item_id)
    assert created["payload"]["unitPrice"] == {"amount": "12.50", "currency": "EUR"}
    before = await last_sequence(api, org)
    await api.data(
        """mutation($id: ID!) { itemUpdate(input: {id: $id, unitPrice: "13.00"}) {
             userErrors { code } } }""",
        {"id": item_id},
        token=org.token(),
    )
    updated = await _one(api, org, before)
    assert updated["payload"] == {
        "changes": {
            "unitPrice": {
                "from": {"amount": "12.50", "currency": "EUR"},
                "to": {"amount": "13.00", "currency": "EUR"},
            }
        }
    }


async def test_a_change_whose_event_cannot_be_written_is_not_made(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event is part of the change's transaction: failing to write it undoes the change."""
    org = await api.new_org()

    def broken(fields: dict[str, Any]) -> None:
        raise PayloadError("the event cannot be written")

    monkeypatch.setattr(log, "outgoing", broken)
    result = await api.gql(CUSTOMER_CREATE, {"input": {"name": "Ghost"}}, token=org.token())
    assert [e["extensions"]["code"] for e in result["errors"]] == ["INTERNAL_SERVER_ERROR"]
    monkeypatch.undo()
    assert not await Customer.exists(organization_id=org.id)
    assert not await AuditEvent.exists(chain_key=f"org:{org.id}", action="customer.create")
