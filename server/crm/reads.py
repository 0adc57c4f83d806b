"""Customers and vendors as the database writes them (server.reads)."""

from __future__ import annotations

from collections.abc import Callable

from server.crm.models import Customer, PartyStatus, PaymentTerms, TermsKind, Vendor
from server.editing import RecordStatus
from server.reads.shape import (
    Field,
    Nested,
    Related,
    Shape,
    Value,
    column,
    enum_column,
    fixed_point,
    instant_column,
    node_id,
    nullable_money_column,
)


def _address_part(key: str) -> Value:
    return Value(lambda s, d: d.json_text(s, key))


ADDRESS = Shape(
    "Address",
    {
        "line1": _address_part("line1"),
        "line2": _address_part("line2"),
        "city": _address_part("city"),
        "region": _address_part("region"),
        "postalCode": _address_part("postalCode"),
        "country": _address_part("country"),
    },
)


def _stored_address(t: str) -> str:
    # schema.crm.types.Address.from_json: no address for a value Python finds false. Both
    # databases write such JSON values as this text ('{}' for an empty object).
    return (
        f'{t}."billing_address" IS NOT NULL AND CAST({t}."billing_address" AS TEXT)'
        " NOT IN ('{}', '[]', 'null', '\"\"', '0', 'false')"
    )


# The due date and the discount's last day take a document date: the stock resolvers.
PAYMENT_TERMS = Shape(
    "PaymentTerms",
    {
        "id": node_id("PaymentTerms"),
        "name": column("name"),
        "kind": enum_column("kind", TermsKind),
        "days": column("days"),
        "discountPercent": fixed_point("discount_percent"),
        "discountDays": column("discount_days"),
        "status": enum_column("status", RecordStatus),
        "createdAt": instant_column("created_at"),
    },
    PaymentTerms._meta.db_table,
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
        "billingAddress": Nested(ADDRESS, lambda t: f'{t}."billing_address"', _stored_address),
        "tags": Value(lambda t, d: d.separated(f'{t}."tags_text"')),
        "createdAt": instant_column("created_at"),
        "updatedAt": instant_column("updated_at"),
        # Asked of the gate (item read) like the stock resolver.
        "paymentTerms": Related(
            PAYMENT_TERMS,
            lambda t, a: (
                f'FROM "{PAYMENT_TERMS.table}" {a} WHERE {a}."id" = {t}."payment_terms_id"'
                f' AND {a}."organization_id" = {t}."organization_id"'
            ),
        ),
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


def party_name(shape: Shape, link: str) -> Callable[[str], str]:
    """SQL of the name of the customer or vendor a row's `link` names, over the row's
    alias: what a list of documents sorts and searches by."""

    def name(t: str) -> str:
        return (
            f'(SELECT n."name" FROM "{shape.table}" n WHERE n."id" = {t}."{link}"'  # noqa: S608
            f' AND n."organization_id" = {t}."organization_id")'
        )

    return name
