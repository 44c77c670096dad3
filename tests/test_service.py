"""The service: start-up reuse, reload reports, last good facts, uploads, a failing database."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

import pytest

import bot.service as service_mod
from bot import seed_intake
from bot.config import Settings
from bot.errors import UserError
from bot.gc_pause import full_collections_postponed
from bot.service import BriefingService
from bot.store import Store
from bot.uploads import check_upload

NEW_DOC = """---
title: Test briefing
date: 2024-02-01
---
Foreign Minister Jane Roe met Trade Minister Tom Poe in Oslo on Monday.

"We will open a new embassy next year," Roe said.
"""


async def started(settings: Settings) -> BriefingService:
    service = BriefingService(settings)
    await service.start()
    return service


def documents(settings: Settings) -> list[Path]:
    return sorted(p for p in settings.seeds_dir.iterdir() if p.suffix in (".md", ".txt"))


async def test_start_builds_then_reuses_the_stored_generation(workdir: Settings) -> None:
    first = BriefingService(workdir)
    report = await first.start()
    assert report.action == "startup" and not report.from_store
    assert report.totals["documents"] == len(documents(workdir))
    facts = first.facts
    await first.close()

    second = BriefingService(workdir)
    again = await second.start()
    assert again.from_store
    for kind in ("documents", "people", "quotes", "commitments", "events"):
        assert getattr(second.facts, kind) == getattr(facts, kind)
    assert [d.sentences for d in second.facts.per_document] == [
        d.sentences for d in facts.per_document
    ]
    for ask in (("ministers", ""), ("search", "frigate"), ("sources", ""), ("brief", "")):
        assert second.ask(*ask) == first.ask(*ask)
    log = await second.reload_log()
    assert [e.action for e in log][:2] == ["startup", "startup"]
    await second.close()


async def test_changed_seeds_are_rebuilt_at_start(workdir: Settings) -> None:
    await (await started(workdir)).close()
    (workdir.seeds_dir / "new.md").write_text(NEW_DOC)
    service = BriefingService(workdir)
    report = await service.start()
    assert not report.from_store and "new.md" in report.added
    await service.close()


async def test_reload_reports_added_changed_removed(workdir: Settings) -> None:
    service = await started(workdir)
    before = service.facts.counts()["documents"]
    quiet = await service.reload("tester")
    assert not (quiet.added or quiet.changed or quiet.removed)
    assert quiet.unchanged == len(list(workdir.seeds_dir.iterdir()))

    (workdir.seeds_dir / "new.md").write_text(NEW_DOC)
    added = await service.reload("tester")
    assert added.added == ("new.md",) and added.totals["documents"] == before + 1
    assert "new.md" in added.summary()

    (workdir.seeds_dir / "new.md").write_text(NEW_DOC.replace("Oslo", "Bergen"))
    changed = await service.reload("tester")
    assert changed.changed == ("new.md",)

    (workdir.seeds_dir / "new.md").unlink()
    removed = await service.reload("tester")
    assert removed.removed == ("new.md",) and removed.totals["documents"] == before
    log = await service.reload_log(3)
    assert [e.who for e in log] == ["tester"] * 3
    await service.close()


async def test_broken_file_keeps_its_last_good_facts(workdir: Settings) -> None:
    service = await started(workdir)
    path = documents(workdir)[0]
    good = next(f for f in service.facts.per_document if Path(f.document.path).name == path.name)
    path.write_text("---\ndate: someday\n---\nText.")
    report = await service.reload("tester")
    assert report.kept == (path.name,)
    assert [(Path(e.file).name, e.line) for e in report.errors] == [(path.name, 2)]
    assert good in service.facts.per_document
    assert "someday" in report.to_answer().sections[-1].lines[0].text
    await service.close()


async def test_progress_is_reported_for_files_read(workdir: Settings) -> None:
    service = await started(workdir)
    (workdir.seeds_dir / "new.md").write_text(NEW_DOC)
    seen: list[str] = []

    async def progress(text: str) -> None:
        seen.append(text)

    await service.reload("tester", progress=progress)
    assert any("new.md" in s for s in seen)
    await service.close()


async def test_broken_config_keeps_the_old_rules(workdir: Settings, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    for p in workdir.config_dir.glob("*.yaml"):
        (config / p.name).write_text(p.read_text())
    settings = replace(workdir, config_dir=config)
    service = await started(settings)
    (config / "topics.yaml").write_text("topics: [\n")
    report = await service.reload("tester")
    assert any("topics.yaml" in str(e) for e in report.errors)
    assert service.facts.topics  # the old taxonomy still answers
    await service.close()


async def test_unwritable_database_still_serves(workdir: Settings) -> None:
    blocker = workdir.database.parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the data folder should be")
    service = BriefingService(workdir)
    report = await service.start()
    assert report.totals["documents"] == len(documents(workdir))
    assert service.ask("sources").documents
    await service.close()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("../../etc/passwd.md", b"x", "not an acceptable file name"),
        (".env", b"x", "not an acceptable file name"),
        ("notes.pdf", b"x", "Only .md, .txt"),
        ("notes.md", b"", "empty"),
        ("notes.md", b"\xff\xfe", "not UTF-8"),
        ("notes.md", b"x" * 100, "limit is 50"),
        ("people.yaml", b"people: [", "YAML"),
        ("people.yaml", b"peeple: []", "unknown key"),
        ("notes.md", b"---\ndate: tomorrow\n---\nText", "line 2"),
    ],
)
def test_bad_uploads_are_refused_with_the_reason(
    name: str, data: bytes, words: str, tmp_path: Path
) -> None:
    settings = replace(Settings(), upload_max_bytes=50, seeds_dir=tmp_path)
    with pytest.raises(UserError) as err:
        check_upload(name, data, settings)
    assert words in err.value.message


def test_upload_names_are_made_safe(tmp_path: Path) -> None:
    settings = replace(Settings(), upload_max_bytes=100, seeds_dir=tmp_path)
    assert check_upload("My Notes (v2).MD", b"Text.", settings) == "my-notes-v2.md"
    assert check_upload("C:\\docs\\brief.txt", b"Text.", settings) == "brief.txt"


async def test_refused_upload_changes_nothing_on_disk(workdir: Settings) -> None:
    service = await started(workdir)
    before = sorted(p.name for p in workdir.seeds_dir.iterdir())
    with pytest.raises(UserError):
        await seed_intake.upload(service, "bad.yaml", b"people: [", "tester")
    assert sorted(p.name for p in workdir.seeds_dir.iterdir()) == before
    log = await service.reload_log(1)
    assert log[0].action == "upload refused" and "bad.yaml" in log[0].summary
    await service.close()


async def test_good_upload_is_saved_and_loaded(workdir: Settings) -> None:
    service = await started(workdir)
    name, report = await seed_intake.upload(service, "New Briefing.md", NEW_DOC.encode(), "tester")
    assert name == "new-briefing.md"
    assert (workdir.seeds_dir / name).read_text() == NEW_DOC
    assert report.added == (name,)
    assert "new-briefing" in {d.id for d in service.facts.documents}
    await service.close()


async def test_a_reload_that_finds_nothing_changed_reads_and_extracts_nothing(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = await started(workdir)
    facts = service.facts

    async def no_extraction(*args, **kwargs):
        raise AssertionError("nothing changed, yet extraction ran")

    monkeypatch.setattr(service.extract_pool, "extract", no_extraction)
    report = await service.reload("tester")
    assert not report.changed_anything and report.unchanged == len(
        list(workdir.seeds_dir.iterdir())
    )
    assert service.facts is facts
    await service.close()


async def test_start_up_answers_from_the_stored_merged_facts_without_merging(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    await (await started(workdir)).close()
    before = BriefingService(workdir)
    await before.start()
    expected = before.ask("ministers")
    await before.close()

    def no_merging(*args, **kwargs):
        raise AssertionError("the stored generation was current, yet it was merged again")

    monkeypatch.setattr("bot.reload_pipeline.build_factbase", no_merging)
    service = BriefingService(workdir)
    report = await service.start()
    assert report.from_store and service.ask("ministers") == expected
    assert service.facts.per_document  # the pieces the index and `brief` use are there
    await service.close()


async def test_one_changed_file_is_the_only_one_extracted(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir.seeds_dir / "a.md").write_text(NEW_DOC)
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Bergen"))
    service = await started(workdir)
    real = service.extract_pool.extract
    seen: list[str] = []

    async def spy(seeds, *args, **kwargs):
        seen.extend(s.name for s in seeds)
        return await real(seeds, *args, **kwargs)

    monkeypatch.setattr(service.extract_pool, "extract", spy)
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Tromsø"))
    report = await service.reload("tester")
    assert seen == ["b.md"] and report.changed == ("b.md",)
    await service.close()


def test_counts_read_as_words() -> None:
    from bot.reload_report import counted

    assert counted(1, "documents") == "1 document" and counted(2, "documents") == "2 documents"
    assert counted(1, "people") == "1 person" and counted(0, "quotes") == "0 quotes"


async def test_merged_facts_are_stored_after_a_pause_or_at_close(workdir: Settings) -> None:
    service = await started(workdir)
    (workdir.seeds_dir / "new.md").write_text(NEW_DOC)
    report = await service.reload("tester")
    store = service._store
    assert store is not None
    waiting = await store.load_generation(report.generation, documents=False)
    assert waiting is not None and waiting.merged is None  # not yet: reloads may follow
    await service.close()
    reopened = BriefingService(workdir)
    again = await reopened.start()
    assert again.from_store and "new" in {d.id for d in reopened.facts.documents}
    await reopened.close()


def _count_extractions(service: BriefingService, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the service's pool extracts from now on."""
    real = service.extract_pool.extract
    seen: list[str] = []

    async def spy(seeds, *args, **kwargs):
        seen.extend(s.name for s in seeds)
        return await real(seeds, *args, **kwargs)

    monkeypatch.setattr(service.extract_pool, "extract", spy)
    return seen


