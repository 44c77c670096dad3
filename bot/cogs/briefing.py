"""The question commands, each as `!name` and `/name`, answered by the BriefingService.

One hybrid command per entry of briefing.COMMANDS that has a handler, with the same name and
argument; tests check the two lists agree. The commands stay thin: ask the service (off the event
loop, since a big fact base makes ranking take a moment), render, send. Mistakes are raised as
UserError and answered by the one error handler in bot.cogs.errors.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.briefing import COMMANDS, help_answer
from bot.cogs.choices import choices_for, options, rank
from bot.pages import send_answer

if TYPE_CHECKING:
    from bot.answers import Answer
    from bot.discord_app import Briefbot


def _summary(name: str) -> str:
    return COMMANDS[name].summary[:100]


def prefix_for(ctx: commands.Context) -> str:
    """The prefix a usage line should show: `/` when the user came through a slash command."""
    return "/" if ctx.interaction else ctx.bot.settings.prefix


def typed_argument(ctx: commands.Context) -> str | None:
    """The argument text as typed after `!command`, quotes and all; None for a slash command.

    Commands that find their own parts in the text (`compare "Olaf Scholz" japan`) read this
    rather than discord.py's split into parameters, which cuts at every space.
    """
    if ctx.interaction is not None:
        return None
    content, prefix, word = ctx.message.content, ctx.prefix, ctx.invoked_with
    if not all(isinstance(x, str) for x in (content, prefix, word)):
        return None  # the context does not carry the typed text
    if not content.startswith(prefix):
        return None
    rest = content[len(prefix) :].lstrip()
    if rest[: len(word)].casefold() != word.casefold():
        return None
    return rest[len(word) :].strip()


def pair_text(a: str, b: str) -> str:
    """Two slash options as one argument text: '"Olaf Scholz" "Japan"'; `a` alone as typed."""
    if not b.strip():
        return a
    return " ".join(
        '"' + "".join(ch for ch in x if ch not in '"“”„«»').strip() + '"' for x in (a, b)
    )


class BriefingCog(commands.Cog, name="Briefing"):
    """Questions about the documents: people, quotes, commitments, dates, sources."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def answer(self, ctx: commands.Context, name: str, arg: str = "") -> None:
        service = self.bot.service
        if name == "help":
            result: Answer = help_answer(prefix_for(ctx), arg)
        else:
            result = await asyncio.to_thread(service.ask, name, arg)
        await send_answer(ctx, result, self.bot.settings)

    def choices(self, name: str, current: str) -> list[app_commands.Choice[str]]:
        snap = self.bot.service.snapshot
        kind = COMMANDS[name].argument
        return [
            app_commands.Choice(name=label, value=value)
            for label, value in choices_for(kind, current, snap.facts, snap.index)
        ]

    # -- commands ----------------------------------------------------------------------------

    @commands.hybrid_command(name="help", description=_summary("help"))
    @app_commands.describe(command="a command to explain")
    async def help(self, ctx: commands.Context, *, command: str = "") -> None:
        await self.answer(ctx, "help", command)

    @help.autocomplete("command")
    async def _help_choices(self, _i: discord.Interaction, current: str):
        return self.choices("help", current)

    @commands.hybrid_command(name="ministers", description=_summary("ministers"))
    @app_commands.describe(country_or_party="only this country or party, e.g. Germany or SPD")
    async def ministers(self, ctx: commands.Context, *, country_or_party: str = "") -> None:
        await self.answer(ctx, "ministers", country_or_party)

    @ministers.autocomplete("country_or_party")
    async def _ministers_choices(self, _i: discord.Interaction, current: str):
        return self.choices("ministers", current)

    @commands.hybrid_command(name="people", description=_summary("people"))
    async def people(self, ctx: commands.Context) -> None:
        await self.answer(ctx, "people")

    @commands.hybrid_command(name="who", description=_summary("who"))
    @app_commands.describe(name="a name, surname or role; typos are fine")
    async def who(self, ctx: commands.Context, *, name: str) -> None:
        await self.answer(ctx, "who", name)

    @who.autocomplete("name")
    async def _who_choices(self, _i: discord.Interaction, current: str):
        return self.choices("who", current)

    @commands.hybrid_command(name="quotes", description=_summary("quotes"))
    @app_commands.describe(person_or_topic="a speaker or a topic")
    async def quotes(self, ctx: commands.Context, *, person_or_topic: str = "") -> None:
        await self.answer(ctx, "quotes", person_or_topic)

    @quotes.autocomplete("person_or_topic")
    async def _quotes_choices(self, _i: discord.Interaction, current: str):
        return self.choices("quotes", current)

    @commands.hybrid_command(name="commitments", description=_summary("commitments"))
    @app_commands.describe(topic_or_country="a topic (defence, energy …) or a country")
    async def commitments(self, ctx: commands.Context, *, topic_or_country: str = "") -> None:
        await self.answer(ctx, "commitments", topic_or_country)

    @commitments.autocomplete("topic_or_country")
    async def _commitments_choices(self, _i: discord.Interaction, current: str):
        return self.choices("commitments", current)

    @commands.hybrid_command(name="topics", description=_summary("topics"))
    async def topics(self, ctx: commands.Context) -> None:
        await self.answer(ctx, "topics")

    @commands.hybrid_command(name="timeline", description=_summary("timeline"))
    @app_commands.describe(year="a year (2024) or a month (2023-05)")
    async def timeline(self, ctx: commands.Context, *, year: str = "") -> None:
        await self.answer(ctx, "timeline", year)

    @timeline.autocomplete("year")
    async def _timeline_choices(self, _i: discord.Interaction, current: str):
        return self.choices("timeline", current)

    @commands.hybrid_command(name="search", description=_summary("search"))
    @app_commands.describe(words="the words to look for")
    async def search(self, ctx: commands.Context, *, words: str) -> None:
        await self.answer(ctx, "search", words)

    @commands.hybrid_command(name="sources", description=_summary("sources"))
    async def sources(self, ctx: commands.Context) -> None:
        await self.answer(ctx, "sources")

    @commands.hybrid_command(name="brief", description=_summary("brief"))
    @app_commands.describe(document="a document (default: the latest)")
    async def brief(self, ctx: commands.Context, *, document: str = "") -> None:
        await self.answer(ctx, "brief", document)

    @brief.autocomplete("document")
    async def _brief_choices(self, _i: discord.Interaction, current: str):
        return self.choices("brief", current)

    @commands.hybrid_command(name="compare", description=_summary("compare"))
    @app_commands.describe(
        a="a country, person or party", b="another one (or name both in a: germany vs japan)"
    )
    async def compare(self, ctx: commands.Context, a: str, *, b: str = "") -> None:
        await self.answer(ctx, "compare", typed_argument(ctx) or pair_text(a, b))

    def side_choices(self, current: str) -> list[app_commands.Choice[str]]:
        """Countries, parties and people, for either side of `compare`."""
        snap = self.bot.service.snapshot
        opts = options("country-or-party", snap.facts, snap.index)
        opts += options("person", snap.facts, snap.index)
        return [app_commands.Choice(name=n, value=v) for n, v in rank(current, opts)]

    @compare.autocomplete("a")
    async def _compare_choices(self, _i: discord.Interaction, current: str):
        return self.side_choices(current)

    @compare.autocomplete("b")
    async def _compare_b_choices(self, _i: discord.Interaction, current: str):
        return self.side_choices(current)


async def setup(bot: Briefbot) -> None:
    await bot.add_cog(BriefingCog(bot))
