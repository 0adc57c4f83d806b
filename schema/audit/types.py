"""GraphQL types of the audit log."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from schema.audit.enums import AuditAction, AuditObjectType, AuditOutcome
from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.events.types import EventActorKind
from schema.filters import DateTimeRange, OrderDirection
from schema.identity.types import UserType
from schema.ids import encode
from schema.permissions import requires
from server.audit import models
from server.audit.verify import VerifyResult
from server.audit.vocabulary import known_object_type
from server.events.reads import ACTOR_ID_TYPES


@strawberry.type(description="One recorded action: who did what to which object, and the result.")
class AuditEvent:
    sequence: int = strawberry.field(description="Position in the organization's chain, from 1.")
    occurred_at: datetime = strawberry.field(description="When it happened (UTC).")
    actor_type: EventActorKind = strawberry.field(description="What kind of party acted.")
    actor_id: strawberry.ID | None = strawberry.field(
        description="Global id of the acting User or ApiKey; null for the system or an "
        "anonymous caller. Kept after the user or key is gone."
    )
    actor_label: str | None = strawberry.field(description="Email of the acting user.")
    actor_roles: list[str] = strawberry.field(description="Roles the actor held at the time.")
    action: AuditAction = strawberry.field(description="What was done.")
    object_type: AuditObjectType | None = strawberry.field(
        description="Kind of object acted on; null for an action on no record (a denial)."
    )
    object_id: strawberry.ID | None = strawberry.field(
        description="Global id of the object acted on (its type is `objectType`), usable in "
        "`node(id:)` where that type is a Node; kept after the object is gone."
    )
    outcome: AuditOutcome = strawberry.field(description="Whether it succeeded.")
    before: JSON | None = strawberry.field(description="Changed values before (secrets redacted).")
    after: JSON | None = strawberry.field(description="Changed values after (secrets redacted).")
    request_id: str | None = strawberry.field(description="Id of the HTTP request.")
    client_ip: str | None = strawberry.field(description="Client address.")
    user_agent: str | None = strawberry.field(description="Client software.")
    operation_name: str | None = strawberry.field(description="GraphQL operation name.")
    idempotency_key: str | None = strawberry.field(description="Idempotency key, if one was sent.")
    prev_hash: str = strawberry.field(description="Hash of the previous event in the chain.")
    hash: str = strawberry.field(description="SHA-256 over this event and prev_hash.")
    actor_user_id: strawberry.Private[UUID | None] = None

    @requires(
        "member",
        "read",
        description="The acting user; null for a key, the system or "
        "an anonymous caller, and for a user no longer on the platform.",
    )
    async def actor(self, info: Info) -> UserType | None:
        if self.actor_user_id is None:
            return None
        found = await crm_loaders.users(info.context).load(self.actor_user_id)
        return UserType.from_model(found) if found else None

    @classmethod
    def from_model(cls, e: models.AuditEvent) -> AuditEvent:
        id_type = ACTOR_ID_TYPES.get(e.actor_type)
        actor_id = encode(id_type, e.actor_id) if id_type and e.actor_id else None
        return cls(
            sequence=e.sequence,
            occurred_at=e.occurred_at,
            actor_type=EventActorKind(e.actor_type),
            actor_id=strawberry.ID(actor_id) if actor_id else None,
            actor_label=e.actor_label,
            actor_roles=list(e.actor_roles or []),
            action=AuditAction(e.action),
            object_type=known_object_type(e.object_type),
            object_id=strawberry.ID(encode(e.object_type, e.object_id))
            if e.object_type and e.object_id
            else None,
            outcome=AuditOutcome(e.outcome),
            before=e.before,
            after=e.after,
            request_id=e.request_id,
            client_ip=e.client_ip,
            user_agent=e.user_agent,
            operation_name=e.operation_name,
            idempotency_key=e.idempotency_key,
            prev_hash=e.prev_hash,
            hash=e.hash,
            actor_user_id=_uuid(e.actor_id) if actor_id and e.actor_type == "user" else None,
        )


def _uuid(text: str | None) -> UUID | None:
    try:
        return UUID(text)
    except (TypeError, ValueError):
        return None


@strawberry.input(description="Narrow the audit log; conditions combine with AND.")
class AuditEventFilter:
    actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only events by this User or ApiKey (global id)."
    )
    action: list[AuditAction] | None = strawberry.field(
        default=None, description="Only these actions."
    )
    object_type: list[AuditObjectType] | None = strawberry.field(
        default=None, description="Only events about these kinds of object."
    )
    object_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only events about this object (global id)."
    )
    outcome: list[AuditOutcome] | None = strawberry.field(
        default=None, description="Only these outcomes."
    )
    occurred_at: DateTimeRange | None = strawberry.field(
        default=None, description="Only events that happened in this range."
    )


@strawberry.enum(description="What the audit log can be sorted by.")
class AuditEventOrderField(Enum):
    OCCURRED_AT = strawberry.enum_value(
        "OCCURRED_AT", description="When it happened (the chain's order)."
    )
    SEQUENCE = strawberry.enum_value("SEQUENCE", description="Position in the chain.")


@strawberry.input(description="How the audit log is sorted.")
class AuditEventOrder:
    field: AuditEventOrderField = strawberry.field(
        default=AuditEventOrderField.SEQUENCE, description="What to sort by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Newest first by default."
    )


@strawberry.type(description="The chain's head at one moment; keep it to detect later cuts.")
class AuditDigest:
    sequence: int = strawberry.field(description="Sequence number of the head event.")
    head_hash: str = strawberry.field(description="Hash of the head event.")


@strawberry.input(description="A digest taken earlier, to verify the chain against.")
class AuditDigestInput:
    sequence: int = strawberry.field(description="Sequence number from the digest.")
    head_hash: str = strawberry.field(description="Head hash from the digest.")


@strawberry.type(description="Result of checking the organization's audit hash chain.")
class AuditVerification:
    ok: bool = strawberry.field(description="Every link checks out and nothing is missing.")
    events_checked: int = strawberry.field(description="Events verified before stopping.")
    head_sequence: int = strawberry.field(description="Sequence number of the chain head.")
    head_hash: str = strawberry.field(description="Hash of the chain head.")
    broken_sequence: int | None = strawberry.field(description="First event that fails.")
    problem: str | None = strawberry.field(description="What is wrong with it.")

    @classmethod
    def from_result(cls, r: VerifyResult) -> AuditVerification:
        return cls(
            ok=r.ok,
            events_checked=r.events_checked,
            head_sequence=r.head_sequence,
            head_hash=r.head_hash,
            broken_sequence=r.broken_sequence,
            problem=r.problem,
        )