async def test_a_start_after_the_merging_code_changed_reads_facts_from_the_store(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir.seeds_dir / "a.md").write_text(NEW_DOC)
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Bergen"))
    first = await started(workdir)
    expected = first.ask("ministers")
    await first.close()
    monkeypatch.setattr("bot.seed_files.merge_version", lambda: "other merging code")
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Tromsø"))

    service = BriefingService(workdir)
    seen = _count_extractions(service, monkeypatch)
    report = await service.start()
    assert not report.from_store and report.changed == ("b.md",)
    assert seen == ["b.md"]  # every other document's facts came from the store
    assert "Tromsø" in " ".join(d.document.text for d in service.facts.per_document)
    assert service.ask("ministers") == expected
    await service.close()


async def test_a_file_edited_back_to_an_earlier_text_is_read_from_the_store(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = workdir.seeds_dir / "a.md"
    doc.write_text(NEW_DOC)
    service = await started(workdir)
    facts = {kind: getattr(service.facts, kind) for kind in ("people", "quotes", "events")}
    doc.write_text(NEW_DOC.replace("Oslo", "Bergen"))
    await service.reload("tester")
    seen = _count_extractions(service, monkeypatch)
    doc.write_text(NEW_DOC)
    report = await service.reload("tester")
    assert seen == [] and report.changed == ("a.md",)
    assert {kind: getattr(service.facts, kind) for kind in facts} == facts
    # A copy under another name is another document: extracted, not read as the first one.
    (workdir.seeds_dir / "copy.md").write_text(NEW_DOC)
    await service.reload("tester")
    assert seen == ["copy.md"]
    await service.close()


def test_full_collections_wait_until_every_overlapping_reload_is_done() -> None:
    """Reloads of two services may overlap and end in any order: full collections stay
    postponed until the last ends, and the thresholds come back as they were."""
    before = gc.get_threshold()
    first, second = full_collections_postponed(), full_collections_postponed()
    first.__enter__()
    assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > 10**6
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends before the second
    assert gc.get_threshold()[2] > 10**6
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


async def test_a_start_and_a_reload_leave_the_collector_as_they_found_it(
    workdir: Settings,
) -> None:
    before = gc.get_threshold()
    service = BriefingService(workdir)
    await service.start()
    assert gc.get_threshold() == before
    await service.reload("tester")
    assert gc.get_threshold() == before
    await service.close()


async def test_a_start_that_fails_closes_the_store(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start that raises leaves no open database behind (its thread would keep the process
    from exiting), and says what went wrong."""

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in start-up")

    monkeypatch.setattr(service_mod, "start_from_store", broken)
    opened: list[Store] = []
    real_open = service_mod._open_store

    async def recording_open(path: Path | str) -> Store | None:
        store = await real_open(path)
        assert store is not None
        opened.append(store)
        return store

    monkeypatch.setattr(service_mod, "_open_store", recording_open)
    with pytest.raises(RuntimeError, match="a bug in start-up"):
        await BriefingService(workdir).start()
    (store,) = opened
    with pytest.raises(RuntimeError, match="the store is closed"):
        await store.conn.execute("SELECT 1")


async def test_close_closes_the_store_even_when_a_pending_write_fails(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = await started(workdir)
    store = service._store
    assert store is not None

    async def failing(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(service._seeds, "save_stamps", failing)
    with pytest.raises(OSError, match="disk full"):
        await service.close()
    with pytest.raises(RuntimeError, match="the store is closed"):
        await store.conn.execute("SELECT 1")
