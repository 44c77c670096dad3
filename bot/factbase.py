"""Merging per-document facts into one FactBase, with the admin's curated facts on top.

A person named in two documents is one person; a curated entry gives them a full name and
aliases ("Scholz" is Olaf Scholz). The FactBase is frozen: a reload builds a new one and the
service swaps one reference, so readers never see a half-merged state.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypeVar

from bot.extract.lexicon import Lexicon, Topic
from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    CuratedPerson,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
)
from bot.seeds import slugify

T = TypeVar("T")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sen", "rep", "gov", "gen", "adm"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names and words."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def name_tokens(name: str) -> list[str]:
    """Name words without honorifics, suffixes and initials: 'Lloyd J. Austin III' → lloyd austin."""
    words = re.findall(r"[\w'’-]+", fold(name))
    return [w for w in words if w not in _HONORIFICS and w not in _SUFFIXES and len(w) > 1]


def same_name(a: str, b: str) -> bool:
    """Whether two names can be the same person: equal words, or one a surname of the other.

    'Scholz' ~ 'Olaf Scholz'; 'Lloyd Austin' ~ 'Lloyd J. Austin III'; 'Olaf Scholz' !~ 'Anna Scholz'.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        one, other = (ta, tb) if len(ta) == 1 else (tb, ta)
        return one[0] in (other[0], other[-1])
    return ta[0] == tb[0] and ta[-1] == tb[-1]


@dataclass(frozen=True)
class FactBase:
    """All facts of one generation, merged across documents; every fact keeps its Source."""

    documents: tuple[Document, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[Topic, ...] = ()
    per_document: tuple[DocumentFacts, ...] = ()
    curated: CuratedFacts = field(default_factory=CuratedFacts)

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def topic_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.topics}

    def speaker_name(self, quote: Quote) -> str:
        """Who said it, for display: the person's name, a body's name, or "unattributed"."""
        if not quote.speaker:
            return "unattributed"
        person = self.person_by_id.get(quote.speaker)
        return person.name if person else quote.speaker

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "people": len(self.people),
            "quotes": len(self.quotes),
            "commitments": len(self.commitments),
            "events": len(self.events),
        }


def _merge_two(a: Person, b: Person) -> Person:
    """One person from two entries; the fuller name wins, lists are joined in order."""
    name = max((a.name, b.name), key=lambda n: (len(name_tokens(n)), len(n)))
    return Person(
        id=slugify(name),
        name=name,
        aliases=_unique((*a.aliases, *b.aliases, *(n for n in (a.name, b.name) if n != name))),
        roles=_unique((*a.roles, *b.roles)),
        offices=_unique((*a.offices, *b.offices)),
        party=a.party or b.party,
        country=a.country or b.country,
        former=a.former and b.former,
        sources=_unique((*a.sources, *b.sources)),
    )


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))


def _compatible(a: Person, b: Person) -> bool:
    if not same_name(a.name, b.name):
        return False
    return not (a.country and b.country and a.country != b.country)


def _curate(person: Person, entry: CuratedPerson, lexicon: Lexicon | None) -> Person:
    roles = entry.roles or person.roles
    offices = (
        _unique(lexicon.canonical_role(r) for r in roles)
        if lexicon and entry.roles
        else (entry.roles or person.offices)
    )
    return replace(
        person,
        id=slugify(entry.name),
        name=entry.name,
        aliases=_unique((*entry.aliases, *person.aliases, person.name)),
        roles=roles,
        offices=offices,
        party=entry.party or person.party,
        country=entry.country or person.country,
        former=person.former if entry.former is None else entry.former,
    )


def _matches_curated(person: Person, entry: CuratedPerson) -> bool:
    names = (entry.name, *entry.aliases)
    own = (person.name, *person.aliases)
    if any(fold(n) == fold(o) for n in names for o in own):
        return True
    return same_name(person.name, entry.name) and len(name_tokens(person.name)) > 1


def merge_people(
    per_document: Sequence[DocumentFacts],
    curated: Sequence[CuratedPerson] = (),
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Person, ...], dict[tuple[str, str], str]]:
    """People across documents, and a map (document id, local person id) → merged person id.

    Curated entries are applied first, so "Scholz" in one document and "Olaf Scholz" in another
    join through the admin's full name even when neither document links them.
    """
    merged: list[Person] = []
    local: list[tuple[str, str, int]] = []  # (doc id, local id, index into merged)
    for facts in per_document:
        for person in facts.people:
            entry = next((c for c in curated if _matches_curated(person, c)), None)
            candidate = _curate(person, entry, lexicon) if entry else person
            index = _find_same(merged, candidate)
            if index is None:
                merged.append(candidate)
                index = len(merged) - 1
            else:
                merged[index] = _merge_two(merged[index], candidate)
                if entry:
                    merged[index] = replace(merged[index], id=slugify(entry.name), name=entry.name)
            local.append((facts.document.id, person.id, index))
    merged = _unique_ids(merged)
    mapping = {(doc, pid): merged[i].id for doc, pid, i in local}
    return tuple(merged), mapping


