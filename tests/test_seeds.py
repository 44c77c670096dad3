"""Reading seeds: front matter, curated YAML, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import SeedError
from bot.models import CuratedFacts, Document
from bot.seeds import list_seed_files, parse_curated, parse_document, read_seed, slugify
from tests.conftest import SEEDS, seed_documents


def doc(text: str, name: str = "note.md") -> Document:
    return parse_document(Path(name), text.encode())


def test_front_matter_fields_and_aliases() -> None:
    d = doc(
        "---\ntitle: T\npublished: 2023-05-03\nurl: https://x.org\nkind: news\nlang: en\n---\nBody.\n"
    )
    assert (d.title, d.date, d.source, d.kind) == ("T", "2023-05-03", "https://x.org", "news")
    assert d.extra == (("lang", "en"),)
    assert d.text == "Body."


def test_no_front_matter_and_no_date() -> None:
    d = doc("# A heading\n\nSome text.", name="My File_2023.txt")
    assert d.date is None and d.title == "A heading" and d.id == "my-file-2023"


def test_unknown_date_reads_as_none() -> None:
    assert doc("---\npublished: unknown\n---\nText.").date is None


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ndate: 18.03.2023\n---\nText.", 2, "date must look like"),
        ("---\ndate: 2023-02-30\n---\nText.", 2, "not a real date"),
        ("---\ntitle: [unclosed\n---\nText.", 2, "YAML"),
        ("---\ntitle: T\n---\n\n", 4, "no text"),
        ("---\n- a list\n---\nText.", 2, "key: value"),
    ],
)
def test_document_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(SeedError) as err:
        doc(text)
    assert err.value.file == "note.md"
    assert err.value.line == line
    assert words in err.value.reason


def test_not_utf8_is_refused() -> None:
    with pytest.raises(SeedError, match="not UTF-8"):
        parse_document(Path("x.txt"), b"caf\xe9 au lait")


def test_curated_file_round_trip() -> None:
    text = """
people:
  - name: Olaf Scholz
    aliases: [Scholz]
    party: SPD
role_synonyms:
  Foreign Affairs: [Outside]
corrections:
  - kind: quote
    match: new impetus
    set: {speaker: Olaf Scholz}
  - kind: event
    match: G7
    drop: true
"""
    c = parse_curated(Path("people.yaml"), text.encode())
    assert isinstance(c, CuratedFacts)
    assert c.people[0].name == "Olaf Scholz" and c.people[0].aliases == ("Scholz",)
    assert c.people[0].line == 3
    assert c.role_synonyms == (("Foreign Affairs", ("Outside",)),)
    assert c.corrections[0].set == (("speaker", "Olaf Scholz"),)
    assert c.corrections[1].drop


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("peeple: []", 1, "unknown key 'peeple'"),
        ("people:\n  - aliases: [x]", 2, "needs a name"),
        ("people:\n  - name: A\n    former: maybe", 3, "true or false"),
        ("corrections:\n  - kind: rumour\n    match: x\n    drop: true", 2, "kind must be one of"),
        ("corrections:\n  - kind: quote\n    match: x", 2, "drop: true"),
        (
            "corrections:\n  - kind: quote\n    match: x\n    set: {actors: [a]}",
            4,
            "no field 'actors'",
        ),
        ("people: [", 1, "YAML"),
    ],
)
def test_curated_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(SeedError) as err:
        parse_curated(Path("c.yaml"), text.encode())
    assert err.value.line == line, err.value
    assert words in err.value.reason


def test_listing_skips_readme_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ("a.md", "b.txt", "c.yaml", "README.md", ".hidden.md", "d.pdf"):
        (tmp_path / name).write_text("x")
    assert [s.name for s in list_seed_files(tmp_path)] == ["a.md", "b.txt", "c.yaml"]
    assert list_seed_files(tmp_path / "missing") == []


def test_slugify() -> None:
    assert slugify("German–Japanese Talks 2023") == "german-japanese-talks-2023"
    assert slugify("Ünïcödé") == "unicode"
    assert slugify("!!!") == "document"


def test_every_shipped_seed_reads() -> None:
    seeds = list_seed_files(SEEDS)
    assert seeds, "seeds/ must ship at least one document"
    for s in seeds:
        read_seed(s)  # raises SeedError on any problem


def test_shipped_documents_have_front_matter_and_body() -> None:
    for path in seed_documents():
        d = parse_document(path, path.read_bytes())
        raw = path.read_text(encoding="utf-8")
        assert raw.startswith("---\n"), f"{path.name} should carry front matter"
        assert d.title and d.date and d.kind and d.source
        assert d.text and d.text in raw


def test_a_title_with_an_unquoted_colon_is_read_as_written() -> None:
    d = doc("---\ntitle: Scholz in Tokyo: what Germany wants\nkind: news\n---\nText.\n")
    assert d.title == "Scholz in Tokyo: what Germany wants" and d.kind == "news"


def test_broken_front_matter_still_names_its_line() -> None:
    with pytest.raises(SeedError) as err:
        doc("---\ntitle: [unclosed\n---\nText.\n")
    assert err.value.line == 2 and "front matter" in err.value.reason


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("On June 27, 2023, the ministers met. They meet again on July 4, 2024.", "2023-06-27"),
        ("Talks ended on 3 March 2022 in Oslo.", "2022-03-03"),
        ("Filed 2021-11-05 by the embassy.", "2021-11-05"),
        ("A date that is not one: February 30, 2023. Then May 2, 2023.", "2023-05-02"),
    ],
)
def test_without_a_date_the_first_full_date_in_the_text_is_used_and_marked(
    body: str, date: str
) -> None:
    d = doc(f"---\ntitle: t\n---\n{body}\n")
    assert d.date == date and d.date_inferred


def test_a_date_in_front_matter_wins_and_a_text_without_one_has_none() -> None:
    d = doc("---\ndate: 2020-01-02\n---\nOn June 27, 2023, they met.\n")
    assert d.date == "2020-01-02" and not d.date_inferred
    undated = doc("---\ntitle: t\n---\nIn June they met; in 2023 they meet again.\n")
    assert undated.date is None and not undated.date_inferred
