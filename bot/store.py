"""The persistent store: generations of extracted facts and the reload log.

A generation is the result of one load of seeds/. Storing it lets start-up skip extraction when
the seeds are unchanged, so it is written in one transaction (a crash or a bad fact mid-save
leaves the previous generation as the latest, whole) and read back as the very same frozen
objects. The newest few generations are kept so a bad reload can be inspected afterwards.

What grows with the corpus is stored once: a document's facts are kept per *document key* (its
content hash with the rules that extracted it), shared by every generation that has it, so a
reload that changes one file writes one document. A generation lists its documents' keys and
holds its merged fact base, so start-up loads what was answered from, without re-merging, and
decodes each part of it only when an answer first reads it. After each save the WAL is
checkpointed, so the database is one file of about its data's size.

The modules behind it: bot.store_schema (opening, the tables, unusable files moved aside),
bot.store_generations (the generation tables), bot.store_records (the records and how they
are packed), bot.store_log (the reload log). All database I/O goes through aiosqlite; the
CPU-bound part (JSON, zlib) runs in a worker thread, so the bot's event loop never waits on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiosqlite

from bot import store_generations as tables
from bot.codec import StaleRecord, from_json, to_json, unpack
from bot.factbase import FactBase
from bot.merged_parts import encode_parts
from bot.models import CuratedFacts, DocumentFacts
from bot.store_log import KEEP_LOG_ENTRIES, ReloadLogEntry, append_entry, recent_entries
from bot.store_records import (
    GenerationInfo,
    StoredGeneration,
    content_key,
    decode_generation,
    encode_document_facts,
    encode_header,
    utc_now,
)
from bot.store_schema import SCHEMA_VERSION, Database, StoreUnavailable, open_connection
from bot.store_seeds import SeedStats, read_stats, write_stats

__all__ = [
    "KEEP_GENERATIONS",
    "KEEP_LOG_ENTRIES",
    "SCHEMA_VERSION",
    "GenerationInfo",
    "ReloadLogEntry",
    "StaleRecord",
    "Store",
    "StoreUnavailable",
    "StoredGeneration",
    "content_key",
    "encode_document_facts",
    "from_json",
    "to_json",
    "utc_now",
]

log = logging.getLogger(__name__)

#: How many generations survive a save (the newest ones).
KEEP_GENERATIONS = 3


def _packed_rows(
    documents: dict[str, DocumentFacts], packed: Mapping[str, bytes]
) -> list[tuple[str, bytes]]:
    """(key, packed facts) for each document: packed already, or packed now."""
    return [(k, packed.get(k) or encode_document_facts(f)) for k, f in documents.items()]


class _Opening:
    """What `Store.open` returns: await it for a Store, or use it in `async with`."""

    def __init__(self, path: Path | str, keep: int) -> None:
        self._path = path
        self._keep = keep
        self._store: Store | None = None

    def __await__(self) -> Generator[Any, None, Store]:
        return Store._create(self._path, self._keep).__await__()

    async def __aenter__(self) -> Store:
        self._store = await Store._create(self._path, self._keep)
        return self._store

    async def __aexit__(self, *exc_info: object) -> None:
        if self._store is not None:
            await self._store.close()


class Store(Database):
    """The bot's SQLite database: generations of facts and the reload log, over one connection
    with one operation at a time (see Database)."""

    def __init__(self, conn: aiosqlite.Connection, path: str, keep: int) -> None:
        super().__init__(conn, path)
        self.keep = keep
        self._saved = tables.SavedKeys()  # the keys a save need not look up

    @classmethod
    def open(cls, path: Path | str, *, keep: int = KEEP_GENERATIONS) -> _Opening:
        """Open (creating if needed) the database at `path`; ":memory:" for a throwaway one.

        `await Store.open(p)` or `async with Store.open(p) as store:`.
        """
        return _Opening(path, keep)

    @classmethod
    async def _create(cls, path: Path | str, keep: int) -> Store:
        if keep < 1:
            raise ValueError("a store keeps at least one generation")
        conn = await open_connection(path)
        return cls(conn, str(path) if str(path) == ":memory:" else str(Path(path)), keep)

    # --- generations ---

    async def save_generation(
        self,
        documents: Sequence[DocumentFacts],
        curated: CuratedFacts,
        fingerprint: str,
        files: Sequence[tuple[str, str]],
        errors: Sequence[tuple[str, int | None, str]] = (),
        *,
        keys: Sequence[str] | None = None,
        merged: FactBase | None = None,
        packed: Mapping[str, bytes] | None = None,
    ) -> int:
        """Store one whole generation in one transaction and return its id.

        `keys` name each document's facts (content hash + extraction rules, from the service);
        facts already stored under a key are not written again. `merged` is the fact base as
        answered from. Generations beyond the newest `keep`, and facts no generation lists,
        are deleted. If anything fails, nothing of this generation is stored. `packed` holds
        documents' facts packed already, by key (the extraction workers pack them); the others
        are packed here, in one trip to a worker thread.
        """
        if keys is None:
            keys = await asyncio.to_thread(lambda: [content_key(f) for f in documents])
        if len(keys) != len(documents):
            raise ValueError("one key per document")
        header = await asyncio.to_thread(encode_header, curated, tuple(files), tuple(errors))
        parts = await asyncio.to_thread(encode_parts, merged) if merged else []
        async with self._lock:
            async with self._transaction() as conn:
                generation = await tables.insert_generation(conn, utc_now(), fingerprint, header)
                stored = await self._saved.stored(conn, keys)
                new = {k: f for f, k in zip(documents, keys, strict=True) if k not in stored}
                rows = await asyncio.to_thread(_packed_rows, new, packed or {})
                await tables.insert_all_facts(conn, rows)
                rows = [(f.document.id, k) for f, k in zip(documents, keys, strict=True)]
                await tables.insert_documents(conn, generation, rows)
                await tables.insert_parts(conn, generation, parts)
                await tables.prune(conn, self.keep)
            self._saved = tables.SavedKeys(generation, frozenset(keys))
            await tables.checkpoint(self.conn)
        return generation

    async def save_merged(self, generation: int, merged: FactBase) -> None:
        """Attach the merged facts to a stored generation (see `slim` for what is kept)."""
        parts = await asyncio.to_thread(encode_parts, merged)
        async with self._lock:
            async with self._transaction() as conn:
                await tables.replace_parts(conn, generation, parts)
            await tables.checkpoint(self.conn)

    async def list_generations(self) -> list[GenerationInfo]:
        """The stored generations, newest first, without decoding their facts."""
        async with self._lock:
            return await tables.list_generations(self.conn)

    async def latest_fingerprint(self) -> str | None:
        """The newest generation's fingerprint: start-up compares it before loading anything."""
        async with self._lock:
            return await tables.latest(self.conn, "fingerprint")

    async def load_latest(self, *, documents: bool = True) -> StoredGeneration | None:
        """The newest generation, or None when there is none or it no longer fits the models.

        With `documents=False` the per-document facts are not read (start-up answers from the
        merged facts; `load_documents` fetches them when a reload needs them).
        """
        async with self._lock:
            latest = await tables.latest(self.conn, "id")
        return await self.load_generation(latest, documents=documents) if latest else None

    async def load_generation(
        self, generation: int, *, documents: bool = True
    ) -> StoredGeneration | None:
        """One generation by id; None when it is gone or no longer fits the models (logged)."""
        async with self._lock:
            found = await tables.read_generation(self.conn, generation)
        if found is None:
            return None
        try:
            stored = await asyncio.to_thread(decode_generation, *found)
            if documents:
                by_key = await self.load_documents(stored.doc_keys)
                stored = replace(stored, documents=tuple(by_key[k] for k in stored.doc_keys))
        except (StaleRecord, KeyError) as exc:
            log.warning(
                "stored generation %s does not fit the models (%s); ignoring it", found[0][0], exc
            )
            return None
        return stored

    async def load_documents(self, keys: Iterable[str]) -> dict[str, DocumentFacts]:
        """The stored facts for these document keys (missing keys are left out)."""
        async with self._lock:
            blobs = await tables.read_facts(self.conn, keys)
        return await asyncio.to_thread(
            lambda: {k: unpack(DocumentFacts, blob) for k, blob in blobs}
        )

    # --- seed files ---

    async def load_seed_stats(self) -> SeedStats:
        """Each seed file's (size, mtime, inode, sha256) as last saved (bot.store_seeds)."""
        async with self._lock:
            return await read_stats(self.conn)

    async def save_seed_stats(self, stats: SeedStats) -> None:
        async with self._lock, self._transaction() as conn:
            await write_stats(conn, stats)

    # --- reload log ---

    async def log_reload(self, entry: ReloadLogEntry) -> None:
        """Append one entry to the reload log (and forget the oldest beyond KEEP_LOG_ENTRIES)."""
        async with self._lock, self._transaction() as conn:
            await append_entry(conn, entry)

    async def recent_reloads(self, limit: int = 10) -> list[ReloadLogEntry]:
        """The newest `limit` log entries, newest first."""
        async with self._lock:
            return await recent_entries(self.conn, limit)
