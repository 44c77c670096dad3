"""Full-text search over every sentence of every document, typos allowed.

Built from what extraction stored with each document (sentence offsets and index words), so
building it never splits or folds a document again. Sentences are kept as numbers in arrays
(document, paragraph, start, end) and each word's sentences as an array of ints: the sentence
text stays in the document and a Source is made only for the sentences a search returns.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.extract.text import segment
from bot.folding import STOPWORDS, index_words, words
from bot.models import DocumentFacts, Source


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


class TextIndex:
    """Word → sentences, over the documents in the order given."""

    def __init__(self, per_document: Sequence[DocumentFacts]) -> None:
        self._documents = tuple(f.document for f in per_document)
        rows: list[tuple[int, int, int, int]] = []  # (document, paragraph, start, end)
        postings: dict[str, list[int]] = defaultdict(list)
        for d, facts in enumerate(per_document):
            spans, terms = sentence_spans(facts)
            for (para, start, end), sentence_words in zip(spans, terms, strict=True):
                i = len(rows)
                rows.append((d, para, start, end))
                for w in sentence_words.split():
                    postings[w].append(i)
        self._doc, self._para, self._start, self._end = (
            (array("I", column) for column in zip(*rows, strict=True))
            if rows
            else (array("I") for _ in range(4))
        )
        self._postings = {w: array("I", ids) for w, ids in postings.items()}
        self._vocabulary = list(self._postings)

    def __len__(self) -> int:
        return len(self._doc)

    def source(self, i: int) -> Source:
        """Sentence number `i` as a Source: document id, paragraph, the sentence itself."""
        doc = self._documents[self._doc[i]]
        return Source(doc.id, self._para[i], doc.text[self._start[i] : self._end[i]])

    def previous(self, source: Source) -> str | None:
        """The sentence before `source` in its paragraph, or None (it opens the paragraph).

        For a timeline entry whose subject is a pronoun: 'In April 2022, it was the first Asian
        country he visited.' reads with 'After taking office, Scholz made great efforts …'.
        """
        at = self._by_paragraph.get((source.doc_id, source.paragraph), ())
        sentence = source.sentence.strip()
        for before, i in pairwise(at):
            if self.source(i).sentence.strip() == sentence:
                return self.source(before).sentence
        return None

    @cached_property
    def _by_paragraph(self) -> dict[tuple[str, int], list[int]]:
        out: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i in range(len(self._doc)):
            out[(self._documents[self._doc[i]].id, self._para[i])].append(i)
        return out

    def _expand(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary words close to a query word: itself, its typos' fixes, its stem's kin."""
        out = [(word, 1.0)] if word in self._postings else []
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
            out += [(v, 0.8) for v in self._vocabulary if v.startswith(word) and len(word) >= 5][
                :10
            ]
        return out

    def search(self, query: str, limit: int = 10) -> list[tuple[Source, float]]:
        """Sentences ranked by how many query words (or near spellings) they hold, rare first."""
        query_words = [w for w in words(query) if w not in STOPWORDS]
        if not query_words:
            return []
        n = max(len(self._doc), 1)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for word in dict.fromkeys(query_words):
            best: dict[int, float] = {}
            for cand, weight in self._expand(word):
                ids = self._postings[cand]
                value = weight * math.log(1 + n / len(ids))
                for i in ids:
                    best[i] = max(best.get(i, 0.0), value)
            for i, s in best.items():
                scores[i] += s
                matched[i] += 1
        ranked = sorted(scores, key=lambda i: (-matched[i], -scores[i], i))
        return [(self.source(i), round(scores[i], 3)) for i in ranked[:limit]]
