"""The speaker pass remembers what a phrase names at offset 0 and shifts it: the same Subject
as reading the phrase where it stands, for every phrase and offset."""

from __future__ import annotations

import pytest

from bot.config import load_lexicon
from bot.extract import memo
from bot.extract.speaker_phrases import _phrase_subject, _read_phrase
from bot.extract.speaker_words import speaker_cues

PHRASES = [
    "Ana Paz",
    "the spokeswoman",
    "Rep\u2024 Ana Paz (R-Ore\u2024)",
    "the joint statement by the harbor ministers",
    "a letter from Ivo Brandt",
    "the Harbor Board report",
    "city police Chief Ana Paz",
    "the foreign ministers of Norway and Chile",
    "Mr\u2024 Varga of the harbor board",
    "",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_remembered_phrase_reads_as_where_it_stands(phrase: str) -> None:
    cues = speaker_cues(load_lexicon())
    memo.clear()
    for offset in (0, 7, 1234, 7):
        assert _read_phrase(phrase, offset, cues) == _phrase_subject(phrase, offset, cues)


def test_long_phrases_are_read_each_time() -> None:
    cues = speaker_cues(load_lexicon())
    phrase = "the harbor " * 30 + "ministers"
    assert _read_phrase(phrase, 5, cues) == _phrase_subject(phrase, 5, cues)
    assert _read_phrase(phrase, 0, cues).kind == "group"


def test_bounded_memo_empties_when_full() -> None:
    store = memo.BoundedMemo(2)
    store.put("a", 1)
    store.put("b", 2)
    store.put("c", 3)
    assert dict(store) == {"c": 3}
    memo.clear()
    assert not store
