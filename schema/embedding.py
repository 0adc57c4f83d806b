"""The one extension point of query execution: embedding JSON the database wrote.

A resolver may return `Prebuilt(json_text)` for a field whose value the database wrote to
match the field's selection exactly: the response names, nesting, value formats and
authorization of every field below it (schema/reads.py has list pages' items and lookups
written so, and schema/page_json.py writes a page around such items).
Execution then takes that text as the field's completed value, unchecked and unchanged, as an
`orjson.Fragment`; the response encoder (schema/http_json.py) and the result cache
(schema/cache.py) splice it into the JSON they write. Nothing else about execution is
special: every other value is completed by strawberry's and graphql-core's own execution.
"""

from __future__ import annotations

from typing import Any

import orjson
from graphql import DocumentNode, GraphQLOutputType, GraphQLResolveInfo, GraphQLSchema
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.error_codes import coded_variable_errors
from schema.input_check import check_request


class Prebuilt:
    """A field's value as JSON text the database wrote for the field's selection."""

    __slots__ = ("fragment",)

    def __init__(self, text: str | bytes) -> None:
        self.fragment = orjson.Fragment(text)


class EmbeddingExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, completing a `Prebuilt` value as its JSON."""

    @classmethod
    def build(
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        root_value: Any = None,
        context_value: Any = None,
        raw_variable_values: dict[str, Any] | None = None,
        operation_name: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        # graphql-core hands the executor its schema, the document and the raw variables
        # here, before anything runs: text the request may not carry is refused first
        # (schema/input_check.py). A list instead of an executor is the client's errors.
        refused = check_request(schema, document, operation_name, raw_variable_values)
        if refused:
            return refused
        # Variables are coerced by the parent's build.
        built = super().build(
            schema,
            document,
            root_value,
            context_value,
            raw_variable_values,
            operation_name,
            *args,
            **kwargs,
        )
        return coded_variable_errors(built)

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
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )
