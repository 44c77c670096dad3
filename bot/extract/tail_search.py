"""`search` of a pattern that opens with a short lazy run and ends at the end of the text.

Attributions before a quotation are read with patterns such as
`(?P<subj>[^.!?;:]{1,80}?)\\s+(?:said|told)\\s*:?\\s*$`: a subject phrase, then a verb, then
only a colon and spaces to the end. `re.search` tries the pattern at every start and, at each,
grows the subject a character at a time, trying the verb list after each: on a clause of a
hundred characters that is thousands of tries of the verb list.

What follows the subject (`rest`, here `\\s+(?:said|told)\\s*:?\\s*$`) does not depend on
where the subject started. So TailSearch tries `rest` once at each place where it may begin (a
whitespace character, as `rest` opens with `\\s`), left to right; the first such place `q`
that a subject can reach gives the leftmost start: `q - reach` at the earliest, and after the
last character the subject may not hold (`stops`) before `q`. The pattern is then matched at
that start, so the match and its groups are those `search` gives.

Example: in "Talks ended. Ana Paz said: " the first place `rest` matches is the space before
"said"; the subject may start at most 80 characters back and not before "ended.", so the
match starts at " Ana Paz", exactly where `search` finds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE_RE = re.compile(r"\s")


@dataclass(frozen=True)
class TailSearch:
    """`pattern` is `(?P<subj>[^STOPS]{1,reach}?)` followed by `rest`; `rest` must open with
    `\\s` (it can only match at a whitespace character) and `stops` is the run's negated
    class as a character class (`[.!?;:]`)."""

    pattern: re.Pattern[str]
    rest: re.Pattern[str]
    stops: re.Pattern[str]
    reach: int

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`pattern.search(text, pos)`, reading each place once instead of once per start."""
        bad = [m.start() for m in self.stops.finditer(text, pos)]
        k = 0  # bad[:k] stand before the place tried
        last_bad = pos - 1
        for space in _SPACE_RE.finditer(text, pos + 1):
            q = space.start()
            while k < len(bad) and bad[k] < q:
                last_bad = bad[k]
                k += 1
            start = max(q - self.reach, last_bad + 1, pos)
            if start < q and self.rest.match(text, q):
                return self.pattern.match(text, start)
        return None
