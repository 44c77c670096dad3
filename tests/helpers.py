"""Specced mocks of discord.py objects, after python-discord's tests/helpers.py.

Each mock is built with `spec_set`, so code under test that touches an attribute the real object
does not have fails the test instead of silently getting a MagicMock. Coroutine methods become
AsyncMocks (unittest.mock does that for specs), so `await ctx.send(...)` works and can be
inspected. Slotted discord classes are specced by class; Context and the bot, which set their
attributes in __init__, by a real instance.
"""

from __future__ import annotations

import itertools
import unittest.mock
from dataclasses import replace
from typing import Any

import discord
from discord.ext import commands

from bot.config import Settings, load_settings
from bot.discord_app import Briefbot

_ids = itertools.count(1000)


def next_id() -> int:
    return next(_ids)


class CustomMockMixin:
    """Children of a custom mock are plain mocks (a Member's guild is not a Member)."""

    child_mock_type: type = unittest.mock.MagicMock
    spec_set: Any = None

    def __init__(self, **kwargs: Any) -> None:
        name = kwargs.pop("name", None)  # `name` means something to Mock itself
        super().__init__(spec_set=self.spec_set, **kwargs)
        if name is not None:
            self.name = name

    def _get_child_mock(self, **kw: Any) -> unittest.mock.Mock:
        new_name = kw.get("_new_name")
        if new_name in self.__dict__["_spec_asyncs"]:
            return unittest.mock.AsyncMock(**kw)
        if self._mock_sealed:
            raise AttributeError(new_name)
        return self.child_mock_type(**kw)


class HashableMixin:
    def __hash__(self) -> int:
        return self.id

    def __eq__(self, other: object) -> bool:
        return getattr(other, "id", None) == self.id


class MockRole(CustomMockMixin, HashableMixin, unittest.mock.Mock):
    spec_set = discord.Role

    def __init__(self, **kwargs: Any) -> None:
        defaults = {"id": next_id(), "name": "role", "position": 1}
        super().__init__(**{**defaults, **kwargs})
        self.mention = f"<@&{self.id}>"


class MockGuild(CustomMockMixin, HashableMixin, unittest.mock.Mock):
    spec_set = discord.Guild

    def __init__(self, roles: list[MockRole] | None = None, **kwargs: Any) -> None:
        defaults = {"id": next_id(), "name": "guild", "owner_id": 1}
        super().__init__(**{**defaults, **kwargs})
        self.roles = [MockRole(name="@everyone", id=self.id), *(roles or [])]


class MockMember(CustomMockMixin, HashableMixin, unittest.mock.Mock):
    """A server member; `manage_guild=True` gives the Manage Server permission."""

    spec_set = discord.Member

    def __init__(
        self, roles: list[MockRole] | None = None, manage_guild: bool = False, **kwargs: Any
    ) -> None:
        defaults = {"id": next_id(), "name": "member", "bot": False}
        super().__init__(**{**defaults, **kwargs})
        self.display_name = self.name
        self.mention = f"<@{self.id}>"
        self.roles = [MockRole(name="@everyone", id=0), *(roles or [])]
        self.guild_permissions = discord.Permissions(manage_guild=manage_guild)


class MockUser(CustomMockMixin, HashableMixin, unittest.mock.Mock):
    """A user outside any server (a DM)."""

    spec_set = discord.User

    def __init__(self, **kwargs: Any) -> None:
        defaults = {"id": next_id(), "name": "user", "bot": False}
        super().__init__(**{**defaults, **kwargs})
        self.mention = f"<@{self.id}>"


#: The id of the server a MockTextChannel is in unless told otherwise: the tests' home server.
HOME_GUILD_ID = 10_000


