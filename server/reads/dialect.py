"""What SQLite and PostgreSQL spell differently when they write JSON.

PostgreSQL has json_build_object and json_agg; SQLite json_object and json_group_array, and a
few habits of its own: a JSON value read back from a subquery is text again (its JSON
subtype is lost) and must be parsed with json(...) to nest; booleans are 0 and 1; there is
no numeric type, so amounts are written with integer arithmetic; json_group_array takes an
ORDER BY only from 3.44 (before, the rows are aggregated from an ordered subquery, in the
order SQLite reads them); and there is no base64, so every connection gets `base64_text`
(server/sqlite_client.py registers it), the one function of the read path written in
Python.
"""

from __future__ import annotations

import base64
import sqlite3
from functools import cache

from server.money import active_currencies, precision
from server.sql import dialect

# Whether SQLite's aggregates take an ORDER BY of their own.
_ORDERED_AGGREGATES = sqlite3.sqlite_version_info >= (3, 44, 0)


def base64_text(value: str | None) -> str | None:
    """Standard base64 (with padding) of the UTF-8 text, as strawberry encodes global ids."""
    if value is None:
        return None
    return base64.b64encode(str(value).encode()).decode("ascii")


@cache
def _other_precisions() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(places, currencies) for the currencies of other than two places. Precision comes
    from the same table as Python's (babel); most currencies have two places."""
    others: dict[int, list[str]] = {}
    for code in sorted(active_currencies()):
        places = precision(code)
        if places != 2:
            others.setdefault(places, []).append(code)
    return tuple((places, tuple(codes)) for places, codes in sorted(others.items()))


def _unit(places: int) -> str:
    """The smallest amount of a currency of `places` places as a SQL literal: 0.01."""
    return "1" if places == 0 else f"0.{'0' * (places - 1)}1"


def _factor(places: int) -> str:
    return str(10**places)


@cache
def _by_places(currency: str, kind: str) -> str:
    """The currency's unit (`_unit`) or factor (`_factor`) as SQL over the currency code
    `currency` names. Kept per expression: every amount of every item asks."""
    value = _unit if kind == "unit" else _factor
    cases = "".join(
        f" WHEN {currency} IN ({', '.join(repr(c) for c in codes)}) THEN {value(places)}"
        for places, codes in _other_precisions()
    )
    return f"(CASE{cases} ELSE {value(2)} END)"


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"'{key}', {value}" for key, value in pairs)


class Dialect:
    """The pieces of SQL both databases write alike; the subclasses hold the others."""

    def object(self, pairs: list[tuple[str, str]]) -> str:
        """A JSON object of (key, SQL value) pairs; keys are checked GraphQL names."""
        raise NotImplementedError

    def related(self, item: str, rows: str) -> str:
        """The JSON of `item` over the one row `rows` (FROM ... WHERE ...) finds, or null."""
        raise NotImplementedError

    def rows(self, item: str, rows: str, order: str) -> str:
        """A JSON array of `item` over the rows `rows` finds, in `order`; [] for none."""
        raise NotImplementedError

    def array(self, items: list[str]) -> str:
        """A JSON array of these JSON values, in order."""
        raise NotImplementedError

    def global_id(self, type_name: str, id_sql: str) -> str:
        """Base64 of "Type:id" (null for a null id)."""
        return self.base64(f"'{type_name}:' || {id_sql}")

    def base64(self, sql: str) -> str:
        """Standard base64 (with padding) of the text's UTF-8 (null stays null)."""
        raise NotImplementedError

    def urlsafe_base64(self, sql: str) -> str:
        """`base64` with the URL-safe alphabet (- and _ for + and /), padding kept."""
        return f"replace(replace({self.base64(sql)}, '+', '-'), '/', '_')"

    def code_point_order(self, sql: str) -> str:
        """`sql` as an ORDER BY term sorting text by code point, as Python sorts strings."""
        raise NotImplementedError

    def boolean(self, sql: str) -> str:
        raise NotImplementedError

    def json_string(self, sql: str) -> str:
        """Text as a JSON string, to be an item of `rows` (null stays null)."""
        raise NotImplementedError

    def json_texts(self, sql: str) -> str:
        """A SELECT of the texts of a JSON array column, each as column `s`, in order."""
        raise NotImplementedError

    def uuid_text(self, sql: str) -> str:
        """Text holding a uuid (or null) as the type uuid columns have, to compare with one."""
        raise NotImplementedError

    def json_items(self, sql: str, alias: str) -> str:
        """A FROM item of the elements of a JSON array column (none for null): each as
        `{alias}."v"`, read with `json_text`, and its position from 1 as `{alias}."n"`."""
        raise NotImplementedError

    def amount(self, minor: str, currency: str) -> str:
        """Minor units as the decimal text Money.amount gives: the currency's places."""
        raise NotImplementedError

    def fixed_point(self, sql: str) -> str:
        """Ten-thousandths as plain decimal text without trailing zeros (null stays null)."""
        raise NotImplementedError

    def instant(self, sql: str) -> str:
        """A stored instant as the DateTime scalar writes it: RFC 3339 in UTC with exactly
        three fractional digits (truncated, never rounded) and `Z`."""
        raise NotImplementedError

    def json_column(self, sql: str) -> str:
        """A JSON column's value as JSON (SQL null as null)."""
        raise NotImplementedError

    def parses(self, item: str) -> bool:
        """Whether the database's parser takes `item` within the deepest statement the read
        path puts an item in (a list's rows). True unless the parser has a limit of its own."""
        return True

    def json_text(self, sql: str, key: str) -> str:
        """The text under `key` (a name from code) of a JSON object column; null where the
        key is missing or null."""
        raise NotImplementedError

    def separated(self, sql: str) -> str:
        """A JSON array of the parts of `,a,b,` text (the parts hold no commas and none is
        empty: server.validation.normalise_tags); [] for `,`."""
        raise NotImplementedError


