"""Dates written out in full or in part: "June 27, 2023", "June 4-5", "October 12 and 13",
"April 2022", "2008-2009", "since 1990".

A day or a month without a year takes it from the paragraph (the year it named last) or from
the document date and the tense around it: "on June 4" in a story of 2023-05-20 told in the
future is 2023-06-04, told in the past 2022-06-04. A bare four-digit number is a year only
where a date can stand ("in 2024", "the 2022 Communique"), not "2000 troops"; after "beyond"
it is open-ended and no date, after "by" or "until" a limit that dates no later month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from bot.extract.dates.partial_date import DateMention, PartialDate
from bot.extract.dates.tense import DateContext, previous_word
from bot.extract.linear import only_space_after, spaces_before


def _year_like_date(
    text: str, start: int, end: int, prepositions: frozenset[str], weak: frozenset[str]
) -> bool:
    """A bare four-digit number is a year only where a date can stand: "in 2024", "since
    1990", "the 2022 Communique", "2024," at a clause end; not "2000 troops"."""
    last = spaces_before(text, start)
    if last == 0 or text[last - 1] in "(–—-":
        return True
    word = previous_word(text, start)
    count = bool(_COUNT_AFTER_RE.match(text, end))  # "2000 troops", not "2018 treaty"
    if word in prepositions and not (count and word in weak):
        return True
    if word.endswith(("'s", "’s")):
        return True
    return (
        only_space_after(text, end)
        or text[end] in ',.;:)!?”"'
        or bool(_CAPITAL_AFTER_RE.match(text, end))
    )


_COUNT_AFTER_RE = re.compile(r"\s+[a-z]\w*[^s]s\b")
_CAPITAL_AFTER_RE = re.compile(r"\s+[A-Z]")
_PERIOD_PREFIX_RE = re.compile(r"\b(?:post|pre)-$", re.IGNORECASE)


def number_value(value: str, numbers: Mapping[str, int]) -> int | None:
    """A count in digits or words: "3" and "three" give 3 (config `numbers`)."""
    value = value.casefold()
    if value.isdigit():
        return int(value)
    return numbers.get(value)


def day_number(value: str) -> int:
    """The day of "27th" or "4": 27, 4."""
    return int(re.match(r"\d+", value).group(0))  # type: ignore[union-attr]


def month_year(
    month: int,
    day: int | None,
    anchor: PartialDate | None,
    tense: Callable[[], str | None],
    context_year: int | None,
    modifier: str | None,
) -> int | None:
    """The year of a month (and day) written without one: the paragraph's year unless the
    date looks ahead, else the document's, moved by `modifier` ("last", "next") or by the
    tense around the date, which `tense` gives. It is asked only where it decides the year:
    a document without a date, or a date in the document's own month ("in May" in a story
    of May 2023 is 2023 either way), asks nothing of the sentence."""
    told = None  # asked once at most: after the first question it is "future"
    if context_year is not None and modifier is None:
        told = tense()
        if told != "future":
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
    if key == akey:
        return anchor.year
    told = told or tense()
    if told == "future":
        return anchor.year if key >= akey else anchor.year + 1
    if told == "past":
        return anchor.year if key <= akey else anchor.year - 1
    return anchor.year


def _absolute_day(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "2023-06-27", "June 27, 2023", "27 June": one day; without a year it takes one from
    the paragraph or the document date ("June 27" in a story of May 2023 is 2023-06-27)."""
    w = c.words
    month = int(m["m"]) if "m" in m.re.groupindex else w.month_number[m["mon"].rstrip(".")]
    day = int(m["d"]) if "d" in m.re.groupindex else day_number(m["d1"])
    if m["y"]:
        year: int | None = int(m["y"])
    else:
        year = month_year(month, day, c.anchor, c.tense_of(m.start()), c.context_year, None)
    if year is None:
        return None
    try:
        date = PartialDate(year, month, day)
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), date.iso(), relative=not m["y"], year=year)


def _day_range(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "June 4-5", "October 12 and 13", "May 30 - June 2": the first and last day; a range
    that ends before it starts is no range."""
    month = c.words.month_number[m["mon"].rstrip(".")]
    second = m.groupdict().get("mon2")
    month2 = c.words.month_number[second.rstrip(".")] if second else month
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    if m["y"]:
        year: int | None = int(m["y"])
    else:
        year = month_year(month, d1, c.anchor, c.tense_of(m.start()), c.context_year, None)
    if year is None:
        return None
    try:
        a, b = dt.date(year, month, d1), dt.date(year, month2, d2)
    except ValueError:
        return None
    if b <= a:
        return None
    return DateMention(
        m.start(), m.end(), f"{a.isoformat()}/{b.isoformat()}", not m["y"], year=year
    )


def _month_and_year(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "April 2022": the month, which also dates the paragraph's later bare months."""
    month = c.words.month_number[m["mon"].rstrip(".")]
    year = int(m["y"])
    return DateMention(m.start(), m.end(), PartialDate(year, month).iso(), False, year=year)


def _year_range(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "2008-2009", "2021-22": a span of at most fifty years, so "1990-2100" is no range."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 50:
        return None
    return DateMention(m.start(), m.end(), f"{y1}/{y2}", False, year=y1)


def _year(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "in 2024", "since 1990": a year where a date can stand; "beyond 2023" and "the
    post-2020 framework" are periods, not dates."""
    w = c.words
    before = previous_word(c.text, m.start())
    if before in w.open_words:
        return None  # "beyond 2023": open-ended, no date
    if _PERIOD_PREFIX_RE.search(c.text, max(0, m.start() - 5), m.start()):
        return None  # "the post-2020 framework": a period, not a date
    noun = bool(w.year_noun_re.match(c.text, m.end()))
    if not noun and not _year_like_date(c.text, m.start(), m.end(), w.prepositions, w.weak):
        return None
    # "by 2030", "until 2025": a limit, not the year the story is in (no context year).
    year = None if before in w.limit_words else int(m["y"])
    return DateMention(m.start(), m.end(), m["y"], False, year=year)


#: The date patterns (bot.extract.date_words) this module resolves, by kind.
RESOLVERS = {
    "iso": _absolute_day,
    "month_day": _absolute_day,
    "day_month": _absolute_day,
    "month_day_range": _day_range,
    "month_day_pair": _day_range,
    "day_month_pair": _day_range,
    "month_day_span": _day_range,
    "day_month_range": _day_range,
    "month_year": _month_and_year,
    "year_range": _year_range,
    "year": _year,
}
