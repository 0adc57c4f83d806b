"""JSON in and out of the GraphQL endpoint: fast with orjson, strict, and never a 500.

orjson is used first both ways. It refuses two things that the service must still answer
properly:
- a lone surrogate escape (`"\\ud800"`) in a body: valid JSON, and a client error at the
  input field that holds it (BAD_USER_INPUT), not a malformed body; such a body is read
  again with the standard library;
- a lone surrogate in a response (an error message quoting that value): written with the
  standard library's escapes instead.
Bytes that are not UTF-8, and the non-standard NaN and Infinity, are malformed bodies.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

import orjson


class MalformedJson(json.JSONDecodeError):
    """Raised for a body that is not strict JSON in UTF-8 (the view answers 400)."""


def _no_constant(name: str) -> NoReturn:
    raise MalformedJson(f"{name} is not JSON", name, 0)


def decode_body(data: str | bytes) -> object:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise MalformedJson("the body is not UTF-8", "", error.start) from error
    try:
        return json.loads(text, parse_constant=_no_constant)
    except MalformedJson:
        raise
    except json.JSONDecodeError as error:
        raise MalformedJson(error.msg, error.doc, error.pos) from error
    except (ValueError, RecursionError) as error:
        # Numbers longer than Python converts and nesting deeper than it recurses: orjson
        # refused them first, and they are no JSON this service reads.
        raise MalformedJson("the body nests too deep or holds too long a number", "", 0) from error


def _fragment_free(value: Any) -> Any:
    if isinstance(value, orjson.Fragment):
        return json.loads(orjson.dumps(value))
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def encode_response(data: object) -> bytes:
    try:
        return orjson.dumps(data)
    except TypeError:
        return json.dumps(data, default=_fragment_free, separators=(",", ":")).encode()
