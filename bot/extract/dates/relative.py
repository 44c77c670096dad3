"""Dates told relative to the document date: "today", "on Wednesday", "in May", "last month",
"next week", "this fall", "four years ago", "the coming year", "in the next five years".

Each needs the document date and is dropped when it is unknown. A weekday or a month points
the way its tense says (see tense.py): "on Wednesday ... will be joined" in a story of Monday
2023-05-15 is 2023-05-17. "the October summit" is the nearest October either way. A season
needs a preposition ("in the summer"; not "the fall of the wall") and a tense ("prices fall in
winter" is a habit). Spans over `max_span_years` ("for the next 60 years") are visions, not
dates. A bare weekday after a capitalised word is a date ("met in Vienna Sunday") unless the
words make a name ("Good Friday", "the Vienna Sunday Times").
"""

from __future__ import annotations

import datetime as dt
import re

from bot.extract.date_words import alternation
from bot.extract.dates.absolute import month_year, number_value
from bot.extract.dates.partial_date import DateMention, PartialDate
from bot.extract.dates.tense import DateContext, modifier_before, previous_word
from bot.extract.linear import tokens_start, word_and_space_before

_CAPITALISED_AFTER_RE = re.compile(r"\s+([A-Z]\w*)")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|who|that)\s+(?:[a-z]+\s+)?$")
_SEASON_BEFORE_RE = re.compile(r"\b([a-z]+)\s+(?:the\s+)?$", re.I)


def _weekday(
    weekday: int, anchor: PartialDate, tense: str | None, modifier: str | None
) -> PartialDate:
    """The day a weekday names from a document dated Monday 2023-05-15: "next Wednesday" and
    a future "Wednesday" give 2023-05-17, a past one 2023-05-10; with no tense the nearer
    (up to three days ahead, else back)."""
    if anchor.day is None:
        return anchor
    today = dt.date(anchor.year, anchor.month or 1, anchor.day).weekday()
    ahead = (weekday - today) % 7
    if modifier == "future":
        delta = ahead or 7
    elif modifier == "past":
        delta = -(((today - weekday - 1) % 7) + 1)
    elif tense == "future":
        delta = ahead
    elif tense == "past":
        delta = -((today - weekday) % 7)
    else:
        delta = ahead if ahead <= 3 else ahead - 7
    return anchor.plus_days(delta)


