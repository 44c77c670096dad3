"""Where a document names its people: every place one of a set of name forms stands.

The register looks up each person's forms ("Ana Paz", "Paz", "Minister Paz") in the whole
text. A regex alternation of a document's own forms would be compiled anew for every document
(the forms differ each time), which costs more than the scan itself; this scan finds the same
places without one. It reads as `(?<![\\w-])(?:f1|f2|...)(?![\\w-])`, each form's words joined
by `\\s+`, forms tried in the given order: at each place after no word character or hyphen, the
first form whose words follow there, separated by whitespace and ending before no word character
or hyphen, is a match, and the scan goes on after it. Example: with the forms "Ana Paz", "Paz",
the text "Ana  Paz met Paz-Ruiz and Paz." holds "Ana  Paz" at 0 and "Paz" at 26 (not the "Paz"
of "Paz-Ruiz").

The forms are kept in a tree of their words, so each place costs a few lookups however many
forms there are: every word but the last must be the whole run of non-space characters there
(whitespace follows it), and the last word the run up to a character that is no word character
or hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, islice
from operator import methodcaller

_RUN_RE = re.compile(r"\S+")
_NEXT_RUN_RE = re.compile(r"\s+(\S+)")
#: Where a form's last word may end inside a run: before a character no word or hyphen.
_CUT_RE = re.compile(r"[^\w-]")
#: The capital letters, and one at a word's start (after no word character or hyphen) with
#: its stem (see _STEM_RE), as the one group `re.split` lists: the places a form that opens
#: with a capital may start.
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPITAL_STEMS = re.compile(r"([A-Z](?<![\w-].)[\w-]*)")
#: A word's opening run of word characters and hyphens: "Paz" of "Paz's" and of "Paz,".
_STEM_RE = re.compile(r"[\w-]*")
_START = methodcaller("start")  # a match's start
#: Up to how many stems _capital_places looks each one up in the text (see there).
_FOUND_STEMS = 16


@dataclass
class _Node:
    """Forms by their words: `last` ends a form here (word -> the form's rank), `inner` goes on
    to the forms whose next word is this one."""

    last: dict[str, int] = field(default_factory=dict)
    inner: dict[str, _Node] = field(default_factory=dict)


def _tree(split: list[list[str]]) -> _Node:
    root = _Node()
    for rank, words in enumerate(split):
        node = root
        for word in words[:-1]:
            node = node.inner.setdefault(word, _Node())
        node.last.setdefault(words[-1], rank)  # a repeated form keeps its first rank
    return root


def _best(text: str, node: _Node, start: int, end: int) -> tuple[int, int] | None:
    """(rank, end) of the first-ranked form whose remaining words (from `node`) stand in the
    run text[start:end] and the runs after it, or None."""
    best: tuple[int, int] | None = None
    if node.last:
        cuts = list(map(_START, _CUT_RE.finditer(text, start + 1, end)))
        cuts.append(end)
        for cut in cuts:
            rank = node.last.get(text[start:cut])
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, cut)
    child = node.inner.get(text[start:end])
    if child is not None:
        nxt = _NEXT_RUN_RE.match(text, end)
        if nxt is not None:
            found = _best(text, child, nxt.start(1), nxt.end(1))
            if found is not None and (best is None or found[0] < best[0]):
                best = found
    return best


def find_forms(text: str, forms: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each place one of `forms` stands, left to right, never overlapping."""
    split = [form.split() for form in forms]
    if not all(split):  # a form of spaces only matches the empty string: the regex handles it
        yield from _by_regex(text, split)
        return
    root = _tree(split)
    first_chars = {words[0][0] for words in split}
    # Every word a form may open with here (text[p:cut], a cut being a character no word
    # character or hyphen, or the run's end) opens with the run's stem: a place whose stem
    # opens no form's first word is passed over without reading the tree.
    stems = {_STEM_RE.match(words[0]).group() for words in split}
    if first_chars <= _CAPITALS:
        places = _capital_places(text, stems)
    else:
        firsts = "".join(sorted({re.escape(c) for c in first_chars}))
        # A place a form may start: a form's first character, after no word character or
        # hyphen. The pattern opens with the character (the one before it is read by a
        # look-behind), so the regex engine skips to the first characters in C.
        starts = re.compile(rf"[{firsts}](?<![\w-].)")
        places = (
            p
            for p in map(_START, starts.finditer(text))
            if text[p] in first_chars and _STEM_RE.match(text, p).group() in stems
        )
    pos = 0
    for p in places:
        if p < pos:
            continue
        run = _RUN_RE.match(text, p)
        found = _best(text, root, p, run.end()) if run is not None else None
        if found is not None:
            yield p, found[1]
            pos = found[1]


def _capital_places(text: str, stems: set[str]) -> Iterable[int]:
    """The places a form that opens with a capital may start, left to right: each capital at
    a word's start (after no word character or hyphen) whose stem, the run of word characters
    and hyphens from it, is one of `stems`. Example: with stems {"Ana", "Paz"}, "Ana Paz-Ruiz
    met Paz." gives 0 and 17 (the stem at 4 is "Paz-Ruiz").

    A document names a few people: each stem is then looked for by str.find (a search in C
    that passes over the text without a step per character), and a place counts where nothing
    of a word or a hyphen touches it on either side. With more than _FOUND_STEMS stems (a long
    document naming many people), one fixed regex splits the text into gaps and the stems
    at capitals instead, the running sum of their lengths gives each stem's start, and they
    are looked up in one pass: a cost that grows with the text alone, not with the stems."""
    if len(stems) <= _FOUND_STEMS:
        return _found_places(text, stems)
    return _split_places(text, stems)


def _split_places(text: str, stems: set[str]) -> Iterator[int]:
    """_capital_places by one split of the text into gaps and stems (see there)."""
    parts = _CAPITAL_STEMS.split(text)
    # the running sums: a stem's start, its end, the next stem's start, ...: every other one
    starts = islice(accumulate(map(len, parts)), 0, None, 2)
    return compress(starts, map(stems.__contains__, parts[1::2]))


def _found_places(text: str, stems: set[str]) -> list[int]:
    """_capital_places by str.find for each stem. A stem found inside a longer run ("Paz" of
    "Paz-Ruiz", "Pazo") is passed over; so is any place inside a found stem, as a stem's
    own letters touch it there."""
    places = []
    n = len(text)
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            end = i + len(stem)
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
                places.append(i)
            i = text.find(stem, end)
    places.sort()
    return places


def _by_regex(text: str, split: list[list[str]]) -> Iterator[tuple[int, int]]:
    """find_forms by the alternation it stands for (only for forms without words)."""
    body = "|".join(r"\s+".join(re.escape(w) for w in words) for words in split)
    for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text):
        yield m.start(), m.end()
