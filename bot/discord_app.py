"""The Discord front-end: the Bot subclass, its factory, and `python -m bot run`.

One-time work (opening the database, loading the fact base, loading the cogs) happens in
`setup_hook`, never in `on_ready`, which fires again on every reconnect. The bot never pings:
`allowed_mentions` is none, so a quoted "@everyone" in a document stays text. The token comes
from the environment or a `.env` file and is never logged or printed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import discord
from discord.ext import commands

from bot.check import admin_summary
from bot.cogs.checks import ChannelNotAllowed, UserCooldown, channel_allowed
from bot.config import PROJECT_ROOT, Settings, load_settings
from bot.service import BriefingService

log = logging.getLogger(__name__)
EXTENSIONS = (
    "bot.cogs.errors",
    "bot.cogs.briefing",
    "bot.cogs.admin",
    "bot.cogs.follow",
    "bot.cogs.export",
)
TOKEN_VARIABLE = "DISCORD_TOKEN"
ENV_FILE = PROJECT_ROOT / ".env"  # git ignores it
NO_TOKEN = (
    f"No Discord token: set {TOKEN_VARIABLE} in the environment or put the line\n"
    f"  {TOKEN_VARIABLE}=...\n"
    "in a .env file in the project folder (see the README, 'Running it on Discord').\n"
    "To ask the bot without Discord, run:  python -m bot console"
)


class Briefbot(commands.Bot):
    """The bot: prefix and slash commands over one BriefingService."""

    def __init__(self, settings: Settings, service: BriefingService | None = None) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # prefix commands read the message text
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.prefix),
            intents=intents,
            help_command=None,  # `help` is a briefing command of its own
            allowed_mentions=discord.AllowedMentions.none(),
            case_insensitive=True,
        )
        self.settings = settings
        self.service = service or BriefingService(settings)
        self.cooldown = UserCooldown(settings.cooldown_rate, settings.cooldown_per)
        self.add_check(self._allowed_channel)
        self.add_check(self._within_cooldown)

    async def setup_hook(self) -> None:
        report = await self.service.start()
        log.info("fact base ready: %s", report.summary())
        (log.info if self.settings.home_guilds else log.warning)(admin_summary(self.settings))
        for name in EXTENSIONS:
            await self.load_extension(name)

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            await self.service.close()

    async def _allowed_channel(self, ctx: commands.Context) -> bool:
        if not channel_allowed(ctx.channel, self.settings.channels):
            raise ChannelNotAllowed(self.settings.channels)
        return True

    async def _within_cooldown(self, ctx: commands.Context) -> bool:
        self.cooldown.check(ctx.message)
        return True


def create_bot(
    config_path: str | Path | None = None, *, settings: Settings | None = None
) -> Briefbot:
    """The bot as deployment and tests build it; `settings` overrides the config file."""
    return Briefbot(settings or load_settings(config_path))


# -- the token ---------------------------------------------------------------------------------


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    # An unquoted value ends at an inline comment.
    for marker in (" #", "\t#"):
        if marker in value:
            value = value.split(marker, 1)[0].rstrip()
    return value


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; blank lines and # comments skipped; `export` and quotes allowed."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, IsADirectoryError):
        return values
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip()
        if key.startswith("export "):
            key = key[len("export ") :].strip()
        if key:
            values[key] = _unquote(value)
    return values


def find_token(
    environ: Mapping[str, str] | None = None, env_file: Path | None = None
) -> str | None:
    """DISCORD_TOKEN from the environment, else from .env in the project folder."""
    environ = os.environ if environ is None else environ
    token = environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        return token
    token = read_dotenv(env_file or ENV_FILE).get(TOKEN_VARIABLE, "").strip()
    return token or None


def run_discord(config_path: str | Path | None = None) -> int:
    """`python -m bot run`: 0 after a clean shutdown, 1 when the bot cannot start."""
    token = find_token()
    if not token:
        print(NO_TOKEN, file=sys.stderr)
        return 1
    discord.utils.setup_logging(level=logging.INFO)
    bot = create_bot(config_path)
    try:
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        print(
            f"Discord refused the token. Check {TOKEN_VARIABLE} (reset it in the developer "
            "portal if it leaked).",
            file=sys.stderr,
        )
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "Discord refused the Message Content intent: enable it for the bot in the developer "
            "portal (Bot > Privileged Gateway Intents).",
            file=sys.stderr,
        )
        return 1
    except (OSError, discord.GatewayNotFound) as exc:  # aiohttp's connection errors are OSErrors
        print(f"Cannot reach Discord: {exc}. Check the network and try again.", file=sys.stderr)
        return 1
    except Exception:  # anything else: say so, and exit non-zero for the process manager
        log.exception("the bot stopped on an unexpected error; exiting so it can be restarted")
        return 1
    return 0
