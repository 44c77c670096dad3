"""The index: native name scoring, and building from what extraction stored with each document."""

from __future__ import annotations

from array import array
from dataclasses import replace

import pytest
from rapidfuzz import fuzz, process

from bot.config import load_settings
from bot.extract.text import segment
from bot.factbase import FactBase, build_factbase
from bot.models import DocumentFacts
from bot.search import FactIndex
from bot.store import from_json, to_json
from bot.text_index import TextIndex


def _key_score(query: str, key: str, *_: object, **__: object) -> float:
    """The rule, as a Python scorer: word order only counts when a side has two words."""
    score = fuzz.ratio(query, key)
    if " " in query or " " in key:
        score = max(score, fuzz.token_sort_ratio(query, key))
    return score


def _plain_rank(keys, query: str, cutoff: float, limit: int = 10) -> list[tuple[str, float]]:
    """The ranking as a Python scorer gives it (one call back into Python per key)."""
    best: dict[str, float] = {}
    for _key, score, i in process.extract(
        query, keys.keys, scorer=_key_score, score_cutoff=cutoff, limit=len(keys.keys)
    ):
        if score > best.get(keys.owners[i], -1):
            best[keys.owners[i]] = score
    return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


QUERIES = [
    "habek",
    "pistorious",
    "scholz",
    "olaf",
    "kishida fumio",
    "defense minister",
    "minister defense",
    "chancelor",
    "foreign",
    "x",
    "fumio",
]


@pytest.mark.parametrize("query", QUERIES)
def test_native_scoring_ranks_as_the_python_scorer(seed_index: FactIndex, query: str) -> None:
    for keys in (seed_index.persons.people, seed_index.persons.roles, seed_index._topics):
        for cutoff in (0, 55, 72):
            assert keys.rank(query, cutoff) == _plain_rank(keys, query, cutoff)


def test_typos_still_find_people(seed_index: FactIndex) -> None:
    assert seed_index.find_people("habek")[0][0].name.endswith("Habeck")
    assert seed_index.find_people("pistorious")[0][0].name.endswith("Pistorius")


def _without_stored_pieces(facts: FactBase) -> FactBase:
    bare = tuple(
        replace(f, sentences=(), sentence_words=(), quote_topics=()) for f in facts.per_document
    )
    return build_factbase(bare, facts.curated)


def test_extraction_stores_every_sentence_with_its_paragraph(seed_facts: FactBase) -> None:
    for f in seed_facts.per_document:
        expected = [(p.number, s.text) for p in segment(f.document.text) for p in [p]
                    for s in p.sentences]  # fmt: skip
        stored = [(para, f.document.text[a:b]) for para, a, b in f.sentences]
        assert stored == expected
        assert len(f.sentence_words) == len(f.sentences)
        assert len(f.quote_topics) == len(f.quotes)
        assert any(f.quote_topics)


def test_index_from_stored_pieces_equals_index_worked_out_again(
    seed_facts: FactBase, lexicon
) -> None:
    fuzzy = load_settings().fuzzy
    stored = FactIndex(seed_facts, lexicon, fuzzy)
    again = FactIndex(_without_stored_pieces(seed_facts), lexicon, fuzzy)
    assert stored.quote_topics == again.quote_topics
    assert any(stored.quote_topics.values())
    for query in ("frigate", "raw materials", "defence budget", "pacifc"):
        assert stored.search(query) == again.search(query)
        assert stored.search(query)


def test_word_postings_are_compact(seed_index: FactIndex) -> None:
    """The index's postings are arrays; a document's are tuples (most hold one number)."""
    text: TextIndex = seed_index.text
    assert text._postings and all(isinstance(ids, array) for ids in text._postings.values())
    assert all(isinstance(ids, tuple) for seg in text._segments for ids in seg.postings.values())
    assert len(text) == sum(len(f.sentences) for f in seed_index.facts.per_document)


def test_document_facts_round_trip_through_the_store_codec(seed_facts: FactBase) -> None:
    for f in seed_facts.per_document:
        assert from_json(DocumentFacts, to_json(DocumentFacts, f)) == f


def test_a_document_stored_without_the_new_fields_still_reads(seed_facts: FactBase) -> None:
    f = seed_facts.per_document[0]
    old = to_json(DocumentFacts, replace(f, sentences=(), sentence_words=(), quote_topics=()))
    for field in ("sentences", "sentence_words", "quote_topics"):
        old = old.replace(f',"{field}":[]', "")
    assert "sentences" not in old
    assert from_json(DocumentFacts, old).sentences == ()
