"""The live fact base and its reload: the one thing both front-ends talk to.

A reload reads and extracts changed files off the event loop, merges, indexes, persists the
generation, and only then swaps a single reference, so a reader always sees one whole
generation. A file that fails to read keeps its last good facts, and the report names it.
The service keeps the live Snapshot and the Basis it was read from, and runs the steps in
order: listing seeds/ (bot.seed_files), reading what changed (bot.reload_run), merging and
indexing (`build_snapshot`, below), saving beside the merge, then the swap.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gc
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot import briefing, seed_intake
from bot.answers import Answer
from bot.changes import FactChanges, diff_facts
from bot.config import FuzzySettings, Settings, load_lexicon
from bot.errors import ConfigError, SeedError
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, MergeCache, build_factbase
from bot.follow_service import FollowService
from bot.gc_pause import full_collections_postponed
from bot.merged_saver import MergedSaver
from bot.models import CuratedFacts, DocumentFacts
from bot.reload_listeners import ReloadListener, ReloadListeners, facts_before
from bot.reload_logging import log_report, record_action
from bot.reload_report import ReloadReport
from bot.reload_run import (
    Basis,
    Phases,
    Progress,
    Snapshot,
    Sources,
    config_digest,
    list_seeds,
    read_documents,
    save_generation,
)
from bot.reload_steps import ReloadOutcome, adopted_basis, reload_report
from bot.search import FactIndex
from bot.seed_files import SeedFiles
from bot.seeds import SeedFile
from bot.store import ReloadLogEntry, Store, StoreUnavailable
from bot.stored_facts import FileState, Prefetch, fill_from_store

if TYPE_CHECKING:
    from bot.extraction_pool import ExtractionPool

__all__ = ["BriefingService", "Progress", "ReloadReport", "Snapshot"]
log = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class BriefingService:
    """Holds the live Snapshot and owns reload(); front-ends only call its methods."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        lexicon = load_lexicon(settings.config_dir)
        self._basis = Basis(lexicon, config_digest(settings.config_dir))  # of the live facts
        self._seeds = SeedFiles(settings.seeds_dir, settings.limits)
        self._merge_cache = MergeCache()  # what the next merge can reuse of the last one
        self._lock = asyncio.Lock()
        self._store: Store | None = None
        self._merged = MergedSaver(lambda: self._store)  # stores merged facts after a pause
        self._prefetch = Prefetch()  # reads adopted documents' facts
        empty = FactBase(topics=lexicon.topics)
        self._snapshot = index_snapshot(empty, lexicon, settings.fuzzy, None)
        self._listeners = ReloadListeners()
        self.follows = FollowService(self)  # follow, unfollow, following, changes

    @functools.cached_property
    def _pool(self) -> ExtractionPool:
        """The extraction pool, taken on first use: a start that answers from the store
        extracts nothing, and so never loads multiprocessing."""
        from bot.extraction_pool import shared_pool

        return shared_pool(self.settings.limits.workers)

    @property
    def _files(self) -> dict[str, FileState]:
        """Each seed file's last good reading, by name."""
        return self._basis.files

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

    @property
    def extract_pool(self) -> ExtractionPool:
        """The worker processes that extract documents (started on first use)."""
        return self._pool

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
        stored = None
        if self._store:
            try:
                await self._seeds.load_stamps(self._store)
                stored = await self._store.load_latest(documents=False)
            except Exception:
                log.exception("cannot read the stored generation; rebuilding")
        listing = await list_seeds(self._seeds, self.settings.config_dir)
        await self._seeds.save_stamps(self._store, {s.name for s in listing.seeds})
        if stored and stored.fingerprint == listing.fingerprint and stored.merged:
            # Answer from the stored generation as saved: its merged facts, no re-merging.
            self._basis = basis = await adopted_basis(
                self._basis, listing, stored, self.settings.limits
            )
            lexicon = basis.rules_lexicon or basis.lexicon
            snap = index_snapshot(stored.merged, lexicon, self.settings.fuzzy, stored.id,
                                  prepare=False)  # fmt: skip
            if prepare:  # a bot that stays up: tables now, and every document's facts soon
                await asyncio.to_thread(snap.index.prepare)
                self._prefetch.start(self._store, basis.files)
            self._swap(snap)
            seconds = asyncio.get_running_loop().time() - started
            report = ReloadReport("startup", "startup", _now(), seconds,
                                  unchanged=len(listing.seeds), errors=basis.errors,
                                  generation=stored.id, from_store=True,
                                  totals=snap.facts.counts())  # fmt: skip
            return await self._log(report)
        if stored and self._store:
            # Last good facts for files that may fail now.
            for key, f in (await self._store.load_documents(stored.doc_keys)).items():
                name = Path(f.document.path).name
                self._files[name] = FileState(name, f.document.sha256, f, key)
        return await self.reload("startup", action="startup")

    async def close(self) -> None:
        await self._prefetch.cancel()
        await self._merged.flush()
        await self._seeds.save_stamps(self._store, set(self._files))
        if self._store:
            await self._store.close()
            self._store = None

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
            with full_collections_postponed():
                before = await facts_before(self._listeners, self._store, self.facts, action)
                report, diff = await self._reload(who, action, progress)
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

    async def _reload(
        self, who: str, action: str, progress: Progress | None
    ) -> tuple[ReloadReport, tuple[FactBase, FactChanges] | None]:
        """One reload; the report, and the facts before with what changed from them."""
        phases = Phases()
        listing = await list_seeds(self._seeds, self.settings.config_dir)
        if listing.unchanged(self._basis):
            snap = self._snapshot
            report = ReloadReport(who, action, _now(), phases.seconds(),
                                  unchanged=len(listing.seeds), generation=snap.generation,
                                  totals=snap.facts.counts())  # fmt: skip
            return await self._log(report), None
        sources = Sources(self._store, self._load_stored_facts, lambda: self._pool,
                          self.settings.limits)  # fmt: skip
        read = await read_documents(
            sources, self._basis, listing, self.settings.config_dir, progress, phases
        )
        old_facts = self._snapshot.facts
        doc_facts = [f.result for f in read.documents]
        if progress:
            await progress("Merging and indexing")
        # The generation's documents are saved while they merge: the save is mostly SQLite,
        # which runs beside the merge on another core; the generation goes live after both.
        saving = asyncio.create_task(save_generation(self._store, read))
        try:
            built = await asyncio.to_thread(
                self._build_snapshot, doc_facts, read.curated, read.rules_lexicon
            )
        except BaseException:
            await asyncio.wait({saving})  # a generation saved without merged facts is re-merged
            raise
        phases.mark("merge+index")
        diffing = asyncio.create_task(asyncio.to_thread(diff_facts, old_facts, built.facts))
        generation, saved = await saving  # not on the loop
        phases.mark("save")
        snap = Snapshot(built.facts, built.index, generation, _now())
        if generation is not None:
            self._merged.schedule(generation, snap.facts)
        changes = await diffing
        phases.mark("diff")
        log.debug("reload phases (s, CPU s since start): %s", phases.marks)
        self._swap(snap)  # readers see old or new, whole
        self._basis = read.basis()
        outcome = ReloadOutcome(changes, snap.facts.counts(), generation, saved)
        report = reload_report(who, action, _now(), phases.seconds(), listing.seeds, read.state,
                               read.clashes, outcome)  # fmt: skip
        return await self._log(report), (old_facts, changes)

    async def _load_stored_facts(self, files: dict[str, FileState]) -> list[SeedFile]:
        """Fill in the facts of files adopted from the store; those it no longer has are
        returned, to be extracted again."""
        await self._prefetch.take(files)
        return await fill_from_store(self._store, files, self.settings.seeds_dir)

    def _build_snapshot(
        self,
        documents: list[DocumentFacts] | tuple[DocumentFacts, ...],
        curated: CuratedFacts,
        lexicon: Lexicon,
    ) -> Snapshot:
        """Blocking: merge the documents (reusing what the last merge can lend) and index."""
        facts = build_factbase(documents, curated, lexicon, cache=self._merge_cache)
        previous = self._snapshot.index
        return index_snapshot(facts, lexicon, self.settings.fuzzy, None, previous)

    # -- the reload log and new seed files (bot.seed_intake) ------------------------------------

    async def _log(self, report: ReloadReport) -> ReloadReport:
        await log_report(self._store, report)
        return report

    async def record(self, who: str, action: str, summary: str) -> None:
        """Log an admin action that is not a reload (a refusal, a rejected upload)."""
        await record_action(self._store, _now(), who, action, summary)

    async def reload_log(self, limit: int = 10) -> list[ReloadLogEntry]:
        return await self._store.recent_reloads(limit) if self._store else []

    async def upload(
        self, filename: str, data: bytes, who: str, progress: Progress | None = None
    ) -> tuple[str, ReloadReport]:
        """Check an uploaded seed, save it into seeds/, reload; UserError refuses it untouched.

        A document is extracted (in the pool, under the time limit) before it is saved, so a
        file that would be refused on reload is refused here, and seeds/ stays as it was.
        """
        return await seed_intake.upload(self, filename, data, who, progress)

    async def add_link(
        self, url: str, who: str, progress: Progress | None = None
    ) -> tuple[str, ReloadReport]:
        """Fetch the article at `url`, save it into seeds/ as a document, reload; UserError
        refuses it with the reason and nothing saved (the steps are in bot.add_link)."""
        return await seed_intake.add_link(self, url, who, _now(), progress)


def index_snapshot(
    facts: FactBase,
    lexicon: Lexicon,
    fuzzy: FuzzySettings,
    generation: int | None,
    previous: FactIndex | None = None,
    *,
    prepare: bool = True,
) -> Snapshot:
    """The index of `facts`, built now (`prepare`) or table by table on first use;
    `previous` (the live index) lends what did not change."""
    index = FactIndex(facts, lexicon, fuzzy, previous=previous)
    return Snapshot(facts, index.prepare() if prepare else index, generation, _now())


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
