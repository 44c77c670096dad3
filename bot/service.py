"""The live fact base and its reload: the one thing both front-ends talk to.

A reload reads and extracts changed files off the event loop, merges, indexes, persists the
generation, and only then swaps a single reference, so a reader always sees one whole
generation. A file that fails to read keeps its last good facts, and the report names it.
The service keeps the live Snapshot and the Basis it was read from; bot.reload_pipeline runs a
reload's steps (listing seeds/, reading what changed, merging and indexing, saving beside the
merge, diffing) and hands back the next generation, which the service swaps in, then logs.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot import briefing
from bot.answers import Answer
from bot.config import Settings, load_lexicon
from bot.errors import ConfigError, SeedError
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, MergeCache
from bot.follow_service import FollowService
from bot.gc_pause import full_collections_postponed, quick_thread_switches
from bot.merged_saver import MergedSaver
from bot.reload_listeners import ReloadListener, ReloadListeners, facts_before
from bot.reload_logging import log_report, record_action
from bot.reload_pipeline import (
    NextGeneration,
    ReloadParts,
    index_snapshot,
    next_generation,
    start_from_store,
)
from bot.reload_report import ReloadReport
from bot.reload_run import Basis, Progress, Snapshot, config_digest
from bot.search import FactIndex
from bot.seed_files import SeedFiles
from bot.store import ReloadLogEntry, Store, StoreUnavailable
from bot.store_records import utc_now
from bot.stored_facts import Prefetch

if TYPE_CHECKING:
    from bot.extraction_pool import ExtractionPool

__all__ = ["BriefingService", "Progress", "ReloadReport", "Snapshot"]
log = logging.getLogger(__name__)


class BriefingService:
    """Holds the live Snapshot and owns reload(); front-ends only call its methods."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        lexicon = load_lexicon(settings.config_dir)
        self._basis = Basis(lexicon, config_digest(settings.config_dir))  # of the live facts
        self._seeds = SeedFiles(settings.seeds_dir, settings.limits)
        self._lock = asyncio.Lock()
        self._store: Store | None = None
        self._merged = MergedSaver(lambda: self._store)  # stores merged facts after a pause
        self._prefetch = Prefetch()  # reads adopted documents' facts
        self._parts = ReloadParts(
            self._seeds, lambda: self._store, lambda: self.extract_pool,
            MergeCache(),  # what the next merge can reuse of the last one
            self._merged, self._prefetch,
        )  # fmt: skip
        empty = FactBase(topics=lexicon.topics)
        self._snapshot = index_snapshot(empty, lexicon, settings.fuzzy, None, prepare=False)
        self._listeners = ReloadListeners()
        self.follows = FollowService(self)  # follow, unfollow, following, changes

    # -- reading -----------------------------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def facts(self) -> FactBase:
        return self._snapshot.facts

    @property
    def index(self) -> FactIndex:
        return self._snapshot.index

    @property
    def store(self) -> Store | None:
        """The open database, or None when the bot runs from memory."""
        return self._store

    @property
    def errors(self) -> tuple[SeedError | ConfigError, ...]:
        return self._basis.errors

    @property
    def lexicon(self) -> Lexicon:
        """The word lists of the config the live facts were read with."""
        return self._basis.lexicon

    @functools.cached_property
    def extract_pool(self) -> ExtractionPool:
        """The worker processes that extract documents, taken on first use: a start that
        answers from the store extracts nothing, and so never loads multiprocessing."""
        from bot.extraction_pool import shared_pool

        return shared_pool(self.settings.limits.workers)

    def ask(self, name: str, arg: str = "") -> Answer:
        """Answer one command against the current generation (UserError on a miss)."""
        snap = self._snapshot  # one read: the whole answer comes from one generation
        return briefing.answer(snap.facts, snap.index, name, arg, prefix=self.settings.prefix)

    # -- life cycle --------------------------------------------------------------------------

    async def start(self, *, prepare: bool = True) -> ReloadReport:
        """Open the store; reuse its generation when nothing changed, else rebuild.

        With `prepare=False` a generation adopted from the store builds each index table on
        first use, on the caller's thread: for one answer and exit (`ask`), which reads one or
        two tables of the dozen. A bot that stays up prepares them all before answering.
        """
        with full_collections_postponed():
            return await self._start(prepare)

    async def _start(self, prepare: bool) -> ReloadReport:
        started = asyncio.get_running_loop().time()
        self._store = await _open_store(self.settings.database)
        try:
            adopted = await start_from_store(
                self._parts, self.settings, self._basis, started, prepare=prepare
            )
            if adopted is not None:
                return await self._go_live(adopted)
            return await self.reload("startup", action="startup")
        except BaseException:
            await self._close_store()  # its thread would keep the process from exiting
            raise

    async def close(self) -> None:
        """Finish pending writes and close the store; the store is closed even when they fail
        (an open aiosqlite connection keeps the process from exiting)."""
        try:
            await self._prefetch.cancel()
            await self._merged.flush()
            await self._seeds.save_stamps(self._store, set(self._basis.files))
        finally:
            await self._close_store()

    async def _close_store(self) -> None:
        if self._store:
            store, self._store = self._store, None
            await store.close()

    def _swap(self, snap: Snapshot) -> None:
        """Make `snap` the live generation: one reference, then keep the long-lived facts out
        of later garbage collections (a full collection over them stalled the loop ~100 ms)."""
        self._snapshot = snap
        gc.freeze()

    # -- reload ------------------------------------------------------------------------------

    async def reload(
        self, who: str, action: str = "reload", progress: Progress | None = None
    ) -> ReloadReport:
        """Re-read seeds/ and swap in the new generation; see the module docstring."""
        async with self._lock:
            with full_collections_postponed(), quick_thread_switches():
                before = await facts_before(self._listeners, self._store, self.facts, action)
                result = await next_generation(
                    self._parts, self.settings, self._basis, self._snapshot, who, action, progress
                )
                report, diff = await self._go_live(result), result.diff
                if before is not None:  # what changed is worked out once, when it is from `before`
                    changes = diff[1] if diff is not None and diff[0] is before else None
                    await self._listeners.tell(report, before, self._snapshot, changes)
                return report

    def on_reload(self, callback: ReloadListener) -> Callable[[], None]:
        """Call `callback` with a ReloadResult after each reload that changed facts; returns a
        function that unsubscribes.

        A start-up that rebuilds (the seeds changed while the bot was stopped) counts from the
        stored generation it replaces; with none stored it tells no one, since every fact would
        look new. Listeners run in order, before the next reload starts, so they see reloads in
        order; one that fails is logged and the others still run. A slow one (posting to
        Discord) should start its own task.
        """
        return self._listeners.add(callback)

    async def _go_live(self, result: NextGeneration) -> ReloadReport:
        """Swap in a new generation and its Basis (none when nothing changed), then log."""
        if result.snapshot is not None and result.basis is not None:
            self._swap(result.snapshot)  # readers see old or new, whole
            self._basis = result.basis
        await log_report(self._store, result.report)
        return result.report

    # -- the reload log --------------------------------------------------------------------------

    async def record(self, who: str, action: str, summary: str) -> None:
        """Log an admin action that is not a reload (a refusal, a rejected upload)."""
        await record_action(self._store, utc_now(), who, action, summary)

    async def reload_log(self, limit: int = 10) -> list[ReloadLogEntry]:
        return await self._store.recent_reloads(limit) if self._store else []


async def _open_store(path: Path | str) -> Store | None:
    """The store at `path`, or None (logged) when it cannot be opened: the bot then runs from
    memory."""
    try:
        return await Store.open(path)
    except StoreUnavailable as exc:
        log.error("%s", exc)
    except Exception:
        log.exception("cannot open the database %s; running from memory", path)
    return None
