"""Invoice payment reminders (dunning) through the API: recording them and what is due."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from server import clock
from server.audit.models import AuditEvent
from server.receivables.models import InvoiceReminder
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org

RECORD = """mutation($input: InvoiceReminderRecordInput!) { invoiceReminderRecord(input: $input) {
  reminder { id level sentOn channel note amountDue { amount currency } sentBy { email }
             invoice { number } }
  invoice { number reminders { level sentOn channel amountDue { amount } } }
  userErrors { field code message } } }"""

DUE = """query($asOf: Date!, $min: Int! = 1, $quiet: Int! = 7) {
  remindersDue(asOf: $asOf, first: 100, filter: {minDaysOverdue: $min, quietDays: $quiet}) {
    totalCount
    nodes { invoice { number } daysOverdue amountDue { amount currency } remindersSent
            lastSentOn nextLevel } } }"""

REMINDERS = """query($id: ID!) { invoice(id: $id) {
  reminders { level sentOn channel note amountDue { amount } } } }"""

OPEN_DISPUTE = """mutation($input: InvoiceDisputeOpenInput!) { invoiceDisputeOpen(input: $input) {
  dispute { id } userErrors { code } } }"""

RESOLVE_DISPUTE = """mutation($input: InvoiceDisputeResolveInput!) {
  invoiceDisputeResolve(input: $input) { dispute { status } userErrors { code } } }"""


async def _record(
    api: Api, org: Org, invoice_id: str, on: str | None, role: str = "owner", **extra: Any
) -> dict[str, Any]:
    value = {"invoiceId": invoice_id, "channel": "EMAIL", **extra}
    if on is not None:
        value["date"] = on
    result = await api.gql(RECORD, {"input": value}, token=org.token(role))
    # Who sent it is members' data: a role without member:read gets null there, refused.
    errors = [(e["extensions"]["code"], e["path"][-1]) for e in result.get("errors", [])]
    assert errors in ([], [("FORBIDDEN", "sentBy")]), errors
    payload: dict[str, Any] = result["data"]["invoiceReminderRecord"]
    return payload


async def _written(org: Org) -> tuple[int, int]:
    """Reminder rows and invoice.remind audit events of the organization."""
    return (
        await InvoiceReminder.filter(organization_id=org.id).count(),
        await AuditEvent.filter(organization_id=org.id, action="invoice.remind").count(),
    )


async def _refused(
    api: Api, org: Org, invoice_id: str, on: str | None, **extra: Any
) -> list[tuple[tuple[str, ...], str]]:
    """Codes and field paths of a refused record, checking that nothing was written."""
    before = await _written(org)
    payload = await _record(api, org, invoice_id, on, **extra)
    assert payload["reminder"] is None and payload["invoice"] is None, payload
    assert await _written(org) == before
    return [(tuple(e["field"]), e["code"]) for e in payload["userErrors"]]


async def _due(api: Api, org: Org, as_of: str, **args: int) -> list[dict[str, Any]]:
    data = await api.data(DUE, {"asOf": as_of, **args}, token=org.token())
    result = data["remindersDue"]
    items: list[dict[str, Any]] = result["nodes"]
    assert result["totalCount"] == len(items)
    return items


def _numbers(items: list[dict[str, Any]]) -> list[str]:
    return [i["invoice"]["number"] for i in items]


async def test_record_overdue_invoice_counts_levels_audits_and_lists(api: Api) -> None:
    org = await api.new_org("ar_clerk")
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")  # due 2026-03-31
    paid = await record_payment(
        api, org, acme, "30.00", [{"invoiceId": invoice["id"], "amount": "30.00"}]
    )
    assert paid["userErrors"] == []

    first = await _record(api, org, invoice["id"], "2026-04-05", role="ar_clerk")
    assert first["userErrors"] == []
    reminder = first["reminder"]
    assert reminder["level"] == 1 and reminder["sentOn"] == "2026-04-05"
    assert reminder["channel"] == "EMAIL" and reminder["note"] is None
    assert reminder["amountDue"] == {"amount": "70.00", "currency": "USD"}
    assert reminder["sentBy"] is None  # the clerk cannot read members
    seen = await api.data(
        "query($id: ID!) { invoice(id: $id) { reminders { sentBy { email } } } }",
        {"id": invoice["id"]},
        token=org.token(),
    )
    assert seen["invoice"]["reminders"] == [{"sentBy": {"email": org.users["ar_clerk"].email}}]
    assert reminder["invoice"] == {"number": "INV-000001"}

    await record_payment(
        api, org, acme, "20.00", [{"invoiceId": invoice["id"], "amount": "20.00"}], "2026-04-10"
    )
    second = await _record(
        api, org, invoice["id"], "2026-04-20", channel="PHONE", note="Promised by Friday"
    )
    assert second["userErrors"] == []
    assert second["reminder"]["level"] == 2
    assert second["reminder"]["amountDue"] == {"amount": "50.00", "currency": "USD"}
    assert second["invoice"]["reminders"] == [
        {"level": 1, "sentOn": "2026-04-05", "channel": "EMAIL", "amountDue": {"amount": "70.00"}},
        {"level": 2, "sentOn": "2026-04-20", "channel": "PHONE", "amountDue": {"amount": "50.00"}},
    ]

    listed = await api.data(REMINDERS, {"id": invoice["id"]}, token=org.token())
    assert [(r["level"], r["note"]) for r in listed["invoice"]["reminders"]] == [
        (1, None),
        (2, "Promised by Friday"),
    ]
    events = await api.data(
        """{ auditEvents(first: 10, filter: {action: [INVOICE_REMIND]}) {
             nodes { action objectType actorLabel after } } }""",
        token=org.token(),
    )
    nodes = events["auditEvents"]["nodes"]
    assert len(nodes) == 2
    assert {n["objectType"] for n in nodes} == {"INVOICE"}
    afters = sorted((n["after"]["level"], n["after"]["amountDue"]) for n in nodes)
    assert afters == [(1, "70.00 USD"), (2, "50.00 USD")]
    assert await _written(org) == (2, 2)


async def test_record_without_date_uses_today_utc(api: Api, held_clock: clock.HeldClock) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "10.00")
    payload = await _record(api, org, invoice["id"], None)
    assert payload["userErrors"] == []
    assert payload["reminder"]["sentOn"] == clock.today().isoformat()


@pytest.mark.postgres
async def test_record_concurrently_gives_consecutive_levels(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "10.00")
    results = await asyncio.gather(
        *(_record(api, org, invoice["id"], "2026-04-05") for _ in range(10))
    )
    assert all(r["userErrors"] == [] for r in results)
    assert sorted(r["reminder"]["level"] for r in results) == list(range(1, 11))
    assert await _written(org) == (10, 10)


async def test_record_disputed_invoice_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    opened = await api.data(
        OPEN_DISPUTE,
        {"input": {"invoiceId": invoice["id"], "reason": "PRICING", "date": "2026-04-01"}},
        token=org.token(),
    )
    assert opened["invoiceDisputeOpen"]["userErrors"] == []
    assert await _refused(api, org, invoice["id"], "2026-04-05") == [
        (("input", "invoiceId"), "INVOICE_DISPUTED")
    ]
    # Once the dispute is rejected the invoice is chased again.
    resolved = await api.data(
        RESOLVE_DISPUTE,
        {
            "input": {
                "id": opened["invoiceDisputeOpen"]["dispute"]["id"],
                "resolution": "REJECTED",
                "date": "2026-04-08",
            }
        },
        token=org.token(),
    )
    assert resolved["invoiceDisputeResolve"]["userErrors"] == []
    again = await _record(api, org, invoice["id"], "2026-04-10")
    assert again["userErrors"] == [] and again["reminder"]["level"] == 1


async def test_record_paid_invoice_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    paid = await record_payment(
        api, org, acme, "40.00", [{"invoiceId": invoice["id"], "amount": "40.00"}]
    )
    assert paid["userErrors"] == []
    assert await _refused(api, org, invoice["id"], "2026-04-05") == [
        (("input", "invoiceId"), "INVALID_STATUS")
    ]


async def test_record_draft_invoice_refused(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    draft = await create_invoice(api, org, acme, [sale(ids["4000"], "10.00")], dueDate="2026-03-05")
    assert draft["userErrors"] == []
    assert await _refused(api, org, draft["invoice"]["id"], "2026-04-05") == [
        (("input", "invoiceId"), "INVALID_STATUS")
    ]


async def test_record_not_yet_overdue_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")  # due 2026-03-31
    assert await _refused(api, org, invoice["id"], "2026-03-30") == [
        (("input", "date"), "NOT_OVERDUE")
    ]
    assert await _refused(api, org, invoice["id"], "2026-03-01") == [
        (("input", "date"), "NOT_OVERDUE")
    ]


async def test_record_future_date_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    assert await _refused(api, org, invoice["id"], "2999-01-04") == [
        (("input", "date"), "OUT_OF_RANGE")
    ]


async def test_record_long_note_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    before = await _written(org)
    value = {"invoiceId": invoice["id"], "channel": "EMAIL", "date": "2026-04-05"}
    result = await api.gql(RECORD, {"input": {**value, "note": "x" * 501}}, token=org.token())
    assert [e["extensions"] for e in result["errors"]] == [
        {"code": "BAD_USER_INPUT", "field": ["input", "note"]}
    ]
    assert await _written(org) == before
    accepted = await _record(api, org, invoice["id"], "2026-04-05", note="x" * 500)
    assert accepted["userErrors"] == []


async def test_record_before_the_previous_reminder_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    first = await _record(api, org, invoice["id"], "2026-04-10")
    assert first["userErrors"] == []
    assert await _refused(api, org, invoice["id"], "2026-04-09") == [
        (("input", "date"), "DATE_BEFORE_DOCUMENT")
    ]
    same_day = await _record(api, org, invoice["id"], "2026-04-10", channel="PHONE")
    assert same_day["userErrors"] == [] and same_day["reminder"]["level"] == 2


async def test_record_another_organizations_invoice_not_found(api: Api) -> None:
    mine = await api.new_org()
    theirs = await api.new_org()
    acme = await customer(api, theirs)
    invoice = await issued_invoice(api, theirs, acme, "40.00")
    own = await _record(api, theirs, invoice["id"], "2026-04-01")
    assert own["userErrors"] == []
    reminder_id = own["reminder"]["id"]
    assert await _refused(api, mine, invoice["id"], "2026-04-09") == [
        (("input", "invoiceId"), "NOT_FOUND")
    ]
    assert await _written(theirs) == (1, 1)
    listed = await api.data(REMINDERS, {"id": invoice["id"]}, token=theirs.token())
    assert [(r["level"], r["sentOn"]) for r in listed["invoice"]["reminders"]] == [
        (1, "2026-04-01")
    ]
    node = "query($id: ID!) { node(id: $id) { ... on InvoiceReminder { level } } }"
    assert (await api.data(node, {"id": reminder_id}, token=mine.token()))["node"] is None
    assert (await api.data(node, {"id": reminder_id}, token=theirs.token()))["node"] == {"level": 1}
    assert _numbers(await _due(api, theirs, "2026-04-09")) == ["INV-000001"]
    assert await _due(api, mine, "2026-04-09") == []


async def test_record_without_remind_permission_forbidden(api: Api) -> None:
    org = await api.new_org("sales")
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    before = await _written(org)
    result = await api.gql(
        RECORD,
        {"input": {"invoiceId": invoice["id"], "channel": "EMAIL", "date": "2026-04-05"}},
        token=org.token("sales"),
    )
    assert result["data"] is None
    assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"]
    assert await _written(org) == before
    # Reading what is due needs invoice:read only, which sales holds.
    data = await api.data(DUE, {"asOf": "2026-04-05"}, token=org.token("sales"))
    assert _numbers(data["remindersDue"]["nodes"]) == ["INV-000001"]


async def test_reminders_due_lists_overdue_open_undisputed_invoices(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    older = await issued_invoice(api, org, acme, "80.00", "2026-02-01")  # 1, due 03-03
    overdue = await issued_invoice(api, org, acme, "100.00")  # 2, due 03-31
    await issued_invoice(api, org, acme, "50.00", "2026-04-10")  # 3, due 05-10: not yet
    paid = await issued_invoice(api, org, acme, "20.00")  # 4, paid in full
    disputed = await issued_invoice(api, org, acme, "30.00")  # 5, disputed
    settled = await record_payment(
        api,
        org,
        acme,
        "45.00",
        [
            {"invoiceId": paid["id"], "amount": "20.00"},
            {"invoiceId": older["id"], "amount": "25.00"},
        ],
    )
    assert settled["userErrors"] == []
    opened = await api.data(
        OPEN_DISPUTE,
        {"input": {"invoiceId": disputed["id"], "reason": "QUALITY", "date": "2026-04-02"}},
        token=org.token(),
    )
    assert opened["invoiceDisputeOpen"]["userErrors"] == []

    items = await _due(api, org, "2026-04-15")
    assert items == [
        {
            "invoice": {"number": older["number"]},
            "daysOverdue": 43,
            "amountDue": {"amount": "55.00", "currency": "USD"},
            "remindersSent": 0,
            "lastSentOn": None,
            "nextLevel": 1,
        },
        {
            "invoice": {"number": overdue["number"]},
            "daysOverdue": 15,
            "amountDue": {"amount": "100.00", "currency": "USD"},
            "remindersSent": 0,
            "lastSentOn": None,
            "nextLevel": 1,
        },
    ]


async def test_reminders_due_orders_by_days_overdue_then_number(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    a = await issued_invoice(api, org, acme, "10.00", dueDate="2026-03-20")
    b = await issued_invoice(api, org, acme, "10.00", dueDate="2026-03-10")
    c = await issued_invoice(api, org, acme, "10.00", dueDate="2026-03-20")
    d = await issued_invoice(api, org, acme, "10.00", dueDate="2026-03-15")
    items = await _due(api, org, "2026-04-01")
    assert _numbers(items) == [b["number"], d["number"], a["number"], c["number"]]
    assert [i["daysOverdue"] for i in items] == [22, 17, 12, 12]


async def test_reminders_due_skips_invoices_reminded_within_quiet_days(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "60.00")  # due 03-31
    recorded = await _record(api, org, invoice["id"], "2026-04-10")
    assert recorded["userErrors"] == []
    assert await _due(api, org, "2026-04-15") == []
    assert await _due(api, org, "2026-04-16") == []  # sent 6 days before
    again = await _due(api, org, "2026-04-17")  # sent 7 days before: due again
    assert again == [
        {
            "invoice": {"number": invoice["number"]},
            "daysOverdue": 17,
            "amountDue": {"amount": "60.00", "currency": "USD"},
            "remindersSent": 1,
            "lastSentOn": "2026-04-10",
            "nextLevel": 2,
        }
    ]
    assert _numbers(await _due(api, org, "2026-04-15", quiet=3)) == [invoice["number"]]
    assert _numbers(await _due(api, org, "2026-04-15", quiet=5)) == [invoice["number"]]
    assert await _due(api, org, "2026-04-15", quiet=6) == []


async def test_reminders_due_respects_min_days_overdue(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "60.00")  # due 03-31
    assert await _due(api, org, "2026-03-31") == []
    on_due_date = await _due(api, org, "2026-03-31", min=0)
    assert [(i["invoice"]["number"], i["daysOverdue"]) for i in on_due_date] == [
        (invoice["number"], 0)
    ]
    assert [i["daysOverdue"] for i in await _due(api, org, "2026-04-01")] == [1]
    assert await _due(api, org, "2026-04-09", min=10) == []
    assert [i["daysOverdue"] for i in await _due(api, org, "2026-04-10", min=10)] == [10]


async def test_reminders_due_negative_arguments_refused(api: Api) -> None:
    org = await api.new_org()
    for args, field in (({"min": -1}, "minDaysOverdue"), ({"quiet": -1}, "quietDays")):
        result = await api.gql(DUE, {"asOf": "2026-04-01", **args}, token=org.token())
        assert result["data"] is None
        [error] = result["errors"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["filter", field]}
