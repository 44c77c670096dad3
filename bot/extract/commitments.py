"""Commitments: what actors want, will, plan or agreed to do. Placeholder until it lands."""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import Paragraph
from bot.models import Commitment, Document


def extract_commitments(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Commitment]:
    return []
