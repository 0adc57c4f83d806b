"""The execution context's direct path for plain fields answers exactly as graphql-core does:
the same data, the same errors at the same paths, the same null propagation."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.extensions import ParserCache

from schema import direct_completion
from schema.execution import LedgerlineExecutionContext
from schema.prefetch import ready


@strawberry.enum
class Colour(Enum):
    RED = "RED"
    BLUE = "BLUE"


@strawberry.type
class Amount:
    value: int
    label: str | None


class Broken:
    """A source whose attributes fail when read, as a faulty property would."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise RuntimeError(f"cannot read {name}")


@strawberry.type
class Item(relay.Node):
    code: relay.NodeID[str]
    amounts: list[Amount]
    maybe_amounts: list[Amount | None] | None


@strawberry.type
class Other(relay.Node):
    id: relay.NodeID[str]

    @classmethod
    def resolve_id(cls, root: Other, *, info: strawberry.Info) -> str:
        return f"custom-{root.id}"


def _named_by_root(root: Thing) -> str:
    return f"root {root.name}"


@strawberry.type
class Thing:
    name: str
    note: str | None
    colour: Colour
    amount: Amount
    maybe_amount: Amount | None
    tags: list[str]

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    by_root: str = strawberry.field(resolver=_named_by_root)

    @strawberry.field
    def field_name(self, info: strawberry.Info) -> str:
        return f"{info.field_name} of {info.path.typename} for {self.name}"

    @strawberry.field
    def where(self, info: strawberry.Info) -> str:
        path = info.path
        return f"{'.'.join(str(k) for k in path.as_list())} in {path.typename}"

    @strawberry.field
    def fails(self) -> str | None:
        raise ValueError(f"no value for {self.name}")

    @strawberry.field
    def fails_non_null(self) -> str:
        raise ValueError(f"no value for {self.name}")

    @strawberry.field
    def eventually(self) -> Amount:
        async def later() -> Amount:
            return Amount(value=3, label=self.name)

        return later()  # type: ignore[return-value]

    @strawberry.field
    def eventually_fails(self) -> Amount | None:
        async def later() -> Amount:
            raise ValueError("later, no")

        return later()  # type: ignore[return-value]

    @strawberry.field
    async def later(self) -> Amount:
        await asyncio.sleep(0)
        return Amount(value=len(self.name), label=None)


class Label(str):
    """A str subclass: not final as read, so coerced as graphql-core would."""


@strawberry.type
class Leaves:
    """Leaf values at the edges of what the generated completion takes as read."""

    count: int
    maybe_count: int | None
    flag: bool
    text: str
    maybe_text: str | None


def _leaves(count: Any, flag: Any = True, text: Any = "t", maybe_text: Any = None) -> Leaves:
    return Leaves(count=count, maybe_count=count, flag=flag, text=text, maybe_text=maybe_text)


def _thing(name: str, **overrides: Any) -> Thing:
    values: dict[str, Any] = {
        "name": name,
        "note": None,
        "colour": Colour.RED,
        "amount": Amount(value=1, label="one"),
        "maybe_amount": None,
        "tags": ["a", "b"],
    }
    values.update(overrides)
    return Thing(**values)


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return [_thing("first", maybe_amount=Amount(value=2, label=None)), _thing("second")]

    @strawberry.field
    def null_name(self) -> Thing | None:
        return _thing(None)  # type: ignore[arg-type]

    @strawberry.field
    def null_amount(self) -> Thing | None:
        return _thing("x", amount=None)

    @strawberry.field
    def wrong_colour(self) -> Thing | None:
        return _thing("x", colour="GREEN")

    @strawberry.field
    def broken(self) -> Thing | None:
        return Broken()  # type: ignore[return-value]

    @strawberry.field
    def broken_amount(self) -> Thing | None:
        return _thing("x", maybe_amount=Broken())

    @strawberry.field
    def items(self) -> list[Item]:
        one = Amount(value=1, label=None)
        return [
            Item(code="a", amounts=[one, one], maybe_amounts=[one, None]),
            Item(code="b", amounts=[], maybe_amounts=None),
        ]

    @strawberry.field
    def null_in_list(self) -> Item | None:
        return Item(code="c", amounts=[None], maybe_amounts=[None])  # type: ignore[list-item]

    @strawberry.field
    def not_an_item(self) -> Item | None:
        return _thing("x")  # type: ignore[return-value]

    @strawberry.field
    def node_as_interface(self) -> relay.Node | None:
        return Item(code="d", amounts=[], maybe_amounts=None)

    @strawberry.field
    def grid(self) -> list[list[int | None]]:
        return [[1, None], []]

    @strawberry.field
    def broken_list(self) -> Item | None:
        return Item(
            code="e",
            amounts=[Amount(value=1, label=None), Broken()],
            maybe_amounts=[Broken(), None],
        )  # type: ignore[list-item]

    @strawberry.field
    def tuple_and_string(self) -> Thing:
        return _thing("t", tags="ab")

    @strawberry.field
    async def later_items(self) -> list[Item]:
        return [Item(code="f", amounts=[], maybe_amounts=None)]

    @strawberry.field
    def leaves(self) -> list[Leaves]:
        return [
            _leaves(2**31 - 1, text=Label("sub")),
            _leaves(-(2**31), flag=False, maybe_text=""),
            _leaves(True, flag=1, text=7, maybe_text=Label("x")),
        ]

    @strawberry.field
    def too_big(self) -> Leaves | None:
        return _leaves(2**31)

    @strawberry.field
    def fractional(self) -> Leaves | None:
        return _leaves(1.5, text=None)

    @strawberry.field
    def other(self) -> Other:
        return Other(id="7")


