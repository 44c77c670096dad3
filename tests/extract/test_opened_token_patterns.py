"""The token patterns written to open with `\\S` (TOKEN_RE, _PLAIN_RE: `re` then skips spaces
in C) match what their plain alternations match, on invented texts, in Unicode and ASCII
modes alike."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.tokens import _PLAIN_RE, _WORD, TOKEN_RE

#: Pieces of invented text: letters and digits before dots (abbreviations, initials, "3.5"),
#: the marks a word holds or ends at, spaces, underscores and the separators.
_PIECES = st.sampled_from(
    [
        *("U.", "S.", "1.", "é.", "a", "Z", "é", "1", "ß"),
        *("_", " ", "\n", "\t", "\x1c", "\xa0"),
        *".’'-&“”\"(),;:—–!?",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)
_PLAIN_TOKENS = re.compile(rf"(?:[^\W\d_]\.){{2,}}|{_WORD}|[^\w\s]")
_PLAIN_WORDS = re.compile(rf"{_WORD}|[(),;:—–“”\"]")


def _ascii(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, re.ASCII)


@settings(max_examples=400)
@given(_TEXTS)
def test_opened_patterns_match_their_plain_alternations(text: str) -> None:
    assert TOKEN_RE.findall(text) == _PLAIN_TOKENS.findall(text)
    assert _PLAIN_RE.findall(text) == _PLAIN_WORDS.findall(text)
    assert _ascii(TOKEN_RE).findall(text) == _ascii(_PLAIN_TOKENS).findall(text)
    assert _ascii(_PLAIN_RE).findall(text) == _ascii(_PLAIN_WORDS).findall(text)


def test_plain_words_skip_other_marks() -> None:
    text = "AT&T's plan (2024): U.S. aid—“now”."
    assert " ".join(_PLAIN_RE.findall(text)) == "AT T's plan ( 2024 ) : U S aid — “ now ”"
