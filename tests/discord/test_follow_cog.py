"""The follow cog through its callbacks: who may follow, the commands, autocomplete, the posts."""

from __future__ import annotations

import asyncio
import logging
import unittest.mock
from dataclasses import replace

import discord
import pytest
from discord.ext import commands

from bot.answers import Answer, Line, Section
from bot.briefing import COMMANDS
from bot.changes import all_facts
from bot.cogs.choices import CHOICE_LIMIT, MAX_CHOICES
from bot.cogs.errors import reply_for
from bot.cogs.follow import FollowCog, NotChannelManager
from bot.cogs.follow_posts import MAX_POST_PAGES, post_digest, post_digests
from bot.errors import UserError
from bot.follows import Digest, fact_id
from bot.pages import embed_pages
from bot.service import BriefingService
from tests.helpers import (
    MockBot,
    MockContext,
    MockGuild,
    MockInteraction,
    MockMember,
    MockRole,
    MockTextChannel,
    MockUser,
)

NEW_DOC = """---
title: Test defence note
date: 2026-11-30
---
Norway and Japan agreed to expand joint naval exercises and defence cooperation in 2027.
"""
NAMES = ("follow", "unfollow", "following", "changes")


@pytest.fixture()
async def cog(mock_bot: MockBot) -> FollowCog:
    cog = FollowCog(mock_bot)
    await cog.cog_load()
    yield cog
    await cog.cog_unload()


def ctx_for(cog: FollowCog, name: str, **kwargs) -> MockContext:
    ctx = MockContext(bot=cog.bot, **kwargs)
    ctx.command = next(c for c in cog.get_commands() if c.name == name)
    return ctx


def manager() -> MockMember:
    member = MockMember()
    member.guild_permissions = discord.Permissions(manage_channels=True)
    return member


def channel_with_embeds() -> MockTextChannel:
    channel = MockTextChannel()
    channel.permissions_for.return_value = discord.Permissions(embed_links=True)
    return channel


# -- the commands exist as the help lists them ---------------------------------------------------


def test_each_command_is_hybrid_and_listed_in_help(cog: FollowCog) -> None:
    found = {c.name: c for c in cog.get_commands()}
    assert set(NAMES) == set(found)
    for name in NAMES:
        assert isinstance(found[name], commands.HybridCommand)
        assert name in COMMANDS and len(found[name].app_command.description) <= 100


# -- who may follow ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "author",
    [manager(), MockMember(manage_guild=True), MockMember(roles=[MockRole(name="Briefbot Admin")])],
    ids=["manage-channels", "manage-server-at-home", "admin-role-at-home"],
)
async def test_managers_and_admins_may_follow(cog: FollowCog, author) -> None:
    for name in ("follow", "unfollow"):
        assert await cog.cog_check(ctx_for(cog, name, author=author))


async def test_anyone_else_is_refused_with_a_message_the_handler_shows(cog: FollowCog) -> None:
    ctx = ctx_for(cog, "follow", author=MockMember(roles=[MockRole(name="Member")]))
    with pytest.raises(NotChannelManager) as raised:
        await cog.cog_check(ctx)
    assert isinstance(raised.value, commands.CheckFailure | UserError)
    reply = reply_for(
        raised.value, prefix="!", bot_prefix="!", command=ctx.command, invoked_with="follow",
        known=NAMES,
    )  # fmt: skip
    assert reply.text and "Manage Channels" in reply.text and not reply.unexpected


async def test_in_a_dm_follow_is_refused_and_reading_is_allowed(cog: FollowCog) -> None:
    dm = {"author": MockUser(), "channel": MockTextChannel(guild=None)}
    with pytest.raises(NotChannelManager) as raised:
        await cog.cog_check(ctx_for(cog, "follow", **dm))
    assert "server channel" in raised.value.message
    for name in ("following", "changes"):
        assert await cog.cog_check(ctx_for(cog, name, author=MockMember()))


async def test_manage_channels_outside_a_home_server_counts_too(cog: FollowCog) -> None:
    away = MockTextChannel(guild=MockGuild(id=1))
    assert await cog.cog_check(ctx_for(cog, "follow", author=manager(), channel=away))


# -- the commands, prefix and slash ---------------------------------------------------------------


