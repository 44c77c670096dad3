"""Answers on the shipped seeds: the acceptance questions of the core issue.

Expectations are read from the documents themselves (names in "Name (Role, Party)" lists, the
sentence that holds a phrase), so a changed document changes what is expected.
"""

from __future__ import annotations

import re

import pytest

from bot import briefing
from bot.answers import Answer
from bot.errors import UserError
from bot.extract.text import segment
from bot.factbase import FactBase
from bot.render import render_error, render_text
from bot.search import FactIndex
from bot.seeds import parse_document
from tests.conftest import seed_documents

SEED = seed_documents()[0]
TEXT = parse_document(SEED, SEED.read_bytes()).text


def ask(facts: FactBase, index: FactIndex, name: str, arg: str = "") -> Answer:
    return briefing.answer(facts, index, name, arg)


def lines_of(a: Answer) -> list[str]:
    return [line.text for s in a.sections for line in s.lines]


def sentence_with(phrase: str) -> str:
    """The seed sentence (or heading) that holds a phrase; the phrase must be in the seed."""
    for p in segment(TEXT):
        for s in p.sentences:
            if phrase.casefold() in s.text.casefold():
                return s.text
    raise AssertionError(f"the seed no longer says {phrase!r}: update this test")


def parenthesised_people() -> list[tuple[str, str, str | None]]:
    """(name, roles, party) from "Robert Habeck (Vice Chancellor and Economy, Greens)"."""
    out = []
    for name, inner in re.findall(r"(?<!\w)(?!The )([A-Z]\w+ [A-Z]\w+) \(([^()]+)\)", TEXT):
        role, _, party = inner.rpartition(",")
        out.append((name, role.strip(), party.strip() or None))
    return out


def predecessors() -> set[str]:
    sentence = sentence_with("predecessor")
    return {name for name, _inner in re.findall(r"([A-Z]\w+ [A-Z]\w+) \(([^()]+)\)", sentence)}


def line_for(a: Answer, name: str) -> str:
    hits = [t for t in lines_of(a) if name in t]
    assert hits, f"{name} missing from {a.title}: {lines_of(a)}"
    return hits[0]


def test_ministers_are_the_cabinet_not_the_predecessors(seed_facts, seed_index) -> None:
    a = ask(seed_facts, seed_index, "ministers")
    gone = predecessors()
    assert gone, "the seed names predecessors"
    listed = [(n, r, p) for n, r, p in parenthesised_people() if n not in gone]
    assert len(listed) >= 5
    for name, _role, party in listed:
        line = line_for(a, name)
        assert party and party in line, line
    for name in gone:
        assert all(name not in t for t in lines_of(a))


def test_ministers_show_portfolios_through_role_synonyms(seed_facts, seed_index, lexicon) -> None:
    a = ask(seed_facts, seed_index, "ministers")
    checked = 0
    for name, roles, _party in parenthesised_people():
        for role in re.split(r",| and ", roles):
            canonical = lexicon.canonical_role(role.strip())
            if canonical != role.strip():
                assert canonical in line_for(a, name)
                checked += 1
    assert checked >= 3  # "Outside", "Inside", "Traffic" in the first seed


def test_the_chancellor_is_the_person_said_to_speak(seed_facts, seed_index) -> None:
    role, party = re.search(r"The (Chancellor) \((\w+)\)", TEXT).groups()
    surname = re.search(r"said (\w+)\.", TEXT).group(1)
    line = line_for(ask(seed_facts, seed_index, "ministers"), surname)
    assert role in line and party in line


def test_titled_head_of_government_is_a_minister(seed_facts, seed_index) -> None:
    title, name = re.search(r"(Prime Minister) ([A-Z]\w+ [A-Z]\w+)", TEXT).groups()
    assert title in line_for(ask(seed_facts, seed_index, "ministers"), name)


def test_ministers_filtered_by_party_and_country(seed_facts, seed_index) -> None:
    name, _roles, party = parenthesised_people()[0]
    by_party = ask(seed_facts, seed_index, "ministers", party.lower())
    assert all(party in t for t in lines_of(by_party)) and line_for(by_party, name)
    country = seed_facts.person_by_id[seed_index.find_people(name)[0][0].id].country
    by_country = ask(seed_facts, seed_index, "ministers", country)
    assert lines_of(by_country) and all(country in t for t in lines_of(by_country))


@pytest.mark.parametrize("spelling", ["defence", "defense", "Defence", "military"])
def test_defence_commitments(seed_facts, seed_index, spelling: str) -> None:
    a = ask(seed_facts, seed_index, "commitments", spelling)
    # The frigate headline and the warship sentence state one plan: one line citing both.
    sentences = [
        x.sentence for s in a.sections for line in s.lines for x in (line.source, *line.also)
    ]
    for phrase in ("legal framework", "joint exercises", "frigate", "warship"):
        assert sentence_with(phrase) in sentences, phrase


