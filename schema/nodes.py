"""How `node` and `nodes` find objects by global id.

Each id names its type; each type's resolve_nodes passes the gate for its own
(object, "read"). `nodes` answers null, with a FORBIDDEN error at that index, for the ids of
a type the caller may not read, and keeps the rest; an id whose type is not an object type
that implements Node (the interface's own name, say) is the client's mistake.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.relay.fields import NodeExtension
from strawberry.relay.types import GlobalIDValueError
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.cast import cast as strawberry_cast
from strawberry.types.field import StrawberryField

from schema.context import Info
from schema.embedding import Prebuilt
from schema.errors import Forbidden


def node_type(gid: relay.GlobalID, info: Info) -> type[relay.Node]:
    """The object type an id names; GlobalIDValueError (BAD_USER_INPUT) for anything else."""
    node_t = gid.resolve_type(info)
    definition = getattr(node_t, "__strawberry_definition__", None)
    if not isinstance(definition, StrawberryObjectDefinition) or definition.is_interface:
        raise GlobalIDValueError(
            f"Cannot resolve. GlobalID requires an object type, received `{gid.type_name}`."
        )
    return node_t


async def _forbidden(message: str) -> None:
    raise Forbidden(message)


async def _value(result: Any) -> Any:
    return await result if inspect.isawaitable(result) else result


def _typed(node_t: type[relay.Node], found: Any) -> Any:
    """The object marked as of `node_t` for the interface's type resolution; JSON the
    database wrote (schema/reads.py) is embedded as it is, without type resolution."""
    return found if isinstance(found, Prebuilt) else strawberry_cast(node_t, found)


class NodeLookup(NodeExtension):
    """relay's node fields, with the type check above and per-id denials in `nodes`."""

    def get_node_resolver(self, field: StrawberryField) -> Any:
        def resolver(
            info: Info,
            id: Annotated[relay.GlobalID, strawberry.argument(description="The ID of the object.")],
        ) -> Awaitable[Any]:
            node_t = node_type(id, info)

            async def resolve() -> Any:
                found = await _value(node_t.resolve_node(id.node_id, info=info, required=False))
                return None if found is None else _typed(node_t, found)

            return resolve()

        return resolver

    def get_node_list_resolver(self, field: StrawberryField) -> Callable[..., Any]:
        def resolver(
            info: Info,
            ids: Annotated[
                list[relay.GlobalID],
                strawberry.argument(description="The IDs of the objects."),
            ],
        ) -> Awaitable[list[Any]]:
            by_type: defaultdict[type[relay.Node], list[str]] = defaultdict(list)
            where: list[tuple[type[relay.Node], int]] = []
            for gid in ids:
                node_t = node_type(gid, info)
                where.append((node_t, len(by_type[node_t])))
                by_type[node_t].append(gid.node_id)

            async def resolve() -> list[Any]:
                found: dict[type[relay.Node], list[Any] | Forbidden] = {}
                # One type after another: they share the request's database connection.
                for node_t, node_ids in by_type.items():
                    try:
                        rows = node_t.resolve_nodes(info=info, node_ids=node_ids, required=False)
                        found[node_t] = list(await _value(rows))
                    except Forbidden as denied:
                        found[node_t] = denied
                answer: list[Any] = []
                for node_t, index in where:
                    got = found[node_t]
                    if isinstance(got, Forbidden):
                        # An awaitable that fails puts the error at this index only.
                        answer.append(_forbidden(got.message))
                    elif got[index] is None:
                        answer.append(None)
                    else:
                        answer.append(_typed(node_t, got[index]))
                return answer

            return resolve()

        return resolver


def lookup_field(field: StrawberryField) -> StrawberryField:
    """`field` (made by relay.node) resolved by NodeLookup instead of relay's own resolver."""
    field.extensions = [NodeLookup() if type(e) is NodeExtension else e for e in field.extensions]
    return field
