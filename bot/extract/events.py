"""Events: dated statements, one per date a sentence names, resolved against the document date.

`what` is the clause around the date with the date words taken out ("Quinn arrived at the
harbour for port talks ..."), so the timeline reads "2022-12-05: Quinn arrived ...".
A sentence with two dates gives two events, each with its own clause ("..., which will conclude
tomorrow" keeps its antecedent: "the defense ministers' meeting, which will conclude at ...").

Repetition is folded: the story's own day is one event however often the text says "today" or
"on Saturday" for it (the first statement names it), and so is any day the text only names by
"tomorrow" or a weekday; a subheading whose section restates its date is left to the section's
sentence when that says more; "this week" around a day the sentence names, and the first day
of a span ("a three-day trip from Monday"), fold into the more exact date. `what` leaves out
times of day, datelines and brackets left without their pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.dates import DateMention, PartialDate, sentence_dates
from bot.extract.event_clauses import SentenceClauses, strip_dates
from bot.extract.lexicon import Lexicon
from bot.extract.text import Paragraph, Sentence
from bot.models import Document, Event, Source


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    mention: DateMention
    heading: bool
    section: int  # index of the heading (or -1) that the sentence falls under


_POSSESSIVE_RE = re.compile(r"['’]s\b")
#: Date kinds that name a day relative to the story ("tomorrow", "on Tuesday"): told twice,
#: they are one day of the story.
_DEICTIC = frozenset({"rel_day", "weekday"})


def _coarser(mention: DateMention, mentions: list[DateMention]) -> bool:
    """A date that another date of the sentence states more exactly: a year or month ("four
    years ago in June 2018" is June 2018), "this week" around a day the sentence names ("this
    week's meeting ... on Wednesday (24 May)"), or the first day of a span ("a three-day trip
    from Monday" is the span)."""
    for o in mentions:
        if o is mention or o.when == mention.when:
            continue
        if o.when.startswith(mention.when + "-"):
            return True
        if mention.kind == "rel_week" and "/" not in o.when and _within(o.when, mention.when):
            return True
        if o.duration and o.when.split("/")[0] == mention.when:
            return True
    return False


def _within(day: str, span: str) -> bool:
    """Whether a day (YYYY-MM-DD) lies in a span of days (A/B)."""
    first, _, last = span.partition("/")
    return len(day) == 10 and len(first) == 10 and first <= day <= (last or first)


def _balance_quotes(text: str) -> str:
    """Drop quotation marks left without their pair by cutting a clause out of a sentence."""
    text = _drop_unpaired(text, "“", "”")
    if text.count('"') % 2:
        first = text.index('"')
        closing = first + 1 == len(text) or not text[first + 1].isalnum()
        cut = first if closing else text.rindex('"')
        text = text[:cut] + text[cut + 1 :]
    return text


#: A time of day with what introduces or qualifies it: "commencing at 12:25 p.m.", "7:25 p.m.
#: Japan time", "(local time)".
_TIME_RE = re.compile(
    r"(?:\b(?:commencing|starting|beginning)\s+)?(?:\bat\s+)?"
    r"(?:\b(?:around|about|approximately|roughly)\s+)?\b\d{1,2}[:.]\d{2}\b"
    r"(?:\s*(?:[ap]\.\s?m\.?|[ap]m\b))?(?:\s+(?:local|[A-Z][a-z]+)\s+time\b)?"
    r"|\blocal\s+time\b",
    re.IGNORECASE,
)
#: What every _TIME_RE match holds: a digit, a colon or dot, a digit ("12:25"), or "local". A
#: description without either has no time to take out, and is not scanned with _TIME_RE,
#: whose optional openings make `re` try it at every place.
_TIME_MARK_RE = re.compile(r"\d[:.]\d|local", re.IGNORECASE)
#: A dateline left at the start once its date is out: "SEOUL, (Yonhap) --", "WASHINGTON:".
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*,?\s*(?:\([^)]*\)\s*)?(?:--|[—–])\s*"
    r"|[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*:\s+)"
)


