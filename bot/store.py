"""The persistent store: generations of extracted facts and the reload log.

A generation is the result of one load of seeds/. Storing it lets start-up skip extraction when
the seeds are unchanged, so it is written in one transaction (a crash or a bad fact mid-save
leaves the previous generation as the latest, whole) and read back as the very same frozen
objects. The newest few generations are kept so a bad reload can be inspected afterwards.

Serialization is driven by the dataclasses' type hints rather than hand-written per class, so a
field added to `bot.models` is persisted without touching this file, and a stored generation
that no longer fits the models reads as "nothing stored" (the service re-extracts) instead of
crashing start-up.

All database I/O goes through aiosqlite; the CPU-bound part (JSON) runs in a worker thread, so
the bot's event loop never waits on it. Searching is not done here: `!search` runs on the
in-memory `FactIndex` (bot/search.py), which is rebuilt from the loaded facts anyway.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import sqlite3
import types
from collections.abc import AsyncIterator, Callable, Generator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import aiosqlite

from bot.models import CuratedFacts, DocumentFacts

log = logging.getLogger(__name__)

#: Bump when the tables change; a database with another version is moved aside and recreated.
SCHEMA_VERSION = 2
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
CREATE TABLE documents (
    generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    facts TEXT NOT NULL,
    PRIMARY KEY (generation, position)
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
    documents: tuple[DocumentFacts, ...]
    curated: CuratedFacts
    files: tuple[tuple[str, str], ...]  # (seed file name, sha256)
    errors: tuple[tuple[str, int | None, str], ...]  # (file, line, reason) at build time


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


# --- serialization ------------------------------------------------------------------------------


class StaleRecord(ValueError):
    """Stored JSON that does not fit the current models (they changed since it was written)."""


def _tag(value: Any) -> Any:
    """JSON for a field typed `object` (a correction's new value): keep its exact Python type."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, tuple):
        return {"$tuple": [_tag(v) for v in value]}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_tag(k), _tag(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, set | frozenset):
        return {"$set": [_tag(v) for v in value], "frozen": isinstance(value, frozenset)}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"the store cannot persist a {type(value).__name__} value: {value!r}")