class MockTextChannel(CustomMockMixin, HashableMixin, unittest.mock.Mock):
    """A text channel, by default in the home server (HOME_GUILD_ID)."""

    spec_set = discord.TextChannel

    def __init__(self, **kwargs: Any) -> None:
        defaults = {"id": next_id(), "name": "channel", "guild": MockGuild(id=HOME_GUILD_ID)}
        super().__init__(**{**defaults, **kwargs})
        self.type = discord.ChannelType.text
        self.mention = f"<#{self.id}>"


class MockAttachment(CustomMockMixin, unittest.mock.Mock):
    """An uploaded file; `data` is what read() returns."""

    spec_set = discord.Attachment

    def __init__(self, data: bytes = b"", **kwargs: Any) -> None:
        defaults = {"id": next_id(), "filename": "file.md", "size": len(data)}
        super().__init__(**{**defaults, **kwargs})
        self.read.return_value = data


class MockMessage(CustomMockMixin, unittest.mock.Mock):
    spec_set = discord.Message

    def __init__(self, **kwargs: Any) -> None:
        defaults = {"id": next_id(), "content": "", "attachments": [], "embeds": []}
        super().__init__(**{**defaults, **kwargs})
        if "author" not in kwargs:
            self.author = MockMember()
        if "channel" not in kwargs:
            self.channel = MockTextChannel()


class MockInteractionResponse(CustomMockMixin, unittest.mock.Mock):
    spec_set = discord.InteractionResponse

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.is_done.return_value = False


class MockWebhook(CustomMockMixin, unittest.mock.Mock):
    spec_set = discord.Webhook


class MockInteraction(CustomMockMixin, unittest.mock.Mock):
    """A slash command or button press by `user`."""

    spec_set = discord.Interaction

    def __init__(self, **kwargs: Any) -> None:
        defaults = {"id": next_id()}
        super().__init__(**{**defaults, **kwargs})
        if "user" not in kwargs:
            self.user = MockMember()
        self.response = MockInteractionResponse()
        self.followup = MockWebhook()
        self.app_permissions = discord.Permissions(embed_links=True, send_messages=True)
        self.is_expired.return_value = False


def make_settings(**overrides: Any) -> Settings:
    """The shipped settings, with any field replaced (e.g. channels, cooldown_rate)."""
    return replace(load_settings(), **overrides)


_bot_instance = Briefbot(load_settings())


class MockBot(CustomMockMixin, unittest.mock.MagicMock):
    """The bot, specced on a real Briefbot; give it a `service` and `settings` to answer."""

    spec_set = _bot_instance

    def __init__(self, service: Any = None, settings: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = settings or (service.settings if service else load_settings())
        self.service = service if service is not None else unittest.mock.MagicMock()
        self.is_owner.return_value = False
        self.commands = set()


_context_instance = commands.Context(
    message=unittest.mock.MagicMock(),
    bot=unittest.mock.MagicMock(),
    view=unittest.mock.MagicMock(),
    prefix="!",
)


class MockContext(CustomMockMixin, unittest.mock.MagicMock):
    """A command invocation: a prefix one, or a slash one when `interaction` is given."""

    spec_set = _context_instance

    def __init__(
        self,
        bot: MockBot | None = None,
        author: Any = None,
        channel: Any = None,
        interaction: MockInteraction | None = None,
        embed_links: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.bot = bot or MockBot()
        self.author = author or MockMember()
        self.channel = channel or MockTextChannel()
        self.guild = getattr(self.channel, "guild", None)
        self.interaction = interaction
        self.message = MockMessage(author=self.author, channel=self.channel)
        self.bot_permissions = discord.Permissions(embed_links=embed_links, send_messages=True)
        self.command = None
        self.invoked_with = None
        self.send.return_value = MockMessage(author=MockMember(bot=True), channel=self.channel)

    def sent(self) -> list[dict[str, Any]]:
        """Every send, as keyword arguments (a positional content becomes `content`)."""
        out = []
        for call in self.send.call_args_list:
            kw = dict(call.kwargs)
            if call.args:
                kw["content"] = call.args[0]
            out.append(kw)
        return out
