"""Finding a sentence's commitment cues, left to right, and the blockers that cancel them.

A sentence commits when it carries a cue no earlier phrase turns into a hope, a demand on
others, a view or an exhortation: "We hope Japan will join" has the blocker "hope" before the
modal, so it commits no one. A blocker reaches to the next clause with its own subject ("...,
as he and Park agreed to ..." is read again on its own). Questions commit no one. Intention
cues count by themselves unless they are a courtesy ("would like to express my gratitude"), a
participle ("can only be decided if"), a stance ("..., ready to face what comes"), an idiom
("the quarrel, which does not want to be one") or a plan under criticism ("the rival party's
plan to ... is irresponsible"). Conditional cues count when a plan follows ("agreed that
experts would follow up", not "agreed that developing partnerships would lead to stability").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extract.actors import (
    Token,
    actor_words,
    index_at,
    main_subject,
    relative_before,
    subject_before,
)
from bot.extract.commitments.acts import object_cues
from bot.extract.commitments.context import (
    BARE_BE_RE,
    GERUND_RE,
    CommitmentDoc,
    Cue,
    LazyTokens,
    background,
    subject_kind,
)
from bot.extract.commitments.cue_patterns import OWNER_CHAR_RE, CuePatterns, cue_patterns
from bot.extract.commitments.modals import modal_cue, non_actor
from bot.extract.commitments.schedules import headline_cue, purpose_cue, scheduled_cue
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.countries import find_countries
from bot.extract.linear import run_start_finditer
from bot.extract.quote_index import OpenQuotes
from bot.extract.text import Sentence
from bot.extract.triggers import Triggers, sentence_words

#: Before a cue noun ("plan to"): a determiner or an owner, so the cue is a noun.
_OWNED_RE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her)|\w['’]s|\ws['’])\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def find_cues(sentence: Sentence, doc: CommitmentDoc, *, nested: bool = False) -> list[Cue]:
    """The commitment cues of a sentence that survive the blockers, left to right.

    `nested` reads a later clause of a sentence on its own (no schedule or headline rules)."""
    text = sentence.text
    if text.rstrip("”\"’' ").endswith("?"):
        return []  # a question commits no one
    cues = cue_patterns(doc.lexicon)
    trig = cue_triggers(doc.lexicon)
    words = sentence_words(text)
    w = actor_words(doc.lexicon)
    toks = LazyTokens(text)
    blocker = _blocker(text, cues, trig, words)
    blocked_from = blocker.start() if blocker else len(text) + 1
    later: list[Cue] = []
    reopen = cues.new_clause.search(text, blocker.end()) if blocker else None
    if reopen and not nested:
        # A later clause with its own subject is not under the blocker.
        k = reopen.end()
        clause = replace(sentence, text=text[k:], start=sentence.start + k)
        later = [_shift(c, k) for c in find_cues(clause, doc, nested=True)]

    def subject_at(offset: int) -> tuple[int, int] | None:
        """The subject of a cue at `offset`: the noun phrase before it, else the main subject."""
        how, span = subject_before(toks(), index_at(toks(), offset), w)
        return span if how == "np" else main_subject(toks(), w)

    found: list[Cue] = []
    for m in trig.scan("strong", cues.strong, text, words):
        if m.start() >= blocked_from or cues.courtesy.match(text, m.end()):
            continue
        if BARE_BE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "this can only be decided if ...": a participle, no decision
        if m.group(0).casefold() in cues.predicate_cues and not cues.predicate_before.search(
            text, 0, m.start()
        ):
            continue  # "..., ready to face what comes": a stance, no predicate
        if _idiom(sentence, m, toks(), doc):
            continue  # "the quarrel, which does not want to be one"
        noun = m.group(0).split()[0].casefold() in cues.cue_nouns
        owned = noun and _OWNED_RE.search(text[max(0, m.start() - 40) : m.start()])
        if owned and cues.criticism.search(text, m.end()):
            continue  # "the rival party's plan to cut taxes is irresponsible"
        found.append(Cue("strong", m.start(), m.end(), subject_at(m.start())))
    for m in trig.scan("conditional", cues.conditional, text, words):
        if m.start() < blocked_from and _plan_follows(sentence, m.end(), toks(), doc):
            found.append(Cue("conditional", m.start(), m.end(), subject_at(m.start())))
    for cue in object_cues(sentence, toks, doc, words):
        if cue.start < blocked_from:
            found.append(cue)
    for name, pattern in (
        ("forward", cues.forward),
        ("restated", cues.restated),
        ("purpose_noun", cues.purpose_noun),
        ("agenda", cues.agenda),
    ):
        for m in trig.scan(name, pattern, text, words):
            if m.start() < blocked_from:
                found.append(Cue("strong", m.start(), m.end(), subject_at(m.start())))
    quotes = None
    for m in trig.scan("stated_purpose", cues.stated_purpose, text, words):
        quotes = quotes or OpenQuotes(text)
        if m.start() < blocked_from and quotes.inside(m.start()):
            found.append(Cue("strong", m.start(), m.end(), None))
    purpose = purpose_cue(sentence, toks, doc, words)
    if purpose is not None and purpose.start < blocked_from:
        found.append(purpose)
    for m in trig.scan("praised", cues.praised, text, words):
        owner = (m.start("owner"), m.end("owner"))
        if m.start() < blocked_from and _participant(sentence, owner, doc):
            # "applauded Japan's resolve to bolster": a main participant's own plan
            found.append(Cue("strong", owner[0], m.end(), owner))
    for m in trig.scan("outcome", cues.outcome, text, words):
        if m.start() < blocked_from and not background(sentence, doc):
            # "the talks ended with a commitment to": the participants' commitment; a
            # meeting subject ("their meeting in Manila") names no actor by its place
            span = subject_at(m.start())
            meeting = any(t.low in w.plan_nouns for t in toks() if t.end <= m.start())
            if meeting or subject_kind(sentence, span, doc) != "actor":
                span = None
            found.append(Cue("strong", m.start(), m.end(), span))
    praise = trig.search("praise", cues.praise, text, words)
    possessives = (
        run_start_finditer(cues.possessive, cues.possessive_strict, OWNER_CHAR_RE, text)
        if trig.may_match("possessive", words)
        else ()
    )
    for m in possessives:
        if m.start() >= blocked_from:
            continue
        if praise and praise.end() <= m.start() and m["owner"]:
            continue  # "praised the Czech Republic's commitments": praise of another's
        if m["owner"]:
            _, span = subject_before(toks(), index_at(toks(), m.start("owner")) + 1, w)
        elif m["pron"].casefold() in w.speaker_pronouns:
            span = (m.start("pron"), m.end("pron"))
        else:
            span = main_subject(toks(), w)
            if span and span[0] >= m.start():
                span = None
        found.append(Cue("possessive", m.start(), m.end(), span))
    judged = False  # a modal read as a forecast or an assessment
    for m in trig.scan("modal", cues.modal, text, words):
        if m.start() < blocked_from:
            cue = modal_cue(sentence, m, toks(), doc)
            if cue is not None:
                found.append(cue)
            elif cues.verb_after.match(text, m.end()):
                judged = True
    found.extend(later)
    if not found and not nested and blocker is None and not judged:
        extra = headline_cue(sentence, toks, doc) or scheduled_cue(sentence, doc, toks)
        if extra is not None:
            found.append(extra)
    found.sort(key=lambda c: c.start)
    return found


def _participant(sentence: Sentence, span: tuple[int, int], doc: CommitmentDoc) -> bool:
    """Whether a phrase names main participants only (countries, or people of theirs)."""
    named = {h.country for h in find_countries(sentence.text[span[0] : span[1]], doc.lexicon)}
    people = doc.register.mentions(sentence.start + span[0], sentence.start + span[1])
    named |= {p.country for p, _ in people if p.country}
    return bool(named) and named <= set(doc.parts.group())


def _blocker(
    text: str, cues: CuePatterns, trig: Triggers, words: frozenset[str] | None
) -> re.Match[str] | None:
    """The first phrase that turns what follows into a hope, a demand, a view or an
    exhortation ("we should stay focused on what we want to achieve")."""
    found = [
        m
        for name, pattern in (("blocker", cues.blocker), ("exhortation", cues.exhortation))
        if (m := trig.search(name, pattern, text, words))
    ]
    return min(found, key=lambda m: m.start()) if found else None


def _idiom(sentence: Sentence, m: re.Match[str], toks: list[Token], doc: CommitmentDoc) -> bool:
    """A negated cue before "be" whose subject is no actor: "the quarrel, which does not want
    to be one" says what a thing is, not what anyone refuses."""
    text = sentence.text
    cues = cue_patterns(doc.lexicon)
    if not re.match(r"\s+be\b", text[m.end() :]):
        return False
    if not cues.negated_before.search(text, 0, m.start()):
        return False
    w = actor_words(doc.lexicon)
    idx = index_at(toks, m.start())
    how, span = subject_before(toks, idx, w)
    if how == "relative":
        span = relative_before(toks, idx, w)
    elif how != "np":
        span = main_subject(toks, w)
    return subject_kind(sentence, span, doc) != "actor"


def _plan_follows(sentence: Sentence, offset: int, toks: list[Token], doc: CommitmentDoc) -> bool:
    """After "agreed that": a plan (a modal or an infinitive) must follow, and a modal's
    subject must not be an activity or a thing: "agreed that experts would meet" is a plan,
    "agreed that developing partnerships would lead to stability" a shared view."""
    text = sentence.text
    marker = cue_patterns(doc.lexicon).plan_after.search(text, offset)
    if marker is None:
        return False
    if marker.group(0).casefold().startswith("to"):
        return True
    subject = text[offset : marker.start()]
    if GERUND_RE.match(subject):
        return False
    span = (offset, marker.start())
    return not non_actor(text, span, doc) or subject_kind(sentence, span, doc) == "actor"


def _shift(cue: Cue, k: int) -> Cue:
    """A cue found in a later clause, moved to offsets of the whole sentence."""
    subject = (cue.subject[0] + k, cue.subject[1] + k) if cue.subject else None
    return replace(cue, start=cue.start + k, end=cue.end + k, subject=subject)
