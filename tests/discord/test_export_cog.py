"""`export` and `compare` on Discord, through their callbacks with specced mocks.

`export` attaches a discord.File named for its filter, within the server's upload limit, built
in a worker thread; `compare` reads the typed text (quotes and all) on the prefix path and its
two options on the slash path. Nothing sent can ping.
"""

from __future__ import annotations

import json
import re

import discord
import pytest
from discord.ext import commands

from bot.cogs.briefing import BriefingCog, pair_text, typed_argument
from bot.cogs.choices import CHOICE_LIMIT, MAX_CHOICES
from bot.cogs.errors import ErrorsCog
from bot.cogs.export import ExportCog, upload_limit
from bot.errors import UserError
from bot.export import UPLOAD_LIMIT
from bot.export_formats import ExportTooLarge
from bot.pages import embed_pages
from bot.service import BriefingService
from tests.helpers import MockBot, MockContext, MockGuild, MockInteraction, MockTextChannel

MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def context(bot: MockBot, typed: str = "", *, slash: bool = False, **kwargs) -> MockContext:
    """A context as discord.py makes it for `typed` (prefix) or a slash command."""
    ctx = MockContext(bot=bot, interaction=MockInteraction() if slash else None, **kwargs)
    ctx.bot_permissions = discord.Permissions(
        attach_files=True, embed_links=True, send_messages=True
    )
    ctx.prefix = "/" if slash else "!"
    ctx.invoked_with = typed[1:].split()[0] if typed else None
    ctx.message.content = typed
    return ctx


@pytest.fixture()
def export_cog(mock_bot: MockBot) -> ExportCog:
    return ExportCog(mock_bot)


def attached(ctx: MockContext) -> tuple[discord.File, str]:
    (sent,) = ctx.sent()
    file = sent["file"]
    assert isinstance(file, discord.File)
    return file, sent["content"]


async def test_prefix_export_attaches_a_file_named_for_its_filter(export_cog: ExportCog) -> None:
    ctx = context(export_cog.bot, "!export raw materials json")
    # discord.py splits the typed text at spaces (filter "raw", format "materials"); the cog
    # reads what was typed instead
    await export_cog.export.callback(export_cog, ctx, filter="raw", format="materials")
    file, content = attached(ctx)
    assert file.filename == "briefbot-export-topic-raw-materials.json"
    data = json.loads(file.fp.read())
    assert data["filter"]["key"] == "raw-materials" and data["facts"]
    assert "Export of Raw materials" in content and not MENTION.search(content)


async def test_slash_export_defers_then_attaches(export_cog: ExportCog) -> None:
    ctx = context(export_cog.bot, slash=True)
    await export_cog.export.callback(export_cog, ctx, filter="japan", format="csv")
    ctx.defer.assert_awaited_once()
    file, _content = attached(ctx)
    assert file.filename == "briefbot-export-country-japan.csv"
    assert file.fp.read().startswith(b"kind,text,")


async def test_an_export_over_the_servers_limit_sends_nothing(export_cog: ExportCog) -> None:
    channel = MockTextChannel(guild=MockGuild(filesize_limit=200))
    ctx = context(export_cog.bot, "!export", channel=channel)
    assert upload_limit(ctx) == 200
    with pytest.raises(ExportTooLarge) as raised:
        await export_cog.export.callback(export_cog, ctx)
    assert "Narrow it" in raised.value.message
    ctx.send.assert_not_awaited()


async def test_without_a_server_the_limit_is_8_mib(export_cog: ExportCog) -> None:
    ctx = context(export_cog.bot, "!export")
    ctx.guild = None
    assert upload_limit(ctx) == UPLOAD_LIMIT == 8 * 1024 * 1024


async def test_without_attach_files_the_bot_says_so(export_cog: ExportCog) -> None:
    ctx = context(export_cog.bot, "!export")
    ctx.bot_permissions = discord.Permissions(send_messages=True)
    with pytest.raises(UserError, match="Attach Files"):
        await export_cog.export.callback(export_cog, ctx)
    ctx.send.assert_not_awaited()


async def test_a_miss_gets_the_usage_from_the_error_handler(
    export_cog: ExportCog, errors_cog: ErrorsCog
) -> None:
    ctx = context(export_cog.bot, "!export zzzqqq json")
    with pytest.raises(UserError) as raised:
        await export_cog.export.callback(export_cog, ctx, filter="zzzqqq", format="json")
    await errors_cog.on_command_error(ctx, commands.CommandInvokeError(raised.value))
    (reply,) = ctx.sent()
    assert "No topic, country or document" in reply["content"]
    assert "Usage: `!export [topic|country|document] [md|json|csv]`" in reply["content"]


