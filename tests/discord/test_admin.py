"""Admin checks (owner / Manage Server / role / none), reload with progress, upload, sync."""

from __future__ import annotations

import asyncio
import unittest.mock
from dataclasses import replace
from pathlib import Path

import pytest

import bot.cogs.admin as admin_module
from bot.cogs.admin import AdminCog
from bot.cogs.checks import NotAdmin, who
from bot.errors import UserError
from bot.service import BriefingService, ReloadReport
from tests.helpers import (
    HOME_GUILD_ID,
    MockAttachment,
    MockBot,
    MockContext,
    MockGuild,
    MockInteraction,
    MockMember,
    MockMessage,
    MockRole,
    MockTextChannel,
    MockUser,
)

GOOD_DOCUMENT = (
    b"---\ntitle: A short test note\ndate: 2024-01-02\n---\n"
    b"The two governments agreed to hold joint exercises in 2025.\n"
)
BAD_YAML = b"people:\n  - name: [unclosed\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def log_actions(service: BriefingService) -> list[str]:
    return [e.action for e in await service.reload_log(50)]


def ctx_for(cog: AdminCog, name: str, **kwargs) -> MockContext:
    ctx = MockContext(bot=cog.bot, **kwargs)
    ctx.command = next(c for c in cog.get_commands() if c.name == name)
    return ctx


# -- who is an admin --------------------------------------------------------------------------


async def test_the_bot_owner_is_an_admin(admin_cog: AdminCog) -> None:
    ctx = ctx_for(admin_cog, "reload")
    admin_cog.bot.is_owner.return_value = True
    assert await admin_cog.cog_check(ctx)


async def test_an_owner_id_from_the_settings_is_an_admin(admin_cog: AdminCog) -> None:
    member = MockMember()
    admin_cog.bot.settings = replace(admin_cog.bot.settings, owner_ids=(member.id,))
    assert await admin_cog.cog_check(ctx_for(admin_cog, "sync", author=member))


async def test_manage_server_makes_an_admin(admin_cog: AdminCog) -> None:
    ctx = ctx_for(admin_cog, "reload", author=MockMember(manage_guild=True))
    assert await admin_cog.cog_check(ctx)


@pytest.mark.parametrize("role", [MockRole(name="briefbot admin"), MockRole(id=4242)])
async def test_a_configured_role_by_name_or_id_makes_an_admin(
    admin_cog: AdminCog, role: MockRole
) -> None:
    ctx = ctx_for(admin_cog, "upload", author=MockMember(roles=[role]))
    assert await admin_cog.cog_check(ctx)


async def test_anyone_else_is_refused_and_the_refusal_is_logged(
    admin_cog: AdminCog, service: BriefingService
) -> None:
    member = MockMember(roles=[MockRole(name="Member")])
    ctx = ctx_for(admin_cog, "reload", author=member)
    with pytest.raises(NotAdmin) as raised:
        await admin_cog.cog_check(ctx)
    assert not raised.value.owner_only
    entries = await service.reload_log(5)
    assert entries[0].action == "reload refused" and entries[0].who == who(member)


async def test_in_a_dm_only_the_owner_is_an_admin(admin_cog: AdminCog) -> None:
    ctx = ctx_for(admin_cog, "reload", author=MockUser(), channel=MockTextChannel(guild=None))
    with pytest.raises(NotAdmin):
        await admin_cog.cog_check(ctx)


@pytest.mark.parametrize(
    "member",
    [MockMember(manage_guild=True), MockMember(roles=[MockRole(name="Briefbot Admin")])],
    ids=["manage-server", "self-made-role"],
)
async def test_rights_in_a_server_that_is_not_home_count_for_nothing(
    admin_cog: AdminCog, service: BriefingService, member: MockMember
) -> None:
    """The attack: invite the bot to your own server, make yourself an admin there, upload."""
    stranger = MockTextChannel(guild=MockGuild(id=HOME_GUILD_ID + 1))
    before = snapshot(service.settings.seeds_dir)
    ctx = ctx_for(admin_cog, "upload", author=member, channel=stranger)
    with pytest.raises(NotAdmin):
        await admin_cog.cog_check(ctx)
    assert snapshot(service.settings.seeds_dir) == before
    entries = await service.reload_log(1)
    assert entries[0].action == "upload refused" and entries[0].who == who(member)