@pytest.mark.parametrize("slash", [False, True], ids=["prefix", "slash"])
async def test_follow_following_unfollow_answer_like_the_service(
    cog: FollowCog, service: BriefingService, slash: bool
) -> None:
    def ctx() -> MockContext:
        return MockContext(bot=cog.bot, interaction=MockInteraction() if slash else None)

    first = ctx()
    await cog.follow.callback(cog, first, what="defence")
    assert first.sent()[0]["embed"].title == "Following defense"
    prefix = "/" if slash else "!"
    assert f"`{prefix}following`" in first.sent()[0]["embed"].description
    channel = first.channel.id
    (stored,) = await service.follows.followed(channel)
    assert stored.guild == first.guild.id and stored.created_by.endswith(f"({first.author.id})")

    listed = MockContext(bot=cog.bot, channel=first.channel)
    await cog.following.callback(cog, listed)
    expected = await service.follows.following(channel, "!")
    assert (
        listed.sent()[0]["embed"].to_dict() == embed_pages(expected, service.settings)[0].to_dict()
    )

    gone = MockContext(bot=cog.bot, channel=first.channel)
    await cog.unfollow.callback(cog, gone, what="defense")
    assert gone.sent()[0]["embed"].title == "Unfollowed defense"
    assert await service.follows.followed(channel) == []


async def test_a_miss_raises_the_user_error_for_the_handler(cog: FollowCog) -> None:
    ctx = MockContext(bot=cog.bot)
    with pytest.raises(UserError) as raised:
        await cog.follow.callback(cog, ctx, what="zzzqqqxxx")
    assert raised.value.usage
    with pytest.raises(UserError):
        await cog.changes.callback(cog, ctx, since="not a date")
    ctx.send.assert_not_awaited()


async def test_changes_sends_the_services_answer(cog: FollowCog, service: BriefingService) -> None:
    (service.settings.seeds_dir / "test-note.md").write_text(NEW_DOC, encoding="utf-8")
    await service.reload("tester")
    ctx = MockContext(bot=cog.bot)
    await cog.changes.callback(cog, ctx, since="")
    expected = embed_pages(await service.follows.changes(""), service.settings)[0]
    assert ctx.sent()[0]["embed"].to_dict() == expected.to_dict()
    assert expected.title == "Changes in the last reload that changed facts"


@pytest.mark.parametrize("typed", ["", "a", "de", "2026", "zzzz", "x" * 200, "@everyone"])
async def test_autocomplete_stays_within_discords_limits(
    cog: FollowCog, service: BriefingService, typed: str
) -> None:
    interaction = MockInteraction()
    interaction.channel_id = 4242
    await service.follows.follow(1, 4242, "defence", "Ana", "!")
    for callback in (cog._follow_choices, cog._unfollow_choices, cog._changes_choices):
        choices = await callback(interaction, typed)
        assert len(choices) <= MAX_CHOICES
        for choice in choices:
            assert 1 <= len(choice.name) <= CHOICE_LIMIT and 1 <= len(choice.value) <= CHOICE_LIMIT
    assert (await cog._unfollow_choices(interaction, "def"))[0].value == "defense"
    assert (await cog._follow_choices(interaction, "defen"))[0].value == "defense"


# -- posting after a reload ------------------------------------------------------------------------


async def _reload_with_new_document(cog: FollowCog, service: BriefingService) -> None:
    (service.settings.seeds_dir / "test-note.md").write_text(NEW_DOC, encoding="utf-8")
    await service.reload("tester")
    await asyncio.gather(*cog.tasks)


