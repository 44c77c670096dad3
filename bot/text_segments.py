"""One document's sentences as the full-text index holds them: numbers in arrays, not strings.

A segment keeps each sentence's (paragraph, start, end) in three arrays and each word's
sentences as a tuple of ints, read from what extraction stored with the document (sentence
offsets and index words), so building it never splits or folds the document again; the text
stays in the document. Example: a document 'The bridge opens. Ships wait.' has starts
array('I', [0, 18]) and postings {'bridge': (0,), 'ships': (1,), …}.

A word's sentences are a tuple, not an array: most words stand in one or two sentences of a
document, where a tuple is smaller (48 bytes for one number against an array's 68) and three
times quicker to build; the merged postings of the whole index are arrays.
"""

from __future__ import annotations

from array import array
from collections import defaultdict

from bot.extract.text import segment
from bot.folding import index_words
from bot.models import DocumentFacts


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


class Segment:
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
        self.postings = {w: tuple(ids) for w, ids in postings.items()}
