"""Attacks a hostile file or a careless admin could make, each written as the attack it stops.

Every refusal must name the file and the reason, change nothing on disk, and leave the fact base
with the last good facts it had.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from pathlib import Path

import pytest

from bot import seed_intake
from bot.check import run_check
from bot.config import Settings
from bot.errors import SeedError, UserError
from bot.limits import Limits
from bot.seeds import SeedFile, check_limits, list_seed_files, read_seed
from bot.service import BriefingService

DOC = """---
title: A test note
date: 2024-02-01
---
Foreign Minister Jane Roe met Trade Minister Tom Poe in Oslo on Monday.
Both governments agreed to hold joint naval exercises in 2025.
"""

LAUGHS = """---
title: laughs
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
---
Some text.
"""


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def started(settings: Settings) -> BriefingService:
    service = BriefingService(settings)
    await service.start()
    return service


@pytest.fixture()
def config_file(workdir: Settings, tmp_path: Path) -> Path:
    """A bot.yaml whose seeds/ and database are the workdir's (for `check`)."""
    folder = tmp_path / "config"
    folder.mkdir()
    for p in workdir.config_dir.glob("*.yaml"):
        if p.name != "bot.yaml":
            (folder / p.name).write_bytes(p.read_bytes())
    (folder / "bot.yaml").write_text(
        f"seeds_dir: {workdir.seeds_dir}\ndatabase: {workdir.database}\n"
        "limits:\n  file_bytes: 200000\n  word_chars: 300\n"
    )
    return folder / "bot.yaml"


# -- YAML that expands ------------------------------------------------------------------------


async def test_billion_laughs_front_matter_is_refused_at_its_line(workdir: Settings) -> None:
    path = workdir.seeds_dir / "laughs.md"
    path.write_text(LAUGHS)
    with pytest.raises(SeedError) as err:
        read_seed(SeedFile(path, "x"))
    assert err.value.line == 4 and "aliases" in err.value.reason
    service = await started(workdir)
    assert any(e.file == "laughs.md" and "aliases" in e.reason for e in service.errors)
    assert "laughs" not in {d.id for d in service.facts.documents}
    await service.close()


async def test_billion_laughs_upload_is_refused_and_not_saved(workdir: Settings) -> None:
    service = await started(workdir)
    before = files(workdir.seeds_dir)
    with pytest.raises(UserError) as err:
        await seed_intake.upload(service, "laughs.md", LAUGHS.encode(), "tester")
    assert "line 4" in err.value.message and "aliases" in err.value.message
    assert files(workdir.seeds_dir) == before
    await service.close()


def test_billion_laughs_curated_file_is_an_error_in_check(config_file: Path) -> None:
    seeds = config_file.parent.parent / "seeds"
    (seeds / "people.yaml").write_text("x: &x [1, 2]\npeople: *x\n")
    report = run_check(str(config_file))
    assert "people.yaml: ERROR line 2: YAML syntax: aliases (*name) are not allowed" in report.text
    assert report.errors


# -- sizes and shapes -------------------------------------------------------------------------


def test_a_run_of_letters_longer_than_any_word_is_refused_with_its_line() -> None:
    raw = b"A first line.\nThen " + b"a" * 600 + b" ends."
    with pytest.raises(SeedError) as err:
        check_limits("long.txt", raw, Limits(word_chars=500))
    assert err.value.line == 2 and "600 characters without a space" in err.value.reason
    check_limits("fine.txt", b"https://example.org/" + b"a" * 400, Limits(word_chars=500))


async def test_an_oversized_seed_is_refused_in_reload_and_keeps_its_last_facts(
    workdir: Settings,
) -> None:
    settings = replace(workdir, limits=Limits(file_bytes=4000))
    (settings.seeds_dir / "note.md").write_text(DOC)
    service = await started(settings)
    assert "note" in {d.id for d in service.facts.documents}
    (settings.seeds_dir / "note.md").write_text(DOC + "More text. " * 400)
    report = await service.reload("tester")
    (error,) = [e for e in report.errors if e.file == "note.md"]
    assert "a seed file may have at most 4,000" in error.reason
    assert "note.md" in report.kept and "note" in {d.id for d in service.facts.documents}
    await service.close()


def test_check_refuses_an_oversized_file_and_a_long_word(config_file: Path) -> None:
    seeds = config_file.parent.parent / "seeds"
    (seeds / "big.md").write_text("Words. " * 40000)
    (seeds / "word.md").write_text("A sentence with " + "x" * 5000 + " in it.")
    report = run_check(str(config_file))
    assert "big.md: ERROR line -: the file is 280,000 bytes" in report.text
    assert "word.md: ERROR line 1: a run of 5,000 characters without a space" in report.text
    assert len(report.errors) == 2


