"""What each field and value type of the schema takes to produce, worked out once per type.

The execution context (schema/execution.py) and the whole-selection completion
(schema/direct_completion.py) read these plans instead of asking graphql-core, field by
field and value by value, which kind of field or type it is. A field or type with no plan
(None) is one they leave to graphql-core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from strawberry.relay import GlobalID, Node
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info

_NODE_ID = Node.__dict__["_id"].__func__
_DEFAULT_RESOLVE_ID = Node.__dict__["resolve_id"].__func__
_DEFAULT_RESOLVE_TYPENAME = Node.__dict__["resolve_typename"].__func__


# ---------------------------------------------------------------- completing values


@dataclass(frozen=True, slots=True)
class Leaf:
    coerce: Callable[[Any], Any]
    leaf_type: GraphQLLeafType


@dataclass(frozen=True, slots=True)
class ObjectValue:
    object_type: GraphQLObjectType
    # None: no check; otherwise strawberry's isinstance check, which never reads its info.
    check: Callable[[Any, Any], Any] | None


@dataclass(frozen=True, slots=True)
class ListValue:
    item: Leaf | ObjectValue | NonNull
    item_type: GraphQLOutputType


@dataclass(frozen=True, slots=True)
class NonNull:
    inner: Leaf | ObjectValue | ListValue


ValuePlan = Leaf | ObjectValue | ListValue | NonNull


def _is_strawberry_check(check: Any) -> bool:
    return getattr(
        check, "__module__", ""
    ) == GraphQLCoreConverter.__module__ and check.__qualname__.endswith(
        "._get_is_type_of.<locals>.is_type_of"
    )


def _value_plan(return_type: GraphQLOutputType) -> ValuePlan | None:
    if isinstance(return_type, GraphQLNonNull):
        inner = _value_plan(return_type.of_type)
        return NonNull(inner) if isinstance(inner, (Leaf, ObjectValue, ListValue)) else None
    if isinstance(return_type, GraphQLList):
        # Lists of lists stay with graphql-core.
        item = _value_plan(return_type.of_type)
        if item is None or isinstance(item, ListValue):
            return None
        if isinstance(item, NonNull) and isinstance(item.inner, ListValue):
            return None
        return ListValue(item=item, item_type=return_type.of_type)
    if is_leaf_type(return_type):
        return Leaf(coerce=return_type.coerce_output_value, leaf_type=return_type)
    if isinstance(return_type, GraphQLObjectType):
        check = return_type.is_type_of
        if check is None or _is_strawberry_check(check):
            return ObjectValue(object_type=return_type, check=check)
    return None


_VALUE_PLANS: dict[GraphQLOutputType, ValuePlan | None] = {}


def value_plan_of(return_type: GraphQLOutputType) -> ValuePlan | None:
    try:
        return _VALUE_PLANS[return_type]
    except KeyError:
        plan = _VALUE_PLANS[return_type] = _value_plan(return_type)
        return plan


# ---------------------------------------------------------------- reading fields


@dataclass(frozen=True, slots=True)
class Attribute:
    """A field with no resolver: the value is an attribute of the object."""

    read: Callable[[Any], Any]
    name: str
    field_def: GraphQLField
    # The authorization gate's (object, action) the field declares: read directly only once
    # the request is known to hold it; until then graphql-core runs the gate's extension.
    guard: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class GlobalIdField:
    """The Relay `id` of a node: its type name and id attribute, encoded."""

    field_def: GraphQLField


@dataclass(frozen=True, slots=True)
class Resolver:
    """A synchronous resolver with no arguments and no extensions, called as strawberry
    calls it: the object as `self`, `root` or `parent`, and `info`, where it asks for them."""

    function: Callable[..., Any]
    strawberry_field: StrawberryField
    takes_self: bool
    source_names: tuple[str, ...]
    info_name: str | None
    field_def: GraphQLField
    guard: tuple[str, str] | None = None  # as Attribute.guard


FieldPlan = Attribute | GlobalIdField | Resolver


def _only_gate(strawberry_field: StrawberryField) -> tuple[str, str] | None:
    """The requirement of a field whose only extension is the authorization gate."""
    from schema.permissions import Gate  # the gate's module reaches the types, which use plans

    extensions = strawberry_field.extensions
    if len(extensions) == 1 and type(extensions[0]) is Gate:
        return (extensions[0].obj, extensions[0].action)
    return None


def _field_plan(field_def: GraphQLField) -> FieldPlan | None:
    strawberry_field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(strawberry_field, StrawberryField) or field_def.args:
        return None
    guard = _only_gate(strawberry_field)
    # Any other extension must run in strawberry's resolver chain.
    plain = guard is not None or not strawberry_field.extensions
    if (
        # Strawberry marks the resolver of a field with no resolver of its own.
        getattr(field_def.resolve, "_is_default", False)
        and strawberry_field.default_resolver is getattr
        and plain
    ):
        name = strawberry_field.python_name
        return Attribute(read=attrgetter(name), name=name, field_def=field_def, guard=guard)
    resolver = strawberry_field.base_resolver
    wrapped = getattr(resolver.wrapped_func, "__func__", None) if resolver else None
    if wrapped is _NODE_ID and not strawberry_field.extensions:
        return GlobalIdField(field_def=field_def)
    function = resolver.wrapped_func if resolver is not None else None
    if (
        resolver is not None
        and callable(function)
        and not isinstance(function, (staticmethod, classmethod))
        and not resolver.is_async
        and plain
    ):
        info = resolver.info_parameter
        return Resolver(
            function=function,
            strawberry_field=strawberry_field,
            takes_self=resolver.self_parameter is not None,
            source_names=tuple(
                p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p
            ),
            info_name=info.name if info else None,
            field_def=field_def,
            guard=guard,
        )
    return None


_FIELD_PLANS: dict[GraphQLObjectType, dict[str, FieldPlan | None]] = {}


def field_plans(parent_type: GraphQLObjectType) -> dict[str, FieldPlan | None]:
    plans = _FIELD_PLANS.get(parent_type)
    if plans is None:
        plans = {name: _field_plan(f) for name, f in parent_type.fields.items()}
        _FIELD_PLANS[parent_type] = plans
    return plans


def node_id_attribute(cls: type) -> str | None:
    """The attribute holding the id of a Node class whose id strawberry's Node resolver
    gives as is; None for any other class (its id is left to that resolver)."""
    try:
        return _NODE_ID_ATTRIBUTES[cls]
    except KeyError:
        pass
    attribute = None
    if (
        issubclass(cls, Node)
        and getattr(cls.resolve_id, "__func__", None) is _DEFAULT_RESOLVE_ID
        and getattr(cls.resolve_typename, "__func__", None) is _DEFAULT_RESOLVE_TYPENAME
    ):
        attribute = cls.resolve_id_attr()
    _NODE_ID_ATTRIBUTES[cls] = attribute
    return attribute


_NODE_ID_ATTRIBUTES: dict[type, str | None] = {}


def global_id(source: Any, type_name: str) -> GlobalID | None:
    """The id strawberry's Node resolver would give, or None where it might differ."""
    attribute = node_id_attribute(type(source))
    node_id = None if attribute is None else getattr(source, attribute)
    if node_id is None:
        return None
    return GlobalID(type_name=type_name, node_id=str(node_id))


def call_resolver(plan: Resolver, source: Any, info: Info | None) -> Any:
    """Calls a resolver as strawberry would: the object as `self`, `root` or `parent`, and
    strawberry's Info where it asks for it (`info` is None only where it does not)."""
    kwargs: dict[str, Any] = dict.fromkeys(plan.source_names, source)
    if plan.info_name is not None:
        kwargs[plan.info_name] = info
    if plan.takes_self:
        return plan.function(source, **kwargs)
    return plan.function(**kwargs)
