"""Jobs through their life: enqueued with their change, run, retried, dead, resumed."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID

import pytest
from tortoise.transactions import in_transaction

from server import clock
from server.jobs import enqueue, runner
from server.jobs.models import Job, JobStatus
from server.jobs.registry import HANDLERS, SCHEDULES
from server.jobs.runner import claim, due, execute, stale_after
from server.jobs.schedules import latest_slot, tick
from server.jobs.testing import run_jobs
from tests.jobs import handlers
from tests.jobs.handlers import RUNS


class Rollback(Exception):
    pass


async def _job(**payload: object) -> Job:
    job = await enqueue("test.work", dict(payload))
    assert job is not None
    return job


async def test_enqueue_in_a_rolled_back_change_leaves_no_job() -> None:
    with pytest.raises(Rollback):
        async with in_transaction():
            job = await enqueue("test.work", {"rolled": "back"})
            assert job is not None
            raise Rollback
    assert not await Job.exists(id=job.id)


async def test_enqueue_in_a_committed_change_keeps_the_job_queued_until_run() -> None:
    async with in_transaction():
        job = await enqueue("test.work", {})
    assert job is not None
    stored = await Job.get(id=job.id)
    assert (stored.status, stored.attempts, stored.max_attempts) == (JobStatus.QUEUED, 0, 3)
    await run_jobs()
    done = await Job.get(id=job.id)
    assert done.status == JobStatus.SUCCEEDED
    assert (done.attempts, done.progress_done, done.last_error) == (1, 1, None)
    assert done.started_at is not None and done.finished_at is not None


async def test_enqueue_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(LookupError):
        await enqueue("test.nobody-handles-this", {})


async def test_enqueue_with_a_key_already_used_enqueues_nothing() -> None:
    key = f"once:{UUID(int=0)}:{clock.now().timestamp()}"
    first = await enqueue("test.work", {}, key=key)
    again = await enqueue("test.work", {}, key=key)
    assert first is not None and again is None
    assert await Job.filter(key=key).count() == 1


async def test_failed_attempts_back_off_exponentially_then_succeed(
    held_clock: clock.HeldClock,
) -> None:
    job = await _job(fail=2)
    await run_jobs()
    after_one = await Job.get(id=job.id)
    assert after_one.status == JobStatus.RETRYING
    assert after_one.last_error == "RuntimeError: attempt 1 failed on purpose"
    assert after_one.run_at == held_clock.moment + HANDLERS["test.work"].delay(1)
    held_clock.set(after_one.run_at)
    await run_jobs()
    after_two = await Job.get(id=job.id)
    assert after_two.status == JobStatus.RETRYING
    assert after_two.run_at - held_clock.moment == 2 * HANDLERS["test.work"].delay(1)
    held_clock.set(after_two.run_at)
    await run_jobs()
    assert (await Job.get(id=job.id)).status == JobStatus.SUCCEEDED
    assert RUNS[str(job.id)] == [1, 2, 3]


async def test_a_job_failing_every_attempt_ends_dead_with_its_last_error(
    held_clock: clock.HeldClock,
) -> None:
    job = await _job(fail=99)
    for _ in range(3):
        await run_jobs()
        held_clock.advance(timedelta(hours=2))
    dead = await Job.get(id=job.id)
    assert (dead.status, dead.attempts) == (JobStatus.DEAD, 3)
    assert dead.last_error == "RuntimeError: attempt 3 failed on purpose"
    await run_jobs()
    assert RUNS[str(job.id)] == [1, 2, 3]


async def test_a_permanent_failure_is_dead_at_once() -> None:
    job = await _job(permanent=True)
    await run_jobs()
    dead = await Job.get(id=job.id)
    assert (dead.status, dead.attempts) == (JobStatus.DEAD, 1)
    assert dead.last_error == "Permanent: the record it needs is gone"


async def test_a_job_whose_worker_died_is_claimed_again_once_its_heartbeat_is_stale(
    held_clock: clock.HeldClock,
) -> None:
    job = await _job()
    # A worker claims it and dies without a word.
    assert await claim(job.id, "worker-that-died") is not None
    assert await execute(job.id, "another-worker") is None  # its heartbeat is fresh
    held_clock.advance(stale_after() + timedelta(seconds=1))
    assert await execute(job.id, "another-worker") == JobStatus.SUCCEEDED
    done = await Job.get(id=job.id)
    assert (done.attempts, done.worker) == (2, "another-worker")


async def test_the_sweep_takes_a_job_whose_worker_died_once_stale_however_recently_due(
    held_clock: clock.HeldClock,
) -> None:
    waiting, abandoned = await _job(), await _job()
    assert await claim(abandoned.id, "worker-that-died") is not None
    held_clock.advance(stale_after() + timedelta(seconds=1))
    # pgqueuer may have let the abandoned job go; the sweep must not wait for it to be
    # due as long as a waiting job that pgqueuer has not picked up yet.
    swept = await due(10_000, older_than=stale_after() * 5)
    assert abandoned.id in swept and waiting.id not in swept
    assert await execute(abandoned.id, "sweeper") == JobStatus.SUCCEEDED


async def test_a_job_whose_worker_died_on_its_last_attempt_is_dead(
    held_clock: clock.HeldClock,
) -> None:
    job = await _job()
    for _ in range(3):
        assert await claim(job.id, "dying-worker") is not None
        held_clock.advance(stale_after() + timedelta(seconds=1))
    assert await execute(job.id, "survivor") == JobStatus.DEAD
    dead = await Job.get(id=job.id)
    assert dead.last_error == "its worker stopped during the last attempt"
    assert RUNS[str(job.id)] == []


async def test_two_workers_claiming_one_job_get_it_once() -> None:
    job = await _job()
    first = await claim(job.id, "worker-a")
    second = await claim(job.id, "worker-b")
    assert first is not None and second is None
    assert (await Job.get(id=job.id)).worker == "worker-a"


async def test_a_job_due_later_waits_for_its_time(held_clock: clock.HeldClock) -> None:
    job = await enqueue("test.work", {}, run_at=held_clock.moment + timedelta(minutes=5))
    assert job is not None
    await run_jobs()
    assert (await Job.get(id=job.id)).status == JobStatus.QUEUED
    held_clock.advance(timedelta(minutes=5))
    await run_jobs()
    assert (await Job.get(id=job.id)).status == JobStatus.SUCCEEDED


async def test_schedule_enqueues_each_slot_once_and_catches_up_a_missed_day_once(
    held_clock: clock.HeldClock,
) -> None:
    name = handlers.hourly_schedule()
    try:
        held_clock.set(held_clock.moment.replace(minute=30, second=0, microsecond=0))
        slot = latest_slot("0 * * * *", held_clock.moment)
        assert slot == held_clock.moment.replace(minute=0)
        key = f"schedule:{name}:{slot.isoformat()}"
        await tick()
        await tick()
        assert await Job.filter(key=key).count() == 1
        # A day without any worker: only the latest slot is enqueued on return.
        held_clock.advance(timedelta(days=1, minutes=10))
        await tick()
        later = latest_slot("0 * * * *", held_clock.moment)
        assert await Job.filter(key__startswith=f"schedule:{name}:").count() == 2
        assert await Job.exists(key=f"schedule:{name}:{later.isoformat()}")
    finally:
        SCHEDULES.pop(name, None)


def test_latest_slot_on_the_minute_is_that_minute() -> None:
    moment = clock.now().replace(minute=0, second=0, microsecond=0)
    assert latest_slot("0 * * * *", moment) == moment
    assert latest_slot("0 * * * *", moment + timedelta(seconds=59)) == moment


async def test_a_worker_that_lost_its_claim_stops_its_run_at_the_next_beat(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Beats every 0.1 s; the handler would sleep 30 s if nothing stopped it.
    monkeypatch.setattr(runner, "stale_after", lambda: timedelta(seconds=0.6))
    job = await _job(sleep=30)
    running = asyncio.ensure_future(execute(job.id, "stalled-worker"))
    for _ in range(100):
        if (await Job.get(id=job.id)).status == JobStatus.RUNNING:
            break
        await asyncio.sleep(0.05)
    # Another worker took the job over, as it would from a worker stalled past the limit.
    await Job.filter(id=job.id).update(worker="other-worker", heartbeat_at=clock.now())
    assert await asyncio.wait_for(running, timeout=10) is None
    after = await Job.get(id=job.id)
    assert (after.status, after.worker, after.finished_at) == (
        JobStatus.RUNNING,
        "other-worker",
        None,
    )
