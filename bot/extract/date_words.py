"""The date vocabulary of a lexicon, compiled once: month and weekday names, number words,
relative phrases, tense markers and one regex per date pattern.

Every word comes from config/cues.yaml; `date_words(lexicon)` builds the patterns the date
finder runs (for example "month_day" matches "June 27, 2023" and "June 27") and is cached per
lexicon, so each document only runs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.extract.lexicon import Lexicon
from bot.extract.phrase_scan import PhraseScan, phrase_scan

_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _phrases(values: Iterable[Any]) -> list[str]:
    return sorted({str(v) for v in values}, key=len, reverse=True)


#: The patterns that need a digit (a day or a year) and those that need a month name: a
#: sentence without digits or without month names skips them, as they could find nothing.
DIGIT_KINDS = frozenset(
    "iso month_day_range month_day_span month_day_pair day_month_pair day_month_range "
    "month_day day_month month_year year_range year".split()
)
MONTH_KINDS = frozenset(
    "month_day_range month_day_span month_day_pair day_month_pair day_month_range "
    "month_day day_month month_year month".split()
)
#: The patterns of DIGIT_KINDS that need a year written in digits ("2024", "2023-05-03",
#: "2008-2009"), 19xx or 20xx: a sentence without one skips them. The others need a month
#: name too, so a sentence with digits but no year and no month name ("$2.5 billion, 15
#: percent") runs none of DIGIT_KINDS.
YEAR_KINDS = frozenset("iso year_range year".split())
#: The patterns every match of which opens with a month's name (`\b(?P<mon>...)`), those
#: opening with a day written in digits, and those opening with a year: a sentence is
#: scanned for them from the first month name, digit or year it holds ("Talks began in Oslo
#: on May 3" from "May"). Their look-behinds still read the characters before that place,
#: so the matches are the same.
MONTH_LED = frozenset("month_day_range month_day_pair month_day month_year month".split())
DIGIT_LED = frozenset("day_month_pair day_month_range day_month".split())
YEAR_LED = YEAR_KINDS
#: The patterns whose dates are told only from the document date ("on Friday", "next week",
#: "four years ago"): their resolvers give nothing without one, so a document without a date
#: skips them. A bare month ("in May") may take the paragraph's year, a season its own
#: ("in the summer of 2024"), and a duration blocks the dates it overlaps: they all run.
ANCHORED_KINDS = frozenset(
    "weekday rel_day rel_week rel_month rel_year future_span past_span past_point".split()
)


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in _phrases(words)) or r"(?!x)x"


def _mapping(lexicon: Lexicon, key: str) -> dict[str, int]:
    value = lexicon.words.get(key) or {}
    if not isinstance(value, Mapping):
        return {}
    return {str(k).casefold(): int(v) for k, v in value.items()}


@dataclass(frozen=True)
class DateWords:
    month_number: dict[str, int]  # every form as written in the config ("Jan", "January")
    weekdays: dict[str, int]  # Monday = 0
    numbers: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    prepositions: frozenset[str]
    weak: frozenset[str]
    past_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    weekday_names: frozenset[str]  # "Good" in "Good Friday": a name, not a date
    future_re: PhraseScan
    forward_re: PhraseScan
    past_re: PhraseScan
    start_re: PhraseScan
    limit_words: frozenset[str]
    open_words: frozenset[str]
    year_noun_re: re.Pattern[str]
    seasons: dict[str, tuple[int, int]]
    season_modifiers: dict[str, int]
    anniversary_re: re.Pattern[str]
    season_prepositions: frozenset[str]
    deadline_prepositions: frozenset[str]
    max_span_years: int
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    #: Any month name or abbreviation as written, anywhere: a sentence without one cannot
    #: match a pattern that needs a month ("June 27", "4-5 June", "April 2022").
    any_month: re.Pattern[str]
    #: Every month form lower-cased ("may", "sept"), or None when one is not a plain ASCII
    #: word: a month name stands as a whole word in every match of a pattern that needs one,
    #: so a sentence whose words (bot.extract.triggers.sentence_words) hold none of these
    #: matches none of them, and any_month need not scan it.
    month_words: frozenset[str] | None
    #: The patterns that need neither a digit nor a month name, only words ("next week",
    #: "three days"): a sentence with neither runs only these, and only if it holds their
    #: words (dates/triggers.py).
    word_kinds: frozenset[str]
    #: word_kinds and the anniversary ("the 60th anniversary"): all a sentence with neither
    #: a digit nor a month name can be dated by.
    wordy_kinds: frozenset[str]
    #: word_kinds without ANCHORED_KINDS: all a sentence of a document without a date (which
    #: dates no anniversary either) can be dated by when it has neither a year nor a month name.
    undated_word_kinds: frozenset[str]


def _ci(words: Iterable[str]) -> PhraseScan:
    """Whole phrases, ignoring case; a phrase may start with an apostrophe ("’ll" in "we’ll").
    Run by first letter (phrase_scan.py): dozens of phrases tried at every place are slow."""
    return phrase_scan(_phrases(words), r"(?:(?<![\w'’])|(?=['’]))")


def _plain_words(forms: Iterable[str]) -> frozenset[str] | None:
    """The forms lower-cased, or None if one is not a plain ASCII word: "Jan", "May" give
    jan, may; "Sept." gives None (a sentence's words hold no "sept.")."""
    forms = list(forms)
    if not all(re.fullmatch(r"[A-Za-z0-9_]+", f) for f in forms):
        return None
    return frozenset(f.lower() for f in forms)


def _seasons(lexicon: Lexicon) -> dict[str, tuple[int, int]]:
    value = lexicon.words.get("seasons") or {}
    if not isinstance(value, Mapping):
        return {}
    return {str(k).casefold(): (int(v[0]), int(v[1])) for k, v in value.items()}


def _set(lexicon: Lexicon, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.word_list(key))


@lru_cache(maxsize=8)
def date_words(lexicon: Lexicon) -> DateWords:
    month_number: dict[str, int] = {}
    full: list[str] = []
    for i, forms in enumerate(lexicon.words.get("months") or (), start=1):
        forms = [str(f) for f in (forms if isinstance(forms, list) else [forms])]
        if forms:
            full.append(forms[0])
        for f in forms:
            month_number[f] = i
    weekdays = {str(w): i for i, w in enumerate(lexicon.word_list("weekdays"))}
    numbers = _mapping(lexicon, "number_words")
    num = rf"(?:\d{{1,2}}|{alternation(numbers)})"
    abbreviations = [f for f in month_number if f not in full]
    mon = (
        "(?:"
        + "|".join(
            [re.escape(f) for f in _phrases(full)]
            + [rf"{re.escape(a)}\.?" for a in _phrases(abbreviations)]
        )
        + r")(?![\w])"
    )
    full_mon = rf"(?:{alternation(full)})(?![\w])"
    wd = rf"(?:{alternation(weekdays)})(?![\w])"

    def spans(key: str) -> str:
        out = []
        for template in _phrases(lexicon.word_list(key)):
            parts = [re.escape(p) for p in template.split("{n}")]
            out.append(num.join(parts))
        return "|".join(out) or r"(?!x)x"

    r_days = _mapping(lexicon, "relative_days")
    r_weeks = _mapping(lexicon, "relative_weeks")
    r_months = _mapping(lexicon, "relative_months")
    r_years = _mapping(lexicon, "relative_years")
    seasons = _seasons(lexicon)
    season_mods = _mapping(lexicon, "season_modifiers")
    season = rf"(?i:{alternation(seasons)})(?![\w])"
    patterns = (
        ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
        (
            "month_day_range",
            re.compile(
                rf"\b(?P<mon>{mon})\s+(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})(?!\d)"
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "month_day_span",
            re.compile(
                rf"\b(?:from|between)\s+(?P<mon>{mon})\s+(?P<d1>{_DAY})\s+"
                rf"(?:to|through|until|and)\s+(?:(?P<mon2>{mon})\s+)?(?P<d2>{_DAY})(?!\d)"
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "month_day_pair",
            re.compile(
                rf"\b(?P<mon>{mon})\s+(?P<d1>{_DAY})\s+(?:and|to|through|until)\s+(?P<d2>{_DAY})"
                rf"(?![\d:])(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "day_month_pair",
            re.compile(
                rf"(?<![\d,.])\b(?P<d1>{_DAY})\s+(?:and|to|through|until)\s+(?P<d2>{_DAY})\s+"
                rf"(?P<mon>{mon})(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "season",
            re.compile(
                rf"(?:\b(?P<mod>(?i:{alternation(season_mods)}))\s+)?\b(?P<season>{season})"
                rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "day_month_range",
            re.compile(
                rf"\b(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})\s+(?P<mon>{mon})"
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "month_day",
            re.compile(
                rf"\b(?P<mon>{mon})\s+(?P<d1>{_DAY})(?![\d,]\d)(?!\s*[-–]\s*\d)"
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        (
            "day_month",
            re.compile(
                rf"(?<![\d,.])\b(?P<d1>{_DAY})\s+(?P<mon>{mon})(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
            ),
        ),
        ("month_year", re.compile(rf"\b(?P<mon>{mon}),?\s+(?P<y>{_YEAR})(?!\d)")),
        (
            "year_range",
            re.compile(
                rf"(?<![\d,.$€£])\b(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>(?:19|20)?\d{{2}})(?![\d-])"
            ),
        ),
        ("year", re.compile(rf"(?<![\d,.$€£#])\b(?P<y>{_YEAR})\b(?![,.]\d|\s*%|-\d)")),
        ("month", re.compile(rf"\b(?P<mon>{full_mon})")),
        ("weekday", re.compile(rf"\b(?P<wd>{wd})")),
        ("rel_day", re.compile(rf"(?i)\b(?P<p>{alternation(r_days)})\b")),
        ("rel_week", re.compile(rf"(?i)\b(?P<p>{alternation(r_weeks)})\b")),
        ("rel_month", re.compile(rf"(?i)\b(?P<p>{alternation(r_months)})\b")),
        ("rel_year", re.compile(rf"(?i)\b(?P<p>{alternation(r_years)})\b")),
        ("future_span", re.compile(rf"(?i)\b(?P<p>{spans('future_year_spans')})\b")),
        ("past_span", re.compile(rf"(?i)\b(?P<p>{spans('past_year_spans')})\b")),
        ("past_point", re.compile(rf"(?i)\b(?P<p>{spans('past_year_points')})\b")),
        ("duration", re.compile(rf"(?i)\b(?P<n>{num})[- ]days?\b")),
    )
    word_kinds = frozenset(kind for kind, _ in patterns) - DIGIT_KINDS - MONTH_KINDS
    return DateWords(
        month_number=month_number,
        weekdays=weekdays,
        numbers=numbers,
        relative_days=r_days,
        relative_weeks=r_weeks,
        relative_months=r_months,
        relative_years=r_years,
        prepositions=frozenset(w.casefold() for w in lexicon.word_list("date_prepositions")),
        weak=frozenset(w.casefold() for w in lexicon.word_list("weak_date_prepositions")),
        past_modifiers=frozenset(w.casefold() for w in lexicon.word_list("past_modifiers")),
        weekday_names=_set(lexicon, "weekday_name_words"),
        future_modifiers=frozenset(w.casefold() for w in lexicon.word_list("future_modifiers")),
        future_re=_ci(lexicon.word_list("future_markers")),
        forward_re=_ci(lexicon.word_list("forward_markers")),
        past_re=_ci(lexicon.word_list("past_markers")),
        start_re=_ci(lexicon.word_list("start_words")),
        limit_words=frozenset(w.casefold() for w in lexicon.word_list("limit_year_words")),
        open_words=frozenset(w.casefold() for w in lexicon.word_list("open_year_words")),
        year_noun_re=re.compile(
            rf"\s+(?:[a-z-]+\s+){{0,3}}?(?:{alternation(lexicon.word_list('year_nouns'))})\b"
        ),
        seasons=seasons,
        season_modifiers=season_mods,
        anniversary_re=re.compile(
            rf"(?i)\b(?:\d{{1,3}}(?:st|nd|rd|th)|{alternation(lexicon.word_list('ordinal_words'))})"
            rf"\s+(?:{alternation(lexicon.word_list('anniversary_words'))})\b"
        ),
        season_prepositions=_set(lexicon, "season_prepositions"),
        deadline_prepositions=_set(lexicon, "deadline_prepositions"),
        max_span_years=_mapping(lexicon, "span_limits").get("max_years", 10),
        patterns=patterns,
        any_month=re.compile("|".join(re.escape(f) for f in _phrases(month_number)) or r"(?!x)x"),
        month_words=_plain_words(month_number),
        word_kinds=word_kinds,
        wordy_kinds=word_kinds | {"anniversary"},
        undated_word_kinds=word_kinds - ANCHORED_KINDS,
    )
