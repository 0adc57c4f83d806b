"""jobProgress: the job now, then each time its status or progress changes."""

from __future__ import annotations

import asyncio

import tests.jobs.handlers  # noqa: F401  (registers test.work)
from schema.ids import encode
from server.jobs import enqueue
from server.jobs.testing import run_jobs
from tests.subscriptions.client import signed_in
from tests.support import Api, Org

PROGRESS = """subscription($id: ID!) {
  jobProgress(id: $id) { id status attempts progressDone progressTotal lastError }
}"""


async def _job(org: Org, **payload: object) -> str:
    job = await enqueue("test.work", dict(payload), organization_id=org.id)
    assert job is not None
    return encode("Job", job.id)


async def test_job_progress_follows_a_job_to_its_end(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    job = await _job(org, sleep=1.5, total=4)
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", PROGRESS, {"id": job})
        first = (await ws.next("1"))["data"]["jobProgress"]
        assert (first["id"], first["status"], first["attempts"]) == (job, "QUEUED", 0)
        running = asyncio.ensure_future(run_jobs())
        seen = [(await ws.next("1"))["data"]["jobProgress"]]
        while seen[-1]["status"] != "SUCCEEDED":
            seen.append((await ws.next("1"))["data"]["jobProgress"])
        await running
        assert seen[0]["status"] == "RUNNING" and seen[0]["attempts"] == 1
        assert (seen[-1]["progressDone"], seen[-1]["progressTotal"]) == (4, 4)
        await ws.nothing(1.2)  # a finished job that stays put sends nothing more


async def test_job_progress_shows_a_failed_attempt_and_its_error(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    job = await _job(org, permanent=True)
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", PROGRESS, {"id": job})
        assert (await ws.next("1"))["data"]["jobProgress"]["status"] == "QUEUED"
        await run_jobs()
        dead = (await ws.next("1"))["data"]["jobProgress"]
        assert dead["status"] == "DEAD"
        assert dead["lastError"] == "Permanent: the record it needs is gone"


async def test_job_progress_of_another_organizations_job_is_not_found(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    other = await api.new_org()
    theirs = await _job(other)
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", PROGRESS, {"id": theirs})
        assert (await ws.next("1"))["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_job_progress_without_job_read_is_forbidden(api: Api, ws_url: str) -> None:
    org = await api.new_org("accountant")
    job = await _job(org)
    async with signed_in(ws_url, org.token("accountant")) as ws:
        await ws.subscribe("1", PROGRESS, {"id": job})
        message = await ws.receive()
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
