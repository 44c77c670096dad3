"""Direct quotations and who said them. Placeholder until the quote extractor lands."""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import Paragraph
from bot.models import Document, Quote


def extract_quotes(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Quote]:
    return []
