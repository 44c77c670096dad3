"""Opening the store's database: its tables, and what happens to a file that is not usable.

A database of another schema version, a damaged one or a file that is no database is moved
aside (one warning names the new file) and a new one is made, so the bot rebuilds from seeds/
instead of failing to start; one that cannot be written raises StoreUnavailable, and the bot
answers from memory. Example: `conn = await open_connection(Path("data/briefbot.sqlite3"))`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Self

import aiosqlite

from bot.store_follows import migrate as migrate_follows
from bot.store_seeds import migrate as migrate_seeds

log = logging.getLogger("bot.store")

#: Bump when the tables or what they hold change; a database with another version is moved
#: aside and recreated (the bot rebuilds it from seeds/).
SCHEMA_VERSION = 4

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


class StoreUnavailable(Exception):
    """The database cannot be used at all (read-only file or folder); the bot runs from memory."""


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


#: Every connection opened and not yet garbage: `close_forgotten` ends the ones left open.
_OPENED: weakref.WeakSet[aiosqlite.Connection] = weakref.WeakSet()


async def _connect(path: str) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    _OPENED.add(conn)
    return conn


async def close_forgotten() -> int:
    """Close every connection still open and return how many there were.

    Each aiosqlite connection runs a thread that is not a daemon, so a connection that its
    owner never closed (a service a failing test left, say) keeps the interpreter from exiting
    after everything else is done. Example: a test run's last step calls it, and reports a
    count above 0 as a leak instead of hanging.
    """
    forgotten = [conn for conn in list(_OPENED) if _is_open(conn)]
    for conn in forgotten:
        await conn.close()
    return len(forgotten)


def _is_open(conn: aiosqlite.Connection) -> bool:
    """Whether `conn` was not closed: a closed connection has no sqlite3 connection to ask."""
    try:
        conn.in_transaction  # noqa: B018 - read for the ValueError a closed one raises
    except ValueError:
        return False
    return True


async def _schema_state(conn: aiosqlite.Connection) -> tuple[int, int]:
    """(user_version, number of schema objects); DatabaseError if the file is not a database."""
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    async with conn.execute("SELECT count(*) FROM sqlite_master") as cur:
        count = await cur.fetchone()
    return (int(row[0]) if row else 0), (int(count[0]) if count else 0)


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


async def checked_connection(file: Path) -> aiosqlite.Connection:
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
        "database %s has schema version %s, this bot uses %s; moved it to %s and started a new one",
        file,
        version,
        SCHEMA_VERSION,
        moved.name,
    )
    conn = await _connect(str(file))
    await conn.executescript(_SCHEMA)
    return conn


async def open_connection(path: Path | str) -> aiosqlite.Connection:
    """A connection to the database at `path` (made if needed), in WAL mode; ":memory:" for a
    throwaway one. StoreUnavailable when the folder cannot be made or the file not written."""
    name = str(path)
    if name == ":memory:":
        conn = await _connect(name)
        await conn.executescript(_SCHEMA)
        await migrate_follows(conn)
        await migrate_seeds(conn)
        return conn
    file = Path(path)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot make the database folder {file.parent} ({exc.strerror}); the bot "
            "answers from memory"
        ) from None
    conn = await checked_connection(file)
    await migrate_follows(conn)
    await migrate_seeds(conn)
    await conn.execute("PRAGMA journal_mode = WAL")
    await conn.execute("PRAGMA synchronous = NORMAL")
    await conn.execute("PRAGMA busy_timeout = 5000")
    return conn


class Database:
    """One connection to the bot's database, one operation at a time (an asyncio lock), so a
    load never sees a generation half-written by a concurrent save on the same connection."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self._conn: aiosqlite.Connection | None = conn
        self.path = path
        self._lock = asyncio.Lock()

    async def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await conn.close()

    async def __aenter__(self) -> Self:
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
