"""verb_matches finds the reporting verbs the scan of the whole text finds; every text is
invented.

verb_matches tries the regex only where a verb may start (tokens that read a verb's first
word, and the pieces of joined words): each test compares it with verb_re's scan of the text,
on hand-written paragraphs with joined words, odd marks and multi-word verbs, and on paragraphs
made at random from verbs, their pieces and marks.
"""

from __future__ import annotations

import random

import pytest

from bot.extract.evidence import read_paragraph, verb_re
from bot.extract.evidence.verb_places import verb_matches
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment
from bot.extract.token_places import joints

TEXTS = [
    "“We will go,” said Ana Paz. Hiro Sato, who pointed out the so-called plan, told reporters.",
    "The minister's aide says-so; Vogt's 'said' and Ito’s “says” were noted-down by Berg.",
    "x_said said_x 2said said2 Said SAID said. (said) -said- 'said' ’said’ said's saidsaid",
    "Paz went on, goes on and pointed  out what she tells; calls-for reporters’ wrote-in.",
    "told reportersx told reporters_ told reporters, pointed out-of and re-stated warns",
    "İstanbul said; ſaid says; the U.S.-said e.g. said. Mr. Sato (said) confirmed: ok.",
]

WORDS = [
    "said", "says", "told", "reporters", "pointed", "out", "went", "on", "noted", "called",
    "so", "Sato", "Paz", "x", "s", "re", "the", "2", "İ", "ſ", "SAID", "Said", "warns",
]  # fmt: skip
MARKS = [" ", " ", " ", "  ", "-", "'", "’", "_", ".", ",", "“", "”", "(", ")", "\n", "—"]


def _assert_same(text: str, lexicon: Lexicon) -> int:
    v = vocab(lexicon)
    found = 0
    for paragraph in segment(text):
        view = read_paragraph(text, paragraph, lexicon, v)
        scan = [(m.span(), m.group(0)) for m in verb_re(lexicon).finditer(paragraph.text)]
        fast = [(m.span(), m.group(0)) for m in verb_matches(view, lexicon)]
        assert fast == scan, paragraph.text
        found += len(scan)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_verb_matches_equal_the_scan(text: str, lexicon: Lexicon) -> None:
    assert _assert_same(text, lexicon)  # each paragraph holds verbs the scan finds


def test_verb_matches_equal_the_scan_on_random_text(lexicon: Lexicon) -> None:
    rng = random.Random(7)
    found = 0
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 30)):
            parts.append(rng.choice(WORDS))
            parts.append(rng.choice(MARKS))
        found += _assert_same("".join(parts).strip() or "said", lexicon)
    assert found > 100


def test_joints_are_the_marks_between_letters_or_digits() -> None:
    text = "so-called Sato's -x y- a--b ’s 2-3 a_-b x’y"
    expected = [
        i
        for i, c in enumerate(text)
        if c in "-'’" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    ]
    assert sorted(joints(text)) == expected == [2, 14, 32, 41]
