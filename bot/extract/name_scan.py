"""Where a document names its people: every place one of a set of name forms stands.

The register looks up each person's forms ("Ana Paz", "Paz", "Minister Paz") in the whole
text. A regex alternation of a document's own forms would be compiled anew for every document
(the forms differ each time), which costs more than the scan itself; this scan finds the same
places without one. It reads as `(?<![\\w-])(?:f1|f2|...)(?![\\w-])`, each form's words joined
by `\\s+`, forms tried in the given order: at each place where a form's first character stands
after no word character or hyphen, the first form whose words follow there, separated by
whitespace and ending before no word character or hyphen, is a match, and the scan goes on after
it. Example: with the forms "Ana Paz", "Paz", the text "Ana  Paz met Paz-Ruiz and Paz." holds
"Ana  Paz" at 0 and "Paz" at 26 (not the "Paz" of "Paz-Ruiz").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

#: A place a form may start: a character that is no space, after no word character or hyphen.
_START_RE = re.compile(r"(?<![\w-])\S")


def _is_word(ch: str) -> bool:
    """`\\w` of a str pattern: a letter, digit or number character, or the underscore."""
    return ch.isalnum() or ch == "_"


def _words_at(text: str, pos: int, words: list[str]) -> int:
    """The end of `words` standing at `pos`, separated by whitespace, or -1 if they do not."""
    n = len(text)
    for k, word in enumerate(words):
        if k:
            if pos >= n or not text[pos].isspace():
                return -1
            while pos < n and text[pos].isspace():
                pos += 1
        if not text.startswith(word, pos):
            return -1
        pos += len(word)
    if pos < n and (_is_word(text[pos]) or text[pos] == "-"):
        return -1
    return pos


def find_forms(text: str, forms: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each place one of `forms` stands, left to right, never overlapping."""
    split = [form.split() for form in forms]
    if not all(split):  # a form of spaces only matches the empty string: the regex handles it
        yield from _by_regex(text, split)
        return
    by_first: dict[str, list[list[str]]] = {}
    for words in split:
        by_first.setdefault(words[0][0], []).append(words)
    pos = 0
    for start in _START_RE.finditer(text):
        p = start.start()
        if p < pos or text[p] not in by_first:
            continue
        for words in by_first[text[p]]:
            end = _words_at(text, p, words)
            if end >= 0:
                yield p, end
                pos = end
                break


def _by_regex(text: str, split: list[list[str]]) -> Iterator[tuple[int, int]]:
    """find_forms by the alternation it stands for (only for forms without words)."""
    body = "|".join(r"\s+".join(re.escape(w) for w in words) for words in split)
    for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text):
        yield m.start(), m.end()
