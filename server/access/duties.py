"""Segregation of duties: the person who created a record may not approve it.

The rules are policy, not code. Each is a Casbin `p2` row (policies/model.conf):
`p2, <domain>, <object>, <action>, on|off`, read "in this domain, whoever created a record
may not do (object, action) to it while the rule is on". policies/policy.csv holds the
default of every organization (domain "*"); an organization's own row (domain `org:<id>`,
written by server/identity/duty_rules.py in the `casbin_rules` table) overrides the
default, so a one-person organization can switch a rule off. Only (object, action) pairs
with a default are rules.

Rule changes bump the policy version like every other rule change, so each server process
reloads them on its next request and the check itself costs no database work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

from server.access.control import AccessControl, domain
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode

PTYPE = "p2"
ON = "on"
OFF = "off"
DEFAULT_DOMAIN = "*"


@dataclass(frozen=True, slots=True)
class DutyRule:
    """One segregation-of-duties rule as it applies in an organization."""

    object: str
    action: str
    enabled: bool
    enabled_by_default: bool


class SegregationOfDuties(DomainError):
    """The actor created the record, and the organization keeps creating and approving apart.

    Carries what `record_refusal` writes to the audit log.
    """

    code = ErrorCode.SEGREGATION_OF_DUTIES

    def __init__(
        self, obj: str, act: str, object_type: str, object_id: UUID | None, field: Sequence[str]
    ) -> None:
        super().__init__(
            f"segregation of duties: whoever created this cannot also {act} it; someone else must",
            field=field,
        )
        self.obj = obj
        self.act = act
        self.object_type = object_type
        self.object_id = object_id


def rule(access: AccessControl, organization_id: UUID, obj: str, act: str) -> DutyRule | None:
    """The rule for (obj, act) in the organization, or None if the policy has no such rule."""
    states = access.duty_states()
    default = states.get((DEFAULT_DOMAIN, obj, act))
    if default is None:
        return None
    own = states.get((domain(organization_id), obj, act), default)
    return DutyRule(obj, act, own == ON, default == ON)


def list_rules(access: AccessControl, actor: Actor) -> list[DutyRule]:
    """Every rule of the policy, as it applies in the actor's organization."""
    pairs = sorted({(o, a) for d, o, a in access.duty_states() if d == DEFAULT_DOMAIN})
    found = (rule(access, actor.org, o, a) for o, a in pairs)
    return [r for r in found if r is not None]


def _in_transaction() -> bool:
    return isinstance(connections.get("default"), TransactionalDBClient)


def refuse_creator(
    access: AccessControl,
    actor: Actor,
    *,
    obj: str,
    act: str,
    created_by_id: UUID | None,
    object_type: str,
    object_id: UUID | None = None,
    field: Sequence[str] = ("id",),
) -> None:
    """The decision alone, without I/O: raise SegregationOfDuties if the actor created the
    record and the rule for (obj, act) is on in the actor's organization.

    Usable inside the action's transaction (for example right after locking the record);
    the caller then records the refusal with `record_refusal` once that transaction has
    rolled back. Most callers want `ensure_not_creator`, which does both. Arguments as there.
    """
    current = rule(access, actor.org, obj, act)
    if current is None:
        raise LookupError(f"no segregation-of-duties rule for {obj}:{act} in policies/policy.csv")
    if not current.enabled or created_by_id is None:
        return
    if created_by_id in (actor.user_id, actor.key_id):
        raise SegregationOfDuties(obj, act, object_type, object_id, field)


async def record_refusal(actor: Actor, refusal: SegregationOfDuties) -> None:
    """Audit a refusal (`access.denied`, outcome DENIED) in a transaction of its own.

    Call it outside any transaction: inside one it would be rolled back with the rest.
    """
    if _in_transaction():
        raise RuntimeError("record a segregation-of-duties refusal outside the transaction")
    await audit.record_alone(
        actor,
        "access.denied",
        outcome="DENIED",
        object_type=refusal.object_type,
        object_id=refusal.object_id,
        after={"object": refusal.obj, "action": refusal.act, "reason": "segregation_of_duties"},
    )


async def ensure_not_creator(
    access: AccessControl,
    actor: Actor,
    *,
    obj: str,
    act: str,
    created_by_id: UUID | None,
    object_type: str,
    object_id: UUID | None = None,
    field: Sequence[str] = ("id",),
) -> None:
    """Refuse (obj, act) on a record by the one who created it, while the rule is on.

    Call it from the service of an approval action, after the gate has allowed (obj, act)
    and BEFORE opening the action's transaction: the refusal is written to the audit log
    (`access.denied`, outcome DENIED) in a transaction of its own, which a surrounding
    transaction would roll back with the rest (so calling it inside one is a RuntimeError).
    A record's creator never changes, so reading `created_by_id` first and acting in a
    later transaction is race-free. To decide inside the transaction instead, use
    `refuse_creator` there and `record_refusal` after it.

    - `access`: the process's AccessControl (`info.context.access` in resolvers). The rules
      are read from its memory, current as of the request's start; no SQL.
    - `obj`, `act`: the permission the action needs, e.g. ("journal", "post") or
      ("bill", "approve"). policies/policy.csv must hold a default `p2` row for it; a
      missing rule is a programming error (LookupError), not a silent pass.
    - `created_by_id`: the record's creator (a user id, or an API key id where the record
      stores one). None (no recorded creator) is never refused.
    - `object_type`, `object_id`: the record, for the audit event (e.g. "Bill", bill.id).
    - `field`: the input field the userError points at.

    Raises SegregationOfDuties (a DomainError with code SEGREGATION_OF_DUTIES), which
    resolvers report in `userErrors` like any other business refusal.

    Example, in billApprove's service:
        creator = await Bill.filter(id=bill_id, organization_id=actor.org).first()
        await ensure_not_creator(access, actor, obj="bill", act="approve",
            created_by_id=creator.created_by_id if creator else None,
            object_type="Bill", object_id=bill_id)
        async with in_transaction(): ...
    """
    if _in_transaction():
        raise RuntimeError("call ensure_not_creator before opening the action's transaction")
    try:
        refuse_creator(
            access,
            actor,
            obj=obj,
            act=act,
            created_by_id=created_by_id,
            object_type=object_type,
            object_id=object_id,
            field=field,
        )
    except SegregationOfDuties as refusal:
        await record_refusal(actor, refusal)
        raise