#: What _brackets and _tidy take out or close up: brackets left empty, a space before a mark
#: (spaces are single by then), a mark before another.
_EMPTY_BRACKETS_RE = re.compile(r"\s*\([\s,;:.]*\)")
_SPACE_BEFORE_MARK_RE = re.compile(r" (?=[,.;:!?])")
_DOUBLE_MARK_RE = re.compile(r"([,;:])\s*(?=[,;:.])")
#: Every character `\s` matches (str.isspace), and the marks and quotation marks a cut leaves
#: at either end of a description: all of them are stripped from both ends.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
_SPACES += "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_LOOSE_ENDS = _SPACES + ",;:—–“”\"'("


def _brackets(text: str) -> str:
    """Drop brackets left empty (or holding only punctuation) and brackets without a pair."""
    if "(" in text:  # most descriptions hold no bracket: no scan
        text = _EMPTY_BRACKETS_RE.sub("", text)
    return _drop_unpaired(text, "(", ")")


def _drop_unpaired(text: str, opener: str, closer: str) -> str:
    """Remove closers that open nothing and the last openers that are never closed."""
    if opener not in text and closer not in text:
        return text  # nothing to pair: most descriptions ("Leaders met")
    out = []
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer:
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    if depth:
        # the text's last `depth` openers go (the docstring's "last openers"), in one pass
        cuts = set([i for i, ch in enumerate(out) if ch == opener][-depth:])
        out = [ch for i, ch in enumerate(out) if i not in cuts]
    return "".join(out)


def _tidy(text: str) -> str:
    """A description read from a clause: no time of day, dateline or empty brackets, each run
    of spaces one space, no space before a mark nor a mark before another, no mark left at
    either end, the first letter a capital: " at 12:25 p.m. (), leaders met ," gives "Leaders
    met". The spaces are joined by str.split and the ends stripped by str.strip, in C."""
    if _TIME_MARK_RE.search(text):
        text = _TIME_RE.sub("", text)
    text = _DATELINE_RE.sub("", text.strip())
    text = _brackets(text)
    text = " ".join(text.split())  # split() reads whitespace as `\s` does
    text = _SPACE_BEFORE_MARK_RE.sub("", text)
    text = _DOUBLE_MARK_RE.sub("", text)
    text = text.strip(_LOOSE_ENDS).rstrip(".!?").strip(' ,;:“”"')
    return text[:1].upper() + text[1:] if text else text


@lru_cache(maxsize=8)
def _prepositions(lexicon: Lexicon) -> frozenset[str]:
    """The little words that only introduce a date ("on", "in", "earlier")."""
    prepositions = frozenset(w.casefold() for w in lexicon.word_list("date_prepositions"))
    return prepositions | {"earlier", "later", "currently"}


class _Describer:
    """The descriptions of one sentence's dates: each date's clause without date words.

    Dates of the same clause share its description, which is worked out once: "Leaders met on
    Monday and Tuesday" describes both days as "Leaders met".
    """

    def __init__(self, text: str, mentions: list[DateMention], lexicon: Lexicon) -> None:
        self.text = text
        self.prepositions = _prepositions(lexicon)
        self.clauses = SentenceClauses(text) if len({m.when for m in mentions}) > 1 else None
        self.mentions = sorted(mentions, key=lambda d: d.start)
        self.starts = [d.start for d in self.mentions]
        self.done: dict[tuple[int, int], str] = {}
        self.whole: str | None = None

    def what(self, mention: DateMention) -> str:
        text = self.text
        s, e = self.clauses.clause(mention.start) if self.clauses else (0, len(text))
        if (s, e) in self.done:
            return self.done[(s, e)]
        # Take out every date inside the clause (the last first, so offsets stay right).
        dates = []
        for k in range(bisect_left(self.starts, s), len(self.mentions)):
            other = self.mentions[k]
            if other.start >= e:
                break
            if other.end <= e and not other.duration and other.kind != "anniversary":
                dates.append((other.start, other.end))
        clause = strip_dates(text, s, e, dates, self.prepositions)
        what = _balance_quotes(_tidy(clause))
        if not what:
            if self.whole is None:
                self.whole = _tidy(text)
            what = self.whole
        self.done[(s, e)] = what
        return what


