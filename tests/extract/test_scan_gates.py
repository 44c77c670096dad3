"""Scan gates: a cheap test that lets a slow pattern go unscanned must only skip texts where the
pattern finds nothing, so extraction comes out the same with or without the gate.

Texts are written for the test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.actors import (
    _topic_context_need,
    _topic_context_re,
    actor_words,
    group_size,
    participants,
)
from bot.extract.events import _TIME_MARK_RE, _TIME_RE, _tidy
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import segment
from bot.extract.triggers import text_words
from bot.models import Document

_TIME_PIECES = ["at", "around", "12", "7", ":", ".", "25", "p.m.", "local", "LOCAL", "Time", "ſ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_TIME_PIECES, " ", "x"]), max_size=12))
def test_a_text_the_time_gate_skips_holds_no_time(pieces: list[str]) -> None:
    text = "".join(pieces)
    if _TIME_RE.search(text):
        assert _TIME_MARK_RE.search(text)


def test_a_description_loses_its_time_of_day() -> None:
    assert _tidy("Leaders met at 12:25 p.m. local time in Nairobi") == "Leaders met in Nairobi"
    assert _tidy("Leaders met in Nairobi (local time)") == "Leaders met in Nairobi"
    assert _tidy("Leaders met in Nairobi") == "Leaders met in Nairobi"


_CONTEXT_PIECES = ["support", "SUPPORT", "for", "war", "in", "the", "Kenyan", "ſupport", "x"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=8),
    st.sampled_from([" ", "  ", "\n"]),
    st.integers(min_value=0, max_value=30),
)
def test_a_stretch_the_topic_context_gate_skips_holds_no_context(
    lexicon: Lexicon, words: list[str], space: str, before: int
) -> None:
    text = space.join([*words, "Kenya"])
    end = len(text) - len("Kenya")
    need = _topic_context_need(lexicon)
    for start in (0, min(before, end)):
        if _topic_context_re(lexicon).search(text, start, end):
            assert need is None or need.met(text_words(text[start:end]))


def _ranked(lexicon: Lexicon, body: str) -> tuple[str, ...]:
    doc = Document(id="t", title="Talks", path="t.txt", text=body, sha256="", date="2024-05-02")
    paragraphs = segment(body)
    return participants(doc, paragraphs, PeopleRegister(), lexicon).ranked


def test_a_country_after_a_topic_context_is_no_participant(lexicon: Lexicon) -> None:
    assert _ranked(lexicon, "Ghana met Japan.\n\nBoth pledged support for Kenya.") == (
        "Ghana",
        "Japan",
    )
    assert _ranked(lexicon, "Ghana met Japan.\n\nBoth met Kenya.") == ("Ghana", "Japan", "Kenya")


_SIZE_PIECES = ["two", "Three", "3", "-", "country", "Nation", "way", "tri", "LATERAL", "x", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SIZE_PIECES), max_size=10))
def test_a_text_the_group_size_gate_skips_names_no_size(
    lexicon: Lexicon, pieces: list[str]
) -> None:
    w = actor_words(lexicon)
    text = "".join(pieces)
    if w.size_re.search(text):
        assert w.size_gate.search(text)


def test_the_lead_names_the_group_size(lexicon: Lexicon) -> None:
    body = "Ghana, Japan and Kenya held trilateral talks.\n\nThey met again."
    doc = Document(id="t", title="Talks", path="t.txt", text=body, sha256="", date="2024-05-02")
    assert group_size(doc, segment(body), lexicon) == 3
    doc = Document(id="t", title="A three-nation summit", path="t.txt", text="They met.", sha256="")
    assert group_size(doc, segment("They met."), lexicon) == 3
    plain = Document(id="t", title="Talks", path="t.txt", text="They met.", sha256="")
    assert group_size(plain, segment("They met."), lexicon) is None
