"""Commitments: sentences saying what an actor wants, will, plans, decided or agreed to do.

A sentence is a commitment when it carries a cue (config/cues.yaml) that no earlier phrase in
the sentence turns into a hope, a demand on others or a framing:
- intention cues count by themselves ("want to", "pledged", "is to", "committed to");
- conditional cues count when a plan follows ("agreed that experts would follow up", not
  "agreed, saying ..." or "agreed that the order is ...");
- modal cues ("will", "would") count when their subject can act: a country, a person, a body,
  a group ("the Leaders"), a pronoun, or a plan ("the meeting, which will conclude tomorrow");
  a passive ("another frigate will be sent") implies an actor. "Demand ... will expand" and "it
  will lead to" are forecasts;
- a possessive before a commitment noun is a standing commitment ("America's commitment to");
- without a cue, a sentence whose actor is dated after the document ("Scholz is back in Japan
  in May", "X is heading to Paris tomorrow" even after "a visit a few days ago") is a scheduled
  plan, and so is a headline "<actor> to <verb>" ("Canada to open embassy");
- the kinds the annotation conventions mark borderline, because they state a plan all the same:
  the purpose of a meeting, trip or call ("visited Japan today ... to boost ties", not "met ...
  to discuss"), a restated commitment ("reiterated the commitment of X to develop"), an agenda
  ("the decisions to be taken at Madrid"), "looked forward to" a visit or to working together,
  a priority ("... would be the cornerstone of the new government's policies");
- not: questions, "would welcome"-style wishes, courtesies ("would like to express my
  gratitude"), praise of another's commitment ("praised the Czech Republic's commitments"), a
  plan's assessment ("the dialogue will serve as a platform"), and a speaker's forecast about a
  country outside the document's main participants ("Austin said China will keep up the
  pressure"), unless it acts with a participant ("the UK would continue to work with the US").
A blocker ("hope", "called on", "the likelihood that") reaches to the next clause with its own
subject ("..., as he and Park agreed to ..."). Sentences inside quotes count too: "we" there is
the speaker's side.

Round 3 (unseen wordings): adverbials may stand between a cue verb and its infinitive ("agreed
Thursday to", "agreed in principle to"); an actor's aim can take an object ("sought a more stable
relationship", "would like more time", not "wants the EU to lift ..."); a passive with a
deadline is a plan ("should be passed by the summer"); so are a signed agreement (unless dated
in an earlier year) and a welcomed start ("welcomed the signing of the treaty"). Not plans: a
that-clause subject that is a place, a meeting or an activity ("noted that the site, ..., will
become a venue", "agreed that developing partnerships would lead to stability"), "can be
decided", and a cue noun under criticism ("the rival party's plan to ... is irresponsible"). A
lead-in ending in ":" takes its topics from the list items that complete it.

Round 4 (readouts, fact sheets, government pages): an adverbial after the "be" of a cue ("is
also planning"), readiness ("was willing to", "his readiness to"), "would be providing", a
restated commitment, goal or interest ("reaffirmed the ironclad U.S. commitment", "reaffirm to
deepen"), welcoming the participants' own announcements, a signing told as a noun ("with the
signing of two agreements") or of a named document, announcing or launching a new body, fund or
agreement, and a purpose stated inside a quote. A sentence with no topic of its own or of its
paragraph takes the latest topic of its speaker (a quote) or of its person subject before `other`.

Round 5 (precision on unseen texts): a plan's or a thing's modal with a verb of effect is a
forecast ("the deal will open other doors", "the visit will lead to"; not "the accord will take
effect on May 1" or "the centre will open in May"); readiness only as a predicate ("is ready to",
not "..., ready to face what comes"); beliefs ("believe that ...") and exhortations ("we should
stay focused", not "should be passed by") block what follows; a negated cue before "be" with no
actor is an idiom ("the quarrel, which does not want to be one"); "will confirm this in a moment"
is about the conversation. Counted now: a meeting that ends with or produces a commitment ("the
talks ended with a commitment to"), "affirmed"/"underscoring" a commitment like "reaffirmed",
and praise of a main participant's own plan ("applauded Japan's resolve to bolster").

Actors are countries (see actors.py); topics come from topics.py with the paragraph or section
as a fallback and `other` as the last resort; `when` is the sentence's first resolved date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.extract.actors import (
    ActorWords,
    Participants,
    Token,
    actor_words,
    group_of,
    head_word,
    index_at,
    main_subject,
    participants,
    phrase_kind,
    proper_words,
    relative_before,
    reported_it,
    subject_before,
    tokens,
    unique,
)
from bot.extract.countries import find_countries
from bot.extract.dates import (
    DateMention,
    PartialDate,
    first_date,
    is_after,
    sentence_dates,
    sentence_tense,
)
from bot.extract.lexicon import Lexicon
from bot.extract.linear import run_start_finditer, word_and_space_before
from bot.extract.people import PeopleRegister
from bot.extract.quote_index import OpenQuotes, QuoteIndex
from bot.extract.tense_marks import ClauseBounds
from bot.extract.text import Paragraph, Sentence, quote_spans
from bot.extract.topics import classify_topics
from bot.models import Commitment, Document, Source

#: At most this many topics per commitment, best first.
MAX_TOPICS = 3
#: The topic of last resort (config/topics.yaml lists it).
DEFAULT_TOPIC = "other"
_NEVER = r"(?!x)x"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or _NEVER


def _phrase_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word phrases, ignoring case; phrases may start with an apostrophe ("'ll")."""
    return re.compile(rf"(?:(?<![\w])|(?=['’]))(?:{_alternation(words)})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    strong: re.Pattern[str]
    conditional: re.Pattern[str]
    plan_after: re.Pattern[str]
    modal: re.Pattern[str]
    actor_only: frozenset[str]
    possessive: re.Pattern[str]
    possessive_strict: re.Pattern[str]  # the same, its owner only at a word's start
    blocker: re.Pattern[str]
    passive: re.Pattern[str]
    modal_blocking: frozenset[str]
    noun_will: frozenset[str]
    verb_after: re.Pattern[str]  # the verb after a modal, past its adverbs ("will also send")
    forward: re.Pattern[str]  # "looked forward to" + a gerund or a scheduled thing
    courtesy: re.Pattern[str]  # an intention cue's verb that makes it a courtesy
    praise: re.Pattern[str]
    restated: re.Pattern[str]  # "the commitment of X to develop"
    meeting: re.Pattern[str]
    purpose: re.Pattern[str]  # "to boost", "to reaffirm"
    purpose_noun: re.Pattern[str]  # "a new initiative to advance"
    stated_purpose: re.Pattern[str]  # "“That's the purpose of being here: to reassure"
    agenda: re.Pattern[str]  # "decisions to be taken"
    priority: re.Pattern[str]  # "be the cornerstone of", "be a priority for"
    assessment: frozenset[str]
    new_clause: re.Pattern[str]  # "as he and Park agreed": a clause with its own subject
    cue_nouns: frozenset[str]
    criticism: re.Pattern[str]
    object_aim: re.Pattern[str]  # "sought a closer partnership", "would like more time"
    deadline: re.Pattern[str]  # "should be passed by"
    signing: re.Pattern[str]  # "signed a memorandum"
    welcome: re.Pattern[str]  # "welcomed the signing of"
    welcome_plan: re.Pattern[str]  # "welcomed the historic announcements from"
    announce: re.Pattern[str]  # "announced a joint forum"
    restate: re.Pattern[str]  # "reaffirmed the ironclad commitment", "reaffirm to deepen"
    restate_blocking: re.Pattern[str]  # "underscored the importance of the commitment"
    predicate_cues: frozenset[str]  # "ready to" only as a predicate ("is ready to")
    predicate_before: re.Pattern[str]  # "is", "would be", "remain fully" right before the cue
    negated_before: re.Pattern[str]  # "does not" right before a cue
    praised: re.Pattern[str]  # "applauded Japan's resolve to bolster"
    outcome: re.Pattern[str]  # "the talks ended with a commitment to"
    effect: re.Pattern[str]  # after a modal: "open other doors", "lead to", "bring"
    conversation: re.Pattern[str]  # after a modal: "confirm this in a moment"
    exhortation: re.Pattern[str]  # "we should stay focused"


def _adverbial(lexicon: Lexicon) -> str:
    """What may stand between a cue verb and its infinitive: "Thursday", "on May 5", "in
    principle" (cues.yaml `cue_adverbials`, `weekdays`, `months`)."""
    months = [str(f) for forms in lexicon.words.get("months") or () for f in forms]
    day = rf"(?:{_alternation(tuple(months))})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    weekday = _alternation(lexicon.word_list("weekdays"))
    words = _alternation(lexicon.word_list("cue_adverbials"))
    return rf"(?:(?:on\s+)?(?:{weekday}|{day})|{words})"


_BE_FORMS = frozenset(("is", "are", "am", "was", "were"))


def _strong_re(lexicon: Lexicon) -> re.Pattern[str]:
    """The intention cues; a two-word "<verb> to" cue lets adverbials stand between its words
    ("agreed Thursday to", "agreed in principle to"), and a cue opening with "is"/"are" one
    after that word ("is also planning")."""
    adverbial = _adverbial(lexicon)
    spread: list[str] = []
    plain: list[str] = []
    for cue in sorted(set(lexicon.word_list("commitment_cues")), key=lambda c: (-len(c), c)):
        words = cue.split()
        if len(words) == 2 and words[1].casefold() == "to" and words[0].casefold() not in _BE_FORMS:
            spread.append(rf"{re.escape(words[0])}(?:,?\s+{adverbial},?)*\s+to")
        elif len(words) > 1 and words[0].casefold() in _BE_FORMS:
            # "is also planning", "are now set to": an adverbial after the "be" of the cue.
            rest = r"\s+".join(re.escape(x) for x in words[1:])
            spread.append(rf"{re.escape(words[0])}(?:\s+{adverbial})?\s+{rest}")
        else:
            plain.append(re.escape(cue))
    # The spread cues first: "agreed on Monday to" is one cue, not "agreed on".
    parts = "|".join(spread + plain) or _NEVER
    return re.compile(rf"(?<![\w])(?:{parts})(?![\w])", re.IGNORECASE)


def _possessive_re(possessives: str, nouns: str, owner_start: str) -> re.Pattern[str]:
    """A possessive before a commitment noun: "our commitment", "America's firm pledge".

    `owner_start` may bar the owner from starting inside a word (see linear.run_start_finditer).
    """
    return re.compile(
        rf"(?:\b(?P<pron>{possessives})|{owner_start}(?P<owner>[\w.]+(?:['’]s|s['’])))"
        rf"\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b",
        re.IGNORECASE,
    )


#: A character of a possessive's owner ("U.S.'s"): the run its pattern opens with.
_OWNER_CHAR_RE = re.compile(r"[\w.]")


@lru_cache(maxsize=8)
def _cues(lexicon: Lexicon) -> _Cues:
    markers = lexicon.word_list("plan_markers")
    plan_words = [re.escape(m) for m in markers if m.casefold() != "to"]
    infinitive = r"|\bto\s+(?!the\b|a\b|an\b)[a-z]+" if "to" in markers else ""
    possessives = _alternation(lexicon.word_list("possessives"))
    nouns = _alternation(lexicon.word_list("commitment_nouns"))
    participles = _alternation(lexicon.word_list("irregular_participles"))
    return _Cues(
        strong=_strong_re(lexicon),
        conditional=_phrase_re(lexicon.word_list("conditional_cues")),
        plan_after=re.compile(rf"\b(?:{'|'.join(plan_words) or _NEVER})\b{infinitive}", re.I),
        modal=_phrase_re(lexicon.word_list("modal_cues")),
        actor_only=frozenset(w.casefold() for w in lexicon.word_list("actor_only_modals")),
        possessive=_possessive_re(possessives, nouns, ""),
        possessive_strict=_possessive_re(possessives, nouns, r"(?<![\w.])"),
        blocker=_phrase_re(lexicon.word_list("noncommitment_cues")),
        passive=re.compile(rf"\s+(?:not\s+)?be\s+(?:[a-z]+ed|[a-z]+en|{participles})\b"),
        modal_blocking=frozenset(w.casefold() for w in lexicon.word_list("modal_blocking_verbs")),
        noun_will=frozenset(w.casefold() for w in lexicon.word_list("noun_will_words")),
        verb_after=re.compile(
            rf"\s+(?:(?:{_alternation(lexicon.word_list('modal_adverbs'))})\s+)*([a-z][a-z-]*)\b"
        ),
        forward=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('forward_cues'))})\s+"
            rf"(?:(?:{_alternation(lexicon.word_list('forward_gerunds'))})\b"
            rf"|(?:[\w.’'-]+\s+){{0,4}}?(?:{_alternation(lexicon.word_list('forward_nouns'))})\b)",
            re.IGNORECASE,
        ),
        courtesy=re.compile(
            rf"\s*(?:(?:{_alternation(lexicon.word_list('courtesy_verbs'))})\b"
            rf"|(?:{_alternation(lexicon.word_list('courtesy_offer_verbs'))})\s+"
            rf"(?:[\w’'-]+\s+){{0,3}}?(?:{_alternation(lexicon.word_list('courtesy_nouns'))})\b)",
            re.IGNORECASE,
        ),
        praise=_phrase_re(lexicon.word_list("praise_verbs")),
        restated=re.compile(
            rf"\b(?:{nouns})\s+(?:{_alternation(lexicon.word_list('owner_markers'))})\s+"
            rf"(?:[^\s.;:]+\s+){{1,16}}?to\s+(?!the\b|a\b|an\b)(?-i:[a-z]+)\b",
            re.IGNORECASE,
        ),
        meeting=_phrase_re(lexicon.word_list("meeting_verbs")),
        purpose=re.compile(rf"\bto\s+(?:{_alternation(lexicon.word_list('purpose_verbs'))})\b"),
        purpose_noun=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('purpose_nouns'))})\s+to\s+"
            rf"(?:{_alternation(lexicon.word_list('purpose_verbs'))})\b",
            re.IGNORECASE,
        ),
        stated_purpose=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('purpose_owners'))})\s+"
            rf"(?:{_alternation(lexicon.word_list('purpose_statement_nouns'))})\b"
            rf"(?:\s+of\s+[^.:;—–]{{1,60}}?)?(?:\s+(?:is|was)|\s*[:—–])\s+to\s+"
            rf"(?!(?:{_alternation(lexicon.word_list('purpose_blocked_verbs'))})\b)[a-z]+\b",
            re.IGNORECASE,
        ),
        agenda=re.compile(
            rf"\b(?!(?:{_alternation(lexicon.word_list('agenda_blocking_words'))})\b)"
            rf"[a-z]+\s+to\s+be\s+(?:{_alternation(lexicon.word_list('agenda_participles'))})\b"
        ),
        priority=re.compile(
            rf"\s+be\s+(?:(?:a|an|the|one\s+of\s+the|our|its|their|his|her|top|main|key|"
            rf"new|central|first|major)\s+)*"
            rf"(?:{_alternation(lexicon.word_list('priority_nouns'))})\b",
            re.IGNORECASE,
        ),
        assessment=frozenset(w.casefold() for w in lexicon.word_list("assessment_verbs")),
        new_clause=re.compile(
            rf"(?:;|\b(?:{_alternation(lexicon.word_list('clause_conjunctions'))}))\s+"
            rf"(?=(?:{_alternation(lexicon.word_list('actor_pronouns'))}"
            rf"|{_alternation(lexicon.word_list('group_phrases'))})\b|[A-Z])"
        ),
        cue_nouns=frozenset(w.casefold() for w in lexicon.word_list("cue_nouns")),
        criticism=_phrase_re(lexicon.word_list("criticism_words")),
        object_aim=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('object_aim_cues'))})\s+"
            rf"(?=(?:{_alternation(lexicon.word_list('object_aim_openers'))})\b)",
            re.IGNORECASE,
        ),
        deadline=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('deadline_modals'))})\s+be\s+"
            rf"(?:[a-z]+ed|[a-z]+en|{participles})\b"
        ),
        signing=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('signing_verbs'))})\s+"
            rf"(?:(?:[\w’'-]+\s+){{0,4}}?|the\s+(?:(?:[A-Z][\w.’'-]*|of|and|for|on|[-–])\s+){{1,10}}?)"
            rf"(?i:{_alternation(lexicon.word_list('agreement_nouns'))})\b"
        ),
        welcome_plan=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('welcome_verbs'))})\s+the\s+"
            rf"(?:[a-z][\w-]*\s+){{0,3}}?(?:{_alternation(lexicon.word_list('welcome_plan_nouns'))})"
            rf"\b(?:\s+(?:from|by|of)\s+(?P<owner>[^,;]{{1,60}}))?"
        ),
        announce=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('announce_verbs'))})\s+"
            rf"(?:[\w’'-]+\s+){{0,4}}?(?i:{_alternation(lexicon.word_list('announce_nouns'))})\b"
        ),
        welcome=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('welcome_verbs'))})\s+the\s+"
            rf"(?:{_alternation(lexicon.word_list('welcome_nouns'))})\s+of\b"
        ),
        restate=_restate_re(lexicon),
        restate_blocking=_phrase_re(lexicon.word_list("restate_blocking_words")),
        predicate_cues=frozenset(w.casefold() for w in lexicon.word_list("predicate_cues")),
        predicate_before=_predicate_re(lexicon),
        negated_before=re.compile(
            rf"(?:\b|(?=['’]))(?:{_alternation(lexicon.word_list('negations'))})\s+$", re.I
        ),
        praised=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('praise_verbs'))})\s+[^.;:]{{0,80}}?"
            rf"(?P<owner>\b[\w.]+(?:['’]s|s['’]))\s+(?:[\w-]+,?\s+){{0,2}}"
            rf"(?:{_alternation(lexicon.word_list('praised_plan_nouns'))})\s+to\s+"
            rf"(?!(?:{_alternation(lexicon.word_list('determiners'))})\b)(?-i:[a-z]+)\b",
            re.IGNORECASE,
        ),
        outcome=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('outcome_verbs'))})\s+"
            rf"(?:[\w’'-]+,?\s+){{0,3}}?(?:{_alternation(lexicon.word_list('outcome_nouns'))})"
            rf"\s+to\b",
            re.IGNORECASE,
        ),
        effect=re.compile(
            rf"(?:{_alternation(lexicon.word_list('effect_verbs'))})\b"
            rf"(?!\s*(?:[,;.]|$|(?:{_alternation(lexicon.word_list('scheduled_after'))})\b))",
            re.IGNORECASE,
        ),
        conversation=re.compile(
            rf"(?:{_alternation(lexicon.word_list('conversation_verbs'))})\b"
            rf"(?:\s+[\w’'-]+){{0,6}}?\s+"
            rf"(?:{_alternation(lexicon.word_list('conversation_times'))})\b",
            re.IGNORECASE,
        ),
        exhortation=re.compile(
            rf"\b(?:{_alternation(lexicon.word_list('exhortation_modals'))})\s+"
            rf"(?:(?:{_alternation(lexicon.word_list('modal_adverbs'))})\s+)*"
            rf"(?:{_alternation(lexicon.word_list('exhortation_verbs'))})\b"
            # "should be passed by": a passive plan; "should stay focused" is no passive
            rf"(?!(?<=\bbe)\s+(?:[a-z]+ed|[a-z]+en|{participles})\b)",
            re.IGNORECASE,
        ),
    )


