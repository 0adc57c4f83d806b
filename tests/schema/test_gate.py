"""The authorization gate, walked over the whole schema.

Deny by default: every root field declares the (object, action) it needs, and so does every
field that leads into another permission object (docs/decisions/authorization-nested-fields.md); the
declarations, the permission catalogue and the built-in roles of policies/policy.csv agree;
and every type and field carries a description.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
)
from graphql.type import introspection_types, specified_scalar_types

from schema.permissions import (
    MASTER_DATA,
    OWN_AMOUNTS,
    PART,
    PUBLIC,
    READ_AS,
    REPORT_OWN_FIELDS,
    REPORT_ROWS,
    ROW_GATE,
    SIGNED_IN,
    TYPE_OBJECTS,
    Gate,
    RowGate,
    UnmappedType,
    declared_requirement,
    object_of_type,
    read_object,
)
from server.access.catalogue import BUILTIN_ROLES, CATALOGUE, PERMISSIONS
from server.settings import Settings
from tests.graphql_schema import executable_schema

POLICY_CSV = Path(__file__).resolve().parents[2] / "policies" / "policy.csv"
# Signing in, refreshing, and redeeming a one-time set-password or invitation token need no
# access token.
PUBLIC_FIELDS = {
    "Mutation.sessionCreate",
    "Mutation.sessionRefresh",
    "Mutation.passwordSet",
    "Mutation.invitationAccept",
}
# relay's node/nodes resolvers are not wrapped by the gate's extension; each Node type's
# resolve_nodes passes the gate for its own (object, "read") instead (schema/__init__.py).
GATED_IN_RESOLVE_NODES = {"Query.node", "Query.nodes"}


@pytest.fixture(scope="module")
def graphql_schema(settings: Settings) -> GraphQLSchema:
    return executable_schema(settings)


def _root_fields(graphql_schema: GraphQLSchema) -> Iterator[tuple[str, GraphQLField]]:
    roots = (graphql_schema.query_type, graphql_schema.mutation_type)
    for root in (*roots, graphql_schema.subscription_type):
        assert root is not None
        for name, field in root.fields.items():
            yield f"{root.name}.{name}", field


def _declarations(graphql_schema: GraphQLSchema) -> dict[str, tuple[str, str] | None]:
    return {
        name: declared_requirement(field.extensions["strawberry-definition"])
        for name, field in _root_fields(graphql_schema)
    }


def _policy_rows() -> list[list[str]]:
    with POLICY_CSV.open(newline="") as handle:
        rows = csv.reader(
            (line for line in handle if line.strip() and not line.lstrip().startswith("#")),
            skipinitialspace=True,
        )
        return [[cell.strip() for cell in row] for row in rows]


def _grants() -> dict[str, set[tuple[str, str]]]:
    """role -> the (object, action) pairs policy.csv grants it."""
    grants: dict[str, set[tuple[str, str]]] = {}
    for row in _policy_rows():
        if row[0] == "p":
            _, role, _domain, obj, action = row
            grants.setdefault(role, set()).add((obj, action))
    return grants


def test_root_fields_all_declare_a_requirement(graphql_schema: GraphQLSchema) -> None:
    declarations = _declarations(graphql_schema)
    assert len(declarations) > 10  # the walk really saw the schema
    undeclared = sorted(name for name, requirement in declarations.items() if requirement is None)
    assert undeclared == [], f"root fields without a gate declaration: {undeclared}"


def test_root_field_requirements_all_in_catalogue(graphql_schema: GraphQLSchema) -> None:
    unknown = {
        name: requirement
        for name, requirement in _declarations(graphql_schema).items()
        if requirement not in (PUBLIC, SIGNED_IN) and requirement not in PERMISSIONS
    }
    assert unknown == {}, f"requirements missing from server/access/catalogue.py: {unknown}"


def test_public_fields_only_sign_in_refresh_and_password_set(graphql_schema: GraphQLSchema) -> None:
    public = {name for name, req in _declarations(graphql_schema).items() if req == PUBLIC}
    assert public == PUBLIC_FIELDS


def test_declared_requirements_enforced_by_gate(graphql_schema: GraphQLSchema) -> None:
    """A declaration without the Gate extension would be documentation, not a check."""
    mismatched: dict[str, Any] = {}
    for name, field in _root_fields(graphql_schema):
        definition = field.extensions["strawberry-definition"]
        requirement = declared_requirement(definition)
        gates = [
            (extension.obj, extension.action)
            for extension in definition.extensions
            if isinstance(extension, Gate)
        ]
        if requirement == PUBLIC:
            expected: list[tuple[str, str]] = []
        elif name in GATED_IN_RESOLVE_NODES:
            assert requirement == SIGNED_IN, name
            continue
        else:
            expected = [requirement]
        if gates != expected:
            mismatched[name] = {"declared": requirement, "enforced": gates}
    assert mismatched == {}


def test_catalogue_entries_unique_and_described() -> None:
    pairs = [(p.object, p.action) for p in CATALOGUE]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == PERMISSIONS
    assert all(p.description.strip() for p in CATALOGUE)


def test_owner_role_grants_whole_catalogue() -> None:
    owner = _grants().get("owner", set())
    assert owner - PERMISSIONS == set(), "owner holds permissions outside the catalogue"
    assert PERMISSIONS - owner == set(), "owner lacks catalogue permissions"


def test_policy_roles_all_builtin() -> None:
    rows = _policy_rows()
    assert rows, "policies/policy.csv has no rules"
    roles = {row[1] for row in rows if row[0] == "p"}
    # Role inheritance lines (g, role, parent, domain) may only name built-in roles too.
    roles |= {cell for row in rows if row[0] == "g" for cell in row[1:3]}
    assert roles - set(BUILTIN_ROLES) == set()


def test_policy_rules_grant_only_catalogue_in_every_domain() -> None:
    for row in _policy_rows():
        assert row[0] in ("p", "g", "p2"), row
        if row[0] == "p2":  # segregation of duties: a default for every organization
            assert len(row) == 5, row
            _, domain, _obj, _action, state = row
            assert domain == "*", row
            assert state in ("on", "off"), row
        if row[0] == "p":
            assert len(row) == 5, row
            _, role, domain, obj, action = row
            assert domain == "*", f"built-in role {role} must hold in every organization"
            assert (obj, action) in PERMISSIONS, row


def test_builtin_roles_all_have_rules() -> None:
    grants = _grants()
    assert [role for role in BUILTIN_ROLES if not grants.get(role)] == []


# --- descriptions ----------------------------------------------------------------------------


def _described_types(graphql_schema: GraphQLSchema) -> list[Any]:
    skipped = set(introspection_types) | set(specified_scalar_types)
    return [
        t
        for name, t in graphql_schema.type_map.items()
        if name not in skipped and not name.startswith("__")
    ]


def test_types_all_described(graphql_schema: GraphQLSchema) -> None:
    types = _described_types(graphql_schema)
    assert {"Query", "Mutation", "Customer", "Money"} <= {t.name for t in types}
    missing = sorted(t.name for t in types if not (t.description or "").strip())
    assert missing == [], f"types without a description: {missing}"


def test_fields_all_described(graphql_schema: GraphQLSchema) -> None:
    missing: list[str] = []
    for graphql_type in _described_types(graphql_schema):
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            for name, field in graphql_type.fields.items():
                if not (field.description or "").strip():
                    missing.append(f"{graphql_type.name}.{name}")
                for arg_name, arg in field.args.items():
                    if not (arg.description or "").strip():
                        missing.append(f"{graphql_type.name}.{name}({arg_name})")
        elif isinstance(graphql_type, GraphQLInputObjectType):
            for name, input_field in graphql_type.fields.items():
                if not (input_field.description or "").strip():
                    missing.append(f"{graphql_type.name}.{name}")
        else:  # enums, unions and scalars have no fields
            assert isinstance(
                graphql_type, GraphQLEnumType | GraphQLUnionType | GraphQLScalarType
            ), graphql_type
    assert missing == [], f"fields without a description: {missing}"


# --- nested fields ---------------------------------------------------------------------------

# Fields reached by the caller's own session (viewer, sessionCreate, organizationCreate)
# show the caller's own profile and organizations.
SELF = "self"
AMOUNT_TYPES = {"Money", "Decimal"}


def _object_types(graphql_type: Any, graphql_schema: GraphQLSchema) -> list[GraphQLObjectType]:
    named = get_named_type(graphql_type)
    if isinstance(named, GraphQLObjectType):
        return [named]
    if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
        return list(graphql_schema.get_possible_types(named))
    return []


def _requirement(field: GraphQLField) -> tuple[str, str] | None:
    definition = field.extensions.get("strawberry-definition")
    return declared_requirement(definition) if definition is not None else None


def _every_field(graphql_schema: GraphQLSchema) -> Iterator[tuple[str, GraphQLField]]:
    roots = {"Query", "Mutation", "Subscription"}
    for name, graphql_type in sorted(graphql_schema.type_map.items()):
        if (
            isinstance(graphql_type, GraphQLObjectType)
            and not name.startswith("__")
            and name not in roots
        ):
            for field_name, field in graphql_type.fields.items():
                yield f"{name}.{field_name}", field


def nested_declarations(graphql_schema: GraphQLSchema) -> dict[str, tuple[str, str]]:
    """Every field below the roots that declares a requirement, by Type.field."""
    return {
        name: need
        for name, field in _every_field(graphql_schema)
        if (need := _requirement(field)) is not None
    }


def _undeclared_crossings(graphql_schema: GraphQLSchema) -> list[str]:
    """Fields that lead into another permission object than the one they are read under,
    without declaring it. Parts (lines, rows, payloads) are read under every object that
    reaches them, starting from each root field's own requirement."""
    found: set[str] = set()
    seen: set[tuple[str, str]] = set()
    pending: list[tuple[GraphQLObjectType, str]] = []
    for name, field in _root_fields(graphql_schema):
        need = _requirement(field)
        assert need is not None, name
        under = SELF if need in (PUBLIC, SIGNED_IN) else read_object(need[0])
        pending.extend((target, under) for target in _object_types(field.type, graphql_schema))
    while pending:
        graphql_type, under = pending.pop()
        own = object_of_type(graphql_type.name)
        if own is not PART:
            under = own
        if (graphql_type.name, under) in seen:
            continue
        seen.add((graphql_type.name, under))
        for field_name, field in graphql_type.fields.items():
            need = _requirement(field)
            for target in _object_types(field.type, graphql_schema):
                reached = object_of_type(target.name)
                if need is not None:
                    pending.append((target, read_object(need[0])))
                    continue
                if reached is not PART and reached != under and under != SELF:
                    found.add(f"{graphql_type.name}.{field_name} ({under} -> {reached})")
                pending.append((target, under))
    return sorted(found)


