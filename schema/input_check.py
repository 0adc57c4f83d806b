"""Every text value of a request checked before any resolver runs.

The check walks the arguments of every field the operation selects, literal or variable,
through input objects and lists, and holds each String and ID value to the length and
character class declared for its coordinate, and each list to MAX_LIST_ITEMS
(schema/input_limits.py). A refused request
runs nothing: its answer is one BAD_USER_INPUT error per offending value, at the path of
the field that takes it, naming the argument path in `extensions.field`. The message never
quotes the value. It runs where graphql-core builds the executor and hands it the schema, the
document and the raw variables (schema/embedding.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    get_nullable_type,
    visit,
)

from schema.errors import TopLevelCode
from schema.input_limits import MAX_LIST_ITEMS, TextKind, max_length, text_kind

CHECKED_SCALARS = frozenset({"String", "ID"})
MAX_REPORTED = 10
_PLANS_KEPT = 512

_ALWAYS = "\x00\ud800-\udfff"
_CONTROLS = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_FORBIDDEN = {
    TextKind.SECRET: re.compile(f"[{_ALWAYS}]"),
    TextKind.TEXT: re.compile(f"[{_ALWAYS}{_CONTROLS}]"),
    # Single lines also refuse tab and line breaks (U+2028/2029 included) and the bidi
    # embeddings, overrides and isolates that make a name read differently than it sorts.
    TextKind.LINE: re.compile(
        f"[{_ALWAYS}{_CONTROLS}\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]"
    ),
}
_WHAT = {
    TextKind.SECRET: "a NUL character or an unpaired surrogate",
    TextKind.TEXT: "a NUL character, an unpaired surrogate or a control character other "
    "than tab and line break",
    TextKind.LINE: "a NUL character, an unpaired surrogate, a control character, a line "
    "break or a bidirectional control",
}


def text_problem(value: str, coordinate: str, scalar: str) -> str | None:
    """Why `value` may not stand at `coordinate`, or None."""
    limit = max_length(coordinate, scalar)
    if len(value) > limit:
        return f"at most {limit} characters"
    kind = text_kind(coordinate) if scalar == "String" else TextKind.LINE
    if _FORBIDDEN[kind].search(value):
        return f"must not contain {_WHAT[kind]}"
    return None


@dataclass(frozen=True, slots=True)
class _Argument:
    """One argument of one selected field, found once per document."""

    response_path: tuple[str, ...]
    coordinate: str  # Type.field(argument)
    name: str
    kind: GraphQLInputType
    value: ValueNode


class _Collect(Visitor):
    def __init__(self, type_info: TypeInfo, operation: OperationDefinitionNode | None) -> None:
        super().__init__()
        self.type_info = type_info
        self.operation = operation
        self.path: list[str] = []
        self.names: list[str] = []
        self.found: list[_Argument] = []

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> Any:
        return None if node is self.operation else self.SKIP

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.path.append(node.alias.value if node.alias else node.name.value)
        self.names.append(node.name.value)

    def leave_field(self, *_: Any) -> None:
        self.path.pop()
        self.names.pop()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        parent = self.type_info.get_parent_type()
        argument = self.type_info.get_argument()
        directive = self.type_info.get_directive()
        if parent is None or argument is None or not self.names:
            return  # unknown names: validation has refused the document already
        owner = f"@{directive.name}" if directive else f"{parent.name}.{self.names[-1]}"
        self.found.append(
            _Argument(
                tuple(self.path),
                f"{owner}({node.name.value})",
                node.name.value,
                argument.type,
                node.value,
            )
        )


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the check needs of one operation of one parsed document."""

    document: DocumentNode
    arguments: list[_Argument]
    defaults: dict[str, ValueNode]  # the operation's default values of its variables


_plans: dict[tuple[int, int, str | None], _Plan] = {}


