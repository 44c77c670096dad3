"""`!add <url>` on Discord: specced mocks around the admin cog, and one run through dpytest.

The pages come from the tests' own site on 127.0.0.1 (tests/links_site.py), so fetching is
allowed on this machine here; tests/test_links.py checks that the default refuses it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import discord.ext.test as dpytest
import pytest

from bot.cogs.admin import AdminCog
from bot.cogs.checks import NotAdmin, who
from bot.config import Settings
from bot.discord_app import Briefbot
from bot.errors import UserError
from bot.service import BriefingService
from bot.urls import FetchSettings
from tests.discord.test_dpytest import admin, live, reader
from tests.helpers import MockContext, MockMember
from tests.links_site import ARTICLE_TITLE, Site, site

__all__ = ["live", "site"]  # fixtures, imported for pytest

ARTICLE = "/news/ferry-timetable"
SAVED = "harbour-council-agrees-new-ferry-timetable.md"


@pytest.fixture()
def settings(settings: Settings) -> Settings:
    """The Discord layer's settings, with fetching allowed on this machine and a 64 KiB cap;
    no progress message (reading an article starts a process, which may take over 1.5 s)."""
    return replace(
        settings,
        progress_after=60.0,
        limits=replace(settings.limits, file_bytes=64 * 1024),
        fetch=FetchSettings(allow_private=True, timeout=10.0, read_timeout=2.0),
    )


def ctx_for(cog: AdminCog, **kwargs) -> MockContext:
    ctx = MockContext(bot=cog.bot, **kwargs)
    ctx.command = cog.add
    return ctx


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def test_an_admin_adds_an_article_and_gets_the_reload_summary(
    admin_cog: AdminCog, service: BriefingService, site: Site
) -> None:
    ctx = ctx_for(admin_cog)
    admin_cog.bot.is_owner.return_value = True
    assert await admin_cog.cog_check(ctx)
    await admin_cog.add.callback(admin_cog, ctx, f"<{site.at(ARTICLE)}>")
    embed = ctx.sent()[-1]["embed"]
    assert embed.title.startswith("Reload") and f"Saved `{SAVED}` into seeds/." in embed.description
    assert (service.settings.seeds_dir / SAVED).exists()
    assert any(d.title == ARTICLE_TITLE for d in service.facts.documents)
    entries = await service.reload_log(1)
    assert entries[0].action == f"add {SAVED}" and entries[0].who == who(ctx.author)


async def test_a_refused_link_raises_the_reason_and_saves_nothing(
    admin_cog: AdminCog, service: BriefingService, site: Site
) -> None:
    before = files(service.settings.seeds_dir)
    ctx = ctx_for(admin_cog)
    with pytest.raises(UserError) as raised:
        await admin_cog.add.callback(admin_cog, ctx, site.at("/report.pdf"))
    assert "application/pdf" in raised.value.message
    assert files(service.settings.seeds_dir) == before
    assert (await service.reload_log(1))[0].action == "add refused"


async def test_a_member_who_is_not_an_admin_is_refused_before_any_fetch(
    admin_cog: AdminCog, service: BriefingService, site: Site
) -> None:
    ctx = ctx_for(admin_cog, author=MockMember())
    admin_cog.bot.is_owner.return_value = False
    with pytest.raises(NotAdmin):
        await admin_cog.cog_check(ctx)
    assert (await service.reload_log(1))[0].action == "add refused"
    assert site.hits[ARTICLE] == 0


async def test_add_through_discord_py_message_parsing(live: Briefbot, site: Site) -> None:
    await dpytest.message(f"!add {site.at(ARTICLE)}", member=admin())
    message = dpytest.get_message()
    assert f"Saved `{SAVED}`" in message.embeds[0].description
    assert (live.settings.seeds_dir / SAVED).exists()
    with pytest.raises(NotAdmin):
        await dpytest.message(f"!add {site.at('/moved')}", member=reader())
    assert dpytest.get_message().content.startswith("Sorry, only admins")
    assert site.hits["/moved"] == 0
