"""The name-form scan finds what the alternation of the forms finds."""

from __future__ import annotations

import random
import re

from bot.extract.lexicon import Lexicon
from bot.extract.name_scan import find_forms


def _regex(text: str, forms: list[str]) -> list[tuple[int, int]]:
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text)]


def test_the_example_in_the_docstring() -> None:
    text = "Ana  Paz met Paz-Ruiz and Paz."
    assert list(find_forms(text, ["Ana Paz", "Paz"])) == [(0, 8), (26, 29)]


def test_the_scan_matches_the_alternation_on_random_text() -> None:
    pool = [
        "Ana Paz",
        "Paz",
        "Ana",
        "Ana Paz Ruiz",
        "Ana Ruiz",
        "Ana  Paz",
        "J. Ito",
        "Ito",
        "O'Neil",
        "O",
        "Lee Do-hoon",
        "Do",
        "É. Roy",
    ]
    pieces = [
        *pool,
        " ",
        "  ",
        "\u00a0",
        "\n",
        "-",
        "_",
        "x",
        "7",
        ".",
        "(",
        "“",
        "’s",
        "Pazo",
        "Ruiz",
        "É.",
    ]
    rng = random.Random(11)
    for _ in range(4000):
        forms = sorted(rng.sample(pool, rng.randint(1, 7)), key=len, reverse=True)
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(find_forms(text, forms)) == _regex(text, forms), (text, forms)


def test_a_form_of_spaces_is_read_as_the_alternation_reads_it() -> None:
    text = "Ana Paz and Paz"
    forms = ["Ana Paz", "  ", "Paz"]
    assert list(find_forms(text, forms)) == _regex(text, forms)


def test_a_name_read_forward_is_read_once_and_the_same(lexicon: Lexicon) -> None:
    from bot.extract.name_spans import read_forward
    from bot.extract.names import NameReader, vocab
    from bot.extract.tokens import tokens_at

    toks = tokens_at("Minister Ana Paz met Dr. Ivo K. Brandt.", 0)
    reader = NameReader(toks, [False] * len(toks), vocab(lexicon))
    for i in range(len(toks)):
        for skip in (True, False):
            span = reader.forward(i, skip_honorifics=skip)
            assert span == read_forward(reader, i, skip)
            assert reader.forward(i, skip_honorifics=skip) is span
    assert reader.forward(1) is not None and reader.forward(1).surface == "Ana Paz"
