"""Dates in a sentence, resolved against the document date to `2024`, `2023-05`, `2023-03-18`.

Absolute forms ("June 27, 2023", "April 2022", "June 4-5", "October 12 and 13", "2008-2009",
"since 1990", "autumn 2024") need no anchor; relative ones ("today", "on Wednesday", "in May",
"last month", "at the end of the month", "this fall", "four years ago", "the coming year", "in
the next five years") are resolved against the document date and dropped when it is unknown.
Direction comes from the date's clause, else the nearest tense marker before it: "on Wednesday
... will be joined" looks forward from a Monday, "visited Manila in February" looks back,
"cooperation towards the summit in May" looks forward. A year after "beyond", "until" or "by"
is a limit, not the year the story is in. Scheduling words ("slated for", "set for") and a cue
infinitive ("agreed to hold ... in October") look ahead unless a past verb follows them; a
deadline ("by Monday", "by the summer") looks ahead; a participle ("must be submitted") is no
past tense; "the October summit" is the nearest October. Spans over ten years ("for the next 60
years") are visions, not dates; an undated anniversary is the document's year. A bare weekday
after a capitalised word is a date ("met in Vienna Sunday") unless the words make a name ("Good
Friday", "the Vienna Sunday Times"). Every word
(months, weekdays, seasons, relative phrases, number words) comes from config/cues.yaml.

Each pattern is one regex pass over the sentence; overlapping hits keep the earliest, longest
one, so a sentence is scanned in linear time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from bot.extract.date_words import DIGIT_KINDS, MONTH_KINDS, DateWords, alternation, date_words
from bot.extract.lexicon import Lexicon
from bot.extract.linear import (
    only_space_after,
    spaces_before,
    tokens_start,
    word_and_space_before,
    word_before,
)
from bot.extract.tense_marks import ClauseBounds, NearestMarker, clause_bounds
from bot.extract.text import Paragraph
from bot.models import Document


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """`2023`, `2023-05` or `2023-05-03` (a document's date); anything else is None."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", (text or "").strip())
        if not m:
            return None
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month or None, day or None)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def key(self) -> tuple[int, ...]:
        return tuple(v for v in (self.year, self.month, self.day) if v is not None)

    def plus_days(self, days: int) -> PartialDate:
        """Only for dates known to the day."""
        d = dt.date(self.year, self.month or 1, self.day or 1) + dt.timedelta(days=days)
        return PartialDate(d.year, d.month, d.day)

    def plus_months(self, months: int) -> PartialDate:
        index = self.year * 12 + (self.month or 1) - 1 + months
        return PartialDate(index // 12, index % 12 + 1)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence: where it is (offsets into the sentence) and what it means.

    `relative` dates needed the anchor (or the paragraph's year); `year` is the year an
    absolute date names, which dates later bare months of its paragraph.
    """

    start: int
    end: int
    when: str
    relative: bool
    year: int | None = None
    duration: bool = False  # "three days of talks": the words describe the event too
    kind: str = ""  # the pattern that found it: "weekday", "rel_day", "rel_week", "year" ...


def first_date(when: str) -> PartialDate | None:
    """The start of a `when` value (`2022-12-05/2022-12-07` starts on 2022-12-05)."""
    return PartialDate.parse(when.split("/")[0])


def is_after(when: str, anchor: PartialDate | None) -> bool:
    """Whether `when` lies after the anchor at the precision both share."""
    start = first_date(when)
    if start is None or anchor is None:
        return False
    a, b = start.key(), anchor.key()
    n = min(len(a), len(b))
    return a[:n] > b[:n]


# --- tense ----------------------------------------------------------------------------------

_PAST_VERB_RE = re.compile(r"(?<![\w-])[a-z]{3,}(?<!e)ed\b")
#: Before a past form, words that make it a participle, not a past verb ("must be submitted",
#: "the planned summit"); "has been agreed" stays past.
_BE_BEFORE_RE = re.compile(r"\b(?:be|being)\s+$", re.IGNORECASE)
_PARTICIPLE_BEFORE_RE = re.compile(
    r"\b(?:be|being|the|a|an|its|their|this|these|our|his|her|newly)\s+$", re.IGNORECASE
)


def sentence_tense(text: str, lexicon: Lexicon) -> str | None:
    """ "future", "past" or None: enough to resolve a weekday or a month without a year."""
    w = date_words(lexicon)
    if w.future_re.search(text):
        return "future"
    if _past_markers(w, text):
        return "past"
    return None


def _past_markers(w: DateWords, text: str, start: int = 0) -> list[re.Match[str]]:
    """Past markers in `text` from `start`, without participles: "to be held", "must be
    submitted", "ahead of the planned summit" say nothing about the past."""
    out = [
        m
        for m in w.past_re.finditer(text, start)
        if not _BE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    out += [
        m
        for m in _PAST_VERB_RE.finditer(text, start)
        if not _PARTICIPLE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    return sorted(out, key=lambda m: m.start())


# --- resolution -----------------------------------------------------------------------------


def _word_before(text: str, pos: int) -> str:
    """The last word before `pos`, lower-cased, past punctuation: "in (2024" gives "in"."""
    word = word_before(text, pos)
    return word.casefold() if word is not None else ""


def _year_like_date(
    text: str, start: int, end: int, prepositions: frozenset[str], weak: frozenset[str]
) -> bool:
    """A bare four-digit number is a year only where a date can stand: "in 2024", "since
    1990", "the 2022 Communique", "2024," at a clause end; not "2000 troops"."""
    last = spaces_before(text, start)
    if last == 0 or text[last - 1] in "(–—-":
        return True
    word = _word_before(text, start)
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
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CAPITALISED_AFTER_RE = re.compile(r"\s+([A-Z]\w*)")


def _number(value: str, numbers: Mapping[str, int]) -> int | None:
    value = value.casefold()
    if value.isdigit():
        return int(value)
    return numbers.get(value)


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group(0))  # type: ignore[union-attr]


def _month_year(
    month: int,
    day: int | None,
    anchor: PartialDate | None,
    tense: str | None,
    context_year: int | None,
    modifier: str | None,
) -> int | None:
    """The year of a month (and day) written without one."""
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


def _weekday(
    weekday: int, anchor: PartialDate, tense: str | None, modifier: str | None
) -> PartialDate:
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


def _modifier(text: str, start: int, w: DateWords) -> str | None:
    word = _word_before(text, start)
    if word in w.past_modifiers:
        return "past"
    if word in w.future_modifiers:
        return "future"
    return None


def clause_tense(text: str, pos: int, lexicon: Lexicon) -> str | None:
    """The tense of the clause around `pos` alone: "future", "past" or None."""
    start, end = clause_bounds(text, pos)
    return sentence_tense(text[start:end], lexicon)


@dataclass
class _Context:
    text: str
    anchor: PartialDate | None
    tense: str | None  # the whole sentence's
    context_year: int | None
    words: DateWords
    # Worked out on first use, once per sentence:
    bounds: ClauseBounds | None = None
    clause_tenses: dict[tuple[int, int], str | None] = field(default_factory=dict)
    nearest: NearestMarker | None = None

    def tense_at(self, pos: int) -> str | None:
        """The tense of the clause around `pos`, else of the nearest marker before it (else
        after it): in "X will build ..., the governments announced on Tuesday" the Tuesday is
        past; in "X traveled to India, June 4-5, ... ahead of a state visit" June is past."""
        if self.bounds is None:
            self.bounds = ClauseBounds(self.text)
        start, end = self.bounds.around(pos)
        clause = self.text[start:pos]
        forward = list(self.words.forward_re.finditer(clause))
        if forward and not _past_markers(self.words, clause, forward[-1].end()):
            # "confirmed cooperation towards the summit in May", "agreed to hold talks in
            # May"; not "agreed to act on a statement the leaders made in July".
            return "future"
        if (start, end) not in self.clause_tenses:
            whole = self.text[start:end]
            found = "future" if self.words.future_re.search(whole) else None
            self.clause_tenses[(start, end)] = found or (
                "past" if _past_markers(self.words, whole) else None
            )
        if self.clause_tenses[(start, end)]:
            return self.clause_tenses[(start, end)]
        if _word_before(self.text, pos) in self.words.deadline_prepositions:
            return "future"  # "must be submitted by Friday"
        if self.tense is None:
            return None
        if self.nearest is None:
            markers = [
                (m.start(), m.end(), "future")
                for pattern in (self.words.future_re, self.words.forward_re)
                for m in pattern.finditer(self.text)
            ]
            markers += [(m.start(), m.end(), "past") for m in _past_markers(self.words, self.text)]
            self.nearest = NearestMarker(markers)
        return self.nearest.at(pos) or self.tense


Resolver = Callable[[re.Match[str], _Context], DateMention | None]


def _absolute_day(m: re.Match[str], c: _Context) -> DateMention | None:
    w = c.words
    month = int(m["m"]) if "m" in m.re.groupindex else w.month_number[m["mon"].rstrip(".")]
    day = int(m["d"]) if "d" in m.re.groupindex else _day(m["d1"])
    if m["y"]:
        year: int | None = int(m["y"])
    else:
        year = _month_year(month, day, c.anchor, c.tense_at(m.start()), c.context_year, None)
    if year is None:
        return None
    try:
        date = PartialDate(year, month, day)
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), date.iso(), relative=not m["y"], year=year)


def _day_range(m: re.Match[str], c: _Context) -> DateMention | None:
    month = c.words.month_number[m["mon"].rstrip(".")]
    second = m.groupdict().get("mon2")
    month2 = c.words.month_number[second.rstrip(".")] if second else month
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if m["y"]:
        year: int | None = int(m["y"])
    else:
        year = _month_year(month, d1, c.anchor, c.tense_at(m.start()), c.context_year, None)
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


def _month_and_year(m: re.Match[str], c: _Context) -> DateMention | None:
    month = c.words.month_number[m["mon"].rstrip(".")]
    year = int(m["y"])
    return DateMention(m.start(), m.end(), PartialDate(year, month).iso(), False, year=year)


def _year_range(m: re.Match[str], c: _Context) -> DateMention | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 50:
        return None
    return DateMention(m.start(), m.end(), f"{y1}/{y2}", False, year=y1)


def _year(m: re.Match[str], c: _Context) -> DateMention | None:
    w = c.words
    before = _word_before(c.text, m.start())
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


def _season(m: re.Match[str], c: _Context) -> DateMention | None:
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


def _past_point(m: re.Match[str], c: _Context) -> DateMention | None:
    """ "four years ago": one year back from the document's."""
    n = _span_length(m, c)
    if c.anchor is None or not n:
        return None
    return DateMention(m.start(), m.end(), str(c.anchor.year - n), True)


def _bare_month(m: re.Match[str], c: _Context) -> DateMention | None:
    word = _word_before(c.text, m.start())
    hyphen = c.text.endswith("-", 0, m.start())
    if word not in c.words.prepositions and not hyphen:
        return None  # "May" the verb, or a name
    modifier = _modifier(c.text, m.start(), c.words)
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
    year = _month_year(month, None, c.anchor, c.tense_at(m.start()), c.context_year, modifier)
    if year is None:
        return None
    return DateMention(m.start(), m.end(), PartialDate(year, month).iso(), True, year=year)


def _weekday_mention(m: re.Match[str], c: _Context) -> DateMention | None:
    if c.anchor is None:
        return None
    previous = word_and_space_before(c.text, m.start())
    following = _CAPITALISED_AFTER_RE.match(c.text, m.end())
    if previous and previous[:1].isupper():
        # "Good Friday", "Good Friday Agreement" name a day; "in Vienna Sunday" is a date
        word = previous.casefold()
        if word in c.words.weekday_names or (following and word not in c.words.prepositions):
            return None
    modifier = _modifier(c.text, m.start(), c.words)
    date = _weekday(c.words.weekdays[m["wd"]], c.anchor, c.tense_at(m.start()), modifier)
    return DateMention(m.start(), m.end(), date.iso(), True)


def _relative_day(m: re.Match[str], c: _Context) -> DateMention | None:
    if c.anchor is None:
        return None
    offset = c.words.relative_days[m["p"].casefold()]
    date = c.anchor.plus_days(offset) if c.anchor.day is not None else c.anchor
    return DateMention(m.start(), m.end(), date.iso(), True)


def _relative_week(m: re.Match[str], c: _Context) -> DateMention | None:
    """ "next week" is the range from its Monday to its Sunday."""
    if c.anchor is None:
        return None
    if c.anchor.day is None:
        return DateMention(m.start(), m.end(), c.anchor.iso(), True)
    offset = c.words.relative_weeks[m["p"].casefold()]
    weekday = dt.date(c.anchor.year, c.anchor.month or 1, c.anchor.day).weekday()
    monday = c.anchor.plus_days(7 * offset - weekday)
    return DateMention(m.start(), m.end(), f"{monday.iso()}/{monday.plus_days(6).iso()}", True)


def _relative_month(m: re.Match[str], c: _Context) -> DateMention | None:
    if c.anchor is None:
        return None
    offset = c.words.relative_months[m["p"].casefold()]
    if c.anchor.month is None:
        return DateMention(m.start(), m.end(), str(c.anchor.year), True)
    return DateMention(m.start(), m.end(), c.anchor.plus_months(offset).iso(), True)


_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|who|that)\s+(?:[a-z]+\s+)?$")
_DIGIT_RE = re.compile(r"\d")
_SEASON_BEFORE_RE = re.compile(r"\b([a-z]+)\s+(?:the\s+)?$", re.I)


