"""Full-text search over every sentence of every document, typos allowed.

Built from what extraction stored with each document (sentence offsets and index words), so
building it never splits or folds a document again. Each document is a segment: its sentences
as numbers in arrays (paragraph, start, end) and each word's sentences as an array of ints; the
sentence text stays in the document and a Source is made only for the sentences a search
returns. A query word looks in each segment (a dict lookup each), so the index of a generation
is its segments in order, and a reload rebuilds only the segments of changed documents.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, chain, compress, islice, pairwise, takewhile
from operator import attrgetter, not_

from rapidfuzz import fuzz, process

from bot.extract.text import segment
from bot.folding import STOPWORDS, index_words, words
from bot.models import DocumentFacts, Source

_FACTS, _DOCUMENT, _PARA = attrgetter("facts"), attrgetter("document"), attrgetter("para")


def sentence_spans(
    facts: DocumentFacts,
) -> tuple[tuple[tuple[int, int, int], ...], tuple[str, ...]]:
    """A document's sentence offsets and index words: stored ones, else worked out now.

    Documents stored before extraction kept these have them empty; their text is split again.
    """
    spans, terms = facts.sentences, facts.sentence_words
    if (spans or not facts.document.text.strip()) and len(terms) == len(spans):
        return spans, terms
    text = facts.document.text
    spans = tuple((p.number, s.start, s.end) for p in segment(text) for s in p.sentences)
    return spans, tuple(index_words(text[s:e]) for _p, s, e in spans)


class _Segment:
    """One document's sentences: (paragraph, start, end) columns and word → sentence numbers,
    built once per reading of the document and shared by every generation that has it."""

    __slots__ = ("document", "end", "facts", "para", "postings", "start")

    def __init__(self, facts: DocumentFacts) -> None:
        spans, terms = sentence_spans(facts)
        self.facts = facts  # the reading it was built from: reused only for this very object
        self.document = facts.document
        self.para = array("I", (p for p, _s, _e in spans))
        self.start = array("I", (s for _p, s, _e in spans))
        self.end = array("I", (e for _p, _s, e in spans))
        postings: dict[str, list[int]] = defaultdict(list)
        for i, sentence_words in enumerate(terms):
            for w in sentence_words.split():
                postings[w].append(i)
        self.postings = {w: array("I", ids) for w, ids in postings.items()}


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
            segments[i] = _Segment(per_document[i])
        self._segments: tuple[_Segment, ...] = tuple(segments)  # type: ignore[arg-type]
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
            return dict(Counter(chain.from_iterable(seg.postings for seg in self._segments)))
        now = dict(zip(map(id, self._segments), self._segments, strict=True))
        before = dict(zip(map(id, previous._segments), previous._segments, strict=True))
        known = dict(previous._known)
        for i in before.keys() - now.keys():
            for w in before[i].postings:
                known[w] -= 1
                if not known[w]:
                    del known[w]
        for i in now.keys() - before.keys():
            for w in now[i].postings:
                known[w] = known.get(w, 0) + 1
        return known

    @cached_property
    def _vocabulary(self) -> list[str]:
        """Every word, in code-point order (so words that start alike are neighbours)."""
        previous, known = self._previous, self._known
        if previous is None:
            return sorted(known)
        before = previous._known
        words = list(previous._vocabulary)
        gone = [w for w in before.keys() - known.keys()]
        new = sorted(known.keys() - before.keys())
        for w in gone:
            del words[bisect_left(words, w)]
        if len(new) > 32:
            words.extend(new)
            words.sort()  # two sorted runs: merged in one pass
        else:
            for w in new:
                insort(words, w)
        return words

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

    def _locate(self, i: int) -> tuple[_Segment, int]:
        d = bisect_right(self._offsets, i) - 1
        return self._segments[d], i - self._offsets[d]

    def source(self, i: int) -> Source:
        """Sentence number `i` as a Source: document id, paragraph, the sentence itself."""
        seg, k = self._locate(i)
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
        out = [(word, 1.0)] if word in self._known else []
        if len(word) >= 4:
            for cand, score, _i in process.extract(
                word,
                self._vocabulary,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=80,
                limit=5,
            ):
                if cand != word:
                    out.append((cand, score / 100 * 0.9))
            if len(word) >= 5:
                vocabulary = self._vocabulary
                at = bisect_left(vocabulary, word)
                longer = islice(
                    takewhile(lambda v: v.startswith(word), vocabulary[at : at + 10]), 10
                )
                out += [(v, 0.8) for v in longer]
        return out

    def search(self, query: str, limit: int = 10) -> list[tuple[Source, float]]:
        """Sentences ranked by how many query words (or near spellings) they hold, rare first."""
        query_words = [w for w in words(query) if w not in STOPWORDS]
        if not query_words:
            return []
        n = max(len(self), 1)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for word in dict.fromkeys(query_words):
            best: dict[int, float] = {}
            for cand, weight in self._expand(word):
                ids = self._ids(cand)
                value = weight * math.log(1 + n / len(ids))
                for i in ids:
                    best[i] = max(best.get(i, 0.0), value)
            for i, s in best.items():
                scores[i] += s
                matched[i] += 1
        ranked = sorted(scores, key=lambda i: (-matched[i], -scores[i], i))
        return [(self.source(i), round(scores[i], 3)) for i in ranked[:limit]]
