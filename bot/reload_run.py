"""One reload's reading and saving, as steps over what the live generation was built from.

The service (bot.service) runs them in order: `list_seeds` (one trip off the loop: the config's
hash, the listing of seeds/, the fingerprint), and when the fingerprint differs,
`read_documents` (curated files, which documents to extract, the store's facts for the rest,
the extraction pool), then merges and indexes, then `save_generation`. Each step takes the
`Basis` of the live generation and returns what the next needs; only the service swaps the
new generation in. Example: with one document edited, `read_documents` sends that one file
to the pool and keeps every other file's reading from the Basis.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import load_lexicon
from bot.errors import ConfigError, SeedError
from bot.extract.lexicon import Lexicon, with_role_synonyms
from bot.generation_keys import doc_key, extractor_version, source_hash
from bot.models import CuratedFacts, DocumentFacts
from bot.reload_steps import ReloadState, documents_to_read, read_curated, take_outcomes
from bot.seed_files import SeedFiles
from bot.seed_files import fingerprint as seed_fingerprint
from bot.seeds import SeedFile, id_clashes
from bot.stored_facts import FileState, stored_instead

if TYPE_CHECKING:
    from bot.extraction_pool import ExtractionPool
    from bot.factbase import FactBase
    from bot.limits import Limits
    from bot.merge_ahead import MergeAhead
    from bot.search import FactIndex
    from bot.store import Store

log = logging.getLogger(__name__)
Progress = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Snapshot:
    """One generation as readers see it: facts and the index built from them."""

    facts: FactBase
    index: FactIndex
    generation: int | None = None
    built: str = ""


@dataclass(frozen=True)
class Basis:
    """What the live generation was read from: the config, the rules documents were extracted
    with (config and curated role synonyms), each file's last good reading, the fingerprint of
    the seeds and config, and the errors reported."""

    lexicon: Lexicon  # the config's word lists
    config_hash: str
    rules_key: str = ""
    rules_lexicon: Lexicon | None = None  # the lexicon of rules_key, kept as one object
    files: dict[str, FileState] = field(default_factory=dict)
    fingerprint: str = ""
    errors: tuple[SeedError | ConfigError, ...] = ()


def config_digest(config_dir: Path) -> str:
    """The extraction config (every config YAML but bot.yaml) and the extraction code."""
    files = [p for p in config_dir.glob("*.yaml") if p.name != "bot.yaml"]
    return source_hash(files) + extractor_version()


@dataclass(frozen=True)
class Listing:
    """seeds/ and the config as a reload found them; the seeds split into curated files and
    documents where the listing is made (off the loop)."""

    seeds: list[SeedFile]
    config_hash: str
    fingerprint: str
    curated: list[SeedFile] = field(init=False)
    documents: list[SeedFile] = field(init=False)

    def __post_init__(self) -> None:
        curated = [s for s in self.seeds if s.is_curated]
        documents = [s for s in self.seeds if not s.is_curated] if curated else self.seeds
        object.__setattr__(self, "curated", curated)
        object.__setattr__(self, "documents", documents)

    def unchanged(self, basis: Basis) -> bool:
        """Whether the live generation was built from these very files and config."""
        return (
            self.config_hash == basis.config_hash
            and not basis.errors
            and self.fingerprint == basis.fingerprint
        )


async def list_seeds(files: SeedFiles, config_dir: Path) -> Listing:
    """The config's hash, the seed files and their fingerprint, in one trip off the loop (each
    step is linear in the files: at 1,000 files each held the loop 20-60 ms)."""

    def blocking() -> Listing:
        config_hash = config_digest(config_dir)
        seeds = files.list()
        return Listing(seeds, config_hash, files.fingerprint(seeds, config_hash))

    return await asyncio.to_thread(blocking)


@dataclass
class Read:
    """What `read_documents` read: every file's reading (`state`), the curated facts, and the
    rules and lexicon the documents were extracted with."""

    state: ReloadState
    curated: CuratedFacts
    lexicon: Lexicon  # the config's word lists
    config_hash: str
    fingerprint: str
    rules_key: str
    rules_lexicon: Lexicon
    clashes: dict[str, SeedError]
    packed: dict[str, bytes]  # extracted documents' facts packed for the store, by file name
    documents: list[FileState]  # the documents' readings
    ahead: MergeAhead | None = None  # the merges done while the documents were extracted

    def basis(self) -> Basis:
        """The Basis of the generation built from this reading."""
        return Basis(
            self.lexicon,
            self.config_hash,
            self.rules_key,
            self.rules_lexicon,
            self.state.new_files,
            self.fingerprint,
            tuple(self.state.errors),
        )


@dataclass(frozen=True)
class Sources:
    """Where `read_documents` gets facts it does not have: the store, the files adopted at
    start-up (`load_stored`), the extraction pool (taken on first use), the limits; and what
    merges the documents while they are extracted (`ahead`: curated facts, lexicon, the
    documents kept, how many are extracted → bot.merge_ahead.MergeAhead)."""

    store: Store | None
    load_stored: Callable[[dict[str, FileState]], Awaitable[list[SeedFile]]]
    pool: Callable[[], ExtractionPool]
    limits: Limits
    ahead: Callable[[CuratedFacts, Lexicon, list[DocumentFacts], int], MergeAhead] | None = None


class Phases:
    """Seconds and the process's CPU seconds since a reload started, at each phase's end, for
    the debug log: `{'list': (0.012, 0.011), 'extract': (0.05, 0.02), ...}`."""

    def __init__(self) -> None:
        self._start = (time.perf_counter(), time.process_time())
        self.marks: dict[str, tuple[float, float]] = {}

    def seconds(self) -> float:
        """Seconds since the reload started."""
        return time.perf_counter() - self._start[0]

    def mark(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.marks[name] = (round(wall - self._start[0], 3), round(cpu - self._start[1], 3))


async def read_documents(
    sources: Sources,
    basis: Basis,
    listing: Listing,
    config_dir: Path,
    progress: Progress | None,
    phases: Phases,
) -> Read:
    """Read what changed since `basis`: the config, every curated file, and the documents whose
    bytes or rules changed (from the store when it has them, else by the pool); a file that
    fails keeps its last good reading, and its error goes in the state."""
    errors: list[SeedError | ConfigError] = []
    config_hash, fingerprint = listing.config_hash, listing.fingerprint
    try:
        lexicon = (
            basis.lexicon
            if config_hash == basis.config_hash
            else await asyncio.to_thread(load_lexicon, config_dir)
        )
    except ConfigError as exc:
        errors.append(exc)
        lexicon, config_hash = basis.lexicon, basis.config_hash
        fingerprint = await asyncio.to_thread(seed_fingerprint, listing.seeds, config_hash)
    state = ReloadState(dict(basis.files), errors=errors)
    curated = await read_curated(state, listing.curated, sources.limits)
    rules_key = f"{config_hash}:{curated.role_synonyms!r}"
    same_rules = rules_key == basis.rules_key
    rules_lexicon = (
        basis.rules_lexicon
        if same_rules and basis.rules_lexicon is not None
        else with_role_synonyms(lexicon, curated.role_synonyms)
    )
    key_of = functools.partial(_seed_key, rules_key=rules_key)
    clashes, todo = await asyncio.to_thread(
        _sort_out, state, listing.documents, same_rules, key_of
    )  # linear in the files: off the loop
    todo += await sources.load_stored(state.new_files)
    todo = await stored_instead(sources.store, todo, state.new_files, key_of)
    phases.mark("list")
    packed: dict[str, bytes] = {}
    ahead = None
    outcomes: list[DocumentFacts | SeedError] = []
    if todo:
        pool = sources.pool()
        if sources.ahead is not None:
            kept = [
                f.result for f in state.new_files.values() if isinstance(f.result, DocumentFacts)
            ]
            ahead = sources.ahead(curated, rules_lexicon, kept, len(todo))
        each, go = (ahead.take, ahead.go) if ahead is not None else (None, None)
        try:
            outcomes = await pool.extract(
                todo, rules_lexicon, sources.limits, progress, packed, each, go
            )
        except BaseException:
            if ahead is not None:  # the merge cache is free again before the error goes up
                await ahead.stop()
            raise
    phases.mark("extract")
    documents = await asyncio.to_thread(_documents, state, todo, outcomes, rules_key)
    return Read(
        state, curated, lexicon, config_hash, fingerprint, rules_key, rules_lexicon, clashes,
        packed, documents, ahead,
    )  # fmt: skip


def _seed_key(seed: SeedFile, rules_key: str) -> str:
    return doc_key(seed.sha256, rules_key)


def _sort_out(
    state: ReloadState,
    documents: list[SeedFile],
    same_rules: bool,
    key_of: Callable[[SeedFile], str],
) -> tuple[dict[str, SeedError], list[SeedFile]]:
    """Blocking: the files refused for an id another file has (their errors go in the
    state), and the documents to read; the others keep their reading in the state."""
    clashes = id_clashes(documents, set(state.old_files))  # ids are kept: ~1 ms at 1,000
    state.errors.extend(clashes.values())
    if clashes:
        documents = [s for s in documents if s.name not in clashes]
    return clashes, documents_to_read(state, documents, same_rules, key_of)


def _documents(
    state: ReloadState,
    todo: list[SeedFile],
    outcomes: list[DocumentFacts | SeedError],
    rules_key: str,
) -> list[FileState]:
    """Blocking: the extraction outcomes filed in the state, and the documents' readings in
    the state's order."""
    take_outcomes(state, todo, outcomes, rules_key)
    return [f for f in state.new_files.values() if isinstance(f.result, DocumentFacts)]


