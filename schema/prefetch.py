"""Loading a page's related records before its rows resolve.

A field that awaits a DataLoader costs graphql-core a coroutine, a task and a gather for
every row of a page, which on a list of fifty invoices with their customers and lines is
most of the request. A list resolver instead loads the batches its selection will need
right after the page query (the same statements the loaders would send), and the row
fields read them back synchronously through `ready`. A field asked outside such a page
still works: `ready` then returns an awaitable and the loader batches as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.context import Info, SameKeyCache
from server.sql import Joined

K = TypeVar("K")
V = TypeVar("V")


def ready(loader: DataLoader[K, V], key: K, convert: Callable[[V], Any]) -> Any:
    """`convert(value)` now if the loader already holds the key, else an awaitable of it.

    Typed `Any` because a resolver returning it yields either the value or an awaitable,
    which graphql-core accepts from any resolver.
    """
    future = _held(loader, key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return convert(future.result())

    async def later() -> Any:
        return convert(await loader.load(key))

    return later()


def missing(loader: DataLoader[K, V], keys: Iterable[K]) -> list[K]:
    """The keys the loader holds nothing for yet (a page may have primed some)."""
    unique = dict.fromkeys(keys)
    if not loader.cache:
        return list(unique)
    cache = loader.cache_map
    if type(cache) is SameKeyCache:
        held = cache.cache_map
        return [key for key in unique if key not in held]
    return [key for key in unique if cache.get(key) is None]


def _held(loader: DataLoader[K, V], key: K) -> Any:
    if not loader.cache:
        return None
    cache = loader.cache_map
    return cache.cache_map.get(key) if type(cache) is SameKeyCache else cache.get(key)


def joined_with_page(
    info: Info, field: str, loader: DataLoader[Any, Any], joined: Joined
) -> dict[str, Any]:
    """paginate_sql's arguments to read each row's `joined` record (a customer, a vendor)
    with the page itself, one statement fewer, when the page's rows ask for `field`; the
    records go to `loader`, where the field's resolver finds them."""
    if field not in node_fields(info):
        return {}

    def prime(found: list[Any]) -> None:
        loader.prime_many({record.id: record for record in found if record is not None})

    return {"joined": joined, "with_joined": prime}


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            yield from _fields(selection.selections)


def node_fields(info: Info) -> set[str]:
    """Names of the fields asked of the items of the connection this field returns."""
    names: set[str] = set()
    for root in info.selected_fields:
        for field in _fields(root.selections):
            if field.name == "nodes":
                names.update(f.name for f in _fields(field.selections))
            elif field.name == "edges":
                for edge_field in _fields(field.selections):
                    if edge_field.name == "node":
                        names.update(f.name for f in _fields(edge_field.selections))
    return names
