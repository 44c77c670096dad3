"""The fast character searches that let text.py skip a pattern's scan find what the scan finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.extract import single_quotes, text

_MARKS = "“„«‹”»›\"'‘’"
_TEXTS = st.text(alphabet="ab .!?…" + _MARKS + ")]\n", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_double_mark_search_agrees_with_the_mark_pattern(s: str) -> None:
    assert text._has_double_mark(s) == (text._MARK_RE.search(s) is not None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .'’\")]\n", max_size=40))
def test_the_dot_pattern_finds_the_stops_of_a_text_without_other_stops(s: str) -> None:
    assert [m.span() for m in text._DOT_END_RE.finditer(s)] == [
        m.span() for m in text._END_RE.finditer(s)
    ]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentences_split_alike_with_either_stop_pattern(s: str) -> None:
    """split_sentences picks the dot pattern only for a text without "!", "?" or "…"."""
    fast = text.split_sentences(s)
    saved = text._DOT_END_RE
    try:
        text._DOT_END_RE = text._END_RE
        assert text.split_sentences(s) == fast
    finally:
        text._DOT_END_RE = saved


def _pairs_written_out(s: str) -> list[tuple[int, int]]:
    """The pairing rule with no search first: each opening mark the pattern finds, outside the
    last quote, with the first closing mark after it, within SINGLE_QUOTE_CHARS."""
    opens = [m.start() for m in single_quotes._SINGLE_OPEN_RE.finditer(s)]
    closes = [m.start() for m in single_quotes._SINGLE_CLOSE_RE.finditer(s)]
    pairs: list[tuple[int, int]] = []
    for i in opens:
        if pairs and i <= pairs[-1][1]:
            continue
        after = [j for j in closes if j > i + 1]
        if not after:
            break
        if after[0] - i <= single_quotes.SINGLE_QUOTE_CHARS:
            pairs.append((i + 1, after[0]))
    return pairs


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab '‘’(.,\n", max_size=30))
@example("He called it ‘warm’ and 'frank'.")
def test_single_quote_pairs_follow_the_rule_written_out(s: str) -> None:
    assert single_quotes.single_quote_pairs(s) == _pairs_written_out(s)
