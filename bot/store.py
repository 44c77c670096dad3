"""The persistent store: generations of extracted facts and the reload log.

A generation is the result of one load of seeds/. Storing it lets start-up skip extraction when
the seeds are unchanged, so it is written in one transaction (a crash or a bad fact mid-save
leaves the previous generation as the latest, whole) and read back as the very same frozen
objects. The newest few generations are kept so a bad reload can be inspected afterwards.

What grows with the corpus is stored once: a document's facts are kept per *document key* (its
content hash with the rules that extracted it), shared by every generation that has it, so a
reload that changes one file writes one document. A generation lists its documents' keys and
holds its merged fact base, so start-up loads what was answered from, without re-merging.
Facts are typed JSON (bot.codec), zlib-compressed; a stored record that no longer fits the
models reads as "nothing stored" (the service re-extracts) instead of crashing start-up. After
each save the WAL is checkpointed, so the database is one file of about its data's size.

All database I/O goes through aiosqlite; the CPU-bound part (JSON, zlib) runs in a worker
thread, so the bot's event loop never waits on it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import zlib
from collections.abc import AsyncIterator, Generator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiosqlite

from bot.codec import StaleRecord, from_json, to_json
from bot.factbase import FactBase
from bot.merged_parts import encode_parts, lazy_parts
from bot.models import CuratedFacts, DocumentFacts
from bot.store_follows import migrate as migrate_follows

log = logging.getLogger(__name__)

#: Bump when the tables change; a database with another version is moved aside and recreated.
SCHEMA_VERSION = 4
#: How many generations survive a save (the newest ones).
KEEP_GENERATIONS = 3
#: How many reload-log entries survive (the newest ones); the log is for people, not archives.
KEEP_LOG_ENTRIES = 5000

_SCHEMA = f"""
BEGIN;
CREATE TABLE generations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    curated TEXT NOT NULL,
    files TEXT NOT NULL,
    errors TEXT NOT NULL
);
CREATE TABLE merged_parts (
    generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    field TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (generation, seq)
) WITHOUT ROWID;
CREATE TABLE documents (
    generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    PRIMARY KEY (generation, position)
) WITHOUT ROWID;
CREATE TABLE document_facts (
    doc_key TEXT PRIMARY KEY,
    facts BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE reload_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    errors TEXT NOT NULL,
    generation INTEGER
);
PRAGMA user_version = {SCHEMA_VERSION};
COMMIT;
"""


@dataclass(frozen=True)
class StoredGeneration:
    """One stored load of seeds/, exactly as the service saved it."""

    id: int
    created: str  # ISO 8601 UTC
    fingerprint: str  # opaque: the service's hash of seeds + config
    documents: tuple[DocumentFacts, ...]  # empty when loaded with documents=False
    curated: CuratedFacts
    files: tuple[tuple[str, str], ...]  # (seed file name, sha256)
    errors: tuple[tuple[str, int | None, str], ...]  # (file, line, reason) at build time
    doc_keys: tuple[str, ...] = ()  # each document's key, in order
    merged: FactBase | None = None  # the merged facts as answered from (merged_parts.slim)


@dataclass(frozen=True)
class GenerationInfo:
    """A stored generation's header, cheap to list (no facts decoded)."""

    id: int
    created: str
    fingerprint: str
    documents: int


@dataclass(frozen=True)
class ReloadLogEntry:
    """Who changed the fact base, when, and what changed: the admin audit trail."""

    when: str  # ISO 8601 UTC
    who: str  # "console", "startup", or a Discord user "name (id)"
    action: str  # "startup", "reload", "upload", "refused", ...
    summary: str  # one line: what changed
    errors: tuple[str, ...] = ()
    generation: int | None = None


def utc_now() -> str:
    """The timestamp format of the store: ISO 8601, UTC, whole seconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _pack(tp: Any, value: Any) -> bytes:
    return zlib.compress(to_json(tp, value).encode("utf-8"), 6)


def _unpack(tp: Any, blob: bytes) -> Any:
    try:
        text = zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise StaleRecord(f"not a stored record: {exc}") from None
    return from_json(tp, text)


def encode_document_facts(facts: DocumentFacts) -> bytes:
    """One document's facts, packed (a module function so tests can make it fail)."""
    return _pack(DocumentFacts, facts)


def content_key(facts: DocumentFacts) -> str:
    """A key for facts whose extraction rules the caller cannot name: the hash of the facts."""
    return hashlib.sha256(to_json(DocumentFacts, facts).encode("utf-8")).hexdigest()


_FILES = tuple[tuple[str, str], ...]
_ERRORS = tuple[tuple[str, int | None, str], ...]


