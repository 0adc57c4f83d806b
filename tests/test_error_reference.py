"""The error-code catalogue lists every code the API can answer, each explained."""

from __future__ import annotations

from schema.error_reference import (
    HTTP_WHEN,
    PAGE,
    TOP_LEVEL_WHEN,
    markdown,
    user_error_descriptions,
)
from schema.errors import TopLevelCode
from server.errors import ErrorCode
from server.http_errors import HttpErrorCode


def test_error_catalogue_is_as_make_schema_writes_it() -> None:
    assert PAGE.read_text() == markdown(), "run `make schema` to rewrite docs/api/errors.md"


def test_every_error_code_is_explained() -> None:
    described = user_error_descriptions()
    assert [c.value for c in ErrorCode if not described.get(c.value)] == []
    assert [c.value for c in TopLevelCode if c not in TOP_LEVEL_WHEN] == []
    assert [c.value for c in HttpErrorCode if c not in HTTP_WHEN] == []


def test_every_error_code_is_in_the_catalogue() -> None:
    page = PAGE.read_text()
    codes = [*ErrorCode, *TopLevelCode, *HttpErrorCode]
    assert [c.value for c in codes if f"| `{c.value}` |" not in page] == []
