"""Random histories say which refusal each step must meet, not only that one may happen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from server.errors import DomainError, ErrorCode, ValidationFailed


@contextmanager
def refused_as(expected: ErrorCode | None) -> Iterator[None]:
    """The block must be refused with exactly `expected`, or succeed when it is None.

    A step of a random history knows from the state it drew whether the rules must refuse
    it and why; a refusal for any other reason, or none where one is due, is a failure.
    """
    try:
        yield
    except DomainError as exc:
        codes = [e.code for e in exc.errors] if isinstance(exc, ValidationFailed) else [exc.code]
        assert expected is not None, f"refused ({', '.join(codes)}: {exc}) but should succeed"
        assert codes == [expected], f"refused with {codes}: {exc}; expected {expected}"
    else:
        assert expected is None, f"accepted; expected the refusal {expected}"
