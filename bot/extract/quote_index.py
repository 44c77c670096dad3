"""A paragraph's quotation spans and the people it names outside them, for lookups by offset.

Commitments ask, per sentence, whether an offset lies inside a quote and who says that quote
(the nearest person named outside every quote of the paragraph, after the quote first). Asked
by scanning every span and every mention, that is quadratic in a paragraph of many quotes; this
index answers each question with a binary search instead, with the same answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.extract.people import PeopleRegister
from bot.extract.text import Paragraph
from bot.models import Person


@dataclass(frozen=True)
class QuoteIndex:
    """The quote spans of one paragraph (body offsets, in text order, disjoint) and the people
    mentioned outside them (in text order).

    Example: for `"We will act," Paz said.` the span covers `We will act,` and Paz's
    mention lies outside it, so `speaker_of(offset of "We")` is Paz with that span.
    """

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    outside: tuple[tuple[Person, int], ...]
    positions: tuple[int, ...]

    @classmethod
    def build(
        cls, spans: list[tuple[int, int]], paragraph: Paragraph, register: PeopleRegister
    ) -> QuoteIndex:
        """The index of a paragraph whose quote spans are `spans` (from text.quote_spans)."""
        starts = tuple(s for s, _ in spans)
        index = cls(tuple(spans), starts, (), ())
        end = paragraph.start + len(paragraph.text)
        outside = tuple(
            (person, pos)
            for person, pos in register.mentions(paragraph.start, end)
            if not index._inside_half_open(pos)
        )
        return cls(index.spans, starts, outside, tuple(pos for _, pos in outside))

    def _inside_half_open(self, pos: int) -> bool:
        """Whether `s <= pos < e` for some span."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        """The span with `s <= offset <= e` (end included), if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset <= self.spans[i][1]:
            return self.spans[i]
        return None

    def speaker_of(self, offset: int) -> tuple[Person | None, tuple[int, int] | None]:
        """Who says the quote around `offset` (the nearest person named outside the quotes of
        the paragraph, after the quote first; the first named at that place), and the span."""
        quote = self.quote_at(offset)
        if quote is None:
            return None, None
        positions = self.positions
        after = bisect.bisect_left(positions, quote[1])
        if after < len(positions):
            return self.outside[after][0], quote
        before = bisect.bisect_left(positions, quote[0]) - 1
        if before >= 0:
            first = bisect.bisect_left(positions, positions[before])
            return self.outside[first][0], quote
        return None, quote


class OpenQuotes:
    """Whether an offset lies inside a quotation the text opens before it: more curly opening
    marks than closing ones before it, or an odd number of straight ones.

    The marks are found once and counted by binary search, so asking at every cue of a long
    sentence reads it once. Example: in 'He said “we will act” and “we may' the offset of
    "act" is inside a quotation, that of "and" is not, that of "may" is.
    """

    def __init__(self, text: str) -> None:
        self.marks = {
            mark: [m.start() for m in re.finditer(mark, text)] for mark in ("“", "”", '"')
        }

    def inside(self, offset: int) -> bool:
        """`text[:offset]` has more “ than ”, or an odd number of "."""
        before = {mark: bisect.bisect_left(at, offset) for mark, at in self.marks.items()}
        return before["“"] > before["”"] or before['"'] % 2 == 1
