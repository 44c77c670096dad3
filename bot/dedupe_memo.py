"""Restated facts merged reload after reload, redoing only what a change touches.

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
is the merge's order (documents by id, then each document's facts in order). A document read
again keeps the refs of the facts equal to the ones at their places last time (its headings
unchanged); its other facts get refs of the new serial. The result equals `dedupe_commitments` and
`dedupe_events` over the documents' facts in order: each copy points at its best-scoring match,
among equal scores the one `_groups` meets first (by the fact's place, then the bucket's place
among the fact's buckets, then the earlier fact's place); chains are followed to the kept fact
(a copy is the headline, else the shorter, else the later statement, so chains never loop).

bot.quote_memo does the same for restated quotes.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Hashable, Sequence
from itertools import chain, compress
from operator import attrgetter, itemgetter, not_
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
    may_be_same,
)

if TYPE_CHECKING:
    from bot.merge_cache import DocParts

_SERIAL, _DOC_ID = attrgetter("serial"), attrgetter("doc_id")
_KEPT, _RECORDS = itemgetter(0), itemgetter(1)

#: (document id, index in the document's facts of this kind, serial of the document's reading)
Ref = tuple[str, int, int]
#: What a fact found in its window in one bucket: (the earlier fact, whether this fact is the
#: copy, score).
_Found = tuple[Ref, ...]
#: A candidate match of a copy: (bucket, the fact compared, the earlier fact in its window).
_Match = tuple[Hashable, Ref, Ref]


class FactMemo:
    """One kind of fact (commitment or event) merged incrementally; see the module docstring."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._docs: dict[int, DocParts] = {}  # serial → parts of the documents merged last
        self._refs: dict[str, list[Ref]] = {}  # document id → its facts' refs, in order
        self._out: dict[str, tuple[tuple, tuple[MergedFact, ...]]] = {}  # document → kept, records
        self._heads: dict[str, tuple[int, ...]] = {}  # changed in place: _Buckets reads it
        # the last merge's kept facts of the documents it put together again (or dropped):
        # (those documents, their facts before, after, their records before, after), each in
        # the merge's order (see `outs_change`)
        self.last_change: tuple[set[str], list, list, list, list] = (set(), [], [], [], [])
        self._buckets = _Buckets(
            commitment_buckets if kind == "commitment" else event_buckets,
            commitments_compatible if kind == "commitment" else events_compatible,
            self._heads,
        )

    def merge(self, parts: Sequence[DocParts]) -> tuple[list, list[MergedFact]]:
        """The kept facts and merge records of `parts` (documents in order, ids unique)."""
        serials = list(map(_SERIAL, parts))
        now = dict(zip(serials, parts, strict=True))
        removed = {(p := self._docs[s]).doc_id: p for s in self._docs.keys() - now.keys()}
        added = list(compress(parts, map(not_, map(self._docs.__contains__, serials))))
        self._docs = now
        buckets = self._buckets
        dirty: dict[Hashable, set[Ref] | None] = {}
        touched: set[Ref] = set()
        docs = {p.doc_id for p in added}  # documents to put together again
        news: list[tuple[Ref, Any, _Item]] = []
        for p in added:
            old = removed.pop(p.doc_id, None)
            refs = self._read(p, old, dirty, touched, news)
            self._refs[p.doc_id] = refs
            self._heads[p.doc_id] = p.heads
        was: dict[str, tuple[tuple, tuple[MergedFact, ...]]] = {}  # outs before this merge
        for p in removed.values():
            for ref in self._refs.pop(p.doc_id):
                buckets.remove(ref, dirty, touched)
            self._heads.pop(p.doc_id)
            was[p.doc_id] = self._out.pop(p.doc_id)
        for ref, fact, item in news:
            buckets.add(ref, fact, item, dirty)
        for bucket, marks in dirty.items():
            buckets.compare_marked(bucket, marks, touched)
        docs |= buckets.copies.settle(touched)
        for doc_id in docs:
            if doc_id in self._refs:
                if doc_id in self._out:
                    was[doc_id] = self._out[doc_id]
                self._out[doc_id] = self._put_together(doc_id)
        self.last_change = outs_change(was, self._out, docs | was.keys())
        outs = list(map(self._out.__getitem__, map(_DOC_ID, parts)))
        return list(chain.from_iterable(map(_KEPT, outs))), list(
            chain.from_iterable(map(_RECORDS, outs))
        )

    def _own(self, p: DocParts) -> tuple[tuple, tuple[_Item, ...]]:
        if self.kind == "commitment":
            return p.commitments, p.commitment_items
        return p.events, p.event_items

    def _read(
        self,
        p: DocParts,
        old: DocParts | None,
        dirty: dict[Hashable, set[Ref] | None],
        touched: set[Ref],
        news: list[tuple[Ref, Any, _Item]],
    ) -> list[Ref]:
        """A document's refs: a fact equal to the one at its place in the document's last
        reading (under the same headings) keeps its ref, and nothing around it is compared
        again; the old reading's other facts are removed, and this one's new facts listed in
        `news` to be added."""
        facts, items = self._own(p)
        was: list[Ref] = self._refs.pop(p.doc_id, []) if old is not None else []
        same_heads = old is not None and old.heads == p.heads
        refs = []
        for index, (fact, item) in enumerate(zip(facts, items, strict=True)):
            if same_heads and index < len(was):
                kept, kept_item, _b = self._buckets.facts[was[index]]
                if kept == fact and kept_item == item:
                    refs.append(was[index])
                    continue
            ref = (p.doc_id, index, p.serial)
            refs.append(ref)
            news.append((ref, fact, item))
        for index, ref in enumerate(was):
            if index >= len(refs) or refs[index] is not ref:
                self._buckets.remove(ref, dirty, touched)
        return refs

    def _put_together(self, doc_id: str) -> tuple[tuple, tuple[MergedFact, ...]]:
        """The document's kept facts (copies gone, kept ones joined with theirs) and records."""
        kept, records = [], []
        facts, copies = self._buckets.facts, self._buckets.copies
        for ref in self._refs[doc_id]:
            if ref in copies.root:
                continue
            fact = facts[ref][0]
            members = copies.members.get(ref)
            if members:
                group = [facts[r][0] for r in sorted(members)]
                if self.kind == "commitment":
                    fact, record = joined_commitment(fact, group)
                else:
                    others = tuple(x.source for x in group)
                    record = MergedFact("event", fact.what, fact.source, others)
                records.append(record)
            kept.append(fact)
        return tuple(kept), tuple(records)


