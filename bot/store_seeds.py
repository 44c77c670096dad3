"""What the store remembers of each seed file between runs: its size, modification time, inode
and hash, so a start-up hashes only the files that changed while the bot was stopped.

Listing 1,000 unchanged seed files is then 1,000 `stat` calls instead of reading and hashing
every file (~0.1 s of CPU, and the whole corpus read from disk after a reboot). A file whose
size, time or inode changed is read again, as bot.seeds.list_seed_files does between reloads.
The table is added where missing (`CREATE TABLE IF NOT EXISTS`), so a database from before it
opens as it was, and older code ignores it.
"""

from __future__ import annotations

import aiosqlite

#: name → (size, mtime in ns, inode, sha256), as bot.seeds.list_seed_files keeps them.
SeedStats = dict[str, tuple[int, int, int, str]]

MIGRATION = """
CREATE TABLE IF NOT EXISTS seed_stats (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    sha256 TEXT NOT NULL
) WITHOUT ROWID;
"""


async def migrate(conn: aiosqlite.Connection) -> None:
    """Create the table where missing."""
    await conn.executescript(MIGRATION)


async def read_stats(conn: aiosqlite.Connection) -> SeedStats:
    async with conn.execute("SELECT name, size, mtime_ns, inode, sha256 FROM seed_stats") as cur:
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in await cur.fetchall()}


async def write_stats(conn: aiosqlite.Connection, stats: SeedStats) -> None:
    """Replace what is remembered with `stats` (inside the caller's transaction)."""
    await conn.execute("DELETE FROM seed_stats")
    await conn.executemany(
        "INSERT INTO seed_stats (name, size, mtime_ns, inode, sha256) VALUES (?, ?, ?, ?, ?)",
        [(name, *stamp) for name, stamp in stats.items()],
    )
