"""Quotations in single marks: 'warm and productive', as British and South Asian news quote.

A paragraph with no double quotation marks may quote in single ones. An opening mark pairs
with the first closing mark after it, within SINGLE_QUOTE_CHARS; apostrophes inside words
("Modi's", "don't") neither open nor close, and a mark left unpaired is an apostrophe ("the
'90s"). text.quote_spans makes the quotation spans of the pairs found here.
"""

from __future__ import annotations

import re

#: A single quotation mark that opens (after a space or a bracket, before a word) and one that
#: closes (after a word or its punctuation, before a space, punctuation or the end). Each opens
#: with the mark and reads what stands before it with a look-behind over the mark and its
#: neighbour: `re` then skips to the marks in C instead of trying the pattern at every place.
#: At the start of the text the look-behind does not fit, so the opening mark counts there.
_SINGLE_OPEN_RE = re.compile(r"['‘](?<![^\s(\[—–]['‘])(?=\w)")
_SINGLE_CLOSE_RE = re.compile(r"['’](?<=[\w.,!?…]['’])(?=[\s.,;:!?)\]—–]|$)")
#: The longest stretch two single marks may enclose: farther apart they are apostrophes.
SINGLE_QUOTE_CHARS = 600


def single_quote_pairs(text: str) -> list[tuple[int, int]]:
    """The quotations in single marks of `text` as (start, end) of their inner text, in order:
    "Paz called it 'warm' today" → [(15, 19)]. One pass each way: linear in the length.

    A text holding neither "'" nor "‘" has no opening mark: that is asked by two fast
    character searches, and the patterns are not run (most paragraphs).
    """
    if "'" not in text and "‘" not in text:
        return []
    opens = [m.start() for m in _SINGLE_OPEN_RE.finditer(text)]
    if not opens:
        return []  # the closing marks (and apostrophes) are not read
    closes = [m.start() for m in _SINGLE_CLOSE_RE.finditer(text)]
    pairs: list[tuple[int, int]] = []
    k = 0
    after = -1  # the end of the last quote: an opening mark inside it is no opening
    for i in opens:
        if i <= after:
            continue
        while k < len(closes) and closes[k] <= i + 1:
            k += 1
        if k == len(closes):
            break
        j = closes[k]
        if j - i > SINGLE_QUOTE_CHARS:
            continue
        pairs.append((i + 1, j))
        after = j
    return pairs
