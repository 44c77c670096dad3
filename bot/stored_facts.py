"""Seed files' last good readings, and reading documents' facts from the store instead of
extracting them again.

A document's facts are stored under its key (its bytes and the rules, bot.generation_keys), so
a start that adopts the stored generation, a reload after a start, or a file edited back to an
earlier text reads them instead of extracting. Example: after a start from the store every
adopted document is a FileState with `result=None`; the first reload fills them in with
`fill_from_store`, and any the store has lost are extracted again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.generation_keys import doc_key
from bot.models import CuratedFacts, DocumentFacts
from bot.seeds import SeedFile

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileState:
    """The last good reading of one seed file."""

    name: str
    sha256: str
    result: DocumentFacts | CuratedFacts | None  # None: in the store under `key`, not loaded
    key: str = ""  # a document's key in the store: its content hash with the rules


async def read_stored(
    store: Store | None, keys: Iterable[str], why: str
) -> dict[str, DocumentFacts]:
    """The stored facts of these document keys; nothing (logged, with `why`) if the store
    cannot be read."""
    if store is None:
        return {}
    try:
        return await store.load_documents(keys)
    except Exception:
        log.exception("cannot read stored facts; %s", why)
        return {}


async def fill_from_store(
    store: Store | None, files: dict[str, FileState], seeds_dir: Path
) -> list[SeedFile]:
    """Fill in the facts of files adopted from the store; those it no longer has are dropped
    from `files` and returned, to be extracted again."""
    waiting = {f.key: f for f in files.values() if f.result is None}
    if not waiting:
        return []
    found = await read_stored(store, waiting, "extracting those files again")
    missing = []
    for key, state in waiting.items():
        if key in found:
            files[state.name] = replace(state, result=found[key])
        else:
            del files[state.name]
            missing.append(SeedFile(seeds_dir / state.name, state.sha256))
    return missing


async def stored_instead(
    store: Store | None,
    todo: list[SeedFile],
    files: dict[str, FileState],
    key_of: Callable[[SeedFile], str],
) -> list[SeedFile]:
    """The files of `todo` whose facts the store has under the same bytes and rules are read
    from it into `files`, not extracted (a start-up after a merging-code change, a file edited
    back to an earlier text); the others are returned, to be extracted."""
    if not todo or store is None:
        return todo
    keys = await asyncio.to_thread(lambda: {s.name: key_of(s) for s in todo})  # a hash each
    found = await read_stored(store, keys.values(), "extracting those files again")
    # Same bytes under another name are another document (its id comes from the name).
    reused = {
        s.name: FileState(s.name, s.sha256, found[keys[s.name]], keys[s.name])
        for s in todo
        if keys[s.name] in found and Path(found[keys[s.name]].document.path).name == s.name
    }
    files.update(reused)
    return [s for s in todo if s.name not in reused]


def stored_documents(
    seeds: list[SeedFile], stored_keys: set[str], rules_key: str
) -> dict[str, FileState]:
    """The documents of an adopted generation, known by their store key under these rules;
    their facts are read later (`fill_from_store`)."""
    out = {}
    for s in seeds:
        key = doc_key(s.sha256, rules_key)
        if s.is_document and key in stored_keys:
            out[s.name] = FileState(s.name, s.sha256, None, key)
    return out


class Prefetch:
    """The stored facts of documents adopted at start-up, read in the background so the first
    reload finds them read (at 1,000 documents it waited ~1 s for them).

    `start(store, files)` reads the facts of every reading in `files` that has none yet and
    fills them in there; `take(files)` waits for that and copies them into another reading of
    the same files (a reload's). Example: a bot that adopts 1,000 documents starts the read;
    its first reload, a minute later, finds them read.
    """

    def __init__(self) -> None:
        self.task: asyncio.Task[None] | None = None
        self._files: dict[str, FileState] = {}

    def start(self, store: Store | None, files: dict[str, FileState]) -> None:
        if store is not None and any(f.result is None for f in files.values()):
            self._files = files
            self.task = asyncio.create_task(self._read(store, files))

    @staticmethod
    async def _read(store: Store, files: dict[str, FileState]) -> None:
        waiting = {f.key: f for f in files.values() if f.result is None}
        found = await read_stored(store, waiting, "the next reload reads them")
        for key, state in waiting.items():
            if key in found and files.get(state.name) is state:
                files[state.name] = replace(state, result=found[key])

    async def take(self, files: dict[str, FileState]) -> None:
        """Wait for the background read, if one was started, and fill in `files` from it."""
        task, self.task = self.task, None
        if task is None:
            return
        await asyncio.wait({task})  # its failure is logged; its cancellation is not ours
        for name, state in files.items():
            read = self._files.get(name)
            if state.result is None and read is not None and read.key == state.key:
                files[name] = read
        self._files = {}

    async def cancel(self) -> None:
        """Stop the background read (at close)."""
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})
