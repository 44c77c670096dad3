"""The countries read from a paragraph's folded tokens, with first words that open only
longer forms ("the" of "the Hague") tried only where their rest is in the text, are those the
scan of the text finds; every text is invented."""

from __future__ import annotations

import random

import pytest

from bot.extract import memo
from bot.extract.countries import _matcher, _read, find_countries_at
from bot.extract.country_places import form_rests
from bot.extract.lexicon import Lexicon
from bot.extract.tokens import tokens_and_texts_at

TEXTS = [
    "The Hague met the minister; THE NETHERLANDS and the  Netherlands (two spaces) did not.",
    "the Netherlands-based group, the Philippines’ envoy and the Hague's court spoke.",
    "The Straße ΣΟΦΙΑΣ talks in Bogotá and Türkiye’s “United States” of the Philippines.",
    "No place here: the farmers met the mayor, then the minister of the interior.",
    "United Kingdom-born, the united nations, South  Korea and North-Korea's envoy.",
    "İstanbul and the Hague; ıran and ſweden are read by the scan.",
]


def _scan(text: str, lexicon: Lexicon) -> list:
    m = _matcher(lexicon)
    return list(_read(text, m, m.alternation.matches(text)))


def _same(text: str, lexicon: Lexicon, base: int = 0) -> int:
    toks, texts = tokens_and_texts_at(text, base)
    folded = list(map(str.casefold, texts))
    memo.clear()
    at = find_countries_at(text, lexicon, toks, base, texts, folded, frozenset(folded))
    assert at == _scan(text, lexicon), text
    return len(at)


def test_form_rests_are_the_words_after_a_first_word_that_is_no_form() -> None:
    forms = ["the hague", "the netherlands", "kenya", "kenya airways", "new zealand", "san josé"]
    rests = form_rests(forms)
    assert rests == {"the": ("hague", "netherlands"), "new": ("zealand",)}


def test_the_forms_need_their_rest(lexicon: Lexicon) -> None:
    assert "the" in _matcher(lexicon).rests  # the lexicon names "the Netherlands"
    assert _same(TEXTS[0], lexicon) == 3  # "The Hague", "THE NETHERLANDS", "Netherlands"
    assert _same(TEXTS[3], lexicon) == 0


@pytest.mark.parametrize("text", TEXTS)
def test_folded_tokens_give_the_scans_countries(text: str, lexicon: Lexicon) -> None:
    _same(text, lexicon, base=9)


def test_on_random_text(lexicon: Lexicon) -> None:
    m = _matcher(lexicon)
    forms = sorted(m.table)
    rest_words = [r for rs in m.rests.values() for r in rs] + list(m.rests)
    rng = random.Random(5)
    pieces = ["the", "of", "x", "Straße", "ΣΑΣ", "é", "İ", "2", "pro", *rest_words]
    marks = [" ", " ", " ", "  ", "-", "'", "’", "_", ".", ",", "(", "“", "\n", "'s "]
    found = 0
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 16)):
            word = rng.choice(forms) if rng.random() < 0.4 else rng.choice(pieces)
            case = rng.choice([str.title, str.upper, str.lower, str])
            parts.append(case(word))
            parts.append(rng.choice(marks))
        found += _same("".join(parts), lexicon, base=rng.randint(0, 50))
    assert found > 200
