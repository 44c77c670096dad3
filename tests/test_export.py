"""`export`: which facts a filter selects, the three formats, the size bound, the stable fields.

The documents are written for these tests (tests/fixtures/compare/, plus hostile ones in a
temporary folder); expectations come from the extracted facts.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.export import UPLOAD_LIMIT, build_export, export_file, filename_for
from bot.export_formats import (
    DOCUMENT_FIELDS,
    JSON_KEYS,
    ROW_FIELDS,
    SCHEMA_VERSION,
    Budget,
    ExportTooLarge,
    csv_cell,
)
from bot.export_select import ExportFilter, find_filter, parse_request, select
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.render import render_error
from bot.search import FactIndex
from tests.conftest import ROOT
from tests.test_compare import DOCS, facts_from

STAMP = "2024-05-01T12:00:00+00:00"


@pytest.fixture(scope="module")
def built(lexicon: Lexicon) -> tuple[FactBase, FactIndex]:
    return facts_from(DOCS, lexicon)


def _json(facts: FactBase, index: FactIndex, arg: str) -> dict:
    return json.loads(build_export(facts, index, f"{arg} json", exported=STAMP).data)


# -- the stable JSON schema -----------------------------------------------------------------


def test_the_json_field_names_are_pinned() -> None:
    """Scripts read these names: changing one needs a new schema_version and README entry."""
    assert SCHEMA_VERSION == 1
    assert JSON_KEYS == ("schema_version", "exported", "filter", "counts", "documents", "facts")
    assert DOCUMENT_FIELDS == ("id", "number", "title", "date", "url", "kind")
    assert ROW_FIELDS == (
        "kind", "text", "person_id", "speaker", "actors", "topics", "when", "roles", "party",
        "country", "former", "doc_id", "paragraph", "sentence", "also",
    )  # fmt: skip


def test_the_json_file_has_exactly_those_fields(built) -> None:
    facts, index = built
    data = _json(facts, index, "")
    assert tuple(data) == JSON_KEYS
    assert data["schema_version"] == SCHEMA_VERSION and data["exported"] == STAMP
    assert data["filter"] == {"kind": "all", "key": None, "label": "all documents"}
    assert all(tuple(d) == DOCUMENT_FIELDS for d in data["documents"])
    assert all(tuple(row) == ROW_FIELDS for row in data["facts"])
    kinds = [row["kind"] for row in data["facts"]]
    assert kinds.count("person") == len(facts.people)
    assert kinds.count("quote") == len(facts.quotes)
    assert kinds.count("commitment") == len(facts.commitments)
    assert kinds.count("event") == len(facts.events)
    assert data["counts"]["commitments"] == len(facts.commitments)


def test_the_readme_documents_every_json_field() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    export = readme[readme.index("## Export") :]
    for name in (*JSON_KEYS, *ROW_FIELDS):
        assert re.search(rf"^- `{name}`:", export, re.MULTILINE), name
    for name in DOCUMENT_FIELDS:
        assert f"`{name}`" in export, name


def test_each_row_carries_its_source_and_fields(built) -> None:
    facts, index = built
    rows = _json(facts, index, "")["facts"]
    for c in facts.commitments:
        row = next(r for r in rows if r["kind"] == "commitment" and r["text"] == c.sentence)
        assert (row["doc_id"], row["paragraph"], row["sentence"]) == (
            c.source.doc_id,
            c.source.paragraph,
            c.source.sentence,
        )
        assert row["actors"] == list(c.actors) and row["topics"] == list(c.topics)
        assert row["when"] == c.when
    for q in facts.quotes:
        row = next(r for r in rows if r["kind"] == "quote" and r["text"] == q.text)
        assert row["speaker"] == facts.speaker_name(q) and row["person_id"] == q.speaker
    for p in facts.people:
        row = next(r for r in rows if r["kind"] == "person" and r["person_id"] == p.id)
        assert row["text"] == p.name and row["country"] == p.country and row["former"] is False


# -- filters --------------------------------------------------------------------------------


def test_a_topic_export_holds_that_topics_facts(built) -> None:
    facts, index = built
    topic = next(t for t in ("energy", "defense") if any(t in c.topics for c in facts.commitments))
    data = _json(facts, index, topic)
    assert data["filter"]["kind"] == "topic" and data["filter"]["key"] == topic
    commitments = [r for r in data["facts"] if r["kind"] == "commitment"]
    assert len(commitments) == sum(topic in c.topics for c in facts.commitments)
    assert all(topic in r["topics"] for r in data["facts"] if r["kind"] in ("commitment", "quote"))


def test_a_country_export_holds_its_commitments_and_people(built) -> None:
    facts, index = built
    data = _json(facts, index, "country italy")
    rows = data["facts"]
    acting = {c.sentence for c in facts.commitments if "Italy" in c.actors}
    assert acting and acting <= {r["text"] for r in rows if r["kind"] == "commitment"}
    italians = {p.id for p in facts.people if p.country == "Italy"}
    assert italians <= {r["person_id"] for r in rows if r["kind"] == "person"}


def test_a_document_export_holds_what_was_read_from_it(built) -> None:
    facts, index = built
    doc = facts.documents[0]
    data = _json(facts, index, doc.id)
    assert data["filter"] == {"kind": "document", "key": doc.id, "label": doc.title}
    for row in data["facts"]:
        if row["kind"] != "person":
            sources = [row["doc_id"], *(a["doc_id"] for a in row["also"])]
            assert doc.id in sources
    expected = sum(c.source.doc_id == doc.id for c in facts.commitments)
    assert sum(r["kind"] == "commitment" for r in data["facts"]) >= expected > 0


def test_arguments_are_read_like_other_commands(built) -> None:
    _facts, index = built
    assert parse_request(index, "") == (ExportFilter(), "md")
    assert parse_request(index, "JSON")[1] == "json"
    chosen, fmt = parse_request(index, "csv defence")  # the format may come first; a synonym
    assert (chosen.kind, chosen.key, fmt) == ("topic", "defense", "csv")
    assert parse_request(index, "italian .md")[0].key == "Italy"  # a demonym
    assert parse_request(index, "document naval talks")[0].kind == "document"  # by title
    with pytest.raises(UserError, match="one format"):
        parse_request(index, "json csv")
    with pytest.raises(UserError) as raised:
        find_filter(index, "energi zzz", ("topic",))
    assert raised.value.usage and raised.value.details
    assert find_filter(index, "enrgy").key == "energy"  # a typo


def test_filenames_are_safe_and_name_the_filter(built) -> None:
    facts, index = built
    assert filename_for(ExportFilter(), "md") == "briefbot-export-all.md"
    odd = ExportFilter("document", "../../etc/passwd\\x", "x")
    assert re.fullmatch(r"briefbot-export-document-[a-z0-9-]+\.csv", filename_for(odd, "csv"))
    assert build_export(facts, index, "energy json").filename == "briefbot-export-topic-energy.json"


# -- formats --------------------------------------------------------------------------------


def test_markdown_is_a_briefing_with_numbered_linked_sources(built) -> None:
    facts, index = built
    text = build_export(facts, index, "", exported=STAMP).data.decode("utf-8")
    assert text.startswith("# Briefing: all documents\n")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == ["Who's who", "Commitments by topic", "Quotes", "Timeline", "Sources"]
    for c in facts.commitments:
        assert " ".join(c.sentence.split())[:40] in text
    for d in facts.documents:
        assert f"`{d.id}`" in text
        if d.source:
            assert f"](<{d.source}>)" in text
    assert re.search(r"\[\d+ ¶\d+\]", text)


def test_csv_has_a_header_and_one_row_per_fact(built) -> None:
    facts, index = built
    file = build_export(facts, index, "csv")
    rows = list(csv.reader(io.StringIO(file.data.decode("utf-8"))))
    assert tuple(rows[0]) == ROW_FIELDS
    assert len(rows) - 1 == sum(
        facts.counts()[k] for k in ("people", "quotes", "commitments", "events")
    )
    assert len(rows) - 1 == file.facts


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        (None, ""),
        (True, "true"),
        (["a", "b"], "a; b"),
        ([{"doc_id": "x", "paragraph": 3, "sentence": "s"}], "x ¶3"),
    ],
)
def test_csv_cells_are_never_formulas(value, cell) -> None:
    assert csv_cell(value) == cell


def test_a_hostile_document_gives_safe_csv_cells(tmp_path: Path, lexicon: Lexicon) -> None:
    (tmp_path / "evil.md").write_text(
        '---\ntitle: =HYPERLINK("http://example.org")\n---\n'
        '“=HYPERLINK(""http://example.org"",""x"")” said Defence Minister Guido Crosetto.\n\n'
        "Italy wants to build +5 new ports by 2030.\n",
        encoding="utf-8",
    )
    facts, index = facts_from(tmp_path, lexicon)
    assert any(q.text.startswith("=") for q in facts.quotes), "the quote should start with ="
    rows = list(csv.reader(io.StringIO(build_export(facts, index, "csv").data.decode())))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


# -- the size bound -------------------------------------------------------------------------


def test_an_export_over_the_limit_is_refused_with_how_to_narrow_it(built) -> None:
    facts, index = built
    whole = len(build_export(facts, index, "json").data)
    with pytest.raises(ExportTooLarge) as raised:
        build_export(facts, index, "json", max_bytes=whole // 2)
    assert isinstance(raised.value, UserError)
    assert "Narrow it" in raised.value.message and raised.value.usage
    assert len(build_export(facts, index, "json", max_bytes=whole).data) == whole
    assert UPLOAD_LIMIT == 8 * 1024 * 1024


def test_the_budget_stops_at_the_limit_not_at_the_end() -> None:
    out = Budget(100)
    with pytest.raises(ExportTooLarge):
        for _ in range(10_000):
            out.write("x" * 30)
    assert out.size <= 130 and len(out.parts) == 3


def test_nothing_to_export_is_said_not_written(lexicon: Lexicon, tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("---\ntitle: Empty\n---\nNothing happens here.\n")
    facts, index = facts_from(tmp_path, lexicon)
    with pytest.raises(UserError, match="Nothing to export"):
        export_file(facts, index, ExportFilter("topic", "energy", "Energy"), "md")
    assert select(facts, index, ExportFilter()).fact_count == len(facts.people) + len(
        facts.events
    ) + len(facts.quotes) + len(facts.commitments)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    arg=st.one_of(
        st.text(max_size=400),
        st.sampled_from(["@everyone json", "../../x csv", "=1+1", "a" * 5000, "md md", "\x00"]),
    )
)
def test_any_argument_gives_a_file_or_a_friendly_error(seed_facts, seed_index, arg) -> None:
    try:
        file = build_export(seed_facts, seed_index, arg, max_bytes=UPLOAD_LIMIT)
    except UserError as exc:
        assert 0 < len(render_error(exc)) <= 2000
        return
    assert re.fullmatch(r"briefbot-export-[a-z0-9-]+\.(md|json|csv)", file.filename)
    assert 0 < len(file.data) <= UPLOAD_LIMIT
