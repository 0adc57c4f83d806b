"""Whole selections completed in one pass, for values that need none of graphql-core's care.

Even with plain fields read directly (schema/execution.py), completing an object costs a
round of generic bookkeeping per object: its subfields are looked up, each field asks which
kind of field and value it is, a Path is made for it, errors are guarded field by field. A
page of fifty invoices has some six hundred objects (each invoice, its amounts, its
customer, its lines and their amounts), so that bookkeeping is most of what the page costs.

Here a selection is turned, once per request, into a function per object type that builds
the response dictionary of an object and of everything selected below it, as long as every
field is one the direct path understands: a plain attribute, a Relay `id`, a synchronous
resolver without arguments or extensions, or `__typename`, of a scalar, enum, object or list
type. Anything it was not built for — a null in a non-null field, an error raised or
returned, an awaitable, a value of the wrong type — makes it give up on the object, which
is then completed again by the general path, with graphql-core's errors, paths and null
propagation. The general path only reads attributes again and calls the same side-effect
free resolvers again, so the answer is the same either way.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphql import (
    FieldNode,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, Undefined
from strawberry.types.info import Info

from schema.plans import (
    Attribute,
    FieldPlan,
    GlobalIdField,
    Leaf,
    ListValue,
    NonNull,
    ObjectValue,
    Resolver,
    call_resolver,
    field_plans,
    global_id,
    value_plan_of,
)

if TYPE_CHECKING:
    from schema.execution import LedgerlineExecutionContext

# Produces a response value: (the value or its source object, the path of the object).
Produce = Callable[[Any, Path | None], Any]
# A producer and whether it reads its path (only resolvers do, through their info; an
# object or list needs one when something below it does).
Built = tuple[Produce, bool]


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a resolver is called from: all of its resolve info but the path."""

    context: LedgerlineExecutionContext
    parent: GraphQLObjectType
    name: str
    nodes: list[FieldNode]
    plan: Resolver

    def resolve_info(self, path: Path | None) -> GraphQLResolveInfo:
        field_path = Path(path, self.name, self.parent.name)
        return self.context.build_resolve_info(
            self.plan.field_def, self.nodes, self.parent, field_path
        )


class GiveUp(Exception):
    """The value needs the general path; raised and caught within one object's completion."""


def _give_up() -> Any:
    raise GiveUp