async def test_a_document_over_the_time_limit_is_stopped_and_the_loop_stays_responsive(
    workdir: Settings,
) -> None:
    """A slow document runs in a worker process: the loop keeps its heartbeat, the document is
    refused by name with the limit, and its last good facts stay.

    The document is 3,000 lines of ordinary news prose (~450 KB, ~1.7 s of extraction on a
    2-core EPYC) against a limit of 0.02 s: no host is 80 times faster, so it is always late.
    """
    (workdir.seeds_dir / "slow.md").write_text(DOC)
    service = await started(workdir)
    body = DOC.split("---\n", 2)[2].replace("\n", " ")
    lines = "\n".join(f"On day {day}, {body}" for day in range(3000))
    (workdir.seeds_dir / "slow.md").write_text(f"{DOC}\n{lines}\n")
    limits = Limits(extract_seconds=0.02)
    service.settings = replace(service.settings, limits=limits)
    lags: list[float] = []

    async def heartbeat() -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(0.02)
            lags.append(loop.time() - before - 0.02)

    beat = asyncio.create_task(heartbeat())
    report = await service.reload("tester")
    beat.cancel()
    (error,) = [e for e in report.errors if e.file == "slow.md"]
    assert "took over 0.02 s and was stopped" in error.reason
    assert "slow.md" in report.kept and "slow" in {d.id for d in service.facts.documents}
    assert lags and max(lags) < 0.5
    await service.close()


# -- document ids -----------------------------------------------------------------------------


async def test_a_new_file_with_a_known_document_id_is_refused_never_the_known_one(
    workdir: Settings,
) -> None:
    (workdir.seeds_dir / "b-note.txt").write_text(DOC)
    service = await started(workdir)
    before = service.facts.counts()
    (workdir.seeds_dir / "B Note.md").write_text("Nothing much happened on Tuesday.\n")
    report = await service.reload("tester")
    (error,) = [e for e in report.errors if e.file == "B Note.md"]
    assert "“b-note” is already b-note.txt's" in error.reason
    assert "B Note.md" not in report.added
    assert service.facts.counts() == before
    doc = service.facts.document_by_id["b-note"]
    assert doc.path.endswith("b-note.txt")
    await service.close()


async def test_an_upload_whose_id_clashes_is_refused(workdir: Settings) -> None:
    (workdir.seeds_dir / "b-note.txt").write_text(DOC)
    service = await started(workdir)
    before = files(workdir.seeds_dir)
    with pytest.raises(UserError) as err:
        await seed_intake.upload(service, "B Note.md", b"Other text.", "tester")
    assert "same document id as b-note.txt" in err.value.message
    assert files(workdir.seeds_dir) == before
    name, _report = await seed_intake.upload(
        service, "b-note.txt", DOC.encode() + b"More.\n", "tester"
    )
    assert name == "b-note.txt"  # the same name replaces the file
    await service.close()


def test_check_reports_a_clashing_id_as_an_error(config_file: Path) -> None:
    seeds = config_file.parent.parent / "seeds"
    (seeds / "b-note.txt").write_text(DOC)
    (seeds / "B Note.md").write_text(DOC)
    os.utime(seeds / "b-note.txt", (1_600_000_000, 1_600_000_000))  # there first: it keeps the id
    report = run_check(str(config_file))
    (error,) = report.errors
    assert "B Note.md: its document id “b-note” is already b-note.txt's" in error
    assert "ERROR line -: its document id" in report.text


# -- names, links and odd files ---------------------------------------------------------------


async def test_a_symlink_that_leaves_seeds_is_skipped(workdir: Settings, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret password is swordfish.\n")
    os.symlink(secret, workdir.seeds_dir / "passwd.txt")
    os.symlink(workdir.seeds_dir / "inside-target.txt.keep", workdir.seeds_dir / "inside.txt")
    (workdir.seeds_dir / "inside-target.txt.keep").write_text(DOC)
    names = [s.name for s in list_seed_files(workdir.seeds_dir)]
    assert "passwd.txt" not in names and "inside.txt" in names
    service = await started(workdir)
    assert not any("swordfish" in h.sentence for h in service.index.search("swordfish"))
    await service.close()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("x" * 300 + ".md", "the limit is 100"),
        ("README.md", "a name the bot ignores"),
        ("readme.TXT", "a name the bot ignores"),
        (".hidden.md", "not an acceptable file name"),
    ],
)
async def test_odd_upload_names_are_refused_and_logged(
    workdir: Settings, name: str, words: str
) -> None:
    service = await started(workdir)
    before = files(workdir.seeds_dir)
    with pytest.raises(UserError) as err:
        await seed_intake.upload(service, name, DOC.encode(), "tester")
    assert words in err.value.message
    assert files(workdir.seeds_dir) == before
    (entry,) = await service.reload_log(1)
    assert entry.action == "upload refused"
    await service.close()