def _predicate_re(lexicon: Lexicon) -> re.Pattern[str]:
    """What must stand right before a predicate-only cue ("ready to"): a form of "be" or of a
    linking verb, perhaps with adverbs between ("is now fully ready to")."""
    verbs = _alternation(lexicon.word_list("predicate_verbs"))
    skip = _alternation(
        (*lexicon.word_list("subject_skip_words"), *lexicon.word_list("modal_adverbs"))
    )
    return re.compile(rf"(?:\b|(?=['’]))(?:{verbs})(?:\s+(?:{skip}|[a-z]+ly))*\s+$", re.IGNORECASE)


def _restate_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A restated commitment: a restating verb, then within six words a commitment or goal
    noun, or straight away an infinitive that is no audience ("reiterated to reporters")."""
    verbs = _alternation(lexicon.word_list("restate_verbs"))
    nouns = _alternation(lexicon.word_list("restate_nouns"))
    audiences = _alternation((*lexicon.word_list("restate_audiences"), "the", "a", "an"))
    return re.compile(
        rf"\b(?:{verbs})\s+(?:(?:[\w.’'-]+,?\s+){{0,6}}?(?:{nouns})\b"
        rf"|to\s+(?!(?:{audiences})\b)(?-i:[a-z]+)\b)",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str  # strong, conditional, modal, possessive, headline, scheduled
    start: int  # offset in the sentence
    end: int
    subject: tuple[int, int] | None  # the cue's subject phrase (sentence offsets), if known


@dataclass(frozen=True)
class _Doc:
    """What every sentence of one document is judged against."""

    document: Document
    lexicon: Lexicon
    register: PeopleRegister
    parts: Participants
    proper: frozenset[str]
    anchor: PartialDate | None
    dates: dict[int, list[DateMention]]
    memo: dict[tuple[str, str], tuple[str, ...] | None] = field(default_factory=dict)


def _kind(sentence: Sentence, span: tuple[int, int] | None, doc: _Doc) -> str:
    """Whether a subject can commit: see phrase_kind; a person the register knows can."""
    if span is None:
        return "none"
    kind = phrase_kind(sentence.text[span[0] : span[1]], doc.lexicon, doc.proper)
    if kind != "actor" and doc.register.mentions(
        sentence.start + span[0], sentence.start + span[1]
    ):
        return "actor"
    return kind


def _modal_cue(sentence: Sentence, m: re.Match[str], toks: list[Token], doc: _Doc) -> _Cue | None:
    """A "will"/"would" whose subject can act (or a plan, or a passive)."""
    text = sentence.text
    w = actor_words(doc.lexicon)
    cues = _cues(doc.lexicon)
    after = text[m.end() :]
    verb = cues.verb_after.match(after)
    if not verb or verb.group(1) in w.determiners | w.conjunctions | w.prepositions:
        return None  # "the will of the people", "political will to"
    idx = index_at(toks, m.start())
    if idx > 0 and toks[idx - 1].low in cues.noun_will:
        return None
    verb_at = m.end() + verb.start(1)
    if cues.conversation.match(text, verb_at):
        return None  # "X will certainly confirm this in a moment": about the conversation
    # "the deal will open other doors", "the visit will serve as a platform": a forecast
    judging = verb.group(1) in cues.assessment or bool(cues.effect.match(text, verb_at))
    passive = bool(cues.passive.match(after))
    actor_only = m.group(0).casefold() in cues.actor_only
    if verb.group(1) == "be" and _priority(after, doc):
        # "reconciling A with B would be the cornerstone of the government's policies"
        return _Cue("modal", m.start(), m.end(), main_subject(toks, w))
    progressive = verb.group(1) == "be" and bool(_ING_RE.match(after, verb.end()))
    if actor_only and verb.group(1) in cues.modal_blocking and not (passive or progressive):
        return None  # "would welcome", "would have", "would be glad"; not "would be sending"
    how, span = _contracted(toks, m) or subject_before(toks, idx, w)
    if how == "relative":
        antecedent = relative_before(toks, idx, w)
        kind = _kind(sentence, antecedent, doc)
        subject = main_subject(toks, w)
        if _non_actor(text, antecedent, doc):
            return None  # "rising prices, which will hurt consumers": a forecast
        if judging and _plan_subject(text, antecedent, doc):
            return None  # "an accord, which will open new markets": an assessment
        weak = kind == "none" or (actor_only and kind != "actor")
        if weak and _kind(sentence, subject, doc) != "actor":
            return None
        return _Cue("modal", m.start(), m.end(), subject)
    if how == "coordinate" or reported_it(toks, idx, w):
        that = _that_subject(toks, idx, w)
        span = that or main_subject(toks, w)
        if that and _GERUND_RE.match(text[that[0] : that[1]]):
            return None  # "agreed that developing partnerships ... would lead to": a view
        if (that or _kind(sentence, span, doc) != "actor") and toks[idx - 1].text == ",":
            # "The alliance said that the Secretary General, Mr. X, will travel": an
            # apposition that fills the commas before the modal names the subject.
            _, apposition = subject_before(toks, idx - 1, w)
            first = index_at(toks, apposition[0]) if apposition else 0
            filled = first > 0 and toks[first - 1].text == ","
            if (filled or not that) and _kind(sentence, apposition, doc) == "actor":
                span = apposition
    if judging and _plan_subject(text, span, doc):
        return None  # "the dialogue will serve as a platform": an assessment
    kind = _kind(sentence, span, doc)
    if kind == "actor" and _reported_outsider(sentence, toks, span, doc, m.end()):
        return None
    if kind == "actor" or (kind == "plan" and not actor_only):
        return _Cue("modal", m.start(), m.end(), span)
    if passive and not actor_only and not _non_actor(text, span, doc):
        return _Cue("modal", m.start(), m.end(), span)
    return None


def _that_subject(toks: list[Token], idx: int, w: ActorWords) -> tuple[int, int] | None:
    """ "He noted that the site, a former airfield, will now become ...": after a comma, the
    modal's subject is the phrase that opens the that-clause it belongs to (up to its first
    comma or relative pronoun), not the sentence's main subject."""
    if idx < 2 or toks[idx - 1].text != ",":
        return None
    k = idx - 2
    while k > 0 and idx - k < 30 and toks[k].text not in ";:":
        before = toks[k - 1]
        verb = before.low in w.reporting or (before.low.endswith("ed") and not before.capitalised)
        if toks[k].low == "that" and verb:
            break  # "noted that", not the relative "partnerships that include"
        k -= 1
    if k <= 0 or toks[k].low != "that":
        return None
    end = k + 1
    while end < idx - 1 and toks[end].text != "," and toks[end].low not in w.relatives:
        end += 1
    if end == k + 1:
        return None
    return toks[k + 1].start, toks[end - 1].end


