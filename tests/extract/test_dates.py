"""Dates, one rule family at a time (bot/extract/dates/): partial dates, tense, dates written
out, dates told from the document date, and the finder that runs them all over a sentence.

Every sentence is written for the test; the document date is given with each.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.date_words import DIGIT_LED, MONTH_LED, YEAR_LED, date_words
from bot.extract.dates import PartialDate, find_dates, first_date, is_after, sentence_tense
from bot.extract.dates.finding import (
    _DIGIT_START_RE,
    _YEAR_START_RE,
    _find_dates,
    _first_digit,
    _matches_at,
    _month_start_re,
    _places,
    sentence_dates,
)
from bot.extract.dates.tense import clause_tense
from bot.extract.dates.triggers import date_triggers, template_words
from bot.extract.lexicon import Lexicon
from bot.extract.text import segment
from bot.extract.triggers import sentence_words
from bot.models import Document


def whens(text: str, lexicon: Lexicon, anchor: str | None) -> list[str]:
    tense = sentence_tense(text, lexicon)
    return [d.when for d in find_dates(text, lexicon, PartialDate.parse(anchor), tense=tense)]


# --- partial_date.py --------------------------------------------------------------------------


def test_a_partial_date_keeps_its_precision() -> None:
    assert PartialDate.parse("2023-05").iso() == "2023-05"
    assert PartialDate(2023, 5).plus_months(8) == PartialDate(2024, 1)
    assert PartialDate(2023, 12, 30).plus_days(3) == PartialDate(2024, 1, 2)
    assert first_date("2022-12-05/2022-12-07") == PartialDate(2022, 12, 5)


def test_after_compares_at_the_precision_both_share() -> None:
    anchor = PartialDate(2023, 5, 20)
    assert not is_after("2023-05", anchor)  # May 2023 is not after 20 May 2023
    assert is_after("2023-06", anchor)
    assert is_after("2024", anchor)
    assert not is_after("2023", anchor)
    assert not is_after("2024", None)


# --- tense.py ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The envoy will travel to Lima.", "future"),
        ("The envoy traveled to Lima.", "past"),
        ("The report must be submitted by Friday.", None),  # a participle, no past
        ("The envoy is in Lima.", None),
        ("We expect to see the treaty in force by the summit.", "future"),
        ("The sides are determined to finish the talks.", "future"),
    ],
)
def test_sentence_tense(lexicon: Lexicon, text: str, tense: str | None) -> None:
    assert sentence_tense(text, lexicon) == tense
    assert sentence_tense(text, lexicon, sentence_words(text)) == tense


def test_a_clause_has_its_own_tense(lexicon: Lexicon) -> None:
    text = "The ministers met on Monday, and the envoy will return on Friday."
    assert clause_tense(text, text.index("Monday"), lexicon) == "past"
    assert clause_tense(text, text.index("Friday"), lexicon) == "future"


# --- absolute.py ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The accord took effect on 2021-04-01.", ["2021-04-01"]),
        ("The envoys met on July 9, 2021.", ["2021-07-09"]),
        ("The forum ran on June 4-5.", ["2023-06-04/2023-06-05"]),
        ("The census of April 2019 was cited.", ["2019-04"]),
        ("The treaty held from 1998-2004.", ["1998/2004"]),
        ("No drill was held since 1991.", ["1991"]),
    ],
)
def test_dates_written_out(lexicon: Lexicon, text: str, expected: list[str]) -> None:
    assert whens(text, lexicon, "2023-05-20") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2000 troops.",  # a count, not a year
        "The post-2020 framework lapsed.",  # a period
        "Lima wants to keep the base beyond 2030.",  # open-ended
    ],
)
def test_numbers_that_are_no_dates(lexicon: Lexicon, text: str) -> None:
    assert whens(text, lexicon, "2023-05-20") == []


def test_a_range_that_ends_before_it_starts_is_no_range(lexicon: Lexicon) -> None:
    assert whens("The forum ran on June 9-5.", lexicon, "2023-05-20") == ["2023-06"]


def test_a_day_without_a_year_follows_the_tense(lexicon: Lexicon) -> None:
    assert whens("The envoy will arrive on June 4.", lexicon, "2023-05-20") == ["2023-06-04"]
    assert whens("The envoy arrived on June 4.", lexicon, "2023-05-20") == ["2022-06-04"]
    assert whens(
        "We expect the treaty in force by the time of the summit in July.", lexicon, "2023-05-20"
    ) == ["2023-07"]


# --- relative.py ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy arrived today.", ["2023-05-15"]),  # a Monday
        ("The envoy will arrive on Wednesday.", ["2023-05-17"]),
        ("The envoy arrived on Wednesday.", ["2023-05-10"]),
        ("The talks resume next week.", ["2023-05-22/2023-05-28"]),
        ("The plan was drafted last month.", ["2023-04"]),
        ("The drill is planned for next year.", ["2024"]),
        ("The port opened four years ago.", ["2019"]),
        ("Trade will double in the next five years.", ["2023/2028"]),
        ("The talks will resume this fall.", ["2023-09/2023-11"]),
    ],
)
def test_dates_told_from_the_document_date(
    lexicon: Lexicon, text: str, expected: list[str]
) -> None:
    assert whens(text, lexicon, "2023-05-15") == expected


def test_a_meeting_named_by_its_month_is_the_nearest_such_month(lexicon: Lexicon) -> None:
    # whatever the tense, when that month lies within three months either way
    assert whens("Preparations began for the October summit.", lexicon, "2023-08-20") == ["2023-10"]
    assert whens("The October summit will set the agenda.", lexicon, "2023-12-20") == ["2023-10"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices fall in winter.",  # a habit, no tense
        "We built a partnership for the next 60 years.",  # a vision, over the span limit
        "They celebrated Good Friday.",  # a name
        "May the talks succeed.",  # "May" the verb
    ],
)
def test_relative_words_that_are_no_dates(lexicon: Lexicon, text: str) -> None:
    assert whens(text, lexicon, "2023-05-15") == []


def test_relative_dates_need_a_document_date(lexicon: Lexicon) -> None:
    assert whens("The envoy arrived today.", lexicon, None) == []


# --- finding.py -------------------------------------------------------------------------------


def test_overlapping_hits_keep_the_earliest_longest(lexicon: Lexicon) -> None:
    dates = find_dates("The forum ran on June 4-5, 2021.", lexicon, None)
    assert [(d.when, d.kind) for d in dates] == [("2021-06-04/2021-06-05", "month_day_range")]


def test_a_duration_counts_from_its_start_day(lexicon: Lexicon) -> None:
    text = "The envoy begins a three-day visit on Monday."
    anchor = PartialDate(2023, 5, 12)  # a Friday
    whens_ = [d.when for d in find_dates(text, lexicon, anchor, tense="future")]
    assert "2023-05-15/2023-05-17" in whens_


def test_an_undated_anniversary_is_the_document_year(lexicon: Lexicon) -> None:
    dates = find_dates("The visit marks the 60th anniversary of ties.", lexicon, PartialDate(2023))
    assert [(d.when, d.kind) for d in dates] == [("2023", "anniversary")]


def test_a_paragraph_year_dates_a_later_bare_month(lexicon: Lexicon) -> None:
    body = "In April 2019 the envoys met in Lima. The trip to Quito followed in November."
    doc = Document(id="t", title="", path="t.txt", text=body, sha256="", date="2023-05-15")
    paragraphs = segment(body)
    dates = sentence_dates(doc, paragraphs, lexicon)
    assert [[d.when for d in dates[s.index]] for s in paragraphs[0].sentences] == [
        ["2019-04"],
        ["2019-11"],
    ]


# --- triggers.py: skipping a scan never changes what is found ----------------------------------


def test_a_template_is_looked_for_by_the_words_apart_from_its_number() -> None:
    assert template_words("{n} years ago") == {"years", "ago"}
    assert template_words("the next {n} years") == {"the", "next", "years"}
    assert template_words("{n}th year") == {"year"}  # "5th" is one word: not "th"


def test_a_sentence_without_the_words_is_not_scanned(lexicon: Lexicon) -> None:
    trig = date_triggers(lexicon)
    assert not trig.may_match("season", sentence_words("The envoy met the minister."))
    assert trig.may_match("season", sentence_words("The envoy will return in the SUMMER."))
    assert trig.may_match("season", None)  # unknown words: always scan


_PIECES = [
    "today", "Today", "the day after tomorrow", "next week", "last month", "this year",
    "currently", "in the summer", "next spring", "four years ago", "in the next five years",
    "a three-day visit", "on Monday", "Friday", "in May", "June 4-5", "2021", "the 60th "
    "anniversary", "will", "was", "met", "agreed to hold", "ahead of", "began", "ſummer",
    "İn", "Wednesday’s", "the", "envoy", ",", ".", "and", "from",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_trigger_words_never_change_the_dates_found(lexicon: Lexicon, pieces: list[str]) -> None:
    text = " ".join(pieces)
    anchor = PartialDate(2023, 5, 15)
    words = sentence_words(text)
    tense = sentence_tense(text, lexicon)
    assert sentence_tense(text, lexicon, words) == tense
    every_pattern = _find_dates(text, lexicon, anchor, tense, None, None)
    assert _find_dates(text, lexicon, anchor, tense, None, words) == every_pattern


@pytest.mark.parametrize(
    "text",
    [
        "The talks of 2019, held on 4 May and 5-6 May 2021, led to a visit on May 7-8, 2022.",
        "Between 2020-2022 Ruritania met Osterlich in March 2023 and on 12 and 13 June.",
        "In the run-up to the summit, held from June 4 to June 6, officials met on 3 May.",
        "Mayor Ito (x,2024-05-01, #2023, ab12 May) met on 1,500 days, May 3 and 7 May 2021.",
    ],
)
def test_date_patterns_read_from_their_first_month_or_digit(lexicon: Lexicon, text: str) -> None:
    """A pattern that opens with a month name (or a digit, or a year) finds, read from the
    first one in the sentence, what it finds read from the start: the finder skips what
    stands before."""
    w = date_words(lexicon)
    month, digit, year = w.any_month.search(text), _first_digit(text), _YEAR_START_RE.search(text)
    assert month is not None and digit >= 0
    led = {
        **dict.fromkeys(MONTH_LED, month.start()),
        **dict.fromkeys(DIGIT_LED, digit),
        **dict.fromkeys(YEAR_LED if year else (), year.start() if year else 0),
    }
    patterns = dict(w.patterns)
    assert set(led) <= set(patterns)
    found = 0
    for kind, start in led.items():
        spans = [m.span() for m in patterns[kind].finditer(text)]
        assert spans == [m.span() for m in patterns[kind].finditer(text, start)], kind
        # and tried only where a month name or digit starts a word, they find the same
        scan = _month_start_re(lexicon) if kind in MONTH_LED else _DIGIT_START_RE
        scan = _YEAR_START_RE if kind in YEAR_LED else scan
        places = _places(scan, text, start)
        assert places is not None
        assert spans == [m.span() for m in _matches_at(patterns[kind], text, places)], kind
        found += len(spans)
    assert found >= 6