async def test_a_reload_posts_to_each_followed_channel_once_without_mentions(
    cog: FollowCog, service: BriefingService
) -> None:
    channel = channel_with_embeds()
    cog.bot.get_channel.side_effect = lambda i: channel if i == channel.id else None
    await service.follows.follow(channel.guild.id, channel.id, "defence", "Ana", "!")
    await _reload_with_new_document(cog, service)
    sends = channel.send.await_args_list
    assert 1 <= len(sends) <= MAX_POST_PAGES
    for call in sends:
        assert call.kwargs["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()
        assert call.kwargs["embed"].title.startswith("New: defense")
    channel.send.reset_mock()
    (service.settings.seeds_dir / "test-note.md").unlink()
    await service.reload("tester")
    await _reload_with_new_document(cog, service)  # back again: posted already
    channel.send.assert_not_awaited()


async def test_a_channel_without_embeds_gets_plain_messages(
    cog: FollowCog, service: BriefingService
) -> None:
    channel = MockTextChannel()
    channel.permissions_for.return_value = discord.Permissions(send_messages=True)
    cog.bot.get_channel.return_value = channel
    await service.follows.follow(channel.guild.id, channel.id, "defence", "Ana", "!")
    await _reload_with_new_document(cog, service)
    for call in channel.send.await_args_list:
        assert len(call.args[0]) <= 2000 and "embed" not in call.kwargs


async def test_a_gone_or_refusing_channel_is_logged_and_the_others_still_get_theirs(
    cog: FollowCog, service: BriefingService, caplog: pytest.LogCaptureFixture
) -> None:
    refusing, fine = channel_with_embeds(), channel_with_embeds()
    refusing.send.side_effect = discord.Forbidden(unittest.mock.Mock(status=403), "no access")
    channels = {refusing.id: refusing, fine.id: fine}
    cog.bot.get_channel.side_effect = channels.get
    for channel_id in (refusing.id, 12345, fine.id):  # 12345: deleted meanwhile
        await service.follows.follow(1, channel_id, "defence", "Ana", "!")
    with caplog.at_level(logging.WARNING, logger="bot.cogs.follow_posts"):
        await _reload_with_new_document(cog, service)
    assert "could not post to followed channel" in caplog.text
    assert "12345" in caplog.text and "gone" in caplog.text
    fine.send.assert_awaited()
    # Only the channel that got its post has it recorded: the others may get it later.
    ids = [fact_id(f) for f in all_facts(service.facts)]
    tables = service.follows._tables()
    assert await tables.posted(fine.id, ids)
    assert await tables.posted(refusing.id, ids) == set()


async def test_posting_marks_only_what_was_sent(cog: FollowCog, service: BriefingService) -> None:
    fine, gone = channel_with_embeds(), 999
    cog.bot.get_channel.side_effect = {fine.id: fine}.get
    digests = [
        Digest(1, gone, (await service.follows.following(gone, "!")), ("a",)),
        Digest(1, fine.id, (await service.follows.following(fine.id, "!")), ("b",)),
    ]
    await service.follows.follow(1, gone, "defence", "Ana", "!")
    await service.follows.follow(1, fine.id, "defence", "Ana", "!")
    await post_digests(cog.bot, digests)
    tables = service.follows._tables()
    assert await tables.posted(gone, ["a"]) == set()
    assert await tables.posted(fine.id, ["b"]) == {"b"}


async def test_unloading_the_cog_stops_listening(cog: FollowCog, service: BriefingService) -> None:
    channel = channel_with_embeds()
    cog.bot.get_channel.return_value = channel
    await service.follows.follow(1, channel.id, "defence", "Ana", "!")
    await cog.cog_unload()
    await _reload_with_new_document(cog, service)
    channel.send.assert_not_awaited()


async def test_seeds_changed_while_stopped_are_posted_once_connected(settings) -> None:
    channel = channel_with_embeds()
    first = BriefingService(settings)
    await first.start()
    await first.follows.follow(channel.guild.id, channel.id, "defence", "Ana", "!")
    await first.close()
    (settings.seeds_dir / "test-note.md").write_text(NEW_DOC, encoding="utf-8")
    second = BriefingService(settings)
    await second.start()
    try:
        bot = MockBot(service=second)
        bot.get_channel.side_effect = {channel.id: channel}.get
        cog = FollowCog(bot)
        await cog.cog_load()
        await asyncio.gather(*cog.tasks)
        bot.wait_until_ready.assert_awaited()
        assert channel.send.await_args.kwargs["embed"].title.startswith("New: defense")
        await cog.cog_unload()
    finally:
        await second.close()


async def test_a_deleted_channel_or_a_left_server_drops_its_follows(
    cog: FollowCog, service: BriefingService
) -> None:
    here, there, elsewhere = MockTextChannel(), MockTextChannel(), MockTextChannel()
    other = MockGuild(id=31)
    for channel, guild in ((here, 1), (there, 1), (elsewhere, other.id)):
        await service.follows.follow(guild, channel.id, "defence", "Ana", "!")
    await cog.on_guild_channel_delete(here)
    assert await service.follows.followed(here.id) == []
    assert await service.follows.followed(there.id)
    await cog.on_guild_remove(other)
    assert await service.follows.followed(elsewhere.id) == []
    assert await service.follows.followed(there.id)  # another server's follows stay


async def test_a_digest_of_many_pages_is_cut_to_a_few_messages(cog: FollowCog) -> None:
    cog.bot.settings = replace(cog.bot.settings, page_lines=1)
    channel = channel_with_embeds()
    cog.bot.get_channel.return_value = channel
    lines = tuple(Line(f"fact number {i}") for i in range(MAX_POST_PAGES * 2))
    answer = Answer("follow", "New: many", "", (Section("many (topic)", lines),))
    assert await post_digest(cog.bot, Digest(1, channel.id, answer, ("x",)))
    sends = channel.send.await_args_list
    assert len(sends) == MAX_POST_PAGES
    shown = [c.kwargs["embed"].description for c in sends[:-1]]
    assert all(text.endswith(f"fact number {i}") for i, text in enumerate(shown))
    last = sends[-1].args[0]
    assert f"{len(lines) - len(shown)} more pages" in last and "`!changes`" in last
