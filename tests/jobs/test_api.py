"""Admins see, retry and cancel their organization's jobs through the API."""

from __future__ import annotations

from typing import Any

from schema.ids import decode, encode
from server.audit.models import AuditEvent
from server.jobs import enqueue
from server.jobs.models import Job, JobStatus
from server.jobs.runner import claim
from server.jobs.testing import run_jobs
from tests.support import Api, Org

JOB_FIELDS = """id kind status attempts maxAttempts lastError progressDone progressTotal
    cancelRequested runAt createdAt startedAt finishedAt"""
JOBS = f"""query($f: JobFilter) {{ jobs(first: 50, filter: $f) {{
    totalCount edges {{ node {{ {JOB_FIELDS} }} }} }} }}"""
RETRY = f"""mutation($id: ID!) {{ jobRetry(input: {{id: $id}}) {{
    job {{ {JOB_FIELDS} }} userErrors {{ field message code }} }} }}"""
CANCEL = f"""mutation($id: ID!) {{ jobCancel(input: {{id: $id}}) {{
    job {{ {JOB_FIELDS} }} userErrors {{ field message code }} }} }}"""


async def _org_job(org: Org, **payload: Any) -> str:
    job = await enqueue("test.work", dict(payload), organization_id=org.id)
    assert job is not None
    return encode("Job", job.id)


async def _nodes(api: Api, org: Org, role: str = "owner", **flt: Any) -> list[dict[str, Any]]:
    data = await api.data(JOBS, {"f": flt or None}, token=org.token(role))
    return [e["node"] for e in data["jobs"]["edges"]]


async def test_jobs_lists_the_organizations_jobs_newest_first_with_their_outcome(
    api: Api,
) -> None:
    org = await api.new_org("auditor")
    other = await api.new_org()
    ok = await _org_job(org, total=7)
    failing = await _org_job(org, permanent=True)
    await _org_job(other)
    await run_jobs()
    nodes = await _nodes(api, org)
    assert [n["id"] for n in nodes] == [failing, ok]
    by_id = {n["id"]: n for n in nodes}
    assert by_id[ok]["status"] == "SUCCEEDED"
    assert (by_id[ok]["progressDone"], by_id[ok]["progressTotal"]) == (7, 7)
    assert by_id[failing]["status"] == "DEAD"
    assert by_id[failing]["lastError"] == "Permanent: the record it needs is gone"
    assert [n["id"] for n in await _nodes(api, org, status=["DEAD"])] == [failing]
    assert await _nodes(api, org, kind="email.send") == []
    # The auditor reads jobs too; the stock path and the database's JSON agree.
    assert await _nodes(api, org, "auditor") == nodes
    one = await api.data(
        f"""query($id: ID!) {{ job(id: $id) {{ {JOB_FIELDS} }}
            node(id: $id) {{ ... on Job {{ {JOB_FIELDS} }} }} }}""",
        {"id": ok},
        token=org.token(),
    )
    assert one["job"] == one["node"] == by_id[ok]


async def test_job_of_another_organization_reads_as_missing(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    theirs = await _org_job(other)
    data = await api.data(
        "query($id: ID!) { job(id: $id) { id } node(id: $id) { id } }",
        {"id": theirs},
        token=org.token(),
    )
    assert data == {"job": None, "node": None}
    refused = await api.data(RETRY, {"id": theirs}, token=org.token())
    assert refused["jobRetry"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_job_retry_runs_a_dead_job_again_and_is_audited(api: Api) -> None:
    org = await api.new_org()
    job_id = await _org_job(org, permanent=True)
    await run_jobs()
    data = await api.data(RETRY, {"id": job_id}, token=org.token())
    assert data["jobRetry"]["userErrors"] == []
    assert (data["jobRetry"]["job"]["status"], data["jobRetry"]["job"]["attempts"]) == (
        "QUEUED",
        0,
    )
    audited = await AuditEvent.filter(organization_id=org.id, action="job.retry").first()
    assert audited is not None and audited.outcome == "SUCCESS"
    assert audited.before == {"status": "DEAD"}


async def test_job_retry_of_a_job_not_dead_is_refused_and_changes_nothing(api: Api) -> None:
    org = await api.new_org()
    job_id = await _org_job(org)
    data = await api.data(RETRY, {"id": job_id}, token=org.token())
    assert data["jobRetry"]["job"] is None
    assert data["jobRetry"]["userErrors"][0]["code"] == "INVALID_STATUS"
    assert (await Job.get(id=_uuid(job_id))).status == JobStatus.QUEUED


async def test_job_cancel_stops_a_waiting_job_from_ever_running(api: Api) -> None:
    org = await api.new_org("admin")
    job_id = await _org_job(org)
    data = await api.data(CANCEL, {"id": job_id}, token=org.token("admin"))
    assert data["jobCancel"]["job"]["status"] == "CANCELLED"
    await run_jobs()
    job = await Job.get(id=_uuid(job_id))
    assert (job.status, job.attempts) == (JobStatus.CANCELLED, 0)
    again = await api.data(CANCEL, {"id": job_id}, token=org.token("admin"))
    assert again["jobCancel"]["userErrors"][0]["code"] == "INVALID_STATUS"


async def test_job_cancel_of_a_running_job_asks_its_worker_to_stop(api: Api) -> None:
    org = await api.new_org()
    job_id = await _org_job(org)
    assert await claim(_uuid(job_id), "busy-worker") is not None
    data = await api.data(CANCEL, {"id": job_id}, token=org.token())
    assert data["jobCancel"]["job"]["status"] == "RUNNING"
    assert data["jobCancel"]["job"]["cancelRequested"] is True


async def test_jobs_are_refused_to_roles_without_job_read(api: Api) -> None:
    org = await api.new_org("ar_clerk", "accountant")
    job_id = await _org_job(org)
    for role in ("ar_clerk", "accountant"):
        result = await api.gql(JOBS, {"f": None}, token=org.token(role))
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        result = await api.gql(RETRY, {"id": job_id}, token=org.token(role))
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await Job.get(id=_uuid(job_id))).status == JobStatus.QUEUED


def _uuid(global_id: str) -> Any:
    return decode(global_id, "Job")
