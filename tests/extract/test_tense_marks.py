"""Lookups by position give what the plain scans of the whole text give."""

from __future__ import annotations

import random
import re

from bot.extract.linear import tokens_start
from bot.extract.quote_index import OpenQuotes
from bot.extract.tense_marks import ClauseBounds, NearestMarker, clause_bounds

PIECES = [
    "in",
    "the",
    "The",
    "summer",
    "which",
    "that",
    "are",
    "currently",
    ",",
    ";",
    ":",
    " - ",
    "—",
    "“",
    "”",
    '"',
    "x",
    "ſ",
    "\n",
    "  ",
    " ",
    "-",
]


def _text(rng: random.Random) -> str:
    return "".join(
        rng.choice(PIECES) + rng.choice(["", " ", " "]) for _ in range(rng.randint(0, 30))
    )


def test_clause_bounds_match_the_plain_scan() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        text = _text(rng)
        bounds = ClauseBounds(text)
        for pos in range(len(text) + 1):
            assert bounds.around(pos) == clause_bounds(text, pos)


def test_nearest_marker_matches_max_and_min() -> None:
    rng = random.Random(2)
    for _ in range(2000):
        markers = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randrange(40)
            markers.append((start, start + rng.randint(1, 6), rng.choice(["future", "past"])))
        nearest = NearestMarker(markers)
        for pos in range(50):
            before = [mk for mk in markers if mk[1] <= pos]
            if before:
                expected = max(before, key=lambda mk: (mk[1], mk[2] == "future"))[2]
            else:
                expected = min(markers, key=lambda mk: mk[0])[2] if markers else None
            assert nearest.at(pos) == expected


def test_two_word_patterns_match_in_the_window() -> None:
    patterns = [
        re.compile(r"\b([a-z]+)\s+(?:the\s+)?$", re.I),
        re.compile(r"\b(?:which|who|that)\s+(?:[a-z]+\s+)?$"),
    ]
    rng = random.Random(3)
    for _ in range(3000):
        text = _text(rng)
        pos = rng.randrange(len(text) + 1)
        lo = tokens_start(text, pos, 2)
        for pattern in patterns:
            plain = pattern.search(text[:pos])
            window = pattern.search(text, lo, pos)
            assert (plain and plain.span()) == (window and window.span())


def test_open_quotes_count_as_the_slices_do() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        text = _text(rng)
        quotes = OpenQuotes(text)
        for offset in range(len(text) + 1):
            before = text[:offset]
            expected = before.count("“") > before.count("”") or before.count('"') % 2 == 1
            assert quotes.inside(offset) == expected
