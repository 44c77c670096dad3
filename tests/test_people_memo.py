"""The people merge kept between reloads equals the plain merge, edit after edit.

Invented documents name a few people again and again (each in many documents, as briefing
collections name the same ministers), with bare surnames, initials, honorifics, two countries
and curated entries. Random edits add, remove and rewrite documents, swap names, add and drop
bare surnames, move facts to other paragraphs, and read documents again unchanged; after each,
`PeopleMemo` must give exactly `merge_people` without a memo, and must say which documents'
map changed.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.models import CuratedPerson, Document, DocumentFacts, Person, Source
from bot.people_memo import PeopleMemo
from bot.people_merge import merge_people, merge_two
from bot.people_run import PersonFold
from bot.seeds import slugify

PEOPLE = (
    ("Orla", "Venn"),
    ("Piet", "Venn"),
    ("Ansel", "Quarry"),
    ("Brit", "Osk"),
    ("Cato", "Mireaux"),
    ("Dita", "Lune"),
)
ROLES = ("Harbour Minister", "Envoy", "Chancellor", "Treasurer")
COUNTRIES = (None, None, None, "Westmark", "Ostland")
CURATED = (
    CuratedPerson("Orla Venn", aliases=("Venn",), country="Westmark"),
    CuratedPerson("Brit Osk", roles=("Envoy",)),
)


def _name(rng: random.Random) -> str:
    given, surname = rng.choice(PEOPLE)
    shape = rng.random()
    if shape < 0.2:
        return surname
    if shape < 0.3:
        return f"Dr. {given} {surname}"
    if shape < 0.4:
        return f"{given} K. {surname} II"
    if shape < 0.45:
        return given
    return f"{given} {surname}"


def _person(rng: random.Random, doc_id: str, k: int, name: str) -> Person:
    roles = tuple(rng.choice(ROLES) for _ in range(rng.randint(0, 2)))  # repeats on purpose
    return Person(
        id=f"{slugify(name)}-{k}" if rng.random() < 0.9 else slugify(name),
        name=name,
        aliases=(name.split()[-1],) if rng.random() < 0.3 else (),
        roles=roles,
        offices=roles[:1],
        party=rng.choice((None, "", "Tide Party")),
        country=rng.choice(COUNTRIES),
        former=rng.random() < 0.2,
        sources=tuple(Source(doc_id, rng.randint(1, 4), f"{name} spoke.") for _ in range(2)),
    )


def _document(rng: random.Random, doc_id: str) -> DocumentFacts:
    people = tuple(_person(rng, doc_id, k, _name(rng)) for k in range(rng.randint(0, 5)))
    return DocumentFacts(Document(doc_id, doc_id, f"{doc_id}.txt", "x", "0"), people)


def _edit(rng: random.Random, facts: DocumentFacts) -> DocumentFacts:
    """One edit of a document's people (or none: the document read again unchanged)."""
    doc_id, people = facts.document.id, list(facts.people)
    kind = rng.randrange(6)
    if kind == 0 and people:  # a name swapped for another person's
        at = rng.randrange(len(people))
        people[at] = _person(rng, doc_id, at, _name(rng))
    elif kind == 1:  # a bare surname added
        people.append(_person(rng, doc_id, len(people), rng.choice(PEOPLE)[1]))
    elif kind == 2 and people:  # a person (maybe a bare surname) dropped
        del people[rng.randrange(len(people))]
    elif kind == 3:  # a paragraph put on top: every source one further down
        people = [
            replace(p, sources=tuple(replace(s, paragraph=s.paragraph + 1) for s in p.sources))
            for p in people
        ]
    elif kind == 4 and people:  # a role added
        at = rng.randrange(len(people))
        people[at] = replace(people[at], roles=(*people[at].roles, rng.choice(ROLES)))
    return replace(facts, people=tuple(people))  # kind 5: the same people, a new reading


