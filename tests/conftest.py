"""Shared fixtures: the tests' own seeds and the shipped config, and throw-away copies.

The tests never read the project's `seeds/`: that folder is the user's data and may hold any
documents, or none. `tests/fixtures/seeds/` holds a copy of the bundled seed and an example
curated file, and tests that write get copies of it in a temporary folder.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings, load_lexicon, load_settings
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, build_factbase
from bot.search import FactIndex
from bot.seeds import list_seed_files, parse_document
from bot.store_schema import close_forgotten

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CONFIG = ROOT / "config"


def seed_documents() -> list[Path]:
    return [s.path for s in list_seed_files(SEEDS) if s.is_document]


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon(CONFIG)


@pytest.fixture(scope="session")
def seed_facts(lexicon: Lexicon) -> FactBase:
    docs = [extract_document(parse_document(p, p.read_bytes()), lexicon) for p in seed_documents()]
    return build_factbase(docs, None, lexicon)


@pytest.fixture(scope="session")
def seed_index(seed_facts: FactBase, lexicon: Lexicon) -> FactIndex:
    return FactIndex(seed_facts, lexicon, load_settings().fuzzy)


@pytest.fixture()
def workdir(tmp_path: Path) -> Settings:
    """Settings whose seeds/ and database are copies in a temporary folder."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return replace(load_settings(), seeds_dir=seeds, database=tmp_path / "data" / "bot.sqlite3")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Close the database connections tests left open, and fail a run that left any.

    An open aiosqlite connection's thread keeps the interpreter alive after the last test: a
    test that fails before closing its service would otherwise hang the whole run.
    """
    left = asyncio.run(close_forgotten())
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(f"{left} database connection(s) were left open by the tests")
        if exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
