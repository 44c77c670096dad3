"""Appositions: a full name followed by a role set off by commas.

"Ana Paz, U.S. Ambassador to Chile, said", "Jonas Kern, head of the transport department,
said". The role opens with a country or a title word (capitalised) or a lower-case head
("head", "minister"), holds a head word, names no one and has no verb: "Ana Paz, who met the
minister," is a clause, not a role. A country before the title is the person's; one after
"to" is where they serve. A name that runs on from a capitalised word ("General Motors said")
is the tail of a longer proper noun, not a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.evidence.view import (
    Occurrence,
    ParagraphView,
    fold_word,
)
from bot.extract.name_spans import name_end
from bot.extract.names import NameSpan, name_words
from bot.extract.titles import role_words

if TYPE_CHECKING:
    from bot.extract.evidence.collector import Collector


def appositions(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "Ana Paz, U.S. Ambassador to Chile, and Hiro Sato, Chief of Staff to the Secretary
    of State, ...", "Jonas Kern, head of the transport department, said": a full name
    followed by a role set off by commas. The role opens with a country or a title word
    (capitalised), or with a lower-case head ("head", "minister"); it holds a head word,
    names no one and has no verb. A country before the title is the person's; one after
    "to" is where they serve."""
    r, name_word = p.reader, p.name_word
    texts, particles, suffixes = r.texts, col.v.particles, col.v.suffixes
    for i in p.indexes_of(","):
        if i == 0 or p.quoted[i]:
            continue
        if name_word[i - 1]:
            if i < 2 or not (
                name_word[i - 2] or texts[i - 2] in JOINS or texts[i - 2] in particles
            ):
                continue  # "Sato,": a name of one word
        elif not name_end(texts[i - 1], suffixes):
            continue  # no name ends here (backward_start's first test)
        start = r.backward_start(i - 1, 0)
        span = p.reader.forward(start, skip_honorifics=False) if start is not None else None
        if (
            span is None
            or span.stop != i
            or len(name_words(span.surface, col.v.suffixes)) < 2
            or inside_phrase(p, span)
            or not col.v.not_people.isdisjoint(span.parts)
            or any(x.rstrip(".").casefold() in col.v.organisations for x in span.parts)
        ):
            continue
        found = _apposition_role(col, p, i + 1)
        if found is None:
            continue
        role, country, former, a, b = found
        col.refs = [r for r in col.refs if not a <= r.start < b]
        known = [o for o in col.occurrences if o.span.start == span.start]
        if known:  # a title before the name, or a role another rule read here already
            for o in known:
                if not any(role_words(r) & role_words(role) for r in o.roles):
                    o.roles.append(role)
                    o.titled = o.titled or not former
                o.country = o.country or country
            continue
        if not claimed.isdisjoint(range(span.first, span.stop)):
            continue
        col.occurrences.append(Occurrence(span, [role], country, None, former, not former))
        claimed.update(range(span.first, span.stop))


#: The tokens before a name's last word that may still belong to the name ("J. Reyes",
#: "Biden, Jr."): with none of them, a name word, or a particle there, the name is one word.
JOINS = frozenset({".", ","})


def _apposition_role(
    col: Collector, p: ParagraphView, j: int
) -> tuple[str, str | None, bool, int, int] | None:
    """The role set off by commas from token `j`: (role, country, former, start, end
    offsets), or None when the words there are no role."""
    t, v = p.tokens, col.v
    n = len(t)
    if j < n and t[j].text == "the" and j + 1 < n and not t[j + 1].capitalised:
        j += 1  # "Ana Paz, the head of the agency,"
    country = None
    k = j
    while k < n and p.blocked[k]:
        k += 1
    if k > j:
        hit = next((c for c in p.countries if c.start <= t[j].start < c.end), None)
        if hit is None or hit.kind not in {"name", "alias", "demonym"}:
            return None
        country = hit.country
    former = False
    if k < n and fold_word(t[k].text) in v.former:
        former = True
        k += 1
    first = k
    e = k
    head = False
    while e < n and e - first <= 14:
        x = t[e]
        w = x.text.casefold()
        if x.text in {".", ";", ")", "(", "—", "–", ":", "“", "”", '"'} or p.quoted[e]:
            break
        if x.text == ",":
            nxt = t[e + 1] if e + 1 < n else None
            if nxt is None or not (p.blocked[e + 1] or v.is_title_word(nxt.text)):
                break
        elif w in col.words.apposition_heads or fold_word(x.text) in v.heads:
            head = True
        elif (
            w in col.words.role_clause_words
            or w in col.words.reporting
            or (w.endswith("ed") and x.text.islower())
        ):
            return None
        e += 1
    if not head or e == first or e - first > 14:
        return None
    w0 = t[first].text
    if w0[:1].isupper():
        if not v.is_title_word(w0) and fold_word(w0) not in v.heads:
            return None
    elif w0.casefold() not in col.words.apposition_heads and not (
        v.is_title_word(w0) and first + 1 < e and t[first + 1].text.casefold() in v.heads
    ):
        return None
    if any(ph.name is not None and first <= ph.last < e for ph in p.phrases):
        return None  # "Ana Paz, Defense Minister Hiro Sato": a list of people
    last = e - 1
    # "Minister of Finance of Chile": a country that ends the role is the person's
    if last - 1 > first and p.blocked[last]:
        c = next((c for c in p.countries if c.start <= t[last].start < c.end), None)
        b = last
        while b > first and p.blocked[b - 1]:
            b -= 1
        b2 = b - 1 if t[b - 1].text == "the" else b
        if c is not None and t[b2 - 1].text == "of":
            country = country or c.country
            last = b2 - 2
    if last < first:
        return None
    text = p.paragraph.text[t[first].start - p.paragraph.start : t[last].end - p.paragraph.start]
    return " ".join(text.split()), country, former, t[j].start, t[e - 1].end


def inside_phrase(p: ParagraphView, span: NameSpan) -> bool:
    """Whether a capitalised word runs into the name ("General Motors said"): then the name
    is the tail of a longer proper noun, not a person."""
    k = span.first - 1
    if k < 0:
        return False
    tok, v = p.tokens[k], p.reader.v
    word = tok.text.casefold()
    return (
        tok.capitalised
        and not tok.possessive
        and p.tokens[span.first].start - tok.end == 1
        and word not in v.heads
        and word not in v.not_names
    )