async def test_a_document_titled_with_a_mention_never_pings(
    service: BriefingService, export_cog: ExportCog
) -> None:
    (service.settings.seeds_dir / "ping.md").write_text(
        '---\ntitle: "@everyone <@123> plans"\n---\nItaly wants to build a port in 2026.\n',
        encoding="utf-8",
    )
    await service.reload("test")
    ctx = context(export_cog.bot, "!export ping")
    await export_cog.export.callback(export_cog, ctx, filter="ping")
    file, content = attached(ctx)
    assert file.filename == "briefbot-export-document-ping.md"
    assert "plans" in content and not MENTION.search(content)


@pytest.mark.parametrize("typed", ["", "de", "ja", "zzzz", "x" * 200, "@everyone"])
async def test_autocomplete_stays_within_discords_limits(
    export_cog: ExportCog, briefing_cog: BriefingCog, typed: str
) -> None:
    for callback in (
        export_cog._export_choices,
        briefing_cog._compare_choices,
        briefing_cog._compare_b_choices,
    ):
        choices = await callback(MockInteraction(), typed)
        assert len(choices) <= MAX_CHOICES
        for choice in choices:
            assert 1 <= len(choice.name) <= CHOICE_LIMIT
            assert 1 <= len(str(choice.value)) <= CHOICE_LIMIT


async def test_autocomplete_offers_topics_documents_and_sides(
    export_cog: ExportCog, briefing_cog: BriefingCog, service: BriefingService
) -> None:
    doc = service.facts.documents[0]
    offered = [c.value for c in await export_cog._export_choices(MockInteraction(), doc.title)]
    assert doc.id in offered[:3]
    offered = [c.value for c in await export_cog._export_choices(MockInteraction(), "defence")]
    assert "defense" in offered[:3]
    person = service.facts.people[0]
    sides = await briefing_cog._compare_b_choices(MockInteraction(), person.name)
    assert person.name in [c.value for c in sides][:3]


# -- compare ----------------------------------------------------------------------------------


def test_typed_argument_keeps_quotes_and_ignores_slash() -> None:
    bot = MockBot()
    assert typed_argument(context(bot, '!compare "Olaf Scholz" japan')) == '"Olaf Scholz" japan'
    assert typed_argument(context(bot, "!COMPARE  germany   japan")) == "germany   japan"
    assert typed_argument(context(bot, slash=True)) is None
    mentioned = context(bot, "<@42> compare france  italy")
    mentioned.prefix, mentioned.invoked_with = "<@42> ", "compare"
    assert typed_argument(mentioned) == "france  italy"
    assert pair_text("Olaf Scholz", "Japan") == '"Olaf Scholz" "Japan"'
    assert pair_text('say "hi"', "x") == '"say hi" "x"'
    assert pair_text("germany vs japan", "") == "germany vs japan"


async def test_prefix_compare_reads_what_was_typed(
    briefing_cog: BriefingCog, service: BriefingService
) -> None:
    typed = '"Olaf Scholz" japan'
    ctx = context(briefing_cog.bot, f"!compare {typed}")
    await briefing_cog.compare.callback(briefing_cog, ctx, a="Olaf Scholz", b="japan")
    expected = service.ask("compare", typed)
    assert expected.title == "Compare: Olaf Scholz and Japan"
    first = ctx.sent()[0]
    assert first["embed"].to_dict() == embed_pages(expected, service.settings)[0].to_dict()


async def test_slash_compare_takes_its_two_options(
    briefing_cog: BriefingCog, service: BriefingService
) -> None:
    ctx = context(briefing_cog.bot, slash=True)
    await briefing_cog.compare.callback(briefing_cog, ctx, a="Olaf Scholz", b="Japan")
    expected = service.ask("compare", '"Olaf Scholz" "Japan"')
    first = ctx.sent()[0]
    assert first["embed"].to_dict() == embed_pages(expected, service.settings)[0].to_dict()


def test_the_slash_options_are_two_sides_with_autocomplete(briefing_cog: BriefingCog) -> None:
    command = next(c for c in briefing_cog.get_commands() if c.name == "compare")
    tree = discord.app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    options = command.app_command.to_dict(tree)["options"]
    assert [(o["name"], o["required"], o.get("autocomplete")) for o in options] == [
        ("a", True, True),
        ("b", False, True),
    ]
    export = next(c for c in ExportCog(MockBot()).get_commands() if c.name == "export")
    names = [o["name"] for o in export.app_command.to_dict(tree)["options"]]
    assert names == ["filter", "format"]
