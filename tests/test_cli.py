"""The command line in subprocesses: ask, check, extract, console; exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONFIG, ROOT, SEEDS, seed_documents


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    """A config folder whose database lives in tmp_path and whose seeds are a copy."""
    folder = tmp_path / "config"
    shutil.copytree(CONFIG, folder)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (folder / "bot.yaml").write_text(
        (CONFIG / "bot.yaml").read_text() + "\n# test copy\n"
    )  # relative paths now resolve inside tmp_path
    return folder / "bot.yaml"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env=env,
    )


def test_ask_prints_one_answer(config: Path) -> None:
    r = run("--config", str(config), "ask", "!sources")
    assert r.returncode == 0, r.stderr
    first = seed_documents()[0].read_text(encoding="utf-8")
    title = next(line[7:] for line in first.splitlines() if line.startswith("title: "))
    assert "Sources" in r.stdout and title in r.stdout and r.stderr == ""


def test_ask_without_prefix_and_with_several_words(config: Path) -> None:
    r = run("--config", str(config), "ask", "commitments", "raw", "materials")
    assert r.returncode == 0, r.stderr
    assert "Commitments" in r.stdout


def test_user_mistake_is_friendly_and_exits_2(config: Path) -> None:
    r = run("--config", str(config), "ask", "!commitments zzz")
    assert r.returncode == 2
    assert "No topic matches" in r.stderr and "defense" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    r = run("--config", str(config), "ask", "!ministrs")
    assert r.returncode == 2 and "ministers" in r.stderr


def test_database_goes_where_the_config_says(config: Path) -> None:
    assert run("--config", str(config), "ask", "topics").returncode == 0
    assert (config.parent.parent / "data" / "briefbot.sqlite3").exists()


def test_check_passes_on_the_shipped_seeds(config: Path) -> None:
    r = run("--config", str(config), "check")
    assert r.returncode == 0, r.stdout
    for path in seed_documents():
        assert f"{path.name}: ok" in r.stdout


def test_check_names_file_and_line_and_exits_1(config: Path) -> None:
    seeds = config.parent.parent / "seeds"
    (seeds / "broken.md").write_text("---\ntitle: x\ndate: soon\n---\nText.")
    (seeds / "people.yaml").write_text("people:\n  - aliases: [x]\n")
    r = run("--config", str(config), "check")
    assert r.returncode == 1
    assert "broken.md: ERROR line 3" in r.stdout
    assert "people.yaml: ERROR line 2" in r.stdout


def test_check_reports_a_config_mistake(config: Path) -> None:
    (config.parent / "topics.yaml").write_text("topics:\n  - label: No slug\n")
    r = run("--config", str(config), "check")
    assert r.returncode == 1 and "topics.yaml:2" in r.stdout


def test_extract_json_one_file_and_several() -> None:
    paths = [str(p.relative_to(ROOT)) for p in seed_documents()]
    one = json.loads(run("extract", "--json", paths[0]).stdout)
    assert set(one) >= {"people", "quotes", "commitments", "events"}
    text = (ROOT / paths[0]).read_text(encoding="utf-8")
    for c in one["commitments"]:
        assert c["sentence"] in text
    many = json.loads(run("extract", "--json", paths[0], paths[0]).stdout)
    assert list(many) == [paths[0]]  # keyed by the paths as given
    r = run("extract", "--json", "no/such/file.txt")
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_console_answers_until_ctrl_d(config: Path) -> None:
    r = run("--config", str(config), "console", stdin="help\n!topics\n!who zzzzzz\n")
    assert r.returncode == 0, r.stderr
    assert "Briefbot commands" in r.stdout and "Topics" in r.stdout
    assert "No one called" in r.stdout and "Traceback" not in r.stdout + r.stderr


def test_console_reload_is_allowed_locally(config: Path) -> None:
    r = run("--config", str(config), "console", stdin="!reload\n")
    assert r.returncode == 0, r.stderr
    assert "Reload" in r.stdout


def test_no_command_prints_help() -> None:
    r = run()
    assert r.returncode == 2 and "console" in r.stdout


def test_an_argument_that_is_not_utf8_is_answered_not_crashed(config: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"  # strict: a stray surrogate would raise on print
    r = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "ask", "search", b"frigate \xff"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    assert b"Traceback" not in r.stderr and b"frigate" in r.stdout


def test_version_and_a_description_for_every_subcommand() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("briefbot ")
    for name in ("console", "ask", "check", "extract", "run"):
        text = run(name, "--help").stdout
        usage, _, rest = text.partition("\n\n")
        assert usage.startswith(f"usage: briefbot {name}") and len(rest.split("\n\n")[0]) > 40
        assert "../" not in text and "shared" not in text


def test_a_closed_pipe_ends_the_answer_quietly(config: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    cmd = [sys.executable, "-m", "bot", "--config", str(config), "ask", "!people"]
    with subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader leaves before the answer is written, like `| head -0`
        err = proc.stderr.read().decode()
    assert proc.returncode == 0 and "Traceback" not in err and "BrokenPipe" not in err


#: Modules a warm `ask '!ministers'` has no use for: extraction, other commands, Discord.
NOT_FOR_MINISTERS = (
    "bot.extract.people",
    "bot.extract.text",
    "bot.text_index",
    "bot.extraction_pool",
    "bot.commands_docs",
    "bot.compare",
    "discord",
)


def test_a_warm_ask_imports_only_what_its_answer_needs(config: Path) -> None:
    assert run("--config", str(config), "ask", "!ministers").returncode == 0  # builds the store
    code = (
        "import sys; from bot.cli import main; code = main(sys.argv[1:]); "
        "print(' '.join(sorted(sys.modules)), file=sys.stderr); raise SystemExit(code)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    r = subprocess.run(
        [sys.executable, "-c", code, "--config", str(config), "ask", "!ministers"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    loaded = set(r.stderr.split())
    assert "bot.commands_people" in loaded
    assert [m for m in NOT_FOR_MINISTERS if m in loaded] == []
