"""The read-path benchmark's answer checks (bench.reads_workloads) and PostGraphile's
statement count (bench.postgraphile), on answers written by hand."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from bench import postgraphile
from bench.reads_workloads import LOOKUPS, PAGES, TYPENAME, check, check_postgraphile

INVOICES = next(w for w in PAGES if w.root == "invoices")
INVOICE = next(w for w in LOOKUPS if w.root == "invoice")


def _invoice(number: int) -> dict[str, Any]:
    row = f"00000000-0000-0000-0000-{number:012d}"
    return {
        "id": base64.b64encode(f"Invoice:{row}".encode()).decode(),
        "customer": {"id": "c", "name": "n"},
        "lines": [{"lineNo": 1}],
        "amountDue": {"amount": "1.00"},
    }


def test_check_gives_the_ids_of_a_full_page() -> None:
    nodes = [_invoice(n) for n in range(50)]
    keys, problems = check({"data": {"invoices": {"nodes": nodes}}}, INVOICES)
    assert problems == []
    assert keys[3] == "00000000-0000-0000-0000-000000000003"


def test_check_reports_a_short_page_an_item_without_lines_and_errors() -> None:
    nodes = [_invoice(n) for n in range(50)]
    nodes[7]["lines"] = []
    _, problems = check({"data": {"invoices": {"nodes": nodes[:49]}}}, INVOICES)
    assert problems[0] == "49 items, not 50"
    assert problems[1].startswith("an item without lines")
    _, problems = check({"errors": [{"message": "Cannot query field"}], "data": None}, INVOICES)
    assert problems and problems[0].startswith("errors:")


def test_check_reports_a_lookup_that_finds_nothing_and_a_wrong_typename() -> None:
    assert check({"data": {"invoice": None}}, INVOICE)[1] == ["the lookup found nothing"]
    assert check({"data": {"__typename": "Query"}}, TYPENAME) == ([], [])
    assert check({"data": {"__typename": "Mutation"}}, TYPENAME)[1]


def test_check_postgraphile_looks_inside_nested_connections() -> None:
    node = {
        "id": "u1",
        "customerByCustomerId": {"id": "c"},
        "invoiceLinesByInvoiceId": {"nodes": []},
    }
    keys, problems = check_postgraphile({"data": {"allInvoices": {"nodes": [node] * 50}}}, INVOICES)
    assert keys[0] == "u1"
    assert problems[0].startswith("an item without invoiceLinesByInvoiceId")


def test_statement_count_reads_the_debug_lines_of_one_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "postgraphile.log"
    log.write_text("2026-12-07T10:42:19.004Z postgraphile:postgres select 1\n")
    server = postgraphile.PostGraphile(process=None, url="", log_path=log)  # type: ignore[arg-type]

    def answer(_url: str, _body: dict[str, Any]) -> dict[str, Any]:
        with log.open("a") as written:
            written.write("2026-12-07T10:42:20.001Z postgraphile:postgres with a as (\n")
            written.write("  select 2\n) select * from a\n")
            written.write("2026-12-07T10:42:20.002Z postgraphile:postgres commit\n")
        return {"data": {}}

    monkeypatch.setattr(postgraphile, "query", answer)
    assert postgraphile.statement_count(server, {}) == ({"data": {}}, 2)
