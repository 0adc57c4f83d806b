"""Customers and vendors as the database writes them (server.reads)."""

from __future__ import annotations

from server.crm.models import Customer, PartyStatus, Vendor
from server.reads.shape import (
    Field,
    Related,
    Shape,
    column,
    enum_column,
    node_id,
    nullable_money_column,
)


def _party_fields(type_name: str) -> dict[str, Field]:
    return {
        "id": node_id(type_name),
        "name": column("name"),
        "email": column("email"),
        "phone": column("phone"),
        "taxId": column("tax_id"),
        "currency": column("currency"),
        "paymentTermsDays": column("payment_terms_days"),
        "status": enum_column("status", PartyStatus),
    }


CUSTOMER = Shape(
    "Customer",
    {**_party_fields("Customer"), "creditLimit": nullable_money_column("credit_limit_minor")},
    Customer._meta.db_table,
)
VENDOR = Shape("Vendor", _party_fields("Vendor"), Vendor._meta.db_table)


def party_of(shape: Shape, link: str) -> Related:
    """The document's customer or vendor, of the same organization as the document."""
    return Related(
        shape,
        lambda t, a: (
            f'FROM "{shape.table}" {a} WHERE {a}."id" = {t}."{link}"'
            f' AND {a}."organization_id" = {t}."organization_id"'
        ),
    )
