"""A long alternation of terms ("energy security|energy|...") matched by its first letter.

`re` tries every alternative of `(?:a|b|c|...)` in turn at each place where the pattern may
start: with hundreds of topic terms that is most of extraction's time. A term can only match
where the text shows its first character, so this matcher finds the places where some term's
first character stands (one character-class scan in C), and there tries only the terms that
begin with that character, in their original order. The matches, their order and which term
matched are those of the single regex `before(?:(t1)|(t2)|...)after`.

Most places where a term's first character stands begin no term ("the", "said", "talks"): so
before the terms' regex runs, the next few characters are looked up among the literal openings
of the terms with that first character ("ene", "sec"), a set lookup instead of a regex call.

Example: with the terms `energy security`, `energy`, `security` (longest first), "energy
security talks" gives one match, `energy security` (term 0), exactly as the whole alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

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
#: holding every word character, and that class negated (see Alternation._mark_scan).
_MARK_CLASS = {r"\b": r"\W"}
_MARK_CLASS_RE = re.compile(r"\(\?<!\[(\\w[^\]\\]*)\]\)")
_WORD_CHAR_RE = re.compile(r"\w")
_START = re.Match.start
_FIRST = itemgetter(0)
_END_OF = re.Match.end


@dataclass(frozen=True, slots=True)
class _Branch:
    pattern: re.Pattern[str]
    terms: tuple[int, ...]  # the term index of each group of `pattern`
    size: int  # how many characters the gate compares (0: no gate, always try the pattern)
    openings: frozenset[str]  # the terms' first `size` characters (lower-cased if ignoring case)


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


@dataclass(frozen=True, eq=False)
class Alternation:
    """`before(?:(t1)|(t2)|...)after` with `flags`, each term given as (first character, regex).

    `before` must be a zero-width look-behind (it is checked where a term's first character
    stands) and every term's regex must open with its literal first character and match at
    least one character.
    """

    terms: tuple[tuple[str, str], ...]
    before: str
    after: str
    flags: int = 0
    _starts: re.Pattern[str] = field(init=False, repr=False)
    _branches: dict[str, _Branch | None] = field(init=False, repr=False, default_factory=dict)
    _openings: re.Pattern[str] | None = field(init=False, repr=False, default=None)
    _marks: re.Pattern[str] | None = field(init=False, repr=False, default=None)
    _fold: bool = field(init=False, repr=False, default=False)  # whether IGNORECASE is set

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fold", bool(self.flags & re.IGNORECASE))
        firsts = "".join(sorted({re.escape(c) for c, _ in self.terms})) or r"(?!x)x"
        starts = re.compile(rf"{self.before}[{firsts}]", self.flags)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_openings", self._opening_scan())
        object.__setattr__(self, "_marks", self._mark_scan())

    def _opening_scan(self) -> re.Pattern[str] | None:
        """One regex that stops only where some term's literal opening stands.

        Built as a tree of the terms' literal openings (`e(?=n(?:ergy|voy))|s(?=ecurity)`),
        which `re` rejects in C at most places, so Python sees only the places where a term
        regex may match. It runs on the text lower-cased when the terms ignore case (see
        _scan_text) and without IGNORECASE, so its literals take the fast path. None when the
        terms or `before` do not allow it: non-ASCII first characters, letters in `before`
        that would change meaning without IGNORECASE, VERBOSE patterns.
        """
        fold = bool(self.flags & re.IGNORECASE)
        if self.flags & re.VERBOSE or not all(c.isascii() for c, _ in self.terms):
            return None
        if fold and any(c.isalpha() for c in re.sub(r"\\.", "", self.before)):
            return None
        # A term's end is checked with `after` where `after` reads the same without IGNORECASE.
        after = self.after
        if not _PLAIN_AFTER_RE.fullmatch(after) or (
            fold and any(c.isalpha() for c in re.sub(r"\\.", "", after))
        ):
            after = ""
        alts = []
        for key in sorted({c.lower() if fold else c for c, _ in self.terms}):
            branch = self._branch(key)
            if branch is None:
                return None
            rests = []
            for i in branch.terms:
                opening = scan_opening(self.terms[i][1], _SCAN_DEPTH)
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
        return re.compile(rf"{self.before}(?:{'|'.join(alts)})", self.flags & ~re.IGNORECASE)

    def _mark_scan(self) -> re.Pattern[str] | None:
        """The opening scan read from the character before each place (see _places), when
        `before` only asks that this character is not of a class holding every word character
        (`\\b`, `(?<![\\w-])`) and every term opens with a word character: `[^\\w-](?=e(?=n)|s)`
        for `(?<![\\w-])(?:e(?=n)|s)`. Its matches end where the terms may start."""
        scan = self._openings
        if scan is None:
            return None
        mark = _MARK_CLASS.get(self.before) or _MARK_CLASS_RE.fullmatch(self.before)
        if mark is None or not all(_WORD_CHAR_RE.fullmatch(c) for c, _ in self.terms):
            return None
        cls = mark if isinstance(mark, str) else f"[^{mark.group(1)}]"
        alts = scan.pattern[len(self.before) :]
        return re.compile(f"{cls}(?={alts})", scan.flags)

    def _places(self, low: str) -> Iterator[int]:
        """Where the opening scan stops in `low`, left to right: the starts of its matches,
        or read through _mark_scan, which finds each place from the character before it
        (a class `re` skips to in C, where `before` would be tried at every character) and
        leaves the text's first place to the scan itself."""
        assert self._openings is not None
        marks = self._marks
        if marks is None:
            return map(_START, self._openings.finditer(low))
        ends = map(_END_OF, marks.finditer(low))
        return chain((0,), ends) if self._openings.match(low) else ends

    def _branch(self, ch: str) -> _Branch | None:
        """The terms that may begin with `ch` (by the pattern's own case rules), in order."""
        if ch not in self._branches:
            firsts = {first for first, _ in self.terms}  # each asked once, not once per term
            matching = {f for f in firsts if re.fullmatch(re.escape(f), ch, self.flags)}
            same = [i for i, (first, _) in enumerate(self.terms) if first in matching]
            branch = None
            if same:
                body = "|".join(f"({self.terms[i][1]})" for i in same)
                pattern = re.compile(rf"{self.before}(?:{body}){self.after}", self.flags)
                size, openings = self._gate([self.terms[i][1] for i in same])
                branch = _Branch(pattern, tuple(same), size, openings)
            self._branches[ch] = branch
        return self._branches[ch]

    def _gate(self, regexes: list[str]) -> tuple[int, frozenset[str]]:
        """The gate of a branch: how many opening characters to compare, and their values.

        Without IGNORECASE the openings are compared as written. With it they are compared
        lower-cased, which is exact for ASCII only: the gate is off when an opening is not
        ASCII, and finditer skips it for text that is not ("ſ" matches "s" ignoring case).
        """
        openings = [literal_opening(r) for r in regexes]
        size = min(len(o) for o in openings)
        if size < 2:
            return 0, frozenset()
        fold = bool(self.flags & re.IGNORECASE)
        if self.flags & re.VERBOSE or (fold and not all(o.isascii() for o in openings)):
            return 0, frozenset()
        return size, frozenset(o[:size].lower() if fold else o[:size] for o in openings)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """Each match, left to right, with the index of the term that matched."""
        if self._openings is not None:
            scan = _scan_text(text) if self._fold else text
            if scan is not None:
                return self._scan_openings(text, scan)
        return self._gated(text)

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of finditer without the terms' indexes (dropped in C, not by a
        generator of our own)."""
        return map(_FIRST, self.finditer(text))

    def _gated(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """finditer without the opening scan: each place where a term's first character
        stands, its branch tried when the gate lets it through."""
        fold = self._fold
        pos = 0
        # Lower-casing keeps every offset of an ASCII text: the gate reads it once, lowered.
        low = text.lower() if fold and text.isascii() else text
        branches = self._branches
        for start in self._starts.finditer(text):
            p = start.start()
            if p < pos:
                continue
            ch = text[p]
            branch = branches[ch] if ch in branches else self._branch(ch)
            if branch is None:
                continue
            if branch.size:
                opening = low[p : p + branch.size]
                if low is not text:
                    if opening not in branch.openings:
                        continue
                elif fold:
                    if opening.isascii() and opening.lower() not in branch.openings:
                        continue
                elif opening not in branch.openings:
                    continue
            hit = branch.pattern.match(text, p)
            if hit is None or hit.lastindex is None:
                continue
            yield hit, branch.terms[hit.lastindex - 1]
            pos = hit.end()

    def _scan_openings(self, text: str, low: str) -> Iterator[tuple[re.Match[str], int]]:
        """finditer where the opening scan applies: `low` is the text as the scan reads it."""
        assert self._openings is not None
        pos = 0
        branches = self._branches
        for p in self._places(low):
            if p < pos:
                continue
            ch = text[p]
            branch = branches[ch] if ch in branches else self._branch(ch)
            if branch is None:
                continue
            hit = branch.pattern.match(text, p)
            if hit is None or hit.lastindex is None:
                continue
            yield hit, branch.terms[hit.lastindex - 1]
            pos = hit.end()


#: Characters that match an ASCII letter ignoring case but do not lower-case to it.
_ODD_FOLDS = re.compile("[\u0131\u017f]")


def _scan_text(text: str) -> str | None:
    """The text the opening scan reads when the terms ignore case: `text` lower-cased.

    Lower-casing keeps every offset, each character's \\w-ness and each case-insensitive
    match with an ASCII letter ("K" Kelvin sign becomes "k") unless the text holds a
    character that lower-cases to two ("İ") or matches a letter it does not lower-case to
    ("ı", "ſ"): then None, and finditer reads the text letter by letter.
    """
    low = text.lower()
    if text.isascii():  # a flag of the string, read without a scan
        return low
    if len(low) != len(text) or _ODD_FOLDS.search(text):
        return None
    return low


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
    for s in sorted(set(strings)):
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


@dataclass(frozen=True, eq=False)
class WordScan:
    """Whole words or phrases of a list, ignoring case, longest first: the regex
    `(?i)\\b(?:w1|w2|...)\\b` (a phrase's spaces match any whitespace), run as an Alternation.

    Example: `word_scan(("visit to", "visit")).finditer("A VISIT  to Oslo")` finds
    "VISIT  to". A list with an empty word or one opening with a space keeps the plain regex
    (its terms would not open with their first character).
    """

    pattern: re.Pattern[str]  # the plain regex; its pattern is "" for an empty list
    alternation: Alternation | None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.alternation is None:
            return self.pattern.finditer(text)
        return self.alternation.matches(text)


def word_scan(words: tuple[str, ...]) -> WordScan:
    """The WordScan of `words` (see WordScan)."""
    if not words:  # finds nothing (the plain regex "" would match everywhere)
        return WordScan(re.compile(""), Alternation((), r"\b", r"\b"))
    alts = sorted(
        ((w[:1], re.escape(w).replace(r"\ ", r"\s+")) for w in words),
        key=lambda t: len(t[1]),
        reverse=True,
    )
    pattern = re.compile(r"(?i)\b(?:" + "|".join(a for _, a in alts) + r")\b")
    if any(not first or first.isspace() for first, _ in alts):
        return WordScan(pattern, None)
    return WordScan(pattern, Alternation(tuple(alts), r"\b", r"\b", re.IGNORECASE))
