"""An event's description is tidied as the regex rules below tidy it: spaces joined by
str.split and ends stripped by str.strip give the same text, on invented clauses.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.events import _DATELINE_RE, _SPACES, _TIME_MARK_RE, _TIME_RE, _drop_unpaired, _tidy

_EMPTY_BRACKETS_RE = re.compile(r"\s*\([\s,;:.]*\)")
_SPACES_RE = re.compile(r"\s+")
_SPACE_BEFORE_MARK_RE = re.compile(r"\s+([,.;:!?])")
_DOUBLE_MARK_RE = re.compile(r"([,;:])\s*(?=[,;:.])")
_LOOSE_ENDS_RE = re.compile(r"^[\s,;:—–“”\"'(]+|[\s,;:—–“”\"'(]+$")


def _tidy_by_regex(text: str) -> str:
    """The description with every step a regex substitution over the whole text."""
    if _TIME_MARK_RE.search(text):
        text = _TIME_RE.sub("", text)
    text = _DATELINE_RE.sub("", text.strip())
    text = _drop_unpaired(_EMPTY_BRACKETS_RE.sub("", text), "(", ")")
    text = _SPACES_RE.sub(" ", text)
    text = _SPACE_BEFORE_MARK_RE.sub(r"\1", text)
    text = _DOUBLE_MARK_RE.sub("", text)
    text = _LOOSE_ENDS_RE.sub("", text)
    text = text.rstrip(".!?").strip(' ,;:“”"')
    return text[:1].upper() + text[1:] if text else text


_PIECES = st.sampled_from(
    [
        *" ,;:.!?()—–“”\"'\n\t\x1c\x85\u2003\u3000",
        *"leaders met talks SEOUL WASHINGTON: (Yonhap) -- at 12:25 p.m. local time".split(" "),
        "9.3",
        "the",
        "é",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.booleans())
def test_tidy_matches_the_regex_rules(text: str, spaced: bool) -> None:
    """_tidy gives what the rules written as regex substitutions give."""
    if spaced:
        text = " ".join(text)
    assert _tidy(text) == _tidy_by_regex(text)


def test_spaces_are_every_whitespace_character() -> None:
    """_SPACES holds exactly the characters `\\s` matches in a str pattern."""
    spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)}
    assert set(_SPACES) == spaces


def test_tidy_closes_up_a_clause() -> None:
    """ "SEOUL, (Yonhap) -- leaders met , at 12:25 p.m. ()" reads "Leaders met"."""
    text = "SEOUL, (Yonhap) -- leaders  met ,\u2003at 12:25 p.m. () ; ."
    assert _tidy(text) == _tidy_by_regex(text) == "Leaders met"
