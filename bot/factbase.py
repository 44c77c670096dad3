"""Merging per-document facts into one FactBase, with the admin's curated facts on top.

A person named in two documents is one person; a curated entry gives them a full name and
aliases ("Scholz" is Olaf Scholz). The FactBase is frozen: a reload builds a new one and the
service swaps one reference, so readers never see a half-merged state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, is_, not_, or_
from typing import Any

from bot.dedupe import (
    MergedFact,
    _items,
    commitment_buckets,
    dedupe_commitments,
    dedupe_events,
    dedupe_quotes,
    headings,
)
from bot.extract.lexicon import Lexicon, Topic
from bot.fact_delta import (
    FactDelta,
    SeenOrder,
    count_facts,
    countries_in_order,
    no_counts,
    parties_in_order,
    patched_counts,
    patched_merged_sources,
    patched_people,
)
from bot.merge_cache import DocParts, MergeCache
from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
    Source,
)
from bot.people_merge import (
    PeopleLookup,
    fold,
    merge_people,
    name_key,
    name_tokens,
    same_name,
)
from bot.speaker_names import SpeakerNames

__all__ = ["FactBase", "MergeCache", "build_factbase", "fact_key", "fold", "merge_people"]
__all__ += ["name_tokens"]
__all__ += ["same_name"]


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
    merged: tuple[MergedFact, ...] = ()  # copies merged into a kept fact, with their sources

    @cached_property
    def counts_by_document(self) -> dict[str, dict[str, int]]:
        """Per document id, how many merged people, quotes, commitments and events cite it.

        Read from the merged lists (not each document's own facts), so it holds for a fact
        base loaded from the store, where documents keep only what the index needs. With a
        `delta` from a fact base that counted them, its counts are patched for the changes.
        """
        delta, lent = self._lent("counts_by_document")
        if delta is not None and lent is not None:
            return patched_counts(lent, delta)
        out: dict[str, dict[str, int]] = {d.id: no_counts() for d in self.documents}
        count_facts(out, self.people, self.quotes, self.commitments, self.events, 1)
        return out

    @property
    def delta(self) -> FactDelta | None:
        """What the merge that built this changed from the fact base it built before (set by
        `build_factbase` with a cache; not a field: it is not stored, compared or copied)."""
        return self.__dict__.get("delta")

    def _lent(self, table: str) -> tuple[FactDelta | None, Any]:
        """The delta and the table its base built (None when either is missing)."""
        delta = self.delta
        base = delta.base() if delta is not None else None
        lent = base.__dict__.get(table) if base is not None else None
        return (delta, lent) if lent is not None else (None, None)

    @cached_property
    def _fact_ids(self) -> dict[str, frozenset[int]]:
        return {}

    def fact_ids(self, kind: str) -> frozenset[int]:
        """The ids of the objects of one fact field ("people", "quotes" ...), kept with this
        generation: it is diffed as the new one after its reload and as the old one before the
        next (bot.changes.diff_facts), and its facts live as long as it does."""
        ids = self._fact_ids.get(kind)
        if ids is None:
            ids = self._fact_ids[kind] = frozenset(map(id, getattr(self, kind)))
        return ids

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        """Each person by id (ids are unique); with a `delta` from a fact base that built its
        own, that one patched for the people gone and new."""
        delta, lent = self._lent("person_by_id")
        if delta is None:
            return {p.id: p for p in self.people}
        return patched_people(lent, delta)

    @cached_property
    def countries_seen(self) -> SeenOrder:
        """Countries the facts mention (people's countries, then commitment actors) in order of
        first mention, and how many people hold; with a `delta` from a fact base that listed
        them, read only as far as a new country could be (bot.fact_delta.countries_in_order)."""
        delta, lent = self._lent("countries_seen")
        return countries_in_order(self.people, self.commitments, delta, lent)

    @cached_property
    def parties_seen(self) -> SeenOrder:
        """Parties of the people in order of first member, read as `countries_seen` is."""
        delta, lent = self._lent("parties_seen")
        return parties_in_order(self.people, delta, lent)

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def topic_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.topics}

    @cached_property
    def _merged_sources(self) -> dict[tuple[str, str, Source], tuple[Source, ...]]:
        """The merge records by kept fact; with a `delta`, the base's patched for the records
        of the documents put together again (a record's key names its own document)."""
        delta, lent = self._lent("_merged_sources")
        if delta is None:
            return {(m.kind, m.text, m.source): m.others for m in self.merged}
        return patched_merged_sources(lent, delta)

    def other_sources(self, kind: str, text: str, source: Source) -> tuple[Source, ...]:
        """The sources of the copies merged into a fact (a headline, another document).

        `kind` is commitment, event or quote; `text` the fact's sentence, `what` or quote text.
        """
        return self._merged_sources.get((kind, text, source), ())

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


def _apply_corrections(
    items: Sequence, kind: str, corrections: Sequence[Correction], text_of
) -> list:
    """Items with the corrections of this kind applied: each item's text is folded once."""
    rules = [(name_key(c.match).folded, c) for c in corrections if c.kind == kind]
    if not rules:
        return list(items)
    out = []
    for item in items:
        keep = True
        text = fold(text_of(item))
        for match, rule in rules:
            if match in text:
                if rule.drop:
                    keep = False
                    break
                item = replace(item, **{k: v for k, v in rule.set})
                text = fold(text_of(item))
        if keep:
            out.append(item)
    return out


def build_factbase(
    per_document: Sequence[DocumentFacts],
    curated: CuratedFacts | None = None,
    lexicon: Lexicon | None = None,
    *,
    cache: MergeCache | None = None,
) -> FactBase:
    """Merge documents (in the order given), apply the curated facts, merge restated facts.

    Restated facts (a headline and its body sentence, one quote in two documents) become one,
    citing every source: see bot.dedupe.
    """
    curated = curated or CuratedFacts()
    per_document = tuple(sorted(per_document, key=_DOCUMENT_ID))
    if cache is not None and len(set(map(_DOCUMENT_ID, per_document))) < len(per_document):
        cache = None  # the cache names facts by document id: two documents of one id merge anew
    base = None
    if cache is not None:
        cache.use_rules(curated, lexicon)
        base = cache.take_base()
    memo = cache.people if cache is not None else None
    people, mapping = merge_people(per_document, curated.people, lexicon, memo=memo)
    fixes = curated.corrections
    people = tuple(
        _apply_corrections(people, "person", fixes, lambda p: " ".join((p.name, *p.aliases)))
    )
    if cache is not None:
        parts = cache.parts(per_document, lambda f, n: _doc_parts(f, n, fixes, lexicon))
        own = not any(c.kind == "person" for c in fixes)  # the roster's very people
        stale = cache.names.update(people, cache.people.roster.changes() if own else None)
        remapped = cache.people.roster.remapped
        for n in _quotes_to_map(per_document, parts, remapped, stale):
            _doc_quotes(per_document[n], parts[n], mapping, fixes, cache.names)
    else:
        quotes = []
        for facts in per_document:
            quotes.extend(_mapped_quotes(facts, mapping))
        quotes = _apply_corrections(quotes, "quote", fixes, lambda q: q.text)
        lookup = PeopleLookup(people)
        ids = lookup.ids
        quotes = [q if q.speaker is None or q.speaker in ids else _named(q, lookup) for q in quotes]
    memos = cache is not None and all(p.regular for p in parts)
    if memos:
        commitments, merged_commitments = cache.commitments.merge(parts)
        events, merged_events = cache.events.merge(parts)
    else:
        commitments = [c for f in per_document for c in f.commitments]
        events = [e for f in per_document for e in f.events]
        commitments = _apply_corrections(commitments, "commitment", fixes, lambda c: c.sentence)
        events = _apply_corrections(events, "event", fixes, lambda e: e.what)
        heads = headings(per_document)  # the heading paragraphs, read once for both
        commitments, merged_commitments = dedupe_commitments(
            [_tupled(c) for c in commitments], heads, lexicon
        )
        events, merged_events = dedupe_events(events, heads, lexicon)
    if cache is not None:
        quotes, merged_quotes = cache.quotes.merge([(p.doc_id, p.quotes) for p in parts])
    else:
        quotes, merged_quotes = dedupe_quotes(quotes)
    facts = FactBase(
        documents=tuple(f.document for f in per_document),
        people=people,
        quotes=tuple(quotes),
        commitments=tuple(commitments),  # tuples already: dedupe joins them as tuples
        events=tuple(events),
        topics=lexicon.topics if lexicon else (),
        per_document=per_document,
        curated=curated,
        merged=(*merged_commitments, *merged_events, *merged_quotes),
    )
    if memos:  # every memo merged these facts: the cache can say what changed from the last
        facts.__dict__["delta"] = cache.built(facts, base)  # type: ignore[union-attr]
    return facts


_DOCUMENT_ID = attrgetter("document.id")


def _quotes_to_map(
    per_document: Sequence[DocumentFacts],
    parts: Sequence[DocParts],
    remapped: set[str],
    stale: set[str],
) -> Iterable[int]:
    """The places of the documents whose quotes are mapped again: new parts, documents whose
    people map changed, and those quoting a speaker text whose person may have changed (native
    passes; the loop is over those only)."""
    redo = map(is_, map(attrgetter("quotes"), parts), repeat(None))
    redo = map(or_, redo, map(remapped.__contains__, map(_DOCUMENT_ID, per_document)))
    if stale:
        speakers = map(attrgetter("speakers"), parts)
        redo = map(or_, redo, map(not_, map(frozenset.isdisjoint, speakers, repeat(stale))))
    return list(compress(range(len(parts)), redo))


def _mapped_quotes(facts: DocumentFacts, mapping: dict[tuple[str, str], str]) -> list[Quote]:
    """A document's quotes with each speaker's local id read as the merged person's id."""
    doc = facts.document.id
    return [
        replace(q, speaker=mapping.get((doc, q.speaker), q.speaker) if q.speaker else None)
        for q in facts.quotes
    ]


def _doc_parts(
    facts: DocumentFacts, serial: int, fixes: Sequence[Correction], lexicon: Lexicon | None
) -> DocParts:
    """One document's corrected commitments and events with their comparable items."""
    commitments = _apply_corrections(facts.commitments, "commitment", fixes, lambda c: c.sentence)
    commitments = tuple(_tupled(c) for c in commitments)
    events = tuple(_apply_corrections(facts.events, "event", fixes, lambda e: e.what))
    heads = headings([facts])
    regular = all(len(set(b)) == len(b) for b in map(commitment_buckets, commitments))
    return DocParts(
        serial,
        facts.document.id,
        heads[facts.document.id],
        commitments,
        events,
        tuple(_items([(c.source, c.sentence) for c in commitments], heads, lexicon)),
        tuple(_items([(e.source, e.what) for e in events], heads, lexicon)),
        regular,
    )


def _doc_quotes(
    facts: DocumentFacts,
    parts: DocParts,
    mapping: dict[tuple[str, str], str],
    fixes: Sequence[Correction],
    names: SpeakerNames,
) -> None:
    """A document's quotes merged into its parts: speakers mapped, corrected, then named."""
    quotes = _apply_corrections(_mapped_quotes(facts, mapping), "quote", fixes, lambda q: q.text)
    speakers = frozenset(q.speaker for q in quotes if q.speaker is not None)
    parts.quotes = tuple(
        q
        if q.speaker is None or names.speaker_id(q.speaker) == q.speaker
        else replace(q, speaker=names.speaker_id(q.speaker))
        for q in quotes
    )
    parts.speakers = speakers


def _named(quote: Quote, lookup: PeopleLookup) -> Quote:
    """A quote whose speaker is a name (a body, a correction's text): the person it names, else
    the name itself; the same object when that changes nothing, so unchanged quotes stay the
    objects of the last generation."""
    speaker = lookup.speaker_id(str(quote.speaker))
    return quote if speaker == quote.speaker else replace(quote, speaker=speaker)


def _tupled(c: Commitment) -> Commitment:
    """Corrections may set lists from YAML; facts hold tuples so they stay hashable."""
    if type(c.actors) is tuple and type(c.topics) is tuple:
        return c
    return replace(c, actors=tuple(c.actors), topics=tuple(c.topics))


#: fact_key by fact object (kept with it, so its id names it): a reload's facts are mostly the
#: very objects of the generation before, and each reload diffs both generations.
_KEYS: dict[int, tuple[object, tuple]] = {}
_KEYS_LIMIT = 1 << 16  # about two generations of ten thousand facts, several times over


def fact_key(fact: Person | Quote | Commitment | Event) -> tuple:
    """What identifies a fact across generations, to report what a reload added and removed."""
    hit = _KEYS.get(id(fact))
    if hit is not None and hit[0] is fact:
        return hit[1]
    if len(_KEYS) >= _KEYS_LIMIT:
        _KEYS.clear()
    key = _fact_key(fact)
    _KEYS[id(fact)] = (fact, key)
    return key


def _fact_key(fact: Person | Quote | Commitment | Event) -> tuple:
    if isinstance(fact, Person):
        return ("person", fact.id)
    if isinstance(fact, Quote):
        return ("quote", fact.source.doc_id, fact.text)
    if isinstance(fact, Commitment):
        return ("commitment", fact.source.doc_id, fact.sentence)
    return ("event", fact.source.doc_id, fact.when, fact.what)
