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
from collections.abc import Iterator
from dataclasses import dataclass, replace

from bot.extract.actors import (
    ActorWords,
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
from bot.extract.commitments.readings import (
    discussed,
    history,
    outsiders_plan,
    past_clause,
    shared_view,
    thing_subject_end,
)
from bot.extract.commitments.schedules import headline_cue, purpose_cue, scheduled_cue
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.countries import find_countries
from bot.extract.linear import run_start_finditer
from bot.extract.quote_index import OpenQuotes
from bot.extract.text import Sentence
from bot.extract.triggers import Finder, Triggers, sentence_words

#: "be" right after a cue: "does not want to be one".
_BE_AFTER_RE = re.compile(r"\s+be\b")

#: Before a cue noun ("plan to"): a determiner or an owner, so the cue is a noun.
_OWNED_RE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her)|\w['’]s|\ws['’])\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Scan:
    """One sentence as its cues are looked for: the patterns, the words it holds (to skip
    scans that could find nothing), its tokens (made on first use) and where a blocker starts
    (no cue from there on counts)."""

    sentence: Sentence
    doc: CommitmentDoc
    cues: CuePatterns
    trig: Triggers
    words: frozenset[str] | None
    toks: LazyTokens
    w: ActorWords
    blocked_from: int

    @property
    def text(self) -> str:
        return self.sentence.text

    def matches(self, name: str, pattern: Finder) -> Iterator[re.Match[str]]:
        """The matches of cue pattern `name` that start before the blocker (all of them
        when the sentence has no blocker)."""
        found = self.trig.scan(name, pattern, self.text, self.words)
        if self.blocked_from > len(self.text):
            return found
        return (m for m in found if m.start() < self.blocked_from)

    def subject_at(self, offset: int) -> tuple[int, int] | None:
        """The subject of a cue at `offset`: the noun phrase before it, else the main subject."""
        toks = self.toks()
        how, span = subject_before(toks, index_at(toks, offset), self.w)
        return span if how == "np" else main_subject(toks, self.w)


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
    if words is not None and not trig.possible(words):
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
    s = _Scan(sentence, doc, cues, trig, words, toks, actor_words(doc.lexicon), blocked_from)
    found = _intention_cues(s) + _conditional_cues(s)
    found += [cue for cue in object_cues(sentence, toks, doc, words) if cue.start < blocked_from]
    found += _phrase_cues(s)
    purpose = purpose_cue(sentence, toks, doc, words)
    if purpose is not None and purpose.start < blocked_from:
        found.append(purpose)
    found += _praise_and_outcome_cues(s) + _possessive_cues(s)
    modals, judged = _modal_cues(s)
    found += modals + later
    if not found and not nested and blocker is None and not judged:
        extra = headline_cue(sentence, toks, doc) or scheduled_cue(sentence, doc, toks)
        if extra is not None:
            found.append(extra)
    found.sort(key=lambda c: c.start)
    return found


def _intention_cues(s: _Scan) -> list[Cue]:
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


def _conditional_cues(s: _Scan) -> list[Cue]:
    """ "agreed that experts would follow up": a conditional cue with a plan after it."""
    return [
        Cue("conditional", m.start(), m.end(), s.subject_at(m.start()))
        for m in s.matches("conditional", s.cues.conditional)
        if _plan_follows(s.sentence, m.end(), s.toks(), s.doc)
    ]


def _phrase_cues(s: _Scan) -> list[Cue]:
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


def _praise_and_outcome_cues(s: _Scan) -> list[Cue]:
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


def _possessive_cues(s: _Scan) -> list[Cue]:
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


#: A possessive pronoun right before a cue noun: the plan of whom it stands for ("his plan",
#: "our intent to").
_HIS_RE = re.compile(r"\b(his|her|our|their|my)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)

#: A relative clause's verb right before a possessive cue: "which reaffirmed their ...".
_RELATIVE_VERB_RE = re.compile(r"\b(?:which|that)\s+(?:[a-z]+ly\s+|also\s+)?[a-z]+ed\s+$")


def _modal_cues(s: _Scan) -> tuple[list[Cue], bool]:
    """The modal cues (modals.py), and whether a modal was read as a forecast or an
    assessment ("the deal will open other doors"): then no cue-less rule may read the
    sentence as a plan."""
    out: list[Cue] = []
    judged = False
    for m in s.matches("modal", s.cues.modal):
        cue = modal_cue(s.sentence, m, s.toks(), s.doc)
        if cue is not None:
            out.append(cue)
        elif s.cues.verb_after.match(s.text, m.end()):
            judged = True
    return out, judged


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


def _shift(cue: Cue, k: int) -> Cue:
    """A cue found in a later clause, moved to offsets of the whole sentence."""
    subject = (cue.subject[0] + k, cue.subject[1] + k) if cue.subject else None
    return replace(cue, start=cue.start + k, end=cue.end + k, subject=subject)
