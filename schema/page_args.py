"""The arguments every connection root field takes, declared once.

A resolver spells its window as `first: First = None, after: After = None, last: Last =
None, before: Before = None`: the types carry the descriptions, so every connection
describes its window in the same words."""

from __future__ import annotations

from typing import Annotated

import strawberry

First = Annotated[
    int | None,
    strawberry.argument(
        description="Items from the start (or after `after`), at most 100; 20 if no size is given."
    ),
]
After = Annotated[str | None, strawberry.argument(description="Cursor to start after.")]
Last = Annotated[
    int | None,
    strawberry.argument(description="Items from the end (or before `before`), at most 100."),
]
Before = Annotated[str | None, strawberry.argument(description="Cursor to end before.")]
