"""Plans told by what an actor does, which count only when an actor is the subject.

An aim with an object ("Chile sought a closer partnership", not "wants the EU to lift
sanctions"), a passive with a deadline ("the act should be passed by the summer"), a signed
agreement ("the two governments signed a memorandum", unless the sentence is dated in earlier
years), a welcomed start ("welcomed the opening of the consulate") or plan of the participants
("welcomed the announcements from the joint committee", not "the plans of Peru"), an announced
new body ("announced a joint forum") and a restated commitment ("reaffirmed the ironclad
commitment", "reaffirm to deepen"; not "underscored the importance of the commitment").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.actors import (
    actor_words,
    index_at,
    main_subject,
    relative_before,
    subject_before,
    tokens,
)
from bot.extract.commitments.context import (
    BARE_BE_RE,
    CommitmentDoc,
    Cue,
    LazyTokens,
    background,
    subject_kind,
)
from bot.extract.commitments.cue_patterns import alternation, cue_patterns
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.countries import find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.text import Sentence

#: The cue patterns (cue_triggers names) object_cues finds its cues by.
ACT_PATTERNS = (
    "object_aim",
    "deadline",
    "welcome_plan",
    "signing",
    "announce",
    "welcome",
    "restate",
)


def object_cues(
    sentence: Sentence, toks: LazyTokens, doc: CommitmentDoc, words: frozenset[str] | None
) -> list[Cue]:
    """Cues an actor's subject must carry: an aim with an object ("Chile sought a closer
    partnership"), a plan in the passive with a deadline ("the act should be passed by the
    summer"), a signed agreement ("the two governments signed a memorandum on ..."), the
    welcomed start of something ("welcomed the opening of the consulate") or plan of the
    participants ("welcomed the announcements from the joint committee"), an announced new body
    ("announced a joint forum") and a restated commitment ("reaffirmed the commitment to")."""
    if sentence.heading:
        return []  # "Chile Signs Fisheries Agreement": a headline retells a past act
    cues = cue_patterns(doc.lexicon)
    trig = cue_triggers(doc.lexicon)
    w = actor_words(doc.lexicon)
    text = sentence.text
    out: list[Cue] = []

    def actor_subject(offset: int) -> tuple[int, int] | None:
        """The subject before `offset` if it can act ("Chile sought ..."), else None."""
        how, span = subject_before(toks(), index_at(toks(), offset), w)
        if how == "relative":
            span = relative_before(toks(), index_at(toks(), offset), w)
        elif how != "np":
            span = main_subject(toks(), w)
        return span if subject_kind(sentence, span, doc) == "actor" else None

    for m in trig.scan("object_aim", cues.object_aim, text, words):
        if BARE_BE_RE.search(text, max(0, m.start() - 12), m.start()) or _demand_on_others(
            text, m.end(), doc
        ):
            continue
        span = actor_subject(m.start())
        if span is not None:
            out.append(Cue("strong", m.start(), m.end(), span))
    for m in trig.scan("deadline", cues.deadline, text, words):
        if _deadline_after(sentence, m.end(), doc):
            out.append(Cue("strong", m.start(), m.end(), None))
    for m in trig.scan("welcome_plan", cues.welcome_plan, text, words):
        owner = m["owner"] and {h.country for h in find_countries(m["owner"], doc.lexicon)}
        if owner and not owner <= set(doc.parts.group()):
            continue  # "welcomed the plans of Peru": another's plan
        span = actor_subject(m.start())
        if span is not None:
            out.append(Cue("strong", m.start(), m.end(), span))
    for name, pattern in (
        ("signing", cues.signing),
        ("announce", cues.announce),
        ("welcome", cues.welcome),
        ("restate", cues.restate),
    ):
        if not trig.may_match(name, words):
            continue  # the sentence holds none of the words the pattern needs
        if pattern in (cues.signing, cues.announce) and background(sentence, doc):
            continue  # "the two countries signed a trade pact in 2015": history
        for m in pattern.finditer(text):
            if pattern is cues.restate and cues.restate_blocking.search(m.group(0)):
                continue  # "underscored the importance of the commitment": a view
            if m.group(0).split()[0].casefold() in w.prepositions | w.intro:
                # "formalized their cooperation with the signing of": the clause's subject
                span = main_subject(toks(), w)
                span = span if subject_kind(sentence, span, doc) == "actor" else None
            else:
                span = actor_subject(m.start())
            if span is not None:
                out.append(Cue("strong", m.start(), m.end(), span))
    return out


def _demand_on_others(text: str, offset: int, doc: CommitmentDoc) -> bool:
    """ "wants the EU to lift sanctions": an actor as the object before an infinitive."""
    m = re.match(r"((?:[\w’'.-]+\s+){1,6}?)to\s+[a-z]", text[offset:])
    if m is None:
        return False
    window = m.group(1)
    w = actor_words(doc.lexicon)
    if find_countries(window, doc.lexicon):
        return True
    return any(t.low in w.actor_nouns or t.low in w.pronouns for t in tokens(window))


def _deadline_after(sentence: Sentence, offset: int, doc: CommitmentDoc) -> bool:
    """A date right after a deadline word ("by the summer", "before 2025") follows `offset`."""
    deadline = _deadline_re(doc.lexicon)
    for date in doc.dates.get(sentence.index, ()):
        if date.start < offset:
            continue
        if deadline.search(sentence.text[offset : date.start]):
            return True
    return False


@lru_cache(maxsize=8)
def _deadline_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A deadline word ("by", "before", cues.yaml `deadline_words`) ending a stretch, perhaps
    with "the" after it: what stands right before a deadline's date. Compiled once per lexicon."""
    words = alternation(lexicon.word_list("deadline_words"))
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)
