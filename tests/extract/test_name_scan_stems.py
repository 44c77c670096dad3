"""The two ways name_scan finds the places a name form may start agree; every text is invented.

A document with few stems (a form's opening run of word characters and hyphens) has each one
looked up by str.find (`_found_places`); one with many has the text split at capitals
(`_split_places`). Each test compares the two, and find_forms with many forms with the
alternation of the forms, on random texts with word characters, hyphens, digits and letters
outside ASCII right next to the stems.
"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.name_scan import _FOUND_STEMS, _found_places, _split_places, find_forms

#: Stems as find_forms makes them (runs of word characters and hyphens: "O" of "O'Neil").
STEMS = ["Ana", "Paz", "Paz-Ruiz", "O", "Do-hoon", "Lee", "Ito", "Éa", "P", "Pa"]
PIECES = [*STEMS, " ", "  ", "\n", "-", "_", "x", "7", "²", "é", ".", "(", "’s", "Pazo", "É", "'"]


def _regex(text: str, forms: list[str]) -> list[tuple[int, int]]:
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text)]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=16),
    stems=st.sets(st.sampled_from([s for s in STEMS if s[0].isascii()]), min_size=1),
)
def test_found_places_equal_the_split(pieces: list[str], stems: set[str]) -> None:
    text = "".join(pieces)
    assert _found_places(text, stems) == list(_split_places(text, stems))


def test_many_forms_are_found_as_the_alternation_finds_them() -> None:
    rng = random.Random(5)
    many = [f"N{k}x" for k in range(_FOUND_STEMS + 1)]  # more stems than str.find is used for
    pool = [f"{a} {b}" for a in ("Ana", "Lee", "Ito", "Oda") for b in ("Paz", "Ruiz", "Kim")]
    pool += ["Paz", "Ruiz", "Kim", "Ana", "O'Neil", "Do-hoon"]
    found = 0
    for _ in range(500):
        forms = sorted(many + rng.sample(pool, rng.randint(1, 12)), key=len, reverse=True)
        pieces = [*pool, *many, " ", "-", "x", "é", "\n", ".", "'"]
        text = "".join(rng.choice(pieces) for _ in range(20))
        got = list(find_forms(text, forms))
        assert got == _regex(text, forms), (text, forms)
        found += len(got)
    assert found
