"""Every built-in role against every root field and every declared nested field, through the
real gate, versus a golden table.

The table (authorization_matrix.txt beside this file) is committed: a new root field, a new
nested declaration, a new role or a changed grant shows up as a diff to review. Regenerate it
deliberately with LEDGERLINE_UPDATE_GOLDEN=1 make test.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLError
from starlette.requests import Request

from schema.context import Context
from schema.permissions import PUBLIC, SIGNED_IN, authorize, declared_requirement
from server.access.catalogue import BUILTIN_ROLES
from server.actor import RequestInfo
from server.settings import Settings
from tests.graphql_schema import executable_schema
from tests.schema.test_gate import nested_declarations
from tests.support import Api

GOLDEN = Path(__file__).with_name("authorization_matrix.txt")


def _context(app: Any, settings: Settings, token: str) -> Context:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "headers": [(b"authorization", f"Bearer {token}".encode())],
    }
    return Context(
        request=Request(scope),
        response=None,
        settings=settings,
        access=app.state.access,
        request_info=RequestInfo(),
    )


async def _decide(app: Any, settings: Settings, token: str, need: tuple[str, str]) -> str:
    if need == PUBLIC:
        return "allow"
    try:
        await authorize(_context(app, settings, token), *need)
    except GraphQLError as error:
        code = (error.extensions or {}).get("code")
        assert code == "FORBIDDEN", error
        return "deny"
    return "allow"


async def test_every_role_against_every_declared_field_matches_the_golden_table(
    api: Api, app: Any, settings: Settings
) -> None:
    org = await api.new_org(*BUILTIN_ROLES)
    schema = executable_schema(settings)
    lines = ["# field | requirement | " + " ".join(BUILTIN_ROLES)]
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        assert root is not None
        for name, field in sorted(root.fields.items()):
            need = declared_requirement(field.extensions["strawberry-definition"])
            assert need is not None, f"{root.name}.{name} declares no requirement"
            decisions = [
                await _decide(app, settings, org.token(role), need) for role in BUILTIN_ROLES
            ]
            label = (
                "public" if need == PUBLIC else "signed-in" if need == SIGNED_IN else ":".join(need)
            )
            lines.append(f"{root.name}.{name} | {label} | " + " ".join(decisions))
    for name, need in sorted(nested_declarations(schema).items()):
        decisions = [await _decide(app, settings, org.token(role), need) for role in BUILTIN_ROLES]
        lines.append(f"{name} | {':'.join(need)} | " + " ".join(decisions))
    actual = "\n".join(lines) + "\n"
    if os.environ.get("LEDGERLINE_UPDATE_GOLDEN"):
        GOLDEN.write_text(actual)
    expected = GOLDEN.read_text() if GOLDEN.exists() else ""
    if actual != expected:
        pytest.fail(
            "the authorization matrix changed; review the diff and, if intended, regenerate "
            "with LEDGERLINE_UPDATE_GOLDEN=1:\n" + _diff(expected, actual)
        )


def _diff(expected: str, actual: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "actual")
    )
