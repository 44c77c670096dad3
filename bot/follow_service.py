"""Follows and changes as the front-ends ask for them: the service's store, the live generation,
and each reload's changes (received through `BriefingService.on_reload`).

Every reload that changed facts is recorded as a ChangeRecord: in the store, or in memory when
there is no database (a start-up counts when it replaced a stored generation). `changes`
answers from those records; `follow`, `unfollow` and `following` need the database, where the
follows live (bot.store_follows). `digests` tells a front-end what each followed channel
receives after a reload; it records a channel's facts as posted when told they were sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import TYPE_CHECKING

from bot.answers import Answer
from bot.changes import ChangeRecord, changes_answer, parse_since, record_of
from bot.errors import UserError
from bot.follows import (
    MAX_FOLLOWS,
    Digest,
    Follow,
    digests,
    fact_id,
    find_followed,
    following_answer,
    resolve_target,
    suggest_followed,
)
from bot.store_follows import KEEP_CHANGES, FollowTables, decode_rows
from bot.store_records import utc_now
from bot.usage import USAGE

if TYPE_CHECKING:
    from bot.reload_listeners import ReloadResult
    from bot.service import BriefingService

log = logging.getLogger(__name__)
NO_DATABASE = (
    "Follows are kept in the database, and the database is not available (see the bot's log); "
    "nothing was changed."
)


class FollowService:
    """What `follow`, `unfollow`, `following` and `changes` do, over one BriefingService."""

    def __init__(self, service: BriefingService) -> None:
        self.service = service
        self._memory: deque[ChangeRecord] = deque(maxlen=KEEP_CHANGES)  # without a database
        self._startup: dict[bool, list[Digest]] = {}  # console? → digests of the start-up
        service.on_reload(self._record)

    def _tables(self) -> FollowTables | None:
        store = self.service.store
        return FollowTables(store) if store is not None else None

    def _need_tables(self) -> FollowTables:
        tables = self._tables()
        if tables is None:
            raise UserError(NO_DATABASE)
        return tables

    async def _record(self, result: ReloadResult) -> None:
        report = result.report
        record = await asyncio.to_thread(
            record_of, result.changes, report.when, report.who, report.action, report.generation
        )
        tables = self._tables()
        if tables is None:
            self._memory.appendleft(record)
            return
        await tables.record_changes(record)
        if report.action == "startup":  # no front-end listens yet: keep what they would post
            prefix = self.service.settings.prefix
            self._startup = {
                console: await self.digests(result, prefix, console=console)
                for console in (True, False)
            }

    def take_startup_digests(self, *, console: bool) -> list[Digest]:
        """What the follows receive for the seeds changed while the bot was stopped, once: the
        front-ends start listening after start-up, so each takes its part when it is ready."""
        return self._startup.pop(console, [])

    # -- follows ----------------------------------------------------------------------------

    async def follow(self, guild: int, channel: int, arg: str, who: str, prefix: str) -> Answer:
        """Subscribe the channel; UserError for an unknown name (with "did you mean")."""
        snap = self.service.snapshot
        target = await asyncio.to_thread(resolve_target, snap.index, arg, prefix)
        tables = self._need_tables()
        current = await tables.follows(channel)
        if any((f.kind, f.key) == (target.kind, target.key) for f in current):
            return Answer("follow", f"Already following {target.label}", _followed_note(prefix))
        if len(current) >= MAX_FOLLOWS:
            raise UserError(
                f"This channel follows {MAX_FOLLOWS} things already, the most it may; "
                "unfollow one first.",
                usage=prefix + USAGE["unfollow"],
            )
        follow = Follow(guild, channel, target.kind, target.key, target.label, who, utc_now())
        await tables.add(follow)
        intro = (
            f"After each reload, the new facts on {target.label} ({target.kind}) are posted "
            f"here, once. {_followed_note(prefix)}"
        )
        return Answer("follow", f"Following {target.label}", intro)

    async def unfollow(self, channel: int, arg: str, prefix: str) -> Answer:
        tables = self._need_tables()
        current = await tables.follows(channel)
        if arg.strip().casefold() == "all":
            if not current:
                return following_answer(current, prefix)
            await tables.forget(channel=channel)
            return Answer(
                "follow",
                f"Unfollowed all ({len(current)})",
                "This channel follows nothing now.",
            )
        snap = self.service.snapshot
        found = await asyncio.to_thread(find_followed, current, snap.index, arg)
        if found is None:
            raise UserError(
                f"This channel does not follow “{arg.strip()[:80]}”.",
                usage=prefix + USAGE["unfollow"],
                suggestions=suggest_followed(current, arg),
                details=tuple(f.label for f in current),
            )
        await tables.remove(channel, found.kind, found.key)
        return Answer("follow", f"Unfollowed {found.label}", _followed_note(prefix))

    async def forget(self, *, channel: int | None = None, guild: int | None = None) -> int:
        """Drop the follows of a deleted channel or a server the bot left (0 without a database)."""
        tables = self._tables()
        return await tables.forget(channel=channel, guild=guild) if tables is not None else 0

    async def followed(self, channel: int) -> list[Follow]:
        """The channel's follows (none without a database), for autocomplete."""
        tables = self._tables()
        return await tables.follows(channel) if tables is not None else []

    async def following(self, channel: int, prefix: str) -> Answer:
        return following_answer(await self._need_tables().follows(channel), prefix)

    async def digests(self, result: ReloadResult, prefix: str, *, console: bool) -> list[Digest]:
        """What each followed channel receives for this reload: the console's pseudo-channel
        alone (`console`), or every Discord channel."""
        tables = self._tables()
        if tables is None:
            return []
        follows = [f for f in await tables.follows() if (f.channel == 0) == console]
        if not follows:
            return []
        added = result.changes.added
        ids = await asyncio.to_thread(lambda: [fact_id(f) for f in added])
        posted = {c: await tables.posted(c, ids) for c in {f.channel for f in follows}}
        after = result.after
        return await asyncio.to_thread(
            digests, added, follows, after.facts, after.index, posted, prefix
        )

    async def mark_posted(self, digest: Digest) -> None:
        """Record that the digest's channel was sent its facts, so none is posted there again."""
        tables = self._tables()
        if tables is not None:
            await tables.mark_posted(digest.channel, digest.fact_ids)

    # -- changes ----------------------------------------------------------------------------

    async def changes(self, arg: str) -> Answer:
        """`changes [since]`: the last reload's change, or every change from a date."""
        since = parse_since(arg)
        tables = self._tables()
        if tables is None:
            records = list(self._memory)
        else:
            rows = await tables.change_rows(since.start)
            records = await asyncio.to_thread(decode_rows, rows)
        snap = self.service.snapshot
        return await asyncio.to_thread(
            changes_answer, snap.facts, snap.index, records, since, KEEP_CHANGES
        )


def _followed_note(prefix: str) -> str:
    return f"`{prefix}following` lists what this channel follows."
