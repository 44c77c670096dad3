"""The live fact base and its reload: the one thing both front-ends talk to.

A reload reads and extracts changed files off the event loop, merges, indexes, persists the
generation, and only then swaps a single reference, so a reader always sees one whole
generation. A file that fails to read keeps its last good facts, and the report names it.
The steps of reading and saving are in bot.reload_run, the listing of seeds/ in
bot.seed_files; the service keeps the live generation, its Basis, and the order of the steps.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gc
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot import briefing, seed_intake
from bot.answers import Answer
from bot.changes import FactChanges, diff_facts
from bot.config import Settings, load_lexicon
from bot.errors import ConfigError, SeedError
from bot.extract.lexicon import Lexicon, with_role_synonyms
from bot.factbase import FactBase, MergeCache, build_factbase
from bot.follow_service import FollowService
from bot.gc_pause import full_collections_postponed
from bot.merged_saver import MergedSaver
from bot.models import CuratedFacts, DocumentFacts
from bot.reload_listeners import ReloadListener, ReloadListeners
from bot.reload_logging import log_report, record_action
from bot.reload_report import ReloadReport
from bot.reload_run import (
    Basis,
    Listing,
    Phases,
    Progress,
    Snapshot,
    Sources,
    config_digest,
    list_seeds,
    read_documents,
    save_generation,
)
from bot.reload_steps import ReloadOutcome, ReloadState, read_curated, reload_report
from bot.search import FactIndex
from bot.seed_files import SeedFiles
from bot.seeds import SeedFile
from bot.store import ReloadLogEntry, Store, StoredGeneration, StoreUnavailable
from bot.stored_facts import FileState, Prefetch, fill_from_store, stored_documents

if TYPE_CHECKING:
    from bot.extraction_pool import ExtractionPool

__all__ = ["BriefingService", "Progress", "ReloadReport", "Snapshot"]
log = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


class BriefingService:
    """Holds the live Snapshot and owns reload(); front-ends only call its methods."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        lexicon = load_lexicon(settings.config_dir)
        self._basis = Basis(lexicon, config_digest(settings.config_dir))  # of the live facts
        self._seeds = SeedFiles(settings.seeds_dir, settings.limits)
        self._merge_cache = MergeCache()  # what the next merge can reuse of the last one
        self._lock = asyncio.Lock()
        self._merged = MergedSaver(lambda: self._store)  # stores merged facts after a pause
        self._store: Store | None = None
        self._prefetch = Prefetch()  # reads adopted documents' facts
        self._changes: tuple[FactBase, FactBase, FactChanges] | None = None  # the last reload's
        self._snapshot = self._index_snapshot(FactBase(topics=lexicon.topics), lexicon, None)
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
    def errors(self) -> tuple[SeedError | ConfigError, ...]:
        return self._basis.errors

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

    async def _start(self, prepare: bool = True) -> ReloadReport:
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
            return await self._adopt(stored, listing, prepare)
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

    async def _adopt(
        self, stored: StoredGeneration, listing: Listing, prepare: bool
    ) -> ReloadReport:
        """Answer from the stored generation as it was saved: its merged facts, no re-merging;
        the index's tables are built off the loop (`prepare`) or on first use."""
        started = asyncio.get_running_loop().time()
        seeds = listing.seeds
        read = ReloadState({})  # a curated file that fails now is left out; stored.errors tell
        curated = await read_curated(read, seeds, self.settings.limits)
        synonyms = curated.role_synonyms
        lexicon = with_role_synonyms(self._basis.lexicon, synonyms)
        rules_key = f"{self._basis.config_hash}:{synonyms!r}"
        files = {**self._files, **read.new_files}
        files.update(stored_documents(seeds, set(stored.doc_keys), rules_key))
        errors = tuple(SeedError(f, line, why) for f, line, why in stored.errors)
        self._basis = replace(
            self._basis,
            rules_key=rules_key,
            rules_lexicon=lexicon,
            files=files,
            fingerprint=listing.fingerprint,
            errors=errors,
        )
        assert stored.merged is not None
        snap = self._index_snapshot(stored.merged, lexicon, stored.id, prepare=False)
        if prepare:
            await asyncio.to_thread(snap.index.prepare)
        self._swap(snap)
        if prepare:  # a bot that stays up: the first reload will want every document's facts
            self._prefetch.start(self._store, files)
        report = ReloadReport(
            who="startup",
            action="startup",
            when=_now(),
            seconds=asyncio.get_running_loop().time() - started,
            unchanged=len(seeds),
            errors=errors,
            generation=stored.id,
            from_store=True,
            totals=snap.facts.counts(),
        )
        await self._log(report)
        return report

    async def _load_stored_facts(self, files: dict[str, FileState]) -> list[SeedFile]:
        """Fill in the facts of files adopted from the store; those it no longer has are
        returned, to be extracted again."""
        await self._prefetch.take(files)
        return await fill_from_store(self._store, files, self.settings.seeds_dir)

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
                return await self._reload_and_tell(who, action, progress)

    async def _reload_and_tell(
        self, who: str, action: str, progress: Progress | None
    ) -> ReloadReport:
        before = await self._facts_before(action)
        self._changes = None
        report = await self._reload(who, action, progress)
        if before is not None:
            known = self._changes
            changes = known[2] if known and known[0] is before and known[1] is self.facts else None
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

    async def _facts_before(self, action: str) -> FactBase | None:
        """What a reload's changes are counted from: the live facts; at start-up, the merged
        facts of the stored generation (None when there are none)."""
        if action != "startup":
            return self._snapshot.facts
        if not self._listeners or self._store is None:
            return None
        try:
            stored = await self._store.load_latest(documents=False)
        except Exception:
            log.exception("cannot read the stored generation; start-up changes go untold")
            return None
        return stored.merged if stored is not None else None

    @property
    def store(self) -> Store | None:
        """The open database, or None when the bot runs from memory."""
        return self._store

    async def _reload(self, who: str, action: str, progress: Progress | None) -> ReloadReport:
        phases = Phases()
        listing = await list_seeds(self._seeds, self.settings.config_dir)
        if listing.unchanged(self._basis):
            return await self._unchanged(who, action, phases, len(listing.seeds))
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
                self._build_snapshot, doc_facts, read.curated, read.rules_lexicon, None
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
        self._changes = (old_facts, snap.facts, changes)  # what listeners are told, worked out once
        self._swap(snap)  # readers see old or new, whole
        self._basis = read.basis()
        outcome = ReloadOutcome(changes, snap.facts.counts(), generation, saved)
        seconds = phases.seconds()
        state, clashes = read.state, read.clashes
        report = reload_report(who, action, _now(), seconds, listing.seeds, state, clashes, outcome)
        await self._log(report)
        return report

    async def _unchanged(self, who: str, action: str, phases: Phases, files: int) -> ReloadReport:
        """The report of a reload that found every file and the config as they were."""
        report = ReloadReport(
            who=who,
            action=action,
            when=_now(),
            seconds=phases.seconds(),
            unchanged=files,
            generation=self._snapshot.generation,
            totals=self._snapshot.facts.counts(),
        )
        await self._log(report)
        return report

    def _build_snapshot(
        self,
        documents: list[DocumentFacts] | tuple[DocumentFacts, ...],
        curated: CuratedFacts,
        lexicon: Lexicon,
        generation: int | None,
    ) -> Snapshot:
        facts = build_factbase(documents, curated, lexicon, cache=self._merge_cache)
        return self._index_snapshot(facts, lexicon, generation, self._snapshot.index)

    def _index_snapshot(
        self,
        facts: FactBase,
        lexicon: Lexicon,
        generation: int | None,
        previous: FactIndex | None = None,
        *,
        prepare: bool = True,
    ) -> Snapshot:
        """The index of `facts`, built now (`prepare`) or table by table on first use;
        `previous` (the live index) lends what did not change."""
        index = FactIndex(facts, lexicon, self.settings.fuzzy, previous=previous)
        return Snapshot(facts, index.prepare() if prepare else index, generation, _now())

    async def _log(self, report: ReloadReport) -> None:
        await log_report(self._store, report)

    async def record(self, who: str, action: str, summary: str) -> None:
        """Log an admin action that is not a reload (a refusal, a rejected upload)."""
        await record_action(self._store, _now(), who, action, summary)

    async def reload_log(self, limit: int = 10) -> list[ReloadLogEntry]:
        return await self._store.recent_reloads(limit) if self._store else []

    # -- new seed files (bot.seed_intake) ------------------------------------------------------

    @property
    def extract_pool(self) -> ExtractionPool:
        """The worker processes that extract documents (started on first use)."""
        return self._pool

    @property
    def lexicon(self) -> Lexicon:
        """The word lists of the config the live facts were read with."""
        return self._basis.lexicon

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