def _plan(schema: GraphQLSchema, document: DocumentNode, name: str | None) -> _Plan:
    """The plan of an operation, kept per parsed document (the parser cache hands back the
    same document for the same text)."""
    key = (id(schema), id(document), name)
    kept = _plans.get(key)
    if kept is not None and kept.document is document:
        return kept
    operation = _operation(document, name)
    type_info = TypeInfo(schema)
    collect = _Collect(type_info, operation)
    visit(document, TypeInfoVisitor(type_info, collect))
    defaults: dict[str, ValueNode] = {
        d.variable.name.value: d.default_value
        for d in ((operation.variable_definitions or ()) if operation else ())
        if d.default_value is not None
    }
    if len(_plans) >= _PLANS_KEPT:
        _plans.clear()
    plan = _plans[key] = _Plan(document, collect.found, defaults)
    return plan


class _Walk:
    def __init__(self, variables: dict[str, Any], defaults: Mapping[str, ValueNode]) -> None:
        self.variables = variables
        self.defaults = defaults
        self.errors: list[tuple[list[str | int], str]] = []

    def node(self, value: ValueNode, kind: Any, coordinate: str, path: list[str | int]) -> None:
        if len(self.errors) >= MAX_REPORTED:
            return
        if isinstance(value, VariableNode):
            name = value.name.value
            if name in self.variables:
                self.raw(self.variables[name], kind, coordinate, path)
            elif name in self.defaults:  # the operation's own default for the variable
                self.node(self.defaults[name], kind, coordinate, path)
            return
        inner = get_nullable_type(kind)
        if isinstance(inner, GraphQLList):
            items = value.values if isinstance(value, ListValueNode) else (value,)
            if self.too_many(items, path):
                return
            for index, item in enumerate(items):
                self.node(item, inner.of_type, coordinate, [*path, index])
        elif isinstance(inner, GraphQLInputObjectType) and isinstance(value, ObjectValueNode):
            for field in value.fields:
                definition = inner.fields.get(field.name.value)
                if definition is not None:
                    name = field.name.value
                    self.node(field.value, definition.type, f"{inner.name}.{name}", [*path, name])
        elif isinstance(value, StringValueNode):
            self.text(value.value, inner, coordinate, path)

    def raw(self, value: Any, kind: Any, coordinate: str, path: list[str | int]) -> None:
        if len(self.errors) >= MAX_REPORTED or value is None:
            return
        inner = get_nullable_type(kind)
        if isinstance(inner, GraphQLList):
            items = value if isinstance(value, list) else [value]
            if self.too_many(items, path):
                return
            for index, item in enumerate(items):
                self.raw(item, inner.of_type, coordinate, [*path, index])
        elif isinstance(inner, GraphQLInputObjectType) and isinstance(value, dict):
            for name, item in value.items():
                definition = inner.fields.get(name)
                if definition is not None:
                    self.raw(item, definition.type, f"{inner.name}.{name}", [*path, name])
        elif isinstance(value, str):
            self.text(value, inner, coordinate, path)

    def too_many(self, items: Sequence[Any], path: list[str | int]) -> bool:
        if len(items) <= MAX_LIST_ITEMS:
            return False
        self.errors.append((path, f"at most {MAX_LIST_ITEMS} items"))
        return True

    def text(self, value: str, kind: Any, coordinate: str, path: list[str | int]) -> None:
        scalar = kind.name if isinstance(kind, GraphQLScalarType) else None
        if scalar not in CHECKED_SCALARS:
            return
        problem = text_problem(value, coordinate, scalar)
        if problem is not None:
            self.errors.append((path, problem))


def check_request(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> list[GraphQLError]:
    """One error per text value the request may not carry (none: the request may run)."""
    errors: list[GraphQLError] = []
    plan = _plan(schema, document, operation_name)
    given = variables if isinstance(variables, dict) else {}
    for argument in plan.arguments:
        walk = _Walk(given, plan.defaults)
        walk.node(argument.value, argument.kind, argument.coordinate, [argument.name])
        for path, problem in walk.errors:
            shown = ".".join(str(p) for p in path)
            errors.append(
                GraphQLError(
                    f"{shown}: {problem}",
                    nodes=[argument.value],
                    path=list(argument.response_path),
                    extensions={
                        "code": TopLevelCode.BAD_USER_INPUT.value,
                        "field": path,
                    },
                )
            )
        if len(errors) >= MAX_REPORTED:
            break
    return errors