def _check(memo: PeopleMemo, docs: dict[str, DocumentFacts], curated, before) -> dict:
    was = memo.roster.people()
    per_document = [docs[k] for k in sorted(docs)]
    people, mapping = merge_people(per_document, curated, memo=memo)
    expected_people, expected_mapping = merge_people(per_document, curated)
    assert people == expected_people
    gone, new = memo.roster.changes()  # the people lost and gained, by identity
    assert {id(p) for p in gone} == set(map(id, was)) - set(map(id, people))
    assert {id(p) for p in new} == set(map(id, people)) - set(map(id, was))
    assert mapping == expected_mapping
    for (doc_id, local), person_id in mapping.items():
        if before.get((doc_id, local), person_id) != person_id:
            assert doc_id in memo.roster.remapped
    return dict(mapping)


@pytest.mark.parametrize("seed", range(12))
def test_memo_merge_equals_the_plain_merge_across_random_edits(seed: int) -> None:
    rng = random.Random(seed)
    curated = CURATED if seed % 3 else ()
    docs = {f"doc-{d:03d}": _document(rng, f"doc-{d:03d}") for d in range(40)}
    memo = PeopleMemo()
    mapping = _check(memo, docs, curated, {})
    serial = 40
    for _step in range(40):
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            action = rng.random()
            doc_id = rng.choice(sorted(docs))
            if action < 0.1 and len(docs) > 5:
                del docs[doc_id]
            elif action < 0.2:
                docs[f"doc-{serial:03d}"] = _document(rng, f"doc-{serial:03d}")
                serial += 1
            else:
                docs[doc_id] = _edit(rng, docs[doc_id])
        mapping = _check(memo, docs, curated, mapping)


def test_a_document_read_again_with_the_same_people_merges_nothing_again() -> None:
    rng = random.Random(5)
    docs = [_document(rng, f"doc-{d:03d}") for d in range(30)]
    memo = PeopleMemo()
    people, _mapping = merge_people(docs, memo=memo)
    docs[7] = replace(docs[7])  # a new object, equal people
    again, _mapping = merge_people(docs, memo=memo)
    assert again == people
    assert all(a is b for a, b in zip(again, people, strict=True))
    assert memo.roster.remapped == set()


def test_a_group_merged_again_keeps_its_unchanged_people_as_they_were() -> None:
    def doc(doc_id: str, *names: str) -> DocumentFacts:
        people = tuple(
            Person(slugify(n), n, sources=(Source(doc_id, k + 1, f"{n} spoke."),))
            for k, n in enumerate(names)
        )
        return DocumentFacts(Document(doc_id, doc_id, f"{doc_id}.txt", "x", "0"), people)

    docs = [doc("a", "Orla Venn", "Piet Venn"), doc("b", "Piet Venn"), doc("c", "Orla Venn")]
    memo = PeopleMemo()
    people, _ = merge_people(docs, memo=memo)
    docs[2] = doc("c", "Orla Venn", "Ansel Quarry")  # Orla Venn's group is merged again
    again, _ = merge_people(docs, memo=memo)
    assert again == merge_people(docs)[0]
    piet = next(p for p in people if p.name == "Piet Venn")
    assert next(p for p in again if p.name == "Piet Venn") is piet
    assert "c" in memo.roster.remapped and "a" not in memo.roster.remapped


@pytest.mark.parametrize("seed", range(30))
def test_person_fold_equals_folding_merge_two(seed: int) -> None:
    rng = random.Random(seed)
    entries = [_person(rng, f"doc-{k}", k, _name(rng)) for k in range(rng.randint(1, 12))]
    curated_names = [rng.choice((None, None, "Orla Venn", "Brit Osk")) for _ in entries]
    expected = entries[0]
    fold = PersonFold(entries[0])
    for entry, name in zip(entries[1:], curated_names[1:], strict=True):
        expected = merge_two(expected, entry)
        if name is not None:
            expected = replace(expected, id=slugify(name), name=name)
        fold.join(entry, name)
        assert (fold.name, fold.country) == (expected.name, expected.country)
    assert fold.person() == expected
    if len(entries) == 1:
        assert fold.person() is entries[0]  # never joined: as it came, repeats and all
