"""Regex scans that stay linear in the length of the text, with the results of the plain scan.

Python's `re` retries a pattern at every position. A pattern that opens with a greedy run such
as `[\\w.]+'s` therefore rereads a word of n letters from each of its n positions: n² steps for
one long word. The helpers here keep the pattern's results while skipping the start positions
that cannot give the first match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def run_start_finditer(
    loose: re.Pattern[str], strict: re.Pattern[str], run: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches `loose.finditer(text)` gives, found without rereading runs.

    `strict` is `loose` with its run-led alternative allowed to start only where no `run`
    character stands before it. That leaves the matches unchanged when the run-led part can
    match from inside a run only if it can match from the run's start too (it reads the run to
    its end either way): then a match inside a run was already found at its start. The one
    start inside a run the plain scan can still use is where the previous match ended, which
    is tried with `loose` itself. The patterns must not match the empty string.

    Example: for `owner's plan` with a run `[\\w.]`, a scan of "aaaa...a" (no match) reads
    each letter a bounded number of times instead of once per position before it.
    """
    pos, n = 0, len(text)
    while pos <= n:
        m = None
        if 0 < pos < n and run.match(text, pos - 1) and run.match(text, pos):
            m = loose.match(text, pos)
        if m is None:
            m = strict.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end()


def _is_word(ch: str) -> bool:
    """What `\\w` matches in a str pattern: a letter, a digit or a number, or "_"."""
    return ch.isalnum() or ch == "_"


_JOINERS = "'’-"


def word_before(text: str, pos: int) -> str | None:
    """What `re.search(r"([\\w'’-]+)[^\\w]*$", text[:pos])` captures, read backwards from `pos`.

    The last word before `pos` (apostrophes and hyphens inside or right after it included),
    past any punctuation and spaces; None when there is none. Only the characters from the
    word's start on are read, not the whole text before it.

    Example: `word_before("signed in 2024", 10)` is `"in"`; after "the U.S.-" it is "U.S.-".
    """
    i = pos
    while i > 0 and not _is_word(text[i - 1]):
        i -= 1
    if i == 0:
        m = re.search(r"([\w'’-]+)[^\w]*$", text[:pos])  # no word at all: marks alone
        return m.group(1) if m else None
    start = i
    while start > 0 and (_is_word(text[start - 1]) or text[start - 1] in _JOINERS):
        start -= 1
    end = i
    while end < pos and text[end] in _JOINERS:
        end += 1
    return text[start:end]


def word_and_space_before(text: str, pos: int, letters: str = "word") -> str | None:
    """What `re.search(r"(\\w+)\\s+$", text[:pos])` captures (with `letters="ascii"`:
    `([A-Za-z]+)\\s+$`), read backwards from `pos`: the word that spaces separate from `pos`.

    Example: `word_and_space_before("in Vienna Sunday", 10)` is `"Vienna"`.
    """
    is_letter = _is_word if letters == "word" else _is_ascii_letter
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == pos or i == 0 or not is_letter(text[i - 1]):
        return None
    start = i - 1
    while start > 0 and is_letter(text[start - 1]):
        start -= 1
    return text[start:i]


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def spaces_before(text: str, pos: int) -> int:
    """Where the run of whitespace that ends at `pos` starts (`pos` itself when none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def only_space_after(text: str, pos: int) -> bool:
    """Whether `text[pos:]` is empty or whitespace, without copying it."""
    return _NON_SPACE_RE.search(text, pos) is None


_NON_SPACE_RE = re.compile(r"\S")


def tokens_start(text: str, pos: int, count: int) -> int:
    """Where the last `count` whitespace-separated tokens before `pos` begin.

    A pattern that ends at `pos` and spans at most `count` tokens (and the spaces between and
    after them) matches in `text[start:pos]` as in `text[:pos]`: the window starts after a
    space (or at 0), so `\\b` at its start reads as in the whole text. Searching the window
    reads a few words instead of everything before `pos`.

    Example: `tokens_start("prices fall in the summer", 19, 2)` is 12, the start of "in".
    """
    i = pos
    for _ in range(count):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def at_most_words(text: str, limit: int) -> bool:
    """Whether `text` holds at most `limit` words (runs without whitespace), counted only to
    one past the limit: a long text is not split whole to be turned down. "Talks resume in
    Oslo" holds at most 4 words; a 10,000-word paragraph is read to its 5th word and refused."""
    return len(text.split(None, limit)) <= limit
