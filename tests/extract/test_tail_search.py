"""TailSearch finds what `re.search` finds for a lazy subject run anchored at the end."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.tail_search import TailSearch

_REST = r"\s+(?:said|told\s+reporters)\s*[:,]?\s*$"
_PATTERN = re.compile(rf"(?P<subj>[^.!?;:\n]{{1,12}}?){_REST}")
_SEARCH = TailSearch(_PATTERN, re.compile(_REST), re.compile(r"[.!?;:\n]"), 12)


def test_finds_the_leftmost_start_within_reach() -> None:
    text = "Talks ended. The aide Ana Paz said: "
    m = _SEARCH.search(text)
    assert m is not None
    assert m.group("subj") == "aide Ana Paz"  # twelve characters back at most
    assert m.span() == _PATTERN.search(text).span()
    m = _SEARCH.search("Talks ended. Paz said: ")
    assert m is not None and m.group("subj") == " Paz"  # not before "ended."


def test_no_verb_at_the_end_finds_nothing() -> None:
    assert _SEARCH.search("Ana Paz said it was over. ") is None


_WORDS = ["said", "told", "reporters", "Paz", "the", "envoy", ".", ":", ",", "\n", " ", "x" * 9]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.integers(0, 20))
def test_same_match_as_re_search(words: list[str], pos: int) -> None:
    text = " ".join(words)
    pos = min(pos, len(text))
    want = _PATTERN.search(text, pos)
    got = _SEARCH.search(text, pos)
    assert (want is None) == (got is None)
    if want is not None and got is not None:
        assert (got.span(), got.groupdict()) == (want.span(), want.groupdict())
