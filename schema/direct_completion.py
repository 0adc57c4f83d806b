"""Whole selections completed in one pass, for values that need none of graphql-core's care.

Even with plain fields read directly (schema/execution.py), completing an object costs a
round of generic bookkeeping per object: its subfields are looked up, each field asks which
kind of field and value it is, a Path is made for it, errors are guarded field by field. A
page of fifty invoices has some six hundred objects (each invoice, its amounts, its
customer, its lines and their amounts), so that bookkeeping is most of what the page costs.

Here a selection is turned into a generated function per object type that builds the
response dictionary of an object and of everything selected below it (kept for later
requests of the same document where the variables cannot change the selection), as long
as every field is one the direct path understands: a plain attribute, a Relay `id`, a synchronous
resolver without arguments or extensions, or `__typename`, of a scalar, enum, object or list
type. Anything it was not built for — a null in a non-null field, an error raised or
returned, an awaitable, a value of the wrong type — makes it give up on the object, which
is then completed again by the general path, with graphql-core's errors, paths and null
propagation. The general path only reads attributes again and calls the same side-effect
free resolvers again, so the answer is the same either way.
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import methodcaller
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
from graphql.type.scalars import serialize_boolean, serialize_id, serialize_int, serialize_string
from strawberry.relay.utils import to_base64
from strawberry.schema.schema_converter import GraphQLCoreConverter
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
    node_id_attribute,
    value_plan_of,
)
from schema.sql_json import Prebuilt

if TYPE_CHECKING:
    from schema.execution import LedgerlineExecutionContext

# Where a value is, below the path graphql-core gave: (where its parent is, its key, the
# parent type's name) as a plain tuple, made into a Path only if a resolver asks for one.
Where = Path | tuple[Any, Any, Any] | None
# Produces a response value: (the value or its source object, where the object is).
Produce = Callable[[Any, Where], Any]
# A producer and whether it reads where it is (only resolvers do, through their info; an
# object or list needs to know when something below it does).
Built = tuple[Produce, bool]


def _path(where: Where) -> Path | None:
    if where is None or type(where) is Path:
        return where
    parent, key, type_name = where
    return Path(_path(parent), key, type_name)


# The execution context of the request whose values are being completed. The completing
# functions are kept across requests (of the same document), so they hold no request of
# their own: `LedgerlineExecutionContext._complete` sets this around each call, and the
# call runs to its end without awaiting anything.
executing: ContextVar[LedgerlineExecutionContext] = ContextVar("executing")


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a resolver is called from: all of its resolve info but the request and path."""

    parent: GraphQLObjectType
    name: str
    nodes: list[FieldNode]
    plan: Resolver

    def resolve_info(self, where: Where) -> GraphQLResolveInfo:
        field_path = Path(_path(where), self.name, self.parent.name)
        return executing.get().build_resolve_info(
            self.plan.field_def, self.nodes, self.parent, field_path
        )


class _ResolveInfo:
    """Stands in for a resolver's GraphQLResolveInfo: its context at once, everything else
    (its path, its field nodes...) made the first time the resolver asks. Resolvers on a
    page mostly read the context only, for their loaders."""

    __slots__ = ("_made", "_site", "_where", "context")

    def __init__(self, site: _Site, where: Where) -> None:
        self._site = site
        self._where = where
        self._made: GraphQLResolveInfo | None = None
        self.context = executing.get().context_value

    def __getattr__(self, name: str) -> Any:
        made = self._made
        if made is None:
            made = self._made = self._site.resolve_info(self._where)
        return getattr(made, name)


class GiveUp(Exception):
    """The value needs the general path; raised and caught within one object's completion."""


def _give_up() -> Any:
    raise GiveUp


