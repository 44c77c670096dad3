"""The bot factory, setup_hook, and `python -m bot run` (token handling, start-up failures)."""

from __future__ import annotations

import logging
import re
import shutil
import unittest.mock
from pathlib import Path

import discord
import pytest
from discord.ext import commands

import bot
import bot.discord_app as app
from bot.config import Settings
from bot.discord_app import Briefbot, create_bot, find_token, read_dotenv, run_discord
from tests.conftest import CONFIG
from tests.helpers import MockMessage

FAKE_TOKEN = "fake.token-value_for-tests"


def test_create_bot_is_what_the_package_exports() -> None:
    assert bot.create_bot is create_bot


async def test_the_bot_reads_messages_never_pings_and_uses_the_configured_prefix() -> None:
    b = create_bot()
    assert isinstance(b, Briefbot) and isinstance(b, commands.Bot)
    assert b.intents.message_content and not b.intents.members
    mentions = b.allowed_mentions
    assert not (mentions.everyone or mentions.users or mentions.roles or mentions.replied_user)
    assert b.help_command is None
    b._connection.user = unittest.mock.MagicMock(id=1)  # when_mentioned needs the bot's id
    prefixes = await b.get_prefix(MockMessage(content="!ministers"))
    assert b.settings.prefix in prefixes


async def test_a_config_file_sets_the_prefix(tmp_path: Path) -> None:
    folder = shutil.copytree(CONFIG, tmp_path / "config")
    config = folder / "bot.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^prefix:.*$", 'prefix: "?"', text), encoding="utf-8")
    assert create_bot(config).settings.prefix == "?"


async def test_setup_hook_starts_the_service_and_loads_the_cogs(settings: Settings) -> None:
    b = create_bot(settings=settings)
    await b._async_setup_hook()
    await b.setup_hook()
    try:
        assert set(b.cogs) == {"Briefing", "Admin", "Errors", "Follow", "Export"}
        assert b.service.facts.documents  # the seeds were read
        assert "on_ready" not in b.extra_events and not hasattr(Briefbot, "on_ready")
        names = [c.name for c in b.walk_commands()]
        assert len(names) == len(set(names))
    finally:
        await b.service.close()


# -- the token --------------------------------------------------------------------------------


def test_dotenv_lines_comments_quotes_and_export(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "# a comment\n\n"
        "DISCORD_TOKEN='abc.def'\n"
        'export OTHER = "two words"\n'
        "PLAIN=value # trailing comment\n"
        "HASH=a#b\n"
        "not a pair\n",
        encoding="utf-8",
    )
    assert read_dotenv(env) == {
        "DISCORD_TOKEN": "abc.def",
        "OTHER": "two words",
        "PLAIN": "value",
        "HASH": "a#b",
    }
    assert read_dotenv(tmp_path / "missing") == {}


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("DISCORD_TOKEN=from-file\n", encoding="utf-8")
    assert find_token({"DISCORD_TOKEN": "from-env"}, env) == "from-env"
    assert find_token({}, env) == "from-file"
    assert find_token({"DISCORD_TOKEN": "  "}, tmp_path / "none") is None


@pytest.fixture()
def no_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setattr(app, "ENV_FILE", tmp_path / ".env")


def test_without_a_token_run_points_to_the_console(
    no_token: None, capsys: pytest.CaptureFixture
) -> None:
    assert run_discord() == 1
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN" in err and "python -m bot console" in err


@pytest.fixture()
def token_set(monkeypatch: pytest.MonkeyPatch, no_token: None) -> unittest.mock.Mock:
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    setup_logging = unittest.mock.Mock()
    monkeypatch.setattr(discord.utils, "setup_logging", setup_logging)
    return setup_logging


def test_run_starts_the_bot_with_the_token_and_discord_logging(
    token_set: unittest.mock.Mock, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = []
    monkeypatch.setattr(Briefbot, "run", lambda self, token, **kw: runs.append((token, kw)))
    assert run_discord() == 0
    assert runs == [(FAKE_TOKEN, {"log_handler": None})]
    token_set.assert_called_once()


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (discord.LoginFailure("Improper token has been passed."), "refused the token"),
        (discord.PrivilegedIntentsRequired(None), "Message Content intent"),
        (OSError("Name or service not known"), "Cannot reach Discord"),
        (KeyError("an unexpected gateway payload"), "exiting so it can be restarted"),
    ],
)
def test_start_up_failures_explain_and_never_show_the_token(
    token_set: unittest.mock.Mock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    hint: str,
) -> None:
    def fail(self, token, **kw):
        raise error

    monkeypatch.setattr(Briefbot, "run", fail)
    with caplog.at_level(logging.DEBUG):
        assert run_discord() == 1
    captured = capsys.readouterr()
    assert hint in captured.err + caplog.text
    assert FAKE_TOKEN not in captured.out + captured.err + caplog.text
