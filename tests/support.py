"""Helpers for tests that go through the public GraphQL API."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from schema.ids import encode
from server.actor import Actor
from server.identity import accounts
from server.identity.models import Organization, User
from server.onboarding import organizations

PASSWORD = "correct-horse-battery"

SIGN_IN = """
mutation SignIn($input: SessionCreateInput!) {
  sessionCreate(input: $input) {
    accessToken refreshToken accessTokenExpiresAt
    user { email } organization { id name }
    userErrors { field message code }
  }
}
"""


@dataclass
class Org:
    """A fresh organization with one signed-in user per requested role."""

    model: Organization
    tokens: dict[str, str] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def global_id(self) -> str:
        return encode("Organization", self.model.id)

    def token(self, role: str = "owner") -> str:
        return self.tokens[role]


class Api:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        sent = dict(headers or {})
        if token:
            sent["authorization"] = f"Bearer {token}"
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        return await self.client.post("/graphql", json=body, headers=sent)

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        response = await self.post(query, variables, token)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    async def data(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """The data of a request that must not fail at the top level."""
        result = await self.gql(query, variables, token)
        assert not result.get("errors"), result["errors"]
        data: dict[str, Any] = result["data"]
        return data

    async def sign_in(
        self, email: str, password: str = PASSWORD, organization_id: str | None = None
    ) -> dict[str, Any]:
        variables = {"input": {"email": email, "password": password}}
        if organization_id:
            variables["input"]["organizationId"] = organization_id
        payload: dict[str, Any] = (await self.data(SIGN_IN, variables))["sessionCreate"]
        return payload

    async def new_org(
        self,
        *roles: str,
        currency: str = "USD",
        name: str = "Test Company",
        separate_duties: bool = True,
    ) -> Org:
        """An organization whose owner (and one user per other role) are signed in.

        `separate_duties=False` switches every segregation-of-duties rule off, as a
        one-person organization would, so its owner may post the entries it creates.
        """
        system = Actor.system("tests")
        tag = uuid.uuid4().hex[:10]
        owner = await accounts.create_user(system, f"owner-{tag}@example.com", "Owner", PASSWORD)
        model = await organizations.create_organization(system, owner, f"{name} {tag}", currency)
        org = Org(model=model, users={"owner": owner})
        for role in roles:
            if role == "owner":
                continue
            user = await accounts.create_user(system, f"{role}-{tag}@example.com", role, PASSWORD)
            await accounts.add_member(system, model, user, [role])
            org.users[role] = user
        for role, user in org.users.items():
            session = await self.sign_in(user.email)
            assert session["userErrors"] == [], session
            org.tokens[role] = session["accessToken"]
        if not separate_duties:
            await self.switch_duties(org, enabled=False)
        return org

    async def switch_duties(self, org: Org, *, enabled: bool, role: str = "owner") -> None:
        """Switch every segregation-of-duties rule of the organization on or off."""
        rules = await self.data(
            "{ dutySegregations(first: 100) { nodes { object action } } }", token=org.token(role)
        )
        for rule in rules["dutySegregations"]["nodes"]:
            data = await self.data(
                """mutation($input: DutySegregationSetInput!) { dutySegregationSet(input: $input) {
                    rule { enabled } userErrors { code } } }""",
                {"input": {**rule, "enabled": enabled}},
                token=org.token(role),
            )
            assert data["dutySegregationSet"]["userErrors"] == [], data


async def walk_pages(
    fetch: Callable[..., Awaitable[dict[str, Any]]],
    order: dict[str, str],
    key: Callable[[dict[str, Any]], Any],
    *,
    first: int = 2,
    size: int = 2,
) -> tuple[list[Any], list[Any], list[dict[str, Any]]]:
    """A connection walked whole in `order`: `key` of each node forwards (`first` items,
    then `size` at a time after the end cursor) and backwards (`last: size` before the
    start cursor), and every page read. A forward page must say it has a previous page
    exactly when it was asked for after a cursor."""
    pages: list[dict[str, Any]] = []
    forwards: list[Any] = []
    after = None
    for _ in range(50):
        page = await fetch(first=first if after is None else size, after=after, o=order)
        pages.append(page)
        forwards += [key(e["node"]) for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    backwards: list[Any] = []
    before = None
    for _ in range(50):
        page = await fetch(last=size, before=before, o=order)
        pages.append(page)
        backwards = [key(e["node"]) for e in page["edges"]] + backwards
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    return forwards, backwards, pages
