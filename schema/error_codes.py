"""`extensions.code` on the errors graphql-core reports before any resolver runs.

graphql-core leaves parse, validation and variable errors without a code. Clients branch
on codes, so each gets one here, at the step that produced it:
- the document is not GraphQL: GRAPHQL_PARSE_FAILED (the token limit included);
- a value is not of its type, as a literal argument or as a variable (bad Int, bad Date,
  null for a non-null, an unknown input field): BAD_USER_INPUT, as for a malformed id;
- anything else wrong with the document (unknown field, depth or alias limits):
  GRAPHQL_VALIDATION_FAILED.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError
from graphql.validation import ValuesOfCorrectTypeRule
from strawberry.extensions import SchemaExtension

from schema.errors import TopLevelCode


def tag(errors: Iterable[GraphQLError] | None, code: TopLevelCode) -> None:
    """Give `code` to each error that has none yet."""
    for error in errors or ():
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": code.value}


class ValueOfCorrectTypeRule(ValuesOfCorrectTypeRule):
    """graphql-core's rule for literal values, reporting BAD_USER_INPUT."""

    def report_error(self, error: GraphQLError) -> None:
        tag([error], TopLevelCode.BAD_USER_INPUT)
        super().report_error(error)


def coded_syntax_errors(errors: Iterable[GraphQLError]) -> None:
    """Syntax errors coded GRAPHQL_PARSE_FAILED; they can come from the parser cache, which
    parses before any extension's parse step could look at them."""
    tag((e for e in errors if isinstance(e, GraphQLSyntaxError)), TopLevelCode.GRAPHQL_PARSE_FAILED)


class DocumentErrorCodes(SchemaExtension):
    """Codes validation errors; must come before ValidationCache, which validates."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = tuple(
            ValueOfCorrectTypeRule if rule is ValuesOfCorrectTypeRule else rule
            for rule in context.validation_rules
        )
        yield
        tag(context.pre_execution_errors, TopLevelCode.GRAPHQL_VALIDATION_FAILED)


def coded_variable_errors(built: Any) -> Any:
    """What graphql-core's executor `build` returned, its errors (bad variables, unknown
    operation name) coded BAD_USER_INPUT."""
    if isinstance(built, list):
        tag(built, TopLevelCode.BAD_USER_INPUT)
    return built
