"""Parentheses and predecessor lists.

"Tom Berg (Vice Chancellor and Economy, Greens)" gives two roles and a party; "The
Chancellor (SPD)" is a role reference with a party; "Christian Democrat (CDU) Lena Vogt" only
spells out a party's name, and the name after it is that party's. Anything else in the
bracket ("(pictured)", "(2019)") says nothing about a person. "his predecessors, Lena Brandt
(CDU) and Gerhard Schröder (SPD)" names former holders of the role.
"""

from __future__ import annotations

import re
from itertools import compress, count
from typing import TYPE_CHECKING

from bot.extract.evidence.view import (
    Occurrence,
    ParagraphView,
    RoleRef,
)
from bot.extract.names import party_ending
from bot.extract.titles import RolePhrase

#: A word of a bracketed item: "CDU", "Baden-Württemberg".
_ITEM_WORD_RE = re.compile(r"[^\W\d_][\w-]*")

#: What separates the items in brackets.
_ITEM_SEP_RE = re.compile(r"[,;]")

if TYPE_CHECKING:
    from bot.extract.evidence.collector import Collector


def parentheses(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "Tom Berg (Vice Chancellor and Economy, Greens)", "The Chancellor (SPD)"."""
    t = p.tokens
    by_last: dict[int, RolePhrase] | None = None  # the title phrases by their last token
    for i in p.indexes_of("("):
        tok = t[i]
        if i == 0:
            continue
        close = next((j for j in range(i + 1, min(i + 30, len(t))) if t[j].text == ")"), None)
        if close is None:
            continue
        inner = p.paragraph.text[tok.end - p.paragraph.start : t[close].start - p.paragraph.start]
        roles, party, country = _paren_items(col, inner)
        if party is None and not roles:
            continue
        label = party_ending(t, i - 1, col.v)
        if label is not None and party is not None and label[0] == party and not roles:
            # "Christian Democrat (CDU) Lena Vogt": the bracket spells out a party's name,
            # it tells nothing about a person; a name right after it is that party's.
            span = p.reader.forward(close + 1, skip_honorifics=False)
            if (
                span is not None
                and span.first == close + 1
                and len(span.parts) >= 2
                and claimed.isdisjoint(range(span.first, span.stop))
            ):
                col.occurrences.append(Occurrence(span, [], country, party))
                claimed.update(range(span.first, span.stop))
            continue
        if by_last is None:
            by_last = {ph.last: ph for ph in p.phrases}
        ph = by_last.get(i - 1)
        if ph is not None and ph.name is None:
            before = t[ph.first - 1].text if ph.first > 0 else ""
            if before.casefold() == "the" and party:
                start = t[ph.first - 1].start
                col.refs = [r for r in col.refs if r.phrase is not ph]
                col.refs.append(RoleRef(ph, start, party, p.quoted[ph.first]))
            continue
        start = p.reader.backward_start(i - 1, 0)
        if start is None:
            continue
        span = p.reader.forward(start, skip_honorifics=False)
        if span is None or span.stop != i:
            continue
        if party is None and len(span.parts) < 2:
            continue
        col.occurrences.append(Occurrence(span, roles, country, party, False, bool(roles)))
        claimed.update(range(span.first, span.stop))


def _paren_items(col: Collector, inner: str) -> tuple[list[str], str | None, str | None]:
    """(roles, party, country) of a bracket's items, or nothing when any item is something
    other than a party or a role ("(pictured)", "(2019)")."""
    roles: list[str] = []
    party = country = None
    for raw in _ITEM_SEP_RE.split(inner):
        item = " ".join(raw.split())
        if not item:
            continue
        hit = col.v.party_of(item)
        if hit is not None:
            party = party or hit[0]
            country = country or hit[1]
            continue
        words = _ITEM_WORD_RE.findall(item)
        if not words or len(words) > 8:
            return [], None, None
        if all(col.v.is_title_word(w) or w in {"and", "of", "for", "the"} for w in words):
            roles.extend(_split_roles(col, item))
            continue
        return [], None, None  # something else in the parenthesis: not a person's details
    return roles, party, country


def _split_roles(col: Collector, item: str) -> list[str]:
    """ "Vice Chancellor and Economy" → two roles; "Economy, Trade and Industry" stays one."""
    parts = item.split(" and ")
    if len(parts) == 2 and parts[0].split()[-1].casefold() in col.v.heads:
        return [parts[0].strip(), parts[1].strip()]
    return [item]


def predecessors(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "his predecessors, Lena Brandt (CDU) and Gerhard Schröder (SPD)": former people."""
    t = p.tokens
    nouns = col.words.predecessor_nouns
    if nouns.isdisjoint(p.folded_words):
        return
    folded = p.folded
    for i in compress(count(), map(nouns.__contains__, folded)):
        tok = t[i]
        role = tok.text[:-1] if tok.text.endswith("s") else tok.text
        k = i + 1
        while k < len(t) and t[k].text in {",", ":"}:
            k += 1
        while k < len(t):
            span = p.reader.forward(k)
            if span is None:
                break
            col.occurrences.append(Occurrence(span, [role], None, None, True, False))
            claimed.update(range(span.first, span.stop))
            k = span.stop
            if k < len(t) and t[k].text == "(":
                k = next((j + 1 for j in range(k, min(k + 30, len(t))) if t[j].text == ")"), k)
            if k < len(t) and t[k].text == ",":
                k += 1
            if k < len(t) and t[k].text in {"and", "or"}:
                k += 1
            elif k > 0 and t[k - 1].text != ",":
                break
