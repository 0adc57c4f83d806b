"""Root fields of the audit log."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.audit.filters import ORDER_COLUMNS, server_filter
from schema.audit.types import (
    AuditDigest,
    AuditDigestInput,
    AuditEvent,
    AuditEventFilter,
    AuditEventOrder,
    AuditVerification,
)
from schema.context import Info
from schema.filters import OrderDirection
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, SortKey, paginate_sql
from schema.permissions import requires
from schema.reads import page_item_sql
from server.audit import log as audit
from server.audit import models
from server.audit.log import chain_key
from server.audit.queries import audit_conditions
from server.audit.reads import AUDIT_EVENT
from server.audit.verify import Digest, digest, verify_chain


@strawberry.type
class AuditQuery:
    @requires("audit", "read", description="The organization's audit log, newest first.")
    async def audit_events(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            AuditEventFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            AuditEventOrder | None,
            strawberry.argument(description="Sort order; newest first by default."),
        ] = None,
    ) -> Connection[AuditEvent]:
        actor = info.context.signed_in()
        order = order_by or AuditEventOrder()
        page = await paginate_sql(
            models.AuditEvent,
            audit_conditions(actor, server_filter(filter or AuditEventFilter())),
            SortKey(ORDER_COLUMNS[order.field], descending=order.direction == OrderDirection.DESC),
            AuditEvent.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked.
            item_sql=page_item_sql(info, AUDIT_EVENT),
        )
        # Reading the log is itself on the record, written after the page was read.
        await audit.record_alone(actor, "audit.read", object_type="AuditLog")
        return page

    @requires("audit", "verify", description="Check the organization's audit hash chain.")
    async def audit_verify(
        self,
        info: Info,
        against: Annotated[
            AuditDigestInput | None,
            strawberry.argument(description="An earlier digest the chain must still contain."),
        ] = None,
    ) -> AuditVerification:
        actor = info.context.signed_in()
        key = chain_key(actor.org)
        earlier = Digest(key, against.sequence, against.head_hash) if against else None
        result = await verify_chain(key, earlier)
        await audit.record_alone(
            actor, "audit.verify", object_type="AuditLog", after={"ok": result.ok}
        )
        return AuditVerification.from_result(result)

    @requires("audit", "verify", description="The chain's head now, to keep for later checks.")
    async def audit_digest(self, info: Info) -> AuditDigest:
        actor = info.context.signed_in()
        head = await digest(chain_key(actor.org))
        await audit.record_alone(
            actor, "audit.digest", object_type="AuditLog", after={"sequence": head.sequence}
        )
        return AuditDigest(sequence=head.sequence, head_hash=head.head_hash)
