"""Intention cues ("wants to", "pledged", "agreed Thursday to") and conditional ones ("agreed
that experts would follow up"), with the readings that cancel them.

An intention cue counts by itself unless it is a courtesy ("would like to express my
gratitude"), a participle ("can only be decided if"), a stance ("..., ready to face what
comes"), an idiom ("the quarrel, which does not want to be one"), a refusal to say more ("I
don't want to go into details") or a plan under criticism ("the rival party's plan to ... is
irresponsible"). A conditional cue counts when a plan follows: "agreed that experts would
follow up", not "agreed that developing partnerships would lead to stability".
"""

from __future__ import annotations

import re

from bot.extract.actors import (
    Token,
    actor_words,
    index_at,
    main_subject,
    relative_before,
    subject_before,
)
from bot.extract.commitments.context import BARE_BE_RE, GERUND_RE, CommitmentDoc, Cue, subject_kind
from bot.extract.commitments.cue_patterns import CuePatterns, cue_patterns
from bot.extract.commitments.cue_scan import CueScan
from bot.extract.commitments.modals import non_actor
from bot.extract.commitments.readings import (
    discussed,
    history,
    outsiders_plan,
    past_clause,
    shared_view,
)
from bot.extract.text import Sentence

#: "be" right after a cue: "does not want to be one".
_BE_AFTER_RE = re.compile(r"\s+be\b")

#: Before a cue noun ("plan to"): a determiner or an owner, so the cue is a noun.
_OWNED_RE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her)|\w['’]s|\ws['’])\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)

#: A possessive pronoun right before a cue noun: the plan of whom it stands for ("his plan",
#: "our intent to").
_HIS_RE = re.compile(r"\b(his|her|our|their|my)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


def intention_cues(s: CueScan) -> list[Cue]:
    """Intention cues ("wants to", "pledged", "agreed Thursday to"), unless a courtesy
    ("would like to express my gratitude"), a participle ("can only be decided if"), a stance
    ("..., ready to face what comes"), an idiom ("the quarrel, which does not want to be one")
    or a plan under criticism ("the rival party's plan to cut taxes is irresponsible")."""
    text, cues = s.text, s.cues
    out: list[Cue] = []
    for m in s.matches("strong", cues.strong):
        if cues.courtesy.match(text, m.end()):
            continue
        if BARE_BE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "this can only be decided if ...": a participle, no decision
        if m.group(0).casefold() in cues.predicate_cues and not cues.predicate_before.search(
            text, 0, m.start()
        ):
            continue  # "..., ready to face what comes": a stance, no predicate
        if _idiom(s.sentence, m, s.toks(), s.doc):
            continue  # "the quarrel, which does not want to be one"
        if _unwanted(cues, text, m):
            continue  # "I don't want to go into details"
        if shared_view(cues, text, m):
            continue  # "agreed on the opportunity the year presents"
        if history(cues, s.sentence, m, s.doc):
            continue  # "In 2012, Kenya decided to build a port", "Ghana had planned to"
        noun = m.group(0).split()[0].casefold() in cues.cue_nouns
        before = text[max(0, m.start() - 40) : m.start()]
        owned = noun and _OWNED_RE.search(before)
        if owned and cues.criticism.search(text, m.end()):
            continue  # "the rival party's plan to cut taxes is irresponsible"
        if noun and discussed(cues, text, m.start()):
            continue  # "the ministers discussed plans to expand ferry links"
        owner = cues.owner.search(before) if noun else None
        if noun and past_clause(text, m.start()):
            continue  # "just days after Paz presented his plan to end the war"
        if noun and outsiders_plan(s.sentence, max(0, m.start() - 40), before, owner, s.doc):
            continue  # "days after President Paz presented his plan to end the war"
        if owner:
            # "briefed Owusu on Kenya's intention to join": the owner's plan
            k = m.start() - len(before) + owner.start()
            span = (k, k + len(owner.group(0).split("’")[0].split("'")[0]))
            out.append(Cue("strong", m.start(), m.end(), span))
            continue
        pronoun = _HIS_RE.search(before) if noun else None
        if pronoun:
            # "Mwangi presented his plan to open the port": his, Mwangi's
            k = m.start() - len(before) + pronoun.start(1)
            out.append(Cue("strong", m.start(), m.end(), (k, k + len(pronoun.group(1)))))
            continue
        out.append(Cue("strong", m.start(), m.end(), s.subject_at(m.start())))
    return out


def conditional_cues(s: CueScan) -> list[Cue]:
    """ "agreed that experts would follow up": a conditional cue with a plan after it."""
    return [
        Cue("conditional", m.start(), m.end(), s.subject_at(m.start()))
        for m in s.matches("conditional", s.cues.conditional)
        if _plan_follows(s.sentence, m.end(), s.toks(), s.doc)
    ]


def _idiom(sentence: Sentence, m: re.Match[str], toks: list[Token], doc: CommitmentDoc) -> bool:
    """A negated cue before "be" whose subject is no actor: "the quarrel, which does not want
    to be one" says what a thing is, not what anyone refuses."""
    text = sentence.text
    cues = cue_patterns(doc.lexicon)
    if not _BE_AFTER_RE.match(text, m.end()):
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


#: Cues of wanting: negated before a verb of talk, they decline to say more.
_WANTING = frozenset({"want", "wants", "wanted", "wish", "wishes", "wished", "like"})


def _unwanted(cues: CuePatterns, text: str, m: re.Match[str]) -> bool:
    """A negated wanting cue before a verb of the conversation itself (config
    `conversation_verbs`): "I don't want to go into details", "Chile does not wish to comment"
    decline to say more and plan nothing. "Kenya does not want to be left out" still counts."""
    first = m.group(0).split()[0].casefold()
    return (
        first in _WANTING
        and cues.talk_verb.match(text, m.end()) is not None
        and cues.negated_before.search(text, max(0, m.start() - 24), m.start()) is not None
    )


def _plan_follows(sentence: Sentence, offset: int, toks: list[Token], doc: CommitmentDoc) -> bool:
    """After "agreed that": a plan (a modal or an infinitive) must follow, and a modal's
    subject must not be an activity or a thing: "agreed that experts would meet" is a plan,
    "agreed that developing partnerships would lead to stability" a shared view, and so is
    "agreed that trade is vital and that ministers should meet" (a finite verb first)."""
    text = sentence.text
    marker = cue_patterns(doc.lexicon).plan_after.search(text, offset)
    if marker is None:
        return False
    if marker.group(0).casefold().startswith("to"):
        return True
    subject = text[offset : marker.start()]
    if GERUND_RE.match(subject) or _FINITE_RE.search(subject):
        return False  # "agreed that trade is vital and that ministers should meet": a view
    span = (offset, marker.start())
    return not non_actor(text, span, doc) or subject_kind(sentence, span, doc) == "actor"


#: A finite verb between "agreed that" and a later modal: the complement is a view of its own.
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|needs|remains|remain)\b")
