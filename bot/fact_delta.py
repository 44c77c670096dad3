"""What one merge changed from the fact base the same MergeCache built before it.

A merge with a cache redoes only the documents and people its changes touch, and it knows which
those are; `FactDelta` hands that on, so what follows the merge (the diff of the reload, the
per-document counts, the index's lending) reads the changed facts instead of walking every fact
to find them. Example: a reload that appended a sentence to one document of three thousand has a
delta of that document's commitments, events and quotes before and after, and the people who
came or went; the other documents' facts are the very objects of the fact base before.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.dedupe import MergedFact
    from bot.factbase import FactBase
    from bot.models import Commitment, Event, Person, Quote, Source

#: The fact kinds whose facts are kept per document (a fact's group is its source's document).
DOC_KINDS = ("commitments", "quotes", "events")


@dataclass(frozen=True)
class DocChange:
    """One kind's facts of the documents a merge put together again: `before` as the fact base
    before had them, `after` as the new one has them, each in the lists' order. Every other
    document's facts of this kind are the same objects, in the same order, in both."""

    documents: frozenset[str]
    before: tuple[Any, ...]
    after: tuple[Any, ...]
    records_before: tuple[MergedFact, ...] = ()  # their merge records (bot.dedupe), likewise
    records_after: tuple[MergedFact, ...] = ()


@dataclass(frozen=True)
class FactDelta:
    """The change from `base` (held weakly: a generation does not keep the one before alive).

    `people_gone` and `people_new` are the person objects only one of the two fact bases holds
    (in no particular order); `kinds` has a DocChange per kind of DOC_KINDS; `documents_gone`
    and `documents_new` are the document ids only one of them has.
    """

    base: weakref.ref[FactBase]
    people_gone: tuple[Any, ...]
    people_new: tuple[Any, ...]
    kinds: dict[str, DocChange]
    documents_gone: frozenset[str]
    documents_new: frozenset[str]

    def is_from(self, base: FactBase) -> bool:
        return self.base() is base


def doc_change(
    documents: set[str],
    before: Sequence[Any],
    after: Sequence[Any],
    records_before: Sequence[MergedFact],
    records_after: Sequence[MergedFact],
) -> DocChange | None:
    """A DocChange, or None when a fact's source names a document outside `documents` (then the
    facts of a document are not all in its own part, and the delta cannot stand for them)."""
    for fact in (*before, *after, *records_before, *records_after):
        if fact.source.doc_id not in documents:
            return None
    return DocChange(
        frozenset(documents),
        tuple(before),
        tuple(after),
        tuple(records_before),
        tuple(records_after),
    )


# -- tables patched from a delta -------------------------------------------------------------


def no_counts() -> dict[str, int]:
    """A document's counts before any fact is counted."""
    return {"people": 0, "quotes": 0, "commitments": 0, "events": 0}


_DOC_ID = attrgetter("source.doc_id")


def count_facts(
    out: dict[str, dict[str, int]],
    people: Iterable[Person],
    quotes: Sequence[Quote],
    commitments: Sequence[Commitment],
    events: Sequence[Event],
    sign: int,
) -> None:
    """Add `sign` per fact to the counts of the documents in `out` the facts cite (a person
    once per document)."""
    per_person = Counter(chain.from_iterable({s.doc_id for s in p.sources} for p in people))
    for kind, found in (
        ("people", per_person),
        ("quotes", Counter(map(_DOC_ID, quotes))),
        ("commitments", Counter(map(_DOC_ID, commitments))),
        ("events", Counter(map(_DOC_ID, events))),
    ):
        for doc_id, n in found.items():
            counts = out.get(doc_id)
            if counts is not None:
                counts[kind] += sign * n


def patched_counts(lent: dict[str, dict[str, int]], delta: FactDelta) -> dict[str, dict[str, int]]:
    """The base's counts with the delta's facts taken out and put in: O(changed) but a copy of
    the outer dict. The changed documents' entries are new dicts; the others are shared."""
    out = dict(lent)
    for doc_id in delta.documents_gone:
        out.pop(doc_id, None)
    kinds = delta.kinds
    touched = {_DOC_ID(f) for change in kinds.values() for f in (*change.before, *change.after)}
    touched.update(s.doc_id for p in (*delta.people_gone, *delta.people_new) for s in p.sources)
    for doc_id in touched.intersection(out):
        out[doc_id] = dict(out[doc_id])
    count_facts(out, delta.people_gone, *(kinds[k].before for k in _COUNTED), -1)
    for doc_id in delta.documents_new:  # no fact of the base cites one
        out[doc_id] = no_counts()
    count_facts(out, delta.people_new, *(kinds[k].after for k in _COUNTED), 1)
    return out