def _season(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "this fall", "next spring", "in autumn 2024", "in the summer": a range of months."""
    first, last = c.words.seasons[m["season"].casefold()]
    if m["y"]:
        year = int(m["y"])
    elif c.anchor is None:
        return None
    else:
        month = c.anchor.month or 1
        tense = c.tense_at(m.start())
        year = c.anchor.year
        ended = first <= last < month  # this year's season is over
        if m["mod"]:
            offset = c.words.season_modifiers[re.sub(r"\s+", " ", m["mod"]).casefold()]
            # "next" is the first such season to start after the document, "last" the latest
            # to have ended before it.
            if offset > 0 and first <= month:
                year += 1
            elif offset < 0 and not ended:
                year -= 1
        else:
            lo = tokens_start(c.text, m.start(), 2)  # the pattern spans two words at most
            before = _SEASON_BEFORE_RE.search(c.text, lo, m.start())
            word = before.group(1).casefold() if before else ""
            if word not in c.words.season_prepositions:
                return None  # "the fall of the wall", "prices fall"
            if word in c.words.deadline_prepositions:
                tense = "future"  # "should be passed by the summer": a deadline ahead
            if tense is None:
                return None  # "prices fall in winter": a habit, not a date
            if tense == "future" and ended:
                year += 1
            elif tense == "past" and first > month:
                year -= 1
    end_year = year + 1 if last < first else year
    when = f"{PartialDate(year, first).iso()}/{PartialDate(end_year, last).iso()}"
    return DateMention(m.start(), m.end(), when, not m["y"], year=year if m["y"] else None)


def _past_point(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "four years ago": the year that many years before the document's."""
    n = _span_length(m, c)
    if c.anchor is None or not n:
        return None
    return DateMention(m.start(), m.end(), str(c.anchor.year - n), True)


def _bare_month(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "in May", "the October summit", "last March": a month after a preposition (so "May" the
    verb is no date), its year from the paragraph, the tense or "last"/"next"."""
    word = previous_word(c.text, m.start())
    hyphen = c.text.endswith("-", 0, m.start())
    if word not in c.words.prepositions and not hyphen:
        return None  # "May" the verb, or a name
    modifier = modifier_before(c.text, m.start(), c.words)
    month = c.words.month_number[m["mon"]]
    if (
        word == "the"
        and modifier is None
        and c.anchor
        and c.anchor.month
        and c.context_year is None
    ):
        # "the October summit": a meeting named by its month a few months away either way is
        # the nearest such month, whatever the tense ("began preparations for ...").
        index = c.anchor.year * 12 + c.anchor.month - 1
        near = min((abs((c.anchor.year + k) * 12 + month - 1 - index), k) for k in (-1, 0, 1))
        if near[0] <= 3:
            year: int | None = c.anchor.year + near[1]
            return DateMention(m.start(), m.end(), PartialDate(year, month).iso(), True, year=year)
    year = month_year(month, None, c.anchor, c.tense_of(m.start()), c.context_year, modifier)
    if year is None:
        return None
    return DateMention(m.start(), m.end(), PartialDate(year, month).iso(), True, year=year)


def _weekday_mention(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "on Wednesday", "met in Vienna Sunday": the day of that name nearest the document
    date in the direction of the tense; "Good Friday" is a name, not a date."""
    if c.anchor is None:
        return None
    previous = word_and_space_before(c.text, m.start())
    following = _CAPITALISED_AFTER_RE.match(c.text, m.end())
    if previous and previous[:1].isupper():
        # "Good Friday", "Good Friday Agreement" name a day; "in Vienna Sunday" is a date
        word = previous.casefold()
        if word in c.words.weekday_names or (following and word not in c.words.prepositions):
            return None
    modifier = modifier_before(c.text, m.start(), c.words)
    date = _weekday(c.words.weekdays[m["wd"]], c.anchor, c.tense_at(m.start()), modifier)
    return DateMention(m.start(), m.end(), date.iso(), True)


def _relative_day(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "today", "yesterday", "tomorrow": the document date moved by days."""
    if c.anchor is None:
        return None
    offset = c.words.relative_days[m["p"].casefold()]
    date = c.anchor.plus_days(offset) if c.anchor.day is not None else c.anchor
    return DateMention(m.start(), m.end(), date.iso(), True)


def _relative_week(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "next week" is the range from its Monday to its Sunday."""
    if c.anchor is None:
        return None
    if c.anchor.day is None:
        return DateMention(m.start(), m.end(), c.anchor.iso(), True)
    offset = c.words.relative_weeks[m["p"].casefold()]
    weekday = dt.date(c.anchor.year, c.anchor.month or 1, c.anchor.day).weekday()
    monday = c.anchor.plus_days(7 * offset - weekday)
    return DateMention(m.start(), m.end(), f"{monday.iso()}/{monday.plus_days(6).iso()}", True)


def _relative_month(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "last month", "next month": the document's month moved by one."""
    if c.anchor is None:
        return None
    offset = c.words.relative_months[m["p"].casefold()]
    if c.anchor.month is None:
        return DateMention(m.start(), m.end(), str(c.anchor.year), True)
    return DateMention(m.start(), m.end(), c.anchor.plus_months(offset).iso(), True)


def _relative_year(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "this year", "next year", "the coming year": the document's year moved; "currently"
    in a relative clause ("firms which are currently trading") is background."""
    if c.anchor is None:
        return None
    lo = tokens_start(c.text, m.start(), 2)  # the pattern spans two words at most
    if m["p"].casefold() == "currently" and _RELATIVE_BEFORE_RE.search(c.text, lo, m.start()):
        return None  # "firms which are currently trading there": background, not a date
    year = c.anchor.year + c.words.relative_years[m["p"].casefold()]
    return DateMention(m.start(), m.end(), str(year), True, year=year)


def _span_length(m: re.Match[str], c: DateContext) -> int | None:
    """The count in a span phrase: 5 for "in the next five years" or "5 years ago"."""
    found = re.search(rf"\d+|{alternation(c.words.numbers)}", m["p"], re.IGNORECASE)
    return number_value(found.group(0), c.words.numbers) if found else None


def _future_span(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "in the next five years": from the document's year to five years on."""
    n = _span_length(m, c)
    if c.anchor is None or not n or n > c.words.max_span_years:
        return None  # "a partnership for the next 60 years": a vision, not an event
    y = c.anchor.year
    return DateMention(m.start(), m.end(), f"{y}/{y + n}", True)


def _past_span(m: re.Match[str], c: DateContext) -> DateMention | None:
    """ "over the past three years": from three years back to the document's year."""
    n = _span_length(m, c)
    if c.anchor is None or not n:
        return None
    y = c.anchor.year
    return DateMention(m.start(), m.end(), f"{y - n}/{y}", True)


#: The date patterns (bot.extract.date_words) this module resolves, by kind.
RESOLVERS = {
    "season": _season,
    "past_point": _past_point,
    "month": _bare_month,
    "weekday": _weekday_mention,
    "rel_day": _relative_day,
    "rel_week": _relative_week,
    "rel_month": _relative_month,
    "rel_year": _relative_year,
    "future_span": _future_span,
    "past_span": _past_span,
}