def _relative_year(m: re.Match[str], c: _Context) -> DateMention | None:
    if c.anchor is None:
        return None
    lo = tokens_start(c.text, m.start(), 2)  # the pattern spans two words at most
    if m["p"].casefold() == "currently" and _RELATIVE_BEFORE_RE.search(c.text, lo, m.start()):
        return None  # "firms which are currently trading there": background, not a date
    year = c.anchor.year + c.words.relative_years[m["p"].casefold()]
    return DateMention(m.start(), m.end(), str(year), True, year=year)


def _span_length(m: re.Match[str], c: _Context) -> int | None:
    found = re.search(rf"\d+|{alternation(c.words.numbers)}", m["p"], re.IGNORECASE)
    return _number(found.group(0), c.words.numbers) if found else None


def _future_span(m: re.Match[str], c: _Context) -> DateMention | None:
    n = _span_length(m, c)
    if c.anchor is None or not n or n > c.words.max_span_years:
        return None  # "a partnership for the next 60 years": a vision, not an event
    y = c.anchor.year
    return DateMention(m.start(), m.end(), f"{y}/{y + n}", True)


def _past_span(m: re.Match[str], c: _Context) -> DateMention | None:
    n = _span_length(m, c)
    if c.anchor is None or not n:
        return None
    y = c.anchor.year
    return DateMention(m.start(), m.end(), f"{y - n}/{y}", True)