# --- the store ----------------------------------------------------------------------------------


def _backup_path(path: Path, label: str) -> Path:
    target = path.with_name(f"{path.name}.bak-{label}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bak-{label}.{n}")
        n += 1
    return target


def _move_aside(path: Path, label: str) -> Path:
    """Rename the database (and any WAL/SHM files beside it) out of the way; returns the new name."""
    target = _backup_path(path, label)
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


async def _connect(path: str) -> aiosqlite.Connection:
    return await aiosqlite.connect(path, isolation_level=None)


async def _schema_state(conn: aiosqlite.Connection) -> tuple[int, int]:
    """(user_version, number of schema objects); DatabaseError if the file is not a database."""
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    async with conn.execute("SELECT count(*) FROM sqlite_master") as cur:
        count = await cur.fetchone()
    return (int(row[0]) if row else 0), (int(count[0]) if count else 0)


class StoreUnavailable(Exception):
    """The database cannot be used at all (read-only file or folder); the bot runs from memory."""


async def _damage(conn: aiosqlite.Connection) -> str:
    """'' for a healthy database, else what `PRAGMA quick_check` found first."""
    async with conn.execute("PRAGMA quick_check(1)") as cur:
        row = await cur.fetchone()
    result = str(row[0]) if row else "no answer from quick_check"
    return "" if result == "ok" else result


async def _probe_writable(conn: aiosqlite.Connection, file: Path) -> None:
    """StoreUnavailable (closing `conn`) if the file or its folder refuses writes."""
    try:
        async with conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        await conn.execute("BEGIN IMMEDIATE")
        try:  # a write of the header that changes nothing, rolled back
            await conn.execute(f"PRAGMA user_version = {int(row[0]) if row else 0}")
        finally:
            await conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        await conn.close()
        raise StoreUnavailable(
            f"the database {file} cannot be written ({exc}); the bot answers from memory and "
            "saves nothing until the file and its folder are writable"
        ) from None


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


