"""Tracking categories (dimensions) and their options, used to tag journal lines."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.ledger.models import TrackingCategory, TrackingOption
from server.validation import check_name

MAX_NAME = 100


def _name(value: str, field: str) -> str:
    problems = check_name(value, field)
    if problems:
        raise problems[0]
    if len(value.strip()) > MAX_NAME:
        raise DomainError(f"at most {MAX_NAME} characters", code=ErrorCode.TOO_LONG, field=[field])
    return value.strip()


async def create_category(actor: Actor, name: str, options: Sequence[str]) -> TrackingCategory:
    clean = _name(name, "name")
    option_names = [_name(o, "options") for o in options]
    if len(set(option_names)) != len(option_names):
        raise DomainError("option names repeat", code=ErrorCode.INVALID, field=["options"])
    try:
        async with in_transaction():
            category = await TrackingCategory.create(organization_id=actor.org, name=clean)
            for option in option_names:
                await TrackingOption.create(
                    organization_id=actor.org, category_id=category.id, name=option
                )
            await audit.record(
                actor,
                "dimension.create",
                object_type="TrackingCategory",
                object_id=category.id,
                after={"name": clean, "options": option_names},
            )
    except IntegrityError as exc:
        raise DomainError(
            "a tracking category with this name exists", code=ErrorCode.CONFLICT, field=["name"]
        ) from exc
    return category


async def create_option(actor: Actor, category_id: UUID, name: str) -> TrackingOption:
    clean = _name(name, "name")
    try:
        async with in_transaction():
            if not await TrackingCategory.exists(id=category_id, organization_id=actor.org):
                raise NotFound("tracking category not found", field=["categoryId"])
            option = await TrackingOption.create(
                organization_id=actor.org, category_id=category_id, name=clean
            )
            await audit.record(
                actor,
                "dimension.option_create",
                object_type="TrackingOption",
                object_id=option.id,
                after={"categoryId": str(category_id), "name": clean},
            )
    except IntegrityError as exc:
        raise DomainError(
            "the category already has this option", code=ErrorCode.CONFLICT, field=["name"]
        ) from exc
    return option
