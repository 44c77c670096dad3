"""Restated quotes merged reload after reload, redoing only what a change touches.

`dedupe_quotes` compares quotes only within one speaker's, so `QuoteMemo` keeps each speaker's
quotes in the merge's order with the copies found among them, and each document's kept quotes:
a speaker whose quotes changed is compared again whole, and only the documents whose quotes
became or stopped being copies, or gained or lost copies, are put together again. Example: a
document that adds a quote of "the harbour board" compares that board's quotes, and the
document of the quote it restates cites it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, insort
from collections.abc import Sequence
from itertools import chain

from bot.dedupe import MergedFact, _roots, quote_copies
from bot.dedupe_memo import outs_change
from bot.models import Quote

#: (document id, index among its quotes, serial of the document's quotes tuple)
Ref = tuple[str, int, int]


class QuoteMemo:
    """`dedupe_quotes` kept between merges: each document's quotes are kept by the very tuple
    they came in (bot.merge_cache keeps it while the document, its people map and its speaker
    names stay); a new tuple's quotes leave and join their speakers' lists, only those speakers
    are compared again, and only the documents whose quotes became or stopped being copies, or
    gained or lost copies, are put together again."""

    def __init__(self) -> None:
        self._docs: dict[str, tuple[tuple[Quote, ...], list[Ref]]] = {}
        self._quote: dict[Ref, Quote] = {}
        self._speakers: dict[str, list[Ref]] = {}  # each sorted: the merge's order
        self._copies: dict[str, dict[Ref, Ref]] = {}  # per speaker: copy → the quote kept
        self._root: dict[Ref, Ref] = {}
        self._members: dict[Ref, set[Ref]] = {}
        self._out: dict[str, tuple[tuple[Quote, ...], tuple[MergedFact, ...]]] = {}
        self._serials = itertools.count()
        # (documents, their kept quotes before, after) of the last merge: see FactMemo
        self.last_change: tuple[set[str], list, list, list, list] = (set(), [], [], [], [])

    def merge(
        self, documents: Sequence[tuple[str, tuple[Quote, ...]]]
    ) -> tuple[list[Quote], list[MergedFact]]:
        """`dedupe_quotes` over the documents' quotes, in order (document ids unique)."""
        speakers: set[str] = set()
        docs: set[str] = set()
        now = {}
        for doc_id, quotes in documents:
            old = self._docs.get(doc_id)
            if old is not None and old[0] is quotes:
                now[doc_id] = old
                continue
            if old is not None:
                self._leave(old[1], speakers)
            serial = next(self._serials)
            refs = [(doc_id, i, serial) for i in range(len(quotes))]
            for ref, quote in zip(refs, quotes, strict=True):
                self._quote[ref] = quote
                insort(self._speakers.setdefault(quote.speaker or "", []), ref)
                speakers.add(quote.speaker or "")
            now[doc_id] = (quotes, refs)
            docs.add(doc_id)
        was = {}  # the kept quotes before, of the documents dropped or put together again
        for doc_id in self._docs.keys() - now.keys():
            self._leave(self._docs[doc_id][1], speakers)
            was[doc_id] = self._out.pop(doc_id)
        self._docs = now
        for speaker in speakers:
            docs |= self._compare(speaker)
        for doc_id in docs:
            if doc_id in now:
                if doc_id in self._out:
                    was[doc_id] = self._out[doc_id]
                self._out[doc_id] = self._put_together(now[doc_id])
        self.last_change = outs_change(was, self._out, docs | was.keys())
        outs = [self._out[doc_id] for doc_id, _quotes in documents]
        return list(chain.from_iterable(o[0] for o in outs)), list(
            chain.from_iterable(o[1] for o in outs)
        )

    def _leave(self, refs: list[Ref], speakers: set[str]) -> None:
        for ref in refs:
            speaker = self._quote.pop(ref).speaker or ""
            own = self._speakers[speaker]
            del own[bisect_left(own, ref)]
            if not own:
                del self._speakers[speaker]
            speakers.add(speaker)

    def _compare(self, speaker: str) -> set[str]:
        """One speaker's copies found again; the documents whose copies or kept quotes changed."""
        refs = self._speakers.get(speaker, [])
        found = _roots(quote_copies([self._quote[r] for r in refs]))
        new = {refs[c]: refs[k] for c, k in found.items()}
        old = self._copies.pop(speaker, {})
        if new:
            self._copies[speaker] = new
        docs = set()
        for copy in old.keys() | new.keys():
            was, now = old.get(copy), new.get(copy)
            if was == now:
                continue
            docs.add(copy[0])
            if was is not None:
                docs.add(was[0])
                self._members[was].discard(copy)
                if not self._members[was]:
                    del self._members[was]
                del self._root[copy]
            if now is not None:
                docs.add(now[0])
                self._root[copy] = now
                self._members.setdefault(now, set()).add(copy)
        return docs

    def _put_together(
        self, doc: tuple[tuple[Quote, ...], list[Ref]]
    ) -> tuple[tuple[Quote, ...], tuple[MergedFact, ...]]:
        kept, records = [], []
        for quote, ref in zip(*doc, strict=True):
            if ref in self._root:
                continue
            copies = self._members.get(ref)
            if copies:
                others = tuple(self._quote[r].source for r in sorted(copies))
                records.append(MergedFact("quote", quote.text, quote.source, others))
            kept.append(quote)
        return tuple(kept), tuple(records)
