"""Dates and instants at the edges of the calendar (docs/decisions/dates.md): the Date
scalar accepts 1900-01-01 to 2999-12-31 on every argument, DateTime requires an offset,
reports check their size before building, and date arithmetic never overflows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from graphql import GraphQLSchema

from server.dates import MAX_DATE, MIN_DATE, add_days
from server.errors import DomainError, ErrorCode
from server.settings import Settings
from tests.graphql_schema import executable_schema
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import create_invoice, customer, issue, sale
from tests.schema.fuzz import Leaf, Request, Values, leaves, request_for, with_leaf
from tests.support import Api


def _date_leaves(schema: GraphQLSchema, scalar: str) -> list[tuple[str, Request, Leaf]]:
    out = []
    for root, operation in ((schema.query_type, "query"), (schema.mutation_type, "mutation")):
        assert root is not None
        for name, field_def in root.fields.items():
            request = request_for(operation, name, field_def)
            for leaf in leaves(request, root.name, name, len(field_def.args)):
                if leaf.scalar == scalar:
                    out.append((name, request, leaf))
    return out


def _date_errors(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in result.get("errors") or [] if "Date" in e["message"]]


@pytest.mark.parametrize("outside", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
async def test_every_date_argument_refuses_dates_outside_the_calendar(
    api: Api, settings: Settings, outside: str
) -> None:
    org = await api.new_org()
    values = Values(ids=[org.global_id])
    found = _date_leaves(executable_schema(settings), "Date")
    assert len(found) > 40
    for field, request, leaf in found:
        variables = with_leaf(values, request, leaf, outside)
        result = await api.gql(request.document, variables, token=org.token())
        assert result.get("data") is None, (field, leaf)
        (error,) = result["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (field, leaf, error)
        assert "between 1900-01-01 and 2999-12-31" in error["message"], (field, leaf)


async def test_every_date_argument_accepts_the_ends_of_the_calendar(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    values = Values(ids=[org.global_id])
    for edge in (MIN_DATE.isoformat(), MAX_DATE.isoformat()):
        for field, request, leaf in _date_leaves(executable_schema(settings), "Date"):
            result = await api.gql(
                request.document, with_leaf(values, request, leaf, edge), token=org.token()
            )
            assert _date_errors(result) == [], (field, leaf)
            codes = {e["extensions"]["code"] for e in result.get("errors") or []}
            assert "INTERNAL_SERVER_ERROR" not in codes, (field, leaf, result)


@pytest.mark.parametrize("literal", ['"0001-01-01"', '"2026-02-30"', '"2026-3-1"', "20260301"])
async def test_date_literals_are_checked_like_variables(api: Api, literal: str) -> None:
    org = await api.new_org()
    result = await api.gql(
        f"{{ trialBalance(asOf: {literal}) {{ totalDebit {{ amount }} }} }}", token=org.token()
    )
    (error,) = result["errors"]
    assert error["extensions"]["code"] in ("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED")
    assert result.get("data") is None


async def test_monthly_profit_and_loss_over_centuries_is_refused_before_building(
    api: Api,
) -> None:
    org = await api.new_org()
    result = await api.gql(
        """{ profitAndLoss(from: "1900-01-01", to: "2999-12-31", monthly: true) {
             netIncome { amount } } }""",
        token=org.token(),
    )
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "at most 36 columns" in error["message"]


async def test_payment_terms_due_date_at_the_end_of_the_calendar(api: Api) -> None:
    org = await api.new_org()
    created = await api.data(
        """mutation { paymentTermsCreate(input: {name: "Net 365", kind: NET, days: 365}) {
             paymentTerms { id } userErrors { code } } }""",
        token=org.token(),
    )
    terms_id = created["paymentTermsCreate"]["paymentTerms"]["id"]
    data = await api.data(
        """query($id: ID!) { node(id: $id) { ... on PaymentTerms {
             dueDate(on: "2999-12-31") } } }""",
        {"id": terms_id},
        token=org.token(),
    )
    assert data["node"]["dueDate"] == "3000-12-31"
    refused = await api.gql(
        """query($id: ID!) { node(id: $id) { ... on PaymentTerms {
             dueDate(on: "9999-12-31") } } }""",
        {"id": terms_id},
        token=org.token(),
    )
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_invoice_dated_on_the_last_day_of_the_calendar_issues(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    acme = await customer(api, org)
    draft = await create_invoice(
        api, org, acme, [sale(accounts["4000"], "10.00")], issue_date="2999-12-31"
    )
    assert draft["userErrors"] == [], draft
    issued = await issue(api, org, draft["invoice"]["id"])
    assert issued["userErrors"] == [], issued
    assert issued["invoice"]["dueDate"] == "3000-01-30"


def test_adding_days_beyond_pythons_calendar_is_a_coded_error() -> None:
    assert add_days(MAX_DATE, 365) == date(3000, 12, 31)
    with pytest.raises(DomainError) as raised:
        add_days(date.max, 1)
    assert raised.value.code == ErrorCode.OUT_OF_RANGE
    with pytest.raises(DomainError):
        add_days(date.min, -1)


API_KEY_CREATE = """mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) {
  apiKey { expiresAt } userErrors { field code } } }"""


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2030-01-01T00:00:00Z", "2030-01-01T00:00:00.000Z"),
        ("2030-01-01T02:00:00+02:00", "2030-01-01T00:00:00.000Z"),
        ("2030-01-01T00:00:00.5-05:30", "2030-01-01T05:30:00.500Z"),
        # Finer digits are truncated, never rounded into the next second.
        ("2030-01-01T00:00:00.999999Z", "2030-01-01T00:00:00.999Z"),
        # The last instant of the range, written from the far side of the date line.
        ("2999-12-31T23:59:59+14:00", "2999-12-31T09:59:59.000Z"),
        ("3000-01-01T11:59:59+12:00", "2999-12-31T23:59:59.000Z"),
    ],
)
async def test_datetime_inputs_with_an_offset_are_read_as_utc(
    api: Api, given: str, stored: str
) -> None:
    org = await api.new_org()
    data = await api.data(
        API_KEY_CREATE,
        {"input": {"name": "CI", "role": "viewer", "expiresAt": given}},
        token=org.token(),
    )
    payload = data["apiKeyCreate"]
    assert payload["userErrors"] == [], payload
    assert payload["apiKey"]["expiresAt"] == stored


@pytest.mark.parametrize(
    "given",
    [
        "2030-01-01T00:00:00",
        "2030-01-01",
        "9999-12-31T23:59:59Z",
        "tomorrow",
        "2030-01-01T25:00Z",
        # In range as written, outside it in UTC (the range holds for the stored instant).
        "2999-12-31T23:59:59-12:00",
        "2999-12-31T12:00:00-12:00",
        "1900-01-01T00:00+14:00",
        # Outside Python's calendar once converted.
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
    ],
)
async def test_datetime_inputs_without_an_offset_or_outside_the_calendar_are_refused(
    api: Api, settings: Settings, given: str
) -> None:
    org = await api.new_org()
    result = await api.gql(
        API_KEY_CREATE,
        {"input": {"name": "CI", "role": "viewer", "expiresAt": given}},
        token=org.token(),
    )
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert result.get("data") is None
    # The rule is the scalar's, so it holds for every DateTime argument of the schema.
    assert _date_leaves(executable_schema(settings), "DateTime")


@pytest.mark.parametrize("given", ["2999-12-31T23:59:59-12:00", "1900-01-01T00:00+14:00"])
async def test_datetime_literals_outside_the_range_in_utc_are_refused(api: Api, given: str) -> None:
    org = await api.new_org()
    result = await api.gql(
        'mutation { apiKeyCreate(input: {name: "CI", role: "viewer", expiresAt: "'
        + given
        + '"}) { apiKey { expiresAt } } }',
        token=org.token(),
    )
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert result.get("data") is None