class _Buckets:
    """Every fact of one kind in each of its buckets, in the merge's order, and what each fact
    found in its window there; the candidate matches this gives go to `copies`.

    `dirty` (bucket → facts to compare again, None for all) and `touched` (copies whose matches
    changed) are one merge's, passed in. Example: adding a fact to a bucket marks it and the
    WINDOW facts after it; `compare_marked` compares only those with their windows.
    """

    def __init__(
        self,
        buckets_of: Callable[[Any], list[Hashable]],
        compatible: Callable[[Any, Any], bool],
        heads: dict[str, tuple[int, ...]],
    ) -> None:
        self._buckets_of = buckets_of
        self._compatible = compatible
        self._heads = heads  # document id → its headings, as the memo keeps them
        self.facts: dict[Ref, tuple[Any, _Item, tuple[Hashable, ...]]] = {}
        self._buckets: dict[Hashable, list[Ref]] = {}  # each sorted: the merge's order
        self._found: dict[tuple[Hashable, Ref], _Found] = {}
        self.copies = _Copies(lambda bucket, ref: self.facts[ref][2].index(bucket))

    def remove(self, ref: Ref, dirty: dict[Hashable, set[Ref] | None], touched: set[Ref]) -> None:
        _fact, _item, buckets = self.facts.pop(ref)
        for bucket in buckets:
            refs = self._buckets[bucket]
            at = bisect_left(refs, ref)
            del refs[at]
            _mark(dirty, bucket, refs[at : at + WINDOW])
            self._forget(bucket, ref, touched)
            if not refs:
                del self._buckets[bucket]

    def add(self, ref: Ref, fact: Any, item: _Item, dirty: dict[Hashable, set[Ref] | None]) -> None:
        buckets = tuple(self._buckets_of(fact))
        self.facts[ref] = (fact, item, buckets)
        for bucket in buckets:
            refs = self._buckets.get(bucket)
            if refs is None:  # a new bucket: every fact in it is compared
                self._buckets[bucket] = [ref]
                dirty[bucket] = None
            elif dirty.get(bucket, ()) is not None:
                at = bisect_left(refs, ref)
                refs.insert(at, ref)
                _mark(dirty, bucket, refs[at : at + WINDOW + 1])
            else:
                insort(refs, ref)

    def _forget(self, bucket: Hashable, ref: Ref, touched: set[Ref]) -> None:
        """Drop what `ref` found in `bucket` from the copies' candidate matches."""
        matches = self.copies.matches
        for other in self._found.pop((bucket, ref), ()):
            key = (bucket, ref, other)
            copy = ref if key in matches.get(ref, ()) else other
            del matches[copy][key]
            touched.add(copy)

    def compare_marked(self, bucket: Hashable, marks: set[Ref] | None, touched: set[Ref]) -> None:
        """Compare the marked facts of a bucket (all when `marks` is None) with their windows."""
        refs = self._buckets.get(bucket)
        if not refs:
            return
        if marks is None or 4 * len(marks) > len(refs):
            for at, ref in enumerate(refs):
                if marks is None or ref in marks:
                    self._compare(bucket, refs, at, touched)
            return
        for ref in marks:
            at = bisect_left(refs, ref)
            if at < len(refs) and refs[at] == ref:
                self._compare(bucket, refs, at, touched)

    def _compare(self, bucket: Hashable, refs: list[Ref], at: int, touched: set[Ref]) -> None:
        """Compare the fact at `at` in the bucket with its window, replacing what it found."""
        ref = refs[at]
        if (bucket, ref) in self._found:
            self._forget(bucket, ref, touched)
        facts, compatible, heads = self.facts, self._compatible, self._heads
        fact, item, _buckets = facts[ref]
        found = []
        window = refs[max(0, at - WINDOW) : at]
        entries = [facts[other] for other in window]
        for k in may_be_same(item, [entry[1] for entry in entries]):
            other = window[k]
            other_fact, other_item, _b = entries[k]
            if not compatible(fact, other_fact):
                continue
            score = _same_fact(item, other_item, heads)
            if not score:
                continue
            dropped = _weaker(item, other_item)
            found.append(other)
            copy = ref if dropped else other
            self.copies.matches.setdefault(copy, {})[(bucket, ref, other)] = score
            touched.add(copy)
        if found:
            self._found[(bucket, ref)] = tuple(found)


