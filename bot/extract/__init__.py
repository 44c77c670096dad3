"""Extraction: pure functions from a Document to its DocumentFacts; no I/O, no globals.

The order matters: people first (a per-document register that resolves surnames, roles and
pronouns), then quotes and commitments, which resolve speakers and actors through it.
"""

from __future__ import annotations

from bot.extract.commitments import extract_commitments
from bot.extract.events import extract_events
from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.quotes import extract_quotes
from bot.extract.text import segment
from bot.models import Document, DocumentFacts


def extract_document(document: Document, lexicon: Lexicon) -> DocumentFacts:
    """Every fact in one document, each with its Source."""
    paragraphs = segment(document.text)
    register = extract_people(document, paragraphs, lexicon)
    quotes = extract_quotes(document, paragraphs, register, lexicon)
    commitments = extract_commitments(document, paragraphs, register, lexicon)
    events = extract_events(document, paragraphs, lexicon)
    return DocumentFacts(
        document=document,
        people=register.people,
        quotes=tuple(quotes),
        commitments=tuple(commitments),
        events=tuple(events),
    )


__all__ = ["Lexicon", "extract_document"]
