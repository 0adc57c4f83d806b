"""An organization switches a segregation-of-duties rule on or off.

server/access/duties.py holds the rules and the check; the switch is a change to the
organization, serialised on its row like membership changes.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from server.access.control import AccessControl, bump_version, domain
from server.access.duties import OFF, ON, PTYPE, DutyRule, rule
from server.access.models import CasbinRule
from server.actor import Actor
from server.audit import log as audit
from server.errors import NotFound
from server.identity.models import Organization


async def set_rule(
    access: AccessControl, actor: Actor, obj: str, act: str, enabled: bool
) -> DutyRule:
    """Switch a rule on or off for the actor's organization (audited, every process reloads).

    The choice is stored even when it equals the default, so it stands if the default changes.
    """
    current = rule(access, actor.org, obj, act)
    if current is None:
        raise NotFound(f"no segregation-of-duties rule for {obj}:{act}", field=["action"])
    dom = domain(actor.org)
    async with in_transaction():
        # One change at a time per organization, so two switches cannot leave two rows.
        await Organization.select_for_update().get(id=actor.org)
        await CasbinRule.filter(ptype=PTYPE, v0=dom, v1=obj, v2=act).delete()
        await CasbinRule.create(ptype=PTYPE, v0=dom, v1=obj, v2=act, v3=ON if enabled else OFF)
        await bump_version()
        await audit.record(
            actor,
            "duty_rule.set",
            object_type="Organization",
            object_id=actor.org,
            before={"rule": f"{obj}:{act}", "enabled": current.enabled},
            after={"rule": f"{obj}:{act}", "enabled": enabled},
        )
    await access.refresh()
    updated = rule(access, actor.org, obj, act)
    assert updated is not None
    return updated