FAST = strawberry.Schema(query=Query, execution_context_class=LedgerlineExecutionContext)
PLAIN = strawberry.Schema(query=Query)

QUERIES = [
    "{ things { name note colour tags shout amount { value label } maybeAmount { value } } }",
    "{ things { n: name n2: name ...F later { value label } } } fragment F on Thing { colour }",
    "query($s: Boolean!) { things { name @skip(if: $s) note @include(if: $s) } }",
    "{ nullName { name note } things { name } }",
    "{ nullAmount { name amount { value } } }",
    "{ nullAmount { name a: amount { v: value } } }",
    "{ wrongColour { name colour } }",
    "{ broken { note } }",
    "{ broken { name } }",
    "{ brokenAmount { name maybeAmount { value } } }",
    "{ things { __typename amount { __typename value } } }",
    "{ items { id code amounts { value label } maybeAmounts { value } } }",
    "{ items { i: id i2: id } other { id } }",
    "{ nullInList { id amounts { value } } }",
    "{ nullInList { maybeAmounts { value } } }",
    "{ notAnItem { id } }",
    "{ nodeAsInterface { id ... on Item { code amounts { value } } } }",
    "{ grid }",
    "{ things { byRoot fieldName f: fieldName fails eventually { value label } } }",
    "{ things { eventuallyFails { value } name } }",
    "{ things { name failsNonNull } }",
    "{ brokenList { code amounts { value } } }",
    "{ brokenList { code maybeAmounts { value } } }",
    "{ tupleAndString { tags } }",
    "{ laterItems { id amounts { value } } things { later { value } } }",
    "{ leaves { count maybeCount flag text maybeText t: text } }",
    "{ things { name where w: where } nullAmount { where } }",
    "{ tooBig { text maybeCount } leaves { count } }",
    "{ tooBig { count } }",
    "{ fractional { maybeCount flag } }",
    "{ fractional { text } }",
]


def _shape(result: Any) -> tuple[Any, list[tuple[str, Any]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors


@pytest.mark.parametrize("query", QUERIES)
async def test_fast_execution_matches_graphql_core(query: str) -> None:
    variables = {"s": True}
    fast = await FAST.execute(query, variable_values=variables)
    plain = await PLAIN.execute(query, variable_values=variables)
    assert _shape(fast) == _shape(plain)


async def test_fast_execution_reports_null_in_non_null_field_at_its_path() -> None:
    result = await FAST.execute("{ nullName { name } things { name } }")
    assert result.data == {"nullName": None, "things": [{"name": "first"}, {"name": "second"}]}
    assert [(e.message, e.path) for e in result.errors or []] == [
        ("Cannot return null for non-nullable field Thing.name.", ["nullName", "name"])
    ]


async def test_ready_answers_at_once_when_the_loader_holds_the_key() -> None:
    calls: list[list[int]] = []

    async def load(keys: list[int]) -> list[int]:
        calls.append(keys)
        return [k * 10 for k in keys]

    loader: DataLoader[int, int] = DataLoader(load_fn=load)
    pending = ready(loader, 1, lambda v: v + 1)
    assert asyncio.iscoroutine(pending)
    assert await pending == 11
    assert ready(loader, 1, lambda v: v + 1) == 11
    assert calls == [[1]]


async def test_ready_raises_the_loaders_failure_when_awaited() -> None:
    async def load(keys: list[int]) -> list[Any]:
        return [ValueError(f"no {k}") for k in keys]

    loader: DataLoader[int, int] = DataLoader(load_fn=load)
    with pytest.raises(ValueError, match="no 3"):
        await loader.load(3)
    again = ready(loader, 3, lambda v: v)
    with pytest.raises(ValueError, match="no 3"):
        await again


async def test_plain_selections_are_completed_by_generated_functions() -> None:
    direct_completion._MAKERS.clear()
    result = await FAST.execute("{ leaves { count t: text } }")
    assert result.errors is None
    generated = [source for source in direct_completion._MAKERS if "source.count" in source]
    assert len(generated) == 1
    assert "'t': v1" in generated[0] and "source.text" in generated[0]


PARSED_ONCE = strawberry.Schema(
    query=Query, execution_context_class=LedgerlineExecutionContext, extensions=[ParserCache]
)


async def test_completions_are_kept_for_later_requests_of_the_same_document() -> None:
    direct_completion._COMPILED.clear()
    for query in QUERIES:
        first = await PARSED_ONCE.execute(query, variable_values={"s": True})
        kept = len(direct_completion._COMPILED)
        again = await PARSED_ONCE.execute(query, variable_values={"s": True})
        assert len(direct_completion._COMPILED) == kept, query
        assert _shape(again) == _shape(first) == _shape(await PLAIN.execute(query, {"s": True}))
    assert direct_completion._COMPILED


async def test_selections_that_change_with_variables_are_built_per_request() -> None:
    direct_completion._COMPILED.clear()
    query = "query($s: Boolean!) { things { name @skip(if: $s) note } }"
    skipped = await PARSED_ONCE.execute(query, variable_values={"s": True})
    shown = await PARSED_ONCE.execute(query, variable_values={"s": False})
    assert skipped.data == {"things": [{"note": None}, {"note": None}]}
    assert shown.data == {
        "things": [{"name": "first", "note": None}, {"name": "second", "note": None}]
    }
    assert direct_completion._COMPILED == {}
