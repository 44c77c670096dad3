"""Follows and changes through the service and the console: the store, reloads, listeners."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

import bot.store_follows as tables_mod
from bot.changes import ChangeRecord
from bot.config import Settings
from bot.console import dispatch
from bot.errors import UserError
from bot.follow_service import NO_DATABASE
from bot.follows import CONSOLE_CHANNEL, MAX_FOLLOWS, Follow, fact_id, resolve_target
from bot.models import CuratedFacts
from bot.reload_listeners import ReloadResult
from bot.service import BriefingService
from bot.store import SCHEMA_VERSION, Store
from bot.store_follows import FollowTables

# A document written for these tests: a commitment and a quote on defence by a named minister.
NEW_DOC = """---
title: Test defence note
date: 2026-11-30
---
Norway and Japan agreed to expand joint naval exercises and defence cooperation in 2027.

"We will deepen our defence cooperation," Defence Minister Ana Roe said on Monday.
"""
CHANNEL, GUILD = 555, 777


@pytest.fixture()
async def service(workdir: Settings) -> AsyncIterator[BriefingService]:
    svc = BriefingService(workdir)
    await svc.start()
    yield svc
    await svc.close()


def add_document(settings: Settings, name: str = "test-note.md", text: str = NEW_DOC) -> None:
    (settings.seeds_dir / name).write_text(text, encoding="utf-8")


def body(answer) -> str:
    return "\n".join(line.text for s in answer.sections for line in s.lines)


# -- follow, unfollow, following ----------------------------------------------------------------


async def test_follows_are_stored_per_channel_and_survive_a_restart(workdir: Settings) -> None:
    first = BriefingService(workdir)
    await first.start()
    made = await first.follows.follow(GUILD, CHANNEL, "defence", "Ana (1)", "!")
    assert made.title == "Following defense"
    again = await first.follows.follow(GUILD, CHANNEL, "Defense", "Ana (1)", "!")
    assert again.title.startswith("Already following")
    await first.follows.follow(GUILD, CHANNEL + 1, "energy", "Ben (2)", "!")
    await first.close()

    second = BriefingService(workdir)
    await second.start()
    try:
        listed = await second.follows.following(CHANNEL, "!")
        assert body(listed).startswith("**defense** (topic) — by Ana (1)")
        assert len(listed.sections[0].lines) == 1  # the other channel's follow is not here
        gone = await second.follows.unfollow(CHANNEL, "defens", "!")  # a typo of the label
        assert gone.title == "Unfollowed defense"
        assert not (await second.follows.following(CHANNEL, "!")).sections
    finally:
        await second.close()


async def test_an_unknown_name_refuses_with_did_you_mean_and_stores_nothing(
    service: BriefingService,
) -> None:
    with pytest.raises(UserError) as raised:
        await service.follows.follow(GUILD, CHANNEL, "defenestration zz", "Ana", "!")
    assert raised.value.usage == "!follow <topic|person|country|party>"
    with pytest.raises(UserError) as typo:
        await service.follows.unfollow(CHANNEL, "energy", "!")
    assert typo.value.message.startswith("This channel does not follow")
    assert await service.follows.followed(CHANNEL) == []


async def test_a_channel_follows_at_most_max_follows(
    service: BriefingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.follow_service.MAX_FOLLOWS", 2)
    slugs = [t.slug for t in service.facts.topics][:3]
    for slug in slugs[:2]:
        await service.follows.follow(GUILD, CHANNEL, slug, "Ana", "!")
    with pytest.raises(UserError) as raised:
        await service.follows.follow(GUILD, CHANNEL, slugs[2], "Ana", "!")
    assert "unfollow" in raised.value.message and MAX_FOLLOWS >= 2
    assert len(await service.follows.followed(CHANNEL)) == 2
    assert (await service.follows.unfollow(CHANNEL, "all", "!")).title == "Unfollowed all (2)"
    assert await service.follows.followed(CHANNEL) == []
    nothing = await service.follows.unfollow(CHANNEL, "ALL", "!")
    assert "follows nothing" in nothing.intro


async def test_without_a_database_follows_refuse_and_changes_answer_from_memory(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unavailable(*_a, **_k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "_create", unavailable)
    service = BriefingService(workdir)
    await service.start()
    try:
        assert service.store is None
        with pytest.raises(UserError) as raised:
            await service.follows.follow(GUILD, CHANNEL, "defence", "Ana", "!")
        assert raised.value.message == NO_DATABASE
        add_document(workdir)
        await service.reload("tester")
        answer = await service.follows.changes("")
        assert "added" in answer.intro and any(s.lines for s in answer.sections)
    finally:
        await service.close()


# -- after a reload -------------------------------------------------------------------------------


async def test_a_reload_posts_the_new_matching_facts_once(service: BriefingService) -> None:
    settings = service.settings
    await dispatch(service, "!follow defence")
    quiet = await dispatch(service, "!reload")
    assert not any(s.heading.startswith("Followed here") for s in quiet.sections)

    add_document(settings)
    report = await dispatch(service, "!reload")
    followed = [s for s in report.sections if s.heading.startswith("Followed here")]
    slug = resolve_target(service.index, "defence").key
    new = [c for c in service.facts.commitments if c.source.doc_id == "test-note"]
    expected = {c.source for c in new if slug in c.topics}
    cited = {line.source for s in followed for line in s.lines}
    assert expected and expected <= cited
    assert {s.doc_id for s in cited} == {"test-note"}
    assert [d.id for d in report.documents] == ["test-note"]

    # Removed and added back: the facts were posted already, so nothing is posted again.
    (settings.seeds_dir / "test-note.md").unlink()
    await dispatch(service, "!reload")
    add_document(settings)
    again = await dispatch(service, "!reload")
    assert not any(s.heading.startswith("Followed here") for s in again.sections)


async def test_changes_lists_the_last_reload_and_a_date_range(service: BriefingService) -> None:
    add_document(service.settings)
    await dispatch(service, "reload")
    added = await dispatch(service, "changes")
    new = [f for f in service.facts.commitments if f.source.doc_id == "test-note"]
    assert new and "Added commitments" in [s.heading for s in added.sections]
    assert added.documents and added.documents[0].id == "test-note"

    (service.settings.seeds_dir / "test-note.md").unlink()
    await dispatch(service, "reload")
    removed = await dispatch(service, "!changes last reload")
    assert "(in `test-note`)" in body(removed)
    assert all(s.heading.startswith("Removed") for s in removed.sections)

    both = await dispatch(service, "changes 2000-01-01")
    assert both.intro.startswith("2 reloads") and "0 facts added, 0 removed" in both.intro
    with pytest.raises(UserError):
        await dispatch(service, "changes someday")


async def test_changes_survive_a_restart(workdir: Settings) -> None:
    first = BriefingService(workdir)
    await first.start()
    assert "No reload" in (await first.follows.changes("")).intro  # a first start tells no one
    add_document(workdir)
    await first.reload("tester")
    await first.close()
    second = BriefingService(workdir)
    await second.start()  # seeds unchanged: the stored generation is adopted
    try:
        assert "reload by tester" in (await second.follows.changes("")).intro
    finally:
        await second.close()


async def test_seeds_changed_while_stopped_count_from_the_stored_generation(
    workdir: Settings,
) -> None:
    first = BriefingService(workdir)
    await first.start()
    await first.follows.follow(GUILD, CHANNEL, "defence", "Ana", "!")
    await dispatch(first, "follow defence")  # the console's own
    await first.close()
    add_document(workdir)
    second = BriefingService(workdir)
    await second.start()
    try:
        changes = await second.follows.changes("")
        assert changes.intro.startswith("startup by startup") and changes.documents
        assert "removed" in changes.intro and not any(
            s.heading.startswith("Removed") for s in changes.sections
        )
        (digest,) = second.follows.take_startup_digests(console=False)
        assert digest.channel == CHANNEL and digest.answer.documents[0].id == "test-note"
        assert second.follows.take_startup_digests(console=False) == []  # taken once
        (mine,) = second.follows.take_startup_digests(console=True)
        assert mine.channel == CONSOLE_CHANNEL
    finally:
        await second.close()


# -- the listener hook ----------------------------------------------------------------------------


async def test_listeners_hear_changed_reloads_only_and_a_failing_one_harms_nothing(
    service: BriefingService, caplog: pytest.LogCaptureFixture
) -> None:
    heard: list[ReloadResult] = []

    async def broken(_result: ReloadResult) -> None:
        raise RuntimeError("listener bug")

    async def listener(result: ReloadResult) -> None:
        heard.append(result)

    off_broken = service.on_reload(broken)
    off = service.on_reload(listener)
    await service.reload("tester")  # nothing changed
    assert heard == []
    add_document(service.settings)
    with caplog.at_level(logging.ERROR, logger="bot.reload_listeners"):
        report = await service.reload("tester")
    assert "a reload listener failed" in caplog.text
    (result,) = heard
    assert result.report is report and result.after.facts is service.facts
    assert {f.source.doc_id for f in result.changes.added if hasattr(f, "source")} == {"test-note"}
    off()
    off_broken()
    (service.settings.seeds_dir / "test-note.md").unlink()
    await service.reload("tester")
    assert len(heard) == 1


# -- the tables -------------------------------------------------------------------------------------


async def test_a_database_without_the_follow_tables_gains_them_and_keeps_its_data(
    tmp_path,
) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Store.open(path) as store:
        await store.save_generation([], CuratedFacts(), "fp", [])
    with sqlite3.connect(path) as conn:  # as a database from before these tables
        conn.executescript("DROP TABLE follows; DROP TABLE follow_posted; DROP TABLE fact_changes;")
    conn.close()
    async with Store.open(path) as store:
        assert (await store.latest_fingerprint()) == "fp"
        tables = FollowTables(store)
        assert await tables.add(Follow(1, 2, "topic", "energy", "energy", "Ana", "now"))
        assert not await tables.add(Follow(1, 2, "topic", "energy", "energy", "Ana", "now"))
    async with Store.open(path) as store:  # opening again changes nothing
        assert len(await FollowTables(store).follows()) == 1
    assert not list(tmp_path.glob("*.bak-*"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


async def test_the_tables_keep_only_the_newest_records(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables_mod, "KEEP_CHANGES", 3)
    monkeypatch.setattr(tables_mod, "KEEP_POSTED", 4)
    async with Store.open(tmp_path / "bot.sqlite3") as store:
        tables = FollowTables(store)
        for i in range(5):
            await tables.record_changes(
                ChangeRecord(f"2026-12-0{i + 1}", "t", "reload", i, ((str(i),),), ())
            )
        rows = await tables.change_rows("2000")
        assert [r[0] for r in rows] == ["2026-12-05", "2026-12-04", "2026-12-03"]
        await tables.add(Follow(1, 9, "topic", "energy", "energy"))
        await tables.mark_posted(9, [f"f{i}" for i in range(6)])
        assert await tables.posted(9, [f"f{i}" for i in range(6)]) == {"f2", "f3", "f4", "f5"}
        await tables.remove(9, "topic", "energy")  # the channel's last follow
        assert await tables.posted(9, ["f5"]) == set()


def test_a_fact_id_is_stable_and_short(seed_facts) -> None:
    fact = seed_facts.quotes[0]
    assert fact_id(fact) == fact_id(replace(fact)) and len(fact_id(fact)) == 24
    assert fact_id(fact) != fact_id(replace(fact, text=fact.text + "!"))
    assert CONSOLE_CHANNEL == 0
