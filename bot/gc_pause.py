"""Full garbage collections postponed while a generation is read or built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: While reloads run: the gc thresholds to restore, then one None per reload under way.
_POSTPONED: list[tuple[int, int, int] | None] = []


@contextlib.contextmanager
def full_collections_postponed() -> Iterator[None]:
    """No full garbage collection while a generation is read or built; young ones still run.

    A full collection walks every object the process holds and keeps the GIL throughout: while
    a reload allocates a new generation it came every few hundred thousand objects and held the
    event loop 100-200 ms each time (at 1,000 documents). Young cycles are still collected;
    the new generation is frozen when it goes live (`BriefingService._swap`), so the postponed
    full pass finds little. Example: `with full_collections_postponed(): await reload()`.
    """
    if not _POSTPONED:
        _POSTPONED.append(gc.get_threshold())  # the thresholds to restore
        young, middle, _ = _POSTPONED[0]
        gc.set_threshold(young, middle, 1 << 30)
    _POSTPONED.append(None)  # one more reload under way (reloads of two services may overlap)
    try:
        yield
    finally:
        _POSTPONED.pop()
        if len(_POSTPONED) == 1:
            gc.set_threshold(*_POSTPONED.pop())
