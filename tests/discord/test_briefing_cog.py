"""The briefing commands through their callbacks (prefix and slash paths) and autocomplete."""

from __future__ import annotations

import re

import discord
import pytest
from discord.ext import commands

from bot.briefing import COMMANDS
from bot.cogs.admin import AdminCog
from bot.cogs.briefing import BriefingCog
from bot.cogs.choices import CHOICE_LIMIT, MAX_CHOICES, rank
from bot.errors import UserError
from bot.pages import embed_pages
from bot.service import BriefingService
from tests.helpers import MockContext, MockInteraction

ASKED = [n for n, c in COMMANDS.items() if c.handler is not None]
COMPLETED = {
    "topic",
    "person",
    "document",
    "country-or-party",
    "person-or-topic",
    "command",
    "year",
    "side",
}


def _argument(usage: str) -> tuple[str, bool] | None:
    """'who <name>' → ('name', True); 'quotes [person|topic]' → ('person|topic', False)."""
    m = re.search(r"([<\[])([^>\]]+)[>\]]", usage)
    return (m.group(2), m.group(1) == "<") if m else None


def _hybrid(cog: commands.Cog, name: str) -> commands.HybridCommand:
    found = {c.name: c for c in cog.get_commands()}
    assert name in found, f"no command {name} in {type(cog).__name__}"
    command = found[name]
    assert isinstance(command, commands.HybridCommand)
    return command


def _examples() -> list[tuple[str, str]]:
    """Every command with no argument, plus the examples briefing.COMMANDS ships."""
    cases = [(name, "") for name in ASKED if not (_argument(COMMANDS[name].usage) or ("", 0))[1]]
    for name in ASKED:
        for example in COMMANDS[name].examples:
            _, _, arg = example.partition(" ")
            cases.append((name, arg))
    return list(dict.fromkeys(cases))


# -- the command list matches briefing.COMMANDS -------------------------------------------------


def test_every_console_command_is_a_hybrid_command_with_the_same_argument(mock_bot) -> None:
    cog = BriefingCog(mock_bot)
    assert {c.name for c in cog.get_commands()} == set(ASKED)
    for name in ASKED:
        command = _hybrid(cog, name)
        options = command.app_command.to_dict(discord.app_commands.CommandTree(_client()))[
            "options"
        ]
        argument = _argument(COMMANDS[name].usage)
        if argument is None:
            assert options == [], name
            continue
        option = options[0]  # `compare <a> <b>`: the second side is optional (`a` may hold both)
        assert all(not o["required"] for o in options[1:]), name
        assert option["required"] is argument[1], name
        assert option.get("autocomplete", False) is (COMMANDS[name].argument in COMPLETED), name
        assert len(option["name"]) <= 32 and option["name"] == option["name"].lower()
        assert len(command.app_command.description) <= 100


def test_admin_commands_of_the_console_exist_too(mock_bot) -> None:
    cog = AdminCog(mock_bot)
    for name, spec in COMMANDS.items():
        if spec.admin:
            assert isinstance(_hybrid(cog, name), commands.HybridCommand)


def _client() -> discord.Client:
    return discord.Client(intents=discord.Intents.none())


# -- each command, prefix and slash -----------------------------------------------------------


@pytest.mark.parametrize("slash", [False, True], ids=["prefix", "slash"])
@pytest.mark.parametrize(("name", "arg"), _examples())
async def test_each_command_sends_what_the_service_answers(
    briefing_cog: BriefingCog, service: BriefingService, name: str, arg: str, slash: bool
) -> None:
    ctx = MockContext(bot=briefing_cog.bot, interaction=MockInteraction() if slash else None)
    command = _hybrid(briefing_cog, name)
    params = list(command.clean_params)
    kwargs = {params[0]: arg} if params else {}
    try:
        expected = service.ask(name, arg)
    except UserError as exc:
        with pytest.raises(UserError) as raised:
            await command.callback(briefing_cog, ctx, **kwargs)
        assert raised.value.message == exc.message
        return
    await command.callback(briefing_cog, ctx, **kwargs)
    first = ctx.sent()[0]
    if name == "help":  # help shows the prefix the user typed
        prefix = "/" if slash else service.settings.prefix
        assert f"`{prefix}ministers" in first["embed"].description
    else:
        assert first["embed"].to_dict() == embed_pages(expected, service.settings)[0].to_dict()


async def test_a_miss_raises_the_user_error_for_the_handler(briefing_cog: BriefingCog) -> None:
    ctx = MockContext(bot=briefing_cog.bot)
    with pytest.raises(UserError) as raised:
        await briefing_cog.who.callback(briefing_cog, ctx, name="zzzqqqxxx")
    assert raised.value.usage
    ctx.send.assert_not_awaited()


# -- autocomplete -----------------------------------------------------------------------------


def _autocompleters(cog: BriefingCog):
    """(command, its autocomplete method): the cog names them `_<command>_choices`."""
    for name in ASKED:
        command = _hybrid(cog, name)
        if any(p.autocomplete for p in command.app_command.parameters):
            yield name, getattr(cog, f"_{name}_choices")


@pytest.mark.parametrize("typed", ["", "a", "de", "sch", "zzzz", "x" * 200, "@everyone"])
async def test_every_autocomplete_stays_within_discords_limits(
    briefing_cog: BriefingCog, typed: str
) -> None:
    found = list(_autocompleters(briefing_cog))
    assert {n for n, _ in found} == {n for n in ASKED if COMMANDS[n].argument in COMPLETED}
    for _name, callback in found:
        choices = await callback(MockInteraction(), typed)
        assert len(choices) <= MAX_CHOICES
        for choice in choices:
            assert isinstance(choice, discord.app_commands.Choice)
            assert 1 <= len(choice.name) <= CHOICE_LIMIT
            assert 1 <= len(str(choice.value)) <= CHOICE_LIMIT


async def test_a_typed_surname_puts_that_person_first(
    briefing_cog: BriefingCog, service: BriefingService
) -> None:
    for person in service.facts.people:
        surname = person.name.split()[-1]
        choices = await briefing_cog._who_choices(MockInteraction(), surname[:-1])
        assert choices, person.name
        best = choices[0].value
        assert surname[:-1].casefold() in best.casefold(), (person.name, best)


async def test_topics_complete_by_slug_or_synonym(
    briefing_cog: BriefingCog, service: BriefingService
) -> None:
    for topic in service.facts.topics:
        choices = await briefing_cog._commitments_choices(MockInteraction(), topic.label)
        assert topic.slug in [c.value for c in choices[:3]], topic.slug


def test_rank_cuts_to_25_keeps_the_natural_order_when_empty_and_clips_names() -> None:
    opts = [(f"option {i} " + "y" * 150, f"value-{i}") for i in range(60)]
    empty = rank("", opts)
    assert [v for _n, v in empty] == [f"value-{i}" for i in range(25)]
    assert all(len(n) <= 100 for n, _v in empty)
    typed = rank("option 42", opts)
    assert typed[0][1] == "value-42" and len(typed) <= 25


def test_rank_prefers_names_that_start_with_the_text() -> None:
    opts = [("Bavaria", "bavaria"), ("Austria", "austria"), ("Australia", "australia")]
    assert rank("aus", opts)[0][1] in {"austria", "australia"}
    assert rank("bav", opts)[0][1] == "bavaria"


def test_rank_drops_duplicate_values() -> None:
    assert rank("", [("A", "a"), ("A again", "a"), ("B", "b")]) == [("A", "a"), ("B", "b")]
