"""Titles before names, and titles with no name after them.

A title joined to a titled name by "and" is that person's too ("Deputy Prime Minister and
Minister of Defence Richard Quinn"), unless a "the" makes two people ("The Secretary and
Minister Singh"). A title with no name after it is an apposition when a name stands next to it
across a comma ("Ana Paz, the chancellor,", "the German chancellor, Ana Paz,"), else a
role reference ("the Chancellor", "Japan's prime minister", "the SPD politician"). "President
Ruiz and First Lady Ana Ruiz" are two people of one family.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.extract.evidence.view import (
    PHRASE_END,
    Occurrence,
    ParagraphView,
    RoleRef,
)
from bot.extract.names import name_words
from bot.extract.titles import RolePhrase, role_words

if TYPE_CHECKING:
    from bot.extract.evidence.collector import Collector

_DETERMINERS = frozenset({"the", "his", "her", "their", "its"})


def coordinated(p: ParagraphView) -> dict[int, int]:
    """Titles joined to a titled name by "and": "Deputy Prime Minister and Minister of
    Defence Richard Quinn" gives Quinn both. Nameless phrase index -> named phrase index."""
    phrases, t = p.phrases, p.tokens
    links: dict[int, int] = {}
    for idx, ph in enumerate(phrases):
        if ph.name is None:
            continue
        j = idx
        while j > 0:
            prev, cur = phrases[j - 1], phrases[j]
            gap = [x.text for x in t[prev.last + 1 : cur.first]]
            if prev.name is not None or gap not in (["and"], [",", "and"]):
                break
            if prev.first > 0 and t[prev.first - 1].text.casefold() == "the":
                break  # "The Secretary and Minister Singh" are two people
            links[j - 1] = idx
            j -= 1
    return links


def same_surname_pair(col: Collector, p: ParagraphView, named: dict[int, Occurrence]) -> None:
    """ "President Ruiz and First Lady Ana Ruiz": two titles joined by "and", each before
    its own name, one a bare surname and the other a full name with that surname, are two
    people of one family; the bare surname is kept apart from the full name."""
    t = p.tokens
    firsts = sorted(named)
    for ka, kb in pairwise(firsts):
        a, b = named[ka], named[kb]
        if [x.text for x in t[a.span.stop : kb]] not in (["and"], [",", "and"]):
            continue
        (n_one, one), (n_full, _) = sorted(
            ((name_words(o.span.surface, col.v.suffixes), o) for o in (a, b)),
            key=lambda x: len(x[0]),
        )
        if len(n_one) != 1 or len(n_full) < 2 or n_one[0] != n_full[-1]:
            continue
        if role_words(" ".join(a.roles)) != role_words(" ".join(b.roles)):
            one.distinct = True


#: How many of the paragraph's people before "counterpart" are asked (bounds the cost).
COUNTERPART_LOOKBACK = 8


def counterpart_office(before: list[Occurrence], ph: RolePhrase) -> list[str] | None:
    """The office of "his counterpart Ana Paz": the title of the person named with a title
    just before in the paragraph, whose counterpart she is ("Prime Minister Marco Reyes and his
    Chilean counterpart Ana Paz": Paz is Chile's Prime Minister). None when no one is."""
    for occ in reversed(before[-COUNTERPART_LOOKBACK:]):
        if occ.span.start < ph.start and occ.titled and occ.roles and occ.roles[0][:1].isupper():
            return [occ.roles[0]]
    return None


def bare_title(
    col: Collector,
    p: ParagraphView,
    ph: RolePhrase,
    named: dict[int, Occurrence],
    chain: list[RolePhrase] | None = None,
) -> bool:
    """A title with no name after it: an apposition, or a role reference.

    With `chain` (titles joined to this one by "and"), only an apposition is read, and it
    gets every title of the chain; True when it found a name.
    """
    t = p.tokens
    nxt = ph.last + 1
    lead = chain[0] if chain else ph
    roles = [c.text for c in chain or ()] + [ph.text]
    country = ph.country or next((c.country for c in chain or () if c.country), None)
    party = ph.party or next((c.party for c in chain or () if c.party), None)
    # "his Australian counterpart, Deputy Prime Minister ... Richard Quinn,": the country;
    # "Chile's Minister for Defence, Senator Ana Paz,": an office too (a capitalised title)
    if not chain and nxt + 1 < len(t) and t[nxt].text == "," and (nxt + 1) in named:
        occ = named[nxt + 1]
        occ.country = occ.country or ph.country
        if ph.capital and not ph.former and ph.text.casefold() not in map(str.casefold, occ.roles):
            occ.roles.insert(0, ph.text)
        return True
    details = _Details(roles, country, party)
    if _name_before(col, p, ph, lead, details) or _name_after(col, p, ph, lead, details):
        return True
    if not chain:
        _role_reference(col, p, ph)
    return False


