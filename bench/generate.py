"""Benchmark data: one organization with its owner, then N customers bulk-loaded with COPY.

The owner and the organization go through the application's own services, so the password
hash, the Casbin roles and the audit chain are what the server expects. The customers are
plain rows copied straight into "customers" (columns as in migrations/models/0_*_init.py)
and vacuumed, deterministic for a given seed.

    python -m bench.generate --database-url postgres://postgres@127.0.0.1:5432/db --customers 10000

prints one JSON object: organization id, owner email and password, customer count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

OWNER_PASSWORD = "bench-password-1234"
OWNER_EMAIL = "owner@bench.example.com"
ORGANIZATION_NAME = "Bench Company"

CUSTOMER_COLUMNS = (
    "id",
    "organization_id",
    "name",
    "email",
    "phone",
    "billing_address",
    "tax_id",
    "currency",
    "payment_terms_days",
    "status",
    "tags_text",
    "created_at",
    "updated_at",
    "credit_limit_minor",
)

_FIRST = (  # noqa: SIM905
    "Acme Alpine Apex Atlas Blue Bright Cedar Coastal Copper Crown Delta Eagle Evergreen "
    "Falcon Golden Granite Harbor Highland Iron Juniper Keystone Lakeside Liberty Maple "
    "Meridian Northern Oak Orion Pacific Pioneer Prairie Quantum Redwood River Sierra "
    "Silver Summit Sunrise Titan Union Valley Vertex Western Willow Zenith"
).split()
_SECOND = (  # noqa: SIM905
    "Analytics Bakery Builders Cafe Consulting Dental Design Electric Engineering Farms "
    "Foods Freight Furniture Health Hardware Holdings Imports Labs Logistics Media Metals "
    "Motors Outfitters Partners Pharmacy Plastics Printing Properties Robotics Software "
    "Supply Systems Textiles Tools Traders Travel Ventures Wholesale Works"
).split()
_SUFFIX = ("Inc", "LLC", "Ltd", "Co", "Group", "GmbH", "SA", "")
_TAGS = ("wholesale", "retail", "vip", "export", "net30", "priority", "online", "partner")
_CITIES = (
    ("Springfield", "US", "IL"),
    ("Portland", "US", "OR"),
    ("Austin", "US", "TX"),
    ("Toronto", "CA", "ON"),
    ("Manchester", "GB", None),
    ("Berlin", "DE", None),
    ("Lyon", "FR", None),
    ("Melbourne", "AU", "VIC"),
)


@dataclass(frozen=True)
class Dataset:
    database_url: str
    organization_id: str
    user_id: str
    email: str
    password: str
    customers: int
    seconds: float


def asyncpg_dsn(database_url: str) -> str:
    """Tortoise spells PostgreSQL URLs postgres:// or asyncpg://; asyncpg wants postgresql://."""
    scheme, sep, rest = database_url.partition("://")
    if not sep or scheme not in ("postgres", "postgresql", "asyncpg", "psycopg"):
        raise ValueError(f"not a PostgreSQL URL: {database_url}")
    return f"postgresql://{rest}"


async def create_owner(database_url: str) -> tuple[uuid.UUID, uuid.UUID]:
    """Owner user and organization through the services: (user id, organization id)."""
    from tortoise import Tortoise

    from server.access.control import AccessControl
    from server.actor import Actor
    from server.db import tortoise_config
    from server.identity import accounts, duty_rules
    from server.onboarding import organizations

    await Tortoise.init(config=tortoise_config(database_url))
    try:
        actor = Actor.system("bench")
        user = await accounts.create_user(actor, OWNER_EMAIL, "Bench Owner", OWNER_PASSWORD)
        org = await organizations.create_organization(actor, user, ORGANIZATION_NAME, "USD")
        # One person runs the bench organization and posts the entries it creates.
        access = AccessControl()
        await access.refresh()
        in_org = actor.in_organization(org.id, ("owner",))
        await duty_rules.set_rule(access, in_org, "journal", "post", enabled=False)
        return user.id, org.id
    finally:
        await Tortoise.close_connections()


def customer_rows(organization_id: uuid.UUID, count: int, seed: int = 42) -> list[tuple[Any, ...]]:
    """Deterministic customer rows in CUSTOMER_COLUMNS order."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    span = 3 * 365 * 86400
    rows = []
    for i in range(count):
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_SUFFIX)}".strip()
        name = f"{name} #{i:05d}"
        email = None if rng.random() < 0.1 else f"billing{i}@customer{i % 997}.example.com"
        phone = None if rng.random() < 0.2 else f"+1-555-{rng.randrange(10**7):07d}"
        address = None
        if rng.random() < 0.8:
            city, country, region = rng.choice(_CITIES)
            address = json.dumps(
                {
                    "line1": f"{rng.randrange(1, 9999)} {rng.choice(_FIRST)} Street",
                    "line2": None if rng.random() < 0.7 else f"Suite {rng.randrange(100, 999)}",
                    "city": city,
                    "region": region,
                    "postalCode": f"{rng.randrange(10000, 99999)}",
                    "country": country,
                }
            )
        tax_id = None if rng.random() < 0.5 else f"TAX-{rng.randrange(10**9):09d}"
        tags = sorted(rng.sample(_TAGS, rng.choice((0, 0, 1, 1, 2, 3))))
        tags_text = "," + "".join(f"{t}," for t in tags)
        created = start + timedelta(seconds=rng.randrange(span))
        updated = created + timedelta(seconds=rng.randrange(30 * 86400))
        credit = None if rng.random() < 0.4 else rng.randrange(1, 500) * 100_00
        status = "ARCHIVED" if rng.random() < 0.05 else "ACTIVE"
        rows.append(
            (
                uuid.UUID(int=rng.getrandbits(128), version=4),
                organization_id,
                name,
                email,
                phone,
                address,
                tax_id,
                "USD",
                rng.choice((15, 30, 30, 30, 45, 60)),
                status,
                tags_text,
                created,
                updated,
                credit,
            )
        )
    return rows


async def load_customers(
    database_url: str, organization_id: uuid.UUID, count: int, seed: int = 42, first: int = 0
) -> None:
    """COPY customers first..count - 1 of the organization into the table (rows of
    `customer_rows`, so a later load from `first` adds to an earlier one with the same
    seed), then VACUUM ANALYZE it.

    The vacuum sets the visibility map and statistics as autovacuum eventually would, so
    runs start from the steady state rather than from a freshly loaded heap.
    """
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        rows = customer_rows(organization_id, count, seed)[first:]
        async with conn.transaction():
            await conn.copy_records_to_table("customers", records=rows, columns=CUSTOMER_COLUMNS)
        await conn.execute("VACUUM (ANALYZE) customers")
    finally:
        await conn.close()


async def generate(database_url: str, customers: int = 10_000, seed: int = 42) -> Dataset:
    started = time.perf_counter()
    user_id, org_id = await create_owner(database_url)
    await load_customers(database_url, org_id, customers, seed)
    return Dataset(
        database_url=database_url,
        organization_id=str(org_id),
        user_id=str(user_id),
        email=OWNER_EMAIL,
        password=OWNER_PASSWORD,
        customers=customers,
        seconds=round(time.perf_counter() - started, 2),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--database-url", required=True, help="postgres://user@host:port/db")
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    dataset = asyncio.run(generate(args.database_url, args.customers, args.seed))
    json.dump(asdict(dataset), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
