"""Trigger words (bot/extract/triggers.py, commitments/triggers.py): a pattern scan is skipped
only when it could find nothing, so commitments come out the same with or without skipping.

Sentences are written for the test.
"""

from __future__ import annotations

import re
import string
import sys
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.alternation import WordScan
from bot.extract.commitments.cue_patterns import cue_patterns
from bot.extract.commitments.triggers import PATTERN_NEEDS, cue_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.phrase_scan import PhraseScan
from bot.extract.triggers import (
    ODD_FOLDS,
    Triggers,
    list_requirement,
    phrase_words,
    requirement,
    sentence_words,
)
from tests.extract.test_commitments import person, run


def test_a_phrase_needs_all_its_plain_words() -> None:
    assert phrase_words("the day after tomorrow") == {"the", "day", "after", "tomorrow"}
    assert phrase_words("'ll") == {"ll"}
    assert phrase_words("Außen policy") == {"policy"}  # only plain ASCII words are looked for
    need = list_requirement(["agreed to", "pledged"])
    assert need is not None
    assert need.met(frozenset({"they", "agreed", "to", "act"}))
    assert not need.met(frozenset({"they", "agreed"}))
    assert need.met(frozenset({"pledged"}))
    assert list_requirement(["—"]) is None  # no word to look for: always met


def test_a_sentence_is_its_lower_cased_words() -> None:
    assert sentence_words("We’ll SIGN it.") == {"we", "ll", "sign", "it"}
    # "ſ" and "ı" match "s" and "i" when case is ignored: folded so
    assert sentence_words("The ſummit in Dıli") == {"the", "summit", "in", "dili"}


def test_odd_folds_hold_every_letter_a_case_ignoring_pattern_reads_as_ascii() -> None:
    """Any letter other than an ASCII one that a case-ignoring pattern reads as an ASCII
    letter is folded to that letter in a sentence's words, so comparing words is exact."""
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    read_as_ascii = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if chr(cp) not in string.ascii_letters and any_letter.fullmatch(chr(cp))
    ]
    assert read_as_ascii  # the scan finds the letters it should
    for char in read_as_ascii:
        (letter,) = [x for x in string.ascii_lowercase if re.fullmatch(x, char, re.IGNORECASE)]
        assert ODD_FOLDS[char] == letter


def test_may_match() -> None:
    signed = requirement([frozenset({"signed"})])
    assert signed is not None
    trig = Triggers({"signing": (signed,), "any": ()})
    assert not trig.may_match("signing", sentence_words("They met."))
    assert trig.may_match("signing", sentence_words("They SIGNED it."))
    assert trig.may_match("any", sentence_words("They met."))
    assert trig.may_match("signing", None)
    assert list(trig.scan("signing", re.compile("met"), "They met.", frozenset({"met"}))) == []


def test_the_possible_patterns_of_a_sentence(lexicon: Lexicon) -> None:
    trig = cue_triggers(lexicon)
    words = sentence_words("Peru signed a memorandum and will open a port.")
    possible = trig.possible(words)
    assert {"signing", "modal"} <= possible
    assert "deadline" not in possible  # no "be"
    assert trig.possible(words) is possible  # worked out once per sentence
    assert all(trig.may_match(name, words) == (name in possible) for name in PATTERN_NEEDS)


def test_every_scanned_cue_pattern_has_its_word_list(lexicon: Lexicon) -> None:
    cues = cue_patterns(lexicon)
    assert all(
        isinstance(getattr(cues, name), re.Pattern | WordScan | PhraseScan)
        for name in PATTERN_NEEDS
    )
    assert all(cue_triggers(lexicon).needs.values())  # every pattern has a word to look for


@pytest.mark.parametrize(
    "text",
    [
        "Japan wants to send a frigate, and Peru agreed on Thursday to join; Lima is also planning",
        "PLEDGED. ſigned. Korea will. We are now set to act, they agreed in principle to it",
        "agreed-to, disagreed to, Agreed  Monday,  to; wants tomorrow to",
    ],
)
def test_the_strong_cue_scan_finds_what_its_pattern_finds(lexicon: Lexicon, text: str) -> None:
    strong = cue_patterns(lexicon).strong
    assert strong.alternation is not None  # the shipped cues are scanned by first letter
    want = [(m.span(), m.group(0)) for m in strong.pattern.finditer(text)]
    assert [(m.span(), m.group(0)) for m in strong.finditer(text)] == want
    assert want  # the texts hold cues


_PIECES = [
    "Japan", "Peru", "Ana Paz", "wants to", "agreed Thursday to", "will", "would", "we’ll",
    "pledged", "signed a memorandum", "announced a joint forum", "reaffirmed the commitment",
    "to", "boost", "visited Lima", "met", "hopes", "called on", "should stay focused",
    "sought a closer partnership", "welcomed the opening of", "its commitment to", "plan",
    "is ready to", "looked forward to hosting", "the talks ended with a commitment to",
    "applauded Peru's resolve to bolster", "should be passed by the summer", "in May",
    "next year", "ſigned", "\u212aorea will", "trade", "defence", ",", "and", "the", ".",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_skipping_scans_never_changes_the_commitments(lexicon: Lexicon, pieces: list[str]) -> None:
    body = " ".join(pieces)
    people = (person("Ana Paz", "Peru"),)
    skipped = run(lexicon, body, people=people)
    with patch("bot.extract.commitments.finding.sentence_words", return_value=None):
        assert run(lexicon, body, people=people) == skipped


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["agreed", "to", "will", "signed", "memorandum", "x", "the", "hope"]),
        max_size=8,
    )
)
def test_possible_patterns_depend_only_on_the_words_requirements_name(
    lexicon: Lexicon, words: list[str]
) -> None:
    trig = cue_triggers(lexicon)
    sentence = frozenset(words)
    want = {name for name, needs in trig.needs.items() if all(n.met(sentence) for n in needs)}
    assert trig.possible(sentence) == want
    assert trig.possible(frozenset({*sentence, "harbour", "monday"})) == want
    assert len(trig._seen) <= 4096
