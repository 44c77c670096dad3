"""Who hears about reloads: callbacks the service calls with each reload's result.

Front-ends and the follow service subscribe (`BriefingService.on_reload`) to learn what a
reload added and removed, without the service knowing who they are. A listener that fails is
logged and the others still run: posting follows must never break a reload.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.changes import FactChanges, diff_facts
from bot.factbase import FactBase
from bot.reload_report import ReloadReport

if TYPE_CHECKING:
    from bot.service import Snapshot
    from bot.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    """What listeners receive: the report, the facts before, the generation after (facts and
    index), and the facts the reload added and removed (bot.changes.diff_facts)."""

    report: ReloadReport
    before: FactBase
    after: Snapshot
    changes: FactChanges


ReloadListener = Callable[[ReloadResult], Awaitable[None]]


class ReloadListeners:
    """The subscribed callbacks, called in the order they subscribed."""

    def __init__(self) -> None:
        self._callbacks: list[ReloadListener] = []

    def __bool__(self) -> bool:
        return bool(self._callbacks)

    def add(self, callback: ReloadListener) -> Callable[[], None]:
        """Subscribe; returns a function that unsubscribes (calling it twice is harmless)."""
        self._callbacks.append(callback)

        def off() -> None:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

        return off

    async def tell(
        self,
        report: ReloadReport,
        before: FactBase,
        after: Snapshot,
        changes: FactChanges | None = None,
    ) -> None:
        """Call each listener with what changed from `before` to `after`: `changes` when the
        reload worked it out already, else worked out here (in a worker thread); a reload that
        changed no fact tells no one."""
        if not self._callbacks or after.facts is before:
            return
        if changes is None:
            changes = await asyncio.to_thread(diff_facts, before, after.facts)
        if not changes:
            return
        result = ReloadResult(report, before, after, changes)
        for callback in list(self._callbacks):
            try:
                await callback(result)
            except Exception:
                log.exception("a reload listener failed (%s)", getattr(callback, "__name__", "?"))


async def facts_before(
    listeners: ReloadListeners, store: Store | None, live: FactBase, action: str
) -> FactBase | None:
    """What a reload's changes are counted from: the live facts; at start-up, the merged facts
    of the stored generation (None when there are none, or no one listens)."""
    if action != "startup":
        return live
    if not listeners or store is None:
        return None
    try:
        stored = await store.load_latest(documents=False)
    except Exception:
        log.exception("cannot read the stored generation; start-up changes go untold")
        return None
    return stored.merged if stored is not None else None
