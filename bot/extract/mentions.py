"""Mentions of people and the text they are found in.

A Mention is one place where the text refers to a person; MentionText is what the mention
rules (people_names.py, role_mentions.py, pronouns.py, office_countries.py) read: the
document's sentences, quotations and country mentions, each looked up by bisection so that
every rule stays linear in the document's size.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple

from bot.extract.countries import CountryMention
from bot.extract.evidence import ParagraphView
from bot.extract.lexicon import Lexicon
from bot.extract.names import Vocab, vocab
from bot.extract.text import Sentence
from bot.models import Document


class Mention(NamedTuple):
    """One place where the text refers to a person: by name, by role, or by pronoun.

    A named tuple, not a frozen dataclass: a document has tens of them, and a tuple is made
    without a call per field (as tokens.Token)."""

    person: int  # index into PeopleRegister.people
    start: int
    end: int
    kind: str  # "name", "role" or "pronoun"
    text: str
    in_quote: bool = False


@dataclass(frozen=True, eq=False)
class MentionText:
    """A document's paragraphs as the mention rules read them.

    Sentences, quotations and country mentions are kept in text order with their start
    offsets, so "is offset 120 inside a quotation?" or "which sentence holds offset 120?" is
    one bisection. Example: with a quotation at (100, 140), `in_quote(120)` is True and
    `in_quote(140)` is False.
    """

    document: Document
    paras: list[ParagraphView]
    lexicon: Lexicon
    v: Vocab
    sentences: list[Sentence]
    sentence_starts: list[int]
    quotes: list[tuple[int, int]]
    quote_starts: list[int]
    countries: list[CountryMention]

    @classmethod
    def of(cls, document: Document, paras: list[ParagraphView], lexicon: Lexicon) -> MentionText:
        """The mention text of a document's read paragraphs."""
        sentences = [s for p in paras for s in p.paragraph.sentences]
        quotes = sorted(q for p in paras for q in p.quotes)
        return cls(
            document=document,
            paras=paras,
            lexicon=lexicon,
            v=vocab(lexicon),
            sentences=sentences,
            sentence_starts=[s.start for s in sentences],
            quotes=quotes,
            quote_starts=[q[0] for q in quotes],
            countries=[c for p in paras for c in p.countries],
        )

    def in_quote(self, pos: int) -> bool:
        """Whether body offset `pos` stands inside a quotation."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]

    def sentence_index(self, pos: int) -> int | None:
        """The index of the sentence that holds body offset `pos`, or None between sentences."""
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return k
        return None
