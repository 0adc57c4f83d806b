"""A selection of `Pick`s as SQL (server/reads/compile.py), and a request's selection as
picks (schema/selection.py): what each writes and what each refuses."""

from __future__ import annotations

from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from schema.selection import connection_items, picks
from server.reads.compile import Pick, item_sql
from server.reads.dialect import POSTGRES, SQLITE
from server.reads.shape import Argued, Shape, Value, column

THING = Shape("Thing", {"name": column("name"), "owner": column("owner")})


def ALL(_type_name: str, _field_name: str) -> bool:
    """The gate's answer where it allows every field."""
    return True


def test_compiling_writes_the_keys_asked_in_their_order() -> None:
    selection = (Pick("n", "name"), Pick("__typename", "__typename"), Pick("owner", "owner"))
    assert item_sql(THING, selection, ALL, POSTGRES, "t") == (
        "json_build_object('n', t.\"name\", '__typename', 'Thing', 'owner', t.\"owner\")"
    )
    assert item_sql(THING, selection[:1], ALL, SQLITE, "t") == "json_object('n', t.\"name\")"


def test_compiling_refuses_what_it_cannot_write() -> None:
    for selection in [
        (),  # nothing asked
        (Pick("other", "other"),),  # not declared
        (Pick("name", "name", (Pick("sub", "sub"),)),),  # a scalar with a selection
        (Pick("x y", "name"),),  # not a GraphQL name
        (Pick("t", "__typename", (Pick("a", "a"),)),),
        tuple(Pick(f"n{i}", "name") for i in range(51)),  # more than a function takes
    ]:
        assert item_sql(THING, selection, ALL, POSTGRES) is None, selection


def test_compiling_refuses_a_field_the_gate_refuses() -> None:
    def gate(type_name: str, field_name: str) -> bool:
        return (type_name, field_name) != ("Thing", "owner")

    assert item_sql(THING, (Pick("name", "name"),), gate, POSTGRES) is not None
    assert item_sql(THING, (Pick("name", "name"), Pick("owner", "owner")), gate, POSTGRES) is None


def field(name: str, *selections: Any, alias: str | None = None, **more: Any) -> SelectedField:
    return SelectedField(
        name, more.get("directives", {}), more.get("arguments", {}), list(selections), alias
    )


def test_the_walker_merges_keys_asked_twice_and_flattens_untyped_fragments() -> None:
    selection = [
        field("a", field("x")),
        InlineFragment(None, [field("b"), field("a", field("y"))], {}),
        field("b", alias="c"),
    ]
    assert picks(selection, "Thing", None) == (
        Pick("a", "a", (Pick("x", "x"), Pick("y", "y"))),
        Pick("b", "b"),
        Pick("c", "b"),
    )


def test_the_walker_refuses_directives_arguments_and_fragments_it_cannot_place() -> None:
    for selection in [
        [field("a", directives={"include": {"if": True}})],
        # Arguments other than scalars (a list, an input object).
        [field("a", arguments={"ids": [1]})],
        [field("a", arguments={"filter": {"b": 1}})],
        [InlineFragment(None, [field("a")], {"skip": {"if": False}})],
        # Without a schema, a fragment on another type name cannot be placed.
        [InlineFragment("Other", [field("a")], {})],
        [FragmentSpread("F", "Other", [field("a")], {})],
    ]:
        assert picks(selection, "Thing", None) is None, selection
    # On the type itself, it applies.
    assert picks([InlineFragment("Thing", [field("a")], {})], "Thing", None) == (Pick("a", "a"),)


def test_scalar_arguments_go_with_their_picks_and_only_argued_fields_take_them() -> None:
    asked = picks([field("a", arguments={"first": 1, "asOf": "2026-01-01"})], "Thing", None)
    assert asked == (Pick("a", "a", (), (("asOf", "2026-01-01"), ("first", 1))),)
    plain = Shape("Thing", {"a": Value(lambda t, _d: f"{t}.a")})
    assert item_sql(plain, asked, lambda *_: True, SQLITE) is None
    argued = Shape(
        "Thing",
        {"a": Argued(lambda args: Value(lambda _t, _d: str(args["first"])) if args else None)},
    )
    assert item_sql(argued, asked, lambda *_: True, SQLITE) == "json_object('a', 1)"
    assert item_sql(argued, (Pick("a", "a"),), lambda *_: True, SQLITE) is None


def test_a_connections_items_are_asked_once_through_edges_or_nodes() -> None:
    node = field("node", field("name"))
    assert connection_items([field("things", field("edges", node))], "Thing", None) == (
        Pick("name", "name"),
    )
    assert connection_items([field("things", field("nodes", field("name")))], "Thing", None)
    # Items asked through both `edges` and `nodes` could differ: no single selection.
    both = field("things", field("edges", node), field("nodes", field("name")))
    assert connection_items([both], "Thing", None) is None
    # The connection's other fields are not the items'.
    other = field("things", field("totalCount"), field("edges", field("cursor"), node))
    assert connection_items([other], "Thing", None) == (Pick("name", "name"),)