def _contracted(toks: list[Token], m: re.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """ "we’ll": the subject is the word the modal is written onto."""
    if m.group(0)[:1] not in "'’":
        return None
    host = next((t for t in toks if t.start < m.start() < t.end), None)
    return ("np", (host.start, m.start())) if host else None


def _priority(after: str, doc: _Doc) -> bool:
    """ "... be the cornerstone of the new government's policies", "... be a priority for the
    government": a priority noun, then an actor it belongs to."""
    m = _cues(doc.lexicon).priority.match(after)
    if not m:
        return False
    rest = after[m.end() :]
    w = actor_words(doc.lexicon)
    words = [re.sub(r"['’]s$", "", t.low) for t in tokens(rest)]
    owner = any(word in w.actor_nouns or word in w.speaker_pronouns for word in words)
    return owner or bool(find_countries(rest, doc.lexicon))


def _plan_subject(text: str, span: tuple[int, int] | None, doc: _Doc) -> bool:
    """Whether a subject is a plan or a thing ("the new Dialogue (EPD)"), not an actor."""
    if span is None:
        return False
    phrase = re.sub(r"\s*\([^)]*\)\s*$", "", text[span[0] : span[1]])
    w = actor_words(doc.lexicon)
    head = head_word(phrase, w)
    return head in w.plan_nouns or head in w.non_actor


def _reported_outsider(
    sentence: Sentence,
    toks: list[Token],
    span: tuple[int, int] | None,
    doc: _Doc,
    modal_end: int,
) -> bool:
    """ "Austin said China will keep up the pressure": a speaker's forecast about a country
    that is not among the document's main participants is an assessment, not a plan. Unless
    it acts with a participant: "the PM said the UK would continue to work with the US"."""
    if span is None:
        return False
    w = actor_words(doc.lexicon)
    if not any(t.low in w.reporting for t in toks if t.end <= span[0]):
        return False
    named = {h.country for h in find_countries(sentence.text[span[0] : span[1]], doc.lexicon)}
    main = set(doc.parts.group())
    if not named or named & main:
        return False
    partner = re.search(r"\bwith\s+(?:the\s+)?([^,;]{1,40})", sentence.text[modal_end:])
    return not (
        partner and {h.country for h in find_countries(partner.group(1), doc.lexicon)} & main
    )


def _non_actor(text: str, span: tuple[int, int] | None, doc: _Doc) -> bool:
    if span is None:
        return False
    w = actor_words(doc.lexicon)
    words = [t.low for t in tokens(text[span[0] : span[1]])]
    return any(word in w.non_actor for word in words[-2:])


def _headline(sentence: Sentence, toks: list[Token], doc: _Doc) -> _Cue | None:
    """A heading in headline style: "<actor> to <verb> ..." ("Germany to send frigate")."""
    if not sentence.heading:
        return None
    w = actor_words(doc.lexicon)
    for k, tok in enumerate(toks[1:-1], start=1):
        if tok.text == "to" and toks[k + 1].word and not toks[k + 1].capitalised:
            how, span = subject_before(toks, k, w)
            if how == "np" and _kind(sentence, span, doc) == "actor":
                return _Cue("headline", tok.start, tok.end, span)
            return None
    return None


def find_cues(sentence: Sentence, doc: _Doc, *, nested: bool = False) -> list[_Cue]:
    """The commitment cues of a sentence that survive the blockers, left to right.

    `nested` reads a later clause of a sentence on its own (no schedule or headline rules)."""
    text = sentence.text
    if text.rstrip("”\"’' ").endswith("?"):
        return []  # a question commits no one
    cues = _cues(doc.lexicon)
    w = actor_words(doc.lexicon)
    toks = tokens(text)
    blocker = _blocker(text, cues)
    blocked_from = blocker.start() if blocker else len(text) + 1
    later: list[_Cue] = []
    reopen = cues.new_clause.search(text, blocker.end()) if blocker else None
    if reopen and not nested:
        # A later clause with its own subject is not under the blocker.
        k = reopen.end()
        clause = replace(sentence, text=text[k:], start=sentence.start + k)
        later = [_shift(c, k) for c in find_cues(clause, doc, nested=True)]

    def subject_at(offset: int) -> tuple[int, int] | None:
        how, span = subject_before(toks, index_at(toks, offset), w)
        return span if how == "np" else main_subject(toks, w)

    found: list[_Cue] = []
    for m in cues.strong.finditer(text):
        if m.start() >= blocked_from or cues.courtesy.match(text, m.end()):
            continue
        if _BARE_BE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "this can only be decided if ...": a participle, no decision
        if m.group(0).casefold() in cues.predicate_cues and not cues.predicate_before.search(
            text, 0, m.start()
        ):
            continue  # "..., ready to face what comes": a stance, no predicate
        if _idiom(sentence, m, toks, doc):
            continue  # "the quarrel, which does not want to be one"
        noun = m.group(0).split()[0].casefold() in cues.cue_nouns
        owned = noun and _OWNED_RE.search(text[max(0, m.start() - 40) : m.start()])
        if owned and cues.criticism.search(text, m.end()):
            continue  # "the rival party's plan to cut taxes is irresponsible"
        found.append(_Cue("strong", m.start(), m.end(), subject_at(m.start())))
    for m in cues.conditional.finditer(text):
        if m.start() < blocked_from and _plan_follows(sentence, m.end(), toks, doc):
            found.append(_Cue("conditional", m.start(), m.end(), subject_at(m.start())))
    for cue in _object_cues(sentence, toks, doc):
        if cue.start < blocked_from:
            found.append(cue)
    for pattern in (cues.forward, cues.restated, cues.purpose_noun, cues.agenda):
        for m in pattern.finditer(text):
            if m.start() < blocked_from:
                found.append(_Cue("strong", m.start(), m.end(), subject_at(m.start())))
    quotes = None
    for m in cues.stated_purpose.finditer(text):
        quotes = quotes or OpenQuotes(text)
        if m.start() < blocked_from and quotes.inside(m.start()):
            found.append(_Cue("strong", m.start(), m.end(), None))
    purpose = _purpose(sentence, toks, doc)
    if purpose is not None and purpose.start < blocked_from:
        found.append(purpose)
    for m in cues.praised.finditer(text):
        owner = (m.start("owner"), m.end("owner"))
        if m.start() < blocked_from and _participant(sentence, owner, doc):
            # "applauded Japan's resolve to bolster": a main participant's own plan
            found.append(_Cue("strong", owner[0], m.end(), owner))
    for m in cues.outcome.finditer(text):
        if m.start() < blocked_from and not _background(sentence, doc):
            # "the talks ended with a commitment to": the participants' commitment; a
            # meeting subject ("their meeting in Manila") names no actor by its place
            span = subject_at(m.start())
            meeting = any(t.low in w.plan_nouns for t in toks if t.end <= m.start())
            if meeting or _kind(sentence, span, doc) != "actor":
                span = None
            found.append(_Cue("strong", m.start(), m.end(), span))
    praise = cues.praise.search(text)
    for m in run_start_finditer(cues.possessive, cues.possessive_strict, _OWNER_CHAR_RE, text):
        if m.start() >= blocked_from:
            continue
        if praise and praise.end() <= m.start() and m["owner"]:
            continue  # "praised the Czech Republic's commitments": praise of another's
        if m["owner"]:
            _, span = subject_before(toks, index_at(toks, m.start("owner")) + 1, w)
        elif m["pron"].casefold() in w.speaker_pronouns:
            span = (m.start("pron"), m.end("pron"))
        else:
            span = main_subject(toks, w)
            if span and span[0] >= m.start():
                span = None
        found.append(_Cue("possessive", m.start(), m.end(), span))
    judged = False  # a modal read as a forecast or an assessment
    for m in cues.modal.finditer(text):
        if m.start() < blocked_from:
            cue = _modal_cue(sentence, m, toks, doc)
            if cue is not None:
                found.append(cue)
            elif cues.verb_after.match(text, m.end()):
                judged = True
    found.extend(later)
    if not found and not nested and blocker is None and not judged:
        extra = _headline(sentence, toks, doc) or _scheduled(sentence, doc, toks)
        if extra is not None:
            found.append(extra)
    found.sort(key=lambda c: c.start)
    return found


def _participant(sentence: Sentence, span: tuple[int, int], doc: _Doc) -> bool:
    """Whether a phrase names main participants only (countries, or people of theirs)."""
    named = {h.country for h in find_countries(sentence.text[span[0] : span[1]], doc.lexicon)}
    people = doc.register.mentions(sentence.start + span[0], sentence.start + span[1])
    named |= {p.country for p, _ in people if p.country}
    return bool(named) and named <= set(doc.parts.group())


def _blocker(text: str, cues: _Cues) -> re.Match[str] | None:
    """The first phrase that turns what follows into a hope, a demand, a view or an
    exhortation ("we should stay focused on what we want to achieve")."""
    found = [m for m in (cues.blocker.search(text), cues.exhortation.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _idiom(sentence: Sentence, m: re.Match[str], toks: list[Token], doc: _Doc) -> bool:
    """A negated cue before "be" whose subject is no actor: "the quarrel, which does not want
    to be one" says what a thing is, not what anyone refuses."""
    text = sentence.text
    cues = _cues(doc.lexicon)
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
    return _kind(sentence, span, doc) != "actor"


_BARE_BE_RE = re.compile(r"\bbe\s+$")
#: After "would be": a progressive ("would be providing") is a plan like "would provide".
_ING_RE = re.compile(r"\s+[a-z]+ing\b")
#: Before a cue noun ("plan to"): a determiner or an owner, so the cue is a noun.
_OWNED_RE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her)|\w['’]s|\ws['’])\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_GERUND_RE = re.compile(r"\s*(?:the\s+)?[a-z]+ing\b")


def _plan_follows(sentence: Sentence, offset: int, toks: list[Token], doc: _Doc) -> bool:
    """After "agreed that": a plan (a modal or an infinitive) must follow, and a modal's
    subject must not be an activity or a thing: "agreed that experts would meet" is a plan,
    "agreed that developing partnerships would lead to stability" a shared view."""
    text = sentence.text
    marker = _cues(doc.lexicon).plan_after.search(text, offset)
    if marker is None:
        return False
    if marker.group(0).casefold().startswith("to"):
        return True
    subject = text[offset : marker.start()]
    if _GERUND_RE.match(subject):
        return False
    span = (offset, marker.start())
    return not _non_actor(text, span, doc) or _kind(sentence, span, doc) == "actor"


def _object_cues(sentence: Sentence, toks: list[Token], doc: _Doc) -> list[_Cue]:
    """Cues an actor's subject must carry: an aim with an object ("Chile sought a closer
    partnership"), a plan in the passive with a deadline ("the act should be passed by the
    summer"), a signed agreement ("the two governments signed a memorandum on ..."), the
    welcomed start of something ("welcomed the opening of the consulate") or plan of the
    participants ("welcomed the announcements from the joint committee"), an announced new body
    ("announced a joint forum") and a restated commitment ("reaffirmed the commitment to")."""
    if sentence.heading:
        return []  # "Chile Signs Fisheries Agreement": a headline retells a past act
    cues = _cues(doc.lexicon)
    w = actor_words(doc.lexicon)
    text = sentence.text
    out: list[_Cue] = []

    def actor_subject(offset: int) -> tuple[int, int] | None:
        how, span = subject_before(toks, index_at(toks, offset), w)
        if how == "relative":
            span = relative_before(toks, index_at(toks, offset), w)
        elif how != "np":
            span = main_subject(toks, w)
        return span if _kind(sentence, span, doc) == "actor" else None

    for m in cues.object_aim.finditer(text):
        if _BARE_BE_RE.search(text, max(0, m.start() - 12), m.start()) or _demand_on_others(
            text, m.end(), doc
        ):
            continue
        span = actor_subject(m.start())
        if span is not None:
            out.append(_Cue("strong", m.start(), m.end(), span))
    for m in cues.deadline.finditer(text):
        if _deadline_after(sentence, m.end(), doc):
            out.append(_Cue("strong", m.start(), m.end(), None))
    for m in cues.welcome_plan.finditer(text):
        owner = m["owner"] and {h.country for h in find_countries(m["owner"], doc.lexicon)}
        if owner and not owner <= set(doc.parts.group()):
            continue  # "welcomed the plans of Peru": another's plan
        span = actor_subject(m.start())
        if span is not None:
            out.append(_Cue("strong", m.start(), m.end(), span))
    for pattern in (cues.signing, cues.announce, cues.welcome, cues.restate):
        if pattern in (cues.signing, cues.announce) and _background(sentence, doc):
            continue  # "the two countries signed a trade pact in 2015": history
        for m in pattern.finditer(text):
            if pattern is cues.restate and cues.restate_blocking.search(m.group(0)):
                continue  # "underscored the importance of the commitment": a view
            if m.group(0).split()[0].casefold() in w.prepositions | w.intro:
                # "formalized their cooperation with the signing of": the clause's subject
                span = main_subject(toks, w)
                span = span if _kind(sentence, span, doc) == "actor" else None
            else:
                span = actor_subject(m.start())
            if span is not None:
                out.append(_Cue("strong", m.start(), m.end(), span))
    return out


def _background(sentence: Sentence, doc: _Doc) -> bool:
    """Whether every date of the sentence lies in a year before the document's."""
    dates = doc.dates.get(sentence.index) or []
    if not dates or doc.anchor is None:
        return False
    starts = [first_date(d.when) for d in dates]
    return all(p is not None and p.year < doc.anchor.year for p in starts)


def _demand_on_others(text: str, offset: int, doc: _Doc) -> bool:
    """ "wants the EU to lift sanctions": an actor as the object before an infinitive."""
    m = re.match(r"((?:[\w’'.-]+\s+){1,6}?)to\s+[a-z]", text[offset:])
    if m is None:
        return False
    window = m.group(1)
    w = actor_words(doc.lexicon)
    if find_countries(window, doc.lexicon):
        return True
    return any(t.low in w.actor_nouns or t.low in w.pronouns for t in tokens(window))


def _deadline_after(sentence: Sentence, offset: int, doc: _Doc) -> bool:
    """A date right after a deadline word ("by the summer", "before 2025") follows `offset`."""
    words = _alternation(doc.lexicon.word_list("deadline_words"))
    for date in doc.dates.get(sentence.index, ()):
        if date.start < offset:
            continue
        before = sentence.text[offset : date.start]
        if re.search(rf"\b(?:{words})\s+(?:the\s+)?$", before, re.IGNORECASE):
            return True
    return False


def _shift(cue: _Cue, k: int) -> _Cue:
    subject = (cue.subject[0] + k, cue.subject[1] + k) if cue.subject else None
    return replace(cue, start=cue.start + k, end=cue.end + k, subject=subject)


#: A relative pronoun a few words before a meeting verb: the act is in a relative clause.
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|who|that|whom)\s+(?:\S+\s+){0,4}$")


