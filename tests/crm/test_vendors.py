"""Vendors through the public API."""

from __future__ import annotations

from tests.crm.queries import VENDOR_CREATE
from tests.support import Api

VENDORS = """query($filter: PartyFilter) { vendors(first: 10, filter: $filter) {
  totalCount nodes { id name status } } }"""


async def test_vendor_create_update_archive_round_trip(api: Api) -> None:
    org = await api.new_org("ap_clerk", "accountant")
    created = await api.data(
        VENDOR_CREATE,
        {"input": {"name": "Paper Co", "email": "ar@paper.example", "tags": ["materials"]}},
        token=org.token("ap_clerk"),
    )
    vendor = created["vendorCreate"]["vendor"]
    assert created["vendorCreate"]["userErrors"] == []
    assert vendor["currency"] == "USD"

    updated = await api.data(
        """mutation($input: VendorUpdateInput!) { vendorUpdate(input: $input) {
            vendor { name paymentTermsDays } userErrors { code } } }""",
        {"input": {"id": vendor["id"], "paymentTermsDays": 45}},
        token=org.token("ap_clerk"),
    )
    assert updated["vendorUpdate"]["vendor"] == {"name": "Paper Co", "paymentTermsDays": 45}

    archived = await api.data(
        """mutation($id: ID!) { vendorArchive(input: {id: $id}) {
            vendor { status } userErrors { code } } }""",
        {"id": vendor["id"]},
        token=org.token("accountant"),
    )
    assert archived["vendorArchive"]["vendor"]["status"] == "ARCHIVED"
    listed = await api.data(VENDORS, {"filter": {"status": "ACTIVE"}}, token=org.token())
    assert listed["vendors"]["totalCount"] == 0


async def test_vendor_create_with_duplicate_email_is_refused(api: Api) -> None:
    org = await api.new_org()
    for expected in ([], ["DUPLICATE_EMAIL"]):
        data = await api.data(
            VENDOR_CREATE,
            {"input": {"name": "Dup", "email": "dup@vendor.example"}},
            token=org.token(),
        )
        assert [e["code"] for e in data["vendorCreate"]["userErrors"]] == expected


async def test_customer_id_is_not_accepted_as_vendor_id(api: Api) -> None:
    org = await api.new_org()
    customer = await api.data(
        """mutation { customerCreate(input: {name: "C"}) { customer { id } } }""",
        token=org.token(),
    )
    customer_id = customer["customerCreate"]["customer"]["id"]
    data = await api.data(
        "query($id: ID!) { vendor(id: $id) { id } }", {"id": customer_id}, token=org.token()
    )
    assert data["vendor"] is None
