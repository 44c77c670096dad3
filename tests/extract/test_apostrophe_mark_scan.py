"""An alternation whose terms may also start at an apostrophe ("we'll" holds "'ll") reads
its places from the character before them plus the apostrophes: the matches and the terms
matched stay those of the single regex."""

from __future__ import annotations

import itertools
import random
import re

from bot.extract.alternation import Alternation
from bot.extract.opening_scan import at_marks

WORDS = ["'ll", "’ll", "'d", "will", "we will", "are expected to", "would", "ag", "agreed"]
PIECES = [
    *WORDS,
    "we",
    " ",
    "x",
    "'",
    "’",
    "d",
    "Will",
    "WOULD",
    "AGREED",
    ".",
    "-",
    "é",
    "\u017fhall",
    "İt",
    "\u212a",
    "we’ll",
    "\n",
]
BEFORES = (r"(?:(?<![\w])|(?=['’]))", r"(?:(?<![\w'’])|(?=['’]))")


def test_at_marks_reads_the_marks_of_such_a_before_only() -> None:
    assert at_marks(BEFORES[0]) == "'’"
    assert at_marks(BEFORES[1]) == "'’"
    assert at_marks(r"(?<![\w-])") == ""
    assert at_marks(r"\b") == ""


def test_a_scan_with_apostrophe_places_matches_the_single_regex() -> None:
    terms = tuple((w[0], re.escape(w).replace(r"\ ", r"\s+")) for w in WORDS)
    rng = random.Random(5)
    for before, flags in itertools.product(BEFORES, (0, re.IGNORECASE)):
        after = r"(?![\w])"
        body = "|".join(f"({t})" for _, t in terms)
        plain = re.compile(rf"{before}(?:{body}){after}", flags)
        fast = Alternation(terms, before, after, flags)
        assert fast._marks is not None and fast._at == "'’"
        for _ in range(3000):
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
            expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
            assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text


def test_contractions_are_found_after_a_word() -> None:
    terms = tuple((w[0], re.escape(w)) for w in WORDS)
    fast = Alternation(terms, BEFORES[0], r"(?![\w])", re.IGNORECASE)
    found = [m.group(0) for m, _ in fast.finditer("We'll see; they’ll agree, we will act.")]
    assert found == ["'ll", "’ll", "we will"]
