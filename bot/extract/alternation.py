"""A long alternation of terms ("energy security|energy|...") matched by its first letter.

`re` tries every alternative of `(?:a|b|c|...)` in turn at each place where the pattern may
start: with hundreds of topic terms that is most of extraction's time. A term can only match
where the text shows its first character, so this matcher finds the places where some term's
first character stands (one character-class scan in C), and there tries only the terms that
begin with that character, in their original order. The matches, their order and which term
matched are those of the single regex `before(?:(t1)|(t2)|...)after`.

Example: with the terms `energy security`, `energy`, `security` (longest first), "energy
security talks" gives one match, `energy security` (term 0), exactly as the whole alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class _Branch:
    pattern: re.Pattern[str]
    terms: tuple[int, ...]  # the term index of each group of `pattern`


@dataclass(frozen=True, eq=False)
class Alternation:
    """`before(?:(t1)|(t2)|...)after` with `flags`, each term given as (first character, regex).

    `before` must be a zero-width look-behind (it is checked where a term's first character
    stands) and every term's regex must open with its literal first character and match at
    least one character.
    """

    terms: tuple[tuple[str, str], ...]
    before: str
    after: str
    flags: int = 0
    _starts: re.Pattern[str] = field(init=False, repr=False)
    _branches: dict[str, _Branch | None] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        firsts = "".join(sorted({re.escape(c) for c, _ in self.terms})) or r"(?!x)x"
        starts = re.compile(rf"{self.before}[{firsts}]", self.flags)
        object.__setattr__(self, "_starts", starts)

    def _branch(self, ch: str) -> _Branch | None:
        """The terms that may begin with `ch` (by the pattern's own case rules), in order."""
        if ch not in self._branches:
            same = [
                i
                for i, (first, _) in enumerate(self.terms)
                if re.fullmatch(re.escape(first), ch, self.flags)
            ]
            branch = None
            if same:
                body = "|".join(f"({self.terms[i][1]})" for i in same)
                pattern = re.compile(rf"{self.before}(?:{body}){self.after}", self.flags)
                branch = _Branch(pattern, tuple(same))
            self._branches[ch] = branch
        return self._branches[ch]

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """Each match, left to right, with the index of the term that matched."""
        pos = 0
        search = self._starts.search
        while (start := search(text, pos)) is not None:
            p = start.start()
            branch = self._branch(text[p])
            hit = branch.pattern.match(text, p) if branch is not None else None
            if hit is None or hit.lastindex is None:
                pos = p + 1
                continue
            yield hit, branch.terms[hit.lastindex - 1]
            pos = hit.end()
