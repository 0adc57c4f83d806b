"""Creating users and organizations."""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.transactions import in_transaction

from server.access.control import assign_roles
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity.models import Membership, Organization, User
from server.identity.passwords import MAX_LENGTH, MIN_LENGTH, hash_password
from server.identity.sessions import normalise_email
from server.ledger.chart import open_books
from server.money import MoneyError, validate_currency
from server.validation import check_email, check_name


def _password_problems(password: str) -> list[DomainError]:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return [
            DomainError(
                f"password must be {MIN_LENGTH} to {MAX_LENGTH} characters",
                code=ErrorCode.WEAK_PASSWORD,
                field=["password"],
            )
        ]
    return []


async def create_user(actor: Actor, email: str, name: str, password: str) -> User:
    problems = [*check_email(email, required=True), *check_name(name)]
    problems += _password_problems(password)
    if problems:
        raise ValidationFailed(problems)
    address = normalise_email(email)
    async with in_transaction():
        if await User.exists(email=address):
            raise DomainError(
                "a user with this email exists", code=ErrorCode.DUPLICATE_EMAIL, field=["email"]
            )
        user = await User.create(
            email=address, name=name.strip(), password_hash=hash_password(password)
        )
        await audit.record(
            actor, "user.create", object_type="User", object_id=user.id, after={"email": address}
        )
    return user


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


async def add_member(
    actor: Actor, organization: Organization, user: User, roles: Iterable[str]
) -> Membership:
    """Give a user roles in an organization (used by the demo and the command line)."""
    role_list = sorted(set(roles))
    async with in_transaction():
        membership = await Membership.create(user=user, organization=organization)
        await assign_roles(user.id, organization.id, role_list)
        await audit.record(
            actor.in_organization(organization.id, actor.roles),
            "member.add",
            object_type="Membership",
            object_id=membership.id,
            after={"user": user.email, "roles": role_list},
        )
    return membership
