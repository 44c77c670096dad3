"""Fixtures for the Discord layer: a started service on a copy of seeds/, and mocks around it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.cogs.admin import AdminCog
from bot.cogs.briefing import BriefingCog
from bot.cogs.errors import ErrorsCog
from bot.config import Settings
from bot.service import BriefingService
from tests.helpers import HOME_GUILD_ID, MockBot


@pytest.fixture()
def settings(workdir: Settings) -> Settings:
    """A copy of seeds/, a throw-away database, a home server, and a cooldown no test run can
    reach."""
    return replace(
        workdir,
        cooldown_rate=10_000,
        admin_roles=("Briefbot Admin", "4242"),
        home_guilds=(HOME_GUILD_ID,),
    )


@pytest.fixture()
async def service(settings: Settings) -> AsyncIterator[BriefingService]:
    svc = BriefingService(settings)
    await svc.start()
    yield svc
    await svc.close()


@pytest.fixture()
def mock_bot(service: BriefingService) -> MockBot:
    return MockBot(service=service)


@pytest.fixture()
def briefing_cog(mock_bot: MockBot) -> BriefingCog:
    return BriefingCog(mock_bot)


@pytest.fixture()
def admin_cog(mock_bot: MockBot) -> AdminCog:
    return AdminCog(mock_bot)


@pytest.fixture()
def errors_cog(mock_bot: MockBot) -> ErrorsCog:
    return ErrorsCog(mock_bot)
