"""Skipping a pattern scan that could find nothing, told from the words a sentence holds.

Many extraction patterns need one phrase of a config list in every match, and the phrase
stands as whole words: the commitment pattern for signings needs a `signing_verbs` phrase
("signed", "inked"), the date pattern for relative days a `relative_days` one ("today",
"the day after tomorrow"). Such a pattern can only match a sentence that holds a word of one of
those phrases (we look for each phrase's longest), so a sentence without any ("The weather was
fine.") is not scanned for it. Skipping a scan that
would have found nothing leaves the result the same.

Words are compared lower-cased. Four letters match an ASCII letter when case is ignored but do
not lower-case to it ("ſ" matches "s", "İ" matches "i"); a sentence holding one of them runs
every pattern, and so does a pattern whose list has a phrase with no plain ASCII word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

#: Letters that match an ASCII letter when case is ignored but do not lower-case to it.
ODD_CASE = frozenset("İıſK")
_WORD_RE = re.compile(r"\w+")


def sentence_words(text: str) -> frozenset[str] | None:
    """The words of `text`, lower-cased ("We’ll sign" gives we, ll, sign), or None when it
    holds a letter of ODD_CASE (then every pattern must run)."""
    if not ODD_CASE.isdisjoint(text):
        return None
    return frozenset(w.lower() for w in _WORD_RE.findall(text))


def key_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The longest word of each phrase, lower-cased ("the day after tomorrow" gives
    "tomorrow", "'ll" gives "ll"), or None when a phrase has no ASCII word to look for.

    Every word of a phrase stands in each match of it; the longest is the rarest to find in a
    sentence that does not hold the phrase. The pattern must match the phrase as whole words:
    nothing of a word may stand right before or after it, as `\\b`, `(?<![\\w])`, `\\s+` or a
    leading apostrophe ensure."""
    out = set()
    for phrase in phrases:
        runs = [m.group(0) for m in _WORD_RE.finditer(phrase)]
        if not runs:
            return None
        word = max(reversed(runs), key=len)  # the last of the longest: "last week" gives "week"
        if not word.isascii():
            return None
        out.add(word.lower())
    return frozenset(out)


@dataclass(frozen=True)
class Triggers:
    """For each pattern name, the words one of which a sentence must hold for the pattern to
    match (None: always run it)."""

    needs: Mapping[str, frozenset[str] | None]

    def may_match(self, pattern: str, words: frozenset[str] | None) -> bool:
        """Whether `pattern` can match a sentence of these words: with needs {"signing":
        {"signed", "inked"}}, may_match("signing", sentence_words("They met.")) is False."""
        need = self.needs[pattern]
        return words is None or need is None or not need.isdisjoint(words)

    def scan(
        self, pattern: str, regex: re.Pattern[str], text: str, words: frozenset[str] | None
    ) -> Iterator[re.Match[str]]:
        """The matches of `regex` (the pattern named `pattern`) in `text`, or none without a
        scan when the sentence lacks every word the pattern needs."""
        return regex.finditer(text) if self.may_match(pattern, words) else iter(())

    def search(
        self, pattern: str, regex: re.Pattern[str], text: str, words: frozenset[str] | None
    ) -> re.Match[str] | None:
        """The first match of `regex` in `text`, or None without a scan when it cannot match."""
        return regex.search(text) if self.may_match(pattern, words) else None