class Postgres(Dialect):
    def object(self, pairs: list[tuple[str, str]]) -> str:
        return f"json_build_object({_pairs(pairs)})"

    def related(self, item: str, rows: str) -> str:
        return f"(SELECT {item} {rows})"

    def rows(self, item: str, rows: str, order: str) -> str:
        return f"(SELECT coalesce(json_agg({item} ORDER BY {order}), '[]'::json) {rows})"

    def array(self, items: list[str]) -> str:
        return f"json_build_array({', '.join(items)})"

    def base64(self, sql: str) -> str:
        # encode() breaks lines at 76 characters; the ids are shorter, and any break goes.
        return f"translate(encode(convert_to({sql}, 'UTF8'), 'base64'), E'\\n', '')"

    def code_point_order(self, sql: str) -> str:
        # The "C" collation compares bytes; UTF-8's byte order is code point order.
        return f'{sql} COLLATE "C"'

    def boolean(self, sql: str) -> str:
        return sql

    def json_string(self, sql: str) -> str:
        return f"to_json(({sql})::text)"

    def uuid_text(self, sql: str) -> str:
        return f"({sql})::uuid"

    def json_items(self, sql: str, alias: str) -> str:
        return (
            f"json_array_elements(coalesce(({sql})::json, '[]'::json))"
            f' WITH ORDINALITY AS {alias}("v", "n")'
        )

    def json_texts(self, sql: str) -> str:
        elements = f"json_array_elements_text(({sql})::json)"
        return f'SELECT e."v" AS "s" FROM {elements} WITH ORDINALITY AS e("v", "n") ORDER BY e."n"'  # noqa: S608

    def amount(self, minor: str, currency: str) -> str:
        # A product of numerics is exact and has the sum of their scales: minor units times
        # 0.01 have two places. `minor` appears once: it may be a subquery (an open amount).
        return f"(({minor})::numeric * {_by_places(currency, 'unit')})::text"

    def fixed_point(self, sql: str) -> str:
        return f"trim_scale(({sql})::numeric / 10000)::text"

    def instant(self, sql: str) -> str:
        utc = f"(({sql}) AT TIME ZONE 'UTC')"
        return (
            f"CASE WHEN {utc} IS NULL THEN NULL"
            f""" ELSE to_char({utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END"""
        )

    def json_column(self, sql: str) -> str:
        return sql

    def json_text(self, sql: str, key: str) -> str:
        return f"(({sql}) ->> '{key}')"

    def separated(self, sql: str) -> str:
        return f"to_json(array_remove(string_to_array({sql}, ','), ''))"