def _find_same(people: list[Person], person: Person) -> int | None:
    """The index of the one earlier entry that is this person; None when none or ambiguous."""
    exact = [
        i
        for i, p in enumerate(people)
        if fold(p.name) == fold(person.name) and _compatible(p, person)
    ]
    if exact:
        return exact[0]
    hits = [i for i, p in enumerate(people) if _compatible(p, person)]
    return hits[0] if len(hits) == 1 else None


def _unique_ids(people: list[Person]) -> list[Person]:
    seen: dict[str, int] = {}
    out = []
    for p in people:
        n = seen.get(p.id, 0)
        seen[p.id] = n + 1
        out.append(p if n == 0 else replace(p, id=f"{p.id}-{n + 1}"))
    return out


def _apply_corrections(
    items: Sequence, kind: str, corrections: Sequence[Correction], text_of
) -> list:
    rules = [c for c in corrections if c.kind == kind]
    if not rules:
        return list(items)
    out = []
    for item in items:
        keep = True
        for rule in rules:
            if fold(rule.match) in fold(text_of(item)):
                if rule.drop:
                    keep = False
                    break
                item = replace(item, **{k: v for k, v in rule.set})
        if keep:
            out.append(item)
    return out


def _speaker_id(value: object, people: Sequence[Person]) -> str | None:
    """A corrected speaker given as a name: the person it names, else the name itself."""
    if value is None:
        return None
    text = str(value)
    for p in people:
        if fold(p.name) == fold(text) or any(fold(a) == fold(text) for a in p.aliases):
            return p.id
    hits = [p for p in people if same_name(p.name, text)]
    return hits[0].id if len(hits) == 1 else text


def build_factbase(
    per_document: Sequence[DocumentFacts],
    curated: CuratedFacts | None = None,
    lexicon: Lexicon | None = None,
) -> FactBase:
    """Merge documents (in the order given) and apply the curated facts."""
    curated = curated or CuratedFacts()
    per_document = tuple(sorted(per_document, key=lambda f: f.document.id))
    people, mapping = merge_people(per_document, curated.people, lexicon)
    quotes: list[Quote] = []
    commitments: list[Commitment] = []
    events: list[Event] = []
    for facts in per_document:
        doc = facts.document.id
        for q in facts.quotes:
            speaker = mapping.get((doc, q.speaker), q.speaker) if q.speaker else None
            quotes.append(replace(q, speaker=speaker))
        commitments.extend(facts.commitments)
        events.extend(facts.events)
    fixes = curated.corrections
    people = tuple(
        _apply_corrections(people, "person", fixes, lambda p: " ".join((p.name, *p.aliases)))
    )
    quotes = _apply_corrections(quotes, "quote", fixes, lambda q: q.text)
    quotes = [
        replace(q, speaker=_speaker_id(q.speaker, people)) if q.speaker not in _ids(people) else q
        for q in quotes
    ]
    commitments = _apply_corrections(commitments, "commitment", fixes, lambda c: c.sentence)
    events = _apply_corrections(events, "event", fixes, lambda e: e.what)
    return FactBase(
        documents=tuple(f.document for f in per_document),
        people=people,
        quotes=tuple(quotes),
        commitments=tuple(_tupled(c) for c in commitments),
        events=tuple(events),
        topics=lexicon.topics if lexicon else (),
        per_document=per_document,
        curated=curated,
    )


def _ids(people: Sequence[Person]) -> set[str]:
    return {p.id for p in people}


def _tupled(c: Commitment) -> Commitment:
    """Corrections may set lists from YAML; facts hold tuples so they stay hashable."""
    return replace(c, actors=tuple(c.actors), topics=tuple(c.topics))


def fact_key(fact: Person | Quote | Commitment | Event) -> tuple:
    """What identifies a fact across generations, to report what a reload added and removed."""
    if isinstance(fact, Person):
        return ("person", fact.id)
    if isinstance(fact, Quote):
        return ("quote", fact.source.doc_id, fact.text)
    if isinstance(fact, Commitment):
        return ("commitment", fact.source.doc_id, fact.sentence)
    return ("event", fact.source.doc_id, fact.when, fact.what)