class Store:
    """The bot's SQLite database. One connection; one operation at a time (an asyncio lock), so
    a load never sees a generation half-written by a concurrent save on the same connection."""

    def __init__(self, conn: aiosqlite.Connection, path: str, keep: int) -> None:
        self._conn: aiosqlite.Connection | None = conn
        self.path = path
        self.keep = keep
        self._lock = asyncio.Lock()

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
        name = str(path)
        if name == ":memory:":
            conn = await _connect(name)
            await conn.executescript(_SCHEMA)
            await migrate_follows(conn)
            return cls(conn, name, keep)
        file = Path(path)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot make the database folder {file.parent} ({exc.strerror}); the bot "
                "answers from memory"
            ) from None
        conn = await cls._checked_connection(file)
        await migrate_follows(conn)
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA busy_timeout = 5000")
        return cls(conn, str(file), keep)

    @staticmethod
    async def _checked_connection(file: Path) -> aiosqlite.Connection:
        """A connection to a healthy database with our schema, moving an unusable file aside.

        Unusable: not a database, damaged anywhere (`PRAGMA quick_check` reads every page, so
        damage past the first page is found now, not at every later save), or another schema
        version. Each is moved aside once, with one warning naming the new file; the bot then
        rebuilds from seeds/. A database that cannot be written raises StoreUnavailable.
        """
        conn = await _connect(str(file))
        try:
            version, objects = await _schema_state(conn)
            problem = await _damage(conn)
        except sqlite3.DatabaseError as exc:
            problem = str(exc)
            version = objects = 0
        except BaseException:
            await conn.close()
            raise
        if problem:
            await conn.close()
            moved = _move_aside(file, "unreadable")
            log.warning(
                "database %s is damaged (%s); moved it to %s and started a new one",
                file,
                problem,
                moved.name,
            )
            conn = await _connect(str(file))
            version, objects = 0, 0
        await _probe_writable(conn, file)
        if version == SCHEMA_VERSION:
            return conn
        if version == 0 and objects == 0:
            await conn.executescript(_SCHEMA)
            return conn
        await conn.close()
        moved = _move_aside(file, str(version))
        log.warning(
            "database %s has schema version %s, this bot uses %s; moved it to %s and started "
            "a new one",
            file,
            version,
            SCHEMA_VERSION,
            moved.name,
        )
        conn = await _connect(str(file))
        await conn.executescript(_SCHEMA)
        return conn

    async def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await conn.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("the store is closed")
        return self._conn

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (cancellation included)."""
        conn = self.conn
        await conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        await conn.execute("COMMIT")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection in one transaction, under the store's lock: for the tables other
        modules keep in this database (bot.store_follows)."""
        async with self._lock, self._transaction() as conn:
            yield conn

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection under the store's lock, for reads by other modules' tables."""
        async with self._lock:
            yield self.conn

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
    ) -> int:
        """Store one whole generation in one transaction and return its id.

        `keys` name each document's facts (content hash + extraction rules, from the service);
        facts already stored under a key are not written again. `merged` is the fact base as
        answered from. Generations beyond the newest `keep`, and facts no generation lists,
        are deleted. If anything fails, nothing of this generation is stored.
        """
        if keys is None:
            keys = await asyncio.to_thread(lambda: [content_key(f) for f in documents])
        if len(keys) != len(documents):
            raise ValueError("one key per document")
        header = await asyncio.to_thread(
            lambda: (
                to_json(CuratedFacts, curated),
                to_json(_FILES, tuple(files)),
                to_json(_ERRORS, tuple(errors)),
            )
        )
        parts = await asyncio.to_thread(encode_parts, merged) if merged else []
        async with self._lock:
            async with self._transaction() as conn:
                cur = await conn.execute(
                    "INSERT INTO generations (created, fingerprint, curated, files, errors)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (utc_now(), fingerprint, *header),
                )
                generation = cur.lastrowid
                await cur.close()
                if generation is None:
                    raise RuntimeError("SQLite gave the new generation no id")
                stored = await self._stored_keys(conn, keys)
                for facts, key in zip(documents, keys, strict=True):
                    if key in stored:
                        continue
                    payload = await asyncio.to_thread(encode_document_facts, facts)
                    await conn.execute(
                        "INSERT INTO document_facts (doc_key, facts) VALUES (?, ?)", (key, payload)
                    )
                    stored.add(key)
                await conn.executemany(
                    "INSERT INTO documents (generation, position, doc_id, doc_key) "
                    "VALUES (?, ?, ?, ?)",
                    [
                        (generation, i, f.document.id, k)
                        for i, (f, k) in enumerate(zip(documents, keys, strict=True))
                    ],
                )
                await self._insert_parts(conn, generation, parts)
                await self._prune(conn)
            await self._checkpoint()
        return generation

    @staticmethod
    async def _insert_parts(
        conn: aiosqlite.Connection, generation: int, parts: list[tuple[str, bytes]]
    ) -> None:
        await conn.executemany(
            "INSERT INTO merged_parts (generation, seq, field, data) VALUES (?, ?, ?, ?)",
            [(generation, i, name, data) for i, (name, data) in enumerate(parts)],
        )

    @staticmethod
    async def _stored_keys(conn: aiosqlite.Connection, keys: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT doc_key FROM document_facts WHERE doc_key IN ({marks})"
            async with conn.execute(sql, chunk) as cur:
                found.update(r[0] for r in await cur.fetchall())
        return found

    async def save_merged(self, generation: int, merged: FactBase) -> None:
        """Attach the merged facts to a stored generation (see `slim` for what is kept)."""
        parts = await asyncio.to_thread(encode_parts, merged)
        async with self._lock:
            async with self._transaction() as conn:
                await conn.execute("DELETE FROM merged_parts WHERE generation = ?", (generation,))
                async with conn.execute(
                    "SELECT 1 FROM generations WHERE id = ?", (generation,)
                ) as cur:
                    if await cur.fetchone() is None:
                        return  # pruned meanwhile: nothing to attach to
                await self._insert_parts(conn, generation, parts)
            await self._checkpoint()

    async def _checkpoint(self) -> None:
        """Fold the WAL back into the database file, so it does not grow with every save."""
        try:
            await self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:  # a reader holds the WAL: the next save retries
            log.debug("WAL checkpoint postponed: %s", exc)

    async def _prune(self, conn: aiosqlite.Connection) -> None:
        keep = "SELECT id FROM generations ORDER BY id DESC LIMIT ?"
        await conn.execute(f"DELETE FROM documents WHERE generation NOT IN ({keep})", (self.keep,))
        await conn.execute(f"DELETE FROM generations WHERE id NOT IN ({keep})", (self.keep,))
        await conn.execute(
            "DELETE FROM merged_parts WHERE generation NOT IN (SELECT id FROM generations)"
        )
        await conn.execute(
            "DELETE FROM document_facts WHERE doc_key NOT IN (SELECT doc_key FROM documents)"
        )

    async def list_generations(self) -> list[GenerationInfo]:
        """The stored generations, newest first, without decoding their facts."""
        sql = (
            "SELECT g.id, g.created, g.fingerprint, "
            "(SELECT count(*) FROM documents d WHERE d.generation = g.id) "
            "FROM generations g ORDER BY g.id DESC"
        )
        async with self._lock, self.conn.execute(sql) as cur:
            rows = await cur.fetchall()
        return [GenerationInfo(r[0], r[1], r[2], r[3]) for r in rows]

    async def latest_fingerprint(self) -> str | None:
        """The newest generation's fingerprint: start-up compares it before loading anything."""
        sql = "SELECT fingerprint FROM generations ORDER BY id DESC LIMIT 1"
        async with self._lock, self.conn.execute(sql) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    async def load_latest(self, *, documents: bool = True) -> StoredGeneration | None:
        """The newest generation, or None when there is none or it no longer fits the models.

        With `documents=False` the per-document facts are not read (start-up answers from the
        merged facts; `load_documents` fetches them when a reload needs them).
        """
        sql = "SELECT id FROM generations ORDER BY id DESC LIMIT 1"
        async with self._lock, self.conn.execute(sql) as cur:
            row = await cur.fetchone()
        return await self.load_generation(row[0], documents=documents) if row else None

    async def load_generation(
        self, generation: int, *, documents: bool = True
    ) -> StoredGeneration | None:
        """One generation by id; None when it is gone or no longer fits the models (logged)."""
        async with self._lock:
            async with self.conn.execute(
                "SELECT id, created, fingerprint, curated, files, errors "
                "FROM generations WHERE id = ?",
                (generation,),
            ) as cur:
                head = await cur.fetchone()
            if head is None:
                return None
            async with self.conn.execute(
                "SELECT doc_key FROM documents WHERE generation = ? ORDER BY position",
                (generation,),
            ) as cur:
                keys = tuple(r[0] for r in await cur.fetchall())
            async with self.conn.execute(
                "SELECT field, data FROM merged_parts WHERE generation = ? ORDER BY seq",
                (generation,),
            ) as cur:
                parts = [(r[0], r[1]) for r in await cur.fetchall()]
        try:
            stored = await asyncio.to_thread(_decode_generation, tuple(head), keys, parts)
            if documents:
                by_key = await self.load_documents(keys)
                stored = replace(stored, documents=tuple(by_key[k] for k in keys))
        except (StaleRecord, KeyError) as exc:
            log.warning(
                "stored generation %s does not fit the models (%s); ignoring it", head[0], exc
            )
            return None
        return stored

    async def load_documents(self, keys: Iterable[str]) -> dict[str, DocumentFacts]:
        """The stored facts for these document keys (missing keys are left out)."""
        wanted = list(dict.fromkeys(keys))
        blobs: list[tuple[str, bytes]] = []
        async with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT doc_key, facts FROM document_facts WHERE doc_key IN ({marks})"
                async with self.conn.execute(sql, chunk) as cur:
                    blobs.extend((r[0], r[1]) for r in await cur.fetchall())
        return await asyncio.to_thread(
            lambda: {k: _unpack(DocumentFacts, blob) for k, blob in blobs}
        )

    # --- reload log ---

    async def log_reload(self, entry: ReloadLogEntry) -> None:
        """Append one entry to the reload log (and forget the oldest beyond KEEP_LOG_ENTRIES)."""
        async with self._lock, self._transaction() as conn:
            await conn.execute(
                "INSERT INTO reload_log (at, who, action, summary, errors, generation) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    entry.when,
                    entry.who,
                    entry.action,
                    entry.summary,
                    json.dumps(list(entry.errors), ensure_ascii=False),
                    entry.generation,
                ),
            )
            await conn.execute(
                "DELETE FROM reload_log WHERE id NOT IN "
                "(SELECT id FROM reload_log ORDER BY id DESC LIMIT ?)",
                (KEEP_LOG_ENTRIES,),
            )

    async def recent_reloads(self, limit: int = 10) -> list[ReloadLogEntry]:
        """The newest `limit` log entries, newest first."""
        if limit <= 0:
            return []
        sql = (
            "SELECT at, who, action, summary, errors, generation FROM reload_log "
            "ORDER BY id DESC LIMIT ?"
        )
        async with self._lock, self.conn.execute(sql, (limit,)) as cur:
            rows = await cur.fetchall()
        return [ReloadLogEntry(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows]


def _decode_generation(
    head: tuple[Any, ...], keys: tuple[str, ...], parts: list[tuple[str, bytes]]
) -> StoredGeneration:
    gen_id, created, fingerprint, curated, files, errors = head
    return StoredGeneration(
        id=gen_id,
        created=created,
        fingerprint=fingerprint,
        documents=(),
        curated=from_json(CuratedFacts, curated),
        files=from_json(_FILES, files),
        errors=from_json(_ERRORS, errors),
        doc_keys=keys,
        merged=lazy_parts(parts) if parts else None,
    )
