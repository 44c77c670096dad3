"""The words side of full-text search: which words the documents hold, which of them a query
word may mean, and how sentences rank by the words they hold.

The vocabulary is every word with the number of documents holding it, and the words in
code-point order (so words that start alike are neighbours, for prefix and typo lookups). A
reload patches the previous counts and order for the documents that came and went rather than
counting every document again. Example: over the words 'harbor' and 'harbour',
`near_words('harbr', counts, vocabulary)` → [('harbor', 0.82), ('harbour', 0.75)] (rounded).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain, islice, takewhile

from rapidfuzz import fuzz, process

from bot.folding import STOPWORDS, words

#: Above this many new words a patched vocabulary is re-sorted rather than inserted into.
_INSERT_AT_MOST = 32


#: Documents whose words are counted in one native call: between calls another thread (the
#: event loop) may take the GIL; one call over 3,000 documents held it ~60 ms.
_COUNT_RUN = 200


def word_counts(postings: Iterable[Mapping[str, Sequence[int]]]) -> dict[str, int]:
    """Every word, with the number of documents (postings, one a document) holding it."""
    counts: Counter[str] = Counter()
    runs = iter(postings)
    while run := list(islice(runs, _COUNT_RUN)):
        counts.update(chain.from_iterable(run))
    return dict(counts)


def patched_counts(
    counts: Mapping[str, int],
    gone: Iterable[Mapping[str, Sequence[int]]],
    new: Iterable[Mapping[str, Sequence[int]]],
    touched: set[str] | None = None,
) -> dict[str, int]:
    """`counts` with the words of the documents `gone` taken off and those of `new` added:
    a word no document holds any more leaves. Equal to `word_counts` of the documents now.
    The words counted are added to `touched` (when given): only those can come or go."""
    known = dict(counts)
    for postings in gone:
        if touched is not None:
            touched.update(postings)
        for w in postings:
            known[w] -= 1
            if not known[w]:
                del known[w]
    for postings in new:
        if touched is not None:
            touched.update(postings)
        for w in postings:
            known[w] = known.get(w, 0) + 1
    return known


def patched_vocabulary(
    vocabulary: Sequence[str],
    before: Mapping[str, int],
    known: Mapping[str, int],
    touched: Iterable[str] | None = None,
) -> list[str]:
    """The sorted `vocabulary` of the words `before` counts, made that of the words `known`
    counts: gone words deleted, new ones inserted (or merged as a second sorted run).
    `touched` (the words `patched_counts` counted) narrows the words looked at."""
    words_now = list(vocabulary)
    if touched is None:
        gone, new = before.keys() - known.keys(), sorted(known.keys() - before.keys())
    else:
        touched = set(touched)
        gone = {w for w in touched if w in before and w not in known}
        new = sorted(w for w in touched if w in known and w not in before)
    for w in gone:
        del words_now[bisect_left(words_now, w)]
    if len(new) > _INSERT_AT_MOST:
        words_now.extend(new)
        words_now.sort()  # two sorted runs: merged in one pass
    else:
        for w in new:
            insort(words_now, w)
    return words_now


def near_words(
    word: str, known: Mapping[str, int], vocabulary: Sequence[str]
) -> list[tuple[str, float]]:
    """Vocabulary words close to a query word, with a weight: itself (1.0), its typos' fixes
    (0.9 × similarity, from four letters), words it begins (0.8, from five letters)."""
    out = [(word, 1.0)] if word in known else []
    if len(word) >= 4:
        for cand, score, _i in process.extract(
            word,
            vocabulary,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=80,
            limit=5,
        ):
            if cand != word:
                out.append((cand, score / 100 * 0.9))
        if len(word) >= 5:
            at = bisect_left(vocabulary, word)
            longer = islice(takewhile(lambda v: v.startswith(word), vocabulary[at : at + 10]), 10)
            out += [(v, 0.8) for v in longer]
    return out


def rank_sentences(
    query: str,
    sentences: int,
    expand: Callable[[str], list[tuple[str, float]]],
    ids: Callable[[str], array],
    limit: int,
) -> list[tuple[int, float]]:
    """Sentence numbers ranked by how many query words (or near spellings) they hold, rare
    words weighing more (log(1 + sentences / holders)); ties by score, then position."""
    query_words = [w for w in words(query) if w not in STOPWORDS]
    if not query_words:
        return []
    n = max(sentences, 1)
    scores: dict[int, float] = defaultdict(float)
    matched: dict[int, int] = defaultdict(int)
    for word in dict.fromkeys(query_words):
        best: dict[int, float] = {}
        for cand, weight in expand(word):
            holders = ids(cand)
            value = weight * math.log(1 + n / len(holders))
            for i in holders:
                best[i] = max(best.get(i, 0.0), value)
        for i, s in best.items():
            scores[i] += s
            matched[i] += 1
    ranked = sorted(scores, key=lambda i: (-matched[i], -scores[i], i))
    return [(i, round(scores[i], 3)) for i in ranked[:limit]]
