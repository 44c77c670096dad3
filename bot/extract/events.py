"""Events: dated statements, one per date a sentence names, resolved against the document date.

`what` is the clause around the date with the date words taken out ("Marles arrived at the
Pentagon for defense discussions ..."), so the timeline reads "2022-12-05: Marles arrived ...".
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
from dataclasses import dataclass

from bot.extract.dates import DateMention, PartialDate, sentence_dates
from bot.extract.lexicon import Lexicon
from bot.extract.text import Paragraph, Sentence
from bot.models import Document, Event, Source

_CLAUSE_BREAK_RE = re.compile(
    r",\s+(?=(?:which|who|where|while|whereas)\b)|,\s+and\s+(?=[a-z])|;\s+|\s+[—–]\s+"
)
_RELATIVE_RE = re.compile(r"(?:which|who|where)\b", re.IGNORECASE)
_DETERMINER_RE = re.compile(r"\b(?:the|a|an|this|its|their|our|another)\s", re.IGNORECASE)


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


def _clause(text: str, mention: DateMention, many: bool) -> tuple[int, int]:
    """The stretch of the sentence that the date belongs to (never cut inside brackets)."""
    if not many:
        return 0, len(text)
    bounds = [0]
    for m in _CLAUSE_BREAK_RE.finditer(text):
        if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue  # "(local time; June 14, 7:25 p.m. Japan time)"
        bounds.extend([m.start(), m.end()])
    bounds.append(len(text))
    pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    for k, (s, e) in enumerate(pieces):
        if s <= mention.start < e:
            # A short piece ("On Wednesday") says nothing alone: take the next one too.
            if len(text[s:e].split()) <= 3 and k + 1 < len(pieces):
                e = pieces[k + 1][1]
            if _RELATIVE_RE.match(text, s) and k > 0:
                before = text[pieces[k - 1][0] : pieces[k - 1][1]]
                det = list(_DETERMINER_RE.finditer(before))
                s = pieces[k - 1][0] + (det[-1].start() if det else 0)
            return s, e
    return 0, len(text)


def _strip_date(text: str, start: int, end: int, prepositions: frozenset[str]) -> str:
    """The text without the date and the little words that only introduce it.

    A date that qualifies the next word keeps them: "in the 2022 Communique" reads "in the
    Communique", "for the October Council" "for the Council", "ahead to this week's Summit"
    "ahead to Summit".
    """
    before = text[:start]
    after = text[end:]
    possessive = re.match(r"['’]s\b", after)
    after = after[possessive.end() :] if possessive else after  # "Today's Summit" → "Summit"
    qualifies = re.match(r"\s+[A-Za-z]", after) and (
        text[start:end][:1].isdigit() or re.search(r"\bthe\s+$", before, re.IGNORECASE)
    )
    if possessive or qualifies:
        return before + after.lstrip()
    m = re.search(r"(?:\b([\w-]+)\s+)$", before)
    while m and m.group(1).casefold() in prepositions:
        before = before[: m.start()]
        m = re.search(r"(?:\b([\w-]+)\s+)$", before)
    return before + after


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
#: A dateline left at the start once its date is out: "SEOUL, (Yonhap) --", "WASHINGTON:".
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*,?\s*(?:\([^)]*\)\s*)?(?:--|[—–])\s*"
    r"|[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*:\s+)"
)


def _brackets(text: str) -> str:
    """Drop brackets left empty (or holding only punctuation) and brackets without a pair."""
    text = re.sub(r"\s*\([\s,;:.]*\)", "", text)
    return _drop_unpaired(text, "(", ")")


def _drop_unpaired(text: str, opener: str, closer: str) -> str:
    """Remove closers that open nothing and the last openers that are never closed."""
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
    text = _TIME_RE.sub("", text)
    text = _DATELINE_RE.sub("", text.strip())
    text = _brackets(text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])\s*(?=[,;:.])", "", text)
    text = re.sub(r"^[\s,;:—–“”\"'(]+|[\s,;:—–“”\"'(]+$", "", text)
    text = text.rstrip(".!?").strip(' ,;:“”"')
    return text[:1].upper() + text[1:] if text else text


def describe(text: str, mention: DateMention, mentions: list[DateMention], lexicon: Lexicon) -> str:
    """A short description of what happens at `mention`: its clause without date words."""
    prepositions = frozenset(w.casefold() for w in lexicon.word_list("date_prepositions"))
    prepositions |= {"earlier", "later", "currently"}
    s, e = _clause(text, mention, len({m.when for m in mentions}) > 1)
    clause = text[s:e]
    # Take out every date inside the clause, the last first so offsets stay right.
    for other in sorted(mentions, key=lambda d: d.start, reverse=True):
        if (
            s <= other.start
            and other.end <= e
            and not other.duration
            and other.kind != "anniversary"
        ):
            clause = _strip_date(clause, other.start - s, other.end - s, prepositions)
    return _balance_quotes(_tidy(clause)) or _tidy(text)


def extract_events(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> list[Event]:
    """One event per date a sentence names, in text order, repetitions folded."""
    dates = sentence_dates(document, paragraphs, lexicon)
    candidates: list[_Candidate] = []
    section = -1
    for paragraph in paragraphs:
        if paragraph.heading:
            section = paragraph.number
        for sentence in paragraph.sentences:
            seen: set[str] = set()
            mentions = dates.get(sentence.index) or []
            for mention in mentions:
                if mention.when in seen or _coarser(mention, mentions):
                    continue
                seen.add(mention.when)
                candidates.append(_Candidate(sentence, mention, paragraph.heading, section))
    body_dates: dict[tuple[int, str], int] = {}  # the longest body sentence of each date
    for c in candidates:
        if not c.heading:
            key = (c.section, c.mention.when)
            body_dates[key] = max(body_dates.get(key, 0), len(c.sentence.text.split()))
    anchor = PartialDate.parse(document.date)
    story_day = anchor.iso() if anchor and anchor.day else None
    events: list[Event] = []
    day_seen = False
    emitted: set[str] = set()
    deictic: set[str] = set()  # days named by "tomorrow" or a weekday
    for c in candidates:
        key = (c.sentence.paragraph, c.mention.when)
        if c.heading and body_dates.get(key, 0) > len(c.sentence.text.split()):
            continue  # the section's sentence says more
        if c.mention.when == story_day:
            if day_seen:
                continue
            day_seen = True
        if c.mention.when in emitted and _POSSESSIVE_RE.match(c.sentence.text, c.mention.end):
            continue  # "Monday’s meeting came during ...": the event told before
        mentions = dates[c.sentence.index]
        same = [o for o in mentions if o.when == c.mention.when]
        if all(o.kind in _DEICTIC for o in same):
            if c.mention.when in deictic:
                continue  # "Tomorrow, leaders will meet ... Tomorrow, they will decide ..."
            deictic.add(c.mention.when)
        emitted.add(c.mention.when)
        what = describe(c.sentence.text, c.mention, mentions, lexicon)
        source = Source(document.id, c.sentence.paragraph, c.sentence.text)
        events.append(Event(when=c.mention.when, what=what, source=source))
    return events
