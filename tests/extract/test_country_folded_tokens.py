"""The countries read from a paragraph's folded tokens are those read from its lower-cased
tokens, and odd case folds still send a text to the scan; every text is invented."""

from __future__ import annotations

import pytest

from bot.extract.countries import find_countries, find_countries_at
from bot.extract.lexicon import Lexicon
from bot.extract.memo import clear
from bot.extract.tokens import tokens_and_texts_at

TEXTS = [
    "The Kenyan envoy met U.S. and Japanese officials in Nairobi on Monday.",
    "Pro-Kenya groups and the United States' allies spoke; the Netherlands did not.",
    "Ana Paz flew from Tokyo to Berlin, then to the U.K. and South Korea.",
    "No country here: the farmers met the mayor.",
    "The \u0131ran talks and \u017fpain's offer were read by the scan.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_folded_tokens_give_the_scans_countries(text: str, lexicon: Lexicon) -> None:
    toks, texts = tokens_and_texts_at(text, 0)
    lowered = list(map(str.casefold, texts)) if text.isascii() else None
    clear()
    at = find_countries_at(text, lexicon, toks, 0, texts, lowered)
    clear()
    assert at == find_countries(text, lexicon)
    assert bool(at) == (text != TEXTS[3])
