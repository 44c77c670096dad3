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

import bisect
import re
from dataclasses import dataclass

_START = re.Match.start


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
        """`pattern.search(text, pos)`, reading each place once instead of once per start.

        The places where `rest` matches are found by `rest.search` (in C, from one to the
        next), not by trying `rest` at each whitespace character from Python."""
        bad = list(map(_START, self.stops.finditer(text, pos)))  # in C, not a listcomp
        q = pos
        while (place := self.rest.search(text, q + 1)) is not None:
            q = place.start()
            k = bisect.bisect_left(bad, q)  # bad[:k] stand before the place
            start = max(q - self.reach, bad[k - 1] + 1 if k else pos, pos)
            if start < q:
                return self.pattern.match(text, start)
        return None
