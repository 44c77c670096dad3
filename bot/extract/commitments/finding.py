"""Finding a sentence's commitment cues, left to right, and the blockers that cancel them.

A sentence commits when it carries a cue no earlier phrase turns into a hope, a demand on
others, a view or an exhortation: "We hope Japan will join" has the blocker "hope" before the
modal, so it commits no one. A blocker reaches to the next clause with its own subject ("...,
as he and Park agreed to ..." is read again on its own). Questions commit no one. Each cue
family has its rule: intention and conditional cues in intentions.py ("wants to", "agreed
that experts would follow up"), acts, purposes and schedules in their modules, and here the
phrases ("looked forward to hosting"), praise and outcomes ("the talks ended with a
commitment to"), possessives ("America's commitment to") and modals ("will").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.extract.actors import (
    ActorWords,
    Token,
    actor_words,
    index_at,
    main_subject,
    subject_before,
)
from bot.extract.commitments.acts import ACT_PATTERNS, object_cues
from bot.extract.commitments.context import CommitmentDoc, Cue, LazyTokens, background, subject_kind
from bot.extract.commitments.cue_patterns import OWNER_CHAR_RE, CuePatterns, cue_patterns
from bot.extract.commitments.cue_scan import CueScan
from bot.extract.commitments.intentions import conditional_cues, intention_cues
from bot.extract.commitments.modals import modal_cue
from bot.extract.commitments.readings import discussed, thing_subject_end
from bot.extract.commitments.schedules import headline_cue, purpose_cue, scheduled_cue
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.countries import find_countries
from bot.extract.linear import run_start_finditer
from bot.extract.quote_index import OpenQuotes
from bot.extract.text import Sentence
from bot.extract.triggers import Triggers, sentence_words


def find_cues(sentence: Sentence, doc: CommitmentDoc, *, nested: bool = False) -> list[Cue]:
    """The commitment cues of a sentence that survive the blockers, left to right.

    "Japan wants to send a frigate and will open a base" has two ("wants to", "will"); "We
    hope Japan will send a frigate" has none. `nested` reads a later clause of a sentence on
    its own (no schedule or headline rules)."""
    text = sentence.text
    if text.rstrip("”\"’' ").endswith("?"):
        return []  # a question commits no one
    cues = cue_patterns(doc.lexicon)
    trig = cue_triggers(doc.lexicon)
    words = sentence_words(text)
    toks = LazyTokens(text)
    possible = None if words is None else trig.possible(words)
    if possible is not None and not possible:
        # No cue pattern can match ("The weather was fine."): every cue rule and blocker
        # would find nothing, so only the cue-less rules are left.
        if nested:
            return []
        extra = headline_cue(sentence, toks, doc) or scheduled_cue(sentence, doc, toks)
        return [extra] if extra is not None else []
    blocker = _blocker(text, cues, trig, words)
    blocked_from = blocker.start() if blocker else len(text) + 1
    later: list[Cue] = []
    reopen = cues.new_clause.search(text, blocker.end()) if blocker else None
    if reopen and not nested:
        # A later clause with its own subject is not under the blocker.
        k = reopen.end()
        clause = replace(sentence, text=text[k:], start=sentence.start + k)
        later = [_shift(c, k) for c in find_cues(clause, doc, nested=True)]
    s = CueScan(sentence, doc, cues, trig, words, toks, actor_words(doc.lexicon), blocked_from)
    found = [
        cue
        for rule, names in _RULES
        if possible is None or not names.isdisjoint(possible)
        for cue in rule(s)
    ]
    judged = False
    if possible is None or "modal" in possible:
        modals, judged = _modal_cues(s)
        found += modals
    found += later
    if not found and not nested and blocker is None and not judged:
        extra = headline_cue(sentence, toks, doc) or scheduled_cue(sentence, doc, toks)
        if extra is not None:
            found.append(extra)
    found.sort(key=lambda c: c.start)
    return found


def _object_cues(s: CueScan) -> list[Cue]:
    """The cues of an actor's acts (acts.py) that start before the blocker."""
    return [c for c in object_cues(s.sentence, s.toks, s.doc, s.words) if c.start < s.blocked_from]


def _purpose_cues(s: CueScan) -> list[Cue]:
    """The purpose of a meeting (schedules.py), if it starts before the blocker."""
    purpose = purpose_cue(s.sentence, s.toks, s.doc, s.words)
    return [purpose] if purpose is not None and purpose.start < s.blocked_from else []


def _phrase_cues(s: CueScan) -> list[Cue]:
    """Plans told by a phrase: "looked forward to hosting", "the commitment of X to develop",
    "a new initiative to advance", "the decisions to be taken at Madrid", and a purpose stated
    inside a quote ("“That's the purpose of being here: to reassure")."""
    cues = s.cues
    out = [
        Cue("strong", m.start(), m.end(), s.subject_at(m.start()))
        for name, pattern in (
            ("forward", cues.forward),
            ("restated", cues.restated),
            ("purpose_noun", cues.purpose_noun),
            ("agenda", cues.agenda),
        )
        for m in s.matches(name, pattern)
        if name != "purpose_noun" or not discussed(cues, s.text, m.start())
    ]
    quotes = None
    for m in s.matches("stated_purpose", cues.stated_purpose):
        quotes = quotes or OpenQuotes(s.text)
        if quotes.inside(m.start()):
            out.append(Cue("strong", m.start(), m.end(), None))
    return out


