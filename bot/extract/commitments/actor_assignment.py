"""Who commits: the countries a commitment's subjects name.

A subject names countries directly ("Germany"), through people ("Paz" is Germany's), groups
("the Leaders" are the main participants) or pronouns: "they" are the previous commitment's
actors, "we" inside a quote the speaker's country and outside one all participants, "our
countries" the group it names. A person whose country the text never gives stands for a main
participant no one else represents ("Quinn [Australia] and Reyes [?]": Reyes is the United
States). With no subject, agents after "by" ("efforts by the United States"), else the
paragraph's last actors, else the document's main participants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.actors import (
    actor_words,
    group_of,
    tokens,
    unique,
)
from bot.extract.commitments.context import CommitmentDoc, Cue
from bot.extract.commitments.cue_patterns import alternation
from bot.extract.countries import CountryMention, find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.quote_index import QuoteIndex
from bot.extract.text import Paragraph, Sentence


@dataclass
class ActorState:
    """What the pass remembers between sentences: the last commitment's actors and its paragraph,
    which "they" and a subjectless "The aim is to ..." refer to."""

    previous: tuple[str, ...] = ()
    previous_paragraph: int = 0


def _speaker_country(body_offset: int, doc: CommitmentDoc, quotes: QuoteIndex) -> str | None:
    """The country of whoever says the quote around `body_offset` (see QuoteIndex.speaker_of)."""
    speaker, _ = quotes.speaker_of(body_offset)
    if speaker is None:
        return None
    return speaker.country or next(iter(unrepresented(doc, ())), None)


def unrepresented(doc: CommitmentDoc, taken: Iterable[str]) -> list[str]:
    """Main participants that no named person of known country represents: where a person
    whose country the text never gives most likely comes from."""
    known = {p.country for p in doc.register.people if p.country and not p.former}
    taken = set(taken)
    return [c for c in doc.parts.group() if c not in known and c not in taken]


def _phrase_actors(
    sentence: Sentence,
    span: tuple[int, int],
    doc: CommitmentDoc,
    state: ActorState,
    speaker: str | None,
    in_quote: bool,
) -> list[str]:
    """The countries a subject phrase names: directly ("Japan and Peru"), through people
    ("Ana Paz" of Peru), groups ("the Leaders": the main participants) or pronouns ("they": the
    previous commitment's actors; "we": the speaker's side)."""
    w = actor_words(doc.lexicon)
    text = sentence.text
    end = span[1] + 1 if text[span[1] : span[1] + 1] == "." else span[1]
    phrase = text[span[0] : end]  # with the dot of a closing "U.S." the tokens leave out
    hits = find_countries(phrase, doc.lexicon)
    out = [hit.country for hit in hits] + _companions(text, span, doc)
    people = doc.register.mentions(sentence.start + span[0], sentence.start + span[1])
    out.extend(p.country for p, _ in people if p.country)
    unknown = {p.id for p, _ in people if not p.country}
    if unknown:
        # "Quinn [Australia] and Reyes [?]" → Reyes stands for the United States.
        stand_ins = unrepresented(doc, out)[: len(unknown)]
        if not stand_ins and out and re.search(r"\band\b", phrase):
            # "The Secretary [United States] and Minister Singh [?]": a coordinated partner
            # is the other side, a main participant not named yet
            stand_ins = [c for c in doc.parts.group() if c not in out][: len(unknown)]
        out.extend(stand_ins)
    group = w.group_re.search(phrase)
    if group and not _qualified(phrase, group, hits):
        out.extend(group_of(group.group(0), doc.parts, doc.lexicon))
    singular = singular_pronouns(doc.lexicon)
    for tok in tokens(phrase):
        low = tok.low
        if len(tok.text) > 1 and tok.text.isupper():
            continue  # "the US" is a country, not "us"
        if low in w.plural_pronouns:
            out.extend(state.previous if len(state.previous) > 1 else doc.parts.group())
        elif low in w.speaker_pronouns:
            out.extend(_speaker_side(text, doc, speaker, in_quote))
        elif low in singular:
            person = doc.register.resolve(tok.text, sentence.start + span[0] + tok.start)
            if person is not None and person.country:
                out.append(person.country)
    return out


#: "X, along with Y," / "X together with Y": a companion joined to a subject.
_WITH = r"(?:together\s+with|along\s+with|alongside|as\s+well\s+as)"
_COMPANION_AFTER_RE = re.compile(rf",?\s+{_WITH}\s+([^,;:]{{1,80}}?)(?:,|\s+(?=[a-z]))")
_COMPANION_BEFORE_RE = re.compile(rf"(?:^|[,;:]\s*)([^,;:]{{1,80}}?),?\s+{_WITH}\s+$")


def _companions(text: str, span: tuple[int, int], doc: CommitmentDoc) -> list[str]:
    """Countries joined to a subject by "along with", "together with", "alongside": "Kenya,
    along with Ghana, will ..." and "Kenya together with Ghana and Peru pledged ..." are all
    actors (bounded windows, so linear)."""
    out: list[str] = []
    after = _COMPANION_AFTER_RE.match(text, span[1], min(len(text), span[1] + 120))
    before = _COMPANION_BEFORE_RE.search(text, max(0, span[0] - 120), span[0])
    for m in (before, after):
        if m:
            out.extend(hit.country for hit in find_countries(m.group(1), doc.lexicon))
    return out


#: After a group word, "of"/"from" and a name: the group is those countries' people.
_OF_NAMES_RE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")


def _qualified(phrase: str, group: re.Match[str], hits: list[CountryMention]) -> bool:
    """Whether a group word only names the people of countries the phrase names: "EU
    leaders", "G7 leaders", "Leaders of France, Germany and Italy", "ministers from Kenya and
    Ghana" are those countries, not the document's whole group."""
    for hit in hits:
        if 0 <= group.start() - hit.end <= 1:
            return True
        if hit.start > group.end() and _OF_NAMES_RE.match(phrase[group.end() : hit.start]):
            return True
    return False


