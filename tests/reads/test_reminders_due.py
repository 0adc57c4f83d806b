"""`remindersDue` written by the database (server/receivables/reminder_reads.py) answers
exactly as the stock resolvers do on both databases: amounts of 0 and 3-place currencies,
invoices reminded and not, refused arguments, pages walked both ways."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from server.receivables.models import Invoice, InvoiceReminder, ReminderChannel
from server.receivables.reads import INVOICE
from tests.reads.helpers import awkward_invoices, both, every_field, spied, stock_path
from tests.receivables.helpers import customer, issued_invoice
from tests.support import Api, Org, walk_pages

DUE = f"""
query($asOf: Date!, $min: Int! = 1, $quiet: Int! = 7) {{
  remindersDue(asOf: $asOf, filter: {{minDaysOverdue: $min, quietDays: $quiet}}) {{
    totalCount
    nodes {{
      __typename invoice {{ {every_field(INVOICE)} }} daysOverdue
      amountDue {{ amount currency }} remindersSent lastSentOn nextLevel
    }}
  }}
}}
"""


async def _reminded(api: Api, org: Org) -> None:
    """Awkward invoices, the first reminded twice in July 2026."""
    await awkward_invoices(api, org)
    reminded = await Invoice.filter(organization_id=org.id, number="AWK-0").first()
    assert reminded is not None
    for level, day in ((1, date(2026, 7, 1)), (2, date(2026, 7, 15))):
        await InvoiceReminder.create(
            id=uuid4(),
            organization_id=org.id,
            invoice_id=reminded.id,
            level=level,
            sent_on=day,
            channel=ReminderChannel.EMAIL,
            amount_due_minor=1_000,
        )


async def test_reminders_due_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _reminded(api, org)
    for variables in (
        {"asOf": "2030-01-01"},
        {"asOf": "2026-07-20", "quiet": 3},
        {"asOf": "2026-06-02", "min": 0, "quiet": 0},
    ):
        items = spied(monkeypatch)
        written, stock = await both(api, org, DUE, variables, monkeypatch)
        assert written.json() == stock.json(), variables
        monkeypatch.undo()
        assert len(items) == 1 and items[0] is not None
    found = (await api.post(DUE, {"asOf": "2030-01-01"}, token=org.token())).json()
    due = found["data"]["remindersDue"]["nodes"]
    assert found["data"]["remindersDue"]["totalCount"] == len(due) == 2
    assert {d["amountDue"]["currency"] for d in due} == {"JPY", "BHD"}
    assert {d["remindersSent"] for d in due} == {0, 2}


@pytest.mark.parametrize("field", ["min", "quiet"])
async def test_refused_arguments_are_bad_user_input_on_either_path(
    api: Api, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    org = await api.new_org()
    variables = {"asOf": "2030-01-01", field: -1}
    written, stock = await both(api, org, DUE, variables, monkeypatch, errors=True)
    assert written.json() == stock.json()
    [error] = written.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    named = "minDaysOverdue" if field == "min" else "quietDays"
    assert error["extensions"]["field"] == ["filter", named]
    assert written.json()["data"] is None


PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $o: ReminderDueOrder) {
  remindersDue(asOf: "2030-01-01", first: $first, after: $after, last: $last,
               before: $before, orderBy: $o) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { invoice { id number } daysOverdue } }
  }
}"""


async def test_reminders_due_walked_both_ways_give_each_invoice_once(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    # Three invoices due the same day (the order falls to number, then id), one earlier.
    acme = await customer(api, org)
    for day in ("2026-03-01", "2026-03-01", "2026-02-01", "2026-03-01"):
        await issued_invoice(api, org, acme, "10.00", day)

    async def fetch(**variables: Any) -> dict[str, Any]:
        page: dict[str, Any] = (await api.data(PAGE, variables, token=org.token()))["remindersDue"]
        assert page["totalCount"] == 4
        return page

    for direction in ("DESC", "ASC"):
        order = {"field": "DAYS_OVERDUE", "direction": direction}
        for size in (1, 2):
            forwards, backwards, pages = await walk_pages(
                fetch, order, lambda n: (n["daysOverdue"], n["invoice"]["number"]), size=size
            )
            assert forwards == backwards and len(set(forwards)) == 4
            days = [d for d, _number in forwards]
            assert days == sorted(days, reverse=direction == "DESC")
            with stock_path(monkeypatch):
                stock = await walk_pages(
                    fetch, order, lambda n: (n["daysOverdue"], n["invoice"]["number"]), size=size
                )
            assert stock[2] == pages
