"""The one-pass clause search and date stripping give what the plain forms give."""

from __future__ import annotations

import random
import re

from bot.extract.event_clauses import (
    SentenceClauses,
    _last_word,
    _the_before,
    strip_date,
    strip_dates,
)

PREPOSITIONS = frozenset({"in", "on", "the", "year", "this", "of", "earlier", "currently", "a"})
DATES = ["2023", "May", "this year", "today", "Monday", "12 May", "currently", "2022-2024"]
WORDS = [
    "in",
    "on",
    "the",
    "The",
    "year",
    "this",
    "talks",
    "Summit",
    "x-in",
    "-",
    "’s",
    "'s",
    "(",
    ")",
    ",",
    ";",
    "—",
    "which",
    "who",
    "and",
    "met",
    "THE",
    "a",
    "ſ",
    "é",
]
SPACES = [" ", " ", " ", "  ", "\n", ""]


def _plain_clause(text: str, start: int) -> tuple[int, int]:
    """The clause search as a scan of every piece for one date."""
    breaks = re.compile(
        r",\s+(?=(?:which|who|where|while|whereas)\b)|,\s+and\s+(?=[a-z])|;\s+|\s+[—–]\s+"
    )
    bounds = [0]
    for m in breaks.finditer(text):
        if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue
        bounds.extend([m.start(), m.end()])
    bounds.append(len(text))
    pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    for k, (s, e) in enumerate(pieces):
        if s <= start < e:
            if len(text[s:e].split()) <= 3 and k + 1 < len(pieces):
                e = pieces[k + 1][1]
            if re.match(r"(?:which|who|where)\b", text[s:], re.I) and k > 0:
                before = text[pieces[k - 1][0] : pieces[k - 1][1]]
                det = list(
                    re.finditer(r"\b(?:the|a|an|this|its|their|our|another)\s", before, re.I)
                )
                s = pieces[k - 1][0] + (det[-1].start() if det else 0)
            return s, e
    return 0, len(text)


def _sentence(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Random words and dates with odd spacing; the dates' offsets."""
    text, dates = "", []
    for _ in range(rng.randint(1, 25)):
        if rng.random() < 0.3:
            word = rng.choice(DATES)
            dates.append((len(text), len(text) + len(word)))
        else:
            word = rng.choice(WORDS)
        text += word + rng.choice(SPACES)
    return text, dates


def test_clauses_match_the_plain_scan() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        text, dates = _sentence(rng)
        clauses = SentenceClauses(text)
        for start in [a for a, _ in dates] + [rng.randrange(len(text) + 1)]:
            assert clauses.clause(start) == _plain_clause(text, start), (text, start)


def test_strip_dates_matches_one_date_at_a_time() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        text, dates = _sentence(rng)
        s = rng.randrange(len(text) + 1)
        e = rng.randrange(s, len(text) + 1)
        inside = [(a, b) for a, b in dates if s <= a and b <= e]
        expected = text[s:e]
        for a, b in reversed(inside):
            expected = strip_date(expected, a - s, b - s, PREPOSITIONS)
        assert strip_dates(text, s, e, inside, PREPOSITIONS) == expected, (text, s, e, inside)


def test_strip_dates_examples() -> None:
    text = "Talks in May and in June"
    dates = [(9, 12), (20, 24)]
    assert (
        strip_dates(text, 0, len(text), dates, frozenset({"in"})) == "Talks  and "
    )  # spaces are tidied later
    text = "leaders met this year 2023 today"  # "year" of "this year" is also a preposition
    dates = [(12, 21), (22, 26), (27, 32)]
    expected = text
    for a, b in reversed(dates):
        expected = strip_date(expected, a, b, PREPOSITIONS)
    assert strip_dates(text, 0, len(text), dates, PREPOSITIONS) == expected


def test_word_helpers_match_their_patterns() -> None:
    rng = random.Random(11)
    for _ in range(5000):
        text, _ = _sentence(rng)
        lo = rng.randrange(len(text) + 1)
        pos = rng.randrange(lo, len(text) + 1)
        piece = text[lo:pos]
        m = re.search(r"(?:\b([\w-]+)\s+)$", piece)
        assert _last_word(text, lo, pos) == ((lo + m.start(), m.group(1)) if m else None)
        assert _the_before(text, lo, pos) == bool(re.search(r"\bthe\s+$", piece, re.I))
