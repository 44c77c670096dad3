"""The shared scanners' fast paths give what their plain definitions give (invented text)."""

from __future__ import annotations

import random
import string

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
