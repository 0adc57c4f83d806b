"""Every text input of the schema has a declared maximum length and character class, held
before any resolver runs (schema/input_limits.py, docs/decisions/input-limits.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLInputObjectType, GraphQLSchema, get_named_type, parse
from graphql import build_schema as graphql_schema

from schema.input_check import check_request, text_problem
from schema.input_limits import COMPARED_WITH, MAX_LENGTHS, MAX_LIST_ITEMS, column, max_length
from server.audit.log import chain_key
from server.audit.models import AuditEvent
from server.identity.models import SignInThrottle
from server.settings import Settings
from tests.graphql_schema import executable_schema
from tests.schema.fuzz import Leaf, Values, leaves, request_for, with_leaf
from tests.support import Api, Org


def _schema(settings: Settings) -> GraphQLSchema:
    return executable_schema(settings)


def _coordinates(schema: GraphQLSchema) -> dict[str, str]:
    """Every argument and input field of the schema -> its named type."""
    found: dict[str, str] = {}
    for type_name, kind in schema.type_map.items():
        if type_name.startswith("__"):
            continue
        if isinstance(kind, GraphQLInputObjectType):
            for name, f in kind.fields.items():
                found[f"{type_name}.{name}"] = get_named_type(f.type).name
        for name, f in getattr(kind, "fields", {}).items():
            for arg_name, arg in getattr(f, "args", {}).items():
                found[f"{type_name}.{name}({arg_name})"] = get_named_type(arg.type).name
    return found


def _text_leaves(schema: GraphQLSchema) -> list[tuple[str, Any, Leaf]]:
    out = []
    for root, operation in ((schema.query_type, "query"), (schema.mutation_type, "mutation")):
        assert root is not None
        for name, field_def in root.fields.items():
            request = request_for(operation, name, field_def)
            for leaf in leaves(request, root.name, name, len(field_def.args)):
                if leaf.scalar == "String":
                    out.append((name, request, leaf))
    return out


def test_declared_maxima_name_text_inputs_of_the_schema(settings: Settings) -> None:
    coordinates = _coordinates(_schema(settings))
    stale = [c for c in MAX_LENGTHS if coordinates.get(c) not in ("String", "ID")]
    assert stale == []


def test_declared_maxima_fit_the_columns_they_are_compared_with(settings: Settings) -> None:
    coordinates = _coordinates(_schema(settings))
    for coordinate, (model, field) in COMPARED_WITH.items():
        assert coordinate in coordinates, coordinate
        assert max_length(coordinate, "String") <= column(model, field), coordinate


@pytest.mark.parametrize(
    ("coordinate", "value", "refused"),
    [
        ("CustomerCreateInput.name", "Acme\u202e Ltd", True),
        ("CustomerCreateInput.name", "Acme\u2066Ltd", True),
        ("CustomerCreateInput.name", "Acme\nLtd", True),
        ("CustomerCreateInput.name", "Acme\tLtd", True),
        ("CustomerCreateInput.name", "Acme\x85Ltd", True),
        ("CustomerCreateInput.name", "Acme\x7fLtd", True),
        ("CustomerCreateInput.name", "Société Générale — 株式会社 ✓", False),
        ("CustomerCreateInput.name", "שלום Ltd", False),
        ("InvoiceCreateInput.memo", "first line\nsecond\tcolumn\r\n", False),
        ("InvoiceCreateInput.memo", "right-to-left \u202e text", False),
        ("InvoiceCreateInput.memo", "bell \x07", True),
        ("InvoiceCreateInput.memo", "C1 \x9b", True),
        ("InvoiceCreateInput.memo", "nul \x00", True),
        ("SessionCreateInput.password", "pass\tword\x01\u202e", False),
        ("SessionCreateInput.password", "pass\x00word", True),
        ("SessionCreateInput.password", "pass\ud800word", True),
        ("PartyFilter.search", "lone \udc00", True),
    ],
)
def test_text_kinds_refuse_what_they_declare(coordinate: str, value: str, refused: bool) -> None:
    assert (text_problem(value, coordinate, "String") is not None) is refused


def test_ids_refuse_control_characters_and_long_values() -> None:
    assert text_problem("abc\x00", "Query.customer(id)", "ID") is not None
    assert text_problem("x" * 201, "Query.customer(id)", "ID") is not None
    assert text_problem("Q3VzdG9tZXI6MQ==", "Query.customer(id)", "ID") is None


async def _audit_head(org: Org) -> int:
    return await AuditEvent.filter(chain_key=chain_key(org.id)).count()


async def _send(api: Api, document: str, variables: dict[str, Any], token: str | None) -> Any:
    # ASCII-escaped JSON, so lone surrogates reach the server as the escapes a client sends.
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    body = json.dumps({"query": document, "variables": variables}).encode()
    response = await api.client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 200, response.text[:300]
    return response.json()


@pytest.mark.parametrize("hostile", ["nul", "surrogate", "too_long"])
async def test_every_text_input_refuses_hostile_text_at_its_path(
    api: Api, settings: Settings, hostile: str
) -> None:
    org = await api.new_org()
    values = Values(ids=[org.global_id])
    before = await _audit_head(org)
    checked = 0
    for field, request, leaf in _text_leaves(_schema(settings)):
        value = {
            "nul": "a\x00b",
            "surrogate": "a\ud800b",
            "too_long": "x" * (max_length(leaf.coordinate, "String") + 1),
        }[hostile]
        result = await _send(
            api, request.document, with_leaf(values, request, leaf, value), org.token()
        )
        errors = result.get("errors") or []
        assert errors, (field, leaf)
        assert result.get("data") is None, (field, leaf)
        codes = {e["extensions"]["code"] for e in errors}
        assert codes == {"BAD_USER_INPUT"}, (field, leaf, errors)
        assert [e["path"] for e in errors] == [[field]] * len(errors), (field, leaf)
        assert list(leaf.path) in [e["extensions"]["field"] for e in errors], (field, leaf)
        assert "a\x00b" not in json.dumps(errors)
        checked += 1
    assert checked > 100
    assert await _audit_head(org) == before


async def test_literal_text_in_the_document_is_checked_too(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        r'{ customers(filter: {search: "a\u0000b"}) { totalCount } }', token=org.token()
    )
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["filter", "search"]}
    assert error["path"] == ["customers"]


async def test_sign_in_with_an_overlong_email_is_refused_before_any_work(api: Api) -> None:
    events, throttles = await AuditEvent.all().count(), await SignInThrottle.all().count()
    result = await api.gql(
        "mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { accessToken } }",
        {"input": {"email": "l" * 290 + "@example.com", "password": "whatever-password"}},
    )
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["input", "email"]}
    assert "at most 254 characters" in error["message"]
    # Not even a failed sign-in is recorded: the request never reached the service.
    assert await AuditEvent.all().count() == events
    assert await SignInThrottle.all().count() == throttles


@pytest.mark.parametrize(
    ("document", "variables", "code"),
    [
        ("{ viewer { ", None, "GRAPHQL_PARSE_FAILED"),
        ("{ noSuchField }", None, "GRAPHQL_VALIDATION_FAILED"),
        ('{ customers(first: "x") { totalCount } }', None, "BAD_USER_INPUT"),
        ("query($n: Int) { customers(first: $n) { totalCount } }", {"n": "x"}, "BAD_USER_INPUT"),
        ("query($n: Int) { customers(first: $n) { totalCount } }", {"n": 2**40}, "BAD_USER_INPUT"),
        (
            "query($d: Date!) { trialBalance(asOf: $d) { rows { debit { amount } } } }",
            {"d": None},
            "BAD_USER_INPUT",
        ),
        (
            "query($d: Date!) { trialBalance(asOf: $d) { rows { debit { amount } } } }",
            {},
            "BAD_USER_INPUT",
        ),
    ],
)
async def test_errors_before_execution_carry_a_code(
    api: Api, document: str, variables: dict[str, Any] | None, code: str
) -> None:
    org = await api.new_org()
    result = await api.gql(document, variables, token=org.token())
    assert [e["extensions"]["code"] for e in result["errors"]] == [code] * len(result["errors"])


async def test_variable_defaults_in_the_document_are_checked_too(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        r"""query($s: String = "a\u202eb") { customers(filter: {search: $s}) { totalCount } }""",
        token=org.token(),
    )
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["filter", "search"]}


async def test_lists_longer_than_the_limit_are_refused_before_any_work(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        {"ids": [org.global_id] * (MAX_LIST_ITEMS + 1)},
        token=org.token(),
    )
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["ids"]}
    assert f"at most {MAX_LIST_ITEMS} items" in error["message"]


def test_the_decision_record_lists_every_declared_limit() -> None:
    record = (Path(__file__).parents[2] / "docs/decisions/input-limits.md").read_text()
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in record.splitlines()
        if line.startswith("| `")
    }
    assert rows == {coordinate: str(limit) for coordinate, limit in MAX_LENGTHS.items()}


def test_nested_fields_fragments_and_aliases_are_checked() -> None:
    schema = graphql_schema(
        """type Query { a: A }
           type A { b(s: String, t: [String!]): String, c: A }"""
    )
    document = parse(
        r"""query($v: [String!]) {
              x: a { c { y: b(s: "a\u0000b") ...F ... on A { b(t: $v) } } }
            }
            fragment F on A { b(s: "\u202e") }"""
    )
    errors = check_request(schema, document, None, {"v": ["ok", "\x07"]})
    assert sorted((e.path, e.extensions["field"]) for e in errors) == [  # type: ignore[index]
        (["b"], ["s"]),
        (["x", "c", "b"], ["t", 1]),
        (["x", "c", "y"], ["s"]),
    ]


def test_every_text_input_declares_its_maximum(settings: Settings) -> None:
    """A new text input states its limit: one compared with a short column would otherwise
    get the default and reach the database too long."""
    undeclared = [
        coordinate
        for coordinate, scalar in _coordinates(_schema(settings)).items()
        if scalar == "String"
        and coordinate not in MAX_LENGTHS
        and not coordinate.endswith(("(after)", "(before)"))
    ]
    assert undeclared == []
