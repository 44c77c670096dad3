"""Plans told without a cue word: a headline, the purpose of a meeting, a date ahead.

A heading "<actor> to <verb>" is a plan ("Canada to open embassy"). The purpose of a meeting,
trip or call is one ("X visited Japan today to boost ties"), though "met ... to discuss" is
not. An actor dated after the document is a scheduled plan ("Paz is back in Japan in May"),
as is a present progressive with a date ahead ("X is heading to Paris tomorrow") even when
another clause looks back; a year inside a name ("the Tokyo 2020 Olympic Games") dates nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.actors import (
    Token,
    actor_words,
    index_at,
    main_subject,
    subject_before,
)
from bot.extract.commitments.context import CommitmentDoc, Cue, LazyTokens, subject_kind
from bot.extract.commitments.cue_patterns import cue_patterns
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.dates import (
    DateMention,
    is_after,
    sentence_tense,
)
from bot.extract.lexicon import Lexicon
from bot.extract.linear import word_and_space_before
from bot.extract.tense_marks import ClauseBounds
from bot.extract.text import Sentence


def headline_cue(sentence: Sentence, lazy: LazyTokens, doc: CommitmentDoc) -> Cue | None:
    """A heading in headline style: "<actor> to <verb> ..." ("Germany to send frigate")."""
    if not sentence.heading:
        return None
    toks = lazy()
    w = actor_words(doc.lexicon)
    for k, tok in enumerate(toks[1:-1], start=1):
        if tok.text == "to" and toks[k + 1].word and not toks[k + 1].capitalised:
            how, span = subject_before(toks, k, w)
            if how == "np" and subject_kind(sentence, span, doc) == "actor":
                return Cue("headline", tok.start, tok.end, span)
            return None
    return None


#: A relative pronoun a few words before a meeting verb: the act is in a relative clause.
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|who|that|whom)\s+(?:\S+\s+){0,4}$")


def purpose_cue(
    sentence: Sentence, lazy: LazyTokens, doc: CommitmentDoc, words: frozenset[str] | None
) -> Cue | None:
    """The purpose of a meeting, a trip or a call: "X visited Japan today to boost ties",
    "X and Y met to launch a dialogue", "X spoke with Y to reaffirm the alliance". The
    subject of the act must be an actor; "to discuss" or "to attend" is not a purpose, and an
    act in a relative clause has no purpose past the clause's comma."""
    cues = cue_patterns(doc.lexicon)
    text = sentence.text
    act = cue_triggers(doc.lexicon).search("meeting", cues.meeting, text, words)
    if act is None:
        return None
    goal = cues.purpose.search(text, act.end())
    if goal is None or len(text[act.end() : goal.start()].split()) > 30:
        return None
    if sentence_tense(text[act.end() : goal.start()], doc.lexicon) == "past":
        return None  # "met ... and discussed ways to advance": the purpose of another verb
    if "," in text[act.end() : goal.start()] and _RELATIVE_BEFORE_RE.search(text, 0, act.start()):
        return None  # "The meeting, which X hosted in Hawaii, marks ... as they work to enhance"
    w = actor_words(doc.lexicon)
    toks = lazy()
    how, span = subject_before(toks, index_at(toks, act.start()), w)
    if how != "np":
        span = main_subject(toks, w)
    if subject_kind(sentence, span, doc) != "actor":
        return None
    return Cue("purpose", goal.start(), goal.end(), span)


def _in_name(text: str, date: DateMention) -> bool:
    """A year inside a name ("the Tokyo 2020 Olympic Games") dates the name, not a plan."""
    before = word_and_space_before(text, date.start, "ascii")
    after = _ASCII_WORD_AFTER_RE.match(text, date.end)
    return bool(before and after and before[0].isupper() and after.group(1)[0].isupper())


_ASCII_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z]+)")


#: Auxiliaries that put the verb after them in the past ("was sending", "had agreed").
_PAST_AUXILIARIES = frozenset(("was", "were", "had", "did"))


def past_main_verb(
    text: str, toks: list[Token], span: tuple[int, int] | None, doc: CommitmentDoc
) -> bool:
    """Whether the verb right after the subject tells a past act: "X held talks today ahead of
    next week's summit", "X arrived in Lima today for talks next month", "X was already sending
    the signal back then". A date ahead in such a sentence dates a noun (the summit, the talks),
    not a plan of the subject; "X is back in Lima in May" and "X heads to Lima next week" are
    plans (cues.yaml `past_markers`; a verb in "-ed" counts unless it is a `future_markers`
    word such as "scheduled")."""
    if span is None:
        return False
    w = actor_words(doc.lexicon)
    past, future = _tense_words(doc.lexicon)
    first = index_at(toks, span[1])
    for tok in toks[first : first + 12]:  # the verb stands within a few words
        low = tok.low
        if low in _PAST_AUXILIARIES:
            return True
        if low in w.skip or not tok.word:
            continue
        if tok.end < len(text) and text[tok.end : tok.end + 9] == " forward ":
            return False  # "looked forward to ...": a plan
        return low in past or (low.endswith("ed") and len(low) > 4 and low not in future)
    return False


@lru_cache(maxsize=8)
def _tense_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word `past_markers` and `future_markers` of cues.yaml, folded."""

    def words(key: str) -> frozenset[str]:
        return frozenset(x.casefold() for x in lexicon.word_list(key) if " " not in x)

    return words("past_markers"), words("future_markers")


_PROGRESSIVE_RE = re.compile(r"\b(?:is|are|am)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")


def scheduled_cue(sentence: Sentence, doc: CommitmentDoc, lazy: LazyTokens) -> Cue | None:
    """No cue, but an actor dated after the document: "Paz is back in Japan in May", or a
    schedule in the present progressive ("X is heading to Paris tomorrow") even when another
    clause looks back ("after his visit to Berlin a few days ago")."""
    text = sentence.text
    future = [
        d
        for d in doc.dates.get(sentence.index, ())
        if is_after(d.when, doc.anchor) and not _in_name(text, d)
    ]
    if not future:
        return None
    toks = lazy()
    w = actor_words(doc.lexicon)
    if sentence_tense(text, doc.lexicon) != "past":
        span = main_subject(toks, w)
        if subject_kind(sentence, span, doc) == "actor" and not past_main_verb(
            text, toks, span, doc
        ):
            return Cue("scheduled", future[0].start, future[0].end, span)
    bounds, tried = ClauseBounds(text), set()  # a clause tried for one date fails for all
    for date in future:
        start, end = bounds.around(date.start)
        if (start, end) in tried:
            continue
        tried.add((start, end))
        if sentence_tense(text[start:end], doc.lexicon) == "past":
            continue
        for m in _PROGRESSIVE_RE.finditer(text, start, end):
            how, span = subject_before(toks, index_at(toks, m.start()), w)
            if how != "np":
                span = main_subject(toks, w)
            if subject_kind(sentence, span, doc) == "actor":
                return Cue("scheduled", date.start, date.end, span)
    return None
