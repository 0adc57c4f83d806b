"""node and nodes: one id the caller may not see leaves the rest of the answer standing, and
an id naming anything but a Node object type is the client's mistake."""

from __future__ import annotations

import base64
from typing import Any

from graphql import GraphQLInterfaceType, GraphQLScalarType

from server.settings import Settings
from tests.schema.test_cross_org_by_id import World, _graphql, node_types
from tests.support import Api

NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { organization { name } nodes(ids: $ids) { id } }"


def _codes(answer: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    return {tuple(e["path"]): e["extensions"]["code"] for e in answer.get("errors") or []}


async def test_nodes_hides_invisible_ids_instead_of_failing_everything(
    api: Api, settings: Settings
) -> None:
    # Every Node type, all in one nodes() call, read by a role that sees only some of them:
    # each place answers as node() answers for that id alone, and the rest stands.
    world = World(api, await api.new_org("viewer", "ap_clerk", "approver", separate_duties=False))
    names = node_types(_graphql(settings))
    ids = [await world.get(name) for name in names]
    viewer = world.b.token("viewer")
    alone = [await api.gql(NODE, {"id": i}, token=viewer) for i in ids]
    together = await api.gql(NODES, {"ids": ids + ids[:1]}, token=viewer)
    assert together["data"] is not None, together
    assert together["data"]["organization"]["name"] == world.b.model.name
    got = together["data"]["nodes"]
    assert len(got) == len(ids) + 1 and got[-1] == got[0]
    expected_errors: dict[tuple[Any, ...], str] = {}
    for index, (name, single) in enumerate(zip(names, alone, strict=True)):
        assert got[index] == single["data"]["node"], (name, got[index], single)
        for code in _codes(single).values():
            expected_errors[("nodes", index)] = code
    if ("nodes", 0) in expected_errors:
        expected_errors[("nodes", len(ids))] = expected_errors[("nodes", 0)]
    assert _codes(together) == expected_errors, (together, expected_errors)
    # The role sees some types and not others, so both halves of the rule were exercised.
    assert set(expected_errors.values()) == {"FORBIDDEN"}
    assert any(node is not None for node in got)


async def test_nodes_of_one_invisible_type_answer_null_at_each_index(api: Api) -> None:
    world = World(api, await api.new_org("viewer", separate_duties=False))
    invoice, payment = await world.get("Invoice"), await world.get("Payment")
    answer = await api.gql(
        NODES, {"ids": [payment, invoice, payment]}, token=world.b.token("viewer")
    )
    assert answer["data"]["nodes"] == [None, {"id": invoice}, None], answer
    assert _codes(answer) == {("nodes", 0): "FORBIDDEN", ("nodes", 2): "FORBIDDEN"}


async def test_node_with_a_type_name_that_is_not_a_node_object_is_bad_user_input(
    api: Api, settings: Settings
) -> None:
    schema = _graphql(settings)
    names = {"Node", "Query", "Mutation", "PageInfo", "NoSuchType", "node"}
    names |= {n for n, t in schema.type_map.items() if isinstance(t, GraphQLInterfaceType)}
    names |= {n for n, t in schema.type_map.items() if isinstance(t, GraphQLScalarType)}
    org = await api.new_org("viewer")
    for name in sorted(names):
        gid = base64.b64encode(f"{name}:x".encode()).decode()
        for query, variables in ((NODE, {"id": gid}), (NODES, {"ids": [gid]})):
            answer = await api.gql(query, variables, token=org.token("viewer"))
            codes = [e["extensions"]["code"] for e in answer.get("errors") or []]
            assert codes == ["BAD_USER_INPUT"], (name, query, answer)
