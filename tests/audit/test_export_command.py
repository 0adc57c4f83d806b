"""`ledgerline audit export --organization` takes the id the API shows."""

from __future__ import annotations

import asyncio
import uuid

import orjson
import pytest

from schema.ids import encode
from server import cli
from server.settings import get_settings
from tests.support import Api


async def _export(monkeypatch: pytest.MonkeyPatch, database_url: str, *argv: str) -> int:
    monkeypatch.setenv("LEDGERLINE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        # Its own thread and event loop, as from a shell; no context is shared with the test.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, cli.main, ["audit", "export", *argv])
    finally:
        get_settings.cache_clear()


async def test_export_by_the_id_the_api_shows(
    api: Api, monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    org = await api.new_org()
    shown = (await api.data("{ organization { id } }", token=org.token()))["organization"]["id"]
    assert shown == encode("Organization", org.id)
    for given in (shown, str(org.id)):
        assert await _export(monkeypatch, database_url, "--organization", given) == 0
        captured = capsys.readouterr()
        lines = [orjson.loads(ln) for ln in captured.out.splitlines()]
        assert lines, given
        assert {ln["organization_id"] for ln in lines} == {str(org.id)}
        # Progress goes to stderr, so stdout stays the export alone.
        written = len(captured.out.encode())
        assert captured.err.splitlines()[-1] == f"audit export: done, {written:,} bytes"


async def test_export_of_an_unknown_organization_fails_with_a_message(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for given in (
        encode("Organization", uuid.uuid4()),
        str(uuid.uuid4()),
        "not-an-id",
        encode("Invoice", uuid.uuid4()),
    ):
        assert await _export(monkeypatch, database_url, "--organization", given) == 1, given
        captured = capsys.readouterr()
        assert captured.out == ""
        assert f"no organization with id {given}" in captured.err
