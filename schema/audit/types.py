"""GraphQL types of the audit log."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from server.audit import models
from server.audit.verify import VerifyResult


@strawberry.type(description="One recorded action: who did what to which object, and the result.")
class AuditEvent:
    sequence: int = strawberry.field(description="Position in the organization's chain, from 1.")
    occurred_at: datetime = strawberry.field(description="When it happened (UTC).")
    actor_type: str = strawberry.field(description="Who acted: user, system or anonymous.")
    actor_id: str | None = strawberry.field(description="Id of the acting user.")
    actor_label: str | None = strawberry.field(description="Email of the acting user.")
    actor_roles: list[str] = strawberry.field(description="Roles the actor held at the time.")
    action: str = strawberry.field(description="What was done, for example `customer.update`.")
    object_type: str | None = strawberry.field(description="Kind of object acted on.")
    object_id: str | None = strawberry.field(description="Id of the object acted on.")
    outcome: str = strawberry.field(description="SUCCESS, FAILURE or DENIED.")
    before: JSON | None = strawberry.field(description="Changed values before (secrets redacted).")
    after: JSON | None = strawberry.field(description="Changed values after (secrets redacted).")
    request_id: str | None = strawberry.field(description="Id of the HTTP request.")
    client_ip: str | None = strawberry.field(description="Client address.")
    user_agent: str | None = strawberry.field(description="Client software.")
    operation_name: str | None = strawberry.field(description="GraphQL operation name.")
    idempotency_key: str | None = strawberry.field(description="Idempotency key, if one was sent.")
    prev_hash: str = strawberry.field(description="Hash of the previous event in the chain.")
    hash: str = strawberry.field(description="SHA-256 over this event and prev_hash.")

    @classmethod
    def from_model(cls, e: models.AuditEvent) -> AuditEvent:
        return cls(
            sequence=e.sequence,
            occurred_at=e.occurred_at,
            actor_type=e.actor_type,
            actor_id=e.actor_id,
            actor_label=e.actor_label,
            actor_roles=list(e.actor_roles or []),
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            outcome=e.outcome,
            before=e.before,
            after=e.after,
            request_id=e.request_id,
            client_ip=e.client_ip,
            user_agent=e.user_agent,
            operation_name=e.operation_name,
            idempotency_key=e.idempotency_key,
            prev_hash=e.prev_hash,
            hash=e.hash,
        )


@strawberry.input(description="Narrow the audit log; conditions combine with AND.")
class AuditEventFilter:
    actor: str | None = strawberry.field(default=None, description="User id or email.")
    action: str | None = strawberry.field(default=None, description="Action, e.g. customer.create.")
    object_type: str | None = strawberry.field(default=None, description="Kind of object.")
    object_id: str | None = strawberry.field(default=None, description="Id of the object.")
    outcome: str | None = strawberry.field(default=None, description="SUCCESS, FAILURE or DENIED.")
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="At or after this time."
    )
    to: datetime | None = strawberry.field(default=None, description="Before this time.")


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
