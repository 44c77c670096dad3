"""Config files: defaults, validation that names file, line and key, and the shipped config."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, load_lexicon, load_settings
from bot.errors import ConfigError
from tests.conftest import CONFIG, ROOT

REQUIRED_TOPICS = {
    "defense", "raw-materials", "economic-security", "energy", "climate", "trade",
    "technology", "diplomacy", "security", "health", "migration", "finance",
}  # fmt: skip


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    path = folder / "bot.yaml"
    path.write_text(text)
    return path


def test_shipped_settings_load() -> None:
    s = load_settings()
    assert s.prefix == "!"
    assert s.seeds_dir == ROOT / "seeds"
    assert s.database == ROOT / "data" / "briefbot.sqlite3"


def test_relative_paths_resolve_from_the_project_folder(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, "seeds_dir: docs\ndatabase: db/x.sqlite3\n"))
    assert s.seeds_dir == tmp_path / "docs"
    assert s.database == tmp_path / "db" / "x.sqlite3"


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, ""))
    assert s.prefix == Settings().prefix and s.fuzzy == Settings().fuzzy


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("prefix: '!'\ncooldown:\n  rate: -1\n", 3, "rate"),
        ("fuzzy:\n  person: 300\n", 2, "person"),
        ("prefx: '?'\n", 1, "prefx"),
        ("channels: [abc]\n", 1, "channels"),
        ("pages:\n  lines_per_page: many\n", 2, "lines_per_page"),
        ("prefix: ''\n", 1, "prefix"),
    ],
)
def test_mistakes_name_line_and_key(tmp_path: Path, text: str, line: int, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text))
    assert err.value.line == line and err.value.key == key
    assert "bot.yaml" in str(err.value)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, "prefix: '!'\nfuzzy: [1, 2\n"))
    assert err.value.line is not None


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "nope.yaml")


def test_shipped_lexicon_has_the_default_topics() -> None:
    lex = load_lexicon(CONFIG)
    assert {t.slug for t in lex.topics} >= REQUIRED_TOPICS
    for t in lex.topics:
        assert t.label and (t.keywords or t.synonyms), t.slug


def test_role_synonyms_read_mistranslations_as_portfolios() -> None:
    lex = load_lexicon(CONFIG)
    for portfolio in lex.portfolios:
        for synonym in portfolio.synonyms:
            assert lex.canonical_role(synonym) == portfolio.name


def test_a_word_list_section_may_not_be_defined_twice(tmp_path: Path) -> None:
    for name in ("topics", "countries", "roles", "lexicon", "cues", "speakers"):
        (tmp_path / f"{name}.yaml").write_text((CONFIG / f"{name}.yaml").read_text())
    (tmp_path / "cues.yaml").write_text("titles: [x]\n")
    with pytest.raises(ConfigError) as err:
        load_lexicon(tmp_path)
    assert "cues.yaml" in str(err.value) and err.value.key == "titles"


def test_missing_lexicon_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"topics\.yaml"):
        load_lexicon(tmp_path)
