"""The one error handler, for `!commands` and `/commands` alike.

`reply_for` decides what the user reads: user mistakes get what went wrong, the usage and "did
you mean"; refusals and cooldowns a short polite line; anything unexpected a generic line while
the traceback goes to the log. Both paths (discord.py's on_command_error, and the app-command
tree's on_error for slash failures that never reach a command) call it, so the two cannot drift.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands
from rapidfuzz import process

from bot.briefing import COMMANDS
from bot.cogs.checks import ChannelNotAllowed, NotAdmin, who
from bot.errors import UserError
from bot.render import MESSAGE_LIMIT, clip, defuse, render_error

if TYPE_CHECKING:
    from bot.discord_app import Briefbot

log = logging.getLogger(__name__)
UNEXPECTED = (
    "Something went wrong on my side; it has been logged. "
    "Try again in a moment, or tell an admin if it keeps happening."
)
_COMMAND_WORD = re.compile(r"[\w-]{1,32}")


@dataclass(frozen=True)
class Reply:
    """What to say (None: say nothing), and whether it went wrong on our side."""

    text: str | None
    unexpected: bool = False


def unwrap(error: BaseException) -> BaseException:
    """The exception the command raised, out of discord.py's wrappers."""
    while isinstance(
        error,
        commands.CommandInvokeError
        | commands.HybridCommandError
        | app_commands.CommandInvokeError
        | commands.ConversionError,
    ):
        error = error.original
    return error


def usage_of(command: commands.Command | None, prefix: str) -> str:
    if command is None:
        return f"{prefix}help"
    spec = COMMANDS.get(command.qualified_name)
    if spec:
        return prefix + spec.usage
    return f"{prefix}{command.qualified_name} {command.usage or command.signature}".strip()


def _with_prefix(error: UserError, bot_prefix: str, prefix: str) -> UserError:
    """The service writes usage with the bot's prefix; a slash user should read `/`."""
    usage = error.usage
    if usage and bot_prefix and usage.startswith(bot_prefix):
        usage = usage[len(bot_prefix) :]
    return UserError(
        error.message, usage=usage, suggestions=error.suggestions, details=error.details
    )


def _input_problem(error: commands.UserInputError) -> str:
    if isinstance(error, commands.MissingRequiredAttachment):
        return "Attach the file to the message."
    if isinstance(error, commands.MissingRequiredArgument):
        return f"Tell me the {error.param.name.replace('_', ' ')}."
    return clip(str(error), 300) or "That argument does not fit."


def reply_for(
    error: BaseException,
    *,
    prefix: str,
    bot_prefix: str,
    command: commands.Command | None,
    invoked_with: str | None,
    known: Iterable[str],
    admin_roles: tuple[str, ...] = (),
    slash: bool = False,
) -> Reply:
    """The message for one failure; the caller sends it and logs the unexpected ones."""
    error = unwrap(error)
    if isinstance(error, UserError):
        return Reply(render_error(_with_prefix(error, bot_prefix, prefix), prefix))
    if isinstance(error, commands.CommandNotFound):
        name = (invoked_with or "").casefold()
        if not _COMMAND_WORD.fullmatch(name):
            return Reply(None)  # "!!!" or "!?" is punctuation, not a command
        hits = process.extract(name, list(dict.fromkeys(known)), limit=3, score_cutoff=60)
        if not hits:
            # "!lol" in a busy channel may be meant for another bot: only a near miss of one of
            # ours ("!ministrs") earns a reply.
            return Reply(None)
        miss = UserError(
            f"There is no command “{name}”.",
            usage="help",
            suggestions=tuple(h[0] for h in hits),
        )
        return Reply(render_error(miss, prefix))
    if isinstance(error, commands.UserInputError):
        text = f"{_input_problem(error)}\nUsage: `{usage_of(command, prefix)}`"
        return Reply(clip(defuse(text), MESSAGE_LIMIT))
    if isinstance(error, NotAdmin):
        if error.owner_only:
            return Reply("Sorry, only the bot owner can do that.")
        roles = f", or members with the role {' or '.join(admin_roles)}" if admin_roles else ""
        text = f"Sorry, only admins can do that: the bot owner, members with Manage Server{roles}."
        return Reply(clip(defuse(text), MESSAGE_LIMIT))
    if isinstance(error, ChannelNotAllowed):
        if not slash:
            return Reply(None)  # a prefix in another channel: stay out of the conversation
        where = ", ".join(f"<#{c}>" for c in error.allowed[:20])
        return Reply(f"I answer only in {where}.")
    if isinstance(error, commands.CommandOnCooldown):
        return Reply(f"Slow down a little: try again in {math.ceil(error.retry_after)} s.")
    if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
        return Reply("You can't use that command here.")
    if isinstance(error, commands.DisabledCommand):
        return Reply("That command is switched off.")
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return Reply(f"My slash commands are out of date; the owner should run `{bot_prefix}sync`.")
    return Reply(UNEXPECTED, unexpected=True)


class ErrorsCog(commands.Cog, name="Errors"):
    """Answers every failed command; the bot keeps running whatever a command raised."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self._previous_tree_handler = None

    async def cog_load(self) -> None:
        self._previous_tree_handler = self.bot.tree.on_error
        self.bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        if self._previous_tree_handler is not None:
            self.bot.tree.on_error = self._previous_tree_handler

    def _known(self) -> list[str]:
        out = []
        for c in self.bot.commands:
            if not c.hidden:
                out += [c.name, *c.aliases]
        return out

    def _reply(
        self,
        error: BaseException,
        command: commands.Command | None,
        invoked: str | None,
        slash: bool,
    ) -> Reply:
        settings = self.bot.settings
        return reply_for(
            error,
            prefix="/" if slash else settings.prefix,
            bot_prefix=settings.prefix,
            command=command,
            invoked_with=invoked,
            known=self._known(),
            admin_roles=settings.admin_roles,
            slash=slash,
        )

    @staticmethod
    def _log(reply: Reply, error: BaseException, where: str, user: object) -> None:
        original = unwrap(error)
        if reply.unexpected:
            log.error(
                "unexpected error in %s (asked by %s)",
                where,
                who(user) if isinstance(user, discord.abc.User) else user,
                exc_info=(type(original), original, original.__traceback__),
            )
        else:
            log.debug("%s in %s: %s", type(original).__name__, where, original)

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: commands.CommandError) -> None:
        reply = self._reply(error, ctx.command, ctx.invoked_with, ctx.interaction is not None)
        where = f"command {ctx.command.qualified_name}" if ctx.command else "an unknown command"
        self._log(reply, error, where, ctx.author)
        if reply.text is None:
            return
        try:
            await ctx.send(reply.text, ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("could not send an error reply: %s", exc)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Slash failures that never reached a hybrid command (stale or unknown commands)."""
        name = interaction.command.qualified_name if interaction.command else None
        command = self.bot.get_command(name) if name else None
        reply = self._reply(error, command, name, slash=True)
        self._log(reply, error, f"slash command {name}", interaction.user)
        if reply.text is None:
            return
        try:
            if interaction.response.is_done():
                await interaction.followup.send(reply.text, ephemeral=True)
            else:
                await interaction.response.send_message(reply.text, ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("could not send an error reply: %s", exc)


async def setup(bot: Briefbot) -> None:
    await bot.add_cog(ErrorsCog(bot))
