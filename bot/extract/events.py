"""Dated statements resolved against the document date. Placeholder until it lands."""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from bot.extract.text import Paragraph
from bot.models import Document, Event


def extract_events(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> list[Event]:
    return []
