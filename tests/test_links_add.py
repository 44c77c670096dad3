"""`add <url>` through the service, the console dispatch and the command line: an article is
saved as a seed document and reloaded; every refusal says why and leaves seeds/ as it was."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot import seed_intake
from bot.config import Settings
from bot.console import dispatch
from bot.errors import UserError
from bot.seeds import parse_document
from bot.service import BriefingService
from bot.urls import FetchSettings
from tests.conftest import CONFIG, ROOT, SEEDS
from tests.links_site import ARTICLE_TITLE, Site, site

__all__ = ["site"]  # the fixture, imported for pytest

ARTICLE = "/news/ferry-timetable"
SAVED = "harbour-council-agrees-new-ferry-timetable.md"


@pytest.fixture()
def settings(workdir: Settings) -> Settings:
    """The tests' seeds, a cap of 64 KiB, and fetching allowed on this machine (the site)."""
    return replace(
        workdir,
        limits=replace(workdir.limits, file_bytes=64 * 1024),
        fetch=FetchSettings(allow_private=True, timeout=10.0, read_timeout=2.0, max_redirects=3),
    )


@pytest.fixture()
async def service(settings: Settings) -> AsyncIterator[BriefingService]:
    svc = BriefingService(settings)
    await svc.start()
    yield svc
    await svc.close()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def actions(service: BriefingService) -> list[str]:
    return [e.action for e in await service.reload_log(50)]


async def test_an_article_is_saved_with_front_matter_and_reloaded(
    service: BriefingService, site: Site
) -> None:
    seeds = service.settings.seeds_dir
    before = files(seeds)
    name, report = await seed_intake.add_link(service, site.at(ARTICLE), "ada (1)")
    assert name == SAVED and set(files(seeds)) - set(before) == {SAVED}
    document = parse_document(seeds / name, (seeds / name).read_bytes())
    assert document.title == ARTICLE_TITLE and document.date == "2024-05-14"
    assert document.source == site.at(ARTICLE)
    extra = dict(document.extra)
    assert extra["site"] == "Testport Gazette" and extra["added_by"] == "ada (1)"
    assert extra["added_at"].startswith("20") and "fetched_from" not in extra
    assert "Mira Okonkwo" in document.text and "Opposition" in document.text
    assert "Cookie settings" not in document.text and "Sport" not in document.text
    assert not document.text.startswith(ARTICLE_TITLE)  # the title is in the front matter
    assert "\n\n" in document.text  # one paragraph per block
    assert any(d.source == site.at(ARTICLE) for d in service.facts.documents)
    assert report.added == (name,) and report.facts_added
    assert f"add {name}" in await actions(service)


async def test_a_redirected_link_keeps_the_link_given_and_where_it_led(
    service: BriefingService, site: Site
) -> None:
    name, _report = await seed_intake.add_link(service, site.at("/moved"), "ada (1)")
    seeds = service.settings.seeds_dir
    document = parse_document(seeds / name, (seeds / name).read_bytes())
    assert document.source == site.at("/moved")
    assert dict(document.extra)["fetched_from"] == site.at(ARTICLE)


async def test_a_plain_text_page_is_saved_as_it_is(service: BriefingService, site: Site) -> None:
    name, _report = await seed_intake.add_link(service, site.at("/minutes.txt"), "ada (1)")
    text = (service.settings.seeds_dir / name).read_text(encoding="utf-8")
    assert "The transport chair said two new boats" in text  # a wrapped line is joined
    assert text.count("\n\n") == 2  # front matter, then two paragraphs
    assert name == "minutes-of-the-testport-harbour-council-14-may-2024.md"
    assert 'title: "Minutes of the Testport Harbour Council, 14 May 2024"' in text


async def test_the_same_link_again_is_refused_naming_the_document(
    service: BriefingService, site: Site
) -> None:
    name, _report = await seed_intake.add_link(service, site.at(ARTICLE), "ada (1)")
    before = files(service.settings.seeds_dir)
    hits = site.hits[ARTICLE]
    for again in (site.at(ARTICLE), site.at(ARTICLE) + "/", site.at(ARTICLE) + "#comments"):
        with pytest.raises(UserError) as raised:
            await seed_intake.add_link(service, again, "bob (2)")
        assert name in raised.value.message and "already in seeds/" in raised.value.message
    assert site.hits[ARTICLE] == hits  # refused before fetching
    assert files(service.settings.seeds_dir) == before
    assert "add refused" in await actions(service)


