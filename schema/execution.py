"""Query execution with a direct path for plain scalar fields.

A page of invoices resolves well over a thousand fields, and most are attributes read off
an object already in memory (`number`, `status`, `amount`). graphql-core builds a resolve
info object, parses arguments and walks the generic completion for each of them; that
bookkeeping, not the database, is what a list page spends its time on. Fields that have
no resolver of their own, take no arguments and return a scalar or enum are read and
serialised here in one step, with graphql-core's own null checks and error messages;
every other field goes through graphql-core unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, Undefined, gather_with_cancel, inspect
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField


@dataclass(frozen=True, slots=True)
class _Leaf:
    """How to produce one plain scalar field of a type."""

    read: Any
    coerce: Any
    non_null: bool
    leaf_type: GraphQLLeafType
    return_type: GraphQLOutputType


@dataclass(frozen=True, slots=True)
class _Object:
    """How to produce one plain field holding an object (an amount, an address)."""

    read: Any
    non_null: bool
    object_type: GraphQLObjectType
    return_type: GraphQLOutputType


def _plan(field_def: GraphQLField) -> _Leaf | _Object | None:
    strawberry_field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    resolve = field_def.resolve
    if (
        not isinstance(strawberry_field, StrawberryField)
        # Strawberry marks the resolver of a field with no resolver and no extensions.
        or not getattr(resolve, "_is_default", False)
        or strawberry_field.default_resolver is not getattr
        or field_def.args
    ):
        return None
    return_type = field_def.type
    non_null = isinstance(return_type, GraphQLNonNull)
    named = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
    read = attrgetter(strawberry_field.python_name)
    if is_leaf_type(named):
        return _Leaf(
            read=read,
            coerce=named.coerce_output_value,
            non_null=non_null,
            leaf_type=named,
            return_type=return_type,
        )
    # A type with an is_type_of check (the Node types) keeps graphql-core's completion.
    if isinstance(named, GraphQLObjectType) and named.is_type_of is None:
        return _Object(read=read, non_null=non_null, object_type=named, return_type=return_type)
    return None


_PLANS: dict[GraphQLObjectType, dict[str, _Leaf | _Object | None]] = {}


def _plans(parent_type: GraphQLObjectType) -> dict[str, _Leaf | _Object | None]:
    plans = _PLANS.get(parent_type)
    if plans is None:
        plans = {name: _plan(f) for name, f in parent_type.fields.items()}
        _PLANS[parent_type] = plans
    return plans


def _read(plan: _Leaf | _Object, source: Any, parent_name: str | None, details: Any) -> Any:
    """The field's value, None for null; null in a non-null field raises as graphql-core's."""
    value = plan.read(source)
    if isinstance(value, Exception):
        raise value
    if value is None or value is Undefined:
        if plan.non_null:
            field_name = details[0].node.name.value
            raise TypeError(
                f"Cannot return null for non-nullable field {parent_name}.{field_name}."
            )
        return None
    return value


class LedgerlineExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with plain scalar fields completed in place."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:
            # A resolve hook must see every field.
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        plans = _plans(parent_type)
        results: dict[str, Any] = {}
        pending: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for response_name, details in grouped_field_set.items():
                node = details[0].node
                plan = plans.get(node.name.value)
                if plan is None or node.arguments:
                    result = self.execute_field(
                        parent_type,
                        source_value,
                        details,
                        Path(path, response_name, parent_type.name),
                        position_context,
                    )
                elif isinstance(plan, _Leaf):
                    results[response_name] = self._leaf(
                        plan, parent_type, source_value, path, response_name, details
                    )
                    continue
                else:
                    result = self._object(
                        plan,
                        source_value,
                        Path(path, response_name, parent_type.name),
                        details,
                        position_context,
                    )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        pending.append(response_name)
        except Exception:
            if pending:
                self.settle_in_background([results[name] for name in pending])
            raise
        if not pending:
            return results
        return self._gather(results, pending)

    async def _gather(self, results: dict[str, Any], pending: list[str]) -> dict[str, Any]:
        if len(pending) == 1:
            results[pending[0]] = await results[pending[0]]
            return results
        # The helper graphql-core uses: a failure cancels the siblings.
        values = await gather_with_cancel(*(results[name] for name in pending))
        results.update(zip(pending, values, strict=True))
        return results

    def _leaf(
        self,
        plan: _Leaf,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path | None,
        response_name: str,
        details: Any,
    ) -> Any:
        try:
            value = _read(plan, source, parent_type.name, details)
            if value is None:
                return None
            coerced = plan.coerce(value)
            if coerced is Undefined or coerced is None:
                raise TypeError(
                    f"Expected `{inspect(plan.leaf_type)}.coerce_output_value("
                    f"{inspect(value)})` to return non-nullable value, returned:"
                    f" {inspect(coerced)}"
                )
            return coerced
        except Exception as error:
            # Raises again for a non-null field, as graphql-core does; records it otherwise.
            self.handle_field_error(
                error, plan.return_type, details, Path(path, response_name, parent_type.name)
            )
            return None

    def _object(
        self, plan: _Object, source: Any, path: Path, details: Any, position_context: Any
    ) -> Any:
        try:
            value = _read(plan, source, path.typename, details)
            if value is None:
                return None
            grouped, defer_usages, _ = self.collect_subfields(plan.object_type, details)
            completed = self.execute_collected_subfields(
                plan.object_type, value, path, grouped, defer_usages, position_context
            )
        except Exception as error:
            self.handle_field_error(error, plan.return_type, details, path)
            return None
        if self.is_awaitable(completed):
            return self._completed_later(completed, plan.return_type, details, path)
        return completed

    async def _completed_later(
        self, completed: Any, return_type: GraphQLOutputType, details: Any, path: Path
    ) -> Any:
        try:
            return await completed
        except Exception as error:
            self.handle_field_error(error, return_type, details, path)
            return None
