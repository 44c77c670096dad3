"""Who may run what, where, and how often: the checks every command passes through.

They raise CheckFailure subclasses (or CommandOnCooldown) instead of returning False, so the one
error handler in bot.cogs.errors can tell a refused admin from a wrong channel and answer each
politely.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord.ext import commands

if TYPE_CHECKING:
    from bot.config import Settings


class NotAdmin(commands.CheckFailure):
    """The author may not run an admin (or owner-only) command."""

    def __init__(self, owner_only: bool = False) -> None:
        self.owner_only = owner_only
        super().__init__("owner only" if owner_only else "admins only")


class ChannelNotAllowed(commands.CheckFailure):
    """The bot is told to answer only in some channels, and this is not one of them."""

    def __init__(self, allowed: tuple[int, ...]) -> None:
        self.allowed = allowed
        super().__init__("not an allowed channel")


def who(user: discord.abc.User) -> str:
    """How an actor is written in logs and the reload log: "name (id)"."""
    return f"{user.name} ({user.id})"


def channel_allowed(channel: object, allowed: tuple[int, ...]) -> bool:
    """Empty list: every channel; a thread counts as its parent channel."""
    if not allowed:
        return True
    ids = {getattr(channel, "id", None), getattr(channel, "parent_id", None)}
    return any(i in allowed for i in ids if i is not None)


async def is_owner(ctx: commands.Context) -> bool:
    """The application owner (asked from Discord) or an id listed in settings.owner_ids."""
    settings: Settings = ctx.bot.settings
    return ctx.author.id in settings.owner_ids or await ctx.bot.is_owner(ctx.author)


def has_admin_role(member: discord.Member, admin_roles: tuple[str, ...]) -> bool:
    """A role named in config, by name (any case) or by id."""
    wanted = {r.casefold() for r in admin_roles}
    return any(r.name.casefold() in wanted or str(r.id) in wanted for r in member.roles)


async def is_admin(ctx: commands.Context) -> bool:
    """The owner anywhere; in a home server, Manage Server or a configured admin role.

    seeds/ is shared by every server the bot is in, so rights from a server count only when an
    operator named it in `home_guilds`: whoever invites the bot to their own server (and makes
    a role called "Briefbot Admin" there) gains nothing. No home server: the owner alone.
    """
    if await is_owner(ctx):
        return True
    author = ctx.author
    if ctx.guild is None or not isinstance(author, discord.Member):
        return False
    if ctx.guild.id not in ctx.bot.settings.home_guilds:
        return False
    if author.guild_permissions.manage_guild:
        return True
    return has_admin_role(author, ctx.bot.settings.admin_roles)


class UserCooldown:
    """One budget per user across all commands, so a user cannot flood the channel."""

    def __init__(self, rate: int, per: float) -> None:
        self._mapping = commands.CooldownMapping.from_cooldown(rate, per, commands.BucketType.user)

    def check(self, message: discord.Message) -> None:
        bucket = self._mapping.get_bucket(message)
        if bucket is None:
            return
        retry_after = bucket.update_rate_limit()
        if retry_after:
            raise commands.CommandOnCooldown(bucket, retry_after, commands.BucketType.user)
