"""Every malformed cursor, on every connection of the schema, is BAD_USER_INPUT: not only
undecodable text but well-formed JSON of the wrong shape or type, and values that would
not fit the column they are compared with."""

from __future__ import annotations

import base64
from typing import Any

from graphql import GraphQLNonNull

from server.settings import Settings
from tests.graphql_schema import executable_schema
from tests.ledger.helpers import account_ids
from tests.schema.fuzz import HOSTILE_CURSORS, MISSING_UUID, Values, type_ref
from tests.support import Api


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


MALFORMED = (
    # Not the empty cursor (no cursor) nor a null sort value (the place of a row whose
    # sort column is empty): those are cursors.
    *[c for c in HOSTILE_CURSORS if c and c != _b64(b'[null, "' + MISSING_UUID.encode() + b'"]')],
    _b64(b'[5, "' + MISSING_UUID.encode() + b'"]'),
    _b64(b'[true, "' + MISSING_UUID.encode() + b'"]'),
    _b64(b'[[1], "' + MISSING_UUID.encode() + b'"]'),
    _b64(b'[{"t": "2026-01-01T00:00:00", "x": 1}, "' + MISSING_UUID.encode() + b'"]'),
    _b64(b'["2026-01-01", 5]'),
    _b64(b'"just a string"'),
    _b64(b"null"),
    base64.b64encode(b"|5").decode(),
    _b64(b"2026-01-01|99999999999999999999999"),
    "é",
)


def _connections(settings: Settings, values: Values) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, side, document, plausible variables) for each connection's after and before:
    the required arguments and the cursor only, asking for the page's first cursor."""
    schema = executable_schema(settings)
    assert schema.query_type is not None
    found = []
    for name, field_def in schema.query_type.fields.items():
        for side in ("after", "before"):
            if side not in field_def.args:
                continue
            required = {
                n: a for n, a in field_def.args.items() if isinstance(a.type, GraphQLNonNull)
            }
            defs = ", ".join(
                ["$cursor: String", *(f"${n}: {type_ref(a.type)}" for n, a in required.items())]
            )
            args = ", ".join([f"{side}: $cursor", *(f"{n}: ${n}" for n in required)])
            document = f"query({defs}) {{ {name}({args}) {{ __typename }} }}"
            variables = {n: values.benign(a.type, n) for n, a in required.items()}
            found.append((f"{name}({side})", document, variables))
    return found


async def test_every_connection_refuses_every_malformed_cursor(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    # The one connection with a required id (generalLedger) reads an account's lines.
    account = (await account_ids(api, org))["4000"]
    connections = _connections(settings, Values(ids=[account]))
    assert len(connections) >= 25
    for cursor in MALFORMED:
        for where, document, variables in connections:
            result = await api.gql(document, {**variables, "cursor": cursor}, token=org.token())
            errors = result.get("errors") or []
            assert errors, (where, cursor)
            codes = {e["extensions"]["code"] for e in errors}
            assert codes == {"BAD_USER_INPUT"}, (where, cursor, errors)


async def test_general_ledger_lines_refuse_every_malformed_cursor(api: Api) -> None:
    # The lines are a connection below the report, which the walk above does not reach.
    org = await api.new_org()
    account = (await account_ids(api, org))["4000"]
    for side in ("after", "before"):
        document = f"""query($id: ID!, $cursor: String) {{
            generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31") {{
                lines({side}: $cursor) {{ totalCount }} }} }}"""
        for cursor in MALFORMED:
            result = await api.gql(document, {"id": account, "cursor": cursor}, token=org.token())
            codes = {e["extensions"]["code"] for e in result.get("errors") or []}
            assert codes == {"BAD_USER_INPUT"}, (side, cursor, result)


async def test_a_cursor_the_api_wrote_still_pages(api: Api) -> None:
    org = await api.new_org()
    for name in ("Alpha", "Beta", "Gamma"):
        await api.data(
            "mutation($n: String!) { customerCreate(input: {name: $n}) { customer { id } } }",
            {"n": name},
            token=org.token(),
        )
    query = """query($after: String) { customers(first: 1, after: $after) {
        nodes { name } pageInfo { endCursor } } }"""
    seen = []
    after = None
    for _ in range(3):
        page = (await api.data(query, {"after": after}, token=org.token()))["customers"]
        seen += [n["name"] for n in page["nodes"]]
        after = page["pageInfo"]["endCursor"]
    assert seen == ["Alpha", "Beta", "Gamma"]
