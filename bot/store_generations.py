"""The generation tables: one row per load of seeds/, its documents' keys, each document's
facts stored once per key, and the merged facts in parts (bot.merged_parts).

Plain functions over a connection, called by bot.store.Store under its lock and inside its
transactions; the CPU-bound packing happens before, in a worker thread.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import aiosqlite

from bot.store_records import GenerationInfo

log = logging.getLogger("bot.store")

#: Keys per `IN (...)` query: well under SQLite's limit on bound parameters.
CHUNK = 500


async def insert_generation(
    conn: aiosqlite.Connection, created: str, fingerprint: str, header: tuple[str, str, str]
) -> int:
    """A new generation row; its id."""
    cur = await conn.execute(
        "INSERT INTO generations (created, fingerprint, curated, files, errors)"
        " VALUES (?, ?, ?, ?, ?)",
        (created, fingerprint, *header),
    )
    generation = cur.lastrowid
    await cur.close()
    if generation is None:
        raise RuntimeError("SQLite gave the new generation no id")
    return generation


async def insert_all_facts(conn: aiosqlite.Connection, rows: Sequence[tuple[str, bytes]]) -> None:
    """Documents' facts as (document key, packed facts)."""
    await conn.executemany("INSERT INTO document_facts (doc_key, facts) VALUES (?, ?)", rows)


async def insert_documents(
    conn: aiosqlite.Connection, generation: int, rows: Sequence[tuple[str, str]]
) -> None:
    """The generation's documents in order, as (document id, document key)."""
    await conn.executemany(
        "INSERT INTO documents (generation, position, doc_id, doc_key) VALUES (?, ?, ?, ?)",
        [(generation, i, doc_id, key) for i, (doc_id, key) in enumerate(rows)],
    )


async def insert_parts(
    conn: aiosqlite.Connection, generation: int, parts: list[tuple[str, bytes]]
) -> None:
    await conn.executemany(
        "INSERT INTO merged_parts (generation, seq, field, data) VALUES (?, ?, ?, ?)",
        [(generation, i, name, data) for i, (name, data) in enumerate(parts)],
    )


async def replace_parts(
    conn: aiosqlite.Connection, generation: int, parts: list[tuple[str, bytes]]
) -> None:
    """The merged parts of a generation, replaced; nothing when the generation is gone."""
    await conn.execute("DELETE FROM merged_parts WHERE generation = ?", (generation,))
    async with conn.execute("SELECT 1 FROM generations WHERE id = ?", (generation,)) as cur:
        if await cur.fetchone() is None:
            return  # pruned meanwhile: nothing to attach to
    await insert_parts(conn, generation, parts)


async def stored_keys(conn: aiosqlite.Connection, keys: Iterable[str]) -> set[str]:
    """Which of these document keys have their facts stored."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT doc_key FROM document_facts WHERE doc_key IN ({marks})"
        async with conn.execute(sql, chunk) as cur:
            found.update(r[0] for r in await cur.fetchall())
    return found


@dataclass(frozen=True)
class SavedKeys:
    """The generation a store saved last and its documents' keys.

    While that generation is stored, so are its keys' facts, so a save looks up in the
    database only the keys it does not list: looking up 3,000 keys costs ~50 ms, and a reload
    usually brings one new key. Another process may have pruned the generation meanwhile, so
    it is checked first. Example: SavedKeys(7, {"a", "b"}).stored(conn, ["a", "c"]) is {"a"}
    plus "c" if the database has it.
    """

    generation: int = 0
    keys: frozenset[str] = frozenset()

    async def stored(self, conn: aiosqlite.Connection, keys: Sequence[str]) -> set[str]:
        """Which of these keys have their facts stored."""
        if not self.keys or not await has_generation(conn, self.generation):
            return await stored_keys(conn, keys)
        known = self.keys.intersection(keys)
        return known | await stored_keys(conn, [k for k in keys if k not in known])


async def has_generation(conn: aiosqlite.Connection, generation: int) -> bool:
    async with conn.execute("SELECT 1 FROM generations WHERE id = ?", (generation,)) as cur:
        return await cur.fetchone() is not None


async def prune(conn: aiosqlite.Connection, keep: int) -> None:
    """Forget generations beyond the newest `keep`, and the facts only they listed.

    Only the keys of the generations forgotten are looked up in `document_facts` (a scan of
    it reads every document's row: ~9 ms at 3,000 documents), and a key a newer generation
    lists is never one of them."""
    newest = "SELECT id FROM generations ORDER BY id DESC LIMIT ?"
    await conn.execute(
        "DELETE FROM document_facts WHERE doc_key IN ("
        f"SELECT doc_key FROM documents WHERE generation NOT IN ({newest})"
        f" EXCEPT SELECT doc_key FROM documents WHERE generation IN ({newest}))",
        (keep, keep),
    )
    await conn.execute(f"DELETE FROM documents WHERE generation NOT IN ({newest})", (keep,))
    await conn.execute(f"DELETE FROM generations WHERE id NOT IN ({newest})", (keep,))
    await conn.execute(
        "DELETE FROM merged_parts WHERE generation NOT IN (SELECT id FROM generations)"
    )


async def list_generations(conn: aiosqlite.Connection) -> list[GenerationInfo]:
    sql = (
        "SELECT g.id, g.created, g.fingerprint, "
        "(SELECT count(*) FROM documents d WHERE d.generation = g.id) "
        "FROM generations g ORDER BY g.id DESC"
    )
    async with conn.execute(sql) as cur:
        rows = await cur.fetchall()
    return [GenerationInfo(r[0], r[1], r[2], r[3]) for r in rows]


async def latest(conn: aiosqlite.Connection, column: str) -> Any:
    """`id` or `fingerprint` of the newest generation; None when there is none."""
    sql = f"SELECT {column} FROM generations ORDER BY id DESC LIMIT 1"  # a column name of ours
    async with conn.execute(sql) as cur:
        row = await cur.fetchone()
    return row[0] if row else None


async def read_generation(
    conn: aiosqlite.Connection, generation: int
) -> tuple[tuple[Any, ...], tuple[str, ...], list[tuple[str, bytes]]] | None:
    """A generation's row, its documents' keys in order and its merged parts, undecoded."""
    async with conn.execute(
        "SELECT id, created, fingerprint, curated, files, errors FROM generations WHERE id = ?",
        (generation,),
    ) as cur:
        head = await cur.fetchone()
    if head is None:
        return None
    async with conn.execute(
        "SELECT doc_key FROM documents WHERE generation = ? ORDER BY position", (generation,)
    ) as cur:
        keys = tuple(r[0] for r in await cur.fetchall())
    async with conn.execute(
        "SELECT field, data FROM merged_parts WHERE generation = ? ORDER BY seq", (generation,)
    ) as cur:
        parts = [(r[0], r[1]) for r in await cur.fetchall()]
    return tuple(head), keys, parts


async def read_facts(conn: aiosqlite.Connection, keys: Iterable[str]) -> list[tuple[str, bytes]]:
    """(key, packed facts) for the stored ones of these document keys."""
    wanted = list(dict.fromkeys(keys))
    blobs: list[tuple[str, bytes]] = []
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT doc_key, facts FROM document_facts WHERE doc_key IN ({marks})"
        async with conn.execute(sql, chunk) as cur:
            blobs.extend((r[0], r[1]) for r in await cur.fetchall())
    return blobs


async def checkpoint(conn: aiosqlite.Connection) -> None:
    """Fold the WAL back into the database file, so it does not grow with every save."""
    try:
        await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:  # a reader holds the WAL: the next save retries
        log.debug("WAL checkpoint postponed: %s", exc)