class Sqlite(Dialect):
    def object(self, pairs: list[tuple[str, str]]) -> str:
        return f"json_object({_pairs(pairs)})"

    def related(self, item: str, rows: str) -> str:
        return f"json((SELECT {item} {rows}))"

    def rows(self, item: str, rows: str, order: str) -> str:
        if _ORDERED_AGGREGATES:
            return f"json((SELECT json_group_array({item} ORDER BY {order}) {rows}))"
        ordered = f"SELECT {item} AS item__ {rows} ORDER BY {order}"
        return f"json((SELECT json_group_array(json(item__)) FROM ({ordered})))"  # noqa: S608

    def array(self, items: list[str]) -> str:
        return f"json_array({', '.join(items)})"

    def base64(self, sql: str) -> str:
        return f"base64_text({sql})"

    def code_point_order(self, sql: str) -> str:
        # BINARY, SQLite's default, compares the UTF-8 bytes: code point order.
        return sql

    def boolean(self, sql: str) -> str:
        return (
            f"CASE WHEN {sql} IS NULL THEN NULL WHEN {sql} THEN json('true') ELSE json('false') END"
        )

    def amount(self, minor: str, currency: str) -> str:
        # Integer division and remainder truncate toward zero in SQLite as in PostgreSQL;
        # abs() is taken of the quotient and remainder, never of the smallest integer.
        m, f = f"({minor})", _by_places(currency, "factor")
        return (
            f"CASE WHEN {f} = 1 THEN CAST({m} AS TEXT)"
            f" ELSE CASE WHEN {m} < 0 THEN '-' ELSE '' END || CAST(abs({m} / {f}) AS TEXT)"
            f" || '.' || substr(CAST({f} + abs({m} % {f}) AS TEXT), 2) END"
        )

    def fixed_point(self, sql: str) -> str:
        # Null stays null without a CASE of its own: every part of a null is null, and
        # SQLite's parser has little depth to spare (`parses`).
        q = f"({sql})"
        return (
            f"CASE WHEN {q} < 0 THEN '-' ELSE '' END || CAST(abs({q} / 10000) AS TEXT)"
            f" || CASE WHEN {q} % 10000 = 0 THEN ''"
            f" ELSE '.' || rtrim(substr(CAST(10000 + abs({q} % 10000) AS TEXT), 2), '0') END"
        )

    def instant(self, sql: str) -> str:
        # The ORM stores `isoformat(" ")` of an aware time: "2026-03-01 09:30:00[.ffffff]"
        # and an offset. strftime() brings it to UTC but rounds milliseconds (.9996 would
        # become the next second), so it is given the text without its fraction, whose
        # first three digits are taken from the text as they are (offsets are whole minutes).
        v = f"({sql})"
        fraction = f"substr({v}, 20, 1) = '.'"
        offset = f"CASE WHEN {fraction} THEN substr({v}, 27) ELSE substr({v}, 20) END"
        whole = f"substr({v}, 1, 19) || {offset}"
        # A null instant is null: strftime() of null is null, and so is what it is joined to.
        return (
            f"strftime('%Y-%m-%dT%H:%M:%S', {whole})"
            f" || CASE WHEN {fraction} THEN '.' || substr({v}, 21, 3) ELSE '.000' END || 'Z'"
        )

    def json_string(self, sql: str) -> str:
        # JSON text, so that json() in `rows` reads a string rather than failing.
        return f"CASE WHEN ({sql}) IS NULL THEN NULL ELSE json_quote({sql}) END"

    def json_texts(self, sql: str) -> str:
        return f'SELECT e."value" AS "s" FROM json_each({sql}) e ORDER BY e."key"'  # noqa: S608

    def uuid_text(self, sql: str) -> str:
        return sql  # uuids are stored as their text

    def json_items(self, sql: str, alias: str) -> str:
        # json_each of an object element gives its text; "key" counts from 0.
        return (
            f'(SELECT e."value" AS "v", e."key" + 1 AS "n"'  # noqa: S608
            f" FROM json_each(coalesce({sql}, '[]')) e) {alias}"
        )

    def parses(self, item: str) -> bool:
        # SQLite's parser has a fixed stack (about 100 entries): a deep selection of
        # complex values (a journal entry's lines' customers' payment terms below a ledger
        # line) can exceed it, and the statement would fail. Parsing comes before names are
        # resolved, so an empty database tells: any other error means the text parsed.
        probe = self.rows(item, "FROM probe__ p", "1")
        try:
            _probe().execute(f"SELECT {probe}")
        except sqlite3.OperationalError as error:
            return "parser stack overflow" not in str(error)
        return True

    def json_column(self, sql: str) -> str:
        # Stored as text; json() makes it JSON again rather than a string of JSON.
        return f"json({sql})"

    def json_text(self, sql: str, key: str) -> str:
        return f"json_extract({sql}, '$.{key}')"

    def separated(self, sql: str) -> str:
        # SQLite cannot split text: the parts, quoted whole, become the array's items where
        # the commas were (quoting never writes a comma of its own).
        parts = f"trim({sql}, ',')"
        return (
            f"json(CASE WHEN {parts} = '' THEN '[]'"
            f""" ELSE '[' || replace(json_quote({parts}), ',', '","') || ']' END)"""
        )


@cache
def _probe() -> sqlite3.Connection:
    """An empty in-memory database, only ever asked to parse."""
    return sqlite3.connect(":memory:", check_same_thread=False)


POSTGRES = Postgres()
SQLITE = Sqlite()


def current() -> Dialect:
    """The dialect of the default connection."""
    return POSTGRES if dialect() == "postgres" else SQLITE
