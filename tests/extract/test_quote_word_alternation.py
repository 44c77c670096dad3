"""quotes.patterns._word_alternation finds what the plain `\\b(?:w1|w2|...)` alternation finds,
at every start and end position, and fullmatches the same words."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.extract.quotes.patterns import _alternation, _word_alternation
from bot.extract.word_patterns import first_letter_alternation, word_alternatives

WORDS = ("said", "says", "sang", "asked", "added", "pointed out", "told reporters", "told", "a")
_CHARS = st.sampled_from(list("saidyketorpn lmx.,-_'\n"))


def _both(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    plain = re.compile(rf"\b(?:{_alternation(words)})\b")
    return plain, re.compile(rf"(?:{_word_alternation(words)})\b")


@given(st.text(_CHARS, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_same_matches_as_the_plain_alternation(text: str, a: int, b: int) -> None:
    plain, grouped = _both(WORDS)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert [m.span() for m in grouped.finditer(text, lo, hi)] == [
        m.span() for m in plain.finditer(text, lo, hi)
    ]


def test_fullmatch_and_fallback() -> None:
    plain, grouped = _both(WORDS)
    for word in (*WORDS, "pointed   out", "Said", "saids", "xsaid", ""):
        assert bool(grouped.fullmatch(word)) == bool(plain.fullmatch(word))
    # a word opening with a mark keeps the plain form
    assert _word_alternation(("-ish", "said")) == rf"\b(?:{_alternation(('-ish', 'said'))})"


@given(st.text(_CHARS, max_size=30), st.integers(0, 30))
def test_first_letter_alternation_with_hyphen_look_behind(text: str, a: int) -> None:
    words = sorted(set(WORDS), key=len, reverse=True)
    plain = re.compile(rf"(?<![\w-])(?:{_alternation(tuple(words))})\b")
    scan = first_letter_alternation(word_alternatives(words), r"[\w-]")
    grouped = re.compile(rf"(?:{scan})\b")
    lo = min(a, len(text))
    assert [m.span() for m in grouped.finditer(text, lo)] == [
        m.span() for m in plain.finditer(text, lo)
    ]
