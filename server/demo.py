"""Demo data: "Demo Company" with one user per built-in role and realistic parties.

Idempotent: running it again changes nothing that exists and adds only what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from server import clock, demo_documents
from server.access.catalogue import BUILTIN_ROLES
from server.actor import Actor
from server.crm import notes, parties
from server.crm.models import Customer, Vendor
from server.identity import accounts
from server.identity.models import Membership, Organization, User
from server.ledger import entry_lines, posting, rates
from server.ledger.models import Account, ExchangeRate, IdempotencyRecord
from server.onboarding import organizations

DEMO_ORGANIZATION = "Demo Company"
DEMO_DOMAIN = "demo.ledgerline.test"

CUSTOMERS = [  # name, email, currency, terms, credit limit, tags
    (
        "Northwind Traders",
        "ap@northwind.example",
        "USD",
        30,
        "25000.00",
        ["wholesale", "key-account"],
    ),
    ("Blue Harbor Cafe", "owner@blueharbor.example", "USD", 14, "2000.00", ["hospitality"]),
    (
        "Contoso Pharmaceuticals",
        "invoices@contoso.example",
        "USD",
        45,
        "100000.00",
        ["key-account"],
    ),
    ("Fabrikam Studios", "billing@fabrikam.example", "USD", 30, None, ["media"]),
    (
        "Alpine Outfitters GmbH",
        "buchhaltung@alpine.example",
        "EUR",
        30,
        "15000.00",
        ["retail", "eu"],
    ),
    ("Maple Leaf Logistics", "ap@mapleleaf.example", "CAD", 60, "40000.00", ["logistics"]),
    ("Sakura Design KK", "keiri@sakura.example", "JPY", 30, "3000000", ["design"]),
    ("Greenfield Farms", "accounts@greenfield.example", "USD", 7, "5000.00", ["agriculture"]),
    (
        "Riverside Dental Group",
        "office@riversidedental.example",
        "USD",
        30,
        "8000.00",
        ["healthcare"],
    ),
    (
        "Atlas Engineering Ltd",
        "finance@atlas.example",
        "GBP",
        30,
        "20000.00",
        ["engineering", "eu"],
    ),
    ("Copper Kettle Bakery", "hello@copperkettle.example", "USD", 0, "500.00", ["hospitality"]),
    ("Lumen Solar Co-op", "treasurer@lumensolar.example", "USD", 30, None, ["energy"]),
]

VENDORS = [
    ("Office Depot Supplies", "orders@officesupplies.example", "USD", 30, ["office"]),
    ("CloudHost Inc", "billing@cloudhost.example", "USD", 15, ["software", "recurring"]),
    ("City Power & Light", "accounts@citypower.example", "USD", 21, ["utilities", "recurring"]),
    ("Metro Property Management", "rent@metroproperty.example", "USD", 5, ["rent", "recurring"]),
    ("Swift Courier Services", "ar@swiftcourier.example", "USD", 30, ["logistics"]),
    ("Brightline Legal LLP", "billing@brightline.example", "USD", 30, ["professional"]),
    ("Nordic Paper AB", "faktura@nordicpaper.example", "EUR", 45, ["materials", "eu"]),
    ("Pixel Perfect Agency", "finance@pixelperfect.example", "USD", 30, ["marketing"]),
]

NOTES = {
    "Northwind Traders": "Annual contract renewed; prefers invoices on the 1st of the month.",
    "Blue Harbor Cafe": "Called about a late payment; promised to pay by Friday.",
}


# days before today, memo, debit account, credit account, amount: five months of plain
# bookkeeping, dated from the day the demo is loaded so that it looks like a live business.
JOURNAL = [
    (150, "Owner's capital contribution", "1010", "3000", "50000.00"),
    (147, "Office rent", "6300", "1010", "2400.00"),
    (137, "Consulting revenue, cash sale", "1010", "4100", "8200.00"),
    (121, "Salaries", "6500", "1010", "9500.00"),
    (117, "Office rent", "6300", "1010", "2400.00"),
    (110, "Laptops for the team", "1500", "1010", "4800.00"),
    (102, "Consulting revenue, cash sale", "1010", "4100", "12400.00"),
    (95, "Software subscriptions", "6700", "1010", "640.00"),
    (91, "Salaries", "6500", "1010", "9500.00"),
    (87, "Office rent", "6300", "1010", "2400.00"),
    (61, "Salaries", "6500", "1010", "9500.00"),
    (57, "Office rent", "6300", "1010", "2400.00"),
    (44, "Consulting revenue, cash sale", "1010", "4100", "6300.00"),
    (31, "Salaries", "6500", "1010", "9500.00"),
    (27, "Office rent", "6300", "1010", "2400.00"),
]

# Rates of the foreign currencies the demo's customers and vendors use (base: USD), by days
# before today: a new user can invoice them, on any date of the demo's history or later.
EXCHANGE_RATES = {
    "EUR": ((150, "1.0850"), (90, "1.0920"), (30, "1.0780")),
    "GBP": ((150, "1.2650"), (90, "1.2710"), (30, "1.2590")),
    "CAD": ((150, "0.7350"), (90, "0.7310"), (30, "0.7380")),
    "JPY": ((150, "0.0067"), (90, "0.0066"), (30, "0.0068")),
}


@dataclass
class DemoSummary:
    created_users: int = 0
    created_customers: int = 0
    created_vendors: int = 0
    posted_entries: int = 0
    issued_invoices: int = 0
    approved_bills: int = 0
    created_organization: bool = False


DEMO_STEPS = ("users and roles", "customers and vendors", "journal entries", "documents")


async def load_demo(
    password: str, today: date | None = None, progress: Callable[[int, str], None] | None = None
) -> DemoSummary:
    """Load the demo organization, its dates counted back from `today` (the real date if
    omitted). Idempotent: what exists is kept, whatever day it was loaded on. `progress`
    hears of each step (its number from 1 and its name in DEMO_STEPS) as it starts."""

    def step(number: int) -> None:
        if progress is not None:
            progress(number, DEMO_STEPS[number - 1])

    today = today or clock.today()
    step(1)
    summary = DemoSummary()
    system = Actor.system("demo")
    users: dict[str, User] = {}
    for role in BUILTIN_ROLES:
        email = f"{role}@{DEMO_DOMAIN}"
        user = await User.get_or_none(email=email)
        if user is None:
            name = f"Demo {role.replace('_', ' ').title()}"
            user = await accounts.create_user(system, email, name, password)
            summary.created_users += 1
        users[role] = user

    owner = users["owner"]
    organization = await Organization.filter(
        name=DEMO_ORGANIZATION, memberships__user_id=owner.id
    ).first()
    if organization is None:
        organization = await organizations.create_organization(
            system, owner, DEMO_ORGANIZATION, "USD"
        )
        summary.created_organization = True
    for role, user in users.items():
        if not await Membership.exists(user_id=user.id, organization_id=organization.id):
            await accounts.add_member(system, organization, user, [role])

    acting = Actor(
        kind="user",
        user_id=owner.id,
        organization_id=organization.id,
        label=owner.email,
        roles=("owner",),
    )
    step(2)
    for name, email, currency, terms, limit, tags in CUSTOMERS:
        if await Customer.exists(organization_id=organization.id, email=email):
            continue
        customer = await parties.create(
            acting,
            Customer,
            parties.PartyChanges(
                name=name,
                email=email,
                currency=currency,
                payment_terms_days=terms,
                credit_limit=limit,
                tags=tags,
            ),
        )
        summary.created_customers += 1
        if name in NOTES:
            await notes.add_note(acting, customer.id, NOTES[name])
    for name, email, currency, terms, tags in VENDORS:
        if await Vendor.exists(organization_id=organization.id, email=email):
            continue
        await parties.create(
            acting,
            Vendor,
            parties.PartyChanges(
                name=name, email=email, currency=currency, payment_terms_days=terms, tags=tags
            ),
        )
        summary.created_vendors += 1
    step(3)
    await _rates(acting, today)
    await _journal(acting, summary, today)
    step(4)
    summary.issued_invoices, summary.approved_bills = await demo_documents.load(
        acting, users["ap_clerk"].id, users["approver"].id, today
    )
    return summary


async def _rates(acting: Actor, today: date) -> None:
    """Each currency's rates, unless the organization has a rate for it already (set by an
    earlier run, or by its users since)."""
    for currency, history in EXCHANGE_RATES.items():
        if await ExchangeRate.exists(organization_id=acting.org, currency=currency):
            continue
        for days, rate in history:
            await rates.set_rate(acting, currency, today - timedelta(days=days), rate)


async def _journal(acting: Actor, summary: DemoSummary, today: date) -> None:
    codes = dict(await Account.filter(organization_id=acting.org).values_list("code", "id"))
    for i, (days, memo, debit, credit, amount) in enumerate(JOURNAL):
        key = f"demo-journal-{i}"
        if await IdempotencyRecord.exists(organization_id=acting.org, key=key):
            continue
        await posting.post(
            acting,
            entry_lines.EntryInput(
                date=today - timedelta(days=days),
                memo=memo,
                lines=[
                    entry_lines.LineInput(codes[debit], entry_lines.Side.DEBIT, amount),
                    entry_lines.LineInput(codes[credit], entry_lines.Side.CREDIT, amount),
                ],
            ),
            idempotency_key=key,
        )
        summary.posted_entries += 1