class Compiler:
    """Builds the completing functions of one request's selections (they hold its context)."""

    def __init__(self, context: LedgerlineExecutionContext) -> None:
        self.context = context
        # (type, id of the grouped field set) -> (the set, kept alive so the id stays its
        # own; what was built, or None).
        self._objects: dict[tuple[GraphQLObjectType, int], tuple[Any, Built | None]] = {}

    def object(self, object_type: GraphQLObjectType, grouped: GroupedFieldSet) -> Produce | None:
        """The function completing `grouped` on an object of `object_type` into its response
        dictionary; None where some field of the selection, however deep, is one it does not
        handle."""
        built = self._object(object_type, grouped)
        return built[0] if built is not None else None

    def _object(self, object_type: GraphQLObjectType, grouped: GroupedFieldSet) -> Built | None:
        key = (object_type, id(grouped))
        if key in self._objects:
            return self._objects[key][1]
        # Marked first: a type selected within itself is left to the general path.
        self._objects[key] = (grouped, None)
        built = self._build_object(object_type, grouped)
        self._objects[key] = (grouped, built)
        return built

    def _build_object(
        self, object_type: GraphQLObjectType, grouped: GroupedFieldSet
    ) -> Built | None:
        plans = field_plans(object_type)
        steps: list[tuple[str, Produce]] = []
        needs_path = False
        for name, details in grouped.items():
            node = details[0].node
            if node.name.value == "__typename":
                type_name = object_type.name
                steps.append((name, _constant(type_name)))
                continue
            plan = None if node.arguments else plans.get(node.name.value)
            field = self._field(object_type, name, details, plan) if plan else None
            if field is None:
                return None
            steps.append((name, field[0]))
            needs_path = needs_path or field[1]
        frozen = tuple(steps)

        def complete(source: Any, path: Path | None) -> dict[str, Any]:
            return {name: produce(source, path) for name, produce in frozen}

        return complete, needs_path

    # ------------------------------------------------------------ fields

    def _field(
        self, parent: GraphQLObjectType, name: str, details: FieldDetailsList, plan: FieldPlan
    ) -> Built | None:
        value = self._value(plan.field_def.type, details)
        if value is None:
            return None
        completer, needs_path = value
        type_name = parent.name
        if isinstance(plan, Attribute):
            read = plan.read
            if not needs_path:
                return (lambda source, _path: completer(read(source), None)), False
            return (lambda source, path: completer(read(source), Path(path, name, type_name))), True
        if isinstance(plan, GlobalIdField):

            def node_id(source: Any, _path: Path | None) -> Any:
                found = global_id(source, type_name)
                return _give_up() if found is None else completer(found, None)

            return node_id, False
        if isinstance(plan, Resolver):
            return self._resolver(parent, name, details, plan, completer, needs_path), True
        return None

    def _resolver(
        self,
        parent: GraphQLObjectType,
        name: str,
        details: FieldDetailsList,
        plan: Resolver,
        completer: Produce,
        needs_path: bool,
    ) -> Produce:
        is_awaitable = self.context.is_awaitable
        site = _Site(self.context, parent, name, [d.node for d in details], plan)
        takes_info = plan.info_name is not None

        def resolve(source: Any, path: Path | None) -> Any:
            info = (
                Info(_raw_info=site.resolve_info(path), _field=plan.strawberry_field)
                if takes_info
                else None
            )
            value = call_resolver(plan, source, info)
            if is_awaitable(value):
                if inspect.iscoroutine(value):
                    value.close()  # never started, so nothing to undo
                raise GiveUp
            return completer(value, Path(path, name, parent.name) if needs_path else None)

        return resolve

    # ------------------------------------------------------------ values

    def _value(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> Built | None:
        plan = value_plan_of(return_type)
        if plan is None:
            return None
        required = isinstance(plan, NonNull)
        inner = plan.inner if isinstance(plan, NonNull) else plan
        if isinstance(inner, Leaf):
            return _leaf(inner.coerce, required), False
        if isinstance(inner, ObjectValue):
            return self._object_value(inner, details, required)
        if isinstance(inner, ListValue):
            list_type = (
                return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
            )
            item = self._value(list_type.of_type, details)  # type: ignore[union-attr]
            if item is None:
                return None
            return _list(item[0], required, item[1]), item[1]
        return None

    def _object_value(
        self, plan: ObjectValue, details: FieldDetailsList, required: bool
    ) -> Built | None:
        object_type = plan.object_type
        grouped, defer_usages, _ = self.context.collect_subfields(object_type, details)
        if defer_usages:
            return None
        built = self._object(object_type, grouped)
        if built is None:
            return None
        complete, needs_path = built
        check = plan.check

        def value(v: Any, path: Path | None) -> Any:
            if v is None or v is Undefined:
                return _give_up() if required else None
            if check is not None and not check(v, None):
                raise GiveUp
            return complete(v, path)

        return value, needs_path


def _leaf(coerce: Callable[[Any], Any], required: bool) -> Produce:
    def leaf(v: Any, _path: Path | None) -> Any:
        if v is None or v is Undefined:
            return _give_up() if required else None
        if isinstance(v, Exception):
            raise GiveUp
        coerced = coerce(v)
        if coerced is None or coerced is Undefined:
            raise GiveUp
        return coerced

    return leaf


def _list(item: Produce, required: bool, needs_path: bool) -> Produce:
    def complete_list(v: Any, path: Path | None) -> Any:
        if v is None or v is Undefined:
            return _give_up() if required else None
        if type(v) is not list and type(v) is not tuple:
            raise GiveUp
        if not needs_path:
            return [item(x, None) for x in v]
        return [item(x, Path(path, i, None)) for i, x in enumerate(v)]

    return complete_list


def _constant(value: str) -> Produce:
    return lambda _source, _path: value