async def save_generation(store: Store | None, read: Read) -> tuple[int | None, bool]:
    """Store the generation `read` makes: (its id, whether it was saved); (None, True) without
    a store, (None, False) when saving failed (logged: the bot answers from memory)."""
    if store is None:
        return None, True
    facts, keys, packed, files, errors = await asyncio.to_thread(_save_rows, read)
    try:
        generation = await store.save_generation(
            facts, read.curated, read.fingerprint, files, errors, keys=keys, packed=packed
        )
    except Exception:
        log.exception("could not save the generation")
        return None, False
    return generation, True


def _save_rows(
    read: Read,
) -> tuple[
    list[DocumentFacts],
    list[str],
    dict[str, bytes],
    list[tuple[str, str]],
    list[tuple[str, int | None, str]],
]:
    """Blocking (linear in the files): what `save_generation` stores, as the store takes it."""
    documents = read.documents
    keys = [f.key or doc_key(f.sha256, read.rules_key) for f in documents]
    packed = {
        k: read.packed[f.name]
        for f, k in zip(documents, keys, strict=True)
        if f.name in read.packed
    }
    return (
        [f.result for f in documents],  # type: ignore[misc]
        keys,
        packed,
        [(f.name, f.sha256) for f in read.state.new_files.values()],
        [(Path(e.file).name, e.line, e.reason) for e in read.state.errors],
    )
