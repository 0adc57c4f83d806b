"""docs/api/events.md lists the catalogue as it is."""

from __future__ import annotations

from pathlib import Path

from server.events.catalogue import CATALOGUE
from server.events.reference import MARKER, markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "api" / "events.md"


def test_the_reference_page_shows_the_catalogue_as_it_is() -> None:
    """Regenerate with `make schema` (python -m server.events.reference --write)."""
    text = PAGE.read_text()
    assert MARKER in text
    assert text[text.index(MARKER) :] == markdown()


def test_every_event_type_is_documented_with_its_version() -> None:
    text = markdown()
    for event_type in CATALOGUE:
        assert f"### `{event_type.name}` (version {event_type.version})" in text
