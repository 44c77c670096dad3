"""Paragraphs and sentences as segment reads them, compared with the plain reading."""

from __future__ import annotations

import random
import re

from bot.extract.text import _is_heading


def test_a_heading_is_read_as_the_word_count_and_end_pattern_read_it() -> None:
    # _is_heading reads the last character first and counts words only up to one past the
    # limit: the same answer as splitting every word and searching the end with a regex.
    end_re = re.compile(r"[.!?:;,”\"]$")

    def plain(line: str) -> bool:
        words = line.split()
        return bool(words) and len(words) <= 16 and not end_re.search(line.rstrip())

    pieces = ["Talks", "resume", " ", "  ", "\t", "\u00a0", ".", ",", ":", "”", '"', "?", "x"]
    rng = random.Random(5)
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert _is_heading(line) == plain(line), repr(line)
    assert _is_heading("Talks resume in Oslo")
    assert not _is_heading("Talks resumed.")
    assert not _is_heading(" ".join(["word"] * 17))
    assert _is_heading(" ".join(["word"] * 16))
