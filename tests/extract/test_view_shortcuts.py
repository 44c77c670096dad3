"""The paragraph view's shortcuts give what the full passes give; every text is invented.

`indexes_of` skips a paragraph whose text lacks the token asked for, `honorific` folds the
capitalised words in C passes, and honorifics_and_initials walks only the honorifics when
the paragraph holds no initial: each test compares with the pass over every token.
"""

from __future__ import annotations

import pytest

from bot.extract.evidence import Collector, read_paragraph
from bot.extract.evidence.name_shapes import has_initial, honorifics_and_initials
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment

TEXTS = [
    "Ms. Lena Vogt met Admiral Ana Paz (pictured), Dr. Hiro Sato and MR. KIHARA in Oslo.",
    "Gen. Tom Berg, the envoy, said Mrs. Ito's aide and Sen. Ida Holm agreed; J. Reyes left.",
    "No brackets, no honorifics here: the minister met the envoy.",
    "Prof Ana Paz and Ambassador Lars Berg (SPD) met A. B. Cole and Dr S Rao.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_indexes_of_equals_the_full_pass(text: str, lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    for paragraph in segment(text):
        p = read_paragraph(text, paragraph, lexicon, v)
        for mark in ("(", ",", ")", ";", "said", "Ana", "zzz"):
            full = [i for i, tok in enumerate(p.tokens) if tok.text == mark]
            assert list(p.indexes_of(mark)) == full, mark


@pytest.mark.parametrize("text", TEXTS)
def test_honorific_flags_equal_the_per_token_test(text: str, lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    for paragraph in segment(text):
        p = read_paragraph(text, paragraph, lexicon, v)
        expected = [
            tok.text[:1].isupper() and tok.text.rstrip(".").casefold() in v.honorific_words
            for tok in p.tokens
        ]
        assert p.honorific == expected
        assert any(expected) == (text != TEXTS[2])


@pytest.mark.parametrize("text", TEXTS)
def test_honorifics_without_initials_read_only_honorifics(text: str, lexicon: Lexicon) -> None:
    """Without an initial, a capital that is no honorific opens no name in the rule: the
    names it reads are those after the honorifics."""
    v = vocab(lexicon)
    for paragraph in segment(text):
        p = read_paragraph(text, paragraph, lexicon, v)
        col = Collector(lexicon)
        honorifics_and_initials(col, p, set())
        names = [o.span.surface for o in col.occurrences]
        if has_initial(p):
            continue
        after = [
            p.reader.forward(i).surface
            for i, h in enumerate(p.honorific)
            if h and p.reader.forward(i) is not None
        ]
        assert set(names) <= set(after)
        if text == TEXTS[0]:
            assert {"Lena Vogt", "Ana Paz", "Hiro Sato"} <= set(names)
