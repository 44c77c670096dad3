"""Restated commitments and events merged reload after reload, redoing only what a change touches.

`dedupe._groups` compares each fact with the WINDOW facts before it in each of its buckets and
with nothing else, so what one fact finds depends only on that fact and its window. `FactMemo`
keeps every bucket in the merge's order, what each fact found in its window, each copy's best
match, the roots, and each document's kept facts. A reload removes the changed documents' facts
from their buckets and inserts the new ones; only the facts whose window changed (the inserted
ones and the WINDOW after each change) are compared again, and only the documents whose facts
became or stopped being copies, or whose kept facts gained or lost copies, are put together
again. Example: a document that adds one fact to a bucket of 2,000 compares that fact and the
16 after it, and puts together its own facts and those of the facts it joins.

A fact is named by `Ref` (document id, index, serial of the document's reading): sorting refs
is the merge's order (documents by id, then each document's facts in order), and a document read
again has a new serial, so its facts are new refs. The result equals `dedupe_commitments` and
`dedupe_events` over the documents' facts in order: each copy points at its best-scoring match,
among equal scores the one `_groups` meets first (by the fact's place, then the bucket's place
among the fact's buckets, then the earlier fact's place); chains are followed to the kept fact
(a copy is the headline, else the shorter, else the later statement, so chains never loop).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Hashable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from bot.dedupe import (
    WINDOW,
    MergedFact,
    _Item,
    _same_fact,
    _weaker,
    commitment_buckets,
    commitments_compatible,
    event_buckets,
    events_compatible,
    joined_commitment,
)

if TYPE_CHECKING:
    from bot.merge_cache import DocParts

#: (document id, index in the document's facts of this kind, serial of the document's reading)
Ref = tuple[str, int, int]
#: What a fact found in its window in one bucket: (the earlier fact, whether this fact is the
#: copy, score).
_Found = tuple[tuple[Ref, bool, float], ...]
#: A candidate match of a copy: (score, order met in `_groups`, the fact kept).
_Match = tuple[float, tuple, Ref]


class FactMemo:
    """One kind of fact (commitment or event) merged incrementally; see the module docstring."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._buckets_of: Callable[[Any], list[Hashable]] = (
            commitment_buckets if kind == "commitment" else event_buckets
        )
        self._compatible: Callable[[Any, Any], bool] = (
            commitments_compatible if kind == "commitment" else events_compatible
        )
        self._docs: dict[int, DocParts] = {}  # serial → parts of the documents merged last
        self._facts: dict[Ref, tuple[Any, _Item, tuple[Hashable, ...]]] = {}
        self._buckets: dict[Hashable, list[Ref]] = {}  # each sorted: the merge's order
        self._found: dict[tuple[Hashable, Ref], _Found] = {}
        self._matches: dict[Ref, dict[tuple[Hashable, Ref, Ref], _Match]] = {}  # by copy
        self._parent: dict[Ref, Ref] = {}  # copy → its best match
        self._children: dict[Ref, set[Ref]] = {}
        self._root: dict[Ref, Ref] = {}  # copy → the fact finally kept
        self._members: dict[Ref, set[Ref]] = {}  # kept fact → its copies
        self._out: dict[int, tuple[tuple, tuple[MergedFact, ...]]] = {}  # serial → kept, records
        self._heads: dict[str, tuple[int, ...]] = {}

    def merge(self, parts: Sequence[DocParts]) -> tuple[list, list[MergedFact]]:
        """The kept facts and merge records of `parts` (documents in order, ids unique)."""
        now = {p.serial: p for p in parts}
        removed = [p for s, p in self._docs.items() if s not in now]
        added = [p for p in parts if p.serial not in self._docs]
        dirty: dict[Hashable, set[Ref]] = {}
        touched: set[Ref] = set()
        docs: set[int] = set()  # serials of documents to put together again
        for p in removed:
            self._remove(p, dirty, touched)
            del self._out[p.serial]
        readings = {p.doc_id for p in added}
        for p in removed:
            if p.doc_id not in readings:
                self._heads.pop(p.doc_id, None)
        for p in added:
            self._heads[p.doc_id] = p.heads
            self._add(p, dirty)
            docs.add(p.serial)
        self._docs = now
        for bucket, refs in dirty.items():
            for ref in refs:
                if ref in self._facts:
                    self._compare(bucket, ref, touched)
        changed = self._best(touched)
        docs |= self._reroot(changed)
        for serial in docs:
            p = now.get(serial)
            if p is not None:
                self._out[serial] = self._put_together(p)
        outs = [self._out[p.serial] for p in parts]
        return list(chain.from_iterable(o[0] for o in outs)), list(
            chain.from_iterable(o[1] for o in outs)
        )

    def _own(self, p: DocParts) -> tuple[tuple, tuple[_Item, ...]]:
        if self.kind == "commitment":
            return p.commitments, p.commitment_items
        return p.events, p.event_items

    def _remove(self, p: DocParts, dirty: dict[Hashable, set[Ref]], touched: set[Ref]) -> None:
        facts, _items = self._own(p)
        for index in range(len(facts)):
            ref = (p.doc_id, index, p.serial)
            _fact, _item, buckets = self._facts.pop(ref)
            for bucket in buckets:
                refs = self._buckets[bucket]
                at = bisect_left(refs, ref)
                del refs[at]
                dirty.setdefault(bucket, set()).update(refs[at : at + WINDOW])
                self._forget(bucket, ref, touched)
                if not refs:
                    del self._buckets[bucket]

    def _add(self, p: DocParts, dirty: dict[Hashable, set[Ref]]) -> None:
        facts, items = self._own(p)
        for index, (fact, item) in enumerate(zip(facts, items, strict=True)):
            ref = (p.doc_id, index, p.serial)
            buckets = tuple(self._buckets_of(fact))
            self._facts[ref] = (fact, item, buckets)
            for bucket in buckets:
                refs = self._buckets.setdefault(bucket, [])
                insort(refs, ref)
                at = bisect_left(refs, ref)
                dirty.setdefault(bucket, set()).update(refs[at : at + WINDOW + 1])

    def _forget(self, bucket: Hashable, ref: Ref, touched: set[Ref]) -> None:
        """Drop what `ref` found in `bucket` from the copies' candidate matches."""
        for other, dropped, _score in self._found.pop((bucket, ref), ()):
            copy = ref if dropped else other
            self._matches[copy].pop((bucket, ref, other), None)
            touched.add(copy)

    def _compare(self, bucket: Hashable, ref: Ref, touched: set[Ref]) -> None:
        """Compare `ref` with its window in `bucket` again, replacing what it found there."""
        self._forget(bucket, ref, touched)
        refs = self._buckets[bucket]
        at = bisect_left(refs, ref)
        fact, item, buckets = self._facts[ref]
        rank = buckets.index(bucket)
        found = []
        for other in refs[max(0, at - WINDOW) : at]:
            other_fact, other_item, _b = self._facts[other]
            if not self._compatible(fact, other_fact):
                continue
            score = _same_fact(item, other_item, self._heads)
            if not score:
                continue
            dropped = _weaker(item, other_item)
            found.append((other, dropped, score))
            copy, kept = (ref, other) if dropped else (other, ref)
            order = (ref[:2], rank, other[:2])
            self._matches.setdefault(copy, {})[(bucket, ref, other)] = (score, order, kept)
            touched.add(copy)
        if found:
            self._found[(bucket, ref)] = tuple(found)

    def _best(self, touched: set[Ref]) -> set[Ref]:
        """Each touched copy's best match as its parent; the facts whose parent changed."""
        changed = set()
        for copy in touched:
            matches = self._matches.get(copy)
            best = None
            if matches:
                best = min(matches.values(), key=lambda m: (-m[0], m[1]))[2]
            else:
                self._matches.pop(copy, None)
            old = self._parent.get(copy)
            if best == old:
                continue
            changed.add(copy)
            if old is not None:
                self._children[old].discard(copy)
                if not self._children[old]:
                    del self._children[old]
            if best is None:
                del self._parent[copy]
            else:
                self._parent[copy] = best
                self._children.setdefault(best, set()).add(copy)
        return changed

    def _reroot(self, changed: set[Ref]) -> set[int]:
        """Roots of the facts whose chain changed; the serials of the documents this touches."""
        todo, seen = list(changed), set()
        while todo:
            ref = todo.pop()
            if ref in seen:
                continue
            seen.add(ref)
            todo.extend(self._children.get(ref, ()))
        docs = set()
        for ref in seen:
            root = ref
            while root in self._parent:
                root = self._parent[root]
            new = root if root != ref else None
            old = self._root.get(ref)
            if new == old:
                continue
            docs.add(ref[2])
            if old is not None:
                docs.add(old[2])
                self._members[old].discard(ref)
                if not self._members[old]:
                    del self._members[old]
            if new is None:
                del self._root[ref]
            else:
                docs.add(new[2])
                self._root[ref] = new
                self._members.setdefault(new, set()).add(ref)
        return docs

    def _put_together(self, p: DocParts) -> tuple[tuple, tuple[MergedFact, ...]]:
        """The document's kept facts (copies gone, kept ones joined with theirs) and records."""
        facts, _items = self._own(p)
        kept, records = [], []
        for index, fact in enumerate(facts):
            ref = (p.doc_id, index, p.serial)
            if ref in self._root:
                continue
            copies = self._members.get(ref)
            if copies:
                group = [self._facts[r][0] for r in sorted(copies)]
                if self.kind == "commitment":
                    fact, record = joined_commitment(fact, group)
                else:
                    record = MergedFact(
                        "event", fact.what, fact.source, tuple(x.source for x in group)
                    )
                records.append(record)
            kept.append(fact)
        return tuple(kept), tuple(records)
