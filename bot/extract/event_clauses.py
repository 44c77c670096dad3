"""The clause an event's date belongs to, and that clause with its dates taken out.

`SentenceClauses` splits a sentence into clauses once (at ", which", ", and", ";" and dashes,
never inside brackets), so each date finds its clause by binary search; `strip_dates` takes
every date out of a clause in one pass. Both give exactly what the plain forms give (the
clause search of every piece for each date, and `strip_date` applied to each date in turn from
the last), in time linear in the sentence rather than in the sentence times its dates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

_CLAUSE_BREAK_RE = re.compile(
    r",\s+(?=(?:which|who|where|while|whereas)\b)|,\s+and\s+(?=[a-z])|;\s+|\s+[—–]\s+"
)
_RELATIVE_RE = re.compile(r"(?:which|who|where)\b", re.IGNORECASE)
_DETERMINER_RE = re.compile(r"\b(?:the|a|an|this|its|their|our|another)\s", re.IGNORECASE)
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b")
_QUALIFIES_RE = re.compile(r"\s+[A-Za-z]")
_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_LAST_WORD_RE = re.compile(r"(?:\b([\w-]+)\s+)$")


class SentenceClauses:
    """A sentence's clauses for its dates, found once.

    Example: in "Leaders met on Monday, which was their first meeting since 2019; they will
    meet again in May." the date "May" belongs to "they will meet again in May.", and "Monday"
    to "Leaders met on Monday" (a clause of more than three words needs no neighbour).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        bounds = [0]
        opened = closed = 0
        counted = 0
        for m in _CLAUSE_BREAK_RE.finditer(text):
            opened += text.count("(", counted, m.start())
            closed += text.count(")", counted, m.start())
            counted = m.start()
            if opened > closed:
                continue  # "(local time; June 14, 7:25 p.m. Japan time)"
            bounds.extend([m.start(), m.end()])
        bounds.append(len(text))
        self.pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        self._starts = [s for s, _ in self.pieces]
        self._clauses: dict[int, tuple[int, int]] = {}

    def clause(self, start: int) -> tuple[int, int]:
        """The stretch of the sentence that a date at `start` belongs to.

        A short piece ("On Wednesday") says nothing alone and takes the next one too; a
        piece that opens with "which" or "who" takes its antecedent from the piece before,
        from that piece's last determiner ("the defense ministers' meeting, which will ...").
        """
        k = bisect_right(self._starts, start) - 1  # the one piece that can hold `start`
        if k < 0 or start >= self.pieces[k][1]:
            return 0, len(self.text)
        if k in self._clauses:
            return self._clauses[k]
        text, pieces = self.text, self.pieces
        s, e = pieces[k]
        if len(text[s:e].split()) <= 3 and k + 1 < len(pieces):
            e = pieces[k + 1][1]
        if _RELATIVE_RE.match(text, s) and k > 0:
            before = text[pieces[k - 1][0] : pieces[k - 1][1]]
            det = list(_DETERMINER_RE.finditer(before))
            s = pieces[k - 1][0] + (det[-1].start() if det else 0)
        self._clauses[k] = (s, e)
        return s, e


def strip_date(text: str, start: int, end: int, prepositions: frozenset[str]) -> str:
    """The text without the date and the little words that only introduce it.

    A date that qualifies the next word keeps them: "in the 2022 Communique" reads "in the
    Communique", "for the October Council" "for the Council", "ahead to this week's Summit"
    "ahead to Summit".
    """
    before = text[:start]
    after = text[end:]
    possessive = _POSSESSIVE_AFTER_RE.match(after)
    after = after[possessive.end() :] if possessive else after  # "Today's Summit" → "Summit"
    qualifies = _QUALIFIES_RE.match(after) and (
        text[start:end][:1].isdigit() or _THE_BEFORE_RE.search(before)
    )
    if possessive or qualifies:
        return before + after.lstrip()
    m = _LAST_WORD_RE.search(before)
    while m and m.group(1).casefold() in prepositions:
        before = before[: m.start()]
        m = _LAST_WORD_RE.search(before)
    return before + after


def _is_word(ch: str) -> bool:
    """What `\\w` matches: a letter, a digit or a number, or "_"."""
    return ch.isalnum() or ch == "_"


