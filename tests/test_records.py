"""Rows read as records hold what the ORM's models hold, converting a column when first read."""

from __future__ import annotations

from schema.ids import decode
from server.crm.models import Customer
from server.receivables.models import Invoice, InvoiceLine
from server.sql import fetch_rows, records
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import create_invoice, customer, sale
from tests.support import Api


async def test_records_equal_the_orms_models_field_by_field(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(
        api, org, billingAddress={"city": "Lyon", "country": "FR"}, tags=["key", "eu"]
    )
    created = await create_invoice(
        api,
        org,
        acme,
        [sale(ids["4000"], "19.99", "2.5", discountPercent="12.5"), sale(ids["4100"], "1.00")],
        memo="With a memo",
    )
    assert created["userErrors"] == [], created
    invoice_id = decode(created["invoice"]["id"], "Invoice")
    assert invoice_id is not None
    for model, sql, key in (
        (Invoice, "SELECT * FROM invoices WHERE id = $1", invoice_id),
        (InvoiceLine, "SELECT * FROM invoice_lines WHERE invoice_id = $1", invoice_id),
        (Customer, "SELECT * FROM customers WHERE id = $1", decode(acme, "Customer")),
    ):
        found = records(model, await fetch_rows(sql, key))
        expected = {m.id: m for m in await model.filter(id__in=[r.id for r in found])}
        assert len(found) == len(expected) > 0
        for record in found:
            orm = expected[record.id]
            for name in model._meta.db_fields:
                assert getattr(record, name) == getattr(orm, name), (model.__name__, name)
                assert type(getattr(record, name)) is type(getattr(orm, name)), name


async def test_a_converted_column_is_converted_when_first_read_only(api: Api) -> None:
    org = await api.new_org()
    address = {"city": "Lyon", "country": "FR"}
    acme = decode(await customer(api, org, billingAddress=address), "Customer")
    [record] = records(Customer, await fetch_rows("SELECT * FROM customers WHERE id = $1", acme))
    # The name comes from the driver as it is; the address (JSON) and status (an enum) do not.
    assert "name" in record.__dict__
    assert "billing_address" not in record.__dict__ and "status" not in record.__dict__
    assert record.billing_address == address
    assert record.__dict__["billing_address"] == address and "status" not in record.__dict__
    assert record.status == (await Customer.get(id=acme)).status
