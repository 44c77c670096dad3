"""The one error handler: what each kind of failure says, on the prefix and the slash path."""

from __future__ import annotations

import logging

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.cogs.briefing import BriefingCog
from bot.cogs.checks import ChannelNotAllowed, NotAdmin
from bot.cogs.errors import UNEXPECTED, ErrorsCog, reply_for
from bot.errors import UserError
from tests.helpers import MockBot, MockContext, MockInteraction

KNOWN = ["help", "ministers", "people", "who", "quotes", "commitments", "reload"]


def reply(error: BaseException, *, slash: bool = False, command=None, invoked=None):
    return reply_for(
        error,
        prefix="/" if slash else "!",
        bot_prefix="!",
        command=command,
        invoked_with=invoked,
        known=KNOWN,
        admin_roles=("Briefbot Admin",),
        slash=slash,
    )


@pytest.fixture()
def who_command() -> commands.HybridCommand:
    return BriefingCog(MockBot()).who


def test_a_user_error_gets_the_message_did_you_mean_and_usage() -> None:
    error = UserError("No one called “pistorus”.", usage="who <name>", suggestions=("Pistorius",))
    text = reply(commands.CommandInvokeError(error)).text
    assert "No one called" in text and "**Pistorius**" in text and "`!who <name>`" in text


def test_a_slash_user_sees_slash_usage_even_where_the_service_wrote_the_prefix() -> None:
    error = UserError("There is no command “x”.", usage="!help")
    text = reply(error, slash=True).text
    assert "`/help`" in text and "!help" not in text


def test_a_user_error_from_the_slash_path_is_unwrapped(who_command) -> None:
    inner = app_commands.CommandInvokeError(who_command.app_command, UserError("Nothing here."))
    wrapped = commands.HybridCommandError(inner)
    result = reply(wrapped, slash=True)
    assert result.text.startswith("Nothing here.") and not result.unexpected


def test_an_unknown_command_suggests_the_nearest() -> None:
    text = reply(commands.CommandNotFound(), invoked="ministrs").text
    assert "ministrs" in text and "**ministers**" in text and "`!help`" in text


def test_a_word_far_from_every_command_is_left_to_other_bots() -> None:
    assert reply(commands.CommandNotFound(), invoked="play").text is None


@pytest.mark.parametrize("invoked", ["!", "?!", "", "…"])
def test_punctuation_after_the_prefix_is_not_answered(invoked: str) -> None:
    assert reply(commands.CommandNotFound(), invoked=invoked).text is None


def test_a_missing_argument_gets_the_usage(who_command) -> None:
    error = commands.MissingRequiredArgument(who_command.clean_params["name"])
    text = reply(error, command=who_command).text
    assert "name" in text and "`!who <name>`" in text
    assert "`/who <name>`" in reply(error, command=who_command, slash=True).text


def test_a_bad_argument_gets_its_reason_and_the_usage(who_command) -> None:
    text = reply(commands.BadArgument("Converting to int failed."), command=who_command).text
    assert "Converting to int failed." in text and "Usage:" in text


def test_a_refused_admin_gets_a_polite_line_naming_who_may() -> None:
    text = reply(NotAdmin()).text
    assert text.startswith("Sorry") and "Manage Server" in text and "Briefbot Admin" in text
    assert "owner" in reply(NotAdmin(owner_only=True)).text


def test_a_wrong_channel_is_silent_for_prefix_and_explained_for_slash() -> None:
    assert reply(ChannelNotAllowed((1, 2))).text is None
    assert reply(ChannelNotAllowed((1, 2)), slash=True).text == "I answer only in <#1>, <#2>."


def test_a_cooldown_says_when_to_try_again() -> None:
    error = commands.CommandOnCooldown(commands.Cooldown(1, 30), 12.2, commands.BucketType.user)
    assert "13 s" in reply(error).text


def test_anything_unexpected_gets_the_generic_reply() -> None:
    result = reply(commands.CommandInvokeError(RuntimeError("boom")))
    assert result.text == UNEXPECTED and result.unexpected
    assert "boom" not in result.text


def test_stale_slash_commands_point_to_sync() -> None:
    error = app_commands.CommandNotFound("gone", [])
    assert "`!sync`" in reply(error, slash=True).text


def test_a_mention_in_an_error_cannot_ping() -> None:
    text = reply(commands.BadArgument("bad @everyone <@123>")).text
    assert "@everyone" not in text and "<@123>" not in text


# -- the listeners ----------------------------------------------------------------------------


async def test_the_listener_replies_privately_on_slash_and_publicly_on_prefix(
    errors_cog: ErrorsCog,
) -> None:
    for interaction in (None, MockInteraction()):
        ctx = MockContext(bot=errors_cog.bot, interaction=interaction)
        await errors_cog.on_command_error(ctx, commands.CommandInvokeError(UserError("Nope.")))
        ((args, kwargs),) = ctx.send.call_args_list
        assert args[0].startswith("Nope.") and kwargs["ephemeral"] is True


async def test_an_unexpected_error_is_logged_with_its_traceback(
    errors_cog: ErrorsCog, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = MockContext(bot=errors_cog.bot)
    try:
        raise ValueError("the real cause")
    except ValueError as exc:
        error = commands.CommandInvokeError(exc)
    with caplog.at_level(logging.ERROR, logger="bot.cogs.errors"):
        await errors_cog.on_command_error(ctx, error)
    (record,) = caplog.records
    assert record.exc_info and record.exc_info[1].args == ("the real cause",)
    assert ctx.send.call_args.args[0] == UNEXPECTED


async def test_a_reply_that_cannot_be_sent_does_not_raise(
    errors_cog: ErrorsCog, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = MockContext(bot=errors_cog.bot)

    class Response:
        status, reason = 403, "Forbidden"

    ctx.send.side_effect = discord.Forbidden(Response(), "Missing Access")
    with caplog.at_level(logging.WARNING, logger="bot.cogs.errors"):
        await errors_cog.on_command_error(ctx, commands.CommandInvokeError(UserError("x")))
    assert "could not send" in caplog.text


async def test_tree_errors_reach_the_same_handler(errors_cog: ErrorsCog) -> None:
    fresh = MockInteraction()
    fresh.command = None
    await errors_cog.on_app_command_error(fresh, app_commands.CommandNotFound("gone", []))
    fresh.response.send_message.assert_awaited_once()
    assert fresh.response.send_message.call_args.kwargs == {"ephemeral": True}

    answered = MockInteraction()
    answered.command = None
    answered.response.is_done.return_value = True
    await errors_cog.on_app_command_error(answered, app_commands.CommandNotFound("gone", []))
    answered.followup.send.assert_awaited_once()


async def test_loading_the_cog_installs_the_tree_handler() -> None:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none())
    bot.settings = MockBot().settings
    cog = ErrorsCog(bot)
    await bot.add_cog(cog)
    assert bot.tree.on_error == cog.on_app_command_error
    assert cog.on_command_error in [
        listener for _name, listener in cog.get_listeners() if _name == "on_command_error"
    ]
    await bot.remove_cog(cog.qualified_name)
    assert bot.tree.on_error != cog.on_app_command_error
