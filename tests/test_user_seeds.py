"""The suite passes whatever the project's seeds/ holds: it is the user's data, not the tests'.

The proof runs the tests that read documents (and the CLI, which reads seeds/ by default) in a
copy of the project whose seeds/ holds two documents written here, one without a date, and a
README, instead of the bundled seed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEEDS

USER_DOCS = {
    "harbour-talks.md": (
        "---\ntitle: Harbour talks\ndate: 2025-06-02\n---\n"
        "Transport Minister Ana Ruiz met her counterpart Lars Berg in Bergen on Monday.\n\n"
        "Both ministers want to build a ferry link by 2027.\n"
    ),
    "notes.txt": "Officials discussed fishing quotas. Nothing was agreed.\n",
    "README.md": "These are my own briefings.\n",
}

#: Test files that read documents or run the CLI; the rest never touch seeds/.
SUITE = [
    "tests/test_seeds.py",
    "tests/test_cli.py",
    "tests/test_store.py",
    "tests/extract/test_text.py",
    "tests/extract/test_quotes.py",
    "tests/extract/test_events.py",
]


def test_the_tests_own_their_documents() -> None:
    assert SEEDS.is_relative_to(ROOT / "tests")
    assert any(p.suffix in (".md", ".txt") for p in SEEDS.iterdir())


def test_the_suite_passes_with_the_users_own_documents_in_seeds(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for name in ("bot", "config", "tests"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project)
    (project / "seeds").mkdir()
    for name, text in USER_DOCS.items():
        (project / "seeds" / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(project)
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITE],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout
