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
