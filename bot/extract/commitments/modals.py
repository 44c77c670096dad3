"""Modal cues: a "will" or "would" is a commitment when its subject can act.

"Germany will send a frigate" and "the meeting, which will conclude tomorrow" commit; a passive
implies an actor ("another frigate will be sent"). Forecasts and assessments do not: "demand
will expand", "it will lead to", "the deal will open other doors" (a plan or a thing with a verb
of effect), "the dialogue will serve as a platform", and a speaker's forecast about a country
outside the document's main participants ("Reyes said China will keep up the pressure"),
unless it acts with one ("the UK would continue to work with the US"). Wishes and courtesies
("would welcome", "would be glad") are no plans; a progressive ("would be providing") is.
"""

from __future__ import annotations

import re

from bot.extract.actors import (
    ActorWords,
    Token,
    actor_words,
    head_word,
    index_at,
    main_subject,
    relative_before,
    reported_it,
    subject_before,
    tokens,
)
from bot.extract.commitments.context import (
    GERUND_RE,
    CommitmentDoc,
    Cue,
    LazyTokens,
    subject_kind,
)
from bot.extract.commitments.cue_patterns import cue_patterns
from bot.extract.countries import find_countries
from bot.extract.text import Sentence

#: After "would be": a progressive ("would be providing") is a plan like "would provide".
_ING_RE = re.compile(r"\s+[a-z]+ing\b")


def modal_cue(
    sentence: Sentence, m: re.Match[str], lazy: LazyTokens, doc: CommitmentDoc
) -> Cue | None:
    """A "will"/"would" whose subject can act (or a plan, or a passive). The sentence's
    tokens (`lazy`) are made only past the tests that need none ("the will of the people")."""
    text = sentence.text
    w = actor_words(doc.lexicon)
    cues = cue_patterns(doc.lexicon)
    after = text[m.end() :]
    verb = cues.verb_after.match(after)
    if not verb:
        return None
    word = verb.group(1)
    if word in w.determiners or word in w.conjunctions or word in w.prepositions:
        return None  # "the will of the people", "political will to"
    verb_at = m.end() + verb.start(1)
    if cues.conversation.match(text, verb_at):
        return None  # "X will certainly confirm this in a moment": about the conversation
    if cues.social.match(text, verb_at):
        return None  # "I will attend the dinner hosted for the ministers": a courtesy
    toks = lazy()
    idx = index_at(toks, m.start())
    if idx > 0 and toks[idx - 1].low in cues.noun_will:
        return None
    # "the deal will open other doors", "the visit will serve as a platform": a forecast
    judging = verb.group(1) in cues.assessment or bool(cues.effect.match(text, verb_at))
    passive = bool(cues.passive.match(after))
    actor_only = m.group(0).casefold() in cues.actor_only
    if verb.group(1) == "be" and _priority(after, doc):
        # "reconciling A with B would be the cornerstone of the government's policies"
        return Cue("modal", m.start(), m.end(), main_subject(toks, w))
    progressive = verb.group(1) == "be" and bool(_ING_RE.match(after, verb.end()))
    if actor_only and verb.group(1) in cues.modal_blocking and not (passive or progressive):
        return None  # "would welcome", "would have", "would be glad"; not "would be sending"
    how, span = _contracted(toks, m) or subject_before(toks, idx, w)
    if how == "relative":
        antecedent = relative_before(toks, idx, w)
        kind = subject_kind(sentence, antecedent, doc)
        subject = main_subject(toks, w)
        if non_actor(text, antecedent, doc):
            return None  # "rising prices, which will hurt consumers": a forecast
        if judging and _plan_subject(text, antecedent, doc):
            return None  # "an accord, which will open new markets": an assessment
        weak = kind == "none" or (actor_only and kind != "actor")
        if weak and subject_kind(sentence, subject, doc) != "actor":
            return None
        return Cue("modal", m.start(), m.end(), subject)
    if how == "coordinate" or reported_it(toks, idx, w):
        that = _that_subject(toks, idx, w)
        span = that or main_subject(toks, w)
        if that and GERUND_RE.match(text[that[0] : that[1]]):
            return None  # "agreed that developing partnerships ... would lead to": a view
        if (that or subject_kind(sentence, span, doc) != "actor") and toks[idx - 1].text == ",":
            # "The alliance said that the Secretary General, Mr. X, will travel": an
            # apposition that fills the commas before the modal names the subject.
            _, apposition = subject_before(toks, idx - 1, w)
            first = index_at(toks, apposition[0]) if apposition else 0
            filled = first > 0 and toks[first - 1].text == ","
            if (filled or not that) and subject_kind(sentence, apposition, doc) == "actor":
                span = apposition
    if judging and _plan_subject(text, span, doc):
        return None  # "the dialogue will serve as a platform": an assessment
    kind = subject_kind(sentence, span, doc)
    if kind == "actor" and _reported_outsider(sentence, toks, span, doc, m.end()):
        return None
    if kind == "actor" or (kind == "plan" and not actor_only):
        return Cue("modal", m.start(), m.end(), span)
    if passive and not actor_only and not non_actor(text, span, doc):
        return Cue("modal", m.start(), m.end(), span)
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


def _priority(after: str, doc: CommitmentDoc) -> bool:
    """ "... be the cornerstone of the new government's policies", "... be a priority for the
    government": a priority noun, then an actor it belongs to."""
    m = cue_patterns(doc.lexicon).priority.match(after)
    if not m:
        return False
    rest = after[m.end() :]
    w = actor_words(doc.lexicon)
    words = [re.sub(r"['’]s$", "", t.low) for t in tokens(rest)]
    owner = any(word in w.actor_nouns or word in w.speaker_pronouns for word in words)
    return owner or bool(find_countries(rest, doc.lexicon))


def _plan_subject(text: str, span: tuple[int, int] | None, doc: CommitmentDoc) -> bool:
    """Whether a subject is a plan or a thing ("the new Dialogue (EPD)"), not an actor."""
    if span is None:
        return False
    phrase = re.sub(r"\s*\([^)]*\)\s*$", "", text[span[0] : span[1]])
    w = actor_words(doc.lexicon)
    head = head_word(phrase, w)
    return head in w.plan_nouns or head in w.non_actor or _acronym_name(phrase, head, doc)


def _acronym_name(phrase: str, head: str, doc: CommitmentDoc) -> bool:
    """A head written as an acronym that names no country or body is a named partnership,
    strategy or programme ("the ASTC will outline measures", "the PEX will open markets"):
    a thing, so a verb of effect or description after it is an assessment."""
    word = next((t.text for t in tokens(phrase) if t.low == head), "")
    return len(word) >= 3 and word.isupper() and not find_countries(word, doc.lexicon)


def _reported_outsider(
    sentence: Sentence,
    toks: list[Token],
    span: tuple[int, int] | None,
    doc: CommitmentDoc,
    modal_end: int,
) -> bool:
    """ "Reyes said China will keep up the pressure": a speaker's forecast about a country
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


def non_actor(text: str, span: tuple[int, int] | None, doc: CommitmentDoc) -> bool:
    """Whether a subject ends in a word for a thing that cannot act ("rising prices")."""
    if span is None:
        return False
    w = actor_words(doc.lexicon)
    words = [t.low for t in tokens(text[span[0] : span[1]])]
    return any(word in w.non_actor for word in words[-2:])
