"""An attribution before the marks is searched for from its clause only, and only where a verb
stands, with the same result as the search of the whole head."""

from __future__ import annotations

import random

from bot.config import load_lexicon
from bot.extract.speaker_cues import _clause_start, before_match
from bot.extract.speaker_words import MARKS, speaker_cues


def test_searching_from_the_clause_start_finds_what_the_whole_head_search_finds() -> None:
    cues = speaker_cues(load_lexicon())
    assert cues.clause_breaks
    pieces = [
        "Ana Paz",
        "the minister",
        " ",
        "  ",
        "\n",
        "said",
        "told reporters",
        "added",
        "on Monday",
        "in Oslo",
        ":",
        ",",
        ".",
        ";",
        "?",
        "“",
        "”",
        '"',
        "Talks ended",
        "that",
    ]
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        cut = max(head.rfind("\n"), *(head.rfind(c) for c in MARKS))
        whole = cues.before.search(head, cut + 1)
        narrow = before_match(head, cut, cues)
        assert (whole and whole.span()) == (narrow and narrow.span()), head
        found += whole is not None
    assert found > 100


def test_without_breaks_the_search_starts_after_the_cut() -> None:
    assert _clause_start("Talks ended. Paz said: ", 3, "") == 4
    assert _clause_start("Talks ended. Paz said: ", -1, ".:") == 12
