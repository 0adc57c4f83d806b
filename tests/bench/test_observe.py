"""The py-spy summary shared by the benchmarks (bench.observe)."""

from __future__ import annotations

from pathlib import Path

from bench.observe import summarize_profile


def test_summary_counts_worker_samples_by_leaf_and_by_function(tmp_path: Path) -> None:
    raw = tmp_path / "profile.txt"
    worker = "<module> (<string>:1);spawn_main (multiprocessing/spawn.py:120)"
    raw.write_text(
        "\n".join(
            [
                f"{worker};record (server/receivables/payments.py:250);"
                "fetch (asyncpg/connection.py:690) 6",
                f"{worker};record (server/receivables/payments.py:250) 2",
                f"{worker};execute (graphql/execution/execute.py:10) 2",
                # The server's parent process is not a worker: left out.
                "<module> (uvicorn/main.py:1);run (uvicorn/server.py:60) 50",
            ]
        )
        + "\n"
    )
    samples, by_area, inclusive = summarize_profile(
        raw, [("payments.record", r"^record \(.*server/receivables/payments\.py")]
    )
    assert samples == 10
    assert dict(by_area) == {
        "asyncpg (incl. its Cython protocol)": 60.0,
        "ledgerline: receivables (invoices, payments)": 20.0,
        "graphql-core": 20.0,
    }
    assert inclusive == [("payments.record", 80.0)]
