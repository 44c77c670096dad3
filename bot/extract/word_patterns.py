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


def grouped_alternation(words: list[str]) -> str:
    """The alternation `w1|w2|...` of `words` in their order (each escaped, a space matching
    any run of spaces), the words grouped by first letter: ["said", "added", "says"] gives
    `s(?:aid|ays)|added`.

    Inside a longer pattern (`(?P<subj>...)\\s+(?:said|added|...)`) `re` tries the
    alternatives one by one at each place it reaches; grouped, it compares the first letter
    of a group instead of each of its words (219 reporting verbs are 21 groups). Only the
    words of one group can match at a place (ignoring case too: a group holds both cases of
    its letter, written out whole), so the words keep their order there and the matches are
    the plain alternation's. Words that do not all open with an ASCII letter or digit keep
    the plain form."""
    plain = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    if not all(w[:1].isascii() and w[:1].isalnum() for w in words):
        return "|".join(plain)
    groups: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        groups.setdefault(w[0].lower(), []).append(i)
    out = []
    for same in groups.values():
        if len(same) == 1:
            out.append(plain[same[0]])
        elif len({words[i][0] for i in same}) == 1:
            rests = (re.escape(words[i][1:]).replace(r"\ ", r"\s+") for i in same)
            out.append(f"{re.escape(words[same[0]][0])}(?:{'|'.join(rests)})")
        else:
            out.append(f"(?:{'|'.join(plain[i] for i in same)})")
    return "|".join(out)


__all__ = ["first_letter_alternation", "grouped_alternation", "word_alternatives"]
