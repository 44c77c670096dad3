"""Full-text search over every sentence of every document, typos allowed.

Each document is a segment (bot.text_segments): its sentences as numbers in arrays and each
word's sentences as an array of ints, built from what extraction stored with the document. A
query word looks in each segment (a dict lookup each), so the index of a generation is its
segments in order, and a reload rebuilds only the segments of changed documents. Counting
and ranking the words is bot.text_words; a Source is made only for the sentences returned.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, compress, pairwise
from operator import attrgetter, not_

from bot.models import DocumentFacts, Source
from bot.text_segments import Segment, sentence_spans
from bot.text_words import (
    near_words,
    patched_counts,
    patched_vocabulary,
    rank_sentences,
    word_counts,
)

__all__ = ["TextIndex", "sentence_spans"]

_FACTS, _DOCUMENT, _PARA = attrgetter("facts"), attrgetter("document"), attrgetter("para")
_POSTINGS = attrgetter("postings")


class TextIndex:
    """Word → sentences, over the documents in the order given.

    Sentence number i counts through the documents in order (the first document's sentences,
    then the second's). Each document is a segment built once; `previous` (the last
    generation's index) lends the segments of documents that did not change, so a reload that
    changed one document builds one segment. Example: `TextIndex(docs, previous=old)`.
    """

    def __init__(
        self, per_document: Sequence[DocumentFacts], previous: TextIndex | None = None
    ) -> None:
        # a segment holds the reading it was built from, so an id in `reuse` names that reading
        before = previous._segments if previous else ()
        reuse = dict(zip(map(id, map(_FACTS, before)), before, strict=True))
        segments = list(map(reuse.get, map(id, per_document)))
        for i in compress(range(len(segments)), map(not_, segments)):
            segments[i] = Segment(per_document[i])
        self._segments: tuple[Segment, ...] = tuple(segments)  # type: ignore[arg-type]
        self._documents = tuple(map(_DOCUMENT, per_document))
        self._offsets = list(accumulate(map(len, map(_PARA, self._segments)), initial=0))
        self._previous = (
            previous if previous is not None and "_vocabulary" in previous.__dict__ else None
        )

    def __len__(self) -> int:
        return self._offsets[-1]

    @cached_property
    def _postings(self) -> dict[str, array]:
        """Word → every sentence number holding it (built on first use: tests and tools)."""
        return {w: self._ids(w) for w in self._vocabulary}

    @cached_property
    def _known(self) -> dict[str, int]:
        """Every word, with the number of documents holding it; the previous index's counts
        are patched for the documents only one of the two has."""
        previous = self._previous
        if previous is None:
            return word_counts(map(_POSTINGS, self._segments))
        now = dict(zip(map(id, self._segments), self._segments, strict=True))
        before = dict(zip(map(id, previous._segments), previous._segments, strict=True))
        gone = (before[i].postings for i in before.keys() - now.keys())
        new = (now[i].postings for i in now.keys() - before.keys())
        touched: set[str] = set()
        self.__dict__["_touched"] = touched  # the words that may have come or gone
        return patched_counts(previous._known, gone, new, touched)

    @cached_property
    def _vocabulary(self) -> list[str]:
        """Every word, in code-point order (so words that start alike are neighbours)."""
        previous, known = self._previous, self._known
        if previous is None:
            return sorted(known)
        touched = self.__dict__.pop("_touched", None)
        return patched_vocabulary(previous._vocabulary, previous._known, known, touched)

    def prepare(self) -> TextIndex:
        """Build the vocabulary now (off the event loop, with the index), not on first search."""
        _ = self._vocabulary
        self._previous = None
        return self

    def _ids(self, word: str) -> array:
        """The sentence numbers holding `word`, ascending."""
        out = array("I")
        for seg, offset in zip(self._segments, self._offsets, strict=False):
            local = seg.postings.get(word)
            if local is not None:
                out.extend(offset + i for i in local)
        return out

    def source(self, i: int) -> Source:
        """Sentence number `i` as a Source: document id, paragraph, the sentence itself."""
        d = bisect_right(self._offsets, i) - 1
        seg, k = self._segments[d], i - self._offsets[d]
        doc = seg.document
        return Source(doc.id, seg.para[k], doc.text[seg.start[k] : seg.end[k]])

    def previous(self, source: Source) -> str | None:
        """The sentence before `source` in its paragraph, or None (it opens the paragraph).

        For a timeline entry whose subject is a pronoun: 'In April 2022, it was the first Asian
        country he visited.' reads with 'After taking office, Scholz made great efforts …'.
        """
        d = self._by_id.get(source.doc_id)
        if d is None:
            return None
        seg, offset = self._segments[d], self._offsets[d]
        at = [offset + k for k in range(len(seg.para)) if seg.para[k] == source.paragraph]
        sentence = source.sentence.strip()
        for before, i in pairwise(at):
            if self.source(i).sentence.strip() == sentence:
                return self.source(before).sentence
        return None

    @cached_property
    def _by_id(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d, doc in enumerate(self._documents):
            out.setdefault(doc.id, d)
        return out

    def _expand(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary words close to a query word: itself, its typos' fixes, its stem's kin."""
        return near_words(word, self._known, self._vocabulary)

    def search(self, query: str, limit: int = 10) -> list[tuple[Source, float]]:
        """Sentences ranked by how many query words (or near spellings) they hold, rare first."""
        ranked = rank_sentences(query, len(self), self._expand, self._ids, limit)
        return [(self.source(i), score) for i, score in ranked]
