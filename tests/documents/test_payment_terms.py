"""Payment terms: due dates and discounts, and their management through the API."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from server.crm.models import PaymentTerms, TermsKind
from server.crm.terms import discount, due_date
from tests.documents.helpers import (
    NODE,
    PAYMENT_TERMS,
    TERMS_ARCHIVE,
    TERMS_CREATE,
    TERMS_UPDATE,
    changes,
    errors,
    mutate,
    new_terms,
)
from tests.support import Api


def _terms(
    kind: TermsKind, days: int = 0, percent: str | None = None, until: int | None = None
) -> PaymentTerms:
    return PaymentTerms(
        name="t",
        kind=kind,
        days=days,
        discount_percent=None if percent is None else Decimal(percent),
        discount_days=until,
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 10), date(2026, 4, 9)),
        (date(2026, 12, 15), date(2027, 1, 14)),
        (date(2028, 2, 1), date(2028, 3, 2)),
    ],
)
def test_due_date_net_30_counts_calendar_days(on: date, expected: date) -> None:
    assert due_date(_terms(TermsKind.NET, 30), on) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 12, 5), date(2027, 1, 10)),  # across the year end
        (date(2026, 12, 31), date(2027, 1, 10)),
        (date(2026, 2, 14), date(2026, 3, 10)),  # February of a common year ends on the 28th
        (date(2028, 2, 14), date(2028, 3, 10)),  # and of a leap year on the 29th
        (date(2026, 1, 31), date(2026, 2, 10)),
    ],
)
def test_due_date_end_of_month_plus_10(on: date, expected: date) -> None:
    assert due_date(_terms(TermsKind.END_OF_MONTH, 10), on) == expected


def test_due_date_end_of_month_without_days_is_the_month_end() -> None:
    assert due_date(_terms(TermsKind.END_OF_MONTH), date(2026, 2, 3)) == date(2026, 2, 28)


def test_due_date_due_on_receipt_is_the_document_date() -> None:
    assert due_date(_terms(TermsKind.DUE_ON_RECEIPT), date(2026, 5, 17)) == date(2026, 5, 17)


def test_due_date_without_terms_uses_the_default_days() -> None:
    assert due_date(None, date(2026, 1, 1)) == date(2026, 1, 31)
    assert due_date(None, date(2026, 1, 1), default_days=14) == date(2026, 1, 15)


def test_discount_2_10_net_30_holds_ten_days() -> None:
    terms = _terms(TermsKind.NET, 30, "2", 10)
    assert discount(terms, date(2026, 12, 28)) == (Decimal("2"), date(2027, 1, 7))
    assert due_date(terms, date(2026, 12, 28)) == date(2027, 1, 27)


def test_discount_without_discount_terms_is_none() -> None:
    assert discount(_terms(TermsKind.NET, 30), date(2026, 1, 1)) == (None, None)
    assert discount(None, date(2026, 1, 1)) == (None, None)


# Through the API


async def test_payment_terms_create_2_10_net_30_returns_them_and_due_dates(api: Api) -> None:
    org = await api.new_org()
    payload = await mutate(
        api,
        org,
        TERMS_CREATE,
        name=" 2/10 net 30 ",
        kind="NET",
        days=30,
        discountPercent="2",
        discountDays=10,
    )
    assert payload["userErrors"] == []
    terms = payload["paymentTerms"]
    assert terms["name"] == "2/10 net 30"
    assert (terms["kind"], terms["days"], terms["status"]) == ("NET", 30, "ACTIVE")
    assert (terms["discountPercent"], terms["discountDays"]) == ("2", 10)

    data = await api.data(
        """query($id: ID!) { node(id: $id) { ... on PaymentTerms {
             dueDate(on: "2026-12-28") discountUntil(on: "2026-12-28") } } }""",
        {"id": terms["id"]},
        token=org.token(),
    )
    assert data["node"] == {"dueDate": "2027-01-27", "discountUntil": "2027-01-07"}


async def test_payment_terms_create_due_on_receipt_defaults_days_to_zero(api: Api) -> None:
    org = await api.new_org()
    payload = await mutate(api, org, TERMS_CREATE, name="On receipt", kind="DUE_ON_RECEIPT")
    assert payload["userErrors"] == []
    assert payload["paymentTerms"]["days"] == 0
    assert payload["paymentTerms"]["discountPercent"] is None


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"name": ""}, ["input", "name"], "REQUIRED"),
        ({"days": -1}, ["input", "days"], "OUT_OF_RANGE"),
        ({"days": 366}, ["input", "days"], "OUT_OF_RANGE"),
        ({"kind": "DUE_ON_RECEIPT", "days": 5}, ["input", "days"], "OUT_OF_RANGE"),
        ({"discountPercent": "2"}, ["input", "discountDays"], "REQUIRED"),
        ({"discountDays": 10}, ["input", "discountPercent"], "REQUIRED"),
        (
            {"discountPercent": "100.5", "discountDays": 10},
            ["input", "discountPercent"],
            "OUT_OF_RANGE",
        ),
        (
            {"discountPercent": "-1", "discountDays": 10},
            ["input", "discountPercent"],
            "OUT_OF_RANGE",
        ),
        (
            {"discountPercent": "0", "discountDays": 10},
            ["input", "discountPercent"],
            "OUT_OF_RANGE",
        ),
        (
            {"discountPercent": "1.23456", "discountDays": 10},
            ["input", "discountPercent"],
            "TOO_PRECISE",
        ),
        ({"discountPercent": "2", "discountDays": 31}, ["input", "discountDays"], "OUT_OF_RANGE"),
        (
            {"kind": "DUE_ON_RECEIPT", "days": 0, "discountPercent": "2", "discountDays": 0},
            ["input", "discountDays"],
            "INVALID",
        ),
    ],
)
async def test_payment_terms_create_with_bad_input_returns_user_error_and_writes_nothing(
    api: Api, fields: dict[str, Any], path: list[str], code: str
) -> None:
    org = await api.new_org()
    payload = await mutate(
        api, org, TERMS_CREATE, **{"name": "Net 30", "kind": "NET", "days": 30, **fields}
    )
    assert payload["paymentTerms"] is None
    assert errors(payload) == [(path, code)]
    assert (await api.data(PAYMENT_TERMS, {}, token=org.token()))["paymentTerms"]["nodes"] == []
    assert await changes(api, org) == []


async def test_payment_terms_create_with_a_number_for_percent_is_refused(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        TERMS_CREATE,
        {
            "input": {
                "name": "N",
                "kind": "NET",
                "days": 30,
                "discountPercent": 2.5,
                "discountDays": 5,
            }
        },
        token=org.token(),
    )
    assert result.get("data") is None
    assert "Percent" in result["errors"][0]["message"]


async def test_payment_terms_create_with_a_name_in_use_is_a_conflict(api: Api) -> None:
    org = await api.new_org()
    await new_terms(api, org, "Net 30")
    payload = await mutate(api, org, TERMS_CREATE, name="Net 30", kind="NET", days=45)
    assert errors(payload) == [(["input", "name"], "CONFLICT")]
    listed = (await api.data(PAYMENT_TERMS, {}, token=org.token()))["paymentTerms"]["nodes"]
    assert [t["days"] for t in listed] == [30]


async def test_payment_terms_names_are_unique_per_organization_only(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    await new_terms(api, a, "Net 30")
    await new_terms(api, b, "Net 30")


async def test_payment_terms_update_changes_given_fields_and_can_remove_the_discount(
    api: Api,
) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "2/10 net 30", discountPercent="2", discountDays=10)
    payload = await mutate(api, org, TERMS_UPDATE, id=terms["id"], days=45)
    assert payload["userErrors"] == []
    assert (payload["paymentTerms"]["days"], payload["paymentTerms"]["discountDays"]) == (45, 10)

    payload = await mutate(
        api, org, TERMS_UPDATE, id=terms["id"], discountPercent=None, discountDays=None
    )
    assert payload["userErrors"] == []
    assert payload["paymentTerms"]["discountPercent"] is None
    assert payload["paymentTerms"]["name"] == "2/10 net 30"


async def test_payment_terms_update_checks_the_result_against_stored_values(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "2/10 net 30", discountPercent="2", discountDays=10)
    payload = await mutate(api, org, TERMS_UPDATE, id=terms["id"], days=5)
    assert errors(payload) == [(["input", "discountDays"], "OUT_OF_RANGE")]
    payload = await mutate(api, org, TERMS_UPDATE, id=terms["id"], discountPercent=None)
    assert errors(payload) == [(["input", "discountPercent"], "REQUIRED")]
    listed = (await api.data(PAYMENT_TERMS, {}, token=org.token()))["paymentTerms"]["nodes"]
    assert (listed[0]["days"], listed[0]["discountPercent"]) == (30, "2")


async def test_payment_terms_update_to_a_name_in_use_is_a_conflict(api: Api) -> None:
    org = await api.new_org()
    await new_terms(api, org, "Net 30")
    other = await new_terms(api, org, "Net 45", days=45)
    payload = await mutate(api, org, TERMS_UPDATE, id=other["id"], name="Net 30")
    assert errors(payload) == [(["input", "name"], "CONFLICT")]


async def test_payment_terms_archive_then_list_by_status_and_second_archive_refused(
    api: Api,
) -> None:
    org = await api.new_org()
    kept = await new_terms(api, org, "Net 30")
    gone = await new_terms(api, org, "Net 60", days=60)
    payload = await mutate(api, org, TERMS_ARCHIVE, id=gone["id"])
    assert payload["paymentTerms"]["status"] == "ARCHIVED"
    again = await mutate(api, org, TERMS_ARCHIVE, id=gone["id"])
    assert errors(again) == [(["input", "id"], "ALREADY_ARCHIVED")]

    active = await api.data(PAYMENT_TERMS, {"status": ["ACTIVE"]}, token=org.token())
    assert [t["id"] for t in active["paymentTerms"]["nodes"]] == [kept["id"]]
    every = await api.data(PAYMENT_TERMS, {}, token=org.token())
    assert [t["name"] for t in every["paymentTerms"]["nodes"]] == ["Net 30", "Net 60"]


async def test_payment_terms_changes_write_one_audit_event_each(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 30")
    await mutate(api, org, TERMS_UPDATE, id=terms["id"], days=45)
    await mutate(api, org, TERMS_ARCHIVE, id=terms["id"])
    events = await changes(api, org)
    assert [(e["action"], e["objectType"], e["objectId"]) for e in events] == [
        ("PAYMENT_TERMS_CREATE", "PAYMENT_TERMS", terms["id"]),
        ("PAYMENT_TERMS_UPDATE", "PAYMENT_TERMS", terms["id"]),
        ("PAYMENT_TERMS_ARCHIVE", "PAYMENT_TERMS", terms["id"]),
    ]
    assert events[0]["after"]["name"] == "Net 30"
    assert (events[1]["before"], events[1]["after"]) == ({"days": 30}, {"days": 45})


@pytest.mark.parametrize("role", ["ar_clerk", "ap_clerk", "sales", "viewer", "admin"])
async def test_payment_terms_create_is_forbidden_without_tax_rate_manage(
    api: Api, role: str
) -> None:
    org = await api.new_org(role)
    result = await api.gql(
        TERMS_CREATE,
        {"input": {"name": "Net 30", "kind": "NET", "days": 30}},
        token=org.token(role),
    )
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data(PAYMENT_TERMS, {}, token=org.token()))["paymentTerms"]["nodes"] == []


async def test_payment_terms_can_be_read_by_a_viewer_and_managed_by_an_accountant(
    api: Api,
) -> None:
    org = await api.new_org("accountant", "viewer")
    payload = await mutate(
        api, org, TERMS_CREATE, role="accountant", name="EOM", kind="END_OF_MONTH", days=10
    )
    assert payload["userErrors"] == []
    listed = await api.data(PAYMENT_TERMS, {}, token=org.token("viewer"))
    assert [t["name"] for t in listed["paymentTerms"]["nodes"]] == ["EOM"]


async def test_payment_terms_of_another_organization_are_not_found(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    terms = await new_terms(api, a, "Net 30")
    payload = await mutate(api, b, TERMS_UPDATE, id=terms["id"], days=1)
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    payload = await mutate(api, b, TERMS_ARCHIVE, id=terms["id"])
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    node = await api.data(NODE, {"id": terms["id"]}, token=b.token())
    assert node["node"] is None
    assert (await api.data(PAYMENT_TERMS, {}, token=b.token()))["paymentTerms"]["nodes"] == []
    mine = await api.data(NODE, {"id": terms["id"]}, token=a.token())
    assert mine["node"]["name"] == "Net 30"