_RESOLVERS: dict[str, Resolver] = {
    "iso": _absolute_day,
    "month_day_range": _day_range,
    "month_day_pair": _day_range,
    "day_month_pair": _day_range,
    "season": _season,
    "past_point": _past_point,
    "month_day_span": _day_range,
    "day_month_range": _day_range,
    "month_day": _absolute_day,
    "day_month": _absolute_day,
    "month_year": _month_and_year,
    "year_range": _year_range,
    "year": _year,
    "month": _bare_month,
    "weekday": _weekday_mention,
    "rel_day": _relative_day,
    "rel_week": _relative_week,
    "rel_month": _relative_month,
    "rel_year": _relative_year,
    "future_span": _future_span,
    "past_span": _past_span,
}


def _from_before(text: str, pos: int) -> bool:
    """Whether "from" and spaces stand right before `pos` ("from Monday")."""
    spaces = spaces_before(text, pos)
    return spaces < pos and bool(_FROM_BEFORE_RE.match(text, max(0, spaces - 4), pos))


def _duration_start(c: _Context, found: list[DateMention]) -> PartialDate | None:
    """The day a duration of the sentence starts: the first exact day after "from", else,
    where the sentence says it starts ("began three days of talks"), its first exact day or
    the document's."""
    days = [(d, PartialDate.parse(d.when)) for d in found if "/" not in d.when]
    exact = [(d, p) for d, p in days if p and p.day is not None]
    after_from = [p for d, p in exact if _from_before(c.text, d.start)]
    if after_from:
        return after_from[0]
    if c.words.start_re.search(c.text):
        return exact[0][1] if exact else c.anchor
    return None


