"""month_year asks the sentence's tense only where the tense decides the year, and gives
the year the tense given up front gives.

The reference below is the rule with the tense worked out first, on invented dates.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.dates.absolute import month_year
from bot.extract.dates.partial_date import PartialDate


def _told_first(
    month: int,
    day: int | None,
    anchor: PartialDate | None,
    tense: str | None,
    context_year: int | None,
    modifier: str | None,
) -> int | None:
    """The year of a month (and day), the tense known before anything else is read."""
    if context_year is not None and tense != "future" and modifier is None:
        return context_year
    if anchor is None:
        return None
    if anchor.month is None:
        return anchor.year
    key = (month, day or 0) if day and anchor.day else (month,)
    akey = (anchor.month, anchor.day or 0) if day and anchor.day else (anchor.month,)
    if modifier == "past":
        return anchor.year if key < akey else anchor.year - 1
    if modifier == "future":
        return anchor.year if key > akey else anchor.year + 1
    if tense == "future":
        return anchor.year if key >= akey else anchor.year + 1
    if tense == "past":
        return anchor.year if key <= akey else anchor.year - 1
    return anchor.year


_MONTHS = st.integers(1, 12)
_DAYS = st.none() | st.integers(1, 28)
_ANCHORS = st.none() | st.builds(PartialDate, st.just(2024), st.none() | _MONTHS, _DAYS)
_TENSES = st.sampled_from([None, "future", "past"])


@settings(max_examples=600, deadline=None)
@given(
    _MONTHS,
    _DAYS,
    _ANCHORS,
    _TENSES,
    st.sampled_from([None, 2022]),
    st.sampled_from([None, "past", "future"]),
)
def test_tense_asked_when_needed_gives_the_year_told_first(
    month: int,
    day: int | None,
    anchor: PartialDate | None,
    tense: str | None,
    context_year: int | None,
    modifier: str | None,
) -> None:
    """The year is the one the tense known up front gives; the tense is asked once at most,
    and not at all without a document date or paragraph year."""
    asked: list[str | None] = []

    def told() -> str | None:
        asked.append(tense)
        return tense

    year = month_year(month, day, anchor, told, context_year, modifier)
    assert year == _told_first(month, day, anchor, tense, context_year, modifier)
    assert len(asked) <= 1
    if anchor is None and context_year is None:
        assert not asked


def test_tense_not_asked_for_the_documents_own_month() -> None:
    """ "in May" in a story of May 2024 is 2024 whichever way the sentence points."""

    def told() -> str | None:
        raise AssertionError("asked")

    assert month_year(5, None, PartialDate(2024, 5, 15), told, None, None) == 2024
    assert month_year(5, 15, PartialDate(2024, 5, 15), told, None, None) == 2024
    assert month_year(5, None, None, told, None, None) is None
