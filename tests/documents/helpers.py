"""GraphQL documents and helpers shared by the item, tax rate and payment terms tests."""

from __future__ import annotations

import base64
from typing import Any

from tests.support import Api, Org

TERMS_FIELDS = "id name kind days discountPercent discountDays status createdAt"
TAX_RATE_FIELDS = "id name rate inclusive status createdAt account { id code }"
ITEM_FIELDS = """id code name description status createdAt
  unitPrice { amount currency }
  incomeAccount { code } expenseAccount { code } taxRate { id name rate }"""


def _mutation(name: str, input_type: str, field: str, fields: str) -> str:
    return f"""
mutation($input: {input_type}!) {{
  {name}(input: $input) {{
    {field} {{ {fields} }}
    userErrors {{ field message code }}
  }}
}}
"""


TERMS_CREATE = _mutation(
    "paymentTermsCreate", "PaymentTermsCreateInput", "paymentTerms", TERMS_FIELDS
)
TERMS_UPDATE = _mutation(
    "paymentTermsUpdate", "PaymentTermsUpdateInput", "paymentTerms", TERMS_FIELDS
)
TERMS_ARCHIVE = _mutation(
    "paymentTermsArchive", "PaymentTermsArchiveInput", "paymentTerms", TERMS_FIELDS
)
TAX_RATE_CREATE = _mutation("taxRateCreate", "TaxRateCreateInput", "taxRate", TAX_RATE_FIELDS)
TAX_RATE_UPDATE = _mutation("taxRateUpdate", "TaxRateUpdateInput", "taxRate", TAX_RATE_FIELDS)
TAX_RATE_ARCHIVE = _mutation("taxRateArchive", "TaxRateArchiveInput", "taxRate", TAX_RATE_FIELDS)
ITEM_CREATE = _mutation("itemCreate", "ItemCreateInput", "item", ITEM_FIELDS)
ITEM_UPDATE = _mutation("itemUpdate", "ItemUpdateInput", "item", ITEM_FIELDS)
ITEM_ARCHIVE = _mutation("itemArchive", "ItemArchiveInput", "item", ITEM_FIELDS)

PAYMENT_TERMS = f"""query($status: [RecordStatus!]) {{
  paymentTerms(first: 100, filter: {{status: $status}}) {{ nodes {{ {TERMS_FIELDS} }} }} }}"""
TAX_RATES = f"""query($status: [RecordStatus!]) {{
  taxRates(first: 100, filter: {{status: $status}}) {{ nodes {{ {TAX_RATE_FIELDS} }} }} }}"""
ITEM = f"""query($id: ID!) {{ item(id: $id) {{ {ITEM_FIELDS} }} }}"""
ITEMS = """
query List($first: Int, $after: String, $last: Int, $before: String,
           $filter: ItemFilter, $orderBy: ItemOrder) {
  items(first: $first, after: $after, last: $last, before: $before,
        filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id code name status } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
NODE = """query($id: ID!) { node(id: $id) { id
  ... on Item { name } ... on TaxRate { name } ... on PaymentTerms { name } } }"""
EVENTS = """query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
  nodes { action objectType objectId outcome before after } } }"""


async def mutate(
    api: Api, org: Org, document: str, role: str = "owner", **fields: Any
) -> dict[str, Any]:
    """The payload of a mutation that must not fail at the top level."""
    data = await api.data(document, {"input": fields}, token=org.token(role))
    payload: dict[str, Any] = next(iter(data.values()))
    return payload


def errors(payload: dict[str, Any]) -> list[tuple[list[str] | None, str]]:
    return [(e["field"], e["code"]) for e in payload["userErrors"]]


async def account_ids(api: Api, org: Org) -> dict[str, str]:
    data = await api.data("{ accounts(first: 100) { nodes { id code } } }", token=org.token())
    return {a["code"]: a["id"] for a in data["accounts"]["nodes"]}


DOMAINS = ("PAYMENT_TERMS_", "TAX_RATE_", "ITEM_", "CUSTOMER_", "VENDOR_")


async def changes(api: Api, org: Org) -> list[dict[str, Any]]:
    """The organization's audit events of items, rates, terms and parties, oldest first."""
    data = await api.data(EVENTS, {}, token=org.token())
    events = [e for e in data["auditEvents"]["nodes"] if e["action"].startswith(DOMAINS)]
    return list(reversed(events))


def raw_id(global_id: str) -> str:
    return base64.b64decode(global_id).decode().split(":", 1)[1]


async def new_tax_rate(
    api: Api, org: Org, name: str = "VAT 20%", rate: str = "20", **extra: Any
) -> dict[str, Any]:
    accounts = await account_ids(api, org)
    payload = await mutate(
        api, org, TAX_RATE_CREATE, name=name, rate=rate, accountId=accounts["2100"], **extra
    )
    assert payload["userErrors"] == [], payload
    rate_: dict[str, Any] = payload["taxRate"]
    return rate_


async def new_terms(api: Api, org: Org, name: str = "Net 30", **extra: Any) -> dict[str, Any]:
    fields = {"kind": "NET", "days": 30, **extra}
    payload = await mutate(api, org, TERMS_CREATE, name=name, **fields)
    assert payload["userErrors"] == [], payload
    terms: dict[str, Any] = payload["paymentTerms"]
    return terms