def _duration(m: re.Match[str], c: _Context, start: PartialDate | None) -> DateMention | None:
    """ "began three days of talks", "a three-day trip ... from Monday": the start day and the
    days after it."""
    n = _number(m["n"], c.words.numbers)
    if not n or n < 2 or start is None or start.day is None:
        return None
    when = f"{start.iso()}/{start.plus_days(n - 1).iso()}"
    return DateMention(m.start(), m.end(), when, True, duration=True, kind="duration")


def find_dates(
    text: str,
    lexicon: Lexicon,
    anchor: PartialDate | None,
    *,
    tense: str | None = None,
    context_year: int | None = None,
) -> list[DateMention]:
    """The dates in `text`, left to right, each resolved (unresolvable ones are left out).

    `anchor` is the document date; `tense` ("future"/"past", the sentence's) picks the
    direction for weekdays and months without a year where the date's own clause has none; `context_year` is the last year the paragraph named ("In April
    2022 ... followed in November").
    """
    w = date_words(lexicon)
    ctx = _Context(text, anchor, tense, context_year, w)
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    skip = (frozenset() if _DIGIT_RE.search(text) else DIGIT_KINDS) | (
        frozenset() if w.any_month.search(text) else MONTH_KINDS
    )
    for kind, pattern in w.patterns:
        if kind in skip:
            continue
        for m in pattern.finditer(text):
            hits.append((m.start(), -m.end(), kind, m))
    hits.sort(key=lambda h: (h[0], h[1]))
    out: list[DateMention] = []
    durations: list[re.Match[str]] = []
    last_end = 0
    for start, neg_end, kind, m in hits:
        if start < last_end:
            continue
        if kind == "duration":
            durations.append(m)
            last_end = -neg_end
            continue
        mention = _RESOLVERS[kind](m, ctx)
        if mention is not None:
            out.append(replace(mention, kind=kind))
            last_end = -neg_end
    # Durations add only spans, so where they start is the same for each of them.
    duration_start = _duration_start(ctx, out) if durations else None
    for m in durations:
        mention = _duration(m, ctx, duration_start)
        if mention is not None:
            out.append(mention)
    if not out and anchor is not None:
        m = w.anniversary_re.search(text)
        if m:  # "an official visit marking the 60th anniversary of relations"
            year = str(anchor.year)
            out.append(DateMention(m.start(), m.end(), year, True, kind="anniversary"))
    out.sort(key=lambda d: d.start)
    return out


