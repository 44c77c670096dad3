"""`export` and `compare` outside Discord: the console, `python -m bot ask` and `python -m bot
export`, on a copy of the documents written for these tests."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.console import dispatch
from bot.errors import UserError
from bot.export_formats import ROW_FIELDS
from bot.service import BriefingService
from tests.conftest import CONFIG, ROOT
from tests.test_compare import DOCS


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    """A config folder in tmp_path, its seeds a copy of the test documents, its database there."""
    folder = tmp_path / "config"
    shutil.copytree(CONFIG, folder)
    shutil.copytree(DOCS, tmp_path / "seeds")
    return folder / "bot.yaml"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_export_command_writes_the_file_it_names(config: Path, tmp_path: Path) -> None:
    out = tmp_path / "energy.json"
    r = run(tmp_path, "--config", str(config), "export", "--format", "json", "--topic", "energy",
            "-o", str(out))  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["filter"]["key"] == "energy" and data["facts"]
    assert f"to {out}" in r.stdout


def test_export_to_stdout_and_a_bad_filter(config: Path, tmp_path: Path) -> None:
    r = run(tmp_path, "--config", str(config), "export", "--format", "csv", "-o", "-")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert tuple(rows[0]) == ROW_FIELDS and len(rows) > 1
    bad = run(tmp_path, "--config", str(config), "export", "--country", "zzzqqq")
    assert bad.returncode == 2
    assert "No country matches" in bad.stderr and "Traceback" not in bad.stderr
    assert not list(tmp_path.glob("briefbot-export-*"))


def test_ask_export_writes_into_the_current_folder_and_says_so(
    config: Path, tmp_path: Path
) -> None:
    r = run(tmp_path, "--config", str(config), "ask", "!export italy csv")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "briefbot-export-country-italy.csv").is_file()
    assert "./briefbot-export-country-italy.csv" in r.stdout
    r = run(tmp_path, "--config", str(config), "ask", 'compare "Guido Crosetto" france')
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Compare: Guido Crosetto and France")


@pytest.fixture()
async def service(tmp_path: Path):
    shutil.copytree(DOCS, tmp_path / "seeds")
    settings = replace(
        load_settings(), seeds_dir=tmp_path / "seeds", database=tmp_path / "data" / "db.sqlite3"
    )
    svc = BriefingService(settings)
    await svc.start()
    yield svc
    await svc.close()


async def test_the_console_writes_the_export_and_answers_compare(
    service: BriefingService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = await dispatch(service, "export md")
    written = work / "briefbot-export-all.md"
    assert written.read_text(encoding="utf-8").startswith("# Briefing: all documents")
    assert "./briefbot-export-all.md" in result.intro
    assert (await dispatch(service, "!compare france italy")).title == "Compare: France and Italy"
    with pytest.raises(UserError):
        await dispatch(service, "export zzzqqq")
    assert sorted(p.name for p in work.iterdir()) == ["briefbot-export-all.md"]


async def test_a_folder_that_cannot_be_written_is_a_friendly_error(
    service: BriefingService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    (work / "briefbot-export-all.json").mkdir(parents=True)  # the name is taken by a folder
    monkeypatch.chdir(work)
    with pytest.raises(UserError, match="Cannot write"):
        await dispatch(service, "export json")


def test_export_from_a_warm_database_builds_only_the_tables_it_reads(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-shot export reads the stored generation and builds index tables on first use: at
    a thousand documents preparing every table cost about 2 of the export's 5.7 seconds."""
    from bot.export import run_export_cli
    from bot.index_tables import IndexTables

    cold = tmp_path / "cold.json"
    assert run_export_cli(str(config), "json", "", "", str(cold)) == 0
    prepared: list[int] = []  # documents of each index prepared whole (the empty start counts 0)
    real = IndexTables.prepare
    monkeypatch.setattr(
        IndexTables,
        "prepare",
        lambda self: prepared.append(len(self.facts.documents)) or real(self),
    )
    warm = tmp_path / "warm.json"
    assert run_export_cli(str(config), "json", "", "", str(warm)) == 0
    assert not any(prepared)
    stamp = '"exported":'
    assert [ln for ln in cold.read_text().splitlines() if stamp not in ln] == [
        ln for ln in warm.read_text().splitlines() if stamp not in ln
    ]