class Compiler:
    """Builds the completing functions of one request's selections, or finds them built for
    an earlier request of the same document."""

    def __init__(self, context: LedgerlineExecutionContext) -> None:
        self.context = context
        # (type, id of the grouped field set) -> (the set, kept alive so the id stays its
        # own; what was built, or None).
        self._objects: dict[tuple[GraphQLObjectType, int], tuple[Any, Built | None]] = {}

    def object(self, object_type: GraphQLObjectType, details: FieldDetailsList) -> Produce | None:
        """The function completing the selection of `details` on an object of `object_type`
        into its response dictionary; None where some field of the selection, however
        deep, is one it does not handle, or where it defers a part.

        Kept across requests when the selection cannot change with the variables (no
        directive in the operation or its fragments): the parsed document is shared by the
        parser cache, so the same field nodes mean the same selection, and a request that
        finds it kept does not collect the selection's fields at all."""
        fixed = _fixed(self.context)
        nodes = [d.node for d in details]
        key = (object_type, tuple(map(id, nodes)))
        found = _COMPILED.get(key) if fixed else None
        if found is not None:
            return found[1]
        grouped, defer_usages, _ = self.context.collect_subfields(object_type, details)
        built = None if defer_usages else self._object(object_type, grouped)
        complete = built[0] if built is not None else None
        if fixed:
            # The nodes are kept with it, so their ids stay theirs while the entry lives.
            if len(_COMPILED) >= _COMPILED_KEPT:
                _COMPILED.pop(next(iter(_COMPILED)))
            _COMPILED[key] = (nodes, complete)
        return complete

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
        steps: list[_Step] = []
        needs_path = False
        for name, details in grouped.items():
            node = details[0].node
            if node.name.value == "__typename":
                steps.append(_Constant(name, object_type.name))
                continue
            plan = None if node.arguments else plans.get(node.name.value)
            step = self._step(object_type, name, details, plan) if plan else None
            if step is None:
                return None
            steps.append(step)
            needs_path = needs_path or step.needs_path
        return _generate(object_type.name, steps), needs_path

    # ------------------------------------------------------------ fields

    def _step(
        self, parent: GraphQLObjectType, name: str, details: FieldDetailsList, plan: FieldPlan
    ) -> _Step | None:
        value = self._value(plan.field_def.type, details)
        if value is None:
            return None
        step = self._unguarded_step(parent, name, details, plan, value)
        guard = getattr(plan, "guard", None)
        if step is None or guard is None:
            return step
        assert isinstance(step, _Call)  # a guarded attribute is never read inline
        return _Call(step.key, _guarded(guard, step), step.needs_path)

    def _unguarded_step(
        self,
        parent: GraphQLObjectType,
        name: str,
        details: FieldDetailsList,
        plan: FieldPlan,
        value: _Value,
    ) -> _Step | None:
        completer, needs_path = value.produce, value.needs_path
        type_name = parent.name
        if isinstance(plan, Attribute):
            if plan.guard is None and plan.name.isidentifier() and not keyword.iskeyword(plan.name):
                return _Read(name, plan.name, value)
            read = plan.read
            if not needs_path:
                return _Call(name, lambda source, _path: completer(read(source), None), False)
            return _Call(
                name,
                lambda source, path: completer(read(source), (path, name, type_name)),
                True,
            )
        if isinstance(plan, GlobalIdField):
            return _Call(name, _node_id(type_name, plan, completer), False)
        if isinstance(plan, Resolver):
            return _Call(
                name, self._resolver(parent, name, details, plan, completer, needs_path), True
            )
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
        # The schema's, the same for every request of it.
        is_awaitable = self.context.is_awaitable
        site = _Site(parent, name, [d.node for d in details], plan)
        takes_info = plan.info_name is not None

        def resolve(source: Any, path: Where) -> Any:
            info = (
                Info(_raw_info=_ResolveInfo(site, path), _field=plan.strawberry_field)  # type: ignore[arg-type]
                if takes_info
                else None
            )
            value = call_resolver(plan, source, info)
            if is_awaitable(value):
                if inspect.iscoroutine(value):
                    value.close()  # never started, so nothing to undo
                raise GiveUp
            return completer(value, (path, name, parent.name) if needs_path else None)

        return resolve

    # ------------------------------------------------------------ values

    def _value(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> _Value | None:
        plan = value_plan_of(return_type)
        if plan is None:
            return None
        required = isinstance(plan, NonNull)
        inner = plan.inner if isinstance(plan, NonNull) else plan
        if isinstance(inner, Leaf):
            return _Value(_leaf(inner.coerce, required), False, shortcuts=_leaf_shortcuts(inner))
        if isinstance(inner, ObjectValue):
            return self._object_value(inner, details, required)
        if isinstance(inner, ListValue):
            list_type = (
                return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
            )
            item = self._value(list_type.of_type, details)  # type: ignore[union-attr]
            if item is None:
                return None
            return _Value(_list(item, required), item.needs_path)
        return None

    def _object_value(
        self, plan: ObjectValue, details: FieldDetailsList, required: bool
    ) -> _Value | None:
        object_type = plan.object_type
        grouped, defer_usages, _ = self.context.collect_subfields(object_type, details)
        if defer_usages:
            return None
        built = self._object(object_type, grouped)
        if built is None:
            return None
        complete, needs_path = built
        check = plan.check

        def value(v: Any, path: Where) -> Any:
            if v is None or v is Undefined:
                return _give_up() if required else None
            if type(v) is Prebuilt:
                return v.fragment
            if check is not None and not check(v, None):
                raise GiveUp
            return complete(v, path)

        own_class = _own_class(object_type)
        # An object of the type's own class passes strawberry's check: it completes at once.
        shortcuts = () if own_class is None else ((own_class, None, _COMPLETE),)
        return _Value(value, needs_path, shortcuts=shortcuts, complete=complete)


@dataclass(frozen=True, slots=True)
class _Value:
    """How a value of one type completes: `produce` in general; where its class is one of
    `shortcuts` (class, guard or None, expression), the expression gives it directly."""

    produce: Produce
    needs_path: bool
    shortcuts: tuple[tuple[type, str | None, str], ...] = ()
    complete: Produce | None = None  # an object's own completion, for _COMPLETE


# The expression of a shortcut completing an object with its own completion (`{complete}`)
# rather than with the checks of `produce`.
_COMPLETE = "{complete}({v}, {path})"


def _own_class(object_type: GraphQLObjectType) -> type | None:
    definition = (object_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    return origin if isinstance(origin, type) else None


def _guarded(guard: tuple[str, str], step: _Call) -> Produce:
    """A field the gate guards, produced only once this request is known to hold its
    requirement; otherwise the object goes to the general path, where the gate decides."""
    produce = step.produce

    def guarded(source: Any, path: Where) -> Any:
        if executing.get().context_value.decided(*guard) is not True:
            raise GiveUp
        return produce(source, path)

    return guarded


def _leaf_shortcuts(leaf: Leaf) -> tuple[tuple[type, str | None, str], ...]:
    """What a leaf's coercion does to values of some classes, as expressions, so that the
    generated function does it without a call: a string given to String or ID stays as it
    is, an int stays within Int's 32-bit range, a Decimal given to `str` becomes its text,
    a date or time given to `isoformat` its ISO text."""
    coerce = leaf.coerce
    if coerce in (serialize_string, serialize_id):
        return ((str, None, "{v}"),)
    if coerce is str:
        return ((str, None, "{v}"), (Decimal, None, "str({v})"))
    if coerce is serialize_int:
        return ((int, "-2147483648 <= {v} <= 2147483647", "{v}"),)
    if coerce is serialize_boolean:
        return ((bool, None, "{v}"),)
    if isinstance(coerce, methodcaller) and repr(coerce) == "operator.methodcaller('isoformat')":
        return ((date, None, "{v}.isoformat()"), (datetime, None, "{v}.isoformat()"))
    return ()


def _leaf(coerce: Callable[[Any], Any], required: bool) -> Produce:
    def leaf(v: Any, _path: Where) -> Any:
        if v is None or v is Undefined:
            return _give_up() if required else None
        if isinstance(v, Exception):
            raise GiveUp
        coerced = coerce(v)
        if coerced is None or coerced is Undefined:
            raise GiveUp
        return coerced

    return leaf


def _list(item: _Value, required: bool) -> Produce:
    produce, needs_path = item.produce, item.needs_path
    own = next((c for c, _g, e in item.shortcuts if e is _COMPLETE), None)
    complete = item.complete

    def complete_list(v: Any, path: Where) -> Any:
        if v is None or v is Undefined:
            return _give_up() if required else None
        if type(v) is not list and type(v) is not tuple:
            raise GiveUp
        if needs_path:
            return [produce(x, (path, i, None)) for i, x in enumerate(v)]
        if own is not None and complete is not None:
            return [complete(x, None) if type(x) is own else produce(x, None) for x in v]
        return [produce(x, None) for x in v]

    return complete_list


def _node_id(type_name: str, plan: GlobalIdField, completer: Produce) -> Produce:
    leaf = value_plan_of(plan.field_def.type)
    leaf = leaf.inner if isinstance(leaf, NonNull) else leaf
    if isinstance(leaf, Leaf) and leaf.coerce in (serialize_id, str):
        # What an ID makes of strawberry's GlobalID (its str), without making one.
        def encoded(source: Any, _path: Where) -> Any:
            attribute = node_id_attribute(type(source))
            node_id = None if attribute is None else getattr(source, attribute)
            return _give_up() if node_id is None else to_base64(type_name, str(node_id))

        return encoded

    def node_id(source: Any, _path: Where) -> Any:
        found = global_id(source, type_name)
        return _give_up() if found is None else completer(found, None)

    return node_id


# ---------------------------------------------------------------- generated functions


@dataclass(frozen=True, slots=True)
class _Constant:
    key: str
    value: str
    needs_path: bool = False


@dataclass(frozen=True, slots=True)
class _Read:
    """An attribute read in the generated function itself, then completed."""

    key: str
    attribute: str
    value: _Value

    @property
    def needs_path(self) -> bool:
        return self.value.needs_path


@dataclass(frozen=True, slots=True)
class _Call:
    key: str
    produce: Produce
    needs_path: bool


_Step = _Constant | _Read | _Call


def _generate(type_name: str, steps: list[_Step]) -> Produce:
    """One function completing an object of `type_name` into its response dictionary.

    Generated rather than looped over: a page completes hundreds of objects, and a function
    call per field (to read it, then to check its type) was most of what that cost. The
    source is made of the schema's attribute names (identifiers, checked) and of response
    keys and the type name written as literals; the functions it calls are passed in. The
    compiled maker is kept by its source, as compiling costs more than a page does; the
    functions, which hold a request's context, are the maker's arguments.
    """
    functions: list[Any] = []  # passed to the maker: functions it calls, classes it tests
    body: list[str] = []
    for i, step in enumerate(steps):
        value = f"v{i}"
        if isinstance(step, _Constant):
            body.append(f"{value} = {step.value!r}")
        elif isinstance(step, _Read):
            body.append(f"{value} = source.{step.attribute}")
            path = f"(path, {step.key!r}, {type_name!r})" if step.needs_path else "None"
            branches = []
            for cls, guard, expression in step.value.shortcuts:
                functions.append(cls)
                test = f"kind is f{len(functions) - 1}"
                if guard is not None:
                    test += " and " + guard.format(v=value)
                if expression is _COMPLETE:
                    functions.append(step.value.complete)
                    expression = f"f{len(functions) - 1}({{v}}, {path})"
                branches.append((test, expression.format(v=value)))
            functions.append(step.value.produce)
            completing = f"f{len(functions) - 1}({value}, {path})"
            if not branches:
                body.append(f"{value} = {completing}")
                continue
            body.append(f"kind = type({value})")
            for n, (test, expression) in enumerate(branches):
                body.append(f"{'if' if n == 0 else 'elif'} {test}:")
                body.append("    pass" if expression == value else f"    {value} = {expression}")
            body.extend(("else:", f"    {value} = {completing}"))
        else:
            functions.append(step.produce)
            body.append(f"{value} = f{len(functions) - 1}(source, path)")
    entries = ", ".join(f"{step.key!r}: v{i}" for i, step in enumerate(steps))
    source = "".join(
        (
            f"def make({', '.join(f'f{i}' for i in range(len(functions)))}):\n",
            "    def complete(source, path):\n",
            *(f"        {line}\n" for line in body),
            f"        return {{{entries}}}\n",
            "    return complete\n",
        )
    )
    make = _MAKERS.get(source)
    if make is None:
        names: dict[str, Any] = {}
        exec(compile(source, f"<completion of {type_name}>", "exec"), names)  # noqa: S102
        make = names["make"]
        if len(_MAKERS) >= _MAKERS_KEPT:
            _MAKERS.pop(next(iter(_MAKERS)))
        _MAKERS[source] = make
    generated: Produce = make(*functions)
    return generated


# Selections kept across requests, oldest dropped first past the bound; each keeps its
# field nodes (and so their part of the document) alive. The parser cache holds 128.
_COMPILED_KEPT = 256
_Compiled = tuple[list[FieldNode], Produce | None]
_COMPILED: dict[tuple[GraphQLObjectType, tuple[int, ...]], _Compiled] = {}
_FIXED: dict[int, tuple[Any, bool]] = {}


def _fixed(context: LedgerlineExecutionContext) -> bool:
    """Whether the operation's selections are the same whatever its variables: no directive
    (@skip, @include, @defer...) on any of its fields or fragments, and no fragment taking
    arguments. Known per operation."""
    operation = context.operation
    found = _FIXED.get(id(operation))
    if found is not None and found[0] is operation:
        return found[1]
    fragments = context.fragments.values()
    roots: list[Any] = [operation, *(f.definition for f in fragments)]
    fixed = (
        not operation.directives
        and not any(f.variable_signatures for f in fragments)
        and not any(_has_directives(n.selection_set) for n in roots)
    )
    if len(_FIXED) >= _COMPILED_KEPT:
        _FIXED.clear()
    _FIXED[id(operation)] = (operation, fixed)
    return fixed


def _has_directives(selection_set: Any) -> bool:
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        if selection.directives or _has_directives(getattr(selection, "selection_set", None)):
            return True
    return False


# Distinct selections seen, oldest dropped first past the bound: clients send a few shapes
# of query over and over, but nothing stops one from sending endless distinct aliases.
_MAKERS_KEPT = 2048
_MAKERS: dict[str, Callable[..., Produce]] = {}
