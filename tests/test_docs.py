"""The documentation holds together: links lead to files and headings, code fences close."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# node_modules: the example client's installed tools (make client-check), not our pages.
PAGES = [
    ROOT / "README.md",
    *sorted(p for p in (ROOT / "docs").rglob("*.md") if "node_modules" not in p.parts),
]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _relative(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_relative)
def test_docs_links_point_at_existing_files(page: Path) -> None:
    missing = []
    for target in LINK.findall(page.read_text()):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue  # web addresses and anchors within the page
        path = (page.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            missing.append(target)
    assert missing == []


@pytest.mark.parametrize("page", PAGES, ids=_relative)
def test_docs_code_fences_closed(page: Path) -> None:
    fences = [line for line in page.read_text().splitlines() if line.lstrip().startswith("```")]
    assert len(fences) % 2 == 0, f"{len(fences)} fence lines"


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as -."""
    found = set()
    inside_fence = False
    for line in page.read_text().splitlines():
        if line.lstrip().startswith("```"):
            inside_fence = not inside_fence
        elif not inside_fence and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


@pytest.mark.parametrize("page", PAGES, ids=_relative)
def test_docs_links_to_anchors_point_at_headings(page: Path) -> None:
    missing = []
    for target in LINK.findall(page.read_text()):
        if re.match(r"^[a-z]+:", target) or "#" not in target:
            continue
        file, anchor = target.split("#", 1)
        linked = (page.parent / file).resolve() if file else page
        if linked.suffix == ".md" and linked.exists() and anchor not in _anchors(linked):
            missing.append(target)
    assert missing == []


def test_docs_pages_found() -> None:
    assert (ROOT / "docs" / "api" / "README.md") in PAGES
    assert len(PAGES) > 10