#: The last (document, paragraphs, lexicon, result) of sentence_dates: commitments and events
#: both ask for the same document's dates, so the second asks for free. Compared by identity
#: and replaced in one assignment, so threads extracting other documents never share a result.
_last_dates: tuple[Document, tuple[Paragraph, ...], Lexicon, dict[int, list[DateMention]]] | None
_last_dates = None


def sentence_dates(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> dict[int, list[DateMention]]:
    """Every sentence's dates (by Sentence.index), resolved against the document date.

    A year the paragraph already named dates a later bare month of the same paragraph ("In
    April 2022 ... The trip to Beijing followed in November" is November 2022). Callers must
    not change the result: the same one answers the next call for the same document.
    """
    global _last_dates
    last = _last_dates
    if last is not None and last[0] is document and last[1] is paragraphs and last[2] is lexicon:
        return last[3]
    out = _sentence_dates(document, paragraphs, lexicon)
    _last_dates = (document, paragraphs, lexicon, out)
    return out


def _sentence_dates(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> dict[int, list[DateMention]]:
    anchor = PartialDate.parse(document.date)
    out: dict[int, list[DateMention]] = {}
    for paragraph in paragraphs:
        context_year: int | None = None
        for sentence in paragraph.sentences:
            tense = sentence_tense(sentence.text, lexicon)
            found = find_dates(
                sentence.text, lexicon, anchor, tense=tense, context_year=context_year
            )
            out[sentence.index] = found
            for mention in found:
                if not mention.relative and mention.year is not None:
                    context_year = mention.year
    return out
