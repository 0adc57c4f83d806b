"""The committed SDL (schema/schema.graphql) matches the schema the code builds."""

from __future__ import annotations

import difflib
from pathlib import Path

from schema import build_schema
from schema.export import sdl
from server.settings import Settings

COMMITTED = Path(__file__).resolve().parents[1] / "schema" / "schema.graphql"


def test_committed_sdl_matches_code() -> None:
    generated = sdl()
    committed = COMMITTED.read_text()
    if committed != generated:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                generated.splitlines(keepends=True),
                "schema/schema.graphql (committed)",
                "schema.export.sdl() (code)",
                n=2,
            )
        )
        raise AssertionError(
            "schema/schema.graphql is out of date with the code; run `make schema` and commit "
            f"the result.\n{diff}"
        )


def test_exported_sdl_matches_production_schema(settings: Settings) -> None:
    """The committed SDL documents what production serves, whatever its limits."""
    production = Settings(
        **{**settings.model_dump(), "env": "production", "max_query_depth": 3, "max_aliases": 2}
    )
    served = str(build_schema(production)) + "\n"
    exported = sdl()
    assert served == exported
    assert "type Query" in exported
    assert "type Mutation" in exported
