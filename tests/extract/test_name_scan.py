"""The name-form scan finds what the alternation of the forms finds."""

from __future__ import annotations

import random
import re

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
