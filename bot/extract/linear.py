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
