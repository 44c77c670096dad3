"""How a name is written: given-name order, its words, its surname and its family name.

These rules read a name already found (names.py finds them): "TANAKA Hiroto" is
written "Hiroto Tanaka", "Marco J. Reyes III" has the surname "Reyes", "Lee Do-hoon"
has the family name "Lee".
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.vocab import Vocab, remember

#: A hyphened given name's second word: "Do-hoon".
_HYPHENED_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")


@lru_cache(maxsize=4096)
def display_name(parts: tuple[str, ...], suffixes: frozenset[str]) -> str:
    """A name written given-name first: "TANAKA Hiroto" → "Hiroto Tanaka".

    Japanese official texts print the family name in capitals before the given name; any other
    order is kept as printed (Korean and Chinese names put the family name first already).
    Remembered per name: merging and the register ask for the same names again and again.
    """

    def shouting(p: str) -> bool:
        return len(p) > 1 and p.isalpha() and p.isupper() and p.casefold() not in suffixes

    caps = [p for p in parts if shouting(p)]
    if caps and len(caps) == len(parts) == 1:
        return caps[0].title()  # "Minister KIHARA"
    if caps and len(parts) - len(caps) > 1:
        # "YOON Suk Yeol": a two-part given name is Korean, and Korean order stays
        return " ".join(p.title() if shouting(p) else p for p in parts)
    if caps and len(caps) < len(parts):
        rest = [p for p in parts if not shouting(p)]
        return " ".join([*rest, *(c.title() for c in caps)])
    return " ".join(parts)


def name_words(name: str, suffixes: frozenset[str]) -> list[str]:
    """The words of a name without initials and suffixes: "Marco J. Reyes III" → Marco, Reyes.

    An initial printed without its dot ("S Rao") is an initial too. Merging and the register
    ask this of the same few names again and again: each is read once (a new list each call).
    """
    return list(_name_words(name, suffixes))


@lru_cache(maxsize=1024)
def _name_words(name: str, suffixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        w
        for w in name.split()
        if not (len(bare := w.rstrip(".")) == 1 or bare.casefold() in suffixes)  # "J.", "S"
    )


@lru_cache(maxsize=8)
def folded_words(words: frozenset[str]) -> frozenset[str]:
    """The words case-folded, once per list: surname reads the particles for every name."""
    return frozenset(w.casefold() for w in words)


def surname(name: str, v: Vocab) -> str:
    """The family name used alone for later mentions: last word, with its particles.
    Remembered per name on the vocabulary (merging asks for each name many times)."""
    memo = v.name_memos["surname"]
    found = memo.get(name)
    if found is None:
        found = remember(memo, name, _surname(name, v))
    return found


def _surname(name: str, v: Vocab) -> str:
    words = name_words(name, v.suffixes)
    if not words:
        return name
    out = [words[-1]]
    folded = folded_words(v.particles)
    for w in reversed(words[1:-1]):  # "Le Drian", "von der Leyen", "Di Maio"
        if w.casefold() not in folded:
            break
        out.insert(0, w)
    return " ".join(out)


#: One romanised Chinese, Korean or Vietnamese syllable: an optional initial, a vowel group,
#: an optional final ("jin", "ping", "wook", "yeol", "hsien", "trong").
_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tr|ph|th|kh|ng|nh|gi|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxyz])?"
    r"(?:iao|ian|uai|uan|yae|yeo|wae|ae|ai|ao|au|ei|eo|eu|ia|ie|io|iu|oe|oi|oo|ou|ua|ue|ui|uo"
    r"|wa|wo|we|wi|ya|ye|yo|yu|[aeiouy])"
    r"(?:ng|n|m|k|l|p|t)?"
)
_GIVEN_RE = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")


def syllabic(word: str) -> bool:
    """Whether a word reads as a romanised East Asian given name of one to three syllables."""
    parts = word.casefold().split("-")
    return 0 < len(parts) <= 3 and all(_GIVEN_RE.fullmatch(p) for p in parts)


def family_first(name: str, v: Vocab) -> str | None:
    """The family name of an East Asian name printed family-first ("Lee Do-hoon" → "Lee").

    Recognised by a hyphenated given name with a lower-case second part, the usual romanisation
    of Korean given names, or by a common family name (config `family_first_surnames`) before a
    given name of romanised syllables ("Xi Jinping", "Han Sung Ho"), which "Kim Darroch" or
    "Lee Brandt" are not. Remembered per name on the vocabulary.
    """
    memo = v.name_memos["family_first"]
    found = memo.get(name, _UNKNOWN)
    if found is _UNKNOWN:
        found = remember(memo, name, _family_first(name, v))
    return found


_UNKNOWN = object()  # a name family_first has not read yet


def _family_first(name: str, v: Vocab) -> str | None:
    words = name_words(name, v.suffixes)
    if len(words) == 2 and _HYPHENED_RE.fullmatch(words[1]):
        return words[0]
    if (
        2 <= len(words) <= 3
        and words[0].casefold() in v.family_names
        and all(syllabic(w) for w in words[1:])
    ):
        return words[0]
    return None
