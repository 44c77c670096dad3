"""The dateline shortcut finds what the full rule finds.

A paragraph's first sentence is checked for a line break, a colon or a double hyphen before
the dateline patterns are tried; the test compares that with the patterns tried on every
sentence, on invented sentences.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments import datelines
from bot.extract.lexicon import Lexicon
from bot.extract.text import Sentence

_DATELINE_PIECES = [
    "BERLIN", "New Delhi", ":", " ", "\n", "--", "-", ",", "June 20", "Germany", "will",
    "send", "Defence Cooperation", "a", "of", "“", ".", "WASHINGTON, June 20 -- ",
]  # fmt: skip


def _strip_unchecked(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """strip_dateline without its first check: the patterns tried on every sentence."""
    text = sentence.text
    cut = 0
    line = datelines._LEAD_LINE_RE.match(text)
    small = datelines._small_words(lexicon)
    if line and all(w[:1].isupper() or w[:1].isdigit() or w in small for w in line[1].split()):
        cut = line.end()
    m = datelines._DATELINE_RE.match(text, cut)
    if m and m.end() < len(text):
        cut = m.end()
    if not cut:
        return sentence
    return replace(sentence, text=text[cut:], start=sentence.start + cut)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATELINE_PIECES), min_size=1, max_size=12))
def test_dateline_check_skips_only_sentences_without_one(
    lexicon: Lexicon, pieces: list[str]
) -> None:
    """A sentence without a line break, a colon or "--" keeps its text: "BERLIN: Germany will
    send" loses "BERLIN: ", "Germany will send" is kept whole."""
    text = "".join(pieces)
    sentence = Sentence(text, 1, 0, 0, len(text))
    got = datelines.strip_dateline(sentence, lexicon)
    want = _strip_unchecked(sentence, lexicon)
    assert (got.text, got.start) == (want.text, want.start)
