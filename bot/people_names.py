"""Names of people: folded once, split into name words, and the same-name rule.

`name_key('Dr. Anna Vögel')` folds the name once (memoised) and keeps its name words without
honorifics, suffixes and initials, ('anna', 'vogel'); `same_name` reads two names as one person
when their words are equal or one is a surname of the other: 'Vogel' ~ 'Anna Vogel'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from bot.folding import fold

T = TypeVar("T")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sen", "rep", "gov", "gen", "adm"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAME_WORD_RE = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name folded once: 'Dr. Anna Vögel' → folded 'dr. anna vogel', tokens ('anna', 'vogel')."""

    folded: str
    tokens: tuple[str, ...]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The folded name and its words without honorifics, suffixes and initials (memoised)."""
    folded = fold(name)
    words = _NAME_WORD_RE.findall(folded)
    tokens = tuple(w for w in words if w not in _HONORIFICS and w not in _SUFFIXES and len(w) > 1)
    return NameKey(folded, tokens)


def name_tokens(name: str) -> list[str]:
    """Name words without honorifics, suffixes and initials: 'Lloyd J. Austin III' → lloyd austin."""
    return list(name_key(name).tokens)


def same_tokens(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """`same_name` on name words already split: ('scholz',) ~ ('olaf', 'scholz')."""
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        one, other = (ta, tb) if len(ta) == 1 else (tb, ta)
        return one[0] in (other[0], other[-1])
    return ta[0] == tb[0] and ta[-1] == tb[-1]


def same_name(a: str, b: str) -> bool:
    """Whether two names can be the same person: equal words, or one a surname of the other.

    'Scholz' ~ 'Olaf Scholz'; 'Lloyd Austin' ~ 'Lloyd J. Austin III'; 'Olaf Scholz' !~ 'Anna Scholz'.
    """
    return same_tokens(name_key(a).tokens, name_key(b).tokens)


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """Items in first-seen order without repeats: (a, b, a) → (a, b)."""
    return tuple(dict.fromkeys(items))
