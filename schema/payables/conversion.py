"""Payables' global ids and lines read from GraphQL input, and bill results made payloads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from schema.errors import user_errors
from schema.ids import decode
from schema.payables.payloads import BillPayload, BillWarning, BillWarningCode
from schema.payables.types import Bill
from server.documents.lines import LineDraft
from server.errors import DomainError, NotFound, ValidationFailed
from server.payables import bill_inputs
from server.payables import models as m


def _id(value: str | None, type_name: str, field: list[str]) -> UUID:
    decoded = decode(value, type_name) if value else None
    if decoded is None:
        raise NotFound(f"{type_name} not found", field=field)
    return decoded


def _optional(value: str | None, type_name: str, field: list[str]) -> UUID | None:
    return _id(value, type_name, field) if value else None


def _order_line_id(value: str | None, field: list[str]) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise NotFound("purchase order line not found", field=field) from None


def _lines(lines: list[Any]) -> tuple[list[LineDraft], list[int | None]]:
    drafts: list[LineDraft] = []
    order_lines: list[int | None] = []
    problems: list[DomainError] = []
    for i, ln in enumerate(lines):
        where = ["lines", str(i)]
        try:
            drafts.append(
                LineDraft(
                    item_id=_optional(ln.item_id, "Item", [*where, "itemId"]),
                    description=ln.description,
                    quantity=ln.quantity,
                    unit_price=ln.unit_price,
                    discount_percent=ln.discount_percent,
                    tax_rate_id=_optional(ln.tax_rate_id, "TaxRate", [*where, "taxRateId"]),
                    account_id=_optional(ln.account_id, "Account", [*where, "accountId"]),
                    dimension_option_ids=tuple(
                        _id(o, "TrackingOption", [*where, "dimensionOptionIds"])
                        for o in ln.dimension_option_ids or []
                    ),
                )
            )
            order_lines.append(
                _order_line_id(
                    getattr(ln, "purchase_order_line_id", None),
                    [*where, "purchaseOrderLineId"],
                )
            )
        except DomainError as exc:
            problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    return drafts, order_lines


def _bill_payload(result: bill_inputs.BillResult) -> BillPayload:
    return BillPayload(
        bill=Bill.from_model(result.bill) if result.bill else None,
        warnings=[
            BillWarning(code=BillWarningCode(w.code), message=w.message, bill_id=w.bill_id)
            for w in result.warnings
        ],
        user_errors=[],
    )


async def _bill_result(run: Callable[[], Awaitable[bill_inputs.BillResult]]) -> BillPayload:
    try:
        return _bill_payload(await run())
    except DomainError as error:
        return BillPayload(bill=None, warnings=[], user_errors=user_errors(error))


async def _bill(run: Callable[[], Awaitable[m.Bill]]) -> BillPayload:
    try:
        bill = await run()
    except DomainError as error:
        return BillPayload(bill=None, warnings=[], user_errors=user_errors(error))
    return BillPayload(bill=Bill.from_model(bill), warnings=[], user_errors=[])
