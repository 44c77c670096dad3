"""`compare`: the two sides found in the argument, and each section built from the facts.

The documents are written for these tests (tests/fixtures/compare/); expectations are worked
out from the extracted facts, after checking the facts hold what the test needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answer, Section
from bot.briefing import answer
from bot.compare import build_side, compare
from bot.compare_args import MAX_CHARS, cuts, split_sides, tokens
from bot.compare_names import NameMatcher, WordIndex, text_words, word_index
from bot.config import load_settings
from bot.errors import UserError
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, build_factbase
from bot.render import render_pages, render_text
from bot.search import FactIndex
from bot.seeds import list_seed_files, parse_document
from tests.conftest import ROOT

DOCS = ROOT / "tests" / "fixtures" / "compare"


def facts_from(folder: Path, lexicon: Lexicon) -> tuple[FactBase, FactIndex]:
    """The fact base and index of the documents in `folder`, as a reload builds them."""
    paths = [s.path for s in list_seed_files(folder) if s.is_document]
    docs = [extract_document(parse_document(p, p.read_bytes()), lexicon) for p in paths]
    facts = build_factbase(docs, None, lexicon)
    return facts, FactIndex(facts, lexicon, load_settings().fuzzy)


@pytest.fixture(scope="module")
def built(lexicon: Lexicon) -> tuple[FactBase, FactIndex]:
    return facts_from(DOCS, lexicon)


def section(result: Answer, start: str) -> Section:
    found = [s for s in result.sections if s.heading.startswith(start)]
    assert found, (start, [s.heading for s in result.sections])
    return found[0]


# -- finding the two sides ------------------------------------------------------------------


def test_tokens_keep_quoted_phrases_whole_and_split_separator_marks() -> None:
    assert tokens('"Olaf Scholz" vs japan') == [
        ("Olaf Scholz", True),
        ("vs", False),
        ("japan", False),
    ]
    assert tokens("france,italy") == [("france", False), (",", False), ("italy", False)]
    assert tokens("“Guido Crosetto” „Sébastien Lecornu“") == [
        ("Guido Crosetto", True),
        ("Sébastien Lecornu", True),
    ]


def test_cuts_never_split_a_quoted_phrase_and_drop_separators_at_the_cut() -> None:
    assert cuts('a "b c" d') == [("a", "b c d", False), ("a b c", "d", False)]
    assert ("france", "italy", True) in cuts("france vs italy")
    assert all(left != "france vs" for left, _r, _s in cuts("france vs italy"))


@pytest.mark.parametrize(
    ("typed", "first", "second"),
    [
        ("france italy", "France", "Italy"),
        ("France vs. Italy", "France", "Italy"),
        ("france, italy", "France", "Italy"),
        ('"Guido Crosetto" france', "Guido Crosetto", "France"),
        ("guido crosetto france", "Guido Crosetto", "France"),
        ("sébastien lecornu and guido crosetto", "Sébastien Lecornu", "Guido Crosetto"),
        ("italian french", "Italy", "France"),  # demonyms
        ("francee itally", "France", "Italy"),  # typos
    ],
)
def test_the_cut_where_both_sides_read_best_wins(built, typed, first, second) -> None:
    _facts, index = built
    a, b, _note = split_sides(index, typed)
    assert (a.label, b.label) == (first, second)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Name two"),
        ("   ", "Name two"),
        ("france", "Name a second"),
        ("france zzzqqq", "“zzzqqq” is no country"),
        ("zzzqqq xxxwww", "No country, party or person"),
        ("x" * (MAX_CHARS + 1), "too long"),
        (" ".join(["france"] * 20), "not more"),
    ],
)
def test_a_side_that_is_missing_or_unknown_is_a_friendly_error(built, typed, says) -> None:
    facts, index = built
    with pytest.raises(UserError) as raised:
        compare(facts, index, typed)
    assert says in raised.value.message
    assert raised.value.usage == "compare <a> <b>"


def test_an_unknown_side_gets_did_you_mean(built) -> None:
    facts, index = built
    with pytest.raises(UserError) as raised:
        compare(facts, index, "france itl")
    assert raised.value.suggestions == ("Italy",), raised.value.message


def test_the_same_side_twice_is_refused(built) -> None:
    facts, index = built
    with pytest.raises(UserError, match="twice"):
        compare(facts, index, "france french")


# -- the sections -------------------------------------------------------------------------


def test_joint_commitments_are_together_and_shared_topics_show_both_sides(built) -> None:
    facts, index = built
    joint = [c for c in facts.commitments if {"France", "Italy"} <= set(c.actors)]
    france = [c for c in facts.commitments if "France" in c.actors and c not in joint]
    italy = [c for c in facts.commitments if "Italy" in c.actors and c not in joint]
    shared = {t for c in france for t in c.topics} & {t for c in italy for t in c.topics}
    assert joint and shared, "the test documents should give a joint plan and a shared topic"
    result = answer(facts, index, "compare", "france italy")
    assert result.title == "Compare: France and Italy"
    assert [line.source for line in section(result, "Together").lines] == [c.source for c in joint]
    topic = sorted(shared)[0]
    both = section(result, f"Both plan: {facts.topic_by_slug[topic].label}")
    texts = [line.text for line in both.lines]
    assert any(t.startswith("**France:**") for t in texts)
    assert any(t.startswith("**Italy:**") for t in texts)
    shown = {line.source for line in both.lines}
    assert {c.source for c in france + italy if topic in c.topics} <= shown
    assert topic in result.intro


def test_only_one_side_lists_plans_on_topics_the_other_has_none_on(built) -> None:
    facts, index = built
    result = compare(facts, index, "france italy")
    italy_topics = {
        t for c in facts.commitments if c.actors == ("Italy",) for t in c.topics
    }  # Italy's own plans: joint ones are shown together
    for line in section(result, "Only France").lines:
        c = next(c for c in facts.commitments if c.source == line.source)
        assert "France" in c.actors and not set(c.topics) & italy_topics


def test_quotes_on_shared_topics_are_each_sides(built) -> None:
    facts, index = built
    result = compare(facts, index, "france italy")
    said = [s for s in result.sections if s.heading.startswith("Said on")]
    assert said
    speakers = {p.id: p.country for p in facts.people}
    for s in said:
        for line in s.lines:
            q = next(q for q in facts.quotes if q.source == line.source)
            side = line.text.split(":**")[0].lstrip("*")
            assert speakers[q.speaker] == side


def test_documents_and_events_that_name_both(built) -> None:
    facts, index = built
    result = compare(facts, index, "lecornu crosetto")
    docs = section(result, "Documents naming both")
    both = [
        d.id
        for d in facts.documents
        if all(
            any(s.doc_id == d.id for s in p.sources)
            for p in facts.people
            if p.name in ("Sébastien Lecornu", "Guido Crosetto")
        )
    ]
    assert both and all(any(f"`{d}`" in line.text for line in docs.lines) for d in both)
    met = section(result, "Meetings and events with both")
    for line in met.lines:
        assert "Lecornu" in line.source.sentence and "Crosetto" in line.source.sentence


def test_every_fact_line_cites_its_source_and_pages_fit(built) -> None:
    facts, index = built
    result = compare(facts, index, '"Guido Crosetto" france')
    for s in result.sections:
        if s.heading.startswith("Documents"):
            continue
        for line in s.lines:
            assert line.source is not None or line.text.startswith("…"), line.text
    assert render_text(result)
    for page in render_pages(result, 3):
        assert len(page.description) <= 4096 and page.total <= 6000


def test_long_sides_are_cut_with_how_many_more(tmp_path: Path, lexicon: Lexicon) -> None:
    things = "airport harbour museum railway school stadium library tunnel dam factory"
    cities = "Lyon Lille Nantes Rennes Brest Metz Nice Toulon Amiens Reims Caen Tours Pau Albi Agen"
    lines = [
        f"France plans to build a new {thing} in {city} by {2030 + n}."
        for n, (thing, city) in enumerate(zip(things.split() * 2, cities.split(), strict=False))
    ]
    (tmp_path / "works.md").write_text(
        "---\ntitle: Works\ndate: 2024-01-01\n---\n" + "\n\n".join(lines) + "\n"
    )
    (tmp_path / "italy.md").write_text(
        "---\ntitle: Italy\n---\nItaly wants to build more solar power plants in 2026.\n"
    )
    facts, index = facts_from(tmp_path, lexicon)
    mine = [c for c in facts.commitments if c.actors == ("France",)]
    assert len(mine) > 12, "the test document should give many commitments"
    assert not {t for c in mine for t in c.topics} & {"energy"}
    result = compare(facts, index, "france italy")
    only = section(result, "Only France")
    assert only.lines[-1].text.startswith(f"… and {len(mine) - 12} more from France")
    assert result.line_count < 60


def test_names_match_as_whole_words_in_order_any_case() -> None:
    names = NameMatcher(["Guido Crosetto", "Italy", "Italian"])
    assert names.found_in(text_words("On Monday, GUIDO crosetto met Lecornu."))
    assert names.found_in(text_words("Italian ministers met."))
    assert not names.found_in(text_words("Guidon Crosetto-like; Crosetto Guido; Italyx"))
    assert not NameMatcher([]).found_in(text_words("anything"))


def test_an_office_stands_for_its_one_holder(seed_facts: FactBase, seed_index: FactIndex) -> None:
    offices = {o for p in seed_facts.people if not p.former for o in p.offices}
    single = sorted(o for o in offices if len(seed_index.holders(o)) == 1)
    assert single, "the seed should have an office held by one person"
    country = seed_index.countries()[0]
    for office in single:
        a, b, _note = split_sides(seed_index, f'"{office}" "{country}"')
        assert (a.kind, a.key) == ("person", seed_index.holders(office)[0].id), office
        assert b.key == country


def test_an_office_held_by_several_asks_for_one(built) -> None:
    facts, index = built
    offices = {o for p in facts.people for o in p.offices}
    shared = [o for o in offices if len(index.holders(o)) > 1]
    assert shared, "the test documents should give two holders of one office"
    with pytest.raises(UserError, match="name one of them"):
        compare(facts, index, f'"{shared[0]}" france')


def test_a_partys_plans_are_the_sentences_naming_it_or_its_people(
    seed_facts: FactBase, seed_index: FactIndex
) -> None:
    parties = seed_index.parties()
    assert len(parties) >= 2, "the seed should name two parties"
    a, b, _note = split_sides(seed_index, f'"{parties[0]}" "{parties[1]}"')
    assert (a.kind, b.kind) == ("party", "party")
    side = build_side(seed_facts, seed_index, a)
    members = [p for p in seed_facts.people if p.party == a.key and not p.former]
    naming = {c.source for p in members for c in seed_index.lookups.commitments_naming(p)} | {
        c.source for c in seed_facts.commitments if a.key in c.sentence.split()
    }
    assert {c.source for c in side.commitments} == naming
    assert {q.speaker for q in side.quotes} <= {p.id for p in seed_facts.people if p.party == a.key}


def test_the_word_index_finds_the_texts_naming_a_side_and_is_built_once() -> None:
    texts = ("Lecornu met Crosetto in Rome.", "Italy plans a port.", "Guidon Crosetto-like")
    index = WordIndex(texts)
    assert index.matching(NameMatcher(["Italy", "Sébastien Lecornu", "Lecornu"])) == {0, 1}
    assert index.matching(NameMatcher(["Guido Crosetto"])) == set()
    items = ["Italy plans a port."]
    first = word_index(items, str.strip)
    assert word_index(items, str.strip) is first
    assert word_index(list(items), str.strip) is not first  # another generation's list


def test_matching_equals_reading_every_text() -> None:
    """One-word names take every text holding the word; the others are read once each."""
    texts = (
        "Guido met the press.",  # a first word, not the name
        "GUIDO Crosetto met Lecornu.",
        "Italian ports grow.",
        "Crosetto Guido, reversed.",
        "Nothing here.",
        "Lecornu and Guido Crosetto, with Italy.",
    )
    index = WordIndex(texts)
    for names in (
        ["Guido Crosetto", "Italy", "Italian"],
        ["Guido Crosetto", "Lecornu"],
        ["Guido"],
        ["Guido Crosetto"],
        [],
    ):
        matcher = NameMatcher(names)
        plain = {i for i, t in enumerate(texts) if matcher.found_in(text_words(t))}
        assert index.matching(matcher) == plain, names
    assert NameMatcher(["Guido Crosetto", "Italy"]).whole == {"italy"}
