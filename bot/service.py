"""The live fact base and its reload: the one thing both front-ends talk to.

A reload reads and extracts changed files off the event loop, merges, indexes, persists the
generation, and only then swaps a single reference, so a reader always sees one whole
generation. A file that fails to read keeps its last good facts, and the report names it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gc
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
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
from bot.generation_keys import doc_key, extractor_version, merge_version, source_hash
from bot.merged_saver import MergedSaver
from bot.models import CuratedFacts, DocumentFacts
from bot.reload_listeners import ReloadListener, ReloadListeners
from bot.reload_logging import log_report, record_action
from bot.reload_report import ReloadReport
from bot.reload_steps import (
    ReloadOutcome,
    ReloadState,
    documents_to_read,
    read_curated,
    reload_report,
    take_outcomes,
)
from bot.search import FactIndex
from bot.seeds import (
    SeedFile,
    id_clashes,
    list_seed_files,
)
from bot.store import ReloadLogEntry, Store, StoredGeneration, StoreUnavailable
from bot.stored_facts import (
    FileState,
    fill_from_store,
    read_stored,
    stored_documents,
    stored_instead,
)

if TYPE_CHECKING:
    from bot.extraction_pool import ExtractionPool

log = logging.getLogger(__name__)
Progress = Callable[[str], Awaitable[None]]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Snapshot:
    """One generation as readers see it: facts and the index built from them."""

    facts: FactBase
    index: FactIndex
    generation: int | None = None
    built: str = ""


def _seed_key(seed: SeedFile, rules_key: str) -> str:
    return doc_key(seed.sha256, rules_key)


class BriefingService:
    """Holds the live Snapshot and owns reload(); front-ends only call its methods."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lexicon: Lexicon = load_lexicon(settings.config_dir)
        self._config_hash = self._config_digest()
        self._rules_key = ""  # config + curated role synonyms the current facts were built with
        self._rules_lexicon: Lexicon | None = None  # the lexicon of _rules_key, kept as one object
        self._merge_cache = MergeCache()  # what the next merge can reuse of the last one
        self._files: dict[str, FileState] = {}
        self._stats: dict[str, tuple[int, int, int, str]] = {}  # name -> size, mtime, inode, sha
        self._saved_stats: dict[str, tuple[int, int, int, str]] = {}  # as the store has them
        self._fingerprint_now = ""  # of the seeds and config the live generation was built from
        self._errors: tuple[SeedError | ConfigError, ...] = ()
        self._lock = asyncio.Lock()
        self._merged = MergedSaver(lambda: self._store)  # stores merged facts after a pause
        self._store: Store | None = None
        self._prefetch: asyncio.Task[None] | None = None  # reads adopted documents' facts
        self._changes: tuple[FactBase, FactBase, FactChanges] | None = None  # the last reload's
        self._snapshot = self._index_snapshot(
            FactBase(topics=self._lexicon.topics), self._lexicon, None
        )
        self._listeners = ReloadListeners()
        self.follows = FollowService(self)  # follow, unfollow, following, changes

    @functools.cached_property
    def _pool(self) -> ExtractionPool:
        """The extraction pool, taken on first use: a start that answers from the store
        extracts nothing, and so never loads multiprocessing."""
        from bot.extraction_pool import shared_pool

        return shared_pool(self.settings.limits.workers)

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
        return self._errors

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
        try:
            self._store = await Store.open(self.settings.database)
        except StoreUnavailable as exc:
            log.error("%s", exc)
            self._store = None
        except Exception:
            log.exception(
                "cannot open the database %s; running from memory", self.settings.database
            )
            self._store = None
        stored = None
        if self._store:
            try:
                self._stats = self._saved_stats = await self._store.load_seed_stats()
                stored = await self._store.load_latest(documents=False)
            except Exception:
                log.exception("cannot read the stored generation; rebuilding")
        self._stats = dict(self._stats)
        seeds = await self._list_seeds()
        await self._save_seed_stats({s.name for s in seeds})
        if stored and stored.fingerprint == self._fingerprint(seeds) and stored.merged:
            return await self._adopt(stored, seeds, prepare)
        if stored and self._store:
            # Last good facts for files that may fail now.
            for key, f in (await self._store.load_documents(stored.doc_keys)).items():
                name = Path(f.document.path).name
                self._files[name] = FileState(name, f.document.sha256, f, key)
        return await self.reload("startup", action="startup")

    async def _list_seeds(self) -> list[SeedFile]:
        return await asyncio.to_thread(
            list_seed_files, self.settings.seeds_dir, self.settings.limits, self._stats
        )

    async def close(self) -> None:
        task, self._prefetch = self._prefetch, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})
        await self._merged.flush()
        await self._save_seed_stats(set(self._files))
        if self._store:
            await self._store.close()
            self._store = None

    async def _save_seed_stats(self, names: set[str]) -> None:
        """Remember the seed files' stamps and hashes for the next start (bot.store_seeds),
        when they differ from what the store has."""
        stats = {n: stamp for n, stamp in self._stats.items() if n in names}
        if not self._store or stats == self._saved_stats:
            return
        try:
            await self._store.save_seed_stats(stats)
            self._saved_stats = stats
        except Exception:
            log.exception("could not store the seed files' hashes")

    def _config_digest(self) -> str:
        """The extraction config (every config YAML but bot.yaml) and the extraction code."""
        files = [p for p in self.settings.config_dir.glob("*.yaml") if p.name != "bot.yaml"]
        return source_hash(files) + extractor_version()

    def _fingerprint(self, seeds: list[SeedFile], config_hash: str | None = None) -> str:
        h = hashlib.sha256()
        for s in seeds:
            h.update(f"{s.name}\0{s.sha256}\n".encode())
        h.update((config_hash or self._config_hash).encode())
        h.update(merge_version().encode())
        return h.hexdigest()

    async def _unchanged(self, who: str, action: str, started: float, files: int) -> ReloadReport:
        """The report of a reload that found every file and the config as they were."""
        report = ReloadReport(
            who=who,
            action=action,
            when=_now(),
            seconds=asyncio.get_running_loop().time() - started,
            unchanged=files,
            generation=self._snapshot.generation,
            totals=self._snapshot.facts.counts(),
        )
        await self._log(report)
        return report

    async def _adopt(
        self, stored: StoredGeneration, seeds: list[SeedFile], prepare: bool = True
    ) -> ReloadReport:
        """Answer from the stored generation as it was saved: its merged facts, no re-merging;
        the index's tables are built off the loop (`prepare`) or on first use."""
        started = asyncio.get_running_loop().time()
        read = ReloadState({})  # a curated file that fails now is left out; stored.errors tell
        curated = await read_curated(read, seeds, self.settings.limits)
        self._files.update(read.new_files)
        synonyms = curated.role_synonyms
        lexicon = with_role_synonyms(self._lexicon, synonyms)
        self._rules_key = f"{self._config_hash}:{synonyms!r}"
        self._rules_lexicon = lexicon
        self._files.update(stored_documents(seeds, set(stored.doc_keys), self._rules_key))
        self._errors = tuple(SeedError(f, line, why) for f, line, why in stored.errors)
        assert stored.merged is not None
        snap = self._index_snapshot(stored.merged, lexicon, stored.id, prepare=False)
        if prepare:
            await asyncio.to_thread(snap.index.prepare)
        self._swap(snap, self._fingerprint(seeds))
        if prepare:  # a bot that stays up: the first reload will want every document's facts
            self._prefetch = asyncio.create_task(self._prefetch_stored_facts())
        report = ReloadReport(
            who="startup",
            action="startup",
            when=_now(),
            seconds=asyncio.get_running_loop().time() - started,
            unchanged=len(seeds),
            errors=self._errors,
            generation=stored.id,
            from_store=True,
            totals=snap.facts.counts(),
        )
        await self._log(report)
        return report

    async def _prefetch_stored_facts(self) -> None:
        """Read the stored facts of the documents adopted at start-up, in the background, so the
        first reload finds them read (at 1,000 documents it waited ~1 s for them)."""
        waiting = {f.key: f for f in self._files.values() if f.result is None}
        if not waiting:
            return
        found = await read_stored(self._store, waiting, "the next reload reads them")
        for key, state in waiting.items():
            if key in found and self._files.get(state.name) is state:
                self._files[state.name] = replace(state, result=found[key])

    async def _load_stored_facts(self, files: dict[str, FileState]) -> list[SeedFile]:
        """Fill in the facts of files adopted from the store; those it no longer has are
        returned, to be extracted again."""
        task, self._prefetch = self._prefetch, None
        if task is not None:  # read already, or being read: take those
            await asyncio.wait({task})  # its failure is logged; its cancellation is not ours
            for name, state in files.items():
                read = self._files.get(name)
                if state.result is None and read is not None and read.key == state.key:
                    files[name] = read
        return await fill_from_store(self._store, files, self.settings.seeds_dir)

    def _swap(self, snap: Snapshot, fingerprint: str) -> None:
        """Make `snap` the live generation: one reference, then keep the long-lived facts out
        of later garbage collections (a full collection over them stalled the loop ~100 ms)."""
        self._snapshot = snap
        self._fingerprint_now = fingerprint
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
        loop = asyncio.get_running_loop()
        started = loop.time()
        errors: list[SeedError | ConfigError] = []
        config_hash = await asyncio.to_thread(self._config_digest)
        seeds = await self._list_seeds()
        # O(files) steps run in a thread: at 1,000 files each held the event loop ~20-60 ms.
        fingerprint = await asyncio.to_thread(self._fingerprint, seeds, config_hash)
        if (
            config_hash == self._config_hash
            and not self._errors
            and fingerprint == self._fingerprint_now
        ):
            return await self._unchanged(who, action, started, len(seeds))
        try:
            base_lexicon = (
                self._lexicon
                if config_hash == self._config_hash
                else await asyncio.to_thread(load_lexicon, self.settings.config_dir)
            )
        except ConfigError as exc:
            errors.append(exc)
            base_lexicon, config_hash = self._lexicon, self._config_hash
            fingerprint = await asyncio.to_thread(self._fingerprint, seeds, config_hash)
        old_facts = self._snapshot.facts
        state = ReloadState(dict(self._files), errors=errors)
        curated = await read_curated(state, seeds, self.settings.limits)
        rules_key = f"{config_hash}:{curated.role_synonyms!r}"
        same_rules = rules_key == self._rules_key
        lexicon = (
            self._rules_lexicon
            if same_rules and self._rules_lexicon is not None
            else with_role_synonyms(base_lexicon, curated.role_synonyms)
        )

        documents = [s for s in seeds if not s.is_curated]
        key_of = functools.partial(_seed_key, rules_key=rules_key)
        clashes = await asyncio.to_thread(id_clashes, documents, set(state.old_files))
        errors.extend(clashes.values())
        documents = [s for s in documents if s.name not in clashes]
        todo = documents_to_read(state, documents, same_rules, key_of)
        todo += await self._load_stored_facts(state.new_files)
        todo = await stored_instead(self._store, todo, state.new_files, key_of)
        phases = {"list": loop.time() - started}
        outcomes = await self._pool.extract(todo, lexicon, self.settings.limits, progress)
        phases["extract"] = loop.time() - started
        take_outcomes(state, todo, outcomes, rules_key)

        doc_states = [f for f in state.new_files.values() if isinstance(f.result, DocumentFacts)]
        doc_facts = [f.result for f in doc_states]
        if progress:
            await progress("Merging and indexing")
        snap = await asyncio.to_thread(self._build_snapshot, doc_facts, curated, lexicon, None)
        phases["merge+index"] = loop.time() - started

        generation, saved = None, True
        if self._store:
            try:
                generation = await self._store.save_generation(
                    doc_facts,
                    curated,
                    fingerprint,
                    [(f.name, f.sha256) for f in state.new_files.values()],
                    [(Path(e.file).name, e.line, e.reason) for e in errors],
                    keys=[f.key or doc_key(f.sha256, rules_key) for f in doc_states],
                )
            except Exception:
                log.exception("could not save the generation")
                saved = False
        snap = Snapshot(snap.facts, snap.index, generation, _now())
        if generation is not None:
            self._merged.schedule(generation, snap.facts)
        phases["save"] = loop.time() - started
        log.debug("reload phases (s since start): %s", {k: round(v, 3) for k, v in phases.items()})

        changes = await asyncio.to_thread(diff_facts, old_facts, snap.facts)  # not on the loop
        self._changes = (old_facts, snap.facts, changes)  # what listeners are told, worked out once
        self._swap(snap, fingerprint)  # readers see old or new, whole
        self._files = state.new_files
        self._lexicon = base_lexicon
        self._config_hash = config_hash
        self._rules_key = rules_key
        self._rules_lexicon = lexicon
        self._errors = tuple(errors)
        outcome = ReloadOutcome(changes, snap.facts.counts(), generation, saved)
        seconds = loop.time() - started
        report = reload_report(who, action, _now(), seconds, seeds, state, clashes, outcome)
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
        return self._lexicon

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