async def test_with_no_home_server_only_the_owner_is_an_admin(admin_cog: AdminCog) -> None:
    admin_cog.bot.settings = replace(admin_cog.bot.settings, home_guilds=())
    with pytest.raises(NotAdmin):
        await admin_cog.cog_check(
            ctx_for(admin_cog, "reload", author=MockMember(manage_guild=True))
        )
    admin_cog.bot.is_owner.return_value = True
    assert await admin_cog.cog_check(ctx_for(admin_cog, "reload"))


async def test_the_owner_is_an_admin_in_any_server(admin_cog: AdminCog) -> None:
    admin_cog.bot.is_owner.return_value = True
    stranger = MockTextChannel(guild=MockGuild(id=HOME_GUILD_ID + 2))
    assert await admin_cog.cog_check(ctx_for(admin_cog, "reload", channel=stranger))


async def test_sync_is_for_the_owner_not_for_server_managers(admin_cog: AdminCog) -> None:
    ctx = ctx_for(admin_cog, "sync", author=MockMember(manage_guild=True))
    with pytest.raises(NotAdmin) as raised:
        await admin_cog.cog_check(ctx)
    assert raised.value.owner_only


# -- reload -----------------------------------------------------------------------------------


@pytest.mark.parametrize("slash", [False, True], ids=["prefix", "slash"])
async def test_reload_answers_with_the_summary_and_logs_who(
    admin_cog: AdminCog, service: BriefingService, slash: bool
) -> None:
    interaction = MockInteraction() if slash else None
    ctx = ctx_for(admin_cog, "reload", interaction=interaction)
    await admin_cog.reload.callback(admin_cog, ctx)
    (sent,) = ctx.sent()  # quick: no progress message
    assert sent["embed"].title.startswith("Reload")
    entries = await service.reload_log(5)
    assert entries[0].action == "reload" and entries[0].who == who(ctx.author)
    ctx.defer.assert_awaited_once()


class SlowService:
    """A service whose reload reports progress and takes longer than progress_after."""

    def __init__(self, settings, steps: int = 3) -> None:
        self.settings = settings
        self.steps = steps

    async def reload(self, who: str, action: str = "reload", progress=None) -> ReloadReport:
        for i in range(self.steps):
            await asyncio.sleep(0.02)
            await progress(f"step {i + 1}/{self.steps}")
        return ReloadReport(who=who, action=action, when="now", seconds=0.06)


async def test_a_slow_reload_shows_and_edits_a_progress_message(
    settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin_module, "EDIT_EVERY", 0.0)
    slow = SlowService(replace(settings, progress_after=0.01))
    cog = AdminCog(MockBot(service=slow))
    ctx = ctx_for(cog, "reload")
    messages: list[MockMessage] = []
    ctx.send.side_effect = lambda *a, **kw: messages.append(MockMessage()) or messages[-1]
    await cog.reload.callback(cog, ctx)
    progress_text, summary = ctx.sent()
    assert progress_text["content"].startswith("Reloading")
    assert summary["embed"].title == "Reload done"
    edits = [c.kwargs["content"] for c in messages[0].edit.call_args_list]
    assert any("step 3/3" in e for e in edits)
    assert edits[-1].endswith("done.")


async def test_a_reload_that_fails_marks_the_progress_message_and_raises(settings) -> None:
    class Broken(SlowService):
        async def reload(self, who, action="reload", progress=None):
            await asyncio.sleep(0.05)
            raise RuntimeError("disk on fire")

    cog = AdminCog(MockBot(service=Broken(replace(settings, progress_after=0.01))))
    ctx = ctx_for(cog, "reload")
    messages: list[MockMessage] = []
    ctx.send.side_effect = lambda *a, **kw: messages.append(MockMessage()) or messages[-1]
    with pytest.raises(RuntimeError):
        await cog.reload.callback(cog, ctx)
    assert messages[0].edit.call_args.kwargs["content"].endswith("failed.")


