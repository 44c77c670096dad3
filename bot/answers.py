"""Answers as plain data: what every command returns, whatever front-end shows it.

The console prints them as text; the Discord layer turns them into embeds and pages; tests read
them directly. Nothing here knows about Discord or terminals.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from bot.models import Source


@dataclass(frozen=True, slots=True)
class Line:
    """One fact: its text, and the source sentence behind it (cited under the line).

    `also` holds the sentences of copies merged into the fact (its headline, the same quote in
    another document): they are cited too, so one line cites every sentence it was read from.
    """

    text: str
    source: Source | None = None
    quote_source: bool = True  # show the sentence under the line (off when text is that sentence)
    also: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A group of lines under a heading ("Germany", "defense", "2023")."""

    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class DocRef:
    """A document an answer cites, for the footer: [n] title (date).

    `number` is the document's fixed number in the generation (its place among the documents
    sorted by id, from 1), so one document has the same [n] in every answer; 0 means unnumbered
    and the answer numbers it by its place in the citation list.
    """

    id: str
    title: str
    date: str | None = None
    url: str | None = None
    number: int = 0


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply: title, an optional intro, sections of lines, and the documents cited."""

    kind: str
    title: str
    intro: str = ""
    sections: tuple[Section, ...] = ()
    documents: tuple[DocRef, ...] = ()
    footer: str = ""

    @property
    def line_count(self) -> int:
        return sum(len(s.lines) for s in self.sections)

    def doc_number(self, doc_id: str) -> int | None:
        """A document's citation number: its fixed number, else its place in the citation list."""
        for i, d in enumerate(self.documents, 1):
            if d.id == doc_id:
                return d.number or i
        return None


def remember(kept: dict[Any, Any], key: Hashable, value: object, limit: int) -> None:
    """Keep `value` under `key`, first dropping the oldest entries so at most `limit` remain.

    Answers are worked out in threads at once (one per question), so two may drop the same
    oldest entry: the keys are read in one step (`list`) and popped with a default. Example:
    with `limit=2`, remembering a, b, c keeps b and c.
    """
    for oldest in list(kept)[: max(0, len(kept) - limit + 1)]:
        kept.pop(oldest, None)
    kept[key] = value
