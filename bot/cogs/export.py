"""`export` on Discord: the facts as an attached file (`!export defense json`, `/export`).

The file is built by bot.export in a worker thread (a big fact base takes a moment), within the
server's upload limit: a file that would pass it is refused with how to narrow the export, and
nothing is sent. Without the Attach Files permission the bot says so instead of failing.
"""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.briefing import COMMANDS
from bot.cogs.briefing import typed_argument
from bot.cogs.choices import options, rank
from bot.errors import UserError
from bot.export import UPLOAD_LIMIT, build_export
from bot.render import MESSAGE_LIMIT, clip, defuse
from bot.usage import USAGE

if TYPE_CHECKING:
    from bot.discord_app import Briefbot

FORMAT_CHOICES = [
    app_commands.Choice(name="Markdown briefing", value="md"),
    app_commands.Choice(name="JSON (one row per fact)", value="json"),
    app_commands.Choice(name="CSV (one row per fact)", value="csv"),
]


def upload_limit(ctx: commands.Context) -> int:
    """The largest file the bot may send here: the server's limit, else 8 MiB (DMs)."""
    guild = ctx.guild
    limit = getattr(guild, "filesize_limit", None) if guild is not None else None
    return limit if isinstance(limit, int) and limit > 0 else UPLOAD_LIMIT


class ExportCog(commands.Cog, name="Export"):
    """The facts as a file: a Markdown briefing, or JSON or CSV rows."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="export", description=COMMANDS["export"].summary[:100])
    @app_commands.describe(
        filter="a topic, country or document (default: everything)",
        format="md (a briefing to read), json or csv (one row per fact)",
    )
    @app_commands.choices(format=FORMAT_CHOICES)
    async def export(self, ctx: commands.Context, filter: str = "", format: str = "md") -> None:
        text = typed_argument(ctx)
        if text is None:
            text = f"{filter} {format}".strip()
        if not ctx.bot_permissions.attach_files:
            raise UserError(
                "I may not attach files in this channel: give me Attach Files, or ask in "
                "another channel.",
                usage=USAGE["export"],
            )
        await ctx.defer()  # a slash command has 3 s to answer; building may take longer
        snap = self.bot.service.snapshot
        file = await asyncio.to_thread(
            build_export, snap.facts, snap.index, text, upload_limit(ctx)
        )
        note = clip(defuse(f"Export of {file.filter.label}: {file.describe()}."), MESSAGE_LIMIT)
        await ctx.send(note, file=discord.File(io.BytesIO(file.data), filename=file.filename))

    @export.autocomplete("filter")
    async def _export_choices(self, _i: discord.Interaction, current: str):
        snap = self.bot.service.snapshot
        opts = options("topic", snap.facts, snap.index)
        opts += options("document", snap.facts, snap.index)
        return [app_commands.Choice(name=n, value=v) for n, v in rank(current, opts)]


async def setup(bot: Briefbot) -> None:
    await bot.add_cog(ExportCog(bot))