# -- upload -----------------------------------------------------------------------------------


async def test_a_good_upload_is_saved_reloaded_and_logged(
    admin_cog: AdminCog, service: BriefingService
) -> None:
    before = snapshot(service.settings.seeds_dir)
    file = MockAttachment(GOOD_DOCUMENT, filename="Test Note.md")
    ctx = ctx_for(admin_cog, "upload")
    await admin_cog.upload.callback(admin_cog, ctx, file)
    after = snapshot(service.settings.seeds_dir)
    (new,) = set(after) - set(before)
    assert after[new] == GOOD_DOCUMENT and new.endswith(".md")
    assert f"Saved `{new}`" in ctx.sent()[-1]["embed"].description
    assert any(d.path.endswith(new) for d in service.facts.documents)
    assert f"upload {new}" in await log_actions(service)


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("curated.yaml", BAD_YAML),
        ("notes.exe", GOOD_DOCUMENT),
        ("../escape.md", GOOD_DOCUMENT),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1")),
        ("empty.md", b""),
    ],
)
async def test_a_bad_upload_is_refused_with_the_reason_and_nothing_changes(
    admin_cog: AdminCog, service: BriefingService, filename: str, data: bytes
) -> None:
    seeds = service.settings.seeds_dir
    before = snapshot(seeds)
    outside = snapshot(seeds.parent)
    ctx = ctx_for(admin_cog, "upload")
    with pytest.raises(UserError) as raised:
        await admin_cog.upload.callback(admin_cog, ctx, MockAttachment(data, filename=filename))
    assert raised.value.message
    assert snapshot(seeds) == before and snapshot(seeds.parent) == outside
    assert "upload refused" in await log_actions(service)


async def test_an_oversized_upload_is_refused_before_downloading(
    admin_cog: AdminCog, service: BriefingService
) -> None:
    limit = service.settings.upload_max_bytes
    file = MockAttachment(GOOD_DOCUMENT, filename="big.md", size=limit + 1)
    ctx = ctx_for(admin_cog, "upload")
    with pytest.raises(UserError) as raised:
        await admin_cog.upload.callback(admin_cog, ctx, file)
    assert f"{limit:,}" in raised.value.message
    file.read.assert_not_awaited()
    assert "upload refused" in await log_actions(service)


# -- reload log and sync ----------------------------------------------------------------------


async def test_reloads_lists_the_log(admin_cog: AdminCog, service: BriefingService) -> None:
    await service.record("someone (1)", "reload refused", "not an admin")
    ctx = ctx_for(admin_cog, "reloads")
    await admin_cog.reloads.callback(admin_cog, ctx, 5)
    text = ctx.sent()[0]["embed"].description
    assert "reload refused by someone (1)" in text and "startup" in text


@pytest.mark.parametrize("scope", ["global", "guild"])
async def test_sync_publishes_the_slash_commands(
    admin_cog: AdminCog, service: BriefingService, scope: str
) -> None:
    tree = unittest.mock.MagicMock()
    tree.sync = unittest.mock.AsyncMock(return_value=[object()] * 3)
    admin_cog.bot.tree = tree
    ctx = ctx_for(admin_cog, "sync")
    await admin_cog.sync.callback(admin_cog, ctx, scope)
    if scope == "guild":
        tree.copy_global_to.assert_called_once_with(guild=ctx.guild)
        tree.sync.assert_awaited_once_with(guild=ctx.guild)
    else:
        tree.sync.assert_awaited_once_with()
    assert "3 slash commands" in ctx.sent()[0]["content"]
    assert "sync" in await log_actions(service)


async def test_sync_guild_in_a_dm_is_a_user_error(admin_cog: AdminCog) -> None:
    admin_cog.bot.tree = unittest.mock.MagicMock()
    ctx = ctx_for(admin_cog, "sync", channel=MockTextChannel(guild=None))
    with pytest.raises(UserError):
        await admin_cog.sync.callback(admin_cog, ctx, "guild")
