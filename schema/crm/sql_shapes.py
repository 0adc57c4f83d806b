"""Customers and vendors as PostgreSQL writes them into list pages (schema.sql_json)."""

from __future__ import annotations

from schema.sql_json import Related, Shape, column, enum_column, node_id
from server.crm.models import PartyStatus


def _party(type_name: str) -> Shape:
    return Shape(
        type_name,
        {
            "id": node_id(type_name),
            "name": column("name"),
            "email": column("email"),
            "phone": column("phone"),
            "taxId": column("tax_id"),
            "currency": column("currency"),
            "paymentTermsDays": column("payment_terms_days"),
            "status": enum_column("status", PartyStatus),
        },
    )


CUSTOMER = _party("Customer")
VENDOR = _party("Vendor")


def party_of(shape: Shape, table: str, link: str) -> Related:
    """The document's customer or vendor, of the same organization as the document."""
    return Related(
        shape,
        lambda t, a: (
            f'FROM "{table}" {a} WHERE {a}."id" = {t}."{link}"'
            f' AND {a}."organization_id" = {t}."organization_id"'
        ),
    )
