"""Fields of a type made the first time they are read rather than when the object is made.

Objects read from stored rows turn raw columns into response values: Money from minor
units, decimal strings, global ids, addresses. A list asks for a few of them (fifty invoices
with their number and total never read the other amounts, quantities and ids), yet made
eagerly each of them costs as much as the ones shown.

A type decorated with `@deferred(name=make, ...)` (above `@strawberry.type`) is made with
`made(cls, ...)` from its cheap fields and whatever its makers read (its source record,
say). Each deferred field is made by `make(obj)` the first time anything reads it (the
response, a resolver, equality) and then kept on the object, as `functools.cached_property`
does. Objects made with the type's own constructor are unaffected: every field is given
there, and a value set on the object hides the class's maker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class _Deferred:
    """A non-data descriptor: a value in the object's __dict__ wins over it."""

    __slots__ = ("make", "name")

    def __init__(self, name: str, make: Callable[[Any], Any]) -> None:
        self.name = name
        self.make = make

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)
        return value


def deferred(**makers: Callable[[Any], Any]) -> Callable[[type[T]], type[T]]:
    """Install the makers of these fields on a decorated strawberry type."""

    def install(cls: type[T]) -> type[T]:
        fields = getattr(cls, "__dataclass_fields__", {})
        for name, make in makers.items():
            if name not in fields:
                raise TypeError(f"{cls.__name__} has no field {name!r} to defer")
            if name in cls.__dict__:
                raise TypeError(f"{cls.__name__}.{name} has a default; it cannot be deferred")
            setattr(cls, name, _Deferred(name, make))
        return cls

    return install


def made(cls: type[T], /, **values: Any) -> T:
    """An object of `cls` holding `values`, its deferred fields left to their makers.

    The dataclass constructor is skipped on purpose: it would ask for every field.
    """
    obj = cls.__new__(cls)
    obj.__dict__.update(values)
    return obj
