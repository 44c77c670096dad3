"""Tense: which way an undated weekday or month points.

A date without a year ("on Wednesday", "in May") lies before or after the document date
depending on the tense around it. The clause it stands in decides first ("on Wednesday ...
will be joined" looks forward), then the nearest tense marker before it (else after it), then
the whole sentence. A past form right after "be" or a determiner is a participle, not a past
verb: "must be submitted by Friday" and "the planned summit" say nothing about the past. A cue
infinitive ("agreed to hold talks in May") looks forward unless a past verb follows it, and a
deadline word ("by Friday") looks forward. The marker words come from config/cues.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from bot.extract.date_words import DateWords, date_words
from bot.extract.dates.partial_date import PartialDate
from bot.extract.dates.triggers import date_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.linear import word_before
from bot.extract.tense_marks import ClauseBounds, NearestMarker, clause_bounds

_PAST_VERB_RE = re.compile(r"(?<![\w-])[a-z]{3,}(?<!e)ed\b")
#: Before a past form, words that make it a participle, not a past verb ("must be submitted",
#: "the planned summit"); "has been agreed" stays past.
_BE_BEFORE_RE = re.compile(r"\b(?:be|being)\s+$", re.IGNORECASE)
_PARTICIPLE_BEFORE_RE = re.compile(
    r"\b(?:be|being|the|a|an|its|their|this|these|our|his|her|newly)\s+$", re.IGNORECASE
)


def sentence_tense(text: str, lexicon: Lexicon, words: frozenset[str] | None = None) -> str | None:
    """ "future", "past" or None: enough to resolve a weekday or a month without a year.

    `words` (bot.extract.triggers.sentence_words of `text`) lets a marker list the sentence
    holds no word of go unscanned: "He will go." is "future", "He went home." "past"."""
    w = date_words(lexicon)
    if date_triggers(lexicon).search("future", w.future_re, text, words):
        return "future"
    if _has_past_marker(w, text, words, lexicon):
        return "past"
    return None


def _has_past_marker(
    w: DateWords, text: str, words: frozenset[str] | None, lexicon: Lexicon
) -> bool:
    """Whether _past_markers finds any marker: the same rules, stopping at the first one
    ("He signed it and left." needs only "signed")."""
    if date_triggers(lexicon).may_match("past", words) and any(
        not _BE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        for m in w.past_re.finditer(text)
    ):
        return True
    return any(
        not _PARTICIPLE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        for m in _PAST_VERB_RE.finditer(text)
    )


def _past_markers(
    w: DateWords,
    text: str,
    start: int = 0,
    *,
    words: frozenset[str] | None = None,
    lexicon: Lexicon | None = None,
) -> list[re.Match[str]]:
    """Past markers in `text` from `start`, without participles: "to be held", "must be
    submitted", "ahead of the planned summit" say nothing about the past. With `words` and
    `lexicon`, the marker list is scanned only if the text holds one of its words."""
    scan = lexicon is None or date_triggers(lexicon).may_match("past", words)
    out = [
        m
        for m in (w.past_re.finditer(text, start) if scan else ())
        if not _BE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    out += [
        m
        for m in _PAST_VERB_RE.finditer(text, start)
        if not _PARTICIPLE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    return sorted(out, key=lambda m: m.start())


def previous_word(text: str, pos: int) -> str:
    """The last word before `pos`, lower-cased, past punctuation: "in (2024" gives "in"."""
    word = word_before(text, pos)
    return word.casefold() if word is not None else ""


def modifier_before(text: str, start: int, w: DateWords) -> str | None:
    """ "past" after "last" ("last May"), "future" after "next" ("next Friday"), else None."""
    word = previous_word(text, start)
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
class DateContext:
    """One sentence as its dates are resolved: the document date (`anchor`), the sentence's
    tense, the year its paragraph named last ("In April 2022 ... in November" is 2022), and
    the clause tenses worked out so far. The sentence's tense may be given as a function,
    asked on first use: most dates ("in 2023", "on Friday, which will ...") are resolved
    without it."""

    text: str
    anchor: PartialDate | None
    tense: str | Callable[[], str | None] | None  # the whole sentence's
    context_year: int | None
    words: DateWords
    # Worked out on first use, once per sentence:
    bounds: ClauseBounds | None = None
    clause_tenses: dict[tuple[int, int], str | None] = field(default_factory=dict)
    nearest: NearestMarker | None = None

    def tense_of(self, pos: int) -> Callable[[], str | None]:
        """tense_at(pos), to be asked later or not at all (absolute.month_year)."""
        return partial(self.tense_at, pos)

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
        if previous_word(self.text, pos) in self.words.deadline_prepositions:
            return "future"  # "must be submitted by Friday"
        if callable(self.tense):
            self.tense = self.tense()
        tense = self.tense
        if tense is None:
            return None
        if self.nearest is None:
            markers = [
                (m.start(), m.end(), "future")
                for pattern in (self.words.future_re, self.words.forward_re)
                for m in pattern.finditer(self.text)
            ]
            markers += [(m.start(), m.end(), "past") for m in _past_markers(self.words, self.text)]
            self.nearest = NearestMarker(markers)
        return self.nearest.at(pos) or tense
