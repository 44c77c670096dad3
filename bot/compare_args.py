"""Finding the two sides of `compare` in one argument text.

People type the two names however they like: `"Olaf Scholz" japan`, `germany vs japan`,
`olaf scholz japan`, `Germany, the Greens`. The text is cut into words and quoted phrases;
every cut between two of them is a candidate (separator words such as `vs`, `and` and commas
at the cut are dropped), each half is read as a country, party or person (bot.resolve), and the
cut where both halves read best wins: both exact before one, a cut at a separator before one
without, then the higher scores. `Bosnia and Herzegovina vs Japan` cuts at `vs`, since
"Bosnia and Herzegovina" is an exact name and "Bosnia" alone is not.

The text is bounded (MAX_CHARS, MAX_TOKENS), so the cuts, and the lookups they cost, are few.
"""

from __future__ import annotations

import re

from bot.errors import UserError
from bot.resolve import Match, Resolution, clean_argument, resolve
from bot.search import FactIndex
from bot.usage import USAGE

SIDE_KINDS = ("country", "party", "person", "role")  # an office stands for its one holder
SIDE_POOLS = ("countries", "parties", "people", "roles")
MAX_CHARS = 200
MAX_TOKENS = 16
SEPARATORS = frozenset({"vs", "vs.", "v", "v.", "versus", "and", "with", "&", ",", "/", "|", ";"})
# A quoted phrase (straight or typographic marks), a separator mark, or a run of other text.
_TOKEN = re.compile(r'"([^"]*)"|“([^”]*)”|„([^“”]*)[“”]|«([^»]*)»|([,/|;&])|([^\s,/|;&"“”„«»]+)')
EXAMPLES = '`compare germany japan`, `compare "Olaf Scholz" japan`, `compare spd vs greens`'


def tokens(text: str) -> list[tuple[str, bool]]:
    """The words and quoted phrases of `text`, each with whether it was quoted.

    '"Olaf Scholz" vs japan' → [('Olaf Scholz', True), ('vs', False), ('japan', False)].
    """
    out = []
    for m in _TOKEN.finditer(text):
        quoted = next((g for g in m.groups()[:4] if g is not None), None)
        if quoted is not None:
            if quoted.strip():
                out.append((quoted.strip(), True))
        else:
            out.append((m.group(5) or m.group(6), False))
    return out


def _is_separator(token: tuple[str, bool]) -> bool:
    return not token[1] and token[0].casefold() in SEPARATORS


def _trim(part: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    while part and _is_separator(part[0]):
        part = part[1:]
    while part and _is_separator(part[-1]):
        part = part[:-1]
    return part


def _text(part: list[tuple[str, bool]]) -> str:
    return " ".join(t for t, _q in part)


def cuts(text: str) -> list[tuple[str, str, bool]]:
    """Every way to cut the text in two: (left, right, cut at a separator), in order.

    A quoted phrase is never cut: 'a "b c" d' gives ('a', 'b c d') and ('a b c', 'd').
    """
    found = tokens(text)
    out = []
    for i in range(1, len(found)):
        left, right = _trim(found[:i]), _trim(found[i:])
        at_separator = _is_separator(found[i - 1]) or _is_separator(found[i])
        if left and right:
            out.append((_text(left), _text(right), at_separator))
    return list(dict.fromkeys(out))


def _usage_error(message: str, index: FactIndex, unknown: str = "") -> UserError:
    return UserError(
        message,
        usage=USAGE["compare"],
        suggestions=index.suggest(unknown, SIDE_POOLS) if unknown else (),
    )


def _note(resolution: Resolution) -> str:
    return resolution.note("compare")


def _holder(index: FactIndex, match: Match) -> Match:
    """An office as the one person who holds it ('chancellor' → Olaf Scholz); else an error."""
    if match.kind != "role":
        return match
    holders = index.holders(match.key)
    if len(holders) != 1:
        names = ", ".join(p.name for p in holders[:10]) or "no one"
        raise UserError(
            f"{match.label} is held by {len(holders)} people ({names}): name one of them.",
            usage=USAGE["compare"],
        )
    person = holders[0]
    return Match("person", person.id, person.name, match.score, match.exact)


def split_sides(index: FactIndex, arg: str) -> tuple[Match, Match, str]:
    """The two sides named in `arg`, and a note on any side that has a second reading.

    A UserError says what is missing: no argument, one side only, or a side that names no
    country, party or person (with "did you mean").
    """
    text = arg.strip()
    if not clean_argument(text):
        raise _usage_error(f"Name two countries, people or parties: {EXAMPLES}.", index)
    if len(text) > MAX_CHARS:
        raise _usage_error(
            f"That is too long to be two names ({len(text)} characters; at most {MAX_CHARS}).",
            index,
        )
    if len(tokens(text)) > MAX_TOKENS:
        raise _usage_error(f"Name two countries, people or parties, not more: {EXAMPLES}.", index)
    read: dict[str, Resolution | None] = {}

    def reading(part: str) -> Resolution | None:
        if part not in read:
            read[part] = resolve(index, part, SIDE_KINDS)
        return read[part]

    best: tuple[tuple, Resolution, Resolution] | None = None
    half: tuple[tuple, str, str] | None = None  # (rank, the half that reads, the other)
    for left, right, at_separator in cuts(text):
        a, b = reading(left), reading(right)
        if a and b:
            exact = a.match.exact + b.match.exact
            rank = (exact, at_separator, a.match.score + b.match.score)
            if best is None or rank > best[0]:
                best = (rank, a, b)
        elif a or b:
            found, missing, r = (left, right, a) if a else (right, left, b)
            rank = (r.match.exact, r.match.score, len(found))
            if half is None or rank > half[0]:
                half = (rank, found, missing)
    if best is not None:
        _rank, a, b = best
        notes = "\n".join(n for n in (_note(a), _note(b)) if n)
        return _holder(index, a.match), _holder(index, b.match), notes
    whole = _text(_trim(tokens(text)))
    alone = reading(whole) if whole else None
    if alone:
        raise _usage_error(
            f"Name a second country, person or party to compare {alone.match.label} with.", index
        )
    if half:
        _rank, found, missing = half
        label = read[found].match.label if read[found] else found
        raise _usage_error(
            f"“{missing}” is no country, party or person in the documents (“{found}” is {label}).",
            index,
            unknown=missing,
        )
    raise _usage_error(
        f"No country, party or person in the documents matches “{whole or text}”.",
        index,
        unknown=whole or text,
    )
