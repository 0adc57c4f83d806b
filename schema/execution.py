"""Query execution with a direct path for plain fields and plain values.

A page of invoices resolves well over a thousand fields, and most are attributes read off
an object already in memory (`number`, `status`, `amount { amount currency }`). For each
of them graphql-core builds a resolve info object, looks at its arguments and walks a
generic completion that asks of the type, one question at a time, whether it is non-null,
a list, a leaf, abstract or an object; strawberry adds its own wrapper around every field
that has a resolver, the Relay `id` included. That bookkeeping, not the database, is what
a list page spends its time on.

Here, an object whose whole selection the direct completion understands is completed in
one pass (schema/direct_completion.py). Otherwise, field by field: a field with no resolver
of its own and no arguments is read straight off its object, the Relay `id` of a node is
encoded straight from its id attribute, and a value of a non-null, scalar, enum or object
type (one with no type check, or strawberry's own isinstance check) is completed in one
step by a plan made once per type (schema/plans.py). Null checks, coercion and error
messages are graphql-core's own; lists, abstract types, fields with arguments or resolvers
and any resolve hook go through graphql-core unchanged.

An item of a page whose JSON PostgreSQL wrote (schema.sql_json.Prebuilt) is completed as
that JSON, whichever path reaches it.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, Undefined, gather_with_cancel, inspect
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.info import Info

from schema.direct_completion import Compiler, executing
from schema.error_codes import coded_variable_errors
from schema.plans import (
    Attribute,
    FieldPlan,
    GlobalIdField,
    Leaf,
    ListValue,
    NonNull,
    Resolver,
    ValuePlan,
    call_resolver,
    field_plans,
    global_id,
    value_plan_of,
)
from schema.sql_json import Prebuilt


def _null_in_non_null(parent_name: Any, field_name: str) -> TypeError:
    return TypeError(f"Cannot return null for non-nullable field {parent_name}.{field_name}.")


class LedgerlineExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with plain fields and values completed in place."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: dict[tuple[GraphQLObjectType, int], tuple[GroupedFieldSet, Any]] = {}
        self._compiler = Compiler(self)

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        # Variables are coerced here; a list instead of an executor is the client's errors.
        return coded_variable_errors(super().build(*args, **kwargs))

    def _direct(self) -> bool:
        manager = self.middleware_manager
        # A resolve hook must see every field, and an exception handler every resolver.
        return (manager is None or not manager.middlewares) and not getattr(
            getattr(self.schema, "_strawberry_schema", None), "exception_handlers", ()
        )

    # ------------------------------------------------------------ fields

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        if not self._direct():
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        pending: list[str] = []
        is_awaitable = self.is_awaitable
        type_name = parent_type.name
        try:
            for name, details, coerce, value_plan, return_type, plan in self._steps(
                parent_type, grouped_field_set
            ):
                if coerce is not None:
                    # A plain scalar read and coerced here; the edge cases (null, an error
                    # value, a failed coercion) take the full completion, with its Path.
                    try:
                        value = plan.read(source_value)
                        coerced = (
                            None
                            if value is None or value is Undefined or isinstance(value, Exception)
                            else coerce(value)
                        )
                        if coerced is None or coerced is Undefined:
                            coerced = self._complete(
                                value_plan,
                                details,
                                Path(path, name, type_name),
                                value,
                                None,
                                type_name,
                            )
                        results[name] = coerced
                    except Exception as error:
                        self.handle_field_error(
                            error, return_type, details, Path(path, name, type_name)
                        )
                        results[name] = None
                    continue
                field_path = Path(path, name, type_name)
                if plan is None:
                    result = self.execute_field(
                        parent_type, source_value, details, field_path, position_context
                    )
                    if result is Undefined:
                        continue
                else:
                    result = self._field(
                        plan, parent_type, source_value, details, field_path, position_context
                    )
                results[name] = result
                if is_awaitable(result):
                    pending.append(name)
        except Exception:
            if pending:
                self.settle_in_background([results[name] for name in pending])
            raise
        if not pending:
            return results
        return self._gather(results, pending)

    def _steps(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Any:
        """How to produce each field of a selection, worked out once per request.

        Each step: response name, field details, the coercion of a plain scalar attribute
        (else None), its value plan and type, and the field plan (None: graphql-core's).
        """
        # Keyed on identity, as graphql-core memoizes subfields; the set is kept alive with it.
        key = (parent_type, id(grouped_field_set))
        cached = self._compiled.get(key)
        if cached is not None:
            return cached[1]
        plans = field_plans(parent_type)
        steps = []
        for name, details in grouped_field_set.items():
            node = details[0].node
            plan = None if node.arguments else plans.get(node.name.value)
            coerce = value_plan = return_type = None
            if isinstance(plan, Attribute) and plan.guard is None:
                return_type = plan.field_def.type
                value_plan = value_plan_of(return_type)
                inner = value_plan.inner if isinstance(value_plan, NonNull) else value_plan
                if isinstance(inner, Leaf):
                    coerce = inner.coerce
            steps.append((name, details, coerce, value_plan, return_type, plan))
        self._compiled[key] = (grouped_field_set, steps)
        return steps

    async def _gather(self, results: dict[str, Any], pending: list[str]) -> dict[str, Any]:
        if len(pending) == 1:
            results[pending[0]] = await results[pending[0]]
            return results
        # The helper graphql-core uses: a failure cancels the siblings.
        values = await gather_with_cancel(*(results[name] for name in pending))
        results.update(zip(pending, values, strict=True))
        return results

    def _field(
        self,
        plan: FieldPlan,
        parent_type: GraphQLObjectType,
        source: Any,
        details: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        field_def = plan.field_def
        return_type = field_def.type
        guard = getattr(plan, "guard", None)
        if guard is not None and self.context_value.decided(*guard) is not True:
            # Not yet known to be allowed: the gate's extension decides, in strawberry's chain.
            return self.execute_field(parent_type, source, details, path, position_context)
        info: GraphQLResolveInfo | None = None
        try:
            if isinstance(plan, GlobalIdField):
                value: Any = global_id(source, parent_type.name)
                if value is None:
                    return self.execute_field(parent_type, source, details, path, position_context)
            elif isinstance(plan, Resolver):
                info = self.build_resolve_info(
                    field_def, [d.node for d in details], parent_type, path
                )
                value = call_resolver(
                    plan, source, Info(_raw_info=info, _field=plan.strawberry_field)
                )
            else:
                value = plan.read(source)
            value_plan = value_plan_of(return_type)
            if self.is_awaitable(value):
                if info is None:
                    info = self.build_resolve_info(
                        field_def, [d.node for d in details], parent_type, path
                    )
                # Handles its own errors, as graphql-core's execute_field relies on.
                return self.complete_awaitable_value(
                    return_type, details, info, path, value, position_context
                )
            if value_plan is None or not self._takes(value_plan, value):
                if info is None:
                    info = self.build_resolve_info(
                        field_def, [d.node for d in details], parent_type, path
                    )
                completed = super().complete_value(
                    return_type, details, info, path, value, position_context
                )
            else:
                completed = self._complete(
                    value_plan, details, path, value, position_context, parent_type.name
                )
        except Exception as error:
            # Raises again for a non-null field, as graphql-core does; records it otherwise.
            self.handle_field_error(error, return_type, details, path)
            return None
        if self.is_awaitable(completed):
            return self._completed_later(completed, return_type, details, path)
        return completed

    async def _completed_later(
        self, completed: Any, return_type: GraphQLOutputType, details: Any, path: Path
    ) -> Any:
        try:
            return await completed
        except Exception as error:
            self.handle_field_error(error, return_type, details, path)
            return None

    # ------------------------------------------------------------ values

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        if type(result) is Prebuilt:
            return result.fragment
        plan = value_plan_of(return_type) if self._direct() else None
        if plan is None or not self._takes(plan, result):
            return super().complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
        return self._complete(
            plan, field_details_list, path, result, position_context, info.parent_type
        )

    def _takes(self, plan: ValuePlan, result: Any) -> bool:
        """Whether `_complete` handles this value; graphql-core takes awaitables and other
        iterables (a list here holds no awaitable, checked before any item is completed)."""
        is_awaitable = self.is_awaitable
        if is_awaitable(result):
            return False
        if isinstance(plan, NonNull):
            plan = plan.inner
        if not isinstance(plan, ListValue) or result is None or result is Undefined:
            return True
        return isinstance(result, (list, tuple)) and not any(map(is_awaitable, result))

    def _complete_list(
        self,
        plan: ListValue,
        details: FieldDetailsList,
        path: Path,
        items: list[Any] | tuple[Any, ...],
        position_context: Any,
        parent_name: Any,
    ) -> Any:
        """graphql-core's list completion for items that are not awaitable."""
        completed: list[Any] = []
        later: list[int] = []
        for index, item in enumerate(items):
            item_path = path.add_key(index, None)
            try:
                value = self._complete(
                    plan.item, details, item_path, item, position_context, parent_name
                )
                if self.is_awaitable(value):
                    value = self._completed_later(value, plan.item_type, details, item_path)
                    later.append(index)
                completed.append(value)
            except Exception as error:
                # Raises again for a non-null item, as graphql-core does.
                self.handle_field_error(error, plan.item_type, details, item_path)
                completed.append(None)
        if not later:
            return completed
        return self._gather_items(completed, later)

    async def _gather_items(self, completed: list[Any], later: list[int]) -> list[Any]:
        values = await gather_with_cancel(*(completed[index] for index in later))
        for index, value in zip(later, values, strict=True):
            completed[index] = value
        return completed

    def _complete(
        self,
        plan: ValuePlan,
        details: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
        parent_name: Any,
    ) -> Any:
        """graphql-core's completion of a value, for the kinds a plan covers."""
        if isinstance(result, Exception):
            raise result
        if type(result) is Prebuilt:
            return result.fragment
        if isinstance(plan, NonNull):
            if result is None or result is Undefined:
                raise _null_in_non_null(parent_name, details[0].node.name.value)
            plan = plan.inner
        elif result is None or result is Undefined:
            return None
        if isinstance(plan, ListValue):
            return self._complete_list(plan, details, path, result, position_context, parent_name)
        if isinstance(plan, Leaf):
            coerced = plan.coerce(result)
            if coerced is Undefined or coerced is None:
                raise TypeError(
                    f"Expected `{inspect(plan.leaf_type)}.coerce_output_value("
                    f"{inspect(result)})` to return non-nullable value, returned:"
                    f" {inspect(coerced)}"
                )
            return coerced
        object_type = plan.object_type
        if plan.check is not None and not plan.check(result, None):
            raise GraphQLError(
                f"Expected value of type '{object_type}' but got: {inspect(result)}.",
                [d.node for d in details],
            )
        if position_context is None:
            complete = self._compiler.object(object_type, details)
            if complete is not None:
                running = executing.set(self)
                try:
                    return complete(result, path)
                except Exception:  # noqa: S110
                    # Whatever went wrong, the general path below reports as graphql-core does.
                    pass
                finally:
                    executing.reset(running)
        grouped, defer_usages, _ = self.collect_subfields(object_type, details)
        return self.execute_collected_subfields(
            object_type, result, path, grouped, defer_usages, position_context
        )
