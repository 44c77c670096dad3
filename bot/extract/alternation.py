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
Where the terms allow it, one regex of all the terms' openings finds those places in C
instead (opening_scan.py), and Python sees only places where a term may start.

Example: with the terms `energy security`, `energy`, `security` (longest first), "energy
security talks" gives one match, `energy security` (term 0), exactly as the whole alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import itemgetter

from bot.extract.opening_scan import at_marks, literal_opening, mark_scan, opening_scan

_START = re.Match.start
_FIRST = itemgetter(0)
_END_OF = re.Match.end


@dataclass(frozen=True, slots=True)
class _Branch:
    pattern: re.Pattern[str]
    terms: tuple[int, ...]  # the term index of each group of `pattern`
    size: int  # how many characters the gate compares (0: no gate, always try the pattern)
    openings: frozenset[str]  # the terms' first `size` characters (lower-cased if ignoring case)


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
    # the marks a term may start at whatever stands before them (opening_scan.at_marks)
    _at: str = field(init=False, repr=False, default="")
    _at_scan: re.Pattern[str] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fold", bool(self.flags & re.IGNORECASE))
        firsts = "".join(sorted({re.escape(c) for c, _ in self.terms})) or r"(?!x)x"
        starts = re.compile(rf"{self.before}[{firsts}]", self.flags)
        object.__setattr__(self, "_starts", starts)
        scan = opening_scan(self.terms, self.before, self.after, self.flags, self._branch_terms)
        object.__setattr__(self, "_openings", scan)
        object.__setattr__(self, "_marks", mark_scan(scan, self.terms, self.before))
        at = at_marks(self.before) if self._marks is not None else ""
        if at:
            object.__setattr__(self, "_at", at)
            object.__setattr__(self, "_at_scan", re.compile(f"[{re.escape(at)}]"))

    def _branch_terms(self, ch: str) -> tuple[int, ...] | None:
        """The terms that may begin with `ch`, or None when none does."""
        branch = self._branch(ch)
        return branch.terms if branch is not None else None

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
        places = chain((0,), ends) if self._openings.match(low) else ends
        if self._at_scan is not None and any(map(low.__contains__, self._at)):
            # a term may also start at one of the marks ("we'll"): those places added, in order
            return iter(sorted({*places, *map(_START, self._at_scan.finditer(low))}))
        return places

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


#: Characters that match an ASCII letter ignoring case but do not lower-case to it: the
#: dotless i and the long s.
_ODD_FOLD_A, _ODD_FOLD_B = "\u0131", "\u017f"


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
    if len(low) != len(text) or _ODD_FOLD_A in text or _ODD_FOLD_B in text:
        return None  # (`in` reads the text as a memory scan; a regex class tests each character)
    return low


@dataclass(frozen=True, eq=False)
class WordScan:
    """Whole words or phrases of a list, ignoring case, longest first: the regex
    `(?i)\\b(?:w1|w2|...)\\b` (a phrase's spaces match any whitespace), run as an Alternation.

    Example: `word_scan(("visit to", "visit")).finditer("A VISIT  to Oslo")` finds
    "VISIT  to". A list with an empty word or one opening with a space keeps the plain regex
    (its terms would not open with their first character). The plain regex is compiled when
    first asked for: run as an Alternation it is never needed, and compiling a long list
    (the thousand commitment cues) costs an extraction worker a tenth of a second at start.
    """

    source: str  # the plain regex's text; "" for an empty list
    flags: int
    alternation: Alternation | None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The plain regex, compiled."""
        return re.compile(self.source, self.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.alternation is None:
            return self.pattern.finditer(text)
        return self.alternation.matches(text)


def word_scan(words: tuple[str, ...]) -> WordScan:
    """The WordScan of `words` (see WordScan)."""
    if not words:  # finds nothing (the plain regex "" would match everywhere)
        return WordScan("", 0, Alternation((), r"\b", r"\b"))
    alts = sorted(
        ((w[:1], re.escape(w).replace(r"\ ", r"\s+")) for w in words),
        key=lambda t: len(t[1]),
        reverse=True,
    )
    source = r"(?i)\b(?:" + "|".join(a for _, a in alts) + r")\b"
    if any(not first or first.isspace() for first, _ in alts):
        return WordScan(source, 0, None)
    return WordScan(source, 0, Alternation(tuple(alts), r"\b", r"\b", re.IGNORECASE))
