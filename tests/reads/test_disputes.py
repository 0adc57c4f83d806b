"""`invoiceDisputes` written by the database (schema/reads.py) answers exactly as the stock
resolvers do on both databases, with the disputed invoice read by its own shape; the
connection filters by invoice and status and walks each order both ways."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest

from schema.ids import encode
from server.receivables.models import (
    Dispute,
    DisputeReason,
    DisputeResolution,
    DisputeStatus,
    Invoice,
)
from server.receivables.reads import DISPUTE
from tests.reads.helpers import AWKWARD, awkward_invoices, both, every_field, spied
from tests.support import Api, Org, walk_pages

DISPUTES = f"""
query($id: ID) {{ invoiceDisputes(filter: {{invoiceId: $id}}) {{
  totalCount nodes {{ __typename {every_field(DISPUTE)} }} }} }}
"""


async def _disputed(api: Api, org: Org) -> list[Invoice]:
    """Awkward invoices, the first two with a dispute of each status, all opened the same
    day and recorded at the same instant (only ids tell them apart)."""
    await awkward_invoices(api, org)
    invoices = await Invoice.filter(organization_id=org.id).order_by("number")
    same = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    cases = [
        (DisputeStatus.OPEN, DisputeReason.PRICING, AWKWARD, None, None, None),
        (
            DisputeStatus.UPHELD,
            DisputeReason.QUALITY,
            None,
            DisputeResolution.WRITE_OFF,
            "",
            date(2026, 4, 1),
        ),
        (
            DisputeStatus.REJECTED,
            DisputeReason.OTHER,
            "",
            DisputeResolution.REJECTED,
            AWKWARD,
            date(2026, 5, 1),
        ),
    ]
    for invoice in invoices[:2]:
        for status, reason, note, resolution, resolution_note, resolved in cases:
            await Dispute.create(
                id=uuid4(),
                organization_id=org.id,
                invoice_id=invoice.id,
                status=status,
                reason=reason,
                note=note,
                opened_on=date(2026, 3, 1),
                resolution=resolution,
                resolution_note=resolution_note,
                resolved_on=resolved,
                created_at=same,
            )
    return invoices


async def test_dispute_lists_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    invoices = await _disputed(api, org)
    for invoice in [*invoices[:3], None]:
        items = spied(monkeypatch)
        variables = {"id": encode("Invoice", invoice.id) if invoice else None}
        written, stock = await both(api, org, DISPUTES, variables, monkeypatch)
        assert written.json() == stock.json()
        monkeypatch.undo()
        assert len(items) == 1 and items[0] is not None
    found = await api.post(DISPUTES, {"id": encode("Invoice", invoices[0].id)}, token=org.token())
    disputes = found.json()["data"]["invoiceDisputes"]["nodes"]
    assert len(disputes) == 3 and {d["invoice"]["id"] for d in disputes} == {
        encode("Invoice", invoices[0].id)
    }


async def test_another_organizations_invoice_has_no_disputes(api: Api) -> None:
    org, other = await api.new_org(), await api.new_org()
    await awkward_invoices(api, org)
    invoice = await Invoice.filter(organization_id=org.id).first()
    assert invoice is not None
    await Dispute.create(
        id=uuid4(),
        organization_id=org.id,
        invoice_id=invoice.id,
        reason=DisputeReason.PRICING,
        opened_on=date(2026, 3, 1),
    )
    found = await api.post(DISPUTES, {"id": encode("Invoice", invoice.id)}, token=other.token())
    assert found.json()["data"]["invoiceDisputes"] == {"totalCount": 0, "nodes": []}
    every = await api.post(DISPUTES, {"id": None}, token=other.token())
    assert every.json()["data"]["invoiceDisputes"]["totalCount"] == 0


PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $o: DisputeOrder) {
  invoiceDisputes(first: $first, after: $after, last: $last, before: $before, orderBy: $o) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id status } }
  }
}"""


async def test_disputes_walked_both_ways_give_each_once_and_filter_by_status(api: Api) -> None:
    org = await api.new_org()
    await _disputed(api, org)

    async def fetch(**variables: Any) -> dict[str, Any]:
        page: dict[str, Any] = (await api.data(PAGE, variables, token=org.token()))[
            "invoiceDisputes"
        ]
        assert page["totalCount"] == 6
        return page

    for sort in ("OPENED_ON", "CREATED_AT"):
        for direction in ("ASC", "DESC"):
            order = {"field": sort, "direction": direction}
            forwards, backwards, _ = await walk_pages(fetch, order, lambda n: n["id"])
            assert len(set(forwards)) == 6 and forwards == backwards
    query = """query($s: [DisputeStatus!]) {
        invoiceDisputes(filter: {status: $s}) { totalCount nodes { status } } }"""
    found = await api.data(query, {"s": ["OPEN", "REJECTED"]}, token=org.token())
    assert found["invoiceDisputes"]["totalCount"] == 4
    assert {n["status"] for n in found["invoiceDisputes"]["nodes"]} == {"OPEN", "REJECTED"}


async def test_disputes_filter_by_the_day_opened_with_both_ends_included(api: Api) -> None:
    org = await api.new_org()
    invoices = await _disputed(api, org)
    await Dispute.filter(invoice_id=invoices[1].id).update(opened_on=date(2026, 3, 31))
    query = """query($on: DateRange) {
        invoiceDisputes(filter: {openedOn: $on}) { totalCount nodes { invoice { id } } } }"""

    async def opened(on: dict[str, str]) -> set[str]:
        found = (await api.data(query, {"on": on}, token=org.token()))["invoiceDisputes"]
        assert found["totalCount"] == len(found["nodes"])
        return {n["invoice"]["id"] for n in found["nodes"]}

    first, second = (encode("Invoice", i.id) for i in invoices[:2])
    assert await opened({"from": "2026-03-01", "to": "2026-03-01"}) == {first}
    assert await opened({"from": "2026-03-02"}) == {second}
    assert await opened({"to": "2026-03-31"}) == {first, second}
    assert await opened({"from": "2026-04-01"}) == set()