def test_minerals_find_the_raw_materials_commitments(seed_facts, seed_index, lexicon) -> None:
    a = ask(seed_facts, seed_index, "commitments", "minerals")
    topic = lexicon.topic_by_slug["raw-materials"]
    assert topic.label.lower() in a.title.lower()
    assert sentence_with("raw materials") in [
        line.source.sentence for s in a.sections for line in s.lines
    ]


def test_commitments_without_topic_lists_topics_with_counts(seed_facts, seed_index) -> None:
    a = ask(seed_facts, seed_index, "commitments")
    assert any("defense" in t for t in lines_of(a))
    assert all(re.search(r": \d+$", t) for t in lines_of(a))


def test_unknown_topic_answers_with_the_topics(seed_facts, seed_index) -> None:
    with pytest.raises(UserError) as err:
        ask(seed_facts, seed_index, "commitments", "zzz")
    message = render_error(err.value)
    # What does exist: the topics that have commitments (a topic with none is no help).
    having = {t for c in seed_facts.commitments for t in c.topics}
    for t in seed_facts.topics:
        listed = re.search(rf"(?<![\w-]){re.escape(t.slug)} \(", message) is not None
        assert listed == (t.slug in having), t.slug


def test_quotes_of_the_defense_minister(seed_facts, seed_index) -> None:
    sentence = sentence_with("Pistorius")
    paragraph = next(p.text for p in segment(TEXT) if sentence in p.text)
    quoted = re.findall(r"“([^”]+)”", paragraph)
    assert quoted
    out = render_text(ask(seed_facts, seed_index, "quotes", "pistorius"))
    for q in quoted:
        assert q.rstrip(",. ") in out


@pytest.mark.parametrize(("typo", "name"), [("habek", "Habeck"), ("pistorious", "Pistorius")])
def test_who_finds_people_despite_typos(seed_facts, seed_index, typo: str, name: str) -> None:
    assert name in TEXT
    a = ask(seed_facts, seed_index, "who", typo)
    assert name in a.title


def test_who_misses_with_suggestions(seed_facts, seed_index) -> None:
    with pytest.raises(UserError) as err:
        ask(seed_facts, seed_index, "who", "qqqqqq")
    assert err.value.usage


def test_timeline_year_filter(seed_facts, seed_index) -> None:
    year = re.search(r"\bIn (\d{4})\b", TEXT).group(1)
    a = ask(seed_facts, seed_index, "timeline", year)
    assert lines_of(a)
    for t in lines_of(a):
        when = re.match(r"\*\*([^*]+)\*\*", t).group(1)
        first, _, last = when.partition("/")
        assert first[:4] <= year <= (last or first)[:4], t
    with pytest.raises(UserError):
        ask(seed_facts, seed_index, "timeline", "next year")


def test_search_tolerates_typos(seed_facts, seed_index) -> None:
    a = ask(seed_facts, seed_index, "search", "frigat pacfic")
    assert sentence_with("frigate") in lines_of(a)


def test_brief_and_sources_cite_the_document(seed_facts, seed_index) -> None:
    doc = seed_facts.documents[0]
    b = ask(seed_facts, seed_index, "brief", doc.title[:12])
    assert b.title == doc.title and b.documents[0].id == doc.id
    assert doc.title in render_text(ask(seed_facts, seed_index, "sources"))


def test_unknown_command_suggests_the_right_one(seed_facts, seed_index) -> None:
    with pytest.raises(UserError) as err:
        ask(seed_facts, seed_index, "ministrs")
    assert "ministers" in err.value.suggestions


COMMAND_ARGS = [
    ("help", ""), ("help", "who"), ("ministers", ""), ("people", ""), ("who", "scholz"),
    ("quotes", ""), ("quotes", "defense"), ("commitments", ""), ("commitments", "energy"),
    ("topics", ""), ("timeline", ""), ("search", "cooperation"), ("sources", ""), ("brief", ""),
]  # fmt: skip


@pytest.mark.parametrize(("name", "arg"), COMMAND_ARGS)
def test_every_cited_sentence_is_in_its_document(seed_facts, seed_index, name, arg) -> None:
    a = ask(seed_facts, seed_index, name, arg)
    for s in a.sections:
        for line in s.lines:
            if line.source:
                doc = seed_facts.document_by_id[line.source.doc_id]
                assert line.source.sentence in doc.text
                assert a.doc_number(doc.id)


def test_joint_quotes_show_under_each_speaker(lexicon) -> None:
    from bot.config import load_settings
    from bot.factbase import build_factbase
    from bot.models import Document, DocumentFacts, Person, Quote, Source

    src = Source("d", 1, "“We will act,” the statement said.")
    people = (
        Person("ana-ruiz", "Ana Ruiz", sources=(src,)),
        Person("bo-li", "Bo Li", sources=(src,)),
    )
    quote = Quote("We will act", "Ana Ruiz and Bo Li (joint statement)", src)
    doc = Document("d", "D", "d.md", src.sentence, "0")
    fb = build_factbase([DocumentFacts(doc, people, (quote,))], None, lexicon)
    index = FactIndex(fb, lexicon, load_settings().fuzzy)
    for name in ("ruiz", "bo li"):
        assert "We will act" in render_text(ask(fb, index, "quotes", name))
