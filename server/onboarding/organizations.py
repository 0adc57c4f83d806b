"""Opening an organization: its audit chain, its books and its first owner, in one transaction.

It sits above identity, access and the ledger because it needs all three.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from server.access.control import assign_roles
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity.models import Membership, Organization, User
from server.ledger.chart import open_books
from server.money import MoneyError, validate_currency
from server.validation import check_name


async def create_organization(
    actor: Actor, owner: User, name: str, base_currency: str
) -> Organization:
    """Create an organization with `owner` as its first member and owner."""
    problems = check_name(name)
    try:
        validate_currency(base_currency)
    except MoneyError as exc:
        problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=["baseCurrency"]))
    if problems:
        raise ValidationFailed(problems)
    async with in_transaction():
        organization = await Organization.create(name=name.strip(), base_currency=base_currency)
        await audit.open_chain(organization.id)
        await open_books(organization.id)
        await Membership.create(user=owner, organization=organization)
        await assign_roles(owner.id, organization.id, ["owner"])
        acting = actor.in_organization(organization.id, ("owner",))
        await audit.record(
            acting,
            "organization.create",
            object_type="Organization",
            object_id=organization.id,
            after={"name": organization.name, "baseCurrency": base_currency},
        )
    return organization
