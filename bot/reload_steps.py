"""The steps of a reload that need no service state: reading curated files, telling which
documents need extracting, taking the extraction outcomes, the report, and the Basis of a
stored generation adopted at start-up.

Each takes the seed files and the last good readings (`FileState` by file name) and returns new
ones; the service runs them in order (BriefingService._reload). Example: with `a.md` unchanged
and `b.md` edited, `documents_to_read` keeps `a.md`'s reading and returns `[b.md]`; after
extraction, `take_outcomes` files `b.md`'s new facts, or keeps its last good facts and records
the error if it failed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.changes import FactChanges, change_counts
from bot.errors import ConfigError, SeedError
from bot.extract.lexicon import with_role_synonyms
from bot.generation_keys import doc_key
from bot.limits import Limits
from bot.models import CuratedFacts, DocumentFacts
from bot.reload_report import ReloadReport
from bot.seeds import SeedFile, merge_curated, read_seed
from bot.stored_facts import FileState, stored_documents

if TYPE_CHECKING:
    from bot.reload_run import Basis, Listing
    from bot.store import StoredGeneration


@dataclass
class ReloadState:
    """What a reload has read so far: new readings, files kept at their last good reading
    (they failed now), and the errors to report."""

    old_files: dict[str, FileState]
    new_files: dict[str, FileState] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    errors: list[SeedError | ConfigError] = field(default_factory=list)

    def keep_old(self, name: str, error: SeedError) -> None:
        """A file that failed now keeps its last good reading, if it had one."""
        self.errors.append(error)
        if name in self.old_files:
            self.new_files[name] = self.old_files[name]
            self.kept.append(name)


async def read_curated(state: ReloadState, seeds: list[SeedFile], limits: Limits) -> CuratedFacts:
    """Read every curated file (off the loop) into `state`, and merge them: their role
    synonyms shape how documents are extracted, so they come first."""
    for s in seeds:
        if not s.is_curated:
            continue
        try:
            part = await asyncio.to_thread(read_seed, s, limits)
            state.new_files[s.name] = FileState(s.name, s.sha256, part)
        except SeedError as exc:
            state.keep_old(s.name, exc)
    return merge_curated([f.result for f in state.new_files.values()])  # type: ignore[misc]


def documents_to_read(
    state: ReloadState,
    documents: list[SeedFile],
    same_rules: bool,
    key_of: Callable[[SeedFile], str],
) -> list[SeedFile]:
    """The documents whose bytes or rules changed; the others keep their reading in `state`."""
    todo = []
    for s in documents:
        old = state.old_files.get(s.name)
        if old and old.sha256 == s.sha256 and (same_rules or old.key == key_of(s)):
            state.new_files[s.name] = old
        else:
            todo.append(s)
    return todo


def take_outcomes(
    state: ReloadState,
    todo: list[SeedFile],
    outcomes: list[DocumentFacts | SeedError],
    rules_key: str,
) -> None:
    """File each extracted document's facts under its key; a failed one keeps its last good
    facts and its error is reported."""
    for s, outcome in zip(todo, outcomes, strict=True):
        if isinstance(outcome, DocumentFacts):
            state.new_files[s.name] = FileState(
                s.name, s.sha256, outcome, doc_key(s.sha256, rules_key)
            )
        else:
            state.keep_old(s.name, outcome)


@dataclass(frozen=True)
class ReloadOutcome:
    """How a reload ended: the generation saved (None when there is no store or it failed)."""

    changes: FactChanges
    totals: dict[str, int]
    generation: int | None
    saved: bool


def reload_report(
    who: str,
    action: str,
    when: str,
    seconds: float,
    seeds: list[SeedFile],
    state: ReloadState,
    clashes: dict[str, SeedError],
    outcome: ReloadOutcome,
) -> ReloadReport:
    """The report of a reload that read something. "changed" counts files whose bytes
    changed; a re-read caused only by new config or extraction rules is not a change."""
    old, new = state.old_files, state.new_files
    names = {s.name for s in seeds}
    added, removed = change_counts(outcome.changes)
    return ReloadReport(
        who=who,
        action=action,
        when=when,
        seconds=seconds,
        added=tuple(n for n in names if n not in old and n not in clashes),
        changed=tuple(n for n in names if n in old and old[n].sha256 != new.get(n, old[n]).sha256),
        removed=tuple(n for n in old if n not in names),
        unchanged=sum(1 for s in seeds if s.name in old and old[s.name].sha256 == s.sha256),
        facts_added=added,
        facts_removed=removed,
        errors=tuple(state.errors),
        kept=tuple(state.kept),
        generation=outcome.generation,
        saved=outcome.saved,
        totals=outcome.totals,
    )


async def adopted_basis(
    basis: Basis, listing: Listing, stored: StoredGeneration, limits: Limits
) -> Basis:
    """The Basis of a stored generation adopted as saved: its curated files read now (one
    that fails now is left out; the stored errors tell), its documents known by their store key
    under the rules those curated files give, their facts read later (`fill_from_store`)."""
    read = ReloadState({})
    curated = await read_curated(read, listing.seeds, limits)
    synonyms = curated.role_synonyms
    rules_key = f"{basis.config_hash}:{synonyms!r}"
    files = {**basis.files, **read.new_files}
    files.update(stored_documents(listing.seeds, set(stored.doc_keys), rules_key))
    return replace(
        basis,
        rules_key=rules_key,
        rules_lexicon=with_role_synonyms(basis.lexicon, synonyms),
        files=files,
        fingerprint=listing.fingerprint,
        errors=tuple(SeedError(f, line, why) for f, line, why in stored.errors),
    )
