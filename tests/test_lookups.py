"""Per-generation answer lookups give what a plain scan of every fact gives."""

from __future__ import annotations

import re
from dataclasses import replace

from bot import briefing
from bot.answer_lines import MAX_LINES
from bot.config import load_settings
from bot.factbase import FactBase
from bot.lookups import AnswerLookups, name_pattern, names_of
from bot.models import Commitment, Person, Quote, Source
from bot.search import FactIndex


def _plain_commitments(facts: FactBase, person: Person) -> list[Commitment]:
    names = names_of(person)
    return [
        c
        for c in facts.commitments
        if any(re.search(rf"\b{re.escape(n)}\b", c.sentence, re.IGNORECASE) for n in names)
    ]


def _plain_quotes(facts: FactBase, person: Person) -> list[Quote]:
    pattern = name_pattern(names_of(person))
    return [
        q
        for q in facts.quotes
        if q.speaker == person.id
        or (q.speaker and q.speaker not in facts.person_by_id and pattern.search(q.speaker))
    ]


def test_lookups_equal_a_plain_scan_on_the_seeds(seed_facts: FactBase, seed_index) -> None:
    lookups = seed_index.lookups
    assert any(lookups.commitments_naming(p) for p in seed_facts.people)
    assert any(lookups.quotes_by(p) for p in seed_facts.people)
    for p in seed_facts.people:
        assert lookups.commitments_naming(p) == _plain_commitments(seed_facts, p)
        assert lookups.quotes_by(p) == _plain_quotes(seed_facts, p)


def test_names_are_matched_as_whole_words_in_any_case_and_lookalike_letters() -> None:
    src = Source("d", 1, "x")
    people = (Person("anna-lind", "Anna Lind", aliases=("Lind",)),)
    sentences = [
        "ANNA LIND will act.",  # any case
        "Lindqvist will act.",  # not a whole word
        "Anna and Lind will act.",  # the alias alone
        "Linda will act.",
        "Secretary \u017fmith and Lind's team will act.",  # possessive still a whole word
    ]
    commitments = tuple(Commitment(s, (), (), replace(src, sentence=s)) for s in sentences)
    lookups = AnswerLookups(people, (), commitments, None)  # type: ignore[arg-type]
    found = [c.sentence for c in lookups.commitments_naming(people[0])]
    assert found == [sentences[0], sentences[2], sentences[4]]
    kelvin = (Person("kim", "Kiro", aliases=()),)
    odd = (Commitment("\u212aIRO will act.", (), (), src),)
    assert AnswerLookups(kelvin, (), odd, None).commitments_naming(kelvin[0]) == list(odd)  # type: ignore[arg-type]


def test_an_alias_several_people_share_finds_none_of_their_commitments() -> None:
    src = Source("d", 1, "x")
    people = (
        Person("ana-pazos", "Ana Pazos", aliases=("Pazos", "the secretary")),
        Person("bram-king", "Bram King", aliases=("King", "The Secretary")),
        Person("cai-lund", "Cai Lund", aliases=("the envoy",)),
    )
    sentences = [
        "The Secretary will visit the port.",  # two secretaries: names neither
        "Pazos will visit the port.",
        "The envoy will visit the port.",  # one envoy: names Lund
    ]
    commitments = tuple(Commitment(s, (), (), replace(src, sentence=s)) for s in sentences)
    lookups = AnswerLookups(people, (), commitments, None)  # type: ignore[arg-type]
    assert [c.sentence for c in lookups.commitments_naming(people[0])] == [sentences[1]]
    assert lookups.commitments_naming(people[1]) == []
    assert [c.sentence for c in lookups.commitments_naming(people[2])] == [sentences[2]]


def test_people_answer_shows_a_page_worth_and_says_how_many_more(
    seed_facts: FactBase, lexicon
) -> None:
    many = tuple(
        replace(p, id=f"{p.id}-{i}", name=f"{p.name} {i}")
        for i in range(40)
        for p in seed_facts.people[:3]
    )
    facts = replace(seed_facts, people=many)
    index = FactIndex(facts, lexicon, load_settings().fuzzy)
    answer = briefing.answer(facts, index, "people")
    assert answer.title == f"People ({len(many)})"
    assert answer.line_count == MAX_LINES + 1
    assert answer.sections[-1].lines[-1].text.startswith(f"… and {len(many) - MAX_LINES}")


