"""One reload from the listing to the new generation, and the start-up's adoption of a stored one.

`next_generation` runs a reload's steps in order over what the live generation was read from
(its `Basis`) and hands back the new generation without making it live: the service swaps it in.
Example: with one document edited, the listing differs, that document is extracted, the merge
and index reuse everything the live generation lends, the save runs beside the merge, and the
result carries the new Snapshot, the new Basis, the report and what changed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.changes import FactChanges, diff_facts
from bot.factbase import FactBase, MergeCache, build_factbase
from bot.merge_ahead import MergeAhead
from bot.merged_saver import MergedSaver
from bot.reload_report import ReloadReport
from bot.reload_run import (
    Basis,
    Listing,
    Phases,
    Progress,
    Snapshot,
    Sources,
    list_seeds,
    read_documents,
    save_generation,
)
from bot.reload_steps import ReloadOutcome, adopted_basis, reload_report
from bot.search import FactIndex
from bot.store_records import utc_now
from bot.stored_facts import FileState, Prefetch, fill_from_store

if TYPE_CHECKING:
    from bot.config import FuzzySettings, Settings
    from bot.extract.lexicon import Lexicon
    from bot.extraction_pool import ExtractionPool
    from bot.models import CuratedFacts, DocumentFacts
    from bot.seed_files import SeedFiles
    from bot.seeds import SeedFile
    from bot.store import Store, StoredGeneration

log = logging.getLogger(__name__)


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
    return Snapshot(facts, index.prepare() if prepare else index, generation, utc_now())


@dataclass(frozen=True)
class ReloadParts:
    """The service's long-lived helpers a reload uses: the seed listing, the store (None when
    running from memory), the extraction pool (taken on first use), what the last merge can
    lend, the background saver of merged facts and the reader of adopted facts. The settings
    are passed to each step, since the service's may be replaced between reloads."""

    seeds: SeedFiles
    store: Callable[[], Store | None]
    pool: Callable[[], ExtractionPool]
    merge_cache: MergeCache
    merged: MergedSaver
    prefetch: Prefetch


@dataclass(frozen=True)
class NextGeneration:
    """A reload's result. `snapshot` and `basis` are None when nothing changed (the live
    generation stays); `diff` is the facts before and what changed from them."""

    report: ReloadReport
    snapshot: Snapshot | None = None
    basis: Basis | None = None
    diff: tuple[FactBase, FactChanges] | None = None


async def next_generation(
    parts: ReloadParts,
    settings: Settings,
    basis: Basis,
    live: Snapshot,
    who: str,
    action: str,
    progress: Progress | None,
) -> NextGeneration:
    """Read what changed since `basis`, merge, index, save and diff; the report is not logged
    and nothing is swapped in (the service does both, in that order: swap, then log)."""
    phases = Phases()
    listing = await list_seeds(parts.seeds, settings.config_dir)
    if listing.unchanged(basis):
        report = ReloadReport(who, action, utc_now(), phases.seconds(),
                              unchanged=len(listing.seeds), generation=live.generation,
                              totals=live.facts.counts())  # fmt: skip
        return NextGeneration(report)
    store = parts.store()

    async def load_stored(files: dict[str, FileState]) -> list[SeedFile]:
        """Fill in the facts of files adopted from the store; those it no longer has are
        returned, to be extracted again."""
        await parts.prefetch.take(files)
        return await fill_from_store(store, files, settings.seeds_dir)

    def ahead(
        curated: CuratedFacts, lexicon: Lexicon, kept: list[DocumentFacts], total: int
    ) -> MergeAhead:
        return MergeAhead(parts.merge_cache, curated, lexicon, settings.fuzzy, kept, total)

    sources = Sources(store, load_stored, parts.pool, settings.limits, ahead)
    read = await read_documents(sources, basis, listing, settings.config_dir, progress, phases)
    doc_facts = [f.result for f in read.documents]
    if progress:
        await progress("Merging and indexing")
    # The generation's documents are saved while they merge: the save is mostly SQLite, which
    # runs beside the merge on another core; the generation goes live after both.
    saving = asyncio.create_task(save_generation(store, read))
    try:
        # The merges done while extracting leave the cache with most documents merged, and
        # the last one's index lends its tables: the merge and index left are small.
        early = await read.ahead.settle() if read.ahead is not None else None
        phases.mark("merge ahead")
        built = await asyncio.to_thread(
            _build_snapshot, parts.merge_cache, settings.fuzzy, doc_facts, read.curated,
            read.rules_lexicon, live.index if early is None else early,
        )  # fmt: skip
    except BaseException:
        await asyncio.wait({saving})  # a generation saved without merged facts is re-merged
        raise
    phases.mark("merge+index")
    diffing = asyncio.create_task(asyncio.to_thread(diff_facts, live.facts, built.facts))
    generation, saved = await saving  # not on the loop
    phases.mark("save")
    snap = Snapshot(built.facts, built.index, generation, utc_now())
    if generation is not None:
        parts.merged.schedule(generation, snap.facts)
    changes = await diffing
    phases.mark("diff")
    log.debug("reload phases (s, CPU s since start): %s", phases.marks)
    outcome = ReloadOutcome(changes, snap.facts.counts(), generation, saved)
    report = await asyncio.to_thread(reload_report, who, action, utc_now(), phases.seconds(),
                                     listing.seeds, read.state, read.clashes, outcome)  # fmt: skip
    return NextGeneration(report, snap, read.basis(), (live.facts, changes))


