"""Shortcuts of the speaker pass and the sentence splitter give what the full rules give.

Each shortcut skips a regex where a cheap test shows it cannot find anything (no comma, no
word, a plain space before a token): these tests compare each one with the rule it skips,
on invented phrases and on random strings of the characters the rules care about.
"""

from __future__ import annotations

import random

import pytest

from bot.config import load_lexicon
from bot.extract import memo
from bot.extract.speaker_subjects import (
    _CLAUSE_RE,
    _RELATIVE_RE,
    _next_to_verb,
    clause_parts,
    read_subject,
)
from bot.extract.speaker_words import speaker_cues
from bot.extract.text import _word_before

PHRASES = [
    "Ana Paz",
    "  the spokeswoman ",
    "Rep\u2024 Ana Paz (R-Ore\u2024)",
    "the joint statement by the harbor ministers",
    "a letter from Ivo Brandt",
    "she",
    "It’s",
    "and Ivo Brandt",
    "city police Chief Ana Paz",
    "Mr\u2024 Varga of the harbor board",
    "the foreign ministers of Norway and Chile",
]


def _word_before_by_character(text: str, pos: int) -> str:
    """The token before `pos`, read back one character at a time (the rule in full)."""
    j = pos
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '(“"-–/':
        j -= 1
    return text[j:pos]


def _parts_by_regex(text: str, offset: int) -> list[tuple[int, str]]:
    parts = [(offset + m.start(), m.group(0)) for m in _CLAUSE_RE.finditer(text)]
    return [(a, p) for a, p in parts if p.strip()]


def test_word_before_matches_the_character_rule_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = 'ab .U.S(“"-–/\u00a0\u2003\x1c\x85é\n\t'
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        pos = rng.randint(0, len(text))
        assert _word_before(text, pos) == _word_before_by_character(text, pos)


def test_word_before_reads_long_tokens_whole() -> None:
    text = "x" * 200 + "U.S."
    assert _word_before(text, len(text) - 1) == "x" * 200 + "U.S"
    assert _word_before("India-U.S. Defense", 9) == "U.S"
    assert _word_before("met Gen. Paz", 7) == "Gen"


def test_clause_parts_match_the_regex_on_random_text() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice("ab ,\t\n") for _ in range(rng.randint(0, 12)))
        offset = rng.randint(0, 50)
        assert clause_parts(text, offset) == _parts_by_regex(text, offset)


def test_a_relative_clause_needs_a_comma() -> None:
    assert _RELATIVE_RE.search("Paz who said") is None
    assert _RELATIVE_RE.search("Paz, who said") is not None


@pytest.mark.parametrize("phrase", PHRASES)
def test_comma_free_phrase_reads_as_with_a_comma_after_it(phrase: str) -> None:
    """A trailing comma sends a phrase through the comma rules; the result is the same."""
    cues = speaker_cues(load_lexicon())
    memo.clear()
    text = "x" * 9 + phrase
    plain = read_subject(text, 9, len(text), cues)
    memo.clear()
    comma = read_subject(text + ",", 9, len(text) + 1, cues)
    assert plain == comma


@pytest.mark.parametrize("between", ["", " ", "  \n ", " later ", " (R-Ore.) ", ", prices "])
def test_next_to_verb_on_blank_text_matches_the_full_rule(between: str) -> None:
    cues = speaker_cues(load_lexicon())
    # a word joiner is no space (the text with it takes the full rule) and no word either
    assert _next_to_verb(between, cues) == _next_to_verb(between + "\u2060", cues)
