"""A sentence's words and the patterns they allow (bot/extract/triggers.py), read in C: the
words must hold every plain ASCII word a `\\w+` scan finds (else a scan that would find a cue
is skipped), and the possible patterns must be those whose requirements the words meet.

Texts are written for the test or drawn at random.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments.triggers import cue_triggers
from bot.extract.dates.triggers import date_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.triggers import ODD_FOLDS, text_words

_WORD_RE = re.compile(r"\w+")


def _scanned_words(text: str) -> set[str]:
    """The plain ASCII words a case-ignoring `\\w+` scan finds, lower-cased, the four odd
    letters folded: what no skipped pattern may need."""
    folded = text.translate(str.maketrans(ODD_FOLDS))
    return {w.lower() for w in _WORD_RE.findall(folded.lower()) if w.isascii()}


def test_words_of_written_sentences() -> None:
    assert text_words("We’ll SIGN it.") == {"we", "ll", "sign", "it"}
    assert text_words("Peru_2 signed—today") == {"peru_2", "signed", "today"}
    # a word that is not plain ASCII leaves its ASCII pieces, which no pattern needs
    assert text_words("the café will open") == {"the", "caf", "will", "open"}
    assert text_words("The ſummit in Dıli") == {"the", "summit", "in", "dili"}
    assert text_words("\u212aorea will") == {"korea", "will"}


_CHARS = st.sampled_from(
    [*"abcXYZ019_ .,;’'\"-\n\t", "é", "ß", "ſ", "ı", "İ", "\u212a", "ǅ", "Σ", "٣", "²", "\u0301"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_CHARS, st.sampled_from(["will", "agreed", "to", "May"])), max_size=30))
def test_words_hold_every_plain_word_a_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _scanned_words(text) <= text_words(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["agreed", "to", "will", "signed", "memorandum", "the", "be", "of", "next", "week",
             "years", "ago", "pledged", "hope", "is", "planning", "x", "forward", "looked"]
        ),
        max_size=10,
    )
)  # fmt: skip
def test_possible_patterns_are_those_whose_requirements_are_met(
    lexicon: Lexicon, words: list[str]
) -> None:
    sentence = frozenset(words)
    for trig in (cue_triggers(lexicon), date_triggers(lexicon)):
        want = {name for name, needs in trig.needs.items() if all(n.met(sentence) for n in needs)}
        assert trig.possible(sentence) == want
        assert trig.possible(frozenset(sentence)) == want  # remembered: the same answer
