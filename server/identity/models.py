"""Users, organizations, memberships and sign-in sessions."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model


class Organization(Model):
    """The tenant: every business record belongs to exactly one organization."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    base_currency = fields.CharField(max_length=3)
    # How its documents write numbers, dates and amounts (a babel locale such as de_DE).
    locale = fields.CharField(max_length=16, default="en_US")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organizations"


class User(Model):
    """A person who signs in; may belong to several organizations."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    password_changed_at = fields.DatetimeField(null=True)
    # Second factor: the secret being enrolled, the confirmed one, and the last time step
    # accepted (a code is good once).
    # Sealed (server.identity.sealing): encrypted with the data key.
    totp_pending_secret = fields.CharField(max_length=255, null=True)
    totp_secret = fields.CharField(max_length=255, null=True)
    totp_last_step = fields.BigIntField(null=True)

    class Meta:
        table = "users"


class Membership(Model):
    """A user's place in an organization; the roles held there are Casbin rules."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="memberships", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    user_id: UUID
    organization_id: UUID

    class Meta:
        table = "memberships"
        unique_together = (("user_id", "organization_id"),)


class Session(Model):
    """A sign-in: the family of refresh tokens rotated from one `sessionCreate`."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=40, null=True)
    user_id: UUID
    organization_id: UUID

    class Meta:
        table = "sessions"


class RefreshToken(Model):
    """One opaque refresh token of a session, stored only as its SHA-256."""

    id = fields.UUIDField(primary_key=True)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    rotated_at = fields.DatetimeField(null=True)
    session_id: UUID

    class Meta:
        table = "refresh_tokens"


class PasswordToken(Model):
    """A one-time token to set a password (new members), stored only as its SHA-256."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    user_id: UUID

    class Meta:
        table = "password_tokens"


class Invitation(Model):
    """An offer to join an organization with some roles, until its person accepts it.

    Made the same way whether or not the address has an account; accepted with its one-time
    token, stored only as its SHA-256.
    """

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254)
    name = fields.CharField(max_length=200, null=True)
    # Casbin role subjects: built-in role names or `role:<id>` of custom roles.
    roles: Any = fields.JSONField()
    token_hash = fields.CharField(max_length=64, unique=True)
    invited_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    organization_id: UUID

    class Meta:
        table = "invitations"
        indexes = (("organization_id", "email"),)


class RecoveryCode(Model):
    """A one-time code that stands in for a TOTP code, stored only as its SHA-256."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    code_hash = fields.CharField(max_length=64)
    used_at = fields.DatetimeField(null=True)
    user_id: UUID

    class Meta:
        table = "recovery_codes"
        indexes = (("user_id", "code_hash"),)


class SignInThrottle(Model):
    """Failed sign-ins per account or client address, and until when more are refused."""

    key = fields.CharField(max_length=300, primary_key=True)  # "email:..." or "ip:..."
    failures = fields.IntField(default=0)
    blocked_until = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "sign_in_throttles"


class ApiKey(Model):
    """A credential for integrations, bound to one organization and one role.

    The secret is shown once; only its SHA-256 is kept. Its role is a Casbin `g` rule for
    the subject `key:<id>`, so keys pass the same gate as people.
    """

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=100)
    role = fields.CharField(max_length=64)
    secret_hash = fields.CharField(max_length=64)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)
    organization_id: UUID

    class Meta:
        table = "api_keys"
        indexes = (("organization_id", "created_at"),)