@dataclass(frozen=True)
class _Details:
    """What a title (and the titles joined to it by "and") tells about whoever holds it."""

    roles: list[str]
    country: str | None
    party: str | None


def _name_before(
    col: Collector, p: ParagraphView, ph: RolePhrase, lead: RolePhrase, details: _Details
) -> bool:
    """ "Richard Quinn, who also serves as defense minister,", "Ana Paz, the chancellor,":
    the name before the comma that opens the title holds it (True when one was found)."""
    t = p.tokens
    nxt = ph.last + 1
    follows_ok = (
        nxt >= len(t)
        or t[nxt].text in {",", ".", ";", "(", ")", "—", "–", ":"}
        or (t[nxt].text in {"and", "who", "said", "says"})
    )
    k = lead.first - 1
    if k >= 0 and t[k].text in {"the", "a", "an"}:
        k -= 1
    if k >= 0 and t[k].text == "as":
        k -= 1
        while k >= 0 and t[k].text in {"serves", "is", "also", "currently", "now"}:
            k -= 1
    if k >= 0 and t[k].text == "who":
        k -= 1
    if follows_ok and k >= 1 and t[k].text == "," and not ph.former:
        start = p.reader.backward_start(k - 1, 0)
        span = p.reader.forward(start, skip_honorifics=False) if start is not None else None
        if span is not None and span.stop == k:
            col.occurrences.append(
                Occurrence(span, details.roles, details.country, details.party, False, True)
            )
            return True
    return False


def _name_after(
    col: Collector, p: ParagraphView, ph: RolePhrase, lead: RolePhrase, details: _Details
) -> bool:
    """ "the German chancellor, Ana Paz,", "the Minister of Defence, H.E. Mr. Gen Ito,":
    the full name after the comma that closes the title holds it (True when one was found).
    A determiner may stand a few lower-case words before the title, and those words belong
    to the role: "The deputy parliamentary group leader of the SPD, Ana Paz,"."""
    t = p.tokens
    nxt = ph.last + 1
    roles = details.roles
    d = _determiner_before(p, lead.first)
    determiner = d is not None
    if d is not None and d + 1 < lead.first:
        roles[0] = " ".join(x.text for x in t[d + 1 : lead.first]) + " " + roles[0]
    k = nxt + 1
    if k < len(t) and t[k].text == "the":
        k += 1
    honoured = k < len(t) and p.reader.is_honorific(k)
    if nxt + 1 < len(t) and t[nxt].text == ",":
        span = p.reader.forward(k, skip_honorifics=True)
        stop = t[span.stop].text if span is not None and span.stop < len(t) else ""
        # "European Union High Representative for Trade, Ana Paz Vidal.": a capitalised
        # title set off by commas before a full name is that person's title
        capital = ph.capital and stop in {"", ",", ".", ";"}
        if (
            (determiner or t[lead.first].possessive or (honoured and ph.capital) or capital)
            and span is not None
            and len(span.parts) >= (1 if honoured else 2)
            and (
                span.stop >= len(t)
                or stop in {",", ".", ";", "and", "in", "at", "on", "of"}
                or stop.isupper()  # post-nominals: "Philip Hammond MP"
            )
        ):
            col.occurrences.append(
                Occurrence(span, roles, details.country, details.party, ph.former, not ph.former)
            )
            return True
    return False


def _role_reference(col: Collector, p: ParagraphView, ph: RolePhrase) -> None:
    """ "the Chancellor", "Japan's prime minister": a role the register resolves once everyone
    is known; "the SPD politician", "the Green minister": a member of that party."""
    t = p.tokens
    before = t[ph.first - 1].text if ph.first > 0 else ""
    possessive = ph.first < len(t) and t[ph.first].possessive and ph.country is not None
    if before.casefold() == "the" or possessive:
        start = t[ph.first - 1].start if before.casefold() == "the" else ph.start
        col.refs.append(RoleRef(ph, start, quoted=p.quoted[ph.first]))
        return
    party = col.v.party_of(before) if before else None
    if party and ph.first >= 2 and t[ph.first - 2].text.casefold() == "the":
        col.refs.append(
            RoleRef(ph, t[ph.first - 2].start, quoted=p.quoted[ph.first], member_of=party[0])
        )


def _determiner_before(p: ParagraphView, first: int) -> int | None:
    """The determiner ("the", "his" ...) before a title, over up to four lower-case words
    ("the deputy parliamentary group leader"), or None."""
    t = p.tokens
    k = first - 1
    while k >= 0 and first - k <= 5:
        w = t[k].text
        if w.casefold() in _DETERMINERS:
            return k
        if not (w.isalpha() and w.islower()) or w in PHRASE_END or p.blocked[k]:
            return None
        k -= 1
    return None
