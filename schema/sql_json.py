"""`Prebuilt`: a field's value as JSON text the database wrote (schema/reads.py), which
execution embeds unchanged as an `orjson.Fragment`."""

from __future__ import annotations

import orjson


class Prebuilt:
    """A field's value as JSON text the database wrote for the field's selection."""

    __slots__ = ("fragment",)

    def __init__(self, text: str) -> None:
        self.fragment = orjson.Fragment(text)
