"""The authorization gate, walked over the whole schema.

Deny by default: every root field declares the (object, action) it needs; the declarations,
the permission catalogue and the built-in roles of policies/policy.csv agree; and every type
and field carries a description.
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
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
)
from graphql.type import introspection_types, specified_scalar_types
from strawberry.permission import PermissionExtension

from schema import build_schema
from schema.permissions import PUBLIC, SIGNED_IN, Gate, declared_requirement
from server.access.catalogue import BUILTIN_ROLES, CATALOGUE, PERMISSIONS
from server.settings import Settings

POLICY_CSV = Path(__file__).resolve().parents[2] / "policies" / "policy.csv"
# Signing in, refreshing, and redeeming a one-time set-password or invitation token need no
# access token.
PUBLIC_FIELDS = {
    "Mutation.sessionCreate",
    "Mutation.sessionRefresh",
    "Mutation.passwordSet",
    "Mutation.invitationAccept",
}
# relay's node/nodes resolvers cannot be wrapped by PermissionExtension; each Node type's
# resolve_nodes passes the gate for its own (object, "read") instead (schema/__init__.py).
GATED_IN_RESOLVE_NODES = {"Query.node", "Query.nodes"}


@pytest.fixture(scope="module")
def graphql_schema(settings: Settings) -> GraphQLSchema:
    return build_schema(settings)._schema


def _root_fields(graphql_schema: GraphQLSchema) -> Iterator[tuple[str, GraphQLField]]:
    for root in (graphql_schema.query_type, graphql_schema.mutation_type):
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
            (permission.obj, permission.action)
            for extension in definition.extensions
            if isinstance(extension, PermissionExtension)
            for permission in extension.permissions
            if isinstance(permission, Gate)
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