@lru_cache(maxsize=8)
def singular_pronouns(lexicon: Lexicon) -> frozenset[str]:
    """ "he", "she", "him", "her" (config `singular_pronouns`), folded."""
    return frozenset(w.casefold() for w in lexicon.word_list("singular_pronouns"))


def _our_group(text: str, doc: CommitmentDoc) -> tuple[str, ...] | None:
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


def _speaker_side(
    text: str, doc: CommitmentDoc, speaker: str | None, in_quote: bool
) -> tuple[str, ...]:
    """Whom "we" stands for: a group the sentence names with "our" ("among our countries"),
    else inside a quote the speaker's country, else (a joint statement) all participants."""
    named = _our_group(text, doc)
    if named is not None:
        return named
    opening = _AS_WE_RE.match(text)
    if opening:
        # "As the leaders of Kenya, Ghana and Peru, we resolve to ...": the countries named
        listed = unique(hit.country for hit in find_countries(opening.group(1), doc.lexicon))
        if listed:
            return listed
    if in_quote:
        if speaker:
            return (speaker,)
        attributed = _attribution(text, doc)
        return (attributed,) if attributed else doc.parts.group(1)
    return doc.parts.group()


#: After a closing quotation mark: the words before the reporting verb ("," the G7 ministers
#: said"), bounded.
_ATTRIBUTION_RE = re.compile(r"[”\"]\s*([^“”\"]{1,60}?)\s+(?:said|says|added|stated|wrote)\b")


def _attribution(text: str, doc: CommitmentDoc) -> str | None:
    """The country or body of a group that a quote is attributed to, when no person says it:
    '“We underscore our intent to ...,” the G7 ministers said.' is the G7's. Read once per
    sentence (doc.memo)."""
    key = ("attribution", text)
    if key not in doc.memo:  # once per sentence, however many cues ask
        m = _ATTRIBUTION_RE.search(text)
        hits = find_countries(m.group(1), doc.lexicon) if m else []
        doc.memo[key] = (hits[0].country,) if hits else None
    found = doc.memo[key]
    return found[0] if found else None


#: An opening "As the leaders of ..., we": who "we" are (bounded, so linear).
_AS_WE_RE = re.compile(r"[“\"]?As\s+([^.;:]{1,200}?),\s+(?:we|our)\b")


@lru_cache(maxsize=8)
def _agent_re(lexicon: Lexicon) -> re.Pattern[str] | None:
    """An agent marker ("by", cues.yaml `agent_markers`) and the space after it, compiled once
    per lexicon; None without markers."""
    markers = lexicon.word_list("agent_markers")
    if not markers:
        return None
    return re.compile(rf"\b(?:{alternation(markers)})\s+", re.IGNORECASE)


def _agent_actors(text: str, doc: CommitmentDoc) -> list[str]:
    """Countries after "by" in a passive or a purpose phrase ("efforts by the United States")."""
    agent = _agent_re(doc.lexicon)
    if agent is None:
        return []
    out = []
    for m in agent.finditer(text):
        window = text[m.end() : m.end() + 60]
        hits = find_countries(window, doc.lexicon)
        if hits and hits[0].start < 8:
            out.append(hits[0].country)
    return out


def _reported_actors(text: str, cues: list[Cue], doc: CommitmentDoc) -> list[str]:
    """When the cue's subject names no one ("The spokesman said the UK was ready and would
    send ..."): the country right after a reporting verb before the cue, the reported clause's
    subject ("said the UK", "said that Ghana")."""
    w = actor_words(doc.lexicon)
    first = min(c.start for c in cues)
    toks = tokens(text[max(0, first - _REPORTED_REACH) : first])
    for k, tok in enumerate(toks):
        if tok.low not in w.reporting:
            continue
        j = k + 1
        while j < len(toks) and toks[j].low in ("that", "the"):
            j += 1
        if j < len(toks):
            start = max(0, first - _REPORTED_REACH) + toks[j].start
            hits = find_countries(text[start : start + _NAME_REACH], doc.lexicon)
            if hits and hits[0].start == 0:
                return [hits[0].country]
    return []


#: How far before a cue a reporting verb may stand, and how long a country name after it may
#: be (characters): bounded, so a sentence of many "said" is read in linear time.
_REPORTED_REACH = 160
_NAME_REACH = 60


def sentence_actors(
    sentence: Sentence,
    cues: list[Cue],
    paragraph: Paragraph,
    doc: CommitmentDoc,
    state: ActorState,
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
        out.extend(_reported_actors(sentence.text, cues, doc))
    if not out:
        out.extend(_agent_actors(sentence.text, doc))
    if out:
        return unique(out), False
    if state.previous and state.previous_paragraph == paragraph.number:
        return state.previous, False  # "The aim is to ...": the paragraph's actors
    return doc.parts.group(), True  # else the document's main participants
