"""Admin commands: reload seeds/, upload a seed file or add a web article, show the reload log,
sync slash commands.

Every command here passes `cog_check`: admins (owner, Manage Server, a configured role) for the
seed commands, the owner alone for `sync`. A refusal is written to the reload log, like the
actions themselves, so an admin can see who tried what. Slow work reports progress by editing
one message, and only when it outlasts settings.progress_after, so a quick reload stays quiet.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Literal, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot import seed_intake
from bot.answers import Answer, Line, Section
from bot.briefing import COMMANDS
from bot.cogs.checks import NotAdmin, is_admin, is_owner, who
from bot.errors import UserError
from bot.pages import send_answer
from bot.render import MESSAGE_LIMIT, clip, defuse
from bot.service import Progress
from bot.uploads import safe_display
from bot.urls import short

if TYPE_CHECKING:
    from bot.discord_app import Briefbot

log = logging.getLogger(__name__)
T = TypeVar("T")
OWNER_ONLY = frozenset({"sync"})
UPLOAD_USAGE = "upload (attach one .md, .txt or .yaml file)"
EDIT_EVERY = 1.0  # seconds between progress edits, well inside Discord's edit rate limit


class ProgressMessage:
    """Runs slow work; if it outlasts `after` seconds, shows and edits one progress message."""

    def __init__(self, ctx: commands.Context, title: str, after: float) -> None:
        self.ctx = ctx
        self.title = title
        self.after = after
        self.latest = "starting"
        self.message: discord.Message | None = None
        self._last_edit = 0.0

    def _text(self) -> str:
        return clip(defuse(f"{self.title}… {self.latest}"), MESSAGE_LIMIT)

    async def update(self, text: str) -> None:
        """The `progress` callback the service calls; never lets a Discord error stop the work."""
        self.latest = text
        now = asyncio.get_running_loop().time()
        if self.message is None or now - self._last_edit < EDIT_EVERY:
            return
        self._last_edit = now
        try:
            await self.message.edit(content=self._text())
        except discord.HTTPException as exc:
            log.warning("could not edit the progress message: %s", exc)

    async def run(self, work: Callable[[Progress], Awaitable[T]]) -> T:
        task = asyncio.ensure_future(work(self.update))
        done, _pending = await asyncio.wait({task}, timeout=self.after)
        if done:
            return task.result()
        try:
            self.message = await self.ctx.send(self._text())
            self._last_edit = asyncio.get_running_loop().time()
        except discord.HTTPException as exc:
            log.warning("could not send a progress message: %s", exc)
        try:
            result = await task
        except BaseException:
            await self._finish("failed")
            raise
        await self._finish("done")
        return result

    async def _finish(self, how: str) -> None:
        if self.message is None:
            return
        try:
            await self.message.edit(content=clip(f"{self.title}: {how}.", MESSAGE_LIMIT))
        except discord.HTTPException as exc:
            log.warning("could not finish the progress message: %s", exc)


class AdminCog(commands.Cog, name="Admin"):
    """Keeping the documents current; only admins may."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context) -> bool:
        owner_only = ctx.command is not None and ctx.command.name in OWNER_ONLY
        allowed = await (is_owner(ctx) if owner_only else is_admin(ctx))
        if not allowed:
            name = ctx.command.name if ctx.command else "admin command"
            reason = "not the bot owner" if owner_only else "not an admin"
            await self.bot.service.record(who(ctx.author), f"{name} refused", reason)
            raise NotAdmin(owner_only)
        return True

    @commands.hybrid_command(name="reload", description=COMMANDS["reload"].summary[:100])
    async def reload(self, ctx: commands.Context) -> None:
        await ctx.defer()
        service = self.bot.service
        progress = ProgressMessage(ctx, "Reloading seeds/", self.bot.settings.progress_after)
        report = await progress.run(lambda p: service.reload(who(ctx.author), progress=p))
        await send_answer(ctx, report.to_answer(), self.bot.settings)

    @commands.hybrid_command(
        name="upload", description="add or replace a seed file (.md, .txt, .yaml)", usage="<file>"
    )
    @app_commands.describe(file="a .md or .txt document, or a .yaml file of curated facts")
    async def upload(self, ctx: commands.Context, file: discord.Attachment) -> None:
        settings, service = self.bot.settings, self.bot.service
        actor = who(ctx.author)
        if file.size > settings.upload_max_bytes:
            reason = f"{file.size:,} bytes; the limit is {settings.upload_max_bytes:,}"
            await service.record(
                actor, "upload refused", f"{safe_display(file.filename)}: {reason}"
            )
            raise UserError(f"“{safe_display(file.filename)}” is {reason}.", usage=UPLOAD_USAGE)
        await ctx.defer()
        data = await file.read()
        progress = ProgressMessage(
            ctx, f"Saving {safe_display(file.filename)} and reloading", settings.progress_after
        )
        name, report = await progress.run(
            lambda p: seed_intake.upload(service, file.filename, data, actor, progress=p)
        )
        answer = report.to_answer()
        intro = f"Saved `{name}` into seeds/. {answer.intro}".strip()
        await send_answer(ctx, dataclasses.replace(answer, intro=intro), settings)

    @commands.hybrid_command(name="add", description=COMMANDS["add"].summary[:100], usage="<url>")
    @app_commands.describe(url="an http:// or https:// link to a web article")
    async def add(self, ctx: commands.Context, url: str) -> None:
        """Fetch the article at a link, save it into seeds/ and reload (admins)."""
        await ctx.defer()
        service = self.bot.service
        progress = ProgressMessage(
            ctx, f"Fetching {short(url, 80)} and reloading", self.bot.settings.progress_after
        )
        name, report = await progress.run(
            lambda p: seed_intake.add_link(service, url, who(ctx.author), progress=p)
        )
        answer = report.to_answer()
        intro = f"Saved `{name}` into seeds/. {answer.intro}".strip()
        await send_answer(ctx, dataclasses.replace(answer, intro=intro), self.bot.settings)

    @commands.hybrid_command(name="reloads", description="the reload log: who changed what, when")
    @app_commands.describe(count="how many entries (1-50)")
    async def reloads(self, ctx: commands.Context, count: commands.Range[int, 1, 50] = 10) -> None:
        entries = await self.bot.service.reload_log(count)
        lines = []
        for e in entries:
            text = f"**{e.when}** {e.action} by {e.who}: {e.summary or 'no change'}"
            if e.errors:
                text += "\nErrors: " + "; ".join(e.errors)
            lines.append(Line(text))
        answer = Answer(
            "reload",
            f"Reload log (last {len(lines)})",
            "" if lines else "Nothing logged yet (or no database).",
            (Section("Entries", tuple(lines)),) if lines else (),
        )
        await send_answer(ctx, answer, self.bot.settings)

    @commands.command(name="sync", usage="[global|guild]")
    async def sync(
        self, ctx: commands.Context, scope: Literal["global", "guild"] = "global"
    ) -> None:
        """Publish the slash commands: everywhere (slow to appear) or in this server now."""
        tree = self.bot.tree
        if scope == "guild":
            if ctx.guild is None:
                raise UserError("`sync guild` works in a server, not here.", usage="sync guild")
            tree.copy_global_to(guild=ctx.guild)
            synced = await tree.sync(guild=ctx.guild)
            where = f"to this server ({ctx.guild.id})"
        else:
            synced = await tree.sync()
            where = "globally"
        summary = f"synced {len(synced)} slash commands {where}"
        await self.bot.service.record(who(ctx.author), "sync", summary)
        await ctx.send(clip(defuse(summary[0].upper() + summary[1:] + "."), MESSAGE_LIMIT))


async def setup(bot: Briefbot) -> None:
    await bot.add_cog(AdminCog(bot))
