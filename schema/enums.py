"""GraphQL enums with a description for every value.

strawberry reads per-value descriptions only from `strawberry.enum_value` members, which a
server StrEnum cannot carry without depending on strawberry, and which type every member's
`.value` as a strawberry definition rather than the string code reads. So the enum keeps
plain values (a server enum stays the one definition of them) and the descriptions, which are
API text, are attached here when the enum is registered."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any


def described_enum(enum: Any, *, name: str, description: str, values: Mapping[Enum, str]) -> None:
    """Register `enum` as GraphQL enum `name`, each value with its description from `values`."""
    import strawberry

    members = set(enum)
    missing = sorted(m.name for m in members - set(values))
    extra = sorted(str(v) for v in set(values) - members)
    if missing or extra:
        raise ValueError(f"{name}: undescribed values {missing}, unknown values {extra}")
    strawberry.enum(enum, name=name, description=description)
    for value in enum.__strawberry_definition__.values:
        value.description = values[enum[value.name]]
