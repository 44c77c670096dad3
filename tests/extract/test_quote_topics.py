"""The topics of a quote, read from the quote and the sentence it stands in."""

from __future__ import annotations

import random

import pytest

from bot.extract import topics
from bot.extract.lexicon import Lexicon
from bot.extract.topics import classify_topics, quote_topics

#: Words to build invented quotes and sentences from: terms of several topics, a weak term,
#: a neutral phrase's words, capital terms and plain words.
WORDS = (
    "frigates", "defence", "energy", "security", "economic", "LNG", "lng", "AI", "ai",
    "deployment", "climate", "trade", "tariffs", "supply", "chains", "in", "of", "its",
    "interests", "the", "minister", "said", "we", "will", "act", "on", "“", "”", ",", ".",
)  # fmt: skip


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_quote_topics_are_those_of_the_quote_and_sentence_read_as_one_text(
    lexicon: Lexicon,
) -> None:
    rng = random.Random(7)
    checked = 0
    for _ in range(1500):
        quote, sentence = _text(rng, rng.randint(0, 8)), _text(rng, rng.randint(1, 14))
        joined, join = f"{quote} {sentence}", len(quote)
        if any(start < join < end for start, end, _, _ in topics._matches(joined, lexicon)):
            continue  # a term (or neutral phrase) across the join: see the next test
        assert quote_topics([(quote, sentence)], lexicon) == (
            classify_topics(f"{quote} {sentence}", lexicon),
        ), (quote, sentence)
        checked += 1
    assert checked > 1000


def test_no_term_is_read_across_the_quote_and_its_sentence(lexicon: Lexicon) -> None:
    assert classify_topics("energy security matters", lexicon) == ("energy",)
    assert quote_topics([("we need energy", "security matters")], lexicon) == (
        ("energy", "security"),
    )


@pytest.mark.parametrize("quotes", [1, 40])
def test_a_sentence_of_many_quotes_is_read_once(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch, quotes: int
) -> None:
    sentence = " ".join(f"“we will act on energy {i}” Ruiz told Owusu and" for i in range(quotes))
    pairs = [(f"we will act on energy {i}", sentence) for i in range(quotes)]
    expected = tuple(classify_topics(f"{q} {s}", lexicon) for q, s in pairs)
    seen: list[str] = []
    hits = topics._hits

    def counting(text: str, lex: Lexicon) -> tuple:
        seen.append(text)
        return hits(text, lex)

    monkeypatch.setattr(topics, "_hits", counting)
    assert quote_topics(pairs, lexicon) == expected
    assert seen.count(sentence) == 1
    assert len(seen) == quotes + 1
