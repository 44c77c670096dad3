"""Finding a sentence's dates: every date pattern runs once over the sentence, and where hits
overlap the earliest, longest one wins, so "June 4-5" is one range, not a day and a number.

A sentence without a year (19xx, 20xx) skips the patterns that need one, one without a month
name those that need a month, and one with neither the patterns that need a day in digits.
Whether a month name may stand is told first from the sentence's words: one without "may",
"june" or another month form lower-cased is not scanned for one, and one without a year
whose words hold neither a month form nor a word some pattern needs ("tomorrow", "week")
is told apart by one set test (_word_gates). A duration ("three days of talks", "a three-day trip") dates the days
from where the sentence says it starts ("from Monday", or "began"). A sentence with no date
that marks an anniversary is dated to the document's year. `sentence_dates` runs this over a
whole document, carrying the year a paragraph named last into its later bare months.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache, partial

from bot.extract.date_words import (
    ANCHORED_KINDS,
    DIGIT_KINDS,
    DIGIT_LED,
    MONTH_KINDS,
    MONTH_LED,
    YEAR_KINDS,
    YEAR_LED,
    date_words,
)
from bot.extract.dates import absolute, relative
from bot.extract.dates.absolute import number_value
from bot.extract.dates.partial_date import DateMention, PartialDate
from bot.extract.dates.tense import DateContext, sentence_tense
from bot.extract.dates.triggers import date_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.linear import spaces_before
from bot.extract.text import Paragraph
from bot.extract.triggers import sentence_words
from bot.models import Document

Resolver = Callable[[re.Match[str], DateContext], DateMention | None]
_RESOLVERS: dict[str, Resolver] = {**absolute.RESOLVERS, **relative.RESOLVERS}
#: An ASCII digit: every pattern of DIGIT_KINDS needs one (a day or a year is written in
#: them); looked for only in a sentence with a month name, as the others need a year.
_ASCII_DIGIT_RE = re.compile(r"[0-9]")
#: Where a year-led pattern (`\b(?P<y>(?:19|20)\d{2})`) may start: "19" or "20" and two
#: more digits, with no word character before them ("in 2024", not "x2024" or "12024").
#: The literal is read first and the look-behind after it, so `re` skips to it in C.
_YEAR_START_RE = re.compile(r"(?:19|20)(?<!\w\d\d)\d\d")
_START = re.Match.start
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _first_digit(text: str) -> int:
    """Where the first ASCII digit of `text` stands, or -1: "on May 3" gives 7. One scan for
    a class of ten characters costs half the instructions of ten `str.find` calls and the
    list of their answers (most sentences hold no digit: the calls' overhead is the cost)."""
    m = _ASCII_DIGIT_RE.search(text)
    return m.start() if m else -1


def _from_before(text: str, pos: int) -> bool:
    """Whether "from" and spaces stand right before `pos` ("from Monday")."""
    spaces = spaces_before(text, pos)
    return spaces < pos and bool(_FROM_BEFORE_RE.match(text, max(0, spaces - 4), pos))


def _duration_start(c: DateContext, found: list[DateMention]) -> PartialDate | None:
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


def _duration(m: re.Match[str], c: DateContext, start: PartialDate | None) -> DateMention | None:
    """ "began three days of talks", "a three-day trip ... from Monday": the start day and the
    days after it."""
    n = number_value(m["n"], c.words.numbers)
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
    direction for weekdays and months without a year where the date's own clause has none;
    `context_year` is the last year the paragraph named ("In April 2022 ... followed in
    November" is November 2022). `find_dates("on Friday", lexicon, PartialDate(2023, 5, 15),
    tense="future")` finds Friday 2023-05-19.
    """
    return _find_dates(text, lexicon, anchor, tense, context_year, sentence_words(text))


def _find_dates(
    text: str,
    lexicon: Lexicon,
    anchor: PartialDate | None,
    tense: str | Callable[[], str | None] | None,
    context_year: int | None,
    words: frozenset[str] | None,
) -> list[DateMention]:
    """find_dates, given the sentence's words (bot.extract.triggers.sentence_words): a
    pattern that needs a digit, a month name or a word the sentence lacks is not run. A
    `tense` given as a function is asked only when a date needs it (DateContext.tense_at):
    most sentences ("The talks were frank.") hold no date, and most dates ("in 2023", "on
    May 3, 2024") need no tense."""
    dated = anchor is not None
    # "19" or "20" are looked for first: `in` finds them several times faster than a regex
    year = _YEAR_START_RE.search(text) if "19" in text or "20" in text else None
    if year is None and words is not None:
        gate = _word_gates(lexicon)[dated]
        if gate is not None and gate.isdisjoint(words):
            return []  # no month form, no word a pattern needs: most sentences
    w = date_words(lexicon)
    trig = date_triggers(lexicon)
    maybe_month = words is None or w.month_words is None or not w.month_words.isdisjoint(words)
    month = w.any_month.search(text) if maybe_month else None
    # the patterns that need words alone ("next week", "three days", "the 60th anniversary")
    wordy = (w.wordy_kinds, w.word_kinds) if dated else (w.undated_word_kinds,) * 2
    if year is None and month is None and words is not None and not trig.may_any(wordy[0], words):
        return []  # no pattern can match: most sentences ("The talks were frank.")
    possible = None if words is None else trig.possible(words)  # what trig.may_match reads
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    if year or month or possible is None or not possible.isdisjoint(wordy[1]):
        # some pattern may match: with no year and no month name, only the patterns that
        # need words alone can, and the sentence holds the words of none
        starts = (
            year.start() if year else -1,
            # only the patterns that need a month name read a digit other than a year's
            _first_digit(text) if month else -1,
            month.start() if month else -1,
        )
        hits = _pattern_hits(text, lexicon, starts, possible, dated)
    out: list[DateMention] = []
    if hits:  # most sentences hold none: no context to make, nothing to resolve
        out = _resolved(hits, DateContext(text, anchor, tense, context_year, w))
    if not out and anchor is not None:
        m = trig.search("anniversary", w.anniversary_re, text, words)
        if m:  # "an official visit marking the 60th anniversary of relations"
            year = str(anchor.year)
            out.append(DateMention(m.start(), m.end(), year, True, kind="anniversary"))
    if len(out) > 1:
        out.sort(key=lambda d: d.start)
    return out


@lru_cache(maxsize=8)
def _word_gates(lexicon: Lexicon) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """For a document without a date and one with: every word a sentence without a year
    needs for some date ("may", "june", "tomorrow", "week", "anniversary"), the month
    forms and the keys of the wordy patterns' requirements (Triggers.may_any's), so one set
    test tells most sentences apart. None where some pattern needs no word or a month form
    is no plain word (each is then asked on its own)."""
    w, trig = date_words(lexicon), date_triggers(lexicon)

    def gate(kinds: frozenset[str]) -> frozenset[str] | None:
        needs = [trig.needs.get(kind, ()) for kind in kinds]
        if w.month_words is None or any(not requirements for requirements in needs):
            return None
        return w.month_words | {key for r in needs for need in r for key in need.keys}

    return gate(w.undated_word_kinds), gate(w.wordy_kinds)


def _pattern_hits(
    text: str,
    lexicon: Lexicon,
    firsts: tuple[int, int, int],
    possible: frozenset[str] | None,
    dated: bool,
) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every match of the date patterns worth running on `text` (_runnable), as (start,
    negated end, kind, match): `firsts` is where its first year, ASCII digit and month name
    stand (-1: none, and the digit is not looked for without a month name), `possible` the
    patterns its words allow (date_triggers), `dated` whether the document has a date."""
    skip = _SKIPS[firsts[0] >= 0, firsts[1] >= 0, firsts[2] >= 0, dated]
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    led: dict[int, list[int] | None] = {}  # where the led patterns may start, read once
    for kind, pattern, lead in _runnable(lexicon, skip, possible):
        starts = None
        if lead >= 0:
            starts = led.get(lead)
            if starts is None and lead not in led:
                scan = (_YEAR_START_RE, _DIGIT_START_RE, _month_start_re(lexicon))[lead]
                starts = led[lead] = _places(scan, text, firsts[lead])
        found = pattern.finditer(text) if starts is None else _matches_at(pattern, text, starts)
        for m in found:
            hits.append((m.start(), -m.end(), kind, m))
    return hits


#: The patterns a sentence skips, by whether it holds a year, an ASCII digit (looked for
#: only with a month name) and a month name, and whether its document has a date.
_SKIPS = {
    (year, digit, month, dated): (frozenset() if year else YEAR_KINDS)
    | (frozenset() if digit else DIGIT_KINDS - YEAR_KINDS)
    | (frozenset() if month else MONTH_KINDS)
    | (frozenset() if dated else ANCHORED_KINDS)
    for year in (False, True)
    for digit in (False, True)
    for month in (False, True)
    for dated in (False, True)
}
#: What a pattern opens with, as the place of its first one in _pattern_hits' `firsts`.
_YEAR, _DIGIT, _MONTH = 0, 1, 2
_LEADS = {
    **dict.fromkeys(YEAR_LED, _YEAR),
    **dict.fromkeys(DIGIT_LED, _DIGIT),
    **dict.fromkeys(MONTH_LED, _MONTH),
}

#: Where a day-led pattern may start: an ASCII digit with no word character before it.
#: Each such pattern opens with `\b` and one (some ask more of the character before), so its
#: matches start at some of these places. The digit is read first and the look-behind after
#: it, so `re` skips to the digits in C.
_DIGIT_START_RE = re.compile(r"[0-9](?<!\w[0-9])")


@lru_cache(maxsize=8)
def _month_start_re(lexicon: Lexicon) -> re.Pattern[str] | None:
    """Where a month-led pattern (`\\b(?P<mon>...)`) may start: the first character of a month
    form with no word character before it ("May" in "on May 3", not in "Mayor"). None when a
    form is empty or opens with a character that is not a word character, where `\\b` reads
    otherwise."""
    forms = date_words(lexicon).month_number
    firsts = {f[:1] for f in forms}
    if not firsts or not all(re.fullmatch(r"\w", c) for c in firsts):
        return None
    chars = "".join(sorted(re.escape(c) for c in firsts))
    return re.compile(rf"[{chars}](?<!\w[{chars}])")


def _places(scan: re.Pattern[str] | None, text: str, pos: int) -> list[int] | None:
    """The starts of `scan`'s matches in `text` from `pos` (None without a scan)."""
    return None if scan is None else list(map(_START, scan.finditer(text, pos)))


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose matches start only at `starts` (in order)
    and are never empty: at each start from the end of the last match, the match there.
    "3 May and 4 May" with starts 0, 10 gives both, the second tried after the first ends."""
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for q in starts:
        if q < end:
            continue
        m = match(text, q)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _resolved(
    hits: list[tuple[int, int, str, re.Match[str]]], ctx: DateContext
) -> list[DateMention]:
    """The pattern hits resolved to dates, left to right: where hits overlap, the earliest
    and longest wins; durations are dated from where the sentence says they start."""
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
    return out


@lru_cache(maxsize=1024)
def _runnable(
    lexicon: Lexicon, skip: frozenset[str], possible: frozenset[str] | None
) -> tuple[tuple[str, re.Pattern[str], int], ...]:
    """The date patterns worth running on a sentence, each with what it opens with (_YEAR,
    _DIGIT, _MONTH, or -1: anything): those `skip` (no year, no month name) leaves and whose
    words the sentence holds (`possible`, None: every pattern). Sentences share a few such
    sets ("talks were held" runs the same ones as "talks went well"), so each set is worked
    out once: a few hundred sets (one per skip and `possible`) cover real news."""
    w, trig = date_words(lexicon), date_triggers(lexicon)
    return tuple(
        (kind, pattern, _LEADS.get(kind, -1))
        for kind, pattern in w.patterns
        if kind not in skip and (kind not in trig.needs or possible is None or kind in possible)
    )


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
    """Every sentence's dates, carrying each paragraph's last named year forward."""
    anchor = PartialDate.parse(document.date)
    out: dict[int, list[DateMention]] = {}
    for paragraph in paragraphs:
        context_year: int | None = None
        for sentence in paragraph.sentences:
            text = sentence.text
            words = sentence_words(text)
            tense = partial(sentence_tense, text, lexicon, words)
            found = _find_dates(text, lexicon, anchor, tense, context_year, words)
            out[sentence.index] = found
            for mention in found:
                if not mention.relative and mention.year is not None:
                    context_year = mention.year
    return out