def test_object_types_all_have_a_permission_object(graphql_schema: GraphQLSchema) -> None:
    unmapped = []
    for name, graphql_type in graphql_schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or name.startswith("__"):
            continue
        if name in ("Query", "Mutation", "Subscription"):
            continue
        try:
            object_of_type(name)
        except UnmappedType:
            unmapped.append(name)
    assert unmapped == [], f"types missing from schema/permissions.py TYPE_OBJECTS: {unmapped}"
    objects = {obj for obj, _action in PERMISSIONS}
    assert {o for o in TYPE_OBJECTS.values() if o is not PART} - objects == set()
    assert set(READ_AS) | set(READ_AS.values()) <= objects


def test_nested_fields_into_another_object_all_declare_a_requirement(
    graphql_schema: GraphQLSchema,
) -> None:
    assert _undeclared_crossings(graphql_schema) == []


def test_walk_finds_an_undeclared_crossing(graphql_schema: GraphQLSchema) -> None:
    """The walk itself: with one declaration taken away it names that field."""
    field = graphql_schema.type_map["Invoice"].fields["journalEntry"]  # type: ignore[union-attr]
    definition = field.extensions["strawberry-definition"]
    saved = definition.metadata
    definition.metadata = {}
    try:
        assert "Invoice.journalEntry (invoice -> journal)" in _undeclared_crossings(graphql_schema)
    finally:
        definition.metadata = saved


