"""An index built with `previous` (the index of another fact base) holds exactly the tables of
one built from scratch: documents added, removed, changed and re-read, people's aliases and
offices changed, and a new lexicon (which lends nothing)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.config import FuzzySettings, load_lexicon
from bot.extract.lexicon import with_role_synonyms
from bot.factbase import FactBase, MergeCache, build_factbase
from bot.index_keys import Keys
from bot.key_tables import Lengths
from bot.models import CuratedFacts, DocumentFacts, Person
from bot.search import FactIndex
from tests.incremental_corpus import CURATED, random_document

LEXICON = load_lexicon()
FUZZY = FuzzySettings()
QUERIES = ("lind", "berg", "holm", "minister", "defense minister", "minister defense", "x")
QUERIES += ("norland", "energy", "doc-03", "report doc", "harbour commissioner", "lena holm")
OFFICES = ("Defense", "Foreign Affairs", "Finance")


def _lengths(lengths: Lengths) -> dict[int, dict[str, list[str]]]:
    return {
        n: {text: sorted(keys) for text, keys in b.keys_of.items()}
        for n, b in lengths.buckets.items()
        if b.keys_of
    }


def _pool(keys: Keys) -> tuple:
    """Everything a pool answers from, and its answers to a battery of queries."""
    tables = (
        keys.rows,
        keys.labels,
        keys._order,
        {k: sorted(v) for k, v in keys._tables.owners_of.items()},
        _lengths(keys._tables.keys),
        [_lengths(forms) for forms in keys._tables.forms],
        keys.keys,
        keys.owners,
    )
    answers = [(keys.rank(q, c), keys.exact(q)) for q in QUERIES for c in (0, 60, 85)]
    return tables, answers


def _tables(facts: FactBase, index: FactIndex) -> dict[str, object]:
    """Every table and lookup of a prepared index, in comparable form."""
    out: dict[str, object] = {}
    for kind in ("people", "roles", "topics", "documents", "countries", "parties"):
        out[kind] = _pool(index.pool(kind))
    out["names by role"] = _pool(index.persons.roles)
    out["countries"], out["parties"] = index.countries(), index.parties()
    out["quote topics"] = index.quote_topics
    text = index.text
    out["vocabulary"] = (text._vocabulary, text._known, len(text), text._postings)
    out["search"] = [text.search(q) for q in ("frigate bridge", "harbr", "wind power", "norl")]
    lookups = index.lookups
    naming = lookups._naming
    out["lookups"] = (
        lookups.government,
        lookups._quote_tables.by_speaker,
        naming._shared_names,
        {w: sorted(s) for w, s in naming._word_sentences.items()},
        dict(naming._positions),
    )
    out["per person"] = [
        (lookups.quotes_by(p), lookups.commitments_naming(p), index.find_people(p.name))
        for p in facts.people
    ]
    out["holders"] = [index.holders(o) for o in OFFICES]
    return out


def _with_people(facts: DocumentFacts, change) -> DocumentFacts:
    """The document with `change` applied to each person (a new reading of it)."""
    return replace(facts, people=tuple(change(p) for p in facts.people))


def _office(rng: random.Random):
    def change(p: Person) -> Person:
        if rng.random() < 0.5:
            return p
        offices = tuple(rng.sample(OFFICES, rng.randint(0, 2)))
        return replace(p, offices=offices, roles=(*p.roles, *(f"{o} Minister" for o in offices)))

    return change


def _alias(rng: random.Random):
    def change(p: Person) -> Person:
        return replace(p, aliases=(*p.aliases, rng.choice(("The Chief", "Harbour Boss", "Lind"))))

    return change


def _steps(seed: int, count: int):
    """(documents, what changed) after each of `count` random changes to a small corpus."""
    rng = random.Random(seed)
    docs: dict[str, DocumentFacts] = {}
    for step in range(count):
        op = rng.random() if step % 2 else (step // 2 % 6) * 0.15 + 0.1  # every kind, in turn
        if op < 0.25 or len(docs) < 3:
            doc_id = f"doc-{rng.randrange(10):02d}"
            what = "added" if doc_id not in docs else "changed"
            docs[doc_id] = _with_people(random_document(rng, doc_id), _office(rng))
        elif op < 0.4:
            doc_id = rng.choice(sorted(docs))
            docs[doc_id], what = _with_people(random_document(rng, doc_id), _office(rng)), "changed"
        elif op < 0.55:
            del docs[rng.choice(sorted(docs))]
            what = "removed"
        elif op < 0.7:
            doc_id = rng.choice(sorted(docs))
            docs[doc_id], what = replace(docs[doc_id]), "re-read"
        elif op < 0.85:
            doc_id = rng.choice(sorted(docs))
            docs[doc_id], what = _with_people(docs[doc_id], _alias(rng)), "aliases"
        else:
            doc_id = rng.choice(sorted(docs))
            docs[doc_id], what = _with_people(docs[doc_id], _office(rng)), "offices"
        yield list(docs.values()), what


@pytest.mark.parametrize("seed", range(6))
def test_an_index_built_on_the_previous_one_equals_a_fresh_one(seed: int) -> None:
    cache = MergeCache()
    previous: FactIndex | None = None
    seen = set()
    for documents, what in _steps(seed, 24):
        curated = CURATED if seed % 2 else CuratedFacts()
        facts = build_factbase(documents, curated, LEXICON, cache=cache)
        index = FactIndex(facts, LEXICON, FUZZY, previous=previous).prepare()
        fresh = FactIndex(build_factbase(documents, curated, LEXICON), LEXICON, FUZZY).prepare()
        assert _tables(facts, index) == _tables(fresh.facts, fresh), what
        seen.add(what)
        previous = index
    assert {"added", "changed", "removed", "re-read", "aliases", "offices"} <= seen


def test_an_unchanged_person_lends_their_rows_and_a_changed_one_does_not() -> None:
    rng = random.Random(5)
    docs = [_with_people(random_document(rng, f"doc-{i:02d}"), _office(rng)) for i in range(4)]
    cache = MergeCache()
    old = FactIndex(build_factbase(docs, None, LEXICON, cache=cache), LEXICON, FUZZY).prepare()
    docs[0] = _with_people(docs[0], _alias(rng))
    facts = build_factbase(docs, None, LEXICON, cache=cache)
    new = FactIndex(facts, LEXICON, FUZZY, previous=old).prepare()
    old_rows = {row[0]: row for row in old.persons.people.rows}
    changed = {p.id for p in docs[0].people}
    for row in new.persons.people.rows:
        if row[0] not in changed:
            assert row is old_rows[row[0]]
    assert any(row != old_rows.get(row[0]) for row in new.persons.people.rows)


def test_an_index_of_another_lexicon_lends_nothing() -> None:
    rng = random.Random(3)
    docs = [_with_people(random_document(rng, f"doc-{i:02d}"), _office(rng)) for i in range(4)]
    facts = build_factbase(docs, None, LEXICON)
    old = FactIndex(facts, LEXICON, FUZZY).prepare()
    other = with_role_synonyms(LEXICON, (("Defense", ("Harbour Boss",)),))
    new = FactIndex(facts, other, FUZZY, previous=old)
    assert new._previous is None
    new.prepare()
    fresh = FactIndex(facts, other, FUZZY).prepare()
    assert _tables(facts, new) == _tables(facts, fresh)
    assert new.persons.people.rows[0] is not old.persons.people.rows[0]


def test_new_stored_topics_of_the_same_quotes_are_read() -> None:
    """A document read again with the same quotes but other stored topics: the index does not
    keep the previous topics."""
    rng = random.Random(11)
    docs = [random_document(rng, f"doc-{i:02d}") for i in range(4)]
    docs = [replace(f, quote_topics=tuple(("defense",) for _q in f.quotes)) for f in docs]
    assert any(f.quotes for f in docs)
    cache = MergeCache()
    old = FactIndex(build_factbase(docs, None, LEXICON, cache=cache), LEXICON, FUZZY).prepare()
    docs = [replace(f, quote_topics=tuple(("energy",) for _q in f.quotes)) for f in docs]
    facts = build_factbase(docs, None, LEXICON, cache=cache)
    new = FactIndex(facts, LEXICON, FUZZY, previous=old).prepare()
    assert facts.quotes == old.facts.quotes
    assert set(new.quote_topics.values()) == {("energy",)}
    assert _tables(facts, new) == _tables(facts, FactIndex(facts, LEXICON, FUZZY).prepare())
