"""A quote's kind read from its first words is the kind read from all of them, on invented
quotes: the first SHORT_QUOTE_WORDS + 1 words tell whether it is long, and title case is read
on to the end only when they cannot tell."""

from __future__ import annotations

import random

from bot.extract.quotes.context import QuoteItem
from bot.extract.quotes.kinds import (
    SHORT_QUOTE_WORDS,
    WORD_RE,
    _title_cased,
    _title_cased_quote,
    quote_words,
)

_PIECES = [
    "Stronger",
    "Together",
    "for",
    "the",
    "Future",
    "of",
    "talks",
    "two-plus-two",
    "We",
    "will",
    "sign",
    "Paz’s",
    "9",
    "42nd",
    " ",
    ", ",
    ". ",
    "—",
    "é",
    "Été",
    "_x",
]
_SMALL = frozenset("of the for and a".split())


def _item(text: str) -> QuoteItem:
    return QuoteItem(span=None, paragraph=None, text=text)  # type: ignore[arg-type]


def test_the_first_words_and_title_case_are_those_of_all_the_words() -> None:
    rng = random.Random(11)
    long_titles = 0
    for _ in range(6000):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        words = WORD_RE.findall(text)
        item = _item(text)
        assert quote_words(item) == words[: SHORT_QUOTE_WORDS + 1], text
        assert (len(quote_words(item)) > SHORT_QUOTE_WORDS) == (len(words) > SHORT_QUOTE_WORDS)
        titled = _title_cased(words, _SMALL)
        assert _title_cased_quote(_item(text), _SMALL) == titled, text
        long_titles += titled and len(words) > SHORT_QUOTE_WORDS
    assert long_titles > 20  # title case read past the first words
    # a long title whose first words are all small: its big words come later
    text = "of the for and a the Future"
    assert _title_cased_quote(_item(text), _SMALL) is True
    text = "Stronger Together for the Future of talks"
    assert _title_cased_quote(_item(text), _SMALL) is False
