"""Event types of payables: bills, purchase orders, bill payments."""

from __future__ import annotations

from server.events.payload import (
    DATE,
    ENUM,
    INTEGER,
    TEXT,
    TEXTS,
    EventType,
    Field,
    Items,
    Money,
    Node,
    Nodes,
)

# Payables write amounts beside the document's currency.
AMOUNT = Money(currency="currency")
BILL = (
    Field("vendor", Node("Vendor"), "The vendor billing."),
    Field("vendorReference", TEXT, "The vendor's bill number."),
    Field("status", ENUM, "BillStatus after the change."),
    Field("currency", TEXT, "The bill's currency."),
    Field("billDate", DATE, "The bill date."),
    Field("dueDate", DATE, "The due date."),
    Field("subtotal", AMOUNT, "Total before tax."),
    Field("tax", AMOUNT, "Tax."),
    Field("total", AMOUNT, "Total with tax."),
    Field("purchaseOrder", Node("PurchaseOrder"), "The purchase order it bills, if any."),
)
STATUS = Field("status", ENUM, "BillStatus after the change.")
PREVIOUS_STATUS = Field("previousStatus", ENUM, "BillStatus before.", source="status", before=True)

TYPES = (
    EventType("bill.created", 1, "bill.create", "Bill", "A draft bill was entered.", BILL),
    EventType(
        "bill.updated", 1, "bill.update", "Bill", "A draft bill was changed.", BILL, changes=True
    ),
    EventType(
        "bill.submitted", 1, "bill.submit", "Bill", "A bill was submitted for approval.", (STATUS,)
    ),
    EventType(
        "bill.rejected",
        1,
        "bill.reject",
        "Bill",
        "A submitted bill was sent back to draft.",
        (STATUS, Field("reason", TEXT, "Why.")),
    ),
    EventType(
        "bill.approved",
        1,
        "bill.approve",
        "Bill",
        "A bill was approved and posted to the ledger.",
        (
            STATUS,
            Field("entryNumber", INTEGER, "Number of the journal entry posted.", source="entry"),
            Field("total", AMOUNT, "Total with tax."),
            Field(
                "toleranceOverridden",
                TEXTS,
                "How the bill went beyond its purchase order, when an approver overrode that.",
                optional=True,
            ),
        ),
    ),
    EventType(
        "bill.voided",
        1,
        "bill.void",
        "Bill",
        "A bill was voided; a posted one is reversed in the ledger.",
        (
            STATUS,
            PREVIOUS_STATUS,
            Field("date", DATE, "The date of the void."),
            Field("reason", TEXT, "Why."),
        ),
    ),
    EventType(
        "purchase_order.created",
        1,
        "purchase_order.create",
        "PurchaseOrder",
        "A purchase order was created.",
        (
            Field("number", TEXT, "The purchase order number."),
            Field("vendor", Node("Vendor"), "The vendor."),
            Field("status", ENUM, "PurchaseOrderStatus."),
            Field("currency", TEXT, "Its currency."),
            Field("orderDate", DATE, "The order date."),
            Field("expectedDate", DATE, "When the goods are expected."),
            Field("total", AMOUNT, "Total with tax."),
        ),
    ),
    EventType(
        "purchase_order.approved",
        1,
        "purchase_order.approve",
        "PurchaseOrder",
        "A purchase order was approved.",
        (Field("status", ENUM, "PurchaseOrderStatus."),),
    ),
    EventType(
        "bill_payment.recorded",
        1,
        "bill_payment.record",
        "BillPayment",
        "A payment to a vendor was recorded, posted and applied to bills.",
        (
            Field("vendor", Node("Vendor"), "The vendor paid."),
            Field("date", DATE, "The payment date."),
            Field("amount", AMOUNT, "The amount paid."),
            Field("method", ENUM, "PaymentMethod."),
            Field("reference", TEXT, "The payment reference."),
            Field("entryNumber", INTEGER, "Number of the journal entry posted.", source="entry"),
            Field("unapplied", AMOUNT, "What is left of the payment: credit with the vendor."),
            Field(
                "allocations",
                Items(
                    (
                        Field("bill", Node("Bill"), "The bill paid."),
                        Field("amount", AMOUNT, "The amount applied to it."),
                        Field(
                            "discount",
                            AMOUNT,
                            "The early-payment discount taken, when one was.",
                            optional=True,
                        ),
                        Field("billStatus", ENUM, "BillStatus once this payment is done."),
                    )
                ),
                "The bills it paid.",
            ),
        ),
    ),
    EventType(
        "bill_payment.voided",
        1,
        "bill_payment.void",
        "BillPayment",
        "A bill payment was voided: its allocations were undone, its entry reversed.",
        (
            Field("status", ENUM, "BillPaymentStatus after the change."),
            Field("voidedOn", DATE, "The date of the void."),
            Field("bills", Nodes("Bill"), "The bills it had paid."),
            Field("allocationsUndone", INTEGER, "Allocations undone.", source="undone"),
            Field("discountsUndone", INTEGER, "Early-payment discounts undone."),
        ),
    ),
)
