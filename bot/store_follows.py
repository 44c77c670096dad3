"""The follow and change tables of the store: subscriptions, what each channel was sent, and
each reload's added and removed fact keys.

They live in the bot's one SQLite database (bot.store) and go through its connection and lock.
They were added to schema version 4 without bumping it: `migrate` creates any of them a
database lacks (`CREATE TABLE IF NOT EXISTS`), so an existing database keeps its generations,
and opening one twice changes nothing.

Every table is bounded: MAX_FOLLOWS per channel (checked by the service), KEEP_POSTED ids per
channel, KEEP_CHANGES reload records.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import aiosqlite

from bot.changes import ChangeRecord, decode_keys, encode_keys
from bot.follows import Follow

if TYPE_CHECKING:
    from bot.store import Store

#: Fact ids remembered per channel as already posted (the newest); older ones may repeat only
#: if their fact is removed and added back after this many later posts.
KEEP_POSTED = 20_000
#: Reload records kept for `changes` (the newest).
KEEP_CHANGES = 200

MIGRATION = """
BEGIN;
CREATE TABLE IF NOT EXISTS follows (
    guild INTEGER NOT NULL,
    channel INTEGER NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (channel, kind, key)
);
CREATE TABLE IF NOT EXISTS follow_posted (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel INTEGER NOT NULL,
    fact TEXT NOT NULL,
    UNIQUE (channel, fact)
);
CREATE TABLE IF NOT EXISTS fact_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    generation INTEGER,
    added BLOB NOT NULL,
    removed BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_changes_at ON fact_changes (at);
COMMIT;
"""


async def migrate(conn: aiosqlite.Connection) -> None:
    """Create the follow and change tables where missing (see the module docstring)."""
    await conn.executescript(MIGRATION)


def _pack(keys: Sequence[tuple[str, ...]]) -> bytes:
    return zlib.compress(encode_keys(keys).encode("utf-8"), 6)


def _unpack(blob: bytes) -> tuple[tuple[str, ...], ...]:
    return decode_keys(zlib.decompress(blob).decode("utf-8"))


class FollowTables:
    """Reads and writes of the follow and change tables, through one Store's connection."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- follows --

    async def add(self, follow: Follow) -> bool:
        """Store a follow; False if the channel already follows it."""
        async with self.store.transaction() as conn:
            cur = await conn.execute(
                "INSERT OR IGNORE INTO follows "
                "(guild, channel, kind, key, label, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    follow.guild,
                    follow.channel,
                    follow.kind,
                    follow.key,
                    follow.label,
                    follow.created_by,
                    follow.created_at,
                ),
            )
            added = cur.rowcount == 1
            await cur.close()
        return added

    async def remove(self, channel: int, kind: str, key: str) -> bool:
        """Forget a follow; a channel left with none forgets what it was sent too."""
        async with self.store.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM follows WHERE channel = ? AND kind = ? AND key = ?",
                (channel, kind, key),
            )
            removed = cur.rowcount > 0
            await cur.close()
            await conn.execute(
                "DELETE FROM follow_posted WHERE channel = ? AND channel NOT IN "
                "(SELECT channel FROM follows)",
                (channel,),
            )
        return removed

    async def forget(self, *, channel: int | None = None, guild: int | None = None) -> int:
        """Drop every follow of a channel, or of a server (deleted, or the bot was removed), and
        what they were sent; returns how many follows went."""
        column, value = ("channel", channel) if channel is not None else ("guild", guild)
        async with self.store.transaction() as conn:
            cur = await conn.execute(f"DELETE FROM follows WHERE {column} = ?", (value,))
            gone = cur.rowcount
            await cur.close()
            await conn.execute(
                "DELETE FROM follow_posted WHERE channel NOT IN (SELECT channel FROM follows)"
            )
        return gone

    async def follows(self, channel: int | None = None) -> list[Follow]:
        """One channel's follows, or every channel's; oldest first."""
        sql = "SELECT guild, channel, kind, key, label, created_by, created_at FROM follows"
        args: tuple = ()
        if channel is not None:
            sql += " WHERE channel = ?"
            args = (channel,)
        async with self.store.reading() as conn, conn.execute(sql + " ORDER BY rowid", args) as cur:
            rows = await cur.fetchall()
        return [Follow(*r) for r in rows]

    async def posted(self, channel: int, ids: Iterable[str]) -> set[str]:
        """Which of these fact ids the channel was already sent."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        async with self.store.reading() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT fact FROM follow_posted WHERE channel = ? AND fact IN ({marks})"
                async with conn.execute(sql, (channel, *chunk)) as cur:
                    found.update(r[0] for r in await cur.fetchall())
        return found

    async def mark_posted(self, channel: int, ids: Sequence[str]) -> None:
        """Remember that the channel was sent these facts (keeping the newest KEEP_POSTED)."""
        async with self.store.transaction() as conn:
            await conn.executemany(
                "INSERT OR IGNORE INTO follow_posted (channel, fact) VALUES (?, ?)",
                [(channel, i) for i in ids],
            )
            await conn.execute(
                "DELETE FROM follow_posted WHERE channel = ? AND id NOT IN "
                "(SELECT id FROM follow_posted WHERE channel = ? ORDER BY id DESC LIMIT ?)",
                (channel, channel, KEEP_POSTED),
            )

    # -- changes --

    async def record_changes(self, record: ChangeRecord) -> None:
        """Store one reload's change (keeping the newest KEEP_CHANGES)."""
        async with self.store.transaction() as conn:
            await conn.execute(
                "INSERT INTO fact_changes (at, who, action, generation, added, removed) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    record.when,
                    record.who,
                    record.action,
                    record.generation,
                    _pack(record.added),
                    _pack(record.removed),
                ),
            )
            await conn.execute(
                "DELETE FROM fact_changes WHERE id NOT IN "
                "(SELECT id FROM fact_changes ORDER BY id DESC LIMIT ?)",
                (KEEP_CHANGES,),
            )

    async def change_rows(self, since: str | None) -> list[tuple]:
        """The raw rows of the reloads from `since` (all kept ones), or the newest one; newest
        first. Decode with `decode_rows` (in a worker thread: it decompresses)."""
        sql = "SELECT at, who, action, generation, added, removed FROM fact_changes"
        if since is None:
            sql += " ORDER BY id DESC LIMIT 1"
            args: tuple = ()
        else:
            sql += " WHERE at >= ? ORDER BY id DESC"
            args = (since,)
        async with self.store.reading() as conn, conn.execute(sql, args) as cur:
            return [tuple(r) for r in await cur.fetchall()]


def decode_rows(rows: Sequence[tuple]) -> list[ChangeRecord]:
    return [
        ChangeRecord(at, who, action, gen, _unpack(a), _unpack(r))
        for at, who, action, gen, a, r in rows
    ]
