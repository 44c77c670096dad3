"""Folding text for comparison, and the words the full-text index keeps of a sentence.

Kept apart from the extractors and the index so both can use it without importing each other:
extraction stores each sentence's index words once, and the index reads them back.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import filterfalse, repeat

#: Each pattern here opens with its class once, unrepeated (`[\w'’-][\w'’-]*`, not
#: `[\w'’-]+`): `re` then skips in C to a character of the class, where a pattern that opens
#: with a repeat is tried at every place of the text (twice the instructions for
#: `[^\x00-\x7f]+` over a sentence of curly quotes).
_WORD_RE = re.compile(r"[\w'’-][\w'’-]*")
#: A `_WORD_RE` run from its first to its last word character: the run as `words` trims it
#: ("'defence-'" → defence); a run of marks alone is no match.
_TRIMMED_WORD_RE = re.compile(r"\w(?:[\w'’-]*\w)?")
#: The characters outside ASCII, in runs.
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")
STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the their "
    "they this to was were which will with who what when where how do does did".split()
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names and words: 'Müller ' → 'muller'.

    ASCII text has nothing to decompose or drop, so it is only case-folded (most names are).
    Nor has a text whose characters outside ASCII, decomposed, hold no combining mark (curly
    quotation marks and dashes: 'Paz’s “plan”' → 'paz’s “plan”'): the marks are looked for
    among those few characters, not tested character by character.
    """
    if text.isascii():
        return text.casefold().strip()
    text = unicodedata.normalize("NFKD", text)
    if not any(map(unicodedata.combining, "".join(_NON_ASCII_RE.findall(text)))):
        return text.casefold().strip()
    # the combining marks dropped in C (filterfalse), not by a generator per character
    return "".join(filterfalse(unicodedata.combining, text)).casefold().strip()


def words(text: str) -> list[str]:
    """Folded words, apostrophes and hyphens trimmed: "Scholz's defence-" → scholz's, defence."""
    return [w.strip("'’-") for w in _WORD_RE.findall(fold(text)) if w.strip("'’-")]


#: Each byte as `index_words` reads it: an ASCII character that no word holds (a space, a
#: comma) becomes a space; letters, digits, "_", "'", "-" and the bytes of characters outside
#: ASCII (UTF-8, all 0x80 or more) stay.
_RUN_BYTES = bytes(
    i if i >= 0x80 or chr(i).isalnum() or chr(i) in "_'-" else 0x20 for i in range(256)
)
#: `_RUN_BYTES` with the ASCII capitals lower-cased: the runs of an ASCII text, folded.
_LOWER_RUN_BYTES = bytes(i + 32 if 65 <= i <= 90 else c for i, c in enumerate(_RUN_BYTES))
#: `_LOWER_RUN_BYTES` for a text whose "’" reads as "\x01" (_marks_read): "\x01" kept.
_LOWER_RUN_BYTES_1 = _LOWER_RUN_BYTES[:1] + b"\x01" + _LOWER_RUN_BYTES[2:]
#: What a trimmed run may be and still not be kept: a stopword, or nothing ("--").
_DROPPED = STOPWORDS | {""}
_DROPPED_BYTES = frozenset(w.encode() for w in _DROPPED)
#: Marks outside ASCII that news text is full of and that no word holds: folding leaves each
#: one a mark (or marks, "…" is "...") that no word holds either, so each reads as a space.
_SPACE_MARKS = "“”‘—–«»„‹›―…\xa0"
#: The one such mark a word may hold ("paz’s"), read as "\x01" and written back after.
_APOSTROPHE = "’"


def index_words(text: str) -> str:
    """The words a sentence is found by, once each in order, without stopwords, space-joined.

    'The frigate and the Frigate sail.' → 'frigate sail'. A string rather than a tuple: one
    object per sentence to keep and store. The words are `words` of the text, read by C calls
    alone when it is ASCII but for the marks of _SPACE_MARKS and "’" (most sentences): ASCII
    folds to lower case, one bytes.translate lower-cases it and turns every character no word
    holds into a space, and each run, trimmed of apostrophes and hyphens, is a word (see
    _trimmed_words): '“Paz’s plan…”' → "paz’s plan".
    """
    if text.isascii():
        return _ascii_index_words(text, _LOWER_RUN_BYTES)
    marked = _marks_read(text)
    if marked is not None:
        return _ascii_index_words(marked, _LOWER_RUN_BYTES_1).replace("\x01", _APOSTROPHE)
    words = _trimmed_words(fold(text))
    return " ".join(dict.fromkeys(filterfalse(_DROPPED.__contains__, words)))


def _ascii_index_words(text: str, table: bytes) -> str:
    """index_words of an ASCII text, its runs read through `table`."""
    runs = text.encode().translate(table).split()
    trimmed = map(bytes.strip, runs, repeat(b"'-\x01"))
    return b" ".join(dict.fromkeys(filterfalse(_DROPPED_BYTES.__contains__, trimmed))).decode()


def _marks_read(text: str) -> str | None:
    """`text` with each of _SPACE_MARKS as a space and "’" as "\x01", when that leaves it
    ASCII and it held no "\x01" of its own; else None."""
    if "\x01" in text:
        return None
    for mark in _SPACE_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    text = text.replace(_APOSTROPHE, "\x01")
    return text if text.isascii() else None


def _trimmed_words(folded: str) -> list[str]:
    """`_TRIMMED_WORD_RE.findall(folded)`, read in C for the most part.

    No match holds an ASCII character outside `[\\w'-]`, and the pattern reads nothing
    around a match, so the text cut at those characters gives the same matches piece by
    piece. One bytes.translate turns them into spaces and `split` cuts there ("paz’s plan,
    2024." → paz’s, plan, 2024); a piece of ASCII alone is a run of `[\\w'-]`, whose match is
    the run trimmed of apostrophes and hyphens ("'defence-" → defence; none for "--"), and
    the few pieces with other characters ("“paz’s") are read by the regex.
    """
    out: list[str] = []
    runs = folded.encode("utf-8", "surrogatepass").translate(_RUN_BYTES)
    for piece in runs.decode("utf-8", "surrogatepass").split():
        if not piece.isascii():
            out += _TRIMMED_WORD_RE.findall(piece)
        elif word := piece.strip("'-"):
            out.append(word)
    return out
