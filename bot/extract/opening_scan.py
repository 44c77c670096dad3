"""The opening scan of an Alternation: one regex that stops only where a term may start.

A term can only match where its literal opening stands ("ene" for `energy\\s+security`), so
the openings of all terms, grouped into a tree, give one regex that `re` runs in C and that
rejects most places of a text without Python seeing them: `\\b(?:e(?=n(?:ergy|voy))|s(?=ec))`.
When `before` only asks that the character before a place is not a word character, the scan
reads that character instead (`[^\\w](?=e(?=n...)|s...)`): `re` then skips to it in C.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: How many opening characters of a term the gate compares (at most).
_GATE = 3
#: Characters that end a term's literal opening: regex syntax.
_SYNTAX = frozenset(".^$*+?{}[]|()")
_QUANTIFIERS = frozenset("*+?{")
#: How many opening characters of a term the opening scan compares (at most).
_SCAN_DEPTH = 8
#: In an opening the scan compares: a run of whitespace (`\s+` in the term), and the term's
#: end, where the alternation's `after` must hold.
_SPACES = "\x01"
_END = "\x00"
#: The `after` assertions the opening scan may check at a term's end: a look-ahead without
#: groups, a word boundary.
_PLAIN_AFTER_RE = re.compile(r"\(\?[!=][^()]*\)|\\b")
#: `before` assertions that only ask that the character before a place is not of a class
#: holding every word character, and that class negated (see mark_scan).
_MARK_CLASS = {r"\b": r"\W"}
_MARK_CLASS_RE = re.compile(r"\(\?<!\[(\\w[^\]\\]*)\]\)")
#: A `before` that also lets a term start at one of a few marks, whatever stands before it:
#: `(?:(?<![\w])|(?=['’]))` ("we'll" holds the term "'ll"). The look-behind's class and the
#: marks (see mark_scan, at_marks).
_MARK_OR_AT_RE = re.compile(r"\(\?:\(\?<!\[(\\w[^\]\\]*)\]\)\|\(\?=\[([^\]\\^-]+)\]\)\)")
#: The word characters of ASCII, as a mark class reads `\w` (see mark_scan).
_ASCII_WORD = "0-9A-Za-z_"
_WORD_CHAR_RE = re.compile(r"\w")
#: Lower-case letters by how often English words begin with them, most often first.
_FREQUENT_FIRST = "tasowicbphfmdrelnguvykjqxz"


def _by_frequency(opening: str) -> tuple[int, str]:
    """The order the scan tries openings in: by their first letter, those English words most
    often begin with first ("the", "a", "said"), then the others as sorted.

    `re` tries the alternatives of a branch in turn, each rejected by its first character
    (one comparison) until the right one: at each place a scan looks at, the letter that
    most often stands there is then found after few comparisons. The openings under one
    branch begin with different characters, so the order changes which one is tried first,
    never which places the scan stops at.
    """
    rank = _FREQUENT_FIRST.find(opening[:1].lower())
    return (rank if rank >= 0 else len(_FREQUENT_FIRST), opening)


def literal_opening(regex: str, limit: int = _GATE) -> str:
    """The characters every match of `regex` starts with, up to `limit`: `ene` for
    `energy\\s+security`, `u.s` for `u\\.s\\.`, `agreed` for `agreed(?:\\s+(?:now|then))?`,
    `` for `(?:a|b)` or `ab|c`. A character a quantifier follows is not certain (`ab?` opens
    with `a` only)."""
    if _top_level_bar(regex):
        return ""
    return "".join(_read_opening(regex, limit, spaces=False)[0])


def _read_opening(regex: str, limit: int, *, spaces: bool) -> tuple[list[str], int]:
    """The certain characters `regex` opens with (up to `limit`) and where the reading
    stopped; with `spaces`, `\\s+` reads as _SPACES: `in\\s+defense` gives i, n, _SPACES, …"""
    out: list[str] = []
    i = 0
    while i < len(regex) and len(out) < limit:
        c = regex[i]
        if spaces and regex.startswith("\\s+", i):
            c, step = _SPACES, 3
        elif c == "\\":
            if i + 1 >= len(regex) or regex[i + 1].isalnum():
                break  # a class (\\s, \\w) or an escape the gate does not read
            c, step = regex[i + 1], 2
        elif c in _SYNTAX:
            break
        else:
            step = 1
        if i + step < len(regex) and regex[i + step] in _QUANTIFIERS:
            break
        out.append(c)
        i += step
    return out, i


def scan_opening(regex: str, limit: int = _SCAN_DEPTH) -> str:
    """What every match of `regex` starts with, as the opening scan compares it: literal
    characters as in literal_opening, `\\s+` as _SPACES, and _END when the whole regex is read
    so: `energy\\s+security` opens with `energy`, _SPACES, `s` (up to `limit` characters),
    `u\\.s\\.` is `u.s.` and _END, `armament[\\w-]*` is `armament`."""
    if _top_level_bar(regex) or _SPACES in regex or _END in regex:
        return literal_opening(regex, limit)
    out, i = _read_opening(regex, limit, spaces=True)
    if i == len(regex):
        out.append(_END)
    return "".join(out)


def _top_level_bar(regex: str) -> bool:
    """Whether `regex` is an alternation at its top level (`ab|c`), not only inside groups
    (`a(?:b|c)`) or classes (`a[|]`). An unbalanced group counts as one, to be safe."""
    depth = 0
    i = 0
    in_class = False
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if regex[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": a leading "]" is a member
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return True
        elif c == "|" and depth == 0:
            return True
        i += 1
    return depth != 0 or in_class


def _tree(strings: list[str], after: str = "", fold: bool = False) -> str:
    """A regex of openings (scan_opening) grouped by their first character: `n(?:e|v)|c` for
    ne, nv, c; _SPACES reads as `\\s+`, _END as `after`. An empty string among them matches
    anywhere, so the tree is then empty too.

    With `fold` the tree reads the text lower-cased (_scan_text): a character that is not
    ASCII is compared ignoring case, `(?i:ü)`, which on the lower-cased text matches where
    IGNORECASE matches on the text (both compare the text's character lower-cased, and
    lower-casing a character to one character twice changes nothing)."""
    if any(not s for s in strings):
        return ""
    groups: dict[str, list[str]] = {}
    for s in sorted(set(strings), key=_by_frequency):
        groups.setdefault(s[0], []).append(s[1:])
    alts = []
    for first, rests in groups.items():
        inner = _tree(rests, after, fold)
        if first == _SPACES:
            head = r"\s+"
        elif first == _END:
            head = f"(?:{after})"
        elif fold and not first.isascii():
            head = f"(?i:{re.escape(first)})"
        else:
            head = re.escape(first)
        alts.append(head + (f"(?:{inner})" if "|" in inner else inner))
    return "|".join(alts)


def _caseless(c: str) -> bool:
    """Whether `c` is a mark with no case ("’", "–"): ignoring case, it matches itself only,
    and lower-casing a text leaves it where it stands, so a term opening with it is scanned
    as one opening with an ASCII character is. A letter or digit outside ASCII is not ("é"
    and "É", "ſ" and "s" match each other ignoring case)."""
    return len(c) == 1 and not c.isalnum() and c.lower() == c == c.upper() == c.casefold()


def opening_scan(
    terms: tuple[tuple[str, str], ...],
    before: str,
    after: str,
    flags: int,
    branch_terms: Callable[[str], tuple[int, ...] | None],
) -> re.Pattern[str] | None:
    """One regex that stops only where some term's literal opening stands.

    Built as a tree of the terms' literal openings (`e(?=n(?:ergy|voy))|s(?=ecurity)`),
    which `re` rejects in C at most places, so Python sees only the places where a term
    regex may match; `branch_terms(key)` gives the indexes of the terms that open with `key`.
    It runs on the text lower-cased when the terms ignore case (alternation._scan_text) and
    without IGNORECASE, so its literals take the fast path. None when the terms or `before`
    do not allow it: first characters that are neither ASCII nor caseless marks (_caseless:
    "’" in "’ll" is one), letters in `before` that would change meaning without IGNORECASE,
    VERBOSE patterns.
    """
    fold = bool(flags & re.IGNORECASE)
    if flags & re.VERBOSE or not all(c.isascii() or _caseless(c) for c, _ in terms):
        return None
    if fold and any(c.isalpha() for c in re.sub(r"\\.", "", before)):
        return None
    # A term's end is checked with `after` where `after` reads the same without IGNORECASE.
    if not _PLAIN_AFTER_RE.fullmatch(after) or (
        fold and any(c.isalpha() for c in re.sub(r"\\.", "", after))
    ):
        after = ""
    alts = []
    for key in sorted({c.lower() if fold else c for c, _ in terms}, key=_by_frequency):
        same = branch_terms(key)
        if same is None:
            return None
        rests = []
        for i in same:
            opening = scan_opening(terms[i][1], _SCAN_DEPTH)
            if fold:  # ASCII compared lower-cased, other characters ignoring case
                opening = "".join(c.lower() if c.isascii() else c for c in opening)
            if not after:
                opening = opening.replace(_END, "")
            if opening and opening[0] != key:
                return None
            rests.append(opening[1:] if opening else "")
        tree = _tree(rests, after, fold)
        alts.append(re.escape(key) + (f"(?={tree})" if tree else ""))
    if not alts:
        return None
    return re.compile(rf"{before}(?:{'|'.join(alts)})", flags & ~re.IGNORECASE)


def mark_scan(
    scan: re.Pattern[str] | None, terms: tuple[tuple[str, str], ...], before: str
) -> re.Pattern[str] | None:
    """The opening `scan` read from the character before each place (Alternation._places),
    when `before` only asks that this character is not of a class holding every word character
    (`\\b`, `(?<![\\w-])`) and every term opens with a word character: for
    `(?<![\\w-])(?:e(?=n)|s)` it is `[^0-9A-Za-z_\\-](?=e(?=n)|s)`. Its matches end where the
    terms may start.

    The class reads `\\w` as its ASCII letters, digits and underscore: `re` tests those with
    one bit per character, where `\\w` asks Unicode four questions of every space and mark
    (a quarter of a scan's instructions). That class holds more characters ("é" is not in
    `0-9A-Za-z_`), so the scan may stop where `before` fails ("ésaid"): the places are a
    superset, and Alternation tries each place with the branch's whole pattern, `before`
    included, so the matches stay those of the single regex.
    """
    if scan is None:
        return None
    mark = _MARK_CLASS.get(before) or _MARK_CLASS_RE.fullmatch(before)
    at = at_marks(before)
    if at:
        mark = _MARK_OR_AT_RE.fullmatch(before)
    if mark is None or not all(_WORD_CHAR_RE.fullmatch(c) or c in at for c, _ in terms):
        return None
    rest = "" if isinstance(mark, str) else "".join(map(re.escape, mark.group(1)[2:]))
    cls = f"[^{_ASCII_WORD}{rest}]"
    alts = scan.pattern[len(before) :]
    return re.compile(f"{cls}(?={alts})", scan.flags)


def at_marks(before: str) -> str:
    """The marks at which `before` lets a term start whatever stands before them: "'’" for
    `(?:(?<![\\w])|(?=['’]))`, "" for any other `before`.

    mark_scan reads such a `before` by its look-behind alone, which finds the places after a
    character outside the class; Alternation adds the places where one of these marks stands
    (found by a scan for the marks themselves), so the places stay a superset of the starts.
    """
    found = _MARK_OR_AT_RE.fullmatch(before)
    return found.group(2) if found else ""
