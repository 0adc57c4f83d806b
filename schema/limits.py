"""Validation rules that bound what one request may ask for."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, ValidationContext, ValidationRule


def max_directives_rule(limit: int) -> type[ValidationRule]:
    """Refuse documents carrying more than `limit` directives in all (directive flooding)."""

    class MaxDirectives(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.count = 0
            self.reported = False

        def enter_directive(self, node: Any, *_args: Any) -> None:
            self.count += 1
            if self.count > limit and not self.reported:
                self.reported = True
                self.report_error(
                    GraphQLError(f"too many directives: at most {limit} per request", node)
                )

    return MaxDirectives


def max_field_uses_rule(fields: frozenset[str], limit: int) -> type[ValidationRule]:
    """Refuse documents that call any of `fields` more than `limit` times in all, so aliases
    cannot turn one request into a burst of password guesses."""

    class MaxFieldUses(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.count = 0
            self.reported = False

        def enter_field(self, node: Any, *_args: Any) -> None:
            if node.name.value in fields:
                self.count += 1
                if self.count > limit and not self.reported:
                    self.reported = True
                    self.report_error(
                        GraphQLError(f"at most {limit} sign-in attempts per request", node)
                    )

    return MaxFieldUses
