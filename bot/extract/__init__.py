"""Extraction: pure functions from a Document to its DocumentFacts; no I/O, no globals.

The order matters: people first (a per-document register that resolves surnames, roles and
pronouns), then quotes and commitments, which resolve speakers and actors through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.lexicon import Lexicon
from bot.folding import index_words
from bot.models import Document, DocumentFacts, Quote

if TYPE_CHECKING:
    from bot.extract.text import Paragraph


def extract_document(document: Document, lexicon: Lexicon) -> DocumentFacts:
    """Every fact in one document, each with its Source.

    The extractors are imported here, not at the top: a process that only answers from the
    store (`ask` on a warm database) then never loads them, which saves a tenth of a second.
    """
    from bot.extract.commitments import extract_commitments
    from bot.extract.events import extract_events
    from bot.extract.people import extract_people
    from bot.extract.quotes import extract_quotes
    from bot.extract.speakers import attribute_speakers
    from bot.extract.text import segment

    paragraphs = segment(document.text)
    register = extract_people(document, paragraphs, lexicon)
    quotes = extract_quotes(document, paragraphs, register, lexicon)
    quotes = attribute_speakers(document, paragraphs, register, quotes, lexicon)
    commitments = extract_commitments(document, paragraphs, register, lexicon)
    events = extract_events(document, paragraphs, lexicon)
    sentences = sentence_spans(paragraphs)
    return DocumentFacts(
        document=document,
        people=register.people,
        quotes=tuple(quotes),
        commitments=tuple(commitments),
        events=tuple(events),
        sentences=sentences,
        sentence_words=tuple(index_words(s.text) for p in paragraphs for s in p.sentences),
        quote_topics=quote_topics(quotes, lexicon),
    )


def sentence_spans(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[int, int, int], ...]:
    """Every sentence as (paragraph number, start, end) in the body: ((1, 0, 54), (1, 55, 120))."""
    return tuple((p.number, s.start, s.end) for p in paragraphs for s in p.sentences)


def quote_topics(quotes: list[Quote] | tuple[Quote, ...], lexicon: Lexicon) -> tuple:
    """The topics of each quote, read from the quote and the sentence it stands in."""
    from bot.extract.topics import quote_topics as read

    return read(((q.text, q.source.sentence) for q in quotes), lexicon)


__all__ = ["Lexicon", "extract_document", "quote_topics", "sentence_spans"]
