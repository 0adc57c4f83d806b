"""The catalogue as Markdown, for docs/api/events.md (a test fails when the page drifts).

`make schema` rewrites the page after its marker (`python -m server.events.reference
--write`); without `--write` the generated part is printed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from server.events.catalogue import GROUPS, NOT_EVENTS
from server.events.payload import EventType, Field, Items

MARKER = "<!-- Generated from server/events/catalogue by python -m server.events.reference. -->"


def _rows(fields: Sequence[Field], prefix: str = "") -> Iterator[str]:
    for f in fields:
        optional = " Left out when there is none." if f.optional else ""
        yield f"| `{prefix}{f.name}` | {f.kind.shape} | {f.description}{optional} |"
        if isinstance(f.kind, Items):
            yield from _rows(f.kind.fields, f"{prefix}{f.name}[].")


def _event_type(t: EventType) -> Iterator[str]:
    yield f"### `{t.name}` (version {t.version})"
    yield ""
    yield f"{t.description} Object: {t.object_type}. Audit action: `{t.action}`."
    yield ""
    if t.changes:
        yield (
            'Payload: `{"changes": {field: {"from": old, "to": new}}}`, for each of these '
            "fields whose value changed:"
        )
        yield ""
    yield "| Field | Form | Meaning |"
    yield "|---|---|---|"
    yield from _rows(t.fields)
    yield ""


def markdown() -> str:
    lines = [MARKER, ""]
    for title, types in GROUPS:
        lines += [f"## {title}", ""]
        for t in types:
            lines += list(_event_type(t))
    lines += [
        "## Audited actions that write no event",
        "",
        "| Audit action | Why |",
        "|---|---|",
        *(f"| `{action}` | {why} |" for action, why in sorted(NOT_EVENTS.items())),
    ]
    return "\n".join(lines) + "\n"


def write(page: Path) -> None:
    """Replace what follows the marker in `page` with the catalogue as it is."""
    text = page.read_text()
    page.write_text(text[: text.index(MARKER)] + markdown())


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write(Path(__file__).resolve().parents[2] / "docs" / "api" / "events.md")
    else:
        print(markdown(), end="")
