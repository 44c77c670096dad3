"""Country forms found from the tokens are those the scan of the text finds; every text is
invented.

find_countries_at tries the forms only where a token may open one (country_places.py); each
test compares its mentions with those of the scan (the alternation over the whole text), on
hand-written paragraphs with possessives, joined words, dotted abbreviations and odd case
folds, and on paragraphs made at random from forms, their pieces and marks.
"""

from __future__ import annotations

import random

import pytest

from bot.extract import memo
from bot.extract.countries import _matcher, _read, find_countries, find_countries_at
from bot.extract.lexicon import Lexicon
from bot.extract.tokens import TOKEN_TEXT, tokens_at

TEXTS = [
    "Kenya's envoy met U.S. officials and the pro-Kenya group in the United States.",
    "The U.S.-Japan talks, the US-led plan and the USA's G7 and G-20 summits; us and u.s.",
    "x_Germany Germany_x 2Germany .Germany German-born anti-American Japan’s JAPAN japan.",
    "the Ministry of Defence of the Russian Federation met the Netherlands' king in İstanbul",
    "ſweden and Iran; Côte d'Ivoire and Guinea-Bissau; the U.S.A. and U.K.'s U.S",
    "South  Korea, South\nKorea, North Korea's and the Republic of Korea (ROK) said.",
]


def _scan(text: str, lexicon: Lexicon) -> list:
    m = _matcher(lexicon)
    return list(_read(text, m, m.alternation.matches(text)))


def _assert_same(text: str, lexicon: Lexicon, base: int = 0) -> int:
    memo.clear()
    toks = tokens_at(text, base)
    fast = find_countries_at(text, lexicon, toks, base, list(map(TOKEN_TEXT, toks)))
    assert fast == _scan(text, lexicon), text
    assert find_countries(text, lexicon) == fast  # remembered for find_countries
    return len(fast)


@pytest.mark.parametrize("text", TEXTS)
def test_token_places_find_what_the_scan_finds(text: str, lexicon: Lexicon) -> None:
    assert _assert_same(text, lexicon, base=17)  # each text names countries


def test_token_places_on_random_text(lexicon: Lexicon) -> None:
    forms = sorted(_matcher(lexicon).table)
    rng = random.Random(11)
    pieces = ["the", "of", "x", "s", "2", "pro", "İ", "ſ", "Ministry", "Defence", "Republic"]
    marks = [" ", " ", " ", "  ", "-", "'", "’", "_", ".", ",", "(", ")", "\n", "—", "'s "]
    found = 0
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 20)):
            word = rng.choice(forms) if rng.random() < 0.5 else rng.choice(pieces)
            case = rng.choice([str.title, str.upper, str.lower, str])
            parts.append(case(word))
            parts.append(rng.choice(marks))
        found += _assert_same("".join(parts), lexicon, base=rng.randint(0, 50))
    assert found > 200
