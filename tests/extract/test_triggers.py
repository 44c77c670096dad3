"""Trigger words (bot/extract/triggers.py, commitments/triggers.py): a pattern scan is skipped
only when it could find nothing, so commitments come out the same with or without skipping.

Sentences are written for the test.
"""

from __future__ import annotations

import re
import string
import sys
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments.cue_patterns import cue_patterns
from bot.extract.commitments.triggers import PATTERN_LISTS, cue_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.triggers import ODD_CASE, Triggers, key_words, sentence_words
from tests.extract.test_commitments import person, run


def test_the_longest_word_of_each_phrase_is_looked_for() -> None:
    assert key_words(["the day after tomorrow", "'ll", "last week"]) == {"tomorrow", "ll", "week"}
    assert key_words(["—"]) is None  # no word to look for: always scan
    assert key_words(["außen"]) is None  # not plain ASCII: always scan


def test_a_sentence_is_its_lower_cased_words() -> None:
    assert sentence_words("We’ll SIGN it.") == {"we", "ll", "sign", "it"}
    assert sentence_words("The ſummit") is None  # "ſ" matches "s" only when case is ignored


def test_odd_case_holds_every_letter_that_folds_onto_ascii_but_lowers_elsewhere() -> None:
    """The letters a case-ignoring pattern reads as an ASCII letter while str.lower() gives
    something else: for any other letter, comparing lower-cased words is exact."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if chr(cp) not in string.ascii_letters
        and letter.fullmatch(chr(cp))
        and chr(cp).lower() not in string.ascii_lowercase
    }
    assert odd <= ODD_CASE


def test_may_match() -> None:
    trig = Triggers({"signing": frozenset({"signed"}), "any": None})
    assert not trig.may_match("signing", sentence_words("They met."))
    assert trig.may_match("signing", sentence_words("They SIGNED it."))
    assert trig.may_match("any", sentence_words("They met."))
    assert trig.may_match("signing", None)
    assert list(trig.scan("signing", re.compile("met"), "They met.", frozenset({"met"}))) == []


def test_every_scanned_cue_pattern_has_its_word_list(lexicon: Lexicon) -> None:
    cues = cue_patterns(lexicon)
    assert all(isinstance(getattr(cues, name), re.Pattern) for name in PATTERN_LISTS)
    assert all(v is not None for v in cue_triggers(lexicon).needs.values())


_PIECES = [
    "Japan", "Peru", "Ana Paz", "wants to", "agreed Thursday to", "will", "would", "we’ll",
    "pledged", "signed a memorandum", "announced a joint forum", "reaffirmed the commitment",
    "to", "boost", "visited Lima", "met", "hopes", "called on", "should stay focused",
    "sought a closer partnership", "welcomed the opening of", "its commitment to", "plan",
    "is ready to", "looked forward to hosting", "the talks ended with a commitment to",
    "applauded Peru's resolve to bolster", "should be passed by the summer", "in May",
    "next year", "ſigned", "trade", "defence", ",", "and", "the", "cooperation", ".",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_skipping_scans_never_changes_the_commitments(lexicon: Lexicon, pieces: list[str]) -> None:
    body = " ".join(pieces)
    people = (person("Ana Paz", "Peru"),)
    skipped = run(lexicon, body, people=people)
    with patch("bot.extract.commitments.finding.sentence_words", return_value=None):
        assert run(lexicon, body, people=people) == skipped
