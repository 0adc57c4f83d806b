"""Event types and their payload fields: what each field holds and how it is read from the
audit event written with it.

A payload is derived from its audit event's `after` (or `before`) values: the service that
makes a change describes it once, and the catalogue says which of those values an event type
publishes, and in which form. Ids become the API's global ids, amounts `{amount, currency}`
with the amount a decimal string, dates ISO strings. A value missing or of another form
than declared raises PayloadError: the change is refused rather than its event left out or
published wrong, and the tests of the mutation find it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from server.global_ids import encode

CurrencyOf = Callable[[str], str]
Values = Mapping[str, Any]


class PayloadError(Exception):
    """An audit event lacks a value its event type publishes, or holds one of another form."""


class Kind(Protocol):
    """The form of a payload value."""

    @property
    def shape(self) -> str:
        """How the value looks in the payload, for the catalogue's documentation."""
        ...

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any: ...


@dataclass(frozen=True, slots=True)
class Scalar:
    """A value published as the audit event holds it, once its type is checked."""

    shape: str
    types: tuple[type, ...]

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        # bool is an int to Python; a flag is never a count, nor the other way round.
        if value is None or (
            isinstance(value, self.types) and (bool in self.types or not isinstance(value, bool))
        ):
            return value
        raise PayloadError(f"expected {self.shape}, found {type(value).__name__}")


TEXT = Scalar("string", (str,))
ENUM = Scalar("string, one of the values the API's enum of the same name shows", (str,))
INTEGER = Scalar("integer", (int,))
BOOLEAN = Scalar("boolean", (bool,))
DATE = Scalar("date, `YYYY-MM-DD`", (str,))
DATE_TIME = Scalar("date-time, ISO 8601 with offset", (str,))
DECIMAL = Scalar("decimal string", (str,))
OBJECT = Scalar("object", (dict,))


@dataclass(frozen=True, slots=True)
class Texts:
    shape: str = "list of strings"

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        if value is None:
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise PayloadError(f"expected {self.shape}")


TEXTS = Texts()


@dataclass(frozen=True, slots=True)
class Node:
    """A raw uuid in the audit event, published as the global id of `type_name`."""

    type_name: str

    @property
    def shape(self) -> str:
        return f"ID ({self.type_name})"

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        if value is None:
            return None
        try:
            return encode(self.type_name, UUID(str(value)))
        except ValueError as exc:
            raise PayloadError(f"expected the uuid of a {self.type_name}") from exc


@dataclass(frozen=True, slots=True)
class Nodes:
    type_name: str

    @property
    def shape(self) -> str:
        return f"list of IDs ({self.type_name})"

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        if not isinstance(value, list):
            raise PayloadError(f"expected {self.shape}")
        return [Node(self.type_name).convert(v, currency_of) for v in value]


@dataclass(frozen=True, slots=True)
class Money:
    """An amount, published as `{amount, currency}`.

    The audit event holds it as "12.50 USD", or, when `currency` names a key, as "12.50"
    beside that key holding the currency (payables write their documents that way).
    """

    currency: str | None = None
    shape: str = "Money: `{amount: decimal string, currency: code}`"

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise PayloadError("expected an amount as text")
        if self.currency is not None:
            return {"amount": value, "currency": currency_of(self.currency)}
        amount, _, code = value.partition(" ")
        if len(code) != 3:
            raise PayloadError("expected an amount with its currency, such as '12.50 USD'")
        return {"amount": amount, "currency": code}


@dataclass(frozen=True, slots=True)
class Items:
    """A list of objects, each published with `fields`."""

    fields: tuple[Field, ...]
    shape: str = "list of objects"

    def convert(self, value: Any, currency_of: CurrencyOf) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise PayloadError(f"expected {self.shape}")
        return [read(self.fields, item, currency_of) for item in value]


@dataclass(frozen=True, slots=True)
class Field:
    """One value of a payload: `name` in the payload, read from `source` (the same name by
    default) of the audit event's `after`, or of its `before` values."""

    name: str
    kind: Kind
    description: str
    source: str | None = None
    before: bool = False
    optional: bool = False  # left out when the audit event has no such value

    @property
    def key(self) -> str:
        return self.source or self.name


def read(fields: Sequence[Field], values: Values, currency_of: CurrencyOf) -> dict[str, Any]:
    """`fields` read from one dict of audit values."""
    out: dict[str, Any] = {}
    for f in fields:
        _read_into(out, f, values, currency_of)
    return out


def _read_into(out: dict[str, Any], f: Field, values: Values, currency_of: CurrencyOf) -> None:
    if f.key not in values:
        if f.optional:
            return
        raise PayloadError(f"the audit event has no {f.key!r}")
    try:
        out[f.name] = f.kind.convert(values[f.key], currency_of)
    except PayloadError as exc:
        raise PayloadError(f"{f.key}: {exc}") from exc


def _currencies(first: Values, second: Values) -> CurrencyOf:
    def currency_of(key: str) -> str:
        for values in (first, second):
            code = values.get(key)
            if isinstance(code, str):
                return code
        raise PayloadError(f"the audit event has no currency {key!r}")

    return currency_of


@dataclass(frozen=True, slots=True)
class EventType:
    """A versioned kind of domain event, written for each successful audit `action`.

    A type whose payload changes incompatibly gets a new version; fields are only added to
    an existing version. A `changes` type publishes `{"changes": {field: {"from", "to"}}}`
    for the declared fields whose values differ, the others the declared fields themselves.
    """

    name: str
    version: int
    action: str
    object_type: str
    description: str
    fields: tuple[Field, ...] = ()
    changes: bool = False

    def payload(self, after: Values | None, before: Values | None) -> dict[str, Any]:
        after, before = after or {}, before or {}
        if self.changes:
            return {"changes": self._changes(after, before)}
        currency_after, currency_before = _currencies(after, before), _currencies(before, after)
        out: dict[str, Any] = {}
        for f in self.fields:
            if f.before:
                _read_into(out, f, before, currency_before)
            else:
                _read_into(out, f, after, currency_after)
        return out

    def _changes(self, after: Values, before: Values) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        for f in self.fields:
            if f.key not in after and f.key not in before:
                continue
            old = f.kind.convert(before.get(f.key), _currencies(before, after))
            new = f.kind.convert(after.get(f.key), _currencies(after, before))
            if old != new:
                changes[f.name] = {"from": old, "to": new}
        return changes
