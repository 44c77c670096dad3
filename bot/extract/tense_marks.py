"""Clauses and tense markers of a sentence, found once and looked up by position.

A date's direction comes from its clause (the text between punctuation marks) or from the
nearest tense marker before it. Asking the sentence again for each date would read it once
per date; these helpers read it once and answer each date by binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_CLAUSE_RE = re.compile(r"[,;:—–]|\s-\s")


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: between the punctuation marks that bound it.

    Example: in "Talks ended, and on Monday they will meet; then ..." the clause around
    "Monday" runs from after the comma to the semicolon.
    """
    start, end = 0, len(text)
    for m in _CLAUSE_RE.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


class ClauseBounds:
    """`clause_bounds(text, pos)` for any number of positions: the marks found once."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _CLAUSE_RE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def around(self, pos: int) -> tuple[int, int]:
        """The clause around `pos`: after the last mark that ends by `pos`, up to the next."""
        k = bisect_right(self.ends, pos)  # marks end in increasing order
        start = self.ends[k - 1] if k else 0
        end = self.starts[k] if k < len(self.starts) else self.length
        return start, end


class NearestMarker:
    """The tense of the marker nearest before a position, from (start, end, tense) markers.

    Among the markers that end by the position, the one that ends last, a future phrase
    before a past verb it covers ("looked forward"); with none before, the first marker.

    Example: with markers "will" (future, ending at 10) and "agreed" (past, ending at 30), a
    date at 20 is "future", one at 40 "past", and one at 5 takes the first marker: "future".
    """

    def __init__(self, markers: list[tuple[int, int, str]]) -> None:
        self.ordered = sorted(markers, key=lambda mk: (mk[1], mk[2] == "future"))
        self.ends = [mk[1] for mk in self.ordered]
        self.first = min(markers, key=lambda mk: mk[0])[2] if markers else None

    def at(self, pos: int) -> str | None:
        """The nearest marker's tense; None when there are no markers at all."""
        k = bisect_right(self.ends, pos)
        return self.ordered[k - 1][2] if k else self.first
