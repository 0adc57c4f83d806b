"""`remindersDue` written by the database (server/receivables/reminder_reads.py) answers
exactly as the stock resolvers do on both databases: amounts of 0 and 3-place currencies,
invoices reminded and not, refused arguments."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from server.receivables.models import Invoice, InvoiceReminder, ReminderChannel
from server.receivables.reads import INVOICE
from tests.reads.helpers import awkward_invoices, both, every_field, spied
from tests.support import Api

DUE = f"""
query($asOf: Date!, $min: Int! = 1, $quiet: Int! = 7) {{
  remindersDue(asOf: $asOf, minDaysOverdue: $min, quietDays: $quiet) {{
    items {{
      __typename invoice {{ {every_field(INVOICE)} }} daysOverdue
      amountDue {{ amount currency }} remindersSent lastSentOn nextLevel
    }}
    userErrors {{ field code }}
  }}
}}
"""


async def test_reminders_due_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
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
    due = found["data"]["remindersDue"]["items"]
    assert {d["amountDue"]["currency"] for d in due} == {"JPY", "BHD"}
    assert {d["remindersSent"] for d in due} == {0, 2}


async def test_refused_arguments_are_user_errors_on_the_read_path(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    written, stock = await both(api, org, DUE, {"asOf": "2030-01-01", "min": -1}, monkeypatch)
    assert written.json() == stock.json()
    result = written.json()["data"]["remindersDue"]
    assert result["items"] == [] and result["userErrors"][0]["field"] == ["minDaysOverdue"]
