"""Reading the domain-event feed through the API, for the events tests."""

from __future__ import annotations

from typing import Any

from tests.support import Api, Org

EVENT_FIELDS = """id sequence type version occurredAt actor { kind id } objectType objectId
  payload auditSequence"""

EVENTS = f"""query($first: Int, $after: String, $last: Int, $before: String,
                  $filter: EventFilter) {{
  events(first: $first, after: $after, last: $last, before: $before, filter: $filter) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {EVENT_FIELDS} }} }}
  }}
}}"""


async def page(api: Api, org: Org, role: str = "owner", **arguments: Any) -> dict[str, Any]:
    data = await api.data(EVENTS, arguments, token=org.token(role))
    events: dict[str, Any] = data["events"]
    return events


async def events(api: Api, org: Org, **filter: Any) -> list[dict[str, Any]]:
    """The organization's events matching `filter`, oldest first (at most 100)."""
    found = await page(api, org, first=100, filter=filter or None)
    return [edge["node"] for edge in found["edges"]]


async def last_sequence(api: Api, org: Org) -> int:
    found = await page(api, org, last=1)
    return int(found["edges"][0]["node"]["sequence"]) if found["edges"] else 0


async def written_by(api: Api, org: Org, since: int) -> list[dict[str, Any]]:
    """The events written after sequence `since`."""
    return await events(api, org, sequenceFrom=since + 1)
