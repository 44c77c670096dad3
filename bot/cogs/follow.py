"""Follows and changes on Discord: `follow`, `unfollow`, `following`, `changes`, and the posts.

`follow` and `unfollow` change what a channel receives, so they need Manage Channels in that
server, or an admin (bot.cogs.checks.is_admin); `following` and `changes` only read, and anyone
may ask. After each reload that changed facts the service calls `post_follows`, which works out
each followed channel's digest and posts it from a task of its own, so the admin's reload reply
does not wait on the posts; bot.cogs.follow_posts sends them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.briefing import COMMANDS
from bot.cogs.checks import is_admin, who
from bot.cogs.choices import options, rank
from bot.cogs.follow_posts import post_digests
from bot.errors import UserError
from bot.follows import Digest
from bot.pages import send_answer

if TYPE_CHECKING:
    from bot.discord_app import Briefbot
    from bot.reload_listeners import ReloadResult

log = logging.getLogger(__name__)
#: Commands that change what a channel receives.
MANAGING = frozenset({"follow", "unfollow"})


class NotChannelManager(commands.CheckFailure, UserError):
    """Refused: `follow` and `unfollow` need Manage Channels or an admin, in a server.

    A CheckFailure, so discord.py reports it like any refused check; a UserError, so the one
    error handler shows its message.
    """

    def __init__(self, in_dm: bool = False) -> None:
        text = (
            "Follows belong to a server channel: ask in the channel that should receive the posts."
            if in_dm
            else "Only members with Manage Channels, or admins, can change what this channel "
            "follows."
        )
        UserError.__init__(self, text)


def _summary(name: str) -> str:
    return COMMANDS[name].summary[:100]


def _prefix(ctx: commands.Context) -> str:
    return "/" if ctx.interaction else ctx.bot.settings.prefix


async def may_manage(ctx: commands.Context) -> bool:
    """Manage Channels in this server, or an admin (the owner; in a home server, Manage Server
    or an admin role)."""
    author = ctx.author
    if isinstance(author, discord.Member) and author.guild_permissions.manage_channels:
        return True
    return await is_admin(ctx)


class FollowCog(commands.Cog, name="Follow"):
    """New facts on a topic, person, country or party, posted after each reload; what changed."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self.tasks: set[asyncio.Task[None]] = set()
        self._unsubscribe = None

    async def cog_load(self) -> None:
        self._unsubscribe = self.bot.service.on_reload(self.post_follows)
        waiting = self.bot.service.follows.take_startup_digests(console=False)
        if waiting:  # the seeds changed while the bot was stopped: post once connected
            self._start(self._post_when_ready(waiting))

    def _start(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _post_when_ready(self, digests: list[Digest]) -> None:
        await self.bot.wait_until_ready()  # channels are known only once connected
        await post_digests(self.bot, digests)

    async def cog_unload(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        for task in list(self.tasks):
            task.cancel()

    async def cog_check(self, ctx: commands.Context) -> bool:
        if ctx.command is None or ctx.command.name not in MANAGING:
            return True
        if ctx.guild is None:
            raise NotChannelManager(in_dm=True)
        if not await may_manage(ctx):
            raise NotChannelManager()
        return True

    # -- commands ----------------------------------------------------------------------------

    @commands.hybrid_command(name="follow", description=_summary("follow"))
    @app_commands.describe(what="a topic, person, country or party")
    async def follow(self, ctx: commands.Context, *, what: str) -> None:
        if ctx.guild is None:  # cog_check refuses DMs first; this keeps the type honest
            raise NotChannelManager(in_dm=True)
        answer = await self.bot.service.follows.follow(
            ctx.guild.id, ctx.channel.id, what, who(ctx.author), _prefix(ctx)
        )
        await send_answer(ctx, answer, self.bot.settings)

    @follow.autocomplete("what")
    async def _follow_choices(self, _i: discord.Interaction, current: str):
        snap = self.bot.service.snapshot
        opts = options("person-or-topic", snap.facts, snap.index)
        opts += options("country-or-party", snap.facts, snap.index)
        return [app_commands.Choice(name=n, value=v) for n, v in rank(current, opts)]

    @commands.hybrid_command(name="unfollow", description=_summary("unfollow"))
    @app_commands.describe(what="something this channel follows, or all")
    async def unfollow(self, ctx: commands.Context, *, what: str) -> None:
        answer = await self.bot.service.follows.unfollow(ctx.channel.id, what, _prefix(ctx))
        await send_answer(ctx, answer, self.bot.settings)

    @unfollow.autocomplete("what")
    async def _unfollow_choices(self, interaction: discord.Interaction, current: str):
        channel = interaction.channel_id
        if channel is None or self.bot.service.store is None:
            return []
        follows = await self.bot.service.follows.followed(channel)
        opts = [(f"{f.label} ({f.kind})", f.label) for f in follows] + [("all", "all")]
        return [app_commands.Choice(name=n, value=v) for n, v in rank(current, opts)]

    @commands.hybrid_command(name="following", description=_summary("following"))
    async def following(self, ctx: commands.Context) -> None:
        answer = await self.bot.service.follows.following(ctx.channel.id, _prefix(ctx))
        await send_answer(ctx, answer, self.bot.settings)

    @commands.hybrid_command(name="changes", description=_summary("changes"))
    @app_commands.describe(since="a date (2026-11-30); empty: the last reload")
    async def changes(self, ctx: commands.Context, *, since: str = "") -> None:
        answer = await self.bot.service.follows.changes(since)
        await send_answer(ctx, answer, self.bot.settings)

    @changes.autocomplete("since")
    async def _changes_choices(self, _i: discord.Interaction, current: str):
        today = dt.datetime.now(dt.UTC).date()
        days = [(today - dt.timedelta(days=n)).isoformat() for n in range(8)]
        opts = [("last reload", "last reload")] + [(d, d) for d in days]
        return [app_commands.Choice(name=n, value=v) for n, v in rank(current, opts)]

    # -- channels and servers that go away ---------------------------------------------------

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        gone = await self.bot.service.follows.forget(channel=channel.id)
        if gone:
            log.info("channel %s was deleted: dropped its %s follows", channel.id, gone)

    @commands.Cog.listener()
    async def on_thread_delete(self, thread: discord.Thread) -> None:
        await self.on_guild_channel_delete(thread)

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        gone = await self.bot.service.follows.forget(guild=guild.id)
        if gone:
            log.info("left server %s: dropped its %s follows", guild.id, gone)

    # -- posting after a reload ----------------------------------------------------------------

    async def post_follows(self, result: ReloadResult) -> None:
        """The reload listener: work out the digests, then post them from a task."""
        found = await self.bot.service.follows.digests(
            result, self.bot.settings.prefix, console=False
        )
        if found:
            self._start(post_digests(self.bot, found))


async def setup(bot: Briefbot) -> None:
    await bot.add_cog(FollowCog(bot))