def _build_snapshot(
    cache: MergeCache,
    fuzzy: FuzzySettings,
    documents: list[DocumentFacts],
    curated: CuratedFacts,
    lexicon: Lexicon,
    previous: FactIndex,
) -> Snapshot:
    """Blocking: merge the documents (reusing what the last merge can lend) and index them,
    the live index lending what did not change."""
    facts = build_factbase(documents, curated, lexicon, cache=cache)
    return index_snapshot(facts, lexicon, fuzzy, None, previous)


async def start_from_store(
    parts: ReloadParts, settings: Settings, basis: Basis, started: float, *, prepare: bool
) -> NextGeneration | None:
    """The store's latest generation, adopted as saved, when the seeds and config still match
    it; else None, the stored documents' facts given to `basis` as their files' last good
    readings (a file that fails to read on the rebuild keeps them)."""
    store = parts.store()
    stored = None
    if store:
        try:
            await parts.seeds.load_stamps(store)
            stored = await store.load_latest(documents=False)
        except Exception:
            log.exception("cannot read the stored generation; rebuilding")
    listing = await list_seeds(parts.seeds, settings.config_dir)
    if store and stored is None and any(not s.is_curated for s in listing.seeds):
        # An empty database: every document is extracted; the workers' start-up (~1 s)
        # overlaps saving the stamps and sorting out what to read.
        await asyncio.to_thread(parts.pool().prestart)
    await parts.seeds.save_stamps(store, {s.name for s in listing.seeds})
    if stored and stored.fingerprint == listing.fingerprint and stored.merged:
        return await _adopt(parts, settings, basis, listing, stored, started, prepare=prepare)
    if stored and store:
        for key, f in (await store.load_documents(stored.doc_keys)).items():
            name = Path(f.document.path).name
            basis.files[name] = FileState(name, f.document.sha256, f, key)
    return None


async def _adopt(
    parts: ReloadParts,
    settings: Settings,
    basis: Basis,
    listing: Listing,
    stored: StoredGeneration,
    started: float,
    *,
    prepare: bool,
) -> NextGeneration:
    """The stored generation, as saved, for a start whose seeds and config match it: its merged
    facts, no re-merging. `prepare` builds the index's tables now (off the loop) and reads every
    document's facts in the background, for a bot that stays up; otherwise tables are built on
    first use (one answer and exit)."""
    adopted = await adopted_basis(basis, listing, stored, settings.limits)
    lexicon = adopted.rules_lexicon or adopted.lexicon
    snap = index_snapshot(stored.merged, lexicon, settings.fuzzy, stored.id, prepare=False)
    if prepare:
        await asyncio.to_thread(snap.index.prepare)
        parts.prefetch.start(parts.store(), adopted.files)
    seconds = asyncio.get_running_loop().time() - started
    report = ReloadReport("startup", "startup", utc_now(), seconds, unchanged=len(listing.seeds),
                          errors=adopted.errors, generation=stored.id, from_store=True,
                          totals=snap.facts.counts())  # fmt: skip
    return NextGeneration(report, snap, adopted)
