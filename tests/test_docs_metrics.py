"""The metrics page explains every metric the service exports."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_metrics_page_explains_every_metric() -> None:
    defined = set(
        re.findall(r'"(ledgerline_[a-z_]+)"', (ROOT / "server/observability.py").read_text())
    )
    page = (ROOT / "docs" / "operations" / "metrics.md").read_text()
    assert defined
    assert sorted(m for m in defined if f"| `{m}` |" not in page) == []
