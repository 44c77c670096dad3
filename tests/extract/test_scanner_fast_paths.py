"""The shared scanners' fast paths give what their plain definitions give (invented text)."""

from __future__ import annotations

import random
import re
import string

from bot.extract.alternation import Alternation
from bot.extract.opening_scan import _by_frequency
from bot.folding import STOPWORDS, index_words, words


def _index_by_definition(text: str) -> str:
    return " ".join(dict.fromkeys(w for w in words(text) if w not in STOPWORDS))


def test_index_words_of_ascii_text_equals_definition() -> None:
    rng = random.Random(11)
    pieces = [*string.printable, "The", "AND", "Frigate", "o'", "-x-", "''", "--", "2024"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 18)))
        assert index_words(text) == _index_by_definition(text), text


def test_index_words_of_text_with_quotation_marks_and_dashes_equals_definition() -> None:
    rng = random.Random(13)
    marks = [*"“”‘’—–«»„‹›―…\xa0’", "\x01", "é", "ſ", "İ", "x\u0301"]
    pieces = [*marks, *marks, "The", "paz", "'", "-", " ", ".", "s", "a_1", "AND"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert index_words(text) == _index_by_definition(text), text


def test_index_words_keeps_the_curly_apostrophe_inside_a_word() -> None:
    assert index_words("“Paz’s ’plan’…” — the\xa0Port’s") == "paz’s plan port’s"


def test_index_words_of_ascii_text_drops_trimmed_marks_and_stopwords() -> None:
    assert index_words("THE Port's 'Quay-' -- and the port's quay, x_1!") == "port's quay x_1"


def test_openings_are_tried_by_first_letter_frequency() -> None:
    assert sorted(["zeal", "a", "said", "the", "é", "0"], key=_by_frequency) == [
        "the",
        "a",
        "said",
        "zeal",
        "0",
        "é",
    ]


def test_an_opening_scan_in_frequency_order_keeps_every_match_of_the_single_regex() -> None:
    """Openings that overlap at one level of the scan's tree (a literal space and `\\s+`, a
    term's end and a longer term) are found whatever order they are tried in."""
    terms = (("t", r"to\ a"), ("t", r"to\s+b"), ("t", "to"), ("s", r"sa\ t"), ("a", "a"))
    pieces = ["to", "To", " ", "a", "b", "\t", "sa", "t", "x", "-", "."]
    rng = random.Random(3)
    for flags in (0, re.IGNORECASE):
        body = "|".join(f"({t})" for _, t in terms)
        plain = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)
        fast = Alternation(terms, r"(?<![\w-])", r"(?![\w])", flags)
        assert fast._openings is not None
        for _ in range(1500):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
            assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text
