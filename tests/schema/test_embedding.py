"""The execution context embeds a `Prebuilt` value's JSON as it is, wherever a resolver
returns one, and otherwise answers exactly as strawberry's own context does: the same data,
the same errors at the same paths, the same null propagation."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
import strawberry

from schema.embedding import EmbeddingExecutionContext, Prebuilt
from schema.http_json import encode_response


@strawberry.type
class Amount:
    value: int
    label: str | None


@strawberry.type
class Thing:
    name: str
    note: str | None
    amount: Amount
    tags: list[str]

    @strawberry.field
    def fails(self) -> str | None:
        raise ValueError(f"no value for {self.name}")

    @strawberry.field
    def fails_non_null(self) -> str:
        raise ValueError(f"no value for {self.name}")


def _thing(name: Any, **overrides: Any) -> Thing:
    values: dict[str, Any] = {
        "name": name,
        "note": None,
        "amount": Amount(value=1, label="one"),
        "tags": ["a"],
    }
    values.update(overrides)
    return Thing(**values)


PREBUILT_TEXT = '{"name": "written", "amount": {"value": 7}}'


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return [_thing("first"), _thing("second", note="n")]

    @strawberry.field
    def null_name(self) -> Thing | None:
        return _thing(None)

    @strawberry.field
    def null_amount(self) -> Thing | None:
        return _thing("x", amount=None)

    @strawberry.field
    def null_in_list(self) -> list[Thing] | None:
        return [_thing("x"), None]  # type: ignore[list-item]

    @strawberry.field
    def prebuilt(self) -> Thing:
        return Prebuilt(PREBUILT_TEXT)  # type: ignore[return-value]

    @strawberry.field
    def mixed(self) -> list[Thing]:
        return [Prebuilt(PREBUILT_TEXT), _thing("made")]  # type: ignore[list-item]

    @strawberry.field
    async def later(self) -> Thing | None:
        return Prebuilt(PREBUILT_TEXT)  # type: ignore[return-value]

    @strawberry.field
    def count(self, at_least: int) -> int:
        return at_least


EMBEDDING = strawberry.Schema(query=Query, execution_context_class=EmbeddingExecutionContext)
PLAIN = strawberry.Schema(query=Query)

QUERIES = [
    "{ things { name note tags amount { value label } } }",
    "{ things { n: name ...F } } fragment F on Thing { amount { value } }",
    "query($s: Boolean!) { things { name @skip(if: $s) note @include(if: $s) } }",
    "{ nullName { name note } things { name } }",
    "{ nullAmount { name amount { value } } }",
    "{ nullInList { name } }",
    "{ things { name fails } }",
    "{ things { name failsNonNull } }",
]


def _shape(result: Any) -> tuple[Any, list[tuple[str, Any]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors


@pytest.mark.parametrize("query", QUERIES)
async def test_execution_without_prebuilt_values_matches_strawberrys(query: str) -> None:
    variables = {"s": True}
    embedding = await EMBEDDING.execute(query, variable_values=variables)
    plain = await PLAIN.execute(query, variable_values=variables)
    assert _shape(embedding) == _shape(plain)


async def test_null_in_non_null_field_is_reported_at_its_path() -> None:
    result = await EMBEDDING.execute("{ nullName { name } things { name } }")
    assert result.data == {"nullName": None, "things": [{"name": "first"}, {"name": "second"}]}
    assert [(e.message, e.path) for e in result.errors or []] == [
        ("Cannot return null for non-nullable field Thing.name.", ["nullName", "name"])
    ]


async def test_prebuilt_value_is_embedded_as_written() -> None:
    result = await EMBEDDING.execute(
        "{ prebuilt { name amount { value } } mixed { name amount { value } }"
        " later { name amount { value } } }"
    )
    assert result.errors is None
    assert result.data is not None
    assert isinstance(result.data["prebuilt"], orjson.Fragment)
    made = {"name": "made", "amount": {"value": 1}}
    written = orjson.loads(PREBUILT_TEXT)
    assert orjson.loads(encode_response(result.data)) == {
        "prebuilt": written,
        "mixed": [written, made],
        "later": written,
    }


async def test_prebuilt_value_is_embedded_beside_errors() -> None:
    result = await EMBEDDING.execute("{ prebuilt { name } things { name fails } }")
    assert result.data is not None
    assert orjson.loads(encode_response(result.data["prebuilt"])) == orjson.loads(PREBUILT_TEXT)
    assert [(e.message, e.path) for e in result.errors or []] == [
        ("no value for first", ["things", 0, "fails"]),
        ("no value for second", ["things", 1, "fails"]),
    ]


async def test_variable_errors_have_a_code() -> None:
    result = await EMBEDDING.execute(
        "query($n: Int!) { count(atLeast: $n) }", variable_values={"n": "many"}
    )
    assert result.data is None
    assert [e.extensions for e in result.errors or []] == [{"code": "BAD_USER_INPUT"}]