def test_master_data_amounts_own_or_declared(graphql_schema: GraphQLSchema) -> None:
    undeclared = []
    for name, field in _every_field(graphql_schema):
        type_name = name.split(".")[0]
        if object_of_type(type_name) not in MASTER_DATA or name in OWN_AMOUNTS:
            continue
        if get_named_type(field.type).name in AMOUNT_TYPES and _requirement(field) is None:
            undeclared.append(name)
    assert undeclared == [], f"amounts summed from documents without a declaration: {undeclared}"
    for name in OWN_AMOUNTS:
        type_name, field_name = name.split(".")
        assert field_name in graphql_schema.type_map[type_name].fields  # type: ignore[union-attr]


def test_nested_declarations_nullable_in_catalogue_and_enforced(
    graphql_schema: GraphQLSchema,
) -> None:
    declared = nested_declarations(graphql_schema)
    assert {"Invoice.journalEntry", "Allocation.payment", "Bill.createdBy"} <= set(declared)
    problems: dict[str, Any] = {}
    fields = dict(_every_field(graphql_schema))
    for name, need in declared.items():
        field = fields[name]
        definition = field.extensions["strawberry-definition"]
        gates = [
            (extension.obj, extension.action)
            for extension in definition.extensions
            if isinstance(extension, Gate)
        ]
        if gates != [need] or need not in PERMISSIONS or isinstance(field.type, GraphQLNonNull):
            problems[name] = {"declared": need, "enforced": gates, "type": str(field.type)}
    assert problems == {}


