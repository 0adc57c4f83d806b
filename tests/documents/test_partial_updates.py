"""Every `...Update` is partial (docs/api/conventions.md): an omitted field stays as it
was, an explicit null clears an optional field, and a null for a required field is refused
with a REQUIRED userError and nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.helpers import (
    ITEM_CREATE,
    ITEM_UPDATE,
    TAX_RATE_UPDATE,
    TERMS_UPDATE,
    mutate,
    new_tax_rate,
    new_terms,
)
from tests.support import Api, Org

PARTY = "id name email phone taxId currency paymentTermsDays tags"
CUSTOMER_CREATE = f"""mutation($input: CustomerCreateInput!) {{ customerCreate(input: $input) {{
  customer {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
CUSTOMER_UPDATE = f"""mutation($input: CustomerUpdateInput!) {{ customerUpdate(input: $input) {{
  customer {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
VENDOR_CREATE = f"""mutation($input: VendorCreateInput!) {{ vendorCreate(input: $input) {{
  vendor {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
VENDOR_UPDATE = f"""mutation($input: VendorUpdateInput!) {{ vendorUpdate(input: $input) {{
  vendor {{ {PARTY} }} userErrors {{ field message code }} }} }}"""


async def _customer(api: Api, org: Org) -> dict[str, Any]:
    made = await mutate(
        api, org, CUSTOMER_CREATE, name="Acme", email="ap@acme.test", phone="+1 555 0100"
    )
    assert made["userErrors"] == [], made
    return dict(made["customer"])


async def _vendor(api: Api, org: Org) -> dict[str, Any]:
    made = await mutate(api, org, VENDOR_CREATE, name="Paper Co", email="ar@paper.test")
    assert made["userErrors"] == [], made
    return dict(made["vendor"])


async def _item(api: Api, org: Org) -> dict[str, Any]:
    made = await mutate(
        api, org, ITEM_CREATE, name="Widget", code="W-1", description="Blue", unitPrice="5.00"
    )
    assert made["userErrors"] == [], made
    return dict(made["item"])


MADE = {
    "customer": (_customer, CUSTOMER_UPDATE),
    "vendor": (_vendor, VENDOR_UPDATE),
    "item": (_item, ITEM_UPDATE),
}


@pytest.mark.parametrize(
    ("kind", "cleared"),
    [("customer", "email"), ("customer", "phone"), ("vendor", "email"), ("item", "description")],
)
async def test_update_null_clears_an_optional_field_and_keeps_the_rest(
    api: Api, kind: str, cleared: str
) -> None:
    org = await api.new_org()
    make, update = MADE[kind]
    before = await make(api, org)
    payload = await mutate(api, org, update, id=before["id"], **{cleared: None})
    assert payload["userErrors"] == [], payload
    after = next(v for k, v in payload.items() if k != "userErrors")
    assert after == {**before, cleared: None}


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        ("customer", "name"),
        ("customer", "currency"),
        ("customer", "paymentTermsDays"),
        ("vendor", "name"),
        ("item", "name"),
    ],
)
async def test_update_null_for_a_required_field_is_refused(
    api: Api, kind: str, required: str
) -> None:
    org = await api.new_org()
    make, update = MADE[kind]
    before = await make(api, org)
    payload = await mutate(api, org, update, id=before["id"], **{required: None})
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [
        (["input", required], "REQUIRED")
    ], payload


async def test_tax_rate_and_terms_update_refuse_null_for_required_fields(api: Api) -> None:
    org = await api.new_org()
    rate = await new_tax_rate(api, org)
    terms = await new_terms(api, org)
    for document, target, field in (
        (TAX_RATE_UPDATE, rate, "name"),
        (TAX_RATE_UPDATE, rate, "rate"),
        (TERMS_UPDATE, terms, "name"),
        (TERMS_UPDATE, terms, "kind"),
    ):
        payload = await mutate(api, org, document, id=target["id"], **{field: None})
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [
            (["input", field], "REQUIRED")
        ], (field, payload)


async def test_customer_update_null_tags_clears_them(api: Api) -> None:
    org = await api.new_org()
    made = await mutate(api, org, CUSTOMER_CREATE, name="Tagged", tags=["vip"])
    assert made["customer"]["tags"] == ["vip"]
    payload = await mutate(api, org, CUSTOMER_UPDATE, id=made["customer"]["id"], tags=None)
    assert payload["userErrors"] == [] and payload["customer"]["tags"] == []
