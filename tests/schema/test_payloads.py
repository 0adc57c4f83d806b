"""Every mutation answers a payload that tells success from failure the same way:
`userErrors: [UserError!]!` empty exactly when it succeeded, and the object it returns
nullable (null when it failed, set when it succeeded; docs/api/conventions.md)."""

from __future__ import annotations

import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLSchema, get_named_type

from server.settings import Settings
from tests.graphql_schema import executable_schema

# Non-null fields beside userErrors that have a plain value when the mutation fails too.
ALWAYS_ANSWERED = {
    "SessionRevokePayload.revoked": "false when there was nothing to revoke",
    "TotpConfirmPayload.enabled": "false when the code was refused",
    "TotpConfirmPayload.recoveryCodes": "empty when the code was refused",
    "TotpDisablePayload.disabled": "false when the code was refused",
    "PasswordSetPayload.ok": "false when the password was refused",
    "BillPayload.warnings": "empty when there is nothing to warn about",
}


@pytest.fixture(scope="module")
def graphql_schema(settings: Settings) -> GraphQLSchema:
    return executable_schema(settings)


def _payloads(graphql_schema: GraphQLSchema) -> dict[str, GraphQLObjectType]:
    mutation = graphql_schema.mutation_type
    assert mutation is not None
    found: dict[str, GraphQLObjectType] = {}
    for name, field in mutation.fields.items():
        assert isinstance(field.type, GraphQLNonNull), f"Mutation.{name} payload is nullable"
        payload = get_named_type(field.type)
        assert isinstance(payload, GraphQLObjectType), f"Mutation.{name} returns no object"
        found[name] = payload
    return found


def test_every_mutation_payload_has_non_null_user_errors(graphql_schema: GraphQLSchema) -> None:
    wrong = {
        f"{name}: {payload.name}": str(payload.fields["userErrors"].type)
        if "userErrors" in payload.fields
        else "missing"
        for name, payload in _payloads(graphql_schema).items()
        if "userErrors" not in payload.fields
        or str(payload.fields["userErrors"].type) != "[UserError!]!"
    }
    assert wrong == {}


def test_every_mutation_payload_object_is_nullable_for_failures(
    graphql_schema: GraphQLSchema,
) -> None:
    non_null = {
        f"{payload.name}.{field_name}"
        for payload in _payloads(graphql_schema).values()
        for field_name, field in payload.fields.items()
        if field_name != "userErrors" and isinstance(field.type, GraphQLNonNull)
    }
    assert non_null == set(ALWAYS_ANSWERED)


def test_every_mutation_payload_returns_something_besides_user_errors(
    graphql_schema: GraphQLSchema,
) -> None:
    empty = [
        payload.name
        for payload in _payloads(graphql_schema).values()
        if set(payload.fields) == {"userErrors"}
    ]
    assert empty == []
