"""The evidence rules' pre-checks skip only paragraphs the full rule finds nothing in; every
text is invented.

verb_matches tries no token when no folded word of the paragraph is a verb's first word (only
the joints of joined words, "so-called"); honorifics_and_initials reads nothing when the
paragraph holds no initial and `may_hold_honorific` says no token may be an honorific. Each
test compares the rule with its unskipped form, on hand-written and random paragraphs.
"""

from __future__ import annotations

import random

import pytest

from bot.extract.evidence import Collector, name_shapes, read_paragraph, verb_re
from bot.extract.evidence.verb_places import verb_firsts, verb_matches
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment

VERB_TEXTS = [
    "Paz met the so-called envoy on Monday.",
    "The re-said motion and Sato's pre-told story were long.",
    "Vogt's aide, a well-known figure, wrote-in for the half-noted plan.",
]

WORDS = [
    "Paz", "Sato", "met", "the", "envoy", "so", "called", "said", "told", "re", "pre",
    "noted", "Said", "SAID", "plan", "x", "s", "2", "out", "pointed",
]  # fmt: skip
MARKS = [" ", " ", " ", "-", "'", "’", "-", ".", ",", "_", "“", "”"]


def _views(text: str, lexicon: Lexicon):
    v = vocab(lexicon)
    return [read_paragraph(text, para, lexicon, v) for para in segment(text)]


def _same_verbs(text: str, lexicon: Lexicon) -> tuple[int, int]:
    """(paragraphs that take the shortcut, verbs found), after checking every paragraph."""
    firsts = verb_firsts(lexicon)[0]
    skipped = found = 0
    for view in _views(text, lexicon):
        scan = [(m.span(), m.group(0)) for m in verb_re(lexicon).finditer(view.paragraph.text)]
        fast = [(m.span(), m.group(0)) for m in verb_matches(view, lexicon)]
        assert fast == scan, view.paragraph.text
        skipped += firsts.isdisjoint(view.folded_words)
        found += len(scan)
    return skipped, found


@pytest.mark.parametrize("text", VERB_TEXTS)
def test_verbs_in_joined_words_are_found_without_a_verb_token(text: str, lexicon: Lexicon) -> None:
    skipped, found = _same_verbs(text, lexicon)
    assert skipped == 1 and found >= 1  # no token reads a verb, yet a joined word holds one


def test_verb_shortcut_equals_the_scan_on_random_text(lexicon: Lexicon) -> None:
    rng = random.Random(11)
    skipped = found = 0
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(WORDS))
            parts.append(rng.choice(MARKS))
        s, f = _same_verbs("".join(parts).strip() or "Paz", lexicon)
        skipped, found = skipped + s, found + f
    assert skipped > 50 and found > 50


HONORIFIC_TEXTS = [
    "Ms. Vogt met Hiro Sato.",
    "Ms Vogt met Dr Hale and Gen. Antony Radakin.",
    "MS.. Vogt met the general, Admiral Antony Radakin.",
    "Ana Paz met George W. Hale in Oslo.",
    "Ana Paz met the envoy in Oslo.",
]

NAME_WORDS = [
    "Ms.", "Ms", "ms", "MS..", "Dr", "Dr.", "Gen.", "General", "general", "Admiral", "Mrs",
    "Vogt", "Hale", "Antony", "Radakin", "W.", "J", ".", "met", "the", "Paz", "Sato", "Lady",
]  # fmt: skip


def _read_honorifics(view, lexicon: Lexicon) -> list[str]:
    col = Collector(lexicon)
    name_shapes.honorifics_and_initials(col, view, set())
    return [repr(o) for o in col.occurrences]


def _same_honorifics(text: str, lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> int:
    """Paragraphs the pre-check skips, after checking the rule reads the same with and without
    it, and that no skipped paragraph holds an honorific."""
    col = Collector(lexicon)
    skipped = 0
    for view in _views(text, lexicon):
        may = name_shapes.may_hold_honorific(col, view)
        assert may or not any(view.honorific), view.paragraph.text
        fast = _read_honorifics(view, lexicon)
        with monkeypatch.context() as m:
            m.setattr(name_shapes, "may_hold_honorific", lambda col, p: True)
            full = _read_honorifics(view, lexicon)
        assert fast == full, view.paragraph.text
        skipped += not may
    return skipped


def test_honorific_pre_check_skips_only_paragraphs_without_one(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped = sum(_same_honorifics(text, lexicon, monkeypatch) for text in HONORIFIC_TEXTS)
    assert skipped == 2  # "Ana Paz met ...": no honorific (one with an initial, one without)


def test_honorific_pre_check_on_random_text(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    skipped = 0
    for _ in range(300):
        words = [rng.choice(NAME_WORDS) for _ in range(rng.randint(1, 10))]
        skipped += _same_honorifics(" ".join(words), lexicon, monkeypatch)
    assert skipped > 20
