"""People named in a document, and the register that resolves later mentions to them.

Placeholder until the people extractor lands: it finds no one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.lexicon import Lexicon
from bot.extract.text import Paragraph
from bot.models import Document, Person


@dataclass(frozen=True)
class PeopleRegister:
    """The people of one document and a way to resolve a mention to one of them."""

    people: tuple[Person, ...] = ()

    def resolve(self, mention: str, position: int) -> Person | None:
        """The person a mention ("Scholz", "the Chancellor", "he") at body offset refers to."""
        return None

    def mentions(self, start: int, end: int) -> list[tuple[Person, int]]:
        """People mentioned between two body offsets, with the offset of each mention."""
        return []


def extract_people(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> PeopleRegister:
    return PeopleRegister()