async def test_a_redirect_to_a_saved_article_is_refused(
    service: BriefingService, site: Site
) -> None:
    name, _report = await seed_intake.add_link(service, site.at(ARTICLE), "ada (1)")
    with pytest.raises(UserError) as raised:
        await seed_intake.add_link(service, site.at("/moved"), "bob (2)")
    assert name in raised.value.message


async def test_a_document_that_names_the_link_by_hand_counts_too(
    service: BriefingService, site: Site
) -> None:
    seeds = service.settings.seeds_dir
    link = site.at(ARTICLE).replace("http://", "HTTP://")
    (seeds / "by-hand.md").write_text(
        f"---\ntitle: Written by hand\nurl: {link}?utm_source=mail\n---\nA note.\n"
    )
    with pytest.raises(UserError) as raised:
        await seed_intake.add_link(service, site.at(ARTICLE), "ada (1)")
    assert "by-hand.md" in raised.value.message


async def test_another_article_with_the_same_title_gets_a_new_name(
    service: BriefingService, site: Site
) -> None:
    seeds = service.settings.seeds_dir
    (seeds / "harbour-council-agrees-new-ferry-timetable-2.txt").write_text("An older note.\n")
    first, _ = await seed_intake.add_link(service, site.at(ARTICLE), "ada (1)")
    kept = (seeds / first).read_bytes()
    second, _ = await seed_intake.add_link(
        service, site.at("/news/ferry-timetable-monday"), "ada (1)"
    )
    assert first == SAVED and second == "harbour-council-agrees-new-ferry-timetable-3.md"
    assert (seeds / first).read_bytes() == kept
    assert "fifteen minutes" in (seeds / second).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/report.pdf", "application/pdf"),
        ("/empty", "No article text"),
        ("/huge", "reading stopped"),
        ("/stall", "did not answer in time"),
        ("/to-file", "file:"),
        ("/missing", "404"),
    ],
)
async def test_a_refused_page_changes_nothing_and_is_logged(
    service: BriefingService, site: Site, path: str, reason: str
) -> None:
    seeds = service.settings.seeds_dir
    before, documents = files(seeds), service.facts.documents
    with pytest.raises(UserError) as raised:
        await seed_intake.add_link(service, site.at(path), "ada (1)")
    assert reason in raised.value.message
    assert files(seeds) == before and service.facts.documents == documents
    assert not list(seeds.glob(".upload-*"))
    entries = await service.reload_log(5)
    assert entries[0].action == "add refused" and reason in entries[0].summary


async def test_the_default_settings_refuse_the_local_site(settings: Settings, site: Site) -> None:
    svc = BriefingService(replace(settings, fetch=FetchSettings()))
    await svc.start()
    try:
        with pytest.raises(UserError) as raised:
            await seed_intake.add_link(svc, site.at(ARTICLE), "ada (1)")
    finally:
        await svc.close()
    assert "loopback" in raised.value.message and site.hits[ARTICLE] == 0


async def test_the_console_adds_a_link(service: BriefingService, site: Site) -> None:
    answer = await dispatch(service, f"!add {site.at(ARTICLE)}")
    assert answer.intro.startswith(f"Saved `{SAVED}` into seeds/.")
    with pytest.raises(UserError) as raised:
        await dispatch(service, "add")
    assert raised.value.usage == "add <url>"


async def test_the_command_line_adds_a_link_and_exits_2_on_a_refusal(
    tmp_path: Path, site: Site
) -> None:
    folder = tmp_path / "config"
    shutil.copytree(CONFIG, folder)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    yaml = (CONFIG / "bot.yaml").read_text().replace("allow_private: false", "allow_private: true")
    (folder / "bot.yaml").write_text(yaml)

    async def run(url: str) -> tuple[int, str, str]:
        cmd = [sys.executable, "-m", "bot", "--config", str(folder / "bot.yaml"), "add", url]
        proc = await asyncio.create_subprocess_exec(
            *cmd, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await asyncio.wait_for(proc.communicate(), 120)
        return proc.returncode or 0, out.decode(), err.decode()

    code, out, err = await run(site.at(ARTICLE))
    assert code == 0, err
    assert f"Saved {SAVED} into seeds/." in out and (tmp_path / "seeds" / SAVED).exists()
    code, out, err = await run(site.at(ARTICLE))
    assert code == 2 and "already in seeds/" in err and out == ""
