"""The configuration page lists every setting, and the docs name no variable that does not
exist."""

from __future__ import annotations

import re
from pathlib import Path

from server.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "operations" / "configuration.md"
ROW = re.compile(r"^\| `(LEDGERLINE_[A-Z0-9_]+)` \|", re.MULTILINE)
MENTION = re.compile(r"(LEDGERLINE_[A-Z0-9_]+)(\*?)")


def _settings() -> set[str]:
    return {f"LEDGERLINE_{name.upper()}" for name in Settings.model_fields}


def _not_settings() -> set[str]:
    text = PAGE.read_text()
    return set(ROW.findall(text[text.index("## Variables that are not settings") :]))


def test_configuration_page_has_a_row_for_every_setting() -> None:
    rows = set(ROW.findall(PAGE.read_text()))
    assert sorted(_settings() - rows) == []


def test_configuration_page_rows_name_existing_settings() -> None:
    rows = set(ROW.findall(PAGE.read_text()))
    assert sorted(rows - _settings() - _not_settings()) == []


def test_docs_mention_only_variables_that_exist() -> None:
    known = _settings() | _not_settings()
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    unknown = {
        f"{page.relative_to(ROOT)}: {name}{star}"
        for page in pages
        for name, star in MENTION.findall(page.read_text())
        # `LEDGERLINE_SMTP_*` names a family of settings
        if not (name in known or (star and any(k.startswith(name) for k in known)))
    }
    assert sorted(unknown) == []
