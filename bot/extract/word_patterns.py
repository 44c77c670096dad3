"""A long alternation of words written to open with the words' first letters.

`re` tries `(?<!\\w)(?:said|says|asked|...)` at every character of a text: the look-behind,
then each word in turn. Written as `s(?<!\\w.)(?:aid|ays)|a(?<!\\w.)(?:sked)` it opens with
a letter, so `re` skips in C to the places where one of the first letters stands and tries
one group of words there. Within a group the words keep their order, and only one group can
match at a place (its first letter), so the matches are the plain alternation's.
"""

from __future__ import annotations

import re


def first_letter_alternation(alternatives: list[tuple[str, str]], not_before: str) -> str:
    """The regex `(?<!NOT_BEFORE)(?:r1|r2|...)` for alternatives given as (first character,
    regex of the rest) in order, grouped by first character: `not_before` is a one-character
    class ("\\\\w", "[\\\\w-]"). Example: [("s", "aid"), ("a", "sked"), ("s", "ays")] gives
    `s(?<!\\w.)(?:aid|ays)|a(?<!\\w.)(?:sked)` for `\\w`."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    return "|".join(
        rf"{re.escape(c)}(?<!{not_before}.)(?:{'|'.join(rest)})" for c, rest in groups.items()
    )


def word_alternatives(words: list[str]) -> list[tuple[str, str]]:
    """Each word as (first character, regex of the rest), a space matching any spaces:
    "pointed out" → ("p", "ointed\\\\s+out")."""
    return [(w[0], re.escape(w[1:]).replace(r"\ ", r"\s+")) for w in words]


__all__ = ["first_letter_alternation", "word_alternatives"]
