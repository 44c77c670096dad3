"""NameReader.name_word_flags equals the rule read token by token; every text is invented.

The flags are worked out over the capitalised tokens only, the vocabulary asked in one pass
(possessives cut, country names and lone letters without their dot passed over). Each test
compares them with the rule asked of every token in turn: the word without its possessive
ending starts with a capital, is name-shaped, lies in no country name and is no lone letter
without its dot.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.evidence import read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.names import NameReader, vocab
from bot.extract.text import segment
from bot.extract.tokens import POSSESSIVE

TEXTS = [
    "Hiro Sato's envoy met J. Reyes and J Reyes in Germany's capital.",
    "Minister Ana Paz, Mr. Ito and A. B. Vogt's aide visited France.",
    "The U.S. envoy X said: Paz's, Sato’s and Kenya's plans; I. Q.",
]

WORDS = [
    "Hiro", "Sato", "Sato's", "Sato’s", "J", "A", "I", "Minister", "Mr", "Germany", "Germany's",
    "France", "Kenya", "the", "met", "U.S.", "X", "Paz's", "S's", "He", "Ms", "Ana",
]  # fmt: skip
MARKS = [" ", " ", ". ", ".", ", ", "-", "\n", " (", ") "]


def _by_token(reader: NameReader, blocked: list[bool]) -> list[bool]:
    """The rule asked of each token in turn."""
    t, v = reader.tokens, reader.v
    out = []
    for i, tok in enumerate(t):
        w = tok.text[:-2] if tok.text.endswith(POSSESSIVE) else tok.text
        lone = len(w) == 1 and not (
            i + 1 < len(t) and t[i + 1].text == "." and t[i + 1].start == tok.end
        )
        out.append(tok.text[:1].isupper() and v.name_shaped(w) and not blocked[i] and not lone)
    return out


def _check(text: str, lexicon: Lexicon) -> int:
    """The name words found, after checking every paragraph."""
    v = vocab(lexicon)
    found = 0
    for para in segment(text):
        view = read_paragraph(text, para, lexicon, v)
        expected = _by_token(view.reader, view.blocked)
        assert view.reader.name_word_flags == expected, para.text
        found += sum(expected)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_name_word_flags_equal_the_rule_per_token(text: str, lexicon: Lexicon) -> None:
    assert _check(text, lexicon) >= 3


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(MARKS)), min_size=1, max_size=20
    )
)
def test_name_word_flags_on_random_text(pairs: list[tuple[str, str]], lexicon: Lexicon) -> None:
    _check("".join(w + m for w, m in pairs).strip() or "Sato", lexicon)
