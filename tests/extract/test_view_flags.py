"""The per-token flags a paragraph view works out once (evidence/view.py) agree with the
name reader's own rules, token by token; every sentence is invented."""

from __future__ import annotations

import pytest

from bot.extract.evidence import read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment

TEXTS = [
    "Ms. Lena Vogt met Defense Minister Hiro Sato's deputy, J. Reyes, in Oslo on Monday.",
    "Admiral Ana Paz and Dr S Rao said the U.S. and Japan's ministers would meet. Gen. Kim Sung-ho left.",
    "The German Chancellor, Brig. Gen. Tomas Berg Jr., told Reuters: “We will go.” Mr. Ito agreed.",
    "J Reyes, A. B. Cole and Ito's aide met MR. KIHARA and Vogt's' team at the G7 in İstanbul.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_flags_match_the_reader(text: str, lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    for paragraph in segment(text):
        view = read_paragraph(text, paragraph, lexicon, v)
        n = len(view.tokens)
        assert view.name_word == [view.reader.is_name_word(i) for i in range(n)]
        assert view.honorific == [view.reader.is_honorific(i) for i in range(n)]
        assert view.capitals == [i for i, t in enumerate(view.tokens) if t.capitalised]
        assert any(view.name_word) and any(view.honorific)
