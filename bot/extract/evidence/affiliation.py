"""Party and country told around a name.

Right after it: "Lars Berg, a Social Democrat,", "Ida Holm of the Greens", "Ana Paz, who
belongs to the Greens," (config `party_membership_phrases`), "Annalena Vogt of Germany",
"President Ana Paz of the Republic of Chile". Before it: "Chile's Ana Paz", "the FDP man
Jonas Kern" (config `party_person_nouns`), and "his party leader Ana Paz", where the party is
the one named right before the word "party" or else the one the text named last. A longer capitalised name after
the party word is no party: "of the Green Energy Agency".
"""

from __future__ import annotations

from itertools import compress, count
from typing import TYPE_CHECKING

from bot.extract.evidence.view import (
    Occurrence,
    ParagraphView,
)
from bot.extract.names import party_ending
from bot.extract.tokens import Token

if TYPE_CHECKING:
    from bot.extract.evidence.collector import Collector


def country_after(p: ParagraphView, k: int) -> str | None:
    """ "President Ana Paz of the Republic of Chile": the country right after a name."""
    t = p.tokens
    if k >= len(t) or t[k].text != "of" or p.blocked[k]:
        return None
    k += 1
    if k + 1 < len(t) and t[k].text == "the" and not p.blocked[k]:
        k += 1
        if (
            k + 2 < len(t)
            and not p.blocked[k]
            and t[k].text.casefold() in p.reader.v.state_nouns
            and t[k + 1].text == "of"
        ):
            k += 2  # "of the Republic of Chile"
    if k >= len(t) or not p.blocked[k]:
        return None
    return next((c.country for c in p.countries if c.start <= t[k].start < c.end), None)


def country_before(p: ParagraphView, k: int) -> str | None:
    """ "Chile's Ana Paz": the country whose possessive name is token `k`, right before a
    name; a name there is that country's person, as "Ana Paz of Chile" is."""
    if k < 0 or not p.blocked[k] or not p.tokens[k].possessive:
        return None
    tok = p.tokens[k]
    hit = next((c for c in p.countries if c.start <= tok.start < c.end), None)
    return hit.country if hit is not None and hit.kind in {"name", "alias"} else None


def party_after(col: Collector, p: ParagraphView, k: int) -> str | None:
    """A party told right after a name: "Lars Berg, a Social Democrat,", "Ida Holm of the
    Greens", "Tom Reid, an SPD lawmaker,", "Ana Paz, who belongs to the Greens," (config
    `party_membership_phrases`)."""
    t = p.tokens
    member = _membership_end(col, p, k)
    if member is not None:
        return _party_at(col, t, member)
    apposition = k + 1 < len(t) and t[k].text == "," and t[k + 1].text.casefold() in {"a", "an"}
    if apposition:
        k += 2
    elif k + 1 < len(t) and t[k].text == "of":
        k += 2 if t[k + 1].text.casefold() == "the" else 1
    else:
        return None
    for j in range(min(k + 3, len(t) - 1), k - 1, -1):
        hit = party_ending(t, j, col.v)
        if hit is None or hit[1] != k:
            continue
        nxt = t[j + 1] if j + 1 < len(t) else None
        if nxt is not None and nxt.capitalised and nxt.text.casefold() not in col.v.heads:
            return None  # "of the Green Energy Agency": a longer name
        if (
            not apposition  # "of the Greens": the party whatever follows
            or nxt is None
            or nxt.text in {",", ".", ";", ")", "who", "and", "from", "in", "at"}
            or nxt.text.casefold() in col.v.heads
        ):
            return hit[0]
    return None


def _membership_end(col: Collector, p: ParagraphView, k: int) -> int | None:
    """The token after a membership phrase ("who belongs to the") that follows a name
    ending before token `k`, or None. The phrases are compared with the paragraph's folded
    tokens, folded once for every rule."""
    folded = p.folded
    if k < len(folded) and folded[k] == ",":
        k += 1
    firsts = col.words.membership_firsts
    if firsts is not None and (k >= len(folded) or folded[k] not in firsts):
        return None  # no phrase opens here
    for phrase in col.words.membership:
        n = len(phrase)
        if folded[k : k + n] == phrase:
            j = k + n
            return j + 1 if j < len(folded) and folded[j] == "the" else j
    return None


def _party_at(col: Collector, t: list[Token], k: int) -> str | None:
    """The party whose name starts at token `k` and ends the phrase there ("the Greens",
    "the Free Democratic Party", "the Green party"), or None."""
    for j in range(min(k + 3, len(t) - 1), k - 1, -1):
        hit = party_ending(t, j, col.v)
        if hit is None or hit[1] != k:
            continue
        nxt = t[j + 1] if j + 1 < len(t) else None
        if (
            nxt is not None
            and nxt.capitalised
            and nxt.text.casefold() not in col.v.heads
            and nxt.text.casefold() != "party"
        ):
            return None  # "a member of the Green Energy Council": a longer name
        return hit[0]
    return None


def parties_named(col: Collector, p: ParagraphView, stop: int) -> list[str]:
    """The parties the paragraph names before token `stop`, in text order. Letters alone
    ("D", "R") are left out: they name a party only next to a name."""
    out: list[str] = []
    t = p.tokens
    for j in range(stop):
        hit = party_ending(t, j, col.v) if t[j].capitalised and not p.quoted[j] else None
        if hit is None or (j == hit[1] and len(t[j].bare) < 2):
            continue
        longer = party_ending(t, j + 1, col.v) if j + 1 < stop else None
        if longer is None or longer[1] > hit[1]:  # "Social Democratic Party" counts once
            out.append(hit[0])
    return out


def party_of_party_word(col: Collector, p: ParagraphView, first: int) -> str | None:
    """ "his party leader Ana Paz", "Green party colleague Ana Paz": a title after the word
    "party" is held in the party named right before that word or, failing that, in the one
    the text named last (this paragraph first, then the ones before)."""
    t = p.tokens
    k = first - 1
    if k < 0 or t[k].text.casefold() != "party" or not t[k].text.islower():
        return None
    hit = party_ending(t, k - 1, col.v)
    if hit is not None:
        return hit[0]
    before = parties_named(col, p, k)
    return before[-1] if before else col.party_named_last()


def party_nouns(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "the FDP man Jonas Kern", "Green politician Ana Paz": a party and a noun for one of
    its people (config `party_person_nouns`) before a name give that name the party."""
    t = p.tokens
    nouns = col.words.party_nouns
    if nouns.isdisjoint(p.folded_words):
        return
    folded = p.folded
    # the nouns' places (not the first or last token), found in one C pass
    for i in compress(count(1), map(nouns.__contains__, folded[1:-1])):
        if p.quoted[i]:
            continue
        hit = party_ending(t, i - 1, col.v)
        if hit is None or True in p.blocked[hit[1] : i]:
            continue
        span = p.reader.forward(i + 1, skip_honorifics=False)
        if span is None or span.first != i + 1:
            continue
        known = [o for o in col.occurrences if o.span.start == span.start]
        if known:
            for o in known:
                o.party = o.party or hit[0]
        elif claimed.isdisjoint(range(span.first, span.stop)):
            col.occurrences.append(Occurrence(span, party=hit[0]))
            claimed.update(range(span.first, span.stop))