def describe(text: str, mention: DateMention, mentions: list[DateMention], lexicon: Lexicon) -> str:
    """A short description of what happens at `mention`: its clause without date words."""
    return _Describer(text, mentions, lexicon).what(mention)


class _Folding:
    """What the folding rules ask of one sentence's dates, worked out once for all of them."""

    def __init__(self, mentions: list[DateMention]) -> None:
        self.mentions = mentions
        self.finer: set[str] = set()  # the year of "2023-05", the month of "2023-05-01" ...
        self.span_starts: set[str] = set()  # "2023-05-01" of a three-day span from it
        self.deictic_only: dict[str, bool] = {}
        for o in mentions:
            when = o.when
            for i, ch in enumerate(when):
                if ch == "-":
                    self.finer.add(when[:i])
            if o.duration and "/" in when:
                self.span_starts.add(when.split("/")[0])
            deictic = o.kind in _DEICTIC
            self.deictic_only[when] = self.deictic_only.get(when, True) and deictic

    def coarser(self, mention: DateMention) -> bool:
        """`_coarser(mention, mentions)`, from the sets."""
        if mention.when in self.finer or mention.when in self.span_starts:
            return True
        return mention.kind == "rel_week" and _coarser(mention, self.mentions)


def extract_events(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> list[Event]:
    """One event per date a sentence names, in text order, repetitions folded."""
    dates = sentence_dates(document, paragraphs, lexicon)
    candidates: list[_Candidate] = []
    folded: dict[int, _Folding] = {}  # by sentence index
    section = -1
    for paragraph in paragraphs:
        if paragraph.heading:
            section = paragraph.number
        for sentence in paragraph.sentences:
            seen: set[str] = set()
            mentions = dates.get(sentence.index) or []
            if mentions:
                folded[sentence.index] = _Folding(mentions)
            for mention in mentions:
                if mention.when in seen or folded[sentence.index].coarser(mention):
                    continue
                seen.add(mention.when)
                candidates.append(_Candidate(sentence, mention, paragraph.heading, section))
    words: dict[int, int] = {}  # each candidate sentence's number of words

    def length(sentence: Sentence) -> int:
        if sentence.index not in words:
            words[sentence.index] = len(sentence.text.split())
        return words[sentence.index]

    body_dates: dict[tuple[int, str], int] = {}  # the longest body sentence of each date
    for c in candidates:
        if not c.heading:
            key = (c.section, c.mention.when)
            body_dates[key] = max(body_dates.get(key, 0), length(c.sentence))
    anchor = PartialDate.parse(document.date)
    story_day = anchor.iso() if anchor and anchor.day else None
    events: list[Event] = []
    day_seen = False
    emitted: set[str] = set()
    deictic: set[str] = set()  # days named by "tomorrow" or a weekday
    describers: dict[int, _Describer] = {}
    for c in candidates:
        key = (c.sentence.paragraph, c.mention.when)
        if c.heading and body_dates.get(key, 0) > length(c.sentence):
            continue  # the section's sentence says more
        if c.mention.when == story_day:
            if day_seen:
                continue
            day_seen = True
        if c.mention.when in emitted and _POSSESSIVE_RE.match(c.sentence.text, c.mention.end):
            continue  # "Monday’s meeting came during ...": the event told before
        index = c.sentence.index
        if index not in describers:
            describers[index] = _Describer(c.sentence.text, dates[index], lexicon)
        if folded[index].deictic_only[c.mention.when]:
            if c.mention.when in deictic:
                continue  # "Tomorrow, leaders will meet ... Tomorrow, they will decide ..."
            deictic.add(c.mention.when)
        emitted.add(c.mention.when)
        what = describers[index].what(c.mention)
        source = Source(document.id, c.sentence.paragraph, c.sentence.text)
        events.append(Event(when=c.mention.when, what=what, source=source))
    return events
