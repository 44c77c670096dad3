"""Whole phrases of a word list, ignoring case, found by their first letter.

The cue and date word lists (cues.yaml `modal_cues`, `noncommitment_cues`, `past_markers` ...)
are matched by the regex `before(?:phrase1|phrase2|...)(?![\\w])`, longest phrase first,
ignoring case, where `before` lets a phrase start after no word character or with an
apostrophe ("’ll"). `re` tries every phrase at every place of a sentence; a PhraseScan finds
the same matches through an Alternation (alternation.py), which tries the phrases only where
one of their openings stands.

Example: `phrase_scan(("will", "would"), before).finditer("Kenya will act")` finds "will", as
the regex does. `search` and `finditer` read the alternation from a text's start; given a
start or end position they run the regex, whose look-behind reads the text before the start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.extract.alternation import Alternation

#: What ends every phrase: no word character right after it ("will" is not "willing").
PHRASE_END = r"(?![\w])"


@dataclass(frozen=True, eq=False)
class PhraseScan:
    """The regex of a phrase list and the Alternation that finds its matches (None: the
    regex is run; see the module doc)."""

    regex: re.Pattern[str]
    alternation: Alternation | None

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches left to right: those of `regex.finditer(text, pos, endpos)`."""
        if pos or endpos is not None or self.alternation is None:
            return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)
        return self.alternation.matches(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match, or None: that of `regex.search(text, pos, endpos)`."""
        if pos or endpos is not None or self.alternation is None:
            return self.regex.search(text, pos, len(text) if endpos is None else endpos)
        return next(self.finditer(text), None)


def phrase_scan(phrases: list[str], before: str) -> PhraseScan:
    """The PhraseScan of `phrases` in the order given (longest first), each matched as written
    (re.escape) ignoring case, after the zero-width `before`. A list that is empty or holds
    an empty phrase keeps the regex alone (an alternation term must match a character)."""
    body = "|".join(re.escape(p) for p in phrases) or r"(?!x)x"
    regex = re.compile(rf"{before}(?:{body}){PHRASE_END}", re.IGNORECASE)
    if not phrases or not all(phrases):
        return PhraseScan(regex, None)
    terms = tuple((p[0], re.escape(p)) for p in phrases)
    return PhraseScan(regex, Alternation(terms, before, PHRASE_END, re.IGNORECASE))
