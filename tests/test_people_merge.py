"""The indexed people merge gives exactly what comparing everyone with everyone gives.

`_reference_merge` below is the plain rule, kept small on purpose: each incoming person is
compared with every merged one in order. Generated documents with colliding names (same surname
and a different given name, surname-only mentions, honorifics and accents, different countries,
curated entries) must merge to the same people, ids, order, aliases, roles and sources.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.factbase import build_factbase, fold
from bot.models import (
    Correction,
    CuratedFacts,
    CuratedPerson,
    Document,
    DocumentFacts,
    Person,
    Quote,
    Source,
)
from bot.people_merge import (
    PeopleLookup,
    curate,
    merge_people,
    merge_two,
    name_tokens,
    same_name,
    unique_ids,
)
from bot.seeds import slugify

GIVEN = ["Olaf", "Anna", "Lloyd", "Jürgen", "Juergen", "Mara"]
SURNAMES = ["Scholz", "Austin", "Müller", "Muller", "Lind", "Kim"]
COUNTRIES = [None, None, "Germany", "Sweden", "South Korea"]


def _reference_merge(per_document, curated=(), lexicon=None):
    """The plain quadratic rule, as the bot first wrote it."""

    def matches_curated(person, entry):
        names = (entry.name, *entry.aliases)
        own = (person.name, *person.aliases)
        if any(fold(n) == fold(o) for n in names for o in own):
            return True
        return same_name(person.name, entry.name) and len(name_tokens(person.name)) > 1

    def compatible(a, b):
        if not same_name(a.name, b.name):
            return False
        return not (a.country and b.country and a.country != b.country)

    def find_same(people, person):
        exact = [
            i
            for i, p in enumerate(people)
            if fold(p.name) == fold(person.name) and compatible(p, person)
        ]
        if exact:
            return exact[0]
        hits = [i for i, p in enumerate(people) if compatible(p, person)]
        return hits[0] if len(hits) == 1 else None

    merged, local = [], []
    for facts in per_document:
        for person in facts.people:
            entry = next((c for c in curated if matches_curated(person, c)), None)
            candidate = curate(person, entry, lexicon) if entry else person
            index = find_same(merged, candidate)
            if index is None:
                merged.append(candidate)
                index = len(merged) - 1
            else:
                merged[index] = merge_two(merged[index], candidate)
                if entry:
                    merged[index] = replace(merged[index], id=slugify(entry.name), name=entry.name)
            local.append((facts.document.id, person.id, index))
    merged = unique_ids(merged)
    return tuple(merged), {(doc, pid): merged[i].id for doc, pid, i in local}


def _random_name(rng: random.Random) -> str:
    shape = rng.random()
    surname = rng.choice(SURNAMES)
    if shape < 0.08:
        return rng.choice(GIVEN)  # a given name alone: "Olaf" may be "Olaf Scholz"
    if shape < 0.3:
        return surname
    if shape < 0.4:
        return f"Dr. {rng.choice(GIVEN)} {surname}"
    if shape < 0.5:
        return f"{rng.choice(GIVEN)} J. {surname} III"
    return f"{rng.choice(GIVEN)} {surname}"


def _random_corpus(seed: int, documents: int = 12) -> list[DocumentFacts]:
    rng = random.Random(seed)
    out = []
    for d in range(documents):
        doc_id = f"doc-{d:02d}"
        people = []
        for k in range(rng.randint(1, 6)):
            name = _random_name(rng)
            aliases = (name.split()[-1],) if rng.random() < 0.3 else ()
            people.append(
                Person(
                    id=f"{slugify(name)}-{k}",
                    name=name,
                    aliases=aliases,
                    roles=(rng.choice(["Minister", "Chancellor", "Secretary", "Ambassador"]),),
                    country=rng.choice(COUNTRIES),
                    former=rng.random() < 0.2,
                    sources=(Source(doc_id, k + 1, f"{name} spoke."),),
                )
            )
        document = Document(doc_id, doc_id, f"{doc_id}.txt", "x", "0")
        out.append(DocumentFacts(document, tuple(people)))
    return out


CURATED = (
    CuratedPerson("Olaf Scholz", aliases=("Scholz",), country="Germany"),
    CuratedPerson("Mara Lind", roles=("Foreign Minister",)),
    CuratedPerson("Kim", country="South Korea"),
)


@pytest.mark.parametrize("seed", range(40))
def test_indexed_merge_equals_the_plain_rule(seed: int) -> None:
    corpus = _random_corpus(seed)
    curated = CURATED if seed % 2 else ()
    people, mapping = merge_people(corpus, curated)
    expected_people, expected_mapping = _reference_merge(corpus, curated)
    assert people == expected_people
    assert mapping == expected_mapping


def test_generated_corpus_has_the_tricky_cases() -> None:
    """The generator must produce what the equivalence test is about, or it proves little."""
    people = [p for seed in range(40) for f in _random_corpus(seed) for p in f.people]
    names = {p.name for p in people}
    assert {"Scholz", "Olaf Scholz", "Anna Scholz"} <= names
    assert any("Müller" in n for n in names) and any("Muller" in n for n in names)
    merged, _ = merge_people(_random_corpus(3), CURATED)
    assert len(merged) < sum(len(f.people) for f in _random_corpus(3))


def test_people_lookup_resolves_names_like_the_plain_scan() -> None:
    people, _ = merge_people(_random_corpus(5), CURATED)
    lookup = PeopleLookup(people)
    for text in ["Olaf Scholz", "scholz", "Lind", "Anna Müller", "the Pentagon", "Kim"]:
        exact = [p for p in people if fold(p.name) == fold(text)]
        exact += [p for p in people if any(fold(a) == fold(text) for a in p.aliases)]
        plain = [p for p in people if same_name(p.name, text)]
        first = next((p for p in people if p in exact), None)
        expected = first.id if first else (plain[0].id if len(plain) == 1 else text)
        assert lookup.speaker_id(text) == expected


def test_corrected_speaker_name_resolves_to_the_merged_person() -> None:
    doc = Document("a", "A", "a.txt", "x", "0")
    olaf = Person("olaf-scholz", "Olaf Scholz", sources=(Source("a", 1, "Olaf Scholz spoke."),))
    quote = Quote("We act.", "nobody", Source("a", 1, "“We act,” he said."))
    fix = CuratedFacts(
        corrections=(Correction("quote", "we act", set=(("speaker", "olaf scholz"),)),)
    )
    facts = build_factbase([DocumentFacts(doc, (olaf,), (quote,))], fix)
    assert facts.quotes[0].speaker == "olaf-scholz"
