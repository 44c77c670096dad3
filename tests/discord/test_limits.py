"""Whatever is asked, everything the bot sends fits Discord's limits and cannot ping anyone.

Arguments are drawn from the shipped seeds' own facts (every name, surname, topic, country,
party, document and year) plus hostile text; each goes through the real cog, the real send path
(embeds, or text where embeds are not allowed) and, for a miss, the real error handler.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import discord
from discord.ext import commands
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import briefing
from bot.answers import Answer, Line, Section
from bot.cogs.briefing import BriefingCog
from bot.cogs.errors import ErrorsCog
from bot.errors import UserError
from bot.factbase import FactBase
from bot.pages import send_answer
from bot.search import FactIndex
from tests.helpers import (
    MockBot,
    MockContext,
    MockInteraction,
    MockMember,
    MockTextChannel,
    make_settings,
)

ASKED = [n for n, c in briefing.COMMANDS.items() if c.handler is not None]
MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")
HOSTILE = [
    "",
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@&42>",
    "<@!7>",
    "```",
    "**" * 40,
    "a" * 5000,
    "😀" * 300,
    "line\nbreak",
    "\u202e",
    "2023-13",
    "9999",
]


class FrozenService:
    """Answers like BriefingService.ask, over the session's seed facts (no store needed)."""

    def __init__(self, facts: FactBase, index: FactIndex, **overrides: Any) -> None:
        self.settings = make_settings(**overrides)
        self.facts, self.index = facts, index

    def ask(self, name: str, arg: str = "") -> Answer:
        return briefing.answer(self.facts, self.index, name, arg, prefix=self.settings.prefix)


def seed_arguments(facts: FactBase, index: FactIndex) -> list[str]:
    args: list[str] = []
    for p in facts.people:
        args += [p.name, p.name.split()[-1], *p.roles]
    for t in facts.topics:
        args += [t.slug, t.label]
    args += index.countries() + index.parties()
    args += [d.id for d in facts.documents] + [e.when[:4] for e in facts.events]
    return list(dict.fromkeys(args))


def all_text(sent: dict[str, Any]) -> list[str]:
    parts = [sent.get("content") or ""]
    view = sent.get("view")
    pages = view.pages if view is not None else [sent.get("embed")]
    for page in pages:
        if isinstance(page, str):
            parts.append(page)
        elif page is not None:
            parts += [page.title or "", page.description or "", page.footer.text or ""]
            parts += [f.name + f.value for f in page.fields]
    return parts


def assert_fits(sent: dict[str, Any]) -> None:
    content = sent.get("content")
    assert content is None or 0 < len(content) <= 2000
    view = sent.get("view")
    pages = view.pages if view is not None else [sent.get("embed") or content]
    for page in pages:
        if isinstance(page, str):
            assert 0 < len(page) <= 2000
            continue
        assert isinstance(page, discord.Embed)
        assert len(page.title or "") <= 256
        assert len(page.description or "") <= 4096
        assert len(page.footer.text or "") <= 2048
        assert len(page.fields) <= 25 and all(len(f.value) <= 1024 for f in page.fields)
        assert len(page) <= 6000
    for text in all_text(sent):
        assert not MENTION.search(text), text[:200]


class Layer:
    """The briefing cog and the error handler around one service, as the bot wires them."""

    def __init__(self, service: FrozenService) -> None:
        self.bot = MockBot(service=service)
        self.cog, self.errors = BriefingCog(self.bot), ErrorsCog(self.bot)
        self.bot.commands = set(self.cog.get_commands())
        self.author, self.channel = MockMember(), MockTextChannel()

    async def ask(self, name: str, arg: str, *, embeds: bool, slash: bool) -> list[dict]:
        interaction = MockInteraction() if slash else None
        ctx = MockContext(
            bot=self.bot,
            author=self.author,
            channel=self.channel,
            embed_links=embeds,
            interaction=interaction,
        )
        ctx.command = self.cog.get_commands()[0]
        try:
            await self.cog.answer(ctx, name, arg)
        except UserError as exc:
            await self.errors.on_command_error(ctx, commands.CommandInvokeError(exc))
        return ctx.sent()


async def test_every_command_over_the_seed_facts_fits_and_never_pings(
    seed_facts: FactBase, seed_index: FactIndex
) -> None:
    layer = Layer(FrozenService(seed_facts, seed_index))
    args = seed_arguments(seed_facts, seed_index) + HOSTILE
    checked = 0
    for name in ASKED:
        # A command without an argument ignores it: a few strings are enough there.
        for arg in args if briefing.COMMANDS[name].argument else HOSTILE[:3]:
            for embeds in (True, False):
                sent = await layer.ask(name, arg, embeds=embeds, slash=False)
                assert len(sent) == 1, (name, arg)
                assert_fits(sent[0])
                checked += 1
    assert checked >= len(args) * 2


async def test_small_pages_and_slash_paths_fit_too(
    seed_facts: FactBase, seed_index: FactIndex
) -> None:
    layer = Layer(FrozenService(seed_facts, seed_index, page_lines=1))
    for name in ASKED:
        for arg in ["", *HOSTILE[:4]]:
            for sent in await layer.ask(name, arg, embeds=True, slash=True):
                assert_fits(sent)


async def test_an_enormous_answer_still_fits_every_page() -> None:
    huge = "@everyone " + "word " * 2000
    answer = Answer(
        "quotes",
        huge,
        huge,
        tuple(Section(huge, tuple(Line(huge) for _ in range(30))) for _ in range(3)),
        footer=huge,
    )
    for embeds in (True, False):
        ctx = MockContext(embed_links=embeds)
        await send_answer(ctx, answer, make_settings(page_lines=50))
        (sent,) = ctx.sent()
        assert_fits(sent)
        assert len(sent["view"].pages) > 1


_layers: dict[int, Layer] = {}


def _layer(facts: FactBase, index: FactIndex) -> Layer:
    """One layer for all hypothesis examples (building specced mocks is the slow part)."""
    if id(facts) not in _layers:
        _layers[id(facts)] = Layer(FrozenService(facts, index))
    return _layers[id(facts)]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(ASKED),
    arg=st.one_of(st.text(max_size=400), st.sampled_from(HOSTILE)),
    embeds=st.booleans(),
    slash=st.booleans(),
)
def test_any_argument_through_the_discord_layer_fits(
    seed_facts: FactBase, seed_index: FactIndex, name: str, arg: str, embeds: bool, slash: bool
) -> None:
    layer = _layer(seed_facts, seed_index)
    sent = asyncio.run(layer.ask(name, arg, embeds=embeds, slash=slash))
    assert len(sent) == 1
    assert_fits(sent[0])