def _purpose(sentence: Sentence, toks: list[Token], doc: _Doc) -> _Cue | None:
    """The purpose of a meeting, a trip or a call: "X visited Japan today to boost ties",
    "X and Y met to launch a dialogue", "X spoke with Y to reaffirm the alliance". The
    subject of the act must be an actor; "to discuss" or "to attend" is not a purpose, and an
    act in a relative clause has no purpose past the clause's comma."""
    cues = _cues(doc.lexicon)
    text = sentence.text
    act = cues.meeting.search(text)
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
    how, span = subject_before(toks, index_at(toks, act.start()), w)
    if how != "np":
        span = main_subject(toks, w)
    if _kind(sentence, span, doc) != "actor":
        return None
    return _Cue("purpose", goal.start(), goal.end(), span)


def _in_name(text: str, date: DateMention) -> bool:
    """A year inside a name ("the Tokyo 2020 Olympic Games") dates the name, not a plan."""
    before = word_and_space_before(text, date.start, "ascii")
    after = _ASCII_WORD_AFTER_RE.match(text, date.end)
    return bool(before and after and before[0].isupper() and after.group(1)[0].isupper())


_ASCII_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z]+)")


_PROGRESSIVE_RE = re.compile(r"\b(?:is|are|am)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")


def _scheduled(sentence: Sentence, doc: _Doc, toks: list[Token]) -> _Cue | None:
    """No cue, but an actor dated after the document: "Scholz is back in Japan in May", or a
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
    w = actor_words(doc.lexicon)
    if sentence_tense(text, doc.lexicon) != "past":
        span = main_subject(toks, w)
        if _kind(sentence, span, doc) == "actor":
            return _Cue("scheduled", future[0].start, future[0].end, span)
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
            if _kind(sentence, span, doc) == "actor":
                return _Cue("scheduled", date.start, date.end, span)
    return None


#: A short line with no final punctuation glued before a sentence that starts with a capital (a
#: heading kept inside the paragraph; a hard-wrapped line ends in a small word or goes on in
#: lower case), or a "City:" or "CITY, Month D --" dateline ("New Delhi: Three parties ...").
_LEAD_LINE_RE = re.compile(r"([^\n.!?,;]{1,80})\n\s*(?=[A-Z“\"])")
_SMALL_WORDS = frozenset("a an and the of in on for to with at by from & – —".split())
_DATELINE_RE = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}:\s+(?=[A-Z“\"])"
    # "WASHINGTON, June 20 -- ": a double hyphen, which the segmenter leaves in the sentence
    r"|[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?\s*--\s+(?=[A-Z“\"])"
)


def strip_dateline(sentence: Sentence) -> Sentence:
    """A paragraph's first sentence without a glued heading line or a "City:" dateline, so a
    commitment cites the sentence itself."""
    text = sentence.text
    cut = 0
    line = _LEAD_LINE_RE.match(text)
    if line and all(
        w[:1].isupper() or w[:1].isdigit() or w in _SMALL_WORDS for w in line[1].split()
    ):
        cut = line.end()  # a title-case line, not a hard-wrapped one ("... met Prime Minister")
    m = _DATELINE_RE.match(text, cut)
    if m and m.end() < len(text):
        cut = m.end()
    if not cut:
        return sentence
    return replace(sentence, text=text[cut:], start=sentence.start + cut)


# --- actors ---------------------------------------------------------------------------------


@dataclass
class _State:
    previous: tuple[str, ...] = ()
    previous_paragraph: int = 0


def _speaker_country(body_offset: int, doc: _Doc, quotes: QuoteIndex) -> str | None:
    """The country of whoever says the quote around `body_offset` (see QuoteIndex.speaker_of)."""
    speaker, _ = quotes.speaker_of(body_offset)
    if speaker is None:
        return None
    return speaker.country or next(iter(_unrepresented(doc, ())), None)


_PRONOUN_AFTER_RE = re.compile(r"[\s,”\"’']*(\w+)")


def _speaker_topics(
    sentence: Sentence,
    doc: _Doc,
    quotes: QuoteIndex,
    person_topics: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """For a quoted sentence with no topic of its own or of its paragraph ("And that's why
    we'll keep coming back," Austin said): the topics of the latest paragraph that named its
    speaker, who goes on with the same subject. A "he said" speaker is the person it refers to."""
    offset = sentence.start + len(sentence.text) - len(sentence.text.lstrip("“\"'‘ "))
    speaker, quote = quotes.speaker_of(offset)
    if quote is None:
        return ()
    if speaker is None:
        m = _PRONOUN_AFTER_RE.match(doc.document.text, quote[1])
        if m and m.group(1).casefold() in _singular_pronouns(doc.lexicon):
            speaker = doc.register.resolve(m.group(1), m.start(1))
    return person_topics.get(speaker.id, ()) if speaker else ()


def _subject_topics(
    sentence: Sentence,
    cues: list[_Cue],
    doc: _Doc,
    person_topics: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """For a sentence with no topic of its own or of its paragraph whose subject is a person
    ("The Secretary also reiterated ..."): the topics of the latest paragraph that named that
    person. A country or a group subject gives none: what it does next is a new subject."""
    for cue in cues:
        if cue.subject is None:
            continue
        start, end = sentence.start + cue.subject[0], sentence.start + cue.subject[1]
        people = doc.register.mentions(start, end)
        if not people:
            word = sentence.text[cue.subject[0] : cue.subject[1]].strip()
            if word.casefold() in _singular_pronouns(doc.lexicon):
                person = doc.register.resolve(word, start)
                people = [(person, start)] if person is not None else []
        for person, _ in people:
            if person.id in person_topics:
                return person_topics[person.id]
    return ()


def _unrepresented(doc: _Doc, taken: Iterable[str]) -> list[str]:
    """Main participants that no named person of known country represents: where a person
    whose country the text never gives most likely comes from."""
    known = {p.country for p in doc.register.people if p.country and not p.former}
    taken = set(taken)
    return [c for c in doc.parts.group() if c not in known and c not in taken]


def _phrase_actors(
    sentence: Sentence,
    span: tuple[int, int],
    doc: _Doc,
    state: _State,
    speaker: str | None,
    in_quote: bool,
) -> list[str]:
    """The countries a subject phrase names: directly, through people, groups or pronouns."""
    w = actor_words(doc.lexicon)
    text = sentence.text
    phrase = text[span[0] : span[1]]
    out = [hit.country for hit in find_countries(phrase, doc.lexicon)]
    people = doc.register.mentions(sentence.start + span[0], sentence.start + span[1])
    out.extend(p.country for p, _ in people if p.country)
    unknown = {p.id for p, _ in people if not p.country}
    if unknown:
        # "Marles [Australia] and Austin [?]" → Austin stands for the United States.
        out.extend(_unrepresented(doc, out)[: len(unknown)])
    group = w.group_re.search(phrase)
    if group:
        out.extend(group_of(group.group(0), doc.parts, doc.lexicon))
    singular = _singular_pronouns(doc.lexicon)
    for tok in tokens(phrase):
        low = tok.low
        if low in w.plural_pronouns:
            out.extend(state.previous if len(state.previous) > 1 else doc.parts.group())
        elif low in w.speaker_pronouns:
            out.extend(_speaker_side(text, doc, speaker, in_quote))
        elif low in singular:
            person = doc.register.resolve(tok.text, sentence.start + span[0] + tok.start)
            if person is not None and person.country:
                out.append(person.country)
    return out


@lru_cache(maxsize=8)
def _singular_pronouns(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.word_list("singular_pronouns"))


def _our_group(text: str, doc: _Doc) -> tuple[str, ...] | None:
    """The actors of the first group the text names with "our" ("among our countries"), if
    any; remembered per text, as every cue of a sentence asks (a sentence of many cues would
    be rescanned per cue)."""
    key = ("our_group", text)
    if key not in doc.memo:
        w = actor_words(doc.lexicon)
        found = None
        for group in w.group_re.finditer(text):
            if any(word in w.speaker_pronouns for word in group.group(0).casefold().split()):
                found = group_of(group.group(0), doc.parts, doc.lexicon)
                break
        doc.memo[key] = found
    return doc.memo[key]


def _speaker_side(text: str, doc: _Doc, speaker: str | None, in_quote: bool) -> tuple[str, ...]:
    """Whom "we" stands for: a group the sentence names with "our" ("among our countries"),
    else inside a quote the speaker's country, else (a joint statement) all participants."""
    named = _our_group(text, doc)
    if named is not None:
        return named
    if in_quote:
        return (speaker,) if speaker else doc.parts.group(1)
    return doc.parts.group()


def _agent_actors(text: str, doc: _Doc) -> list[str]:
    """Countries after "by" in a passive or a purpose phrase ("efforts by the United States")."""
    markers = doc.lexicon.word_list("agent_markers")
    if not markers:
        return []
    out = []
    for m in re.finditer(rf"\b(?:{_alternation(markers)})\s+", text, re.IGNORECASE):
        window = text[m.end() : m.end() + 60]
        hits = find_countries(window, doc.lexicon)
        if hits and hits[0].start < 8:
            out.append(hits[0].country)
    return out


def _actors(
    sentence: Sentence,
    cues: list[_Cue],
    paragraph: Paragraph,
    doc: _Doc,
    state: _State,
    quotes: QuoteIndex,
) -> tuple[tuple[str, ...], bool]:
    """The sentence's actors, and whether they were only guessed (no subject named one)."""
    out: list[str] = []
    for cue in cues:
        if cue.subject is None:
            continue
        body_offset = sentence.start + cue.start
        in_quote = quotes.quote_at(body_offset) is not None
        speaker = _speaker_country(body_offset, doc, quotes) if in_quote else None
        out.extend(_phrase_actors(sentence, cue.subject, doc, state, speaker, in_quote))
    if not out:
        out.extend(_agent_actors(sentence.text, doc))
    if out:
        return unique(out), False
    if state.previous and state.previous_paragraph == paragraph.number:
        return state.previous, False  # "The aim is to ...": the paragraph's actors
    return doc.parts.group(), True  # else the document's main participants


# --- topics ---------------------------------------------------------------------------------


def _context_texts(paragraphs: tuple[Paragraph, ...]) -> dict[int, str]:
    """Each paragraph's context for topics: itself, or for a heading its section below."""
    out: dict[int, str] = {}
    for i, paragraph in enumerate(paragraphs):
        if not paragraph.heading:
            out[paragraph.number] = paragraph.text
            continue
        section = []
        for nxt in paragraphs[i + 1 :]:
            if nxt.heading:
                break
            section.append(nxt.text)
        out[paragraph.number] = "\n".join(section)
    return out


def _completion(sentence: Sentence, paragraph: Paragraph, text: str) -> str:
    """The list items that complete a lead-in sentence ("... will deepen cooperation on:"
    followed by bullets): the paragraph's later sentences, each on a line of its own."""
    if not sentence.text.rstrip().endswith(":"):
        return ""
    items = []
    end = sentence.end
    for nxt in paragraph.sentences:
        if nxt.start < sentence.end:
            continue
        if "\n" not in text[end : nxt.start]:
            break
        items.append(nxt.text)
        end = nxt.end
    return "\n".join(items)


def _topics(
    text: str, around: tuple[str, ...], lexicon: Lexicon, completion: str = ""
) -> tuple[str, ...]:
    """The sentence's own topics; a sentence with none takes its paragraph's main topic, and
    without that `other` (a coalition deal is not diplomacy because the document also talks
    about a pandemic). A sentence about meeting only ("agreed for talks to take place") also
    takes what its paragraph is about. A lead-in's list items come first: they say what the
    cooperation is about, the lead-in only that there is some."""
    generic = set(lexicon.word_list("generic_topics"))
    listed = classify_topics(completion, lexicon) if completion else ()
    own = tuple(t for t in listed if t not in generic)
    own += tuple(t for t in classify_topics(text, lexicon) + listed if t not in own)
    topics = tuple(dict.fromkeys(own))[:MAX_TOPICS]
    if not topics:
        return around[:1] or (DEFAULT_TOPIC,)
    if set(topics) <= generic:
        topics += tuple(t for t in around if t not in generic)[:1]
    return topics


def _overlap(a: str, b: str) -> int:
    """Content words two sentences share (words of four letters or more)."""

    def words(s: str) -> set[str]:
        return {w.casefold() for w in re.findall(r"[A-Za-z]{4,}", s)}

    return len(words(a) & words(b))


# --- the pass -------------------------------------------------------------------------------


def extract_commitments(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Commitment]:
    """Every commitment in the document, in text order, with actors, topics and date."""
    doc = _Doc(
        document=document,
        lexicon=lexicon,
        register=register,
        parts=participants(document, paragraphs, register, lexicon),
        proper=proper_words(paragraphs),
        anchor=PartialDate.parse(document.date),
        dates=sentence_dates(document, paragraphs, lexicon),
    )
    contexts = _context_texts(paragraphs)
    context_topics: dict[int, tuple[str, ...]] = {}  # each paragraph classified once
    state = _State()
    out: list[Commitment] = []
    section = 0  # the heading paragraph each commitment falls under
    sections: list[int] = []
    guessed_headings: list[int] = []
    named: list[bool] = []
    person_topics: dict[str, tuple[str, ...]] = {}  # a person's latest paragraph with topics
    for paragraph in paragraphs:
        spans = [(q.start, q.end) for q in quote_spans(document.text, paragraph)]
        quotes = QuoteIndex.build(spans, paragraph, register)
        if paragraph.heading:
            section = paragraph.number
        for sentence in paragraph.sentences:
            if sentence is paragraph.sentences[0]:
                sentence = strip_dateline(sentence)
            cues = find_cues(sentence, doc)
            if not cues:
                continue
            actors, guessed = _actors(sentence, cues, paragraph, doc, state, quotes)
            if paragraph.heading and guessed:
                guessed_headings.append(len(out))
            sections.append(section)
            named.append(not guessed)
            dates = doc.dates.get(sentence.index) or []
            if paragraph.number not in context_topics:
                context_topics[paragraph.number] = classify_topics(
                    contexts[paragraph.number], lexicon
                )
            around = context_topics[paragraph.number]
            if not around:
                around = _speaker_topics(sentence, doc, quotes, person_topics)
            if not around:
                around = _subject_topics(sentence, cues, doc, person_topics)
            out.append(
                Commitment(
                    sentence=sentence.text,
                    actors=actors,
                    topics=_topics(
                        sentence.text,
                        around,
                        lexicon,
                        _completion(sentence, paragraph, document.text),
                    ),
                    source=Source(document.id, sentence.paragraph, sentence.text),
                    when=dates[0].when if dates else None,
                )
            )
            state.previous = actors
            state.previous_paragraph = paragraph.number
        if paragraph.number not in context_topics:
            context_topics[paragraph.number] = classify_topics(contexts[paragraph.number], lexicon)
        if context_topics[paragraph.number]:
            end = paragraph.start + len(paragraph.text)
            for person, _ in register.mentions(paragraph.start, end):
                person_topics[person.id] = context_topics[paragraph.number]
    for h in guessed_headings:
        # A heading summarises its section: it takes the actors of the section's commitment
        # that shares most words with it ("another frigate ... to the Pacific region" and "the
        # Bundeswehr wants to send another warship to the Pacific region").
        same = [i for i in range(len(out)) if i != h and sections[i] == sections[h] and named[i]]
        if same:
            best = max(same, key=lambda i: (_overlap(out[h].sentence, out[i].sentence), -i))
            out[h] = replace(out[h], actors=out[best].actors)
    return out
