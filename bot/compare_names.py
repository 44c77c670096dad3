"""Finding a side of `compare` in sentences: its names as whole words, through a word index.

A country's side is named by its name, aliases and demonyms and by hundreds of its people; a
regular expression of them all is slow to build and to run, and scanning every sentence for
every comparison costs the whole fact base each time. Instead each generation's sentences are
indexed once by word (WordIndex, cached per fact list), and a side's names are looked up
through their first words, then checked word by word (NameMatcher).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
_WORD = re.compile(r"\w+")


def text_words(text: str) -> list[str]:
    """A text's words, case-folded: 'Lecornu met Crosetto.' → ['lecornu', 'met', 'crosetto']."""
    return [w.casefold() for w in _WORD.findall(text)]


class NameMatcher:
    """Many names, each found as whole words in order, any case.

    'Guido Crosetto' is in 'On Monday, GUIDO crosetto met…' but not in 'Guidon Crosetto' or
    'Crosetto Guido'. Checking a text costs one dictionary lookup per word, however many names.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            words = tuple(text_words(name))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        #: First words that are a whole name ('germany', 'scholz'): a text holding one names it
        self.whole = frozenset(w for w, found in self._by_first.items() if (w,) in found)

    @property
    def first_words(self) -> tuple[str, ...]:
        return tuple(self._by_first)

    def found_in(self, words: Sequence[str]) -> bool:
        """Whether any name stands in `words` (a text's `text_words`)."""
        for i, word in enumerate(words):
            for name in self._by_first.get(word, ()):
                if tuple(words[i : i + len(name)]) == name:
                    return True
        return False


class WordIndex:
    """Texts by the words they hold: which of them name a side, without reading the others.

    `WordIndex(["Lecornu met Crosetto", "Italy plans"]).matching(NameMatcher(["Italy"]))` → {1}.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = [text_words(t) for t in texts]
        self.postings: dict[str, list[int]] = {}
        for i, words in enumerate(self.words):
            for w in dict.fromkeys(words):
                self.postings.setdefault(w, []).append(i)

    def matching(self, names: NameMatcher) -> set[int]:
        """The positions of the texts in which one of the names stands."""
        found: set[int] = set()
        for first in names.whole:  # a one-word name: every text holding the word names it
            found.update(self.postings.get(first, ()))
        read = set(found)  # each other text is read once: `found_in` tries every name in it
        for first in names.first_words:
            for i in self.postings.get(first, ()):
                if i not in read:
                    read.add(i)
                    if names.found_in(self.words[i]):
                        found.add(i)
        return found


_cache: dict[int, tuple[Sequence, WordIndex]] = {}
_lock = threading.Lock()


def word_index(items: Sequence[T], text_of: Callable[[T], str]) -> WordIndex:
    """The WordIndex of `items` (one generation's events or commitments), built on first use.

    Kept while `items` is alive and the same object, so each generation builds it once; a new
    generation's list replaces the old one's entry (at most one per text kind is kept).
    """
    key = id(text_of)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] is items:
            return cached[1]
    index = WordIndex([text_of(x) for x in items])
    with _lock:
        _cache[key] = (items, index)
    return index