def _praise_and_outcome_cues(s: CueScan) -> list[Cue]:
    """A main participant's own plan praised ("applauded Japan's resolve to bolster"), and a
    meeting that ends with a commitment ("the talks ended with a commitment to")."""
    out: list[Cue] = []
    for m in s.matches("praised", s.cues.praised):
        owner = (m.start("owner"), m.end("owner"))
        if _participant(s.sentence, owner, s.doc):
            out.append(Cue("strong", owner[0], m.end(), owner))
    for m in s.matches("outcome", s.cues.outcome):
        if not background(s.sentence, s.doc):
            # the participants' commitment; a meeting subject ("their meeting in Manila")
            # names no actor by its place
            span = s.subject_at(m.start())
            meeting = any(t.low in s.w.plan_nouns for t in s.toks() if t.end <= m.start())
            if meeting or subject_kind(s.sentence, span, s.doc) != "actor":
                span = None
            out.append(Cue("strong", m.start(), m.end(), span))
    return out


def _possessive_cues(s: CueScan) -> list[Cue]:
    """A standing commitment: "America's commitment to", "our firm pledge"; not praise of
    another's ("praised the Czech Republic's commitments")."""
    cues, text, w = s.cues, s.text, s.w
    if not s.trig.may_match("possessive", s.words):
        return []
    praise = s.trig.search("praise", cues.praise, text, s.words)
    out: list[Cue] = []
    thing: list[int | None] = []  # where a thing subject ends, read once per sentence
    for m in run_start_finditer(cues.possessive, cues.possessive_strict, OWNER_CHAR_RE, text):
        if m.start() >= s.blocked_from:
            continue
        if not thing:
            thing.append(thing_subject_end(s.sentence, s.toks(), w, s.doc))
        if thing[0] is not None and thing[0] <= m.start():
            continue  # "The first day centered on the alliance's commitment to ...": a topic
        if praise and praise.end() <= m.start() and m["owner"]:
            continue  # "praised the Czech Republic's commitments": praise of another's
        if _RELATIVE_VERB_RE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "a statement ..., which reaffirmed their commitments": a past text's
        if m["owner"]:
            _, span = subject_before(s.toks(), index_at(s.toks(), m.start("owner")) + 1, w)
            span = _after_preposition(s.toks(), span, w)  # "Owusu on Kenya's": Kenya's
        elif m["pron"].casefold() in w.speaker_pronouns:
            span = (m.start("pron"), m.end("pron"))
        else:
            span = main_subject(s.toks(), w)
            if span and span[0] >= m.start():
                span = None
        out.append(Cue("possessive", m.start(), m.end(), span))
    return out


def _after_preposition(
    toks: list[Token], span: tuple[int, int] | None, w: ActorWords
) -> tuple[int, int] | None:
    """An owner phrase cut after its last preposition: "briefed Owusu on Kenya's intention"
    is Kenya's, not Owusu's."""
    if span is None:
        return None
    start = span[0]
    for tok in toks[index_at(toks, span[0]) :]:
        if tok.start >= span[1]:
            break
        if tok.low in w.prepositions:
            start = tok.end + 1
    return (start, span[1]) if start < span[1] else span


#: A relative clause's verb right before a possessive cue: "which reaffirmed their ...".
_RELATIVE_VERB_RE = re.compile(r"\b(?:which|that)\s+(?:[a-z]+ly\s+|also\s+)?[a-z]+ed\s+$")


def _modal_cues(s: CueScan) -> tuple[list[Cue], bool]:
    """The modal cues (modals.py), and whether a modal was read as a forecast or an
    assessment ("the deal will open other doors"): then no cue-less rule may read the
    sentence as a plan."""
    out: list[Cue] = []
    judged = False
    for m in s.matches("modal", s.cues.modal):
        cue = modal_cue(s.sentence, m, s.toks, s.doc)
        if cue is not None:
            out.append(cue)
        elif s.cues.verb_after.match(s.text, m.end()):
            judged = True
    return out, judged


#: The cue rules a sentence past its blocker is read with, in order, each with the patterns
#: (cue_triggers names) it finds its cues by: a rule none of whose patterns the sentence's
#: words allow finds nothing, so it is not called ("Japan will act." only asks the modal rule).
_RULES: tuple[tuple[Callable[[CueScan], list[Cue]], frozenset[str]], ...] = (
    (intention_cues, frozenset({"strong"})),
    (conditional_cues, frozenset({"conditional"})),
    (_object_cues, frozenset(ACT_PATTERNS)),
    (_phrase_cues, frozenset({"forward", "restated", "purpose_noun", "agenda", "stated_purpose"})),
    (_purpose_cues, frozenset({"meeting"})),
    (_praise_and_outcome_cues, frozenset({"praised", "outcome"})),
    (_possessive_cues, frozenset({"possessive"})),
)


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


def _shift(cue: Cue, k: int) -> Cue:
    """A cue found in a later clause, moved to offsets of the whole sentence."""
    subject = (cue.subject[0] + k, cue.subject[1] + k) if cue.subject else None
    return replace(cue, start=cue.start + k, end=cue.end + k, subject=subject)
