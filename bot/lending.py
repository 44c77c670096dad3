"""Lending what the last generation worked out to the next, by object identity.

The merge keeps an unchanged person, document or quote the very same object across reloads, so
a table of the next generation can take each entry of an object it has seen from the last one,
and work out only the entries of new objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress
from operator import not_
from typing import TypeVar

T = TypeVar("T")
E = TypeVar("E", bound=tuple)


def lend_by_identity(
    items: Sequence[T], lent: dict[int, E] | None, make: Callable[[T], E]
) -> tuple[list[E], dict[int, E]]:
    """`make(item)` for each item (a truthy entry that holds the item), in order, and the
    entries by id(item): an item `lent` has (the very same object) takes its entry from there.

    `lent` is the dict this returned for the last generation: its entries hold their items, so
    no id in it can name a new object. Native passes but for the items that are new objects.
    """
    ids = list(map(id, items))
    found = list(map((lent or {}).get, ids))
    by_id = dict(zip(ids, found, strict=True))
    for item in compress(items, map(not_, found)):
        by_id[id(item)] = make(item)
    if not all(found):
        found = list(map(by_id.__getitem__, ids))
    return found, by_id  # type: ignore[return-value]