#: The per-document kinds in the order `count_facts` takes them.
_COUNTED = ("quotes", "commitments", "events")


def patched_people(lent: dict[str, Person], delta: FactDelta) -> dict[str, Person]:
    """The base's people by id, less the people gone, plus the new (ids are unique)."""
    out = dict(lent)
    for p in delta.people_gone:
        if out.get(p.id) is p:
            del out[p.id]
    for p in delta.people_new:
        out[p.id] = p
    return out


def patched_merged_sources(
    lent: dict[tuple[str, str, Source], tuple[Source, ...]], delta: FactDelta
) -> dict[tuple[str, str, Source], tuple[Source, ...]]:
    """The base's merge records by kept fact, less the changed documents' records before, plus
    theirs after (a record's key holds its kept fact's source, so its own document)."""
    out = dict(lent)
    for change in delta.kinds.values():
        for m in change.records_before:
            out.pop((m.kind, m.text, m.source), None)
    for change in delta.kinds.values():
        for m in change.records_after:
            out[(m.kind, m.text, m.source)] = m.others
    return out


#: Facts read at a time by `first_seen` between its checks for what it still wants.
SEEN_CHUNK = 64
#: A table of values in order of first mention: (the values, how many come from people).
SeenOrder = tuple[tuple[str, ...], int]
_COUNTRY, _PARTY = attrgetter("country"), attrgetter("party")
_ACTORS = attrgetter("actors")


def first_seen(
    facts: Sequence[Any],
    values: Callable[[Sequence[Any]], Iterable[Any]],
    seen: dict[Any, None],
    wanted: set[Any] | None,
) -> None:
    """Add to `seen` (an ordered set) the values of `facts` in their order (`values` gives those
    of a run of facts). With `wanted`, every value the facts can hold, reading stops once all
    are in `seen`: nothing later can add one. Example: twelve countries, every one held by one
    of the first 500 of 12,000 people: 512 people are read."""
    if wanted is None:
        seen.update(dict.fromkeys(values(facts)))
        return
    for start in range(0, len(facts), SEEN_CHUNK):
        if wanted.issubset(seen):
            return
        seen.update(dict.fromkeys(values(facts[start : start + SEEN_CHUNK])))


def countries_in_order(
    people: Sequence[Person],
    commitments: Sequence[Commitment],
    delta: FactDelta | None,
    lent: SeenOrder | None,
) -> SeenOrder:
    """Countries the facts mention, people's countries first, then commitment actors, each in
    order of first mention. With the base's table and the delta, the countries that can occur
    are the base's and the new facts' (a fact is the base's or new), so reading stops once all
    of them are met."""
    wanted = wanted_more = None
    if delta is not None and lent is not None:
        wanted = set(lent[0][: lent[1]]).union(map(_COUNTRY, delta.people_new))
        wanted -= {None, ""}
        after = delta.kinds["commitments"].after
        wanted_more = wanted.union(lent[0], chain.from_iterable(map(_ACTORS, after)))
    seen: dict[Any, None] = {}
    first_seen(people, lambda run: map(_COUNTRY, run), seen, wanted)
    seen.pop(None, None)
    seen.pop("", None)
    held = len(seen)
    first_seen(commitments, lambda run: chain.from_iterable(map(_ACTORS, run)), seen, wanted_more)
    return tuple(seen), held


def parties_in_order(
    people: Sequence[Person], delta: FactDelta | None, lent: SeenOrder | None
) -> SeenOrder:
    """Parties of the people, in order of first member; read as far as `countries_in_order`."""
    wanted = None
    if delta is not None and lent is not None:
        wanted = set(lent[0]).union(map(_PARTY, delta.people_new)) - {None, ""}
    seen: dict[Any, None] = {}
    first_seen(people, lambda run: map(_PARTY, run), seen, wanted)
    seen.pop(None, None)
    seen.pop("", None)
    return tuple(seen), len(seen)
