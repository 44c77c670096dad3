"""The date finder's gates skip only patterns that find nothing: a sentence without a year
skips the patterns that need one, one whose words hold no month form skips the month scan
and the patterns that need a month name, and a document without a date skips the patterns
told only from it ("on Friday", "next week").

Each test compares the gated finder with every pattern run over the whole sentence, on
invented sentences.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.date_words import MONTH_KINDS, YEAR_KINDS, YEAR_LED, date_words
from bot.extract.dates.finding import _YEAR_START_RE, _find_dates, _matches_at, _places, _resolved
from bot.extract.dates.partial_date import DateMention, PartialDate
from bot.extract.dates.tense import DateContext
from bot.extract.lexicon import Lexicon
from bot.extract.triggers import text_words

#: Years and near-years, month forms and near-forms, and the characters around them.
_PIECES = st.sampled_from(
    [
        *"0129 -–/,.$#x_()’é",
        *"2024 1999 2008 20 19 12024 x2024 2024-05-03 2021-22 ٢٠٢٤ 2٠24 19٣4".split(),
        *"May MAY may Mayor Sept Sept. September Jan Jan. June Junes march March ſept".split(),
        *"on in the met 3 4th 60th anniversary next week will talks".split(),
        *"Friday tomorrow four years ago last month this summer three days from".split(),
    ]
)


def _every_pattern(
    text: str, lexicon: Lexicon, anchor: PartialDate | None, context_year: int | None = None
) -> list[DateMention]:
    """The dates of `text` with every pattern run over all of it: no gate, no start scan."""
    w = date_words(lexicon)
    hits = [(m.start(), -m.end(), k, m) for k, p in w.patterns for m in p.finditer(text)]
    out = _resolved(hits, DateContext(text, anchor, "past", context_year, w))
    if not out and anchor is not None:
        m = w.anniversary_re.search(text)
        if m:
            out.append(DateMention(m.start(), m.end(), str(anchor.year), True, kind="anniversary"))
    return sorted(out, key=lambda d: d.start)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(_PIECES, max_size=16),
    st.booleans(),
    st.sampled_from([PartialDate(2024, 5, 15), None]),
    st.sampled_from([None, 2022]),
)
def test_gated_dates_match_every_pattern_run(
    lexicon: Lexicon, pieces: list[str], spaced: bool, anchor: PartialDate | None, year: int | None
) -> None:
    """_find_dates with the sentence's words finds what every pattern finds over it, in a
    document with a date and in one without, with a paragraph year or none."""
    text = (" " if spaced else "").join(pieces)
    found = _find_dates(text, lexicon, anchor, "past", year, text_words(text))
    assert found == _every_pattern(text, lexicon, anchor, year)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=16).map(" ".join))
def test_year_patterns_start_only_where_a_year_starts(lexicon: Lexicon, text: str) -> None:
    """A pattern needing a year matches only from the places the year scan finds (none in a
    sentence without a year): "in 2024" from 3, "x2024" and "12024" nowhere."""
    patterns = dict(date_words(lexicon).patterns)
    assert YEAR_LED == YEAR_KINDS
    places = _places(_YEAR_START_RE, text, 0)
    assert places is not None
    for kind in YEAR_KINDS:
        spans = [m.span() for m in patterns[kind].finditer(text)]
        assert [m.span() for m in _matches_at(patterns[kind], text, places)] == spans, kind
        assert places or not spans, kind


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=16).map(" ".join))
def test_month_patterns_need_a_month_form_among_the_words(lexicon: Lexicon, text: str) -> None:
    """A sentence whose words hold no month form lower-cased ("Mayor", "Junes") matches no
    pattern that needs a month name."""
    w = date_words(lexicon)
    assert w.month_words is not None and {"may", "sept", "jan"} <= w.month_words
    if w.month_words.isdisjoint(text_words(text)):
        for kind, pattern in w.patterns:
            assert kind not in MONTH_KINDS or pattern.search(text) is None, kind


def test_gates_skip_near_years_and_near_months(lexicon: Lexicon) -> None:
    """ "x2024", "12024" and "Mayor" are no year and no month; "in 1999" and "in May" are."""
    assert [m.start() for m in _YEAR_START_RE.finditer("x2024 12024 (2024")] == [13]
    anchor = PartialDate(2024, 5, 15)
    text = "Mayor Ito met x2024 delegates in May, in 1999 and in 2023."
    found = _find_dates(text, lexicon, anchor, "past", None, text_words(text))
    assert [d.when for d in found] == ["2024-05", "1999", "2023"]
    assert found == _every_pattern(text, lexicon, anchor)


def test_a_document_without_a_date_dates_no_weekday(lexicon: Lexicon) -> None:
    """Without a document date "on Friday" and "next week" are no dates; "in 2023" and "in
    the summer of 2021" are, and "in May" takes the paragraph's year."""
    text = "They met on Friday, in May, in the summer of 2021 and in 2023; they meet next week."
    summer = "2021-06/2021-08"
    for year, whens in ((None, [summer, "2023"]), (2022, ["2022-05", summer, "2023"])):
        found = _find_dates(text, lexicon, None, "past", year, text_words(text))
        assert [d.when for d in found] == whens
        assert found == _every_pattern(text, lexicon, None, year)


@pytest.mark.parametrize(
    "text",
    [
        "They met yesterday.",
        "They meet next week.",
        "They met last month.",
        "They meet this year.",
        "Trade will grow in the next five years.",
        "Trade grew over the past three years.",
        "They met four years ago.",
        "They meet on Friday.",
        "They will meet this summer.",
        "Talks began with three days of meetings.",
        "Leaders marked the 60th anniversary of relations.",
    ],
)
def test_each_wordy_date_passes_the_word_gate(lexicon: Lexicon, text: str) -> None:
    """A sentence dated by words alone, one kind at a time, keeps its date."""
    anchor = PartialDate(2024, 5, 15)
    found = _find_dates(text, lexicon, anchor, "past", None, text_words(text))
    assert found and found == _every_pattern(text, lexicon, anchor)
