"""Who is acting, and from where: passed to every service call and written to the audit log."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from uuid import UUID


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """Where a request came from, for the audit trail."""

    request_id: str | None = None
    client_ip: str | None = None
    user_agent: str | None = None
    operation_name: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """The acting party. `kind` is user, system or anonymous."""

    kind: str
    user_id: UUID | None = None
    organization_id: UUID | None = None
    label: str | None = None
    roles: tuple[str, ...] = ()
    session_id: UUID | None = None
    key_id: UUID | None = None  # set when an API key acts
    # The person who created the acting API key. A key acts for that person, so rules about
    # adding to one's own powers treat it as that person (see `person_id`).
    key_creator_id: UUID | None = None
    # The organization's audit sequence when the request began. Every state change writes
    # an audit event in its transaction, so an unchanged sequence means unchanged data.
    data_version: int | None = None
    request: RequestInfo = field(default_factory=RequestInfo)

    @classmethod
    def system(cls, label: str = "system") -> Actor:
        return cls(kind="system", label=label)

    @classmethod
    def anonymous(cls, request: RequestInfo | None = None, label: str | None = None) -> Actor:
        return cls(kind="anonymous", label=label, request=request or RequestInfo())

    def in_organization(self, organization_id: UUID, roles: tuple[str, ...]) -> Actor:
        return replace(self, organization_id=organization_id, roles=roles)

    @property
    def subject(self) -> str:
        """Who the authorization rules speak of: the user, or the API key."""
        if self.key_id is not None:
            return f"key:{self.key_id}"
        return f"user:{self.user_id}"

    @property
    def person_id(self) -> UUID | None:
        """The person behind the actor: the user, or the person who created the acting key.

        A key's secret goes to its creator, so whatever the key is given, its creator has.
        """
        if self.key_id is not None:
            return self.key_creator_id
        return self.user_id

    @property
    def author_id(self) -> UUID | None:
        """Who a new record is recorded as created by: the API key when a key acts.

        Segregation-of-duties rules compare it with whoever approves the record later, so a
        key can no more approve what it created than a person can.
        """
        return self.key_id if self.key_id is not None else self.user_id

    @property
    def actor_id(self) -> str | None:
        """The id written to the audit log: the API key's when a key acts."""
        if self.key_id is not None:
            return str(self.key_id)
        return str(self.user_id) if self.user_id else None

    @property
    def org(self) -> UUID:
        """The organization every tenant-owned query is scoped to."""
        if self.organization_id is None:
            raise PermissionError("no organization in this context")
        return self.organization_id