IDENTIFYING_SCALARS = {"String", "ID", "Int", "CurrencyCode"}


def _row_gate(field: GraphQLField) -> tuple[str, dict[str, str]] | None:
    definition = field.extensions.get("strawberry-definition")
    metadata = definition.metadata if definition is not None else None
    return metadata.get(ROW_GATE) if metadata else None


def _undeclared_report_text(graphql_schema: GraphQLSchema) -> list[str]:
    found = []
    for type_name in REPORT_ROWS:
        graphql_type = graphql_schema.type_map[type_name]
        assert isinstance(graphql_type, GraphQLObjectType), type_name
        assert object_of_type(type_name) is PART, type_name
        for field_name, field in graphql_type.fields.items():
            name = f"{type_name}.{field_name}"
            if get_named_type(field.type).name not in IDENTIFYING_SCALARS:
                continue
            if name in REPORT_OWN_FIELDS or _requirement(field) or _row_gate(field):
                continue
            found.append(name)
    return found


def test_report_row_texts_own_or_declared(graphql_schema: GraphQLSchema) -> None:
    """A report row's ids, numbers and texts are the report's own or declare the object
    they identify (a payment's reference on a statement, a journal memo on the ledger)."""
    assert _undeclared_report_text(graphql_schema) == []
    fields = dict(_every_field(graphql_schema))
    assert set(fields) >= REPORT_OWN_FIELDS
    for name in ("GeneralLedgerLine.memo", "GeneralLedgerLine.entryNumber"):
        assert _requirement(fields[name]) == ("journal", "read"), name


def test_walk_finds_an_undeclared_report_text(graphql_schema: GraphQLSchema) -> None:
    """With the memo's declaration taken away, the report-row check names it."""
    field = graphql_schema.type_map["GeneralLedgerLine"].fields["memo"]  # type: ignore[union-attr]
    definition = field.extensions["strawberry-definition"]
    saved = definition.metadata
    definition.metadata = {}
    try:
        assert "GeneralLedgerLine.memo" in _undeclared_report_text(graphql_schema)
    finally:
        definition.metadata = saved


def test_row_gated_fields_nullable_in_catalogue_and_enforced(
    graphql_schema: GraphQLSchema,
) -> None:
    """A field whose object varies per row (a statement line's document) is nullable and
    carries the row gate for exactly the objects it declares, each readable in the catalogue."""
    declared = {
        name: gate for name, field in _every_field(graphql_schema) if (gate := _row_gate(field))
    }
    assert {"CustomerStatementLine.documentId", "CustomerStatementLine.number"} <= set(declared)
    fields = dict(_every_field(graphql_schema))
    for name, (attribute, objects) in declared.items():
        field = fields[name]
        definition = field.extensions["strawberry-definition"]
        gates = [
            (extension.attribute, extension.objects)
            for extension in definition.extensions
            if isinstance(extension, RowGate)
        ]
        assert gates == [(attribute, objects)], name
        assert not isinstance(field.type, GraphQLNonNull), name
        assert all((obj, "read") in PERMISSIONS for obj in objects.values()), name
