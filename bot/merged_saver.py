"""Storing a generation's merged facts once reloads pause, so the next start loads them.

Encoding the merged facts takes CPU that a burst of reloads and answers need more, so the save
waits until no reload has come for `delay` seconds (or the service closes); a newer generation
supersedes one still waiting. Example: three reloads within a minute store only the last
generation's merged facts, 20 s after it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.factbase import FactBase
    from bot.store import Store

log = logging.getLogger(__name__)
#: Seconds without a reload before the merged facts are stored.
MERGED_SAVE_DELAY = 20.0


class MergedSaver:
    """Saves the latest generation's merged facts into the store after a pause (see above)."""

    def __init__(self, store: Callable[[], Store | None], delay: float = MERGED_SAVE_DELAY):
        self._store = store
        self._delay = delay
        self._task: asyncio.Task[None] | None = None
        self._pending: tuple[int, FactBase] | None = None

    def schedule(self, generation: int, facts: FactBase) -> None:
        """Store these merged facts once reloads have paused (a newer call supersedes it)."""
        if self._task is not None:
            self._task.cancel()
        self._pending = (generation, facts)
        self._task = asyncio.create_task(self._later())

    async def _later(self) -> None:
        await asyncio.sleep(self._delay)
        pending, self._pending = self._pending, None
        if pending:
            await self._save(*pending)

    async def flush(self) -> None:
        """Store the merged facts still waiting now (at close), or wait for a save under way."""
        task, self._task = self._task, None
        pending, self._pending = self._pending, None
        if pending:
            if task is not None:
                task.cancel()
            await self._save(*pending)
        elif task is not None:
            await task

    async def _save(self, generation: int, facts: FactBase) -> None:
        """Store the merged facts a generation answers from; a failure is logged (a start
        before they are stored merges again, which is correct)."""
        store = self._store()
        if store is None:
            return
        try:
            await store.save_merged(generation, facts)
        except Exception:
            log.exception("could not store the merged facts of generation %s", generation)
