"""The word counts and vocabulary a reload patches equal those counted from scratch, for a
few new words (inserted one by one) and many (merged as a second sorted run)."""

from __future__ import annotations

import random
from array import array
from collections import Counter
from itertools import chain

import pytest

import bot.text_words as text_words
from bot.text_words import near_words, patched_counts, patched_vocabulary, word_counts

SYLLABLES = ("ka", "lo", "mir", "sen", "tu", "va", "rel", "bo")


def _postings(rng: random.Random, size: int) -> dict[str, array]:
    """One invented document's postings: `size` made-up words, each in sentence 0."""
    made = ("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size))
    return {w: array("I", [0]) for w in made}


@pytest.mark.parametrize(("seed", "size"), [(1, 3), (2, 5), (3, 60), (4, 200)])
def test_patched_counts_and_vocabulary_equal_fresh_ones(seed: int, size: int) -> None:
    rng = random.Random(seed)
    before = [_postings(rng, rng.randint(1, 40)) for _ in range(8)]
    gone, new = before[:2], [_postings(rng, size) for _ in range(2)]
    now = before[2:] + new
    counts_before = word_counts(before)
    counts = patched_counts(counts_before, gone, new)
    assert counts == word_counts(now)
    vocabulary = patched_vocabulary(sorted(counts_before), counts_before, counts)
    assert vocabulary == sorted(word_counts(now))
    touched: set[str] = set()
    assert patched_counts(counts_before, gone, new, touched) == counts
    assert touched == {w for p in (*gone, *new) for w in p}
    narrowed = patched_vocabulary(sorted(counts_before), counts_before, counts, touched)
    assert narrowed == sorted(word_counts(now))
    assert len(set(counts) - set(counts_before)) > 0


def test_near_words_weigh_the_word_its_typos_and_its_longer_kin() -> None:
    known = {"harbor": 1, "harbour": 2, "harbours": 1, "tunnel": 1}
    vocabulary = sorted(known)
    assert near_words("harbr", known, vocabulary) == [
        ("harbor", pytest.approx(0.9 * 2 * 5 / 11)),
        ("harbour", pytest.approx(0.9 * 2 * 5 / 12)),
    ]
    found = near_words("harbou", known, vocabulary)
    assert ("harbour", pytest.approx(0.9 * 2 * 6 / 13)) in found  # as a typo fix
    assert ("harbour", 0.8) in found and ("harbours", 0.8) in found  # as words it begins
    assert "tunnel" not in dict(found)
    assert near_words("port", known, vocabulary) == []


def test_words_counted_a_run_of_documents_at_a_time_equal_one_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counting runs of documents (so other threads get the GIL between runs) gives the counts,
    and the words' first-seen order, of one count over every document."""
    rng = random.Random(9)
    documents = [_postings(rng, rng.randint(1, 30)) for _ in range(25)]
    monkeypatch.setattr(text_words, "_COUNT_RUN", 4)
    counts = word_counts(documents)
    expected = dict(Counter(chain.from_iterable(documents)))
    assert counts == expected and list(counts) == list(expected)
