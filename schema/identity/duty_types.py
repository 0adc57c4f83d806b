"""Types of the segregation-of-duties rules: the rule, its filter, its switch."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from server.access import duties


@strawberry.type(
    description="A segregation-of-duties rule: while it is on, whoever created a record "
    "cannot also perform this action on it."
)
class DutySegregationRule:
    object: str = strawberry.field(description="Kind of object, e.g. journal or bill.")
    action: str = strawberry.field(description="The approval action, e.g. post or approve.")
    enabled: bool = strawberry.field(description="Whether the rule is on in this organization.")
    enabled_by_default: bool = strawberry.field(
        description="Whether the rule is on in an organization that has not switched it."
    )

    @classmethod
    def from_rule(cls, rule: duties.DutyRule) -> DutySegregationRule:
        return cls(
            object=rule.object,
            action=rule.action,
            enabled=rule.enabled,
            enabled_by_default=rule.enabled_by_default,
        )


@strawberry.input(description="Narrow the segregation-of-duties rules.")
class DutySegregationFilter:
    enabled: bool | None = strawberry.field(
        default=None, description="Only the rules on (true) or off (false) here."
    )


@strawberry.input(description="Switch a segregation-of-duties rule on or off.")
class DutySegregationSetInput:
    object: str = strawberry.field(description="Kind of object of the rule, e.g. journal.")
    action: str = strawberry.field(description="Action of the rule, e.g. post.")
    enabled: bool = strawberry.field(description="On (creators cannot approve) or off.")


@strawberry.type(description="The rule after the change, or why it was refused.")
class DutySegregationPayload:
    rule: DutySegregationRule | None = strawberry.field(description="The rule now.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
