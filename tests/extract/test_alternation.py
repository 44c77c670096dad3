"""The first-letter alternation finds what the single alternation regex finds."""

from __future__ import annotations

import random
import re

from bot.extract.alternation import Alternation
from bot.extract.lexicon import Lexicon
from bot.extract.topics import classify_topics


def test_alternation_matches_the_single_regex() -> None:
    words = ["energy security", "energy", "security", "AI", "u.s.", "us", "ſtate", "K", "état"]
    terms = tuple((w[0], re.escape(w).replace(r"\ ", r"\s+")) for w in words)
    before, after = r"(?<![\w-])", r"(?![\w])"
    body = "|".join(f"({t})" for _, t in terms)
    plain = re.compile(rf"{before}(?:{body}){after}", re.IGNORECASE)
    fast = Alternation(terms, before, after, re.IGNORECASE)
    rng = random.Random(2)
    pieces = [*words, " ", "-", "x", "STATE", "Energy  Security", "\u212a", "ÉTAT", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
        assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text


def test_topics_next_to_a_very_long_word(lexicon: Lexicon) -> None:
    text = "x" * 50000 + " energy security and defense cooperation"
    assert classify_topics(text, lexicon)[:1] == ("energy",)
