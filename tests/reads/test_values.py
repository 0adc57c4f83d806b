"""Values as the database writes them (server/reads/dialect.py), compared on the database
under test with what the stock resolvers give for the same stored values: amounts in every
currency, fixed-point quantities, global ids, booleans, instants, JSON texts and lists, and
texts a JSON writer must escape.

Each comparison is one statement over many values, written into a JSON object as items are."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import uuid4

import orjson

from schema.ids import encode
from server.dates import instant_text
from server.fixed_point import plain_decimal
from server.money import active_currencies, amount_from_minor
from server.reads import dialect
from server.sql import fetch
from tests.reads.helpers import AWKWARD

_SMALLEST, _LARGEST = -(2**63), 2**63 - 1
_BATCH = 400


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return f"CAST({value} AS BIGINT)"
    return "'" + str(value).replace("'", "''") + "'"


async def _written(rows: list[tuple[Any, ...]], value: str) -> list[Any]:
    """`value`, SQL over columns a, b of each row, as the database writes it into an item."""
    # SQLite takes at most 500 terms in a compound SELECT.
    if len(rows) > _BATCH:
        return await _written(rows[:_BATCH], value) + await _written(rows[_BATCH:], value)
    d = dialect.current()
    table = " UNION ALL ".join(
        f"SELECT {i} AS i, {_literal(a)} AS a, {_literal(b)} AS b" for i, (a, b) in enumerate(rows)
    )
    item = d.object([("v", value.format(a="x.a", b="x.b"))])
    found = await fetch(f"SELECT x.i AS i, {item} AS item FROM ({table}) x ORDER BY x.i")
    return [orjson.loads(row["item"])["v"] for row in found]


async def test_amounts_are_written_as_the_stock_resolvers_give_them_in_every_currency() -> None:
    chosen = random.Random(7)
    edges = [0, 1, -1, 5, -5, 9, 10, 99, 100, -100, 101, 12_345, 9_007_199_254_740_993]
    rows = [(m, c) for c in ("USD", "JPY", "BHD") for m in [*edges, _SMALLEST, _LARGEST]]
    for currency in sorted(active_currencies()):
        rows += [(chosen.randint(-(10**12), 10**12), currency) for _ in range(3)]
    d = dialect.current()
    written = await _written(rows, d.amount("{a}", "{b}"))
    assert written == [str(amount_from_minor(m, c)) for m, c in rows]
    assert written[rows.index((-5, "BHD"))] == "-0.005"
    assert written[rows.index((0, "USD"))] == "0.00"


async def test_quantities_are_written_without_trailing_zeros() -> None:
    values = [0, 1, -1, 5, 10, 10_000, 15_000, -15_000, 100_000, 1_230_000, 123_456_789, None]
    values += [10**14 + 1, -(10**15), _LARGEST, _SMALLEST]
    written = await _written([(q, None) for q in values], dialect.current().fixed_point("{a}"))
    expected = [None if q is None else str(plain_decimal(Decimal(q).scaleb(-4))) for q in values]
    assert written == expected
    assert written[:5] == ["0", "0.0001", "-0.0001", "0.0005", "0.001"]


async def test_global_ids_are_written_as_strawberry_encodes_them() -> None:
    ids = [str(uuid4()) for _ in range(5)]
    rows = [(i, t) for i in ids for t in ("Invoice", "Bill", "TaxRate", "X")] + [(None, "Item")]
    d = dialect.current()
    for type_name in ("Invoice", "TaxRate"):
        written = await _written(rows, d.global_id(type_name, "{a}"))
        assert written == [None if i is None else encode(type_name, i) for i, _t in rows]


async def test_booleans_and_texts_are_written_as_json_values() -> None:
    rows: list[tuple[Any, Any]] = [(True, AWKWARD), (False, ""), (None, None), (True, "'; --")]
    d = dialect.current()
    assert await _written(rows, d.boolean("{a}")) == [True, False, None, True]
    assert await _written(rows, "{b}") == [AWKWARD, "", None, "'; --"]


async def test_instants_are_written_as_the_datetime_scalar_writes_them() -> None:
    """Stored with any offset, as the ORM stores them (a timestamptz, or on SQLite the
    `isoformat(" ")` text), written in UTC with milliseconds, truncated, and Z."""
    chosen = random.Random(11)
    moments = [
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        datetime(2026, 3, 1, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2026, 1, 1, 0, 0, 0, 999_500, tzinfo=timezone(timedelta(hours=1))),
        datetime(1, 1, 2, tzinfo=timezone(timedelta(hours=-12))),
        datetime(9999, 12, 31, 12, tzinfo=timezone(timedelta(hours=14))),
    ]
    for _ in range(200):
        offset = timedelta(minutes=chosen.randint(-12 * 60, 14 * 60))
        local = datetime(2000, 1, 1) + timedelta(
            seconds=chosen.randint(0, 60 * 365 * 86_400),
            microseconds=chosen.choice([0, 1, 999_999, chosen.randint(0, 999_999)]),
        )
        moments.append(local.replace(tzinfo=timezone(offset)))
    d = dialect.current()
    stored = "CAST({a} AS TIMESTAMPTZ)" if d is dialect.POSTGRES else "{a}"
    rows = [(m.isoformat(" "), None) for m in moments] + [(None, None)]
    written = await _written(rows, d.instant(stored))
    assert written == [instant_text(m) for m in moments] + [None]


async def test_json_text_and_separated_lists_are_written_as_the_stock_types_read_them() -> None:
    d = dialect.current()
    cast = "CAST({a} AS JSONB)" if d is dialect.POSTGRES else "{a}"
    values: list[Any] = [{"k": AWKWARD}, {"k": None}, {}, {"other": "x"}, {"k": ""}]
    rows = [(orjson.dumps(v).decode(), None) for v in values]
    assert await _written(rows, d.json_text(cast, "k")) == [AWKWARD, None, None, None, ""]
    texts = [",", ",a,", ",eu,key-account,x1,"]
    written = await _written([(t, None) for t in texts], d.separated("{a}"))
    assert written == [[t for t in text.split(",") if t] for text in texts]
