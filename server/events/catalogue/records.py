"""Event types of the organization's records: customers, vendors, payment terms, items,
tax rates and the chart of accounts."""

from __future__ import annotations

from server.events.payload import (
    BOOLEAN,
    DECIMAL,
    ENUM,
    INTEGER,
    OBJECT,
    TEXT,
    TEXTS,
    EventType,
    Field,
    Money,
    Node,
)

STATUS = Field("status", ENUM, "The status after the change: ACTIVE or ARCHIVED.")
PARTY = (
    Field("name", TEXT, "The name."),
    Field("email", TEXT, "The e-mail address."),
    Field("phone", TEXT, "The phone number."),
    Field("billingAddress", OBJECT, "The billing address, as the API's Address shows it."),
    Field("taxId", TEXT, "The tax id."),
    Field("currency", TEXT, "The currency they are invoiced or billed in."),
    Field("paymentTermsDays", INTEGER, "Days to pay, when no payment terms are named."),
    Field("paymentTerms", Node("PaymentTerms"), "The payment terms.", source="paymentTermsId"),
    STATUS,
    Field("tags", TEXTS, "Tags."),
)
CUSTOMER = (*PARTY, Field("creditLimit", Money(), "The most the customer may owe; null: no limit."))
TERMS = (
    Field("name", TEXT, "The name."),
    Field("kind", ENUM, "PaymentTermsKind."),
    Field("days", INTEGER, "Days after the document date."),
    Field("discountPercent", DECIMAL, "Early-payment discount, percent."),
    Field("discountDays", INTEGER, "Days the discount is offered."),
    STATUS,
)
ITEM = (
    Field("code", TEXT, "The item code."),
    Field("name", TEXT, "The name."),
    Field("description", TEXT, "The description."),
    Field("unitPrice", Money(), "The default unit price, in the organization's base currency."),
    Field("incomeAccount", Node("Account"), "Where sales are booked.", source="incomeAccountId"),
    Field(
        "expenseAccount", Node("Account"), "Where purchases are booked.", source="expenseAccountId"
    ),
    Field("taxRate", Node("TaxRate"), "The default tax rate.", source="taxRateId"),
    STATUS,
)
TAX_RATE = (
    Field("name", TEXT, "The name."),
    Field("rate", DECIMAL, "The rate, percent."),
    Field("inclusive", BOOLEAN, "Prices include the tax."),
    Field("account", Node("Account"), "Where the tax is booked.", source="accountId"),
    STATUS,
)
ACCOUNT = (
    Field("code", TEXT, "The account code."),
    Field("name", TEXT, "The name."),
    Field("type", ENUM, "AccountType."),
    Field("subtype", ENUM, "AccountSubtype."),
    Field("parent", Node("Account"), "The parent account.", source="parentId"),
    Field("currency", TEXT, "The account's currency, when it has one."),
    Field("description", TEXT, "The description."),
    Field("status", ENUM, "RecordStatus after the change."),
)


def record_types(
    noun: str, object_type: str, label: str, fields: tuple[Field, ...]
) -> tuple[EventType, ...]:
    """created, updated and archived: the life of a record that is never deleted. `label`
    names one record, with its article ("an item")."""
    label = label[0].upper() + label[1:]
    return (
        EventType(
            f"{noun}.created", 1, f"{noun}.create", object_type, f"{label} was created.", fields
        ),
        EventType(
            f"{noun}.updated",
            1,
            f"{noun}.update",
            object_type,
            f"{label} was changed.",
            fields,
            changes=True,
        ),
        EventType(
            f"{noun}.archived",
            1,
            f"{noun}.archive",
            object_type,
            f"{label} was archived: it stays on its documents and takes no new ones.",
            (STATUS,),
        ),
    )


TYPES = (
    *record_types("customer", "Customer", "a customer", CUSTOMER),
    EventType(
        "customer.note_added",
        1,
        "customer.note_add",
        "Customer",
        "A note was added to a customer.",
        (
            Field("note", Node("CustomerNote"), "The note.", source="noteId"),
            Field("body", TEXT, "Its text."),
        ),
    ),
    *record_types("vendor", "Vendor", "a vendor", PARTY),
    *record_types("payment_terms", "PaymentTerms", "a set of payment terms", TERMS),
    *record_types("item", "Item", "an item", ITEM),
    *record_types("tax_rate", "TaxRate", "a tax rate", TAX_RATE),
    *record_types("account", "Account", "a ledger account", ACCOUNT),
)
