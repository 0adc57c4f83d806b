"""Event types of the general ledger: journal entries, the lock date, rates, dimensions.

Entries that documents post (an invoice's, a payment's) have no event of their own: the
document's event names the entry's number.
"""

from __future__ import annotations

from server.events.payload import DATE, DECIMAL, INTEGER, TEXT, TEXTS, EventType, Field, Node

DRAFT = (
    Field("date", DATE, "The entry date."),
    Field("memo", TEXT, "The memo."),
)
POSTED = (
    Field("number", INTEGER, "The entry number, gapless per organization."),
    *DRAFT,
    Field("source", TEXT, "What posted it: null for a manual entry."),
)

TYPES = (
    EventType(
        "journal_entry.drafted",
        1,
        "journal_entry.create",
        "JournalEntry",
        "A draft journal entry was saved.",
        DRAFT,
    ),
    EventType(
        "journal_entry.draft_updated",
        1,
        "journal_entry.update",
        "JournalEntry",
        "A draft journal entry was changed.",
        DRAFT,
        changes=True,
    ),
    EventType(
        "journal_entry.draft_deleted",
        1,
        "journal_entry.delete",
        "JournalEntry",
        "A draft journal entry was deleted.",
        tuple(Field(f.name, f.kind, f.description, before=True) for f in DRAFT),
    ),
    EventType(
        "journal_entry.posted",
        1,
        "journal_entry.post",
        "JournalEntry",
        "A journal entry was posted to the ledger, at once or from a draft.",
        POSTED,
    ),
    EventType(
        "journal_entry.reversed",
        1,
        "journal_entry.reverse",
        "JournalEntry",
        "A posted entry was reversed; the event's object is the reversing entry.",
        (
            *POSTED,
            Field("reverses", Node("JournalEntry"), "The entry reversed.", before=True),
            Field("reversedNumber", INTEGER, "Its number.", source="number", before=True),
        ),
    ),
    EventType(
        "ledger.lock_date_changed",
        1,
        "ledger.lock_date_set",
        "Organization",
        "The lock date was set, moved or cleared.",
        (
            Field("lockDate", DATE, "Nothing can be posted on or before it; null: no lock date."),
            Field(
                "previousLockDate", DATE, "The lock date before.", source="lockDate", before=True
            ),
        ),
    ),
    EventType(
        "exchange_rate.set",
        1,
        "exchange_rate.set",
        "ExchangeRate",
        "The rate of a currency on a date was recorded or corrected.",
        (
            Field("currency", TEXT, "The currency."),
            Field("date", DATE, "The date."),
            Field("rate", DECIMAL, "Units of base currency per unit of the currency."),
        ),
    ),
    EventType(
        "tracking_category.created",
        1,
        "dimension.create",
        "TrackingCategory",
        "A tracking category was created with its options.",
        (Field("name", TEXT, "The name."), Field("options", TEXTS, "The options' names.")),
    ),
    EventType(
        "tracking_option.created",
        1,
        "dimension.option_create",
        "TrackingOption",
        "An option was added to a tracking category.",
        (
            Field("category", Node("TrackingCategory"), "The category.", source="categoryId"),
            Field("name", TEXT, "The name."),
        ),
    ),
)