def _untag(value: Any) -> Any:
    if isinstance(value, list):
        return [_untag(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$tuple" in value:
        return tuple(_untag(v) for v in value["$tuple"])
    if "$dict" in value:
        return {_untag(k): _untag(v) for k, v in value["$dict"]}
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$set" in value:
        items = (_untag(v) for v in value["$set"])
        return frozenset(items) if value.get("frozen") else set(items)
    if "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    raise StaleRecord(f"unknown tagged value {value!r}")


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _scalar_codec(tp: type) -> Codec:
    def check(value: Any) -> Any:
        if type(value) is tp or (tp is float and type(value) is int):
            return value
        raise StaleRecord(f"expected {tp.__name__}, found {value!r}")

    def encode(value: Any) -> Any:
        if type(value) is tp or (tp is float and type(value) is int):
            return value
        raise TypeError(f"expected {tp.__name__}, found {type(value).__name__} {value!r}")

    return encode, check


def _union_codec(args: tuple[Any, ...]) -> Codec:
    nullable = type(None) in args
    options = [(a, _codec(a)) for a in args if a is not type(None)]

    def encode(value: Any) -> Any:
        if value is None and nullable:
            return None
        errors = []
        for _, (enc, _dec) in options:
            try:
                return enc(value)
            except TypeError as exc:
                errors.append(str(exc))
        raise TypeError("; ".join(errors) or f"unexpected {value!r}")

    def decode(value: Any) -> Any:
        if value is None and nullable:
            return None
        for _, (_enc, dec) in options:
            try:
                return dec(value)
            except StaleRecord:
                continue
        raise StaleRecord(f"{value!r} fits none of {args}")

    return encode, decode


def _tuple_codec(args: tuple[Any, ...]) -> Codec:
    if len(args) == 2 and args[1] is Ellipsis:
        enc_item, dec_item = _codec(args[0])

        def encode(value: Any) -> Any:
            if not isinstance(value, tuple | list):
                raise TypeError(f"expected a tuple, found {type(value).__name__} {value!r}")
            return [enc_item(v) for v in value]

        def decode(value: Any) -> Any:
            if not isinstance(value, list):
                raise StaleRecord(f"expected a list, found {value!r}")
            return tuple(dec_item(v) for v in value)

        return encode, decode

    codecs = [_codec(a) for a in args]

    def encode_fixed(value: Any) -> Any:
        if not isinstance(value, tuple | list) or len(value) != len(codecs):
            raise TypeError(f"expected a {len(codecs)}-tuple, found {value!r}")
        return [enc(v) for (enc, _), v in zip(codecs, value, strict=True)]

    def decode_fixed(value: Any) -> Any:
        if not isinstance(value, list) or len(value) != len(codecs):
            raise StaleRecord(f"expected {len(codecs)} items, found {value!r}")
        return tuple(dec(v) for (_, dec), v in zip(codecs, value, strict=True))

    return encode_fixed, decode_fixed


def _dataclass_codec(cls: type) -> Codec:
    hints = get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    codecs = {name: _codec(hints[name]) for name in names}

    def encode(value: Any) -> Any:
        if not isinstance(value, cls):
            raise TypeError(f"expected {cls.__name__}, found {type(value).__name__}")
        out = {}
        for name in names:
            try:
                out[name] = codecs[name][0](getattr(value, name))
            except TypeError as exc:
                raise TypeError(f"{cls.__name__}.{name}: {exc}") from None
        return out

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise StaleRecord(f"expected a {cls.__name__} object, found {value!r}")
        unknown = value.keys() - codecs.keys()
        if unknown:
            raise StaleRecord(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        try:
            return cls(**{k: codecs[k][1](v) for k, v in value.items()})
        except TypeError as exc:  # a field the stored record lacks and that has no default
            raise StaleRecord(f"{cls.__name__}: {exc}") from None

    return encode, decode


@functools.cache
def _codec(tp: Any) -> Codec:
    """Encoder and decoder for one type hint, built once per type."""
    if tp is object or tp is Any:
        return _tag, _untag
    if tp in (str, int, float, bool):
        return _scalar_codec(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _union_codec(get_args(tp))
    if origin is tuple:
        return _tuple_codec(get_args(tp))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_codec(tp)
    raise TypeError(f"the store has no encoding for {tp!r}")


def to_json(tp: Any, value: Any) -> str:
    """JSON for a value of type `tp`; TypeError names the field that does not fit its type."""
    return json.dumps(_codec(tp)[0](value), ensure_ascii=False, separators=(",", ":"))


def from_json(tp: Any, text: str) -> Any:
    """The exact object `to_json` was given; StaleRecord if the text no longer fits `tp`."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StaleRecord(f"not JSON: {exc}") from None
    return _codec(tp)[1](data)


def encode_document_facts(facts: DocumentFacts) -> str:
    """One document's facts as JSON (a module function so tests can make it fail)."""
    return to_json(DocumentFacts, facts)


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

    # --- generations ---

    async def save_generation(
        self,
        documents: Sequence[DocumentFacts],
        curated: CuratedFacts,
        fingerprint: str,
        files: Sequence[tuple[str, str]],
        errors: Sequence[tuple[str, int | None, str]] = (),
    ) -> int:
        """Store one whole generation in one transaction and return its id.

        Generations beyond the newest `keep` are deleted. If anything fails, nothing of this
        generation is stored.
        """
        header = await asyncio.to_thread(
            lambda: (
                to_json(CuratedFacts, curated),
                to_json(_FILES, tuple(files)),
                to_json(_ERRORS, tuple(errors)),
            )
        )
        async with self._lock, self._transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO generations (created, fingerprint, curated, files, errors) "
                "VALUES (?, ?, ?, ?, ?)",
                (utc_now(), fingerprint, *header),
            )
            generation = cur.lastrowid
            await cur.close()
            if generation is None:
                raise RuntimeError("SQLite gave the new generation no id")
            for position, facts in enumerate(documents):
                payload = await asyncio.to_thread(encode_document_facts, facts)
                await conn.execute(
                    "INSERT INTO documents (generation, position, doc_id, facts) "
                    "VALUES (?, ?, ?, ?)",
                    (generation, position, facts.document.id, payload),
                )
            await self._prune(conn)
        return generation

    async def _prune(self, conn: aiosqlite.Connection) -> None:
        keep = "SELECT id FROM generations ORDER BY id DESC LIMIT ?"
        await conn.execute(f"DELETE FROM documents WHERE generation NOT IN ({keep})", (self.keep,))
        await conn.execute(f"DELETE FROM generations WHERE id NOT IN ({keep})", (self.keep,))

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

    async def load_latest(self) -> StoredGeneration | None:
        """The newest generation, or None when there is none or it no longer fits the models."""
        sql = "SELECT id FROM generations ORDER BY id DESC LIMIT 1"
        async with self._lock, self.conn.execute(sql) as cur:
            row = await cur.fetchone()
        return await self.load_generation(row[0]) if row else None

    async def load_generation(self, generation: int) -> StoredGeneration | None:
        """One generation by id; None when it is gone or no longer fits the models (logged)."""
        async with self._lock:
            async with self.conn.execute(
                "SELECT id, created, fingerprint, curated, files, errors FROM generations "
                "WHERE id = ?",
                (generation,),
            ) as cur:
                head = await cur.fetchone()
            if head is None:
                return None
            async with self.conn.execute(
                "SELECT facts FROM documents WHERE generation = ? ORDER BY position",
                (generation,),
            ) as cur:
                docs = [r[0] for r in await cur.fetchall()]
        try:
            return await asyncio.to_thread(_decode_generation, tuple(head), docs)
        except StaleRecord as exc:
            log.warning(
                "stored generation %s does not fit the models (%s); ignoring it", head[0], exc
            )
            return None

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


def _decode_generation(head: tuple[Any, ...], docs: list[str]) -> StoredGeneration:
    gen_id, created, fingerprint, curated, files, errors = head
    return StoredGeneration(
        id=gen_id,
        created=created,
        fingerprint=fingerprint,
        documents=tuple(from_json(DocumentFacts, d) for d in docs),
        curated=from_json(CuratedFacts, curated),
        files=from_json(_FILES, files),
        errors=from_json(_ERRORS, errors),
    )