class _Copies:
    """The copies found so far: each copy's candidate matches, its best one (its parent), and
    the fact each copy is finally merged into (its root), with each kept fact's copies."""

    def __init__(self, rank: Callable[[Hashable, Ref], int]) -> None:
        self._rank = rank  # a bucket's place among a fact's buckets
        self.matches: dict[Ref, dict[_Match, float]] = {}  # by copy: each match's score
        self._parent: dict[Ref, Ref] = {}  # copy → its best match
        self._children: dict[Ref, set[Ref]] = {}
        self.root: dict[Ref, Ref] = {}  # copy → the fact finally kept
        self.members: dict[Ref, set[Ref]] = {}  # kept fact → its copies

    def _order(self, match: _Match, score: float) -> tuple:
        """Best first: the higher score, then the match `_groups` meets first (the fact's place,
        the bucket's place among its buckets, the earlier fact's place; refs sort by place)."""
        bucket, ref, other = match
        return (-score, ref, self._rank(bucket, ref), other)

    def settle(self, touched: set[Ref]) -> set[str]:
        """Each touched copy's best match as its parent, and the roots of the facts whose chain
        changed; returns the documents whose copies or kept facts changed."""
        changed = set()
        for copy in touched:
            matches = self.matches.get(copy)
            best = None
            if matches:
                _bucket, ref, other = min(matches, key=lambda m: self._order(m, matches[m]))
                best = other if ref == copy else ref
            else:
                self.matches.pop(copy, None)
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
        return self._reroot(changed)

    def _reroot(self, changed: set[Ref]) -> set[str]:
        """Roots of the facts whose chain changed; the documents this touches."""
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
            old = self.root.get(ref)
            if new == old:
                continue
            docs.add(ref[0])
            if old is not None:
                docs.add(old[0])
                self.members[old].discard(ref)
                if not self.members[old]:
                    del self.members[old]
            if new is None:
                del self.root[ref]
            else:
                docs.add(new[0])
                self.root[ref] = new
                self.members.setdefault(new, set()).add(ref)
        return docs


def outs_change(
    was: dict[str, tuple[tuple, tuple]], now: dict[str, tuple[tuple, tuple]], docs: set[str]
) -> tuple[set[str], list, list, list, list]:
    """(documents, their kept facts before, after, their merge records before, after),
    documents in the merge's order (by id)."""
    ordered = sorted(docs)
    before = [d for d in ordered if d in was]
    after = [d for d in ordered if d in now]
    return (
        docs,
        [f for d in before for f in was[d][0]],
        [f for d in after for f in now[d][0]],
        [r for d in before for r in was[d][1]],
        [r for d in after for r in now[d][1]],
    )


def _mark(dirty: dict[Hashable, set[Ref] | None], bucket: Hashable, refs: list[Ref]) -> None:
    """Mark facts of a bucket to compare again (a bucket marked None is compared whole)."""
    if bucket not in dirty:
        dirty[bucket] = set(refs)
    elif (marks := dirty[bucket]) is not None:
        marks.update(refs)
