"""Where a regex of words may match, read from a text's tokens instead of a scan of the text.

A regex of word forms between word boundaries (the countries' forms, the reporting verbs) can
only start where a token starts or right after a joint inside a word (the hyphen of
"pro-Kenya", the apostrophe of "Kenya's"). So the places worth trying are: the tokens that read
a form's first word, and the start and each piece of a word with a joint. There the forms that
open with the place's letter are tried, longest first, skipping places inside the last match:
the matches are those of the scan, since the same regex decides at each place.

Example: in "Paz said the so-called plan", the token "said" and the joint of "so-called" give
the places of "said", "so" and "called"; with the verbs' patterns the matches are "said" and
"called", as a `finditer` over the whole text finds them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress, count

from bot.extract.tokens import TOKEN_START, Token

#: The marks that join the pieces of a word: "so-called", "Sato's".
JOINT_MARKS = "-'’"


def joints(text: str) -> list[int]:
    """The offsets of the hyphens and apostrophes between two letters or digits: the joints
    inside words ("so-called", "Sato's"). Each mark is found by str.find (in C); a paragraph
    holds few of them."""
    out: list[int] = []
    last = len(text) - 1
    for mark in JOINT_MARKS:
        i = text.find(mark, 1)
        while 0 < i < last:
            if text[i - 1].isalnum() and text[i + 1].isalnum():  # [^\W_] on each side
                out.append(i)
            i = text.find(mark, i + 1)
    return out


def token_places(text: str, tokens: list[Token], base: int, opens: Iterable[bool]) -> list[int]:
    """The offsets in `text` where a match may start, in order: each token whose flag in
    `opens` is set (its first word opens a form), and the start and each piece after a joint of
    a joined word. `tokens` are the text's, with offsets from `base`: "Kenya's envoy" with no
    flag set gives [0, 6] ("Kenya's" and "s")."""
    places = [tokens[i].start - base for i in compress(count(), opens)]
    found = joints(text)
    if not found:
        return places
    for j in found:
        k = bisect_right(tokens, j + base, key=TOKEN_START) - 1
        places.append(tokens[k].start - base)  # the joined word's start ("pro" of "pro-Kenya")
        places.append(j + 1)  # the piece after the joint ("Kenya")
    return sorted(set(places))


def matches_at(
    text: str, letters: str, places: list[int], by_letter: dict[str, re.Pattern[str]]
) -> list[re.Match[str]]:
    """The matches in `text` of the pattern of each place's letter (read in `letters`, the text
    or its lower-cased copy), tried at `places` left to right, never overlapping."""
    out: list[re.Match[str]] = []
    pos = 0
    for place in places:
        if place < pos:
            continue
        pattern = by_letter.get(letters[place])
        hit = pattern.match(text, place) if pattern is not None else None
        if hit is not None:
            out.append(hit)
            pos = hit.end()
    return out
