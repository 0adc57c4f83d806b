"""GraphQL types of the domain-event feed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from schema.context import Info
from schema.enums import described_enum
from schema.filters import DateTimeRange, OrderDirection
from schema.ids import encode
from schema.permissions import authorize
from server.events import feed
from server.events.models import DomainEvent
from server.events.reads import ACTOR_ID_TYPES

MAX_ID_DIGITS = 18  # below 2**63, the column's limit


class EventActorKind(Enum):
    USER = "user"
    API_KEY = "api_key"
    SYSTEM = "system"
    ANONYMOUS = "anonymous"


described_enum(
    EventActorKind,
    name="EventActorKind",
    description="What kind of party made a change.",
    values={
        EventActorKind.USER: "A person signed in; actor id is the User.",
        EventActorKind.API_KEY: "An API key; actor id is the ApiKey.",
        EventActorKind.SYSTEM: "The server itself, such as a scheduled job; no actor id.",
        EventActorKind.ANONYMOUS: (
            "An unauthenticated caller, such as a sign-in attempt; no actor id."
        ),
    },
)


# Global ids of the actor, by kind; a system actor has none.
_ACTOR_TYPES = {EventActorKind(stored): name for stored, name in ACTOR_ID_TYPES.items()}


@strawberry.type(description="Who made a change.")
class EventActor:
    kind: EventActorKind = strawberry.field(description="A user, an API key or the system.")
    id: strawberry.ID | None = strawberry.field(
        description="Global id of the user or API key; null for the system."
    )


@strawberry.type(
    description="One change in the organization, as the event catalogue describes its type "
    "(docs/api/events.md). Written in the transaction of the change, never for a change "
    "rolled back."
)
class Event(relay.Node):
    id: relay.NodeID[str]
    sequence: int = strawberry.field(
        description="Position in the organization's feed: from 1, without gaps, in commit order."
    )
    type: str = strawberry.field(description="The event type, such as `invoice.issued`.")
    version: int = strawberry.field(description="Version of the type's payload.")
    occurred_at: datetime = strawberry.field(description="When the change was made (UTC).")
    actor: EventActor = strawberry.field(description="Who made the change.")
    object_type: str = strawberry.field(description="Type of the object changed, such as Invoice.")
    object_id: strawberry.ID = strawberry.field(description="Global id of the object changed.")
    payload: JSON = strawberry.field(description="The fields the catalogue lists for the type.")
    audit_sequence: int = strawberry.field(
        description="Sequence of the audit event written with it, for cross-reference."
    )

    @classmethod
    def from_model(cls, e: DomainEvent) -> Event:
        kind = EventActorKind(e.actor_type)
        actor_type = _ACTOR_TYPES.get(kind)
        return cls(
            id=str(e.id),
            sequence=e.sequence,
            type=e.type,
            version=e.version,
            occurred_at=e.occurred_at,
            actor=EventActor(
                kind=kind,
                id=strawberry.ID(encode(actor_type, e.actor_id))
                if actor_type and e.actor_id
                else None,
            ),
            object_type=e.object_type,
            object_id=strawberry.ID(encode(e.object_type, e.object_id)),
            payload=e.payload,
            audit_sequence=e.audit_sequence,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Event | None]:
        ids = list(node_ids)
        await authorize(info.context, "event", "read")
        # Ids this API wrote are positive integers that fit the column; others name nothing.
        valid = [int(raw) for raw in ids if raw.isdigit() and len(raw) <= MAX_ID_DIGITS]
        found = {str(k): v for k, v in (await feed.by_ids(info.context.signed_in(), valid)).items()}
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.input(description="Narrow the feed; conditions combine with AND.")
class EventFilter:
    types: list[str] | None = strawberry.field(
        default=None, description="Only these event types, such as `payment.recorded`."
    )
    sequence_from: int | None = strawberry.field(
        default=None,
        description="At or after this sequence: to replay from an event, or resume after "
        "the last one handled (its sequence + 1).",
    )
    sequence_to: int | None = strawberry.field(
        default=None, description="At or before this sequence."
    )
    occurred_at: DateTimeRange | None = strawberry.field(
        default=None, description="Occurred within this range (`to` excluded)."
    )


class EventOrderField(Enum):
    SEQUENCE = "sequence"


described_enum(
    EventOrderField,
    name="EventOrderField",
    description="What events are sorted by.",
    values={EventOrderField.SEQUENCE: "The event's sequence in the organization's feed."},
)


@strawberry.input(description="Sort order of the feed.")
class EventOrder:
    field: EventOrderField = strawberry.field(
        default=EventOrderField.SEQUENCE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Oldest first (ASC) or newest first (DESC)."
    )
