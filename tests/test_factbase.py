"""Merging documents: one person across documents, curated names and corrections."""

from __future__ import annotations

from bot.factbase import build_factbase, fact_key, same_name
from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    CuratedPerson,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
    Source,
)


def _doc(doc_id: str) -> Document:
    return Document(
        id=doc_id, title=doc_id.title(), path=f"seeds/{doc_id}.md", text="x", sha256="0"
    )


def _person(name: str, doc_id: str, **kw) -> Person:
    src = Source(doc_id, 1, f"{name} spoke.")
    return Person(id=name.lower().replace(" ", "-"), name=name, sources=(src,), **kw)


def _facts(doc_id: str, people: list[Person], quotes: list[Quote] = ()) -> DocumentFacts:
    return DocumentFacts(_doc(doc_id), tuple(people), tuple(quotes))


def test_same_name_rules() -> None:
    assert same_name("Scholz", "Olaf Scholz")
    assert same_name("Lloyd Austin", "Lloyd J. Austin III")
    assert same_name("Dr. Anna Vogel", "Anna Vogel")
    assert not same_name("Olaf Scholz", "Anna Scholz")
    assert not same_name("", "Anna")


def test_surname_in_one_document_joins_full_name_in_another() -> None:
    a = _facts("a", [_person("Mara Lind", "a", roles=("Minister",), country="Sweden")])
    q = Quote("We will act.", "lind", Source("b", 2, "“We will act,” said Lind."))
    b = _facts("b", [_person("Lind", "b", party="S")], [q])
    fb = build_factbase([a, b])
    assert [p.name for p in fb.people] == ["Mara Lind"]
    merged = fb.people[0]
    assert merged.party == "S" and merged.country == "Sweden" and "Lind" in merged.aliases
    assert len(merged.sources) == 2
    assert fb.quotes[0].speaker == merged.id
    assert fb.speaker_name(fb.quotes[0]) == "Mara Lind"


def test_different_countries_stay_different_people() -> None:
    a = _facts("a", [_person("Kim", "a", country="South Korea")])
    b = _facts("b", [_person("Kim", "b", country="North Korea")])
    assert len(build_factbase([a, b]).people) == 2


def test_ambiguous_surname_is_not_merged_into_either() -> None:
    a = _facts("a", [_person("Anna Berg", "a"), _person("Olof Berg", "a")])
    b = _facts("b", [_person("Berg", "b")])
    assert len(build_factbase([a, b]).people) == 3


def test_curated_person_gives_full_name_and_overrides() -> None:
    a = _facts("a", [_person("Scholz", "a", roles=("Chancellor",))])
    curated = CuratedFacts(
        people=(CuratedPerson("Olaf Scholz", aliases=("Scholz",), party="SPD", country="Germany"),)
    )
    fb = build_factbase([a], curated)
    p = fb.people[0]
    assert (p.name, p.id, p.party, p.country) == ("Olaf Scholz", "olaf-scholz", "SPD", "Germany")
    assert p.roles == ("Chancellor",)


def test_corrections_drop_and_set() -> None:
    src = Source("a", 1, "s")
    facts = DocumentFacts(
        _doc("a"),
        (_person("Ada Ray", "a"),),
        (Quote("keep me", None, src), Quote("drop me", None, src)),
        (Commitment("We will build a bridge.", ("X",), ("trade",), src),),
        (Event("2024", "bridge opens", src),),
    )
    fixes = (
        Correction("quote", "drop me", drop=True),
        Correction("quote", "keep me", set=(("speaker", "Ada Ray"),)),
        Correction("commitment", "bridge", set=(("topics", ("technology",)),)),
        Correction("event", "bridge opens", set=(("when", "2025"),)),
        Correction("person", "Ada Ray", set=(("party", "Blue"),)),
    )
    fb = build_factbase([facts], CuratedFacts(corrections=fixes))
    assert [q.text for q in fb.quotes] == ["keep me"]
    assert fb.quotes[0].speaker == "ada-ray"
    assert fb.commitments[0].topics == ("technology",)
    assert fb.events[0].when == "2025"
    assert fb.people[0].party == "Blue"


def test_fact_keys_identify_facts_across_generations() -> None:
    src = Source("a", 1, "s")
    assert fact_key(Quote("x", None, src)) == fact_key(Quote("x", "someone", src))
    assert fact_key(Event("2024", "w", src)) != fact_key(Event("2025", "w", src))
