"""Named payment terms on customers and vendors."""

from __future__ import annotations

from tests.documents.helpers import TERMS_ARCHIVE, changes, errors, mutate, new_terms, raw_id
from tests.support import Api

PARTY = "id name paymentTermsDays paymentTerms { id name kind days }"
CUSTOMER_CREATE = f"""mutation($input: CustomerCreateInput!) {{ customerCreate(input: $input) {{
  customer {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
CUSTOMER_UPDATE = f"""mutation($input: CustomerUpdateInput!) {{ customerUpdate(input: $input) {{
  customer {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
VENDOR_CREATE = f"""mutation($input: VendorCreateInput!) {{ vendorCreate(input: $input) {{
  vendor {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
VENDOR_UPDATE = f"""mutation($input: VendorUpdateInput!) {{ vendorUpdate(input: $input) {{
  vendor {{ {PARTY} }} userErrors {{ field message code }} }} }}"""
CUSTOMERS = f"{{ customers(first: 10) {{ totalCount nodes {{ {PARTY} }} }} }}"
VENDORS = f"{{ vendors(first: 10) {{ totalCount nodes {{ {PARTY} }} }} }}"


async def test_customer_create_with_payment_terms_returns_them(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 45", days=45)
    payload = await mutate(api, org, CUSTOMER_CREATE, name="Acme", paymentTermsId=terms["id"])
    assert payload["userErrors"] == []
    customer = payload["customer"]
    assert customer["paymentTerms"] == {
        "id": terms["id"],
        "name": "Net 45",
        "kind": "NET",
        "days": 45,
    }
    listed = await api.data(CUSTOMERS, token=org.token())
    assert listed["customers"]["nodes"] == [customer]
    events = [e for e in await changes(api, org) if e["action"] == "CUSTOMER_CREATE"]
    assert events[0]["after"]["paymentTermsId"] == raw_id(terms["id"])


async def test_customer_update_sets_and_clears_payment_terms(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 45", days=45)
    created = await mutate(api, org, CUSTOMER_CREATE, name="Acme")
    assert created["customer"]["paymentTerms"] is None
    customer_id = created["customer"]["id"]
    payload = await mutate(api, org, CUSTOMER_UPDATE, id=customer_id, paymentTermsId=terms["id"])
    assert payload["customer"]["paymentTerms"]["name"] == "Net 45"
    payload = await mutate(api, org, CUSTOMER_UPDATE, id=customer_id, paymentTermsId=None)
    assert payload["customer"]["paymentTerms"] is None
    updates = [e for e in await changes(api, org) if e["action"] == "CUSTOMER_UPDATE"]
    assert [e["after"] for e in updates] == [
        {"paymentTermsId": raw_id(terms["id"])},
        {"paymentTermsId": None},
    ]


async def test_vendor_create_and_update_with_payment_terms(api: Api) -> None:
    org = await api.new_org()
    net = await new_terms(api, org, "Net 30")
    eom = await new_terms(api, org, "EOM 10", kind="END_OF_MONTH", days=10)
    payload = await mutate(api, org, VENDOR_CREATE, name="Supplies Co", paymentTermsId=net["id"])
    assert payload["vendor"]["paymentTerms"]["name"] == "Net 30"
    vendor_id = payload["vendor"]["id"]
    payload = await mutate(api, org, VENDOR_UPDATE, id=vendor_id, paymentTermsId=eom["id"])
    assert payload["vendor"]["paymentTerms"]["kind"] == "END_OF_MONTH"


async def test_party_with_archived_payment_terms_is_refused_and_nothing_written(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Old terms")
    await mutate(api, org, TERMS_ARCHIVE, id=terms["id"])
    payload = await mutate(api, org, CUSTOMER_CREATE, name="Acme", paymentTermsId=terms["id"])
    assert errors(payload) == [(["input", "paymentTermsId"], "RECORD_ARCHIVED")]
    payload = await mutate(api, org, VENDOR_CREATE, name="Acme", paymentTermsId=terms["id"])
    assert errors(payload) == [(["input", "paymentTermsId"], "RECORD_ARCHIVED")]
    assert (await api.data(CUSTOMERS, token=org.token()))["customers"]["totalCount"] == 0
    assert (await api.data(VENDORS, token=org.token()))["vendors"]["totalCount"] == 0


async def test_party_archived_terms_stay_on_parties_that_have_them(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 30")
    created = await mutate(api, org, CUSTOMER_CREATE, name="Acme", paymentTermsId=terms["id"])
    await mutate(api, org, TERMS_ARCHIVE, id=terms["id"])
    listed = await api.data(CUSTOMERS, token=org.token())
    assert listed["customers"]["nodes"][0]["paymentTerms"]["id"] == terms["id"]
    # Changing something else keeps them; choosing them again is refused.
    payload = await mutate(api, org, CUSTOMER_UPDATE, id=created["customer"]["id"], name="Acme 2")
    assert payload["userErrors"] == []
    payload = await mutate(
        api, org, CUSTOMER_UPDATE, id=created["customer"]["id"], paymentTermsId=terms["id"]
    )
    assert errors(payload) == [(["input", "paymentTermsId"], "RECORD_ARCHIVED")]


async def test_party_with_another_organizations_terms_is_not_found(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    theirs = await new_terms(api, b, "Net 30")
    payload = await mutate(api, a, CUSTOMER_CREATE, name="Acme", paymentTermsId=theirs["id"])
    assert errors(payload) == [(["input", "paymentTermsId"], "NOT_FOUND")]
    payload = await mutate(api, a, VENDOR_CREATE, name="Acme", paymentTermsId=theirs["id"])
    assert errors(payload) == [(["input", "paymentTermsId"], "NOT_FOUND")]
    payload = await mutate(api, a, CUSTOMER_CREATE, name="Acme", paymentTermsId="garbage")
    assert errors(payload) == [(["input", "paymentTermsId"], "NOT_FOUND")]
    assert (await api.data(CUSTOMERS, token=a.token()))["customers"]["totalCount"] == 0
    assert [e for e in await changes(api, a) if e["action"].startswith("CUSTOMER_")] == []


async def test_party_terms_problem_is_reported_with_other_problems(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Old")
    await mutate(api, org, TERMS_ARCHIVE, id=terms["id"])
    payload = await mutate(
        api, org, CUSTOMER_CREATE, name="", email="bad", paymentTermsId=terms["id"]
    )
    assert sorted(errors(payload)) == [
        (["input", "email"], "INVALID_EMAIL"),
        (["input", "name"], "REQUIRED"),
        (["input", "paymentTermsId"], "RECORD_ARCHIVED"),
    ]


async def test_customers_page_with_payment_terms_costs_no_more_statements(api: Api) -> None:
    # The page's statement writes each customer's terms (server.crm.reads).
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 30")
    for i in range(4):
        await mutate(api, org, CUSTOMER_CREATE, name=f"C{i}", paymentTermsId=terms["id"])
    plain = "{ customers(first: 4) { nodes { id name } } }"
    with_terms = "{ customers(first: 4) { nodes { id name paymentTerms { name } } } }"
    base = int((await api.post(plain, token=org.token())).headers["x-sql-statements"])
    more = int((await api.post(with_terms, token=org.token())).headers["x-sql-statements"])
    assert more == base
