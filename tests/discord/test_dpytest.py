"""End to end through discord.py's real message parsing, with dpytest standing in for Discord.

The bot is the one `create_bot` builds; only its settings point at a copy of seeds/ and a
throw-away database. Expectations come from the service itself (what `service.ask` answers), so
these tests hold whatever the extractors find in the seeds today.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot import create_bot
from bot.cogs.checks import NotAdmin
from bot.config import Settings
from bot.discord_app import Briefbot
from bot.errors import UserError
from bot.pages import PagesView, embed_pages
from bot.render import render_error

GOOD_DOCUMENT = (
    "---\ntitle: A short test note\ndate: 2024-01-02\n---\n"
    "The two governments agreed to hold joint exercises in 2025.\n"
)


async def start(bot: Briefbot, **members) -> Briefbot:
    """What login would do, then dpytest's fake Discord, then the bot's one-time work."""
    # dpytest makes its members through discord.py's member cache, which needs the members
    # intent. The bot itself does not ask for it: a message brings its author's roles along.
    state = bot._connection
    state._intents.members = True
    state.member_cache_flags = discord.MemberCacheFlags.from_intents(state._intents)
    mentions = bot.allowed_mentions  # dpytest's fake connection state does not carry it over
    await bot._async_setup_hook()
    dpytest.configure(bot, **members)
    bot.allowed_mentions = mentions
    await bot.setup_hook()  # dpytest never logs in, so setup_hook is called here
    return bot


@pytest.fixture()
async def live(settings: Settings) -> AsyncIterator[Briefbot]:
    bot = await start(create_bot(settings=settings), members=["Admin", "Reader"])
    config = dpytest.get_config()
    role = dpytest.backend.make_role(settings.admin_roles[0], config.guilds[0])
    await dpytest.add_role(config.members[0], role)
    bot.settings = replace(bot.settings, home_guilds=(config.guilds[0].id,))  # dpytest's server
    yield bot
    await dpytest.empty_queue()
    await bot.service.close()


def admin() -> discord.Member:
    return dpytest.get_config().members[0]


def reader() -> discord.Member:
    return dpytest.get_config().members[1]


def expected_first(bot: Briefbot, name: str, arg: str = "") -> discord.Embed | str:
    try:
        return embed_pages(bot.service.ask(name, arg), bot.settings)[0]
    except UserError as exc:
        return render_error(exc, bot.settings.prefix)


async def ask(text: str, member: discord.Member | None = None) -> discord.Message:
    """Send `text`; a miss (UserError) is answered too, so its reply is returned like any."""
    try:
        await dpytest.message(text, member=member or reader())
    except commands.CommandInvokeError as exc:  # dpytest re-raises what the handler answered
        if not isinstance(exc.original, UserError):
            raise
    return dpytest.get_message()


def same(message: discord.Message, expected: discord.Embed | str) -> bool:
    if isinstance(expected, str):
        return message.content == expected
    return bool(message.embeds) and message.embeds[0].to_dict() == expected.to_dict()


@pytest.mark.parametrize(
    ("text", "name", "arg"),
    [
        ("!ministers", "ministers", ""),
        ("!commitments defence", "commitments", "defence"),
        ("!who habek", "who", "habek"),
        ("!quotes", "quotes", ""),
        ("!COMMITMENTS   defence", "commitments", "defence"),
    ],
)
async def test_questions_are_answered_like_the_service(
    live: Briefbot, text: str, name: str, arg: str
) -> None:
    message = await ask(text)
    assert same(message, expected_first(live, name, arg))


async def test_reload_as_an_admin_reports_what_changed(live: Briefbot) -> None:
    message = await ask("!reload", admin())
    assert message.embeds and message.embeds[0].title.startswith("Reload")
    entries = await live.service.reload_log(3)
    assert entries[0].action == "reload" and str(admin().id) in entries[0].who


async def test_reload_as_a_reader_is_refused_politely_and_logged(live: Briefbot) -> None:
    with pytest.raises(NotAdmin):
        await dpytest.message("!reload", member=reader())
    message = dpytest.get_message()
    assert message.content.startswith("Sorry, only admins")
    entries = await live.service.reload_log(3)
    assert entries[0].action == "reload refused" and str(reader().id) in entries[0].who


async def test_upload_of_a_good_file_saves_and_reloads(live: Briefbot, tmp_path: Path) -> None:
    file = tmp_path / "fresh-note.md"
    file.write_text(GOOD_DOCUMENT, encoding="utf-8")
    await dpytest.message("!upload", member=admin(), attachments=[str(file)])
    message = dpytest.get_message()
    assert "Saved `fresh-note.md`" in message.embeds[0].description
    saved = live.settings.seeds_dir / "fresh-note.md"
    assert saved.read_text(encoding="utf-8") == GOOD_DOCUMENT
    assert any(d.path.endswith("fresh-note.md") for d in live.service.facts.documents)


async def test_upload_of_a_bad_file_is_refused_and_nothing_changes(
    live: Briefbot, tmp_path: Path
) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text("people:\n  - name: [unclosed\n", encoding="utf-8")
    before = sorted(p.name for p in live.settings.seeds_dir.iterdir())
    with pytest.raises(commands.CommandInvokeError) as raised:
        await dpytest.message("!upload", member=admin(), attachments=[str(file)])
    assert isinstance(raised.value.original, UserError)
    message = dpytest.get_message()
    assert message.content.startswith("broken.yaml")
    assert sorted(p.name for p in live.settings.seeds_dir.iterdir()) == before


async def test_upload_without_a_file_gets_the_usage(live: Briefbot) -> None:
    with pytest.raises(commands.MissingRequiredAttachment):
        await dpytest.message("!upload", member=admin())
    assert "Usage: `!upload <file>`" in dpytest.get_message().content


async def test_an_unknown_command_gets_did_you_mean(live: Briefbot) -> None:
    with pytest.raises(commands.CommandNotFound):
        await dpytest.message("!ministrs")
    assert "**ministers**" in dpytest.get_message().content


async def test_mentions_in_arguments_never_ping(live: Briefbot) -> None:
    assert live.allowed_mentions.to_dict() == discord.AllowedMentions.none().to_dict()
    message = await ask(f"!who @everyone <@{reader().id}>")
    text = message.content + "".join(
        (e.title or "") + (e.description or "") for e in message.embeds
    )
    assert "@everyone" not in text and f"<@{reader().id}>" not in text


async def test_the_channel_allowlist_keeps_the_bot_quiet_elsewhere(live: Briefbot) -> None:
    live.settings = replace(live.settings, channels=(1,))
    with pytest.raises(commands.CheckFailure):
        await dpytest.message("!ministers")
    assert dpytest.sent_queue.empty()


async def test_the_cooldown_stops_a_flood(settings: Settings) -> None:
    bot = await start(create_bot(settings=replace(settings, cooldown_rate=2, cooldown_per=60)))
    try:
        await dpytest.message("!topics")
        await dpytest.message("!topics")
        with pytest.raises(commands.CommandOnCooldown):
            await dpytest.message("!topics")
        replies = [dpytest.get_message() for _ in range(3)]
        assert replies[-1].content.startswith("Slow down")
    finally:
        await dpytest.empty_queue()
        await bot.service.close()


async def test_page_buttons_go_away_after_the_timeout(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start(create_bot(settings=replace(settings, page_lines=1, page_timeout=0.05)))
    timed_out = asyncio.Event()
    original = PagesView.on_timeout

    async def spy(view: PagesView) -> None:
        await original(view)
        timed_out.set()

    monkeypatch.setattr(PagesView, "on_timeout", spy)
    edits: list[dict] = []

    async def on_edit(_channel, _message, fields) -> None:
        edits.append(fields["params"].payload)

    dpytest.callbacks.set_callback(on_edit, "edit_message")
    try:
        await dpytest.message("!topics")
        assert dpytest.get_message().embeds
        await asyncio.wait_for(timed_out.wait(), timeout=5)
        assert edits and edits[-1].get("components") == []
    finally:
        dpytest.callbacks.remove_callback("edit_message")
        await dpytest.empty_queue()
        await bot.service.close()


async def test_a_followed_topic_is_posted_in_the_channel_after_a_reload(live: Briefbot) -> None:
    with pytest.raises(commands.CheckFailure):
        await dpytest.message("!follow defence", member=reader())  # no Manage Channels
    assert "Manage Channels" in dpytest.get_message().content
    followed = await ask("!follow defence", admin())
    assert followed.embeds[0].title == "Following defense"
    (live.settings.seeds_dir / "fresh-note.md").write_text(
        GOOD_DOCUMENT.replace("joint exercises", "joint defence exercises"), encoding="utf-8"
    )
    await dpytest.message("!reload", member=admin())
    await asyncio.gather(*live.get_cog("Follow").tasks)
    # The post comes from a task of its own: before or after the reload's reply.
    replies = {m.embeds[0].title.split(" ")[0]: m for m in (dpytest.get_message() for _ in "ab")}
    assert replies["Reload"] and replies["New:"].channel.id == followed.channel.id
    posted = replies["New:"].embeds[0]
    assert posted.title == "New: defense" and "A short test note" in posted.footer.text
    assert dpytest.sent_queue.empty()


async def test_export_attaches_a_file_and_compare_reads_quoted_names(
    live: Briefbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # dpytest keeps each attachment as ./dpytest_<n>.dat
    await dpytest.message("!export raw materials json", member=reader())
    message = dpytest.get_message()
    (attachment,) = message.attachments
    assert attachment.filename == "briefbot-export-topic-raw-materials.json"
    (kept,) = tmp_path.glob("dpytest_*.dat")
    assert json.loads(kept.read_bytes())["filter"]["key"] == "raw-materials"
    assert "@everyone" not in message.content
    typed = '"Olaf Scholz" japan'
    message = await ask(f"!compare {typed}")
    assert same(message, expected_first(live, "compare", typed))
    assert message.embeds[0].title == "Compare: Olaf Scholz and Japan"