def _the_before(text: str, lo: int, pos: int) -> bool:
    """`re.search(r"\\bthe\\s+$", text[lo:pos], re.I)`, reading only the end of the stretch."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == pos or j - 3 < lo:
        return False
    if j - 3 > lo and _is_word(text[j - 4]):
        return False
    return text[j - 3] in "tT" and text[j - 2] in "hH" and text[j - 1] in "eE"


def _last_word(text: str, lo: int, pos: int) -> tuple[int, str] | None:
    """`re.search(r"(?:\\b([\\w-]+)\\s+)$", text[lo:pos])` as (match start, word), read from
    the end: the word that spaces separate from `pos`, from its first letter or digit."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == pos:
        return None
    q = j
    while q > lo and (_is_word(text[q - 1]) or text[q - 1] == "-"):
        q -= 1
    p = q
    while p < j and not _is_word(text[p]):
        p += 1
    if p == j:
        return None
    return p, text[p:j]


class _Rest:
    """The text after a date while the dates are taken out: pieces of the sentence, front
    last, each with where its first non-space character is and the first non-space character
    of the whole rest from it on."""

    __slots__ = ("stack", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[list] = []  # [start, end, first non-space index or -1, that char]

    def push(self, i: int, j: int) -> None:
        if i >= j:
            return
        nw = self._scan(i, j)
        below = self.stack[-1][3] if self.stack else None
        self.stack.append([i, j, nw, self.text[nw] if nw >= 0 else below])

    def _scan(self, i: int, j: int) -> int:
        text = self.text
        while i < j and text[i].isspace():
            i += 1
        return i if i < j else -1

    def head(self, n: int) -> str:
        """The first `n` characters (fewer at the end)."""
        out = ""
        for k in range(len(self.stack) - 1, -1, -1):
            i, j = self.stack[k][0], self.stack[k][1]
            out += self.text[i : min(j, i + n - len(out))]
            if len(out) >= n:
                break
        return out

    def first_non_space(self) -> str | None:
        return self.stack[-1][3] if self.stack else None

    def drop(self, n: int) -> None:
        """Take `n` characters off the front."""
        while n and self.stack:
            top = self.stack[-1]
            take = min(n, top[1] - top[0])
            top[0] += take
            n -= take
            if top[0] == top[1]:
                self.stack.pop()
            elif top[2] != -1 and top[2] < top[0]:
                top[2] = self._scan(top[0], top[1])
                below = self.stack[-2][3] if len(self.stack) > 1 else None
                top[3] = self.text[top[2]] if top[2] >= 0 else below

    def lstrip(self) -> None:
        while self.stack:
            top = self.stack[-1]
            if top[2] == -1:
                self.stack.pop()
                continue
            top[0] = top[2]
            return

    def joined(self) -> str:
        return "".join(self.text[i:j] for i, j, _, _ in reversed(self.stack))


def strip_dates(
    text: str, s: int, e: int, dates: Sequence[tuple[int, int]], prepositions: frozenset[str]
) -> str:
    """`text[s:e]` with `strip_date` applied to each of `dates` (offsets into `text`, in
    order, inside the stretch), the last first, as one pass.

    Each step changes the clause only from where its date's little words begin, so the text
    before stays as written and the text after is kept as pieces of the sentence. A step that
    reaches into an earlier date's words ("this year 2023" drops "year" as a preposition of
    2023) leaves the rest to `strip_date` itself, on the clause as it stands.

    Example: with "in" a preposition, "Talks in May and in June" gives "Talks  and " (the
    spaces are tidied later).
    """
    rest = _Rest(text)
    limit = e  # text[s:limit] is still as written; `rest` follows it
    for k in range(len(dates) - 1, -1, -1):
        a, b = dates[k]
        if b > limit:
            clause = text[s:limit] + rest.joined()
            for a2, b2 in reversed(dates[: k + 1]):
                clause = strip_date(clause, a2 - s, b2 - s, prepositions)
            return clause
        rest.push(b, limit)
        head = rest.head(3)
        possessive = (
            len(head) >= 2
            and head[0] in "'’"
            and head[1] == "s"
            and (len(head) == 2 or not _is_word(head[2]))
        )
        if possessive:
            rest.drop(2)
        first = rest.first_non_space()
        qualifies = (
            not possessive
            and rest.head(1).isspace()
            and first is not None
            and first.isascii()
            and first.isalpha()
            and (text[a].isdigit() or _the_before(text, s, a))
        )
        if possessive or qualifies:
            rest.lstrip()
            limit = a
            continue
        cut = a
        found = _last_word(text, s, cut)
        while found and found[1].casefold() in prepositions:
            cut = found[0]
            found = _last_word(text, s, cut)
        limit = cut
    return text[s:limit] + rest.joined()