def test_a_cut_list_counts_lines_it_did_not_build() -> None:
    from bot.answer_lines import limit_lines
    from bot.answers import Line

    shown = [Line(f"line {i}") for i in range(3)]
    cut = limit_lines(shown, 3, total=10)
    assert [line.text for line in cut[:3]] == ["line 0", "line 1", "line 2"]
    assert cut[-1].text.startswith("… and 7 more")
    assert limit_lines(shown, 3, total=3) == tuple(shown)


def test_shown_lines_builds_only_the_lines_it_shows_and_equals_a_cut_of_all() -> None:
    from bot.answer_lines import limit_lines, shown_lines
    from bot.answers import Line

    built: list[int] = []

    def line(i: int) -> Line:
        built.append(i)
        return Line(f"line {i}")

    items = list(range(250))
    cut = shown_lines(items, line, 10, "ask for more")
    assert built == list(range(10))
    assert cut == limit_lines([Line(f"line {i}") for i in items], 10, "ask for more")
    assert cut[-1].text == "… and 240 more; ask for more."
    assert shown_lines(items[:4], line, 10) == tuple(Line(f"line {i}") for i in range(4))


def test_country_groups_are_kept_per_generation_and_equal_a_plain_grouping(lexicon) -> None:
    src = Source("d", 1, "x")
    people = (
        Person("a", "Ana Paz", roles=("Defense Minister",), country="Norland", sources=(src,)),
        Person("b", "Bo Lin", roles=("Mayor",), country="Southia", sources=(src,)),
        Person("c", "Cy Ode", roles=("Finance Minister",), country="Norland", sources=(src,)),
        Person("d", "Di Roe", roles=("Foreign Minister",), sources=(src,)),
    )
    lookups = AnswerLookups(people, (), (), lexicon)
    groups = lookups.country_groups(lookups.people)
    assert groups is lookups.country_groups(lookups.people)  # worked out once
    assert [(c, [p.id for p in g]) for c, g in groups] == [
        ("Norland", ["a", "c"]),
        ("Southia", ["b"]),
        ("Country not stated", ["d"]),
    ]
    some = [people[2], people[1]]
    assert [(c, [p.id for p in g]) for c, g in lookups.country_groups(some)] == [
        ("Norland", ["c"]),
        ("Southia", ["b"]),
    ]
    government = lookups.country_groups(lookups.government)
    assert government is lookups.country_groups(lookups.government)
    assert [(c, [p.id for p in g]) for c, g in government] == [
        ("Norland", ["a", "c"]),
        ("Country not stated", ["d"]),
    ]


def test_quote_tables_lend_the_speaker_table_only_when_quotes_and_people_are_the_same() -> None:
    from bot.quote_lookups import QuoteTables

    src = Source("d", 1, "“We act,” said Ana Paz. “We wait,” said Bo Lin and Ana Paz.")
    quotes = (
        Quote("We act", "a", src),
        Quote("We wait", "Bo Lin and Ana Paz", src),
        Quote("Later", "b", Source("d", 2, "x")),
    )
    ana = Person("a", "Ana Paz", sources=(src,))
    first = QuoteTables(quotes, frozenset({"a", "b"}))
    assert [q.text for q in first.by(ana)] == ["We act", "We wait"]  # the joint one too
    assert [q.text for q in first.at(src)] == ["We act", "We wait"]
    same = QuoteTables(quotes, frozenset({"a", "b"}), first)
    assert same.by_speaker is first.by_speaker
    assert same._previous is None  # lent once: no chain of generations is kept
    other = QuoteTables(quotes, frozenset({"a"}), same)
    assert other.by_speaker is not same.by_speaker
    assert other.by_speaker[1]["b"] == [2]  # 'b' is no person's id now: a speaker text
