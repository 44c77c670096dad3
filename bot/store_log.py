"""The reload log: who changed the fact base, when, and what changed (the admin audit trail).

It lives in the store's database and is bounded: the newest KEEP_LOG_ENTRIES entries survive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import aiosqlite

#: How many reload-log entries survive (the newest ones); the log is for people, not archives.
KEEP_LOG_ENTRIES = 5000


@dataclass(frozen=True)
class ReloadLogEntry:
    """Who changed the fact base, when, and what changed: the admin audit trail."""

    when: str  # ISO 8601 UTC
    who: str  # "console", "startup", or a Discord user "name (id)"
    action: str  # "startup", "reload", "upload", "refused", ...
    summary: str  # one line: what changed
    errors: tuple[str, ...] = ()
    generation: int | None = None


async def append_entry(conn: aiosqlite.Connection, entry: ReloadLogEntry) -> None:
    """Append one entry (inside the caller's transaction) and forget the oldest beyond
    KEEP_LOG_ENTRIES."""
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


async def recent_entries(conn: aiosqlite.Connection, limit: int) -> list[ReloadLogEntry]:
    """The newest `limit` entries, newest first."""
    if limit <= 0:
        return []
    sql = (
        "SELECT at, who, action, summary, errors, generation FROM reload_log "
        "ORDER BY id DESC LIMIT ?"
    )
    async with conn.execute(sql, (limit,)) as cur:
        rows = await cur.fetchall()
    return [ReloadLogEntry(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows]
