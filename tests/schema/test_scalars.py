"""Quantity and Rate: strict decimal strings, accepted as written, refused with
BAD_USER_INPUT (never rounded), through variables and literals alike."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ledger.helpers import account_ids
from tests.receivables.helpers import INVOICE_CREATE, customer, sale
from tests.support import Api, Org

RATE_SET = """mutation($rate: Rate!) {
  exchangeRateSet(currency: "EUR", date: "2026-03-01", rate: $rate) {
    exchangeRate { rate } userErrors { code } } }"""

REFUSED_QUANTITIES = ["-1", "1e2", "NaN", "", " 1", "1.00001", "1,5", "9" * 15]
REFUSED_RATES = ["0", "0.0", "-1.2", "1e2", "NaN", "", "1.12345678901", "1" * 13, "+1", "0" * 13]


async def _invoice(api: Api, org: Org, quantity: Any) -> dict[str, Any]:
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    line = sale(ids["4000"], "10.00", quantity)
    variables = {"input": {"customerId": acme, "issueDate": "2026-03-01", "lines": [line]}}
    return await api.gql(INVOICE_CREATE, variables, token=org.token())


def _refused(result: dict[str, Any], scalar: str) -> None:
    assert result.get("data") is None, result
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert scalar in error["message"], error


@pytest.mark.parametrize("quantity", ["1", "2.5", "0.0001", "1000000"])
async def test_invoice_line_quantity_accepts_decimal_strings(api: Api, quantity: str) -> None:
    org = await api.new_org()
    result = await _invoice(api, org, quantity)
    payload = result["data"]["invoiceCreate"]
    assert payload["userErrors"] == [], payload


@pytest.mark.parametrize("quantity", [*REFUSED_QUANTITIES, 2, 2.5])
async def test_invoice_line_quantity_refuses_anything_else(api: Api, quantity: Any) -> None:
    org = await api.new_org()
    _refused(await _invoice(api, org, quantity), "Quantity")


async def test_quantity_literal_is_checked_like_a_variable(api: Api) -> None:
    org = await api.new_org()
    mutation = """mutation { purchaseOrderBill(input: { purchaseOrderId: "x", vendorReference: "R",
      billDate: "2026-03-01", lines: [{ purchaseOrderLineId: "y", quantity: "1.23456" }] }) {
      userErrors { code } } }"""
    _refused(await api.gql(mutation, token=org.token()), "Quantity")
    numeric = mutation.replace('"1.23456"', "2")
    _refused(await api.gql(numeric, token=org.token()), "Quantity")


@pytest.mark.parametrize("rate", ["1.0825", "0.0000000001", "123456789012.5", "1"])
async def test_exchange_rate_accepts_positive_decimal_strings(api: Api, rate: str) -> None:
    org = await api.new_org()
    data = await api.data(RATE_SET, {"rate": rate}, token=org.token())
    assert data["exchangeRateSet"] == {"exchangeRate": {"rate": rate}, "userErrors": []}


@pytest.mark.parametrize("rate", [*REFUSED_RATES, 1.5])
async def test_exchange_rate_refuses_anything_else(api: Api, rate: Any) -> None:
    org = await api.new_org()
    _refused(await api.gql(RATE_SET, {"rate": rate}, token=org.token()), "Rate")


async def test_rate_literal_is_checked_like_a_variable(api: Api) -> None:
    org = await api.new_org()
    literal = RATE_SET.replace("($rate: Rate!)", "").replace("$rate", '"1.00000000001"')
    _refused(await api.gql(literal, token=org.token()), "Rate")


async def test_line_quantities_and_discounts_answer_as_written(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    line = sale(ids["4000"], "10.00", "2.50", discountPercent="7.5")
    mutation = """mutation($input: InvoiceCreateInput!) { invoiceCreate(input: $input) {
      invoice { lines { quantity discountPercent } } userErrors { code } } }"""
    variables = {"input": {"customerId": acme, "issueDate": "2026-03-01", "lines": [line]}}
    data = await api.data(mutation, variables, token=org.token())
    assert data["invoiceCreate"]["invoice"]["lines"] == [
        {"quantity": "2.5", "discountPercent": "7.5"}
    ]
