"""Shapes only a person's name has, and what they tell.

An honorific ("Ms. Vogt", also its gender), a rank ("Admiral Antony Radakin", not "General
Motors"), a middle initial ("George W. Hale"), a reporting verb next to it ("said Paz",
"Reyes said"; not "the Kremlin said"), a meeting verb ("met with Hiro Sato", "Hiro Sato
hosted"), a noun only people take ("the jailed journalists Hiro Sato and Ana Paz"), a family
name with a hyphenated given name ("Kim Sung-ho"). Other two- or three-word capitalised
phrases wait: they count once their last word also stands alone ("Sato agreed").
"""

from __future__ import annotations

import bisect
import re
from itertools import compress, count
from typing import TYPE_CHECKING

from bot.extract.evidence.affiliation import country_after, country_before, party_after
from bot.extract.evidence.appositions import inside_phrase
from bot.extract.evidence.verb_places import verb_matches
from bot.extract.evidence.view import (
    PHRASE_END,
    Occurrence,
    ParagraphView,
)
from bot.extract.name_spans import name_end
from bot.extract.names import NameSpan, family_first, name_words
from bot.extract.tokens import POSSESSIVE, TOKEN_START

#: A run of letters.
_LETTERS_RE = re.compile(r"[^\W\d_]+")

if TYPE_CHECKING:
    from bot.extract.evidence.collector import Collector

THE = frozenset({"the", "The"})


def credit_line(p: ParagraphView, span: NameSpan) -> bool:
    """Whether a heading-like line is a credit line: "Ana Paz, Minister of Finance" under a
    block quotation. A name that opens the line and is set off by a comma or a bracket has
    clear bounds, unlike a name in a title-case heading ("Secretary Paz Visits Oslo")."""
    t = p.tokens
    k = 0
    while k < len(t) and t[k].text in {"—", "–", "-"}:
        k += 1
    return span.first == k and span.stop < len(t) and t[span.stop].text in {",", "("}


def title_gender(col: Collector, roles: list[str]) -> str | None:
    """ "Chairwoman", "Queen" say "f"; "Chairman", "King" say "m" (config male/female_words)."""
    words = {w.casefold() for r in roles for w in _LETTERS_RE.findall(r)}
    if words & col.v.female:
        return "f"
    if words & col.v.male:
        return "m"
    return None


def honorific_gender(col: Collector, p: ParagraphView, first: int) -> str | None:
    """ "Mr." before a name says "m", "Ms."/"Mrs." says "f"."""
    k = first - 1
    if k >= 0 and p.tokens[k].text == ".":
        k -= 1
    if k < 0:
        return None
    w = p.tokens[k].text.casefold()
    if w in col.v.male:
        return "m"
    if w in col.v.female:
        return "f"
    return None


def honorifics_and_initials(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "Ms. Vogt", "George W. Hale": shapes only a person's name has."""
    t = p.tokens
    r = p.reader
    initials = has_initial(p)
    if not initials and not may_hold_honorific(col, p):
        return  # nothing opens a name here (most paragraphs)
    # no other token is an honorific or a name word; without an initial in the paragraph,
    # only the honorifics can open a name here (the others are passed over in C)
    places = p.capitals if initials else compress(count(), p.honorific)
    i = 0
    for i0 in places:
        if i0 < i:
            continue
        i = i0
        if i in claimed:
            continue
        span = None
        if p.honorific[i] and t[i].text.rstrip(".").casefold() in col.v.honorifics:
            span = r.forward(i)
        elif p.honorific[i] and t[i].text.casefold() in col.v.rank_nouns:
            cand = r.forward(i)  # "Admiral Antony Radakin", not "General Motors"
            if cand is not None and len(name_words(cand.surface, col.v.suffixes)) >= 2:
                span = cand
        elif initials and p.name_word[i] and (i == 0 or not p.name_word[i - 1]):
            cand = r.forward(i, skip_honorifics=False)
            if cand is not None and any(len(x) == 2 and x.endswith(".") for x in cand.parts[1:-1]):
                span = cand
        if span is not None and claimed.isdisjoint(range(span.first, span.stop)):
            occ = Occurrence(span)
            if len(span.parts) == 1 and span.first > i and _paired(p, i, span):
                # "President Ito and Dr. Ito": the honorific is all that tells her apart
                honorific = t[i].text + ("." if r.is_initial(i) or _dot(p, i) else "")
                occ = Occurrence(span._replace(parts=(honorific, *span.parts)), distinct=True)
            col.occurrences.append(occ)
            claimed.update(range(span.first, span.stop))
            i = span.stop


def may_hold_honorific(col: Collector, p: ParagraphView) -> bool:
    """Whether a token of the paragraph may be an honorific or a rank (`p.honorific`): one
    whose folded word, without its final dots, is one. Told by one set test on the folded
    words, without reading the tokens: the word bare or with one dot is listed
    (`honorific_forms`), or the text holds two dots in a row. "Ana Paz met the envoy" holds
    none; "Ms. Paz" and "the general" may (p.honorific reads only capitalised words)."""
    return ".." in p.paragraph.text or not col.words.honorific_forms.isdisjoint(p.folded_words)


def has_initial(p: ParagraphView) -> bool:
    """Whether the paragraph holds an initial ("J" then a touching "."). A middle initial
    needs one: in a paragraph without ("Ana Paz met the U.S. envoy"), honorifics_and_initials
    reads no name for it (most paragraphs have none; full_names reads the names it needs)."""
    r, caps = p.reader, p.capitals
    # the capitals of one letter, found in C passes; each such capital is upper-case, so it
    # is an initial when a dot touches it
    ones = compress(caps, map((1).__eq__, map(len, map(r.texts.__getitem__, caps))))
    return any(map(r.adjacent_dot, ones))


def _dot(p: ParagraphView, i: int) -> bool:
    """Whether a full stop is written right onto token `i` ("Dr.")."""
    t = p.tokens
    return i + 1 < len(t) and t[i + 1].text == "." and t[i + 1].start == t[i].end


def _paired(p: ParagraphView, i: int, span: NameSpan) -> bool:
    """Whether an honorific and surname at token `i` follow "<same surname> and": two
    people of one family named side by side ("the President Ito and Mrs. Ito")."""
    t = p.tokens
    return i >= 2 and t[i - 1].text == "and" and t[i - 2].bare == span.parts[-1]


def full_names(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """Name-shaped phrases of two or three words ("met Hiro Sato"): people only if their
    last word also stands alone somewhere (see `confirm_full_names`)."""
    t = p.tokens
    r = p.reader
    i = 0
    listed = -1  # where a list of names introduced by a person noun goes on
    list_country: str | None = None
    name_word = p.name_word
    texts, n, particles = r.texts, len(t), col.v.particles
    places = list(compress(count(), name_word))  # the name words, found in C
    for i0 in places:
        if i0 < i:
            continue
        i = i0
        if i in claimed:
            continue
        if one_word(texts, name_word, i, n, particles):
            continue  # "Sato said": a name of one word is no full name
        after_capital = i > 0 and texts[i - 1][:1].isupper()
        owner = country_before(p, i - 1) if after_capital else None  # "Chile's Ana Paz"
        if after_capital and not owner:
            continue
        span = r.forward(i, skip_honorifics=False)
        if span is None or span.first != i:
            continue
        words = name_words(span.surface, col.v.suffixes)
        stop = span.stop
        clean = (
            2 <= len(words) <= 3
            and not (stop < len(t) and t[stop].capitalised and t[stop].start - t[stop - 1].end == 1)
            and not any(w.casefold() in col.v.organisations for w in words)
            and True not in p.quoted[span.first : span.stop]
        )
        of_country = country_after(p, stop) or (owner if clean and _no_place(col, words) else None)
        fam = family_first(span.surface, col.v) if clean else None
        if fam and fam.casefold() in col.v.family_names and "-" in span.parts[-1]:
            # "Kim Sung-ho": a listed family name and a hyphenated syllabic given name are
            # a person's name in any sentence
            col.occurrences.append(Occurrence(span))
            claimed.update(range(span.first, span.stop))
        elif clean and party_after(col, p, stop):  # "met Lars Berg, a Social Democrat,"
            col.occurrences.append(Occurrence(span))
            claimed.update(range(span.first, span.stop))
        elif clean and (of_country or _meeting(col, p, span.first, stop)):
            # "Annalena Vogt of Germany", "met with Hiro Sato", "Hiro Sato hosted"
            col.occurrences.append(Occurrence(span, country=of_country))
            claimed.update(range(span.first, span.stop))
        elif clean and (span.first == listed or _introduced(col, p, span.first)):
            # "the jailed journalists Hiro Sato and Ana Paz", "the health of Ana Paz"
            if span.first != listed:
                list_country = _demonym_before(p, span.first)
            col.occurrences.append(Occurrence(span, country=list_country))
            claimed.update(range(span.first, span.stop))
            if stop < len(t) and t[stop].text in {",", "and"}:
                listed = stop + (2 if stop + 1 < len(t) and t[stop + 1].text == "and" else 1)
        elif clean:
            col.candidates.append(span)
        i = max(stop, i + 1)
    # Name words standing alone: no capital or "the" before, no capital right after (the
    # capitals as a set: one lookup for a neighbour, no slice of its text).
    alone = col.alone
    capital = set(p.capitals)
    for k in places:
        if k - 1 in capital or (k > 0 and texts[k - 1] == "the"):
            continue
        if k + 1 in capital and t[k + 1].start - t[k].end == 1:
            continue
        text = texts[k]  # without a possessive ending: "Sato's" stands for "Sato"
        alone.setdefault(text[:-2] if text.endswith(POSSESSIVE) else text, []).append(t[k].start)


def one_word(
    texts: list[str], name_word: list[bool], i: int, n: int, particles: frozenset[str]
) -> bool:
    """Whether the name read from name word `i` (not an initial) is surely one word, told
    from the token after it alone: a possessive ends a name, and only a name word, an
    initial or a particle carries it on (a comma goes on only to a suffix: "Biden, Jr."
    holds one name word). "Sato said", "Sato's plan" and "Sato, the envoy" are one word;
    "Hiro Sato", "Ursula von der Leyen" may be more. full_names wants two or three words,
    so it need not read these (most name words stand alone)."""
    text = texts[i]
    if len(text) == 1:
        return False  # an initial: its dot is the next token
    if text.endswith(POSSESSIVE) or i + 1 >= n:
        return True
    if name_word[i + 1]:
        return False
    nxt = texts[i + 1]
    return not ((len(nxt) == 1 and nxt.isupper()) or nxt in particles)


def _introduced(col: Collector, p: ParagraphView, first: int) -> bool:
    """Whether a noun that only people take comes right before a name: "citizens Ana Paz",
    "the jailed critic Ana Paz", "the health of Ana Paz", "the release of Ana Paz"."""
    t = p.tokens
    if first < 1:
        return False
    word = t[first - 1].text.casefold()
    if word in col.words.person_nouns:
        return True
    return (
        word == "of"
        and first >= 3
        and t[first - 2].text.casefold() in col.words.person_of_nouns
        and t[first - 3].text.casefold() in {"the", "his", "her", "their"}
    )


def _no_place(col: Collector, words: list[str]) -> bool:
    """Whether a phrase after a country's possessive holds no word of a place or an
    institution ("Japan's Mount Kita", "Chile's National Assembly"; config `place_words`)."""
    return not any(w.rstrip(".").casefold() in col.words.places for w in words)


def _demonym_before(p: ParagraphView, first: int) -> str | None:
    """ "American citizens Ana Paz": the country of the nationality before a person noun."""
    k = first - 2
    if k < 0 or not p.blocked[k] or p.tokens[k].possessive:
        return None
    tok = p.tokens[k]
    hit = next((c for c in p.countries if c.start <= tok.start < c.end), None)
    return hit.country if hit is not None and hit.kind == "demonym" else None


def _meeting(col: Collector, p: ParagraphView, first: int, stop: int) -> bool:
    """Whether a meeting verb stands right before or after a name ("met with Hiro Sato",
    "Hiro Sato hosted"): places and companies are visited and signed with, people met."""
    t = p.tokens
    # As an object the name ends its noun phrase ("met with Standard Chartered executives"
    # is about the executives); as a subject it does not host or welcome (places do).
    ends = stop >= len(t) or t[stop].text in PHRASE_END
    folded = p.folded  # the tokens folded once for every rule
    words = col.words
    # a phrase before the name ends on the token before it, one after opens on the token
    # after it: where neither is such a word (most names), no phrase is compared
    if not (ends and first > 0 and folded[first - 1] in words.meeting_lasts) and not (
        stop < len(folded) and folded[stop] in words.meeting_after_firsts
    ):
        return False
    # the phrases by their length: one set lookup per length, not a comparison per phrase
    for n, before_verbs, after_verbs in words.meeting_by_length:
        if ends and tuple(folded[max(0, first - n) : first]) in before_verbs:
            return True
        if tuple(folded[stop : stop + n]) in after_verbs:
            return True
    return False


def reporting_verbs(col: Collector, p: ParagraphView, claimed: set[int]) -> None:
    """ "said Paz", "Reyes said": the name next to a reporting verb is a speaker."""
    t = p.tokens
    r = p.reader
    base = p.paragraph.start
    inverted = col.words.inverted
    name_word, texts, suffixes = p.name_word, r.texts, col.v.suffixes
    for m in verb_matches(p, col.lexicon):  # verb_re's matches, found from the tokens
        # the verb's tokens by bisection on their starts (most paragraphs hold a verb or two)
        i = bisect.bisect_left(t, m.start() + base, key=TOKEN_START)
        if i >= len(t) or p.quoted[i]:
            continue
        j = bisect.bisect_left(t, m.end() + base, key=TOKEN_START)
        cands: list[NameSpan] = []
        # An inverted verb follows a quotation or a comma ("…,” said Ito", ", added
        # Ito"); elsewhere "noted Baltic concerns" names no speaker.
        after_quote = i > 0 and t[i - 1].text in {",", "”", '"', "’", "—", "–", ":"}
        if m.group(0) in inverted and after_quote and j < len(t) and j not in claimed:
            span = r.forward(j, skip_honorifics=False)
            if span is not None and span.first == j:
                cands.append(span)
        k = i - 1
        if k >= 0 and k not in claimed and (name_word[k] or name_end(texts[k], suffixes)):
            start = r.backward_start(k, 0)
            span = r.forward(start, skip_honorifics=False) if start is not None else None
            # "the Nikkei said", "the Kremlin said": a name after "the" is an institution
            the = span is not None and span.first > 0 and t[span.first - 1].text in THE
            if span is not None and span.stop == i and not inside_phrase(p, span) and not the:
                cands.append(span)
        for span in cands:
            if not col.v.not_people.isdisjoint(span.parts) or any(
                x.rstrip(".").casefold() in col.v.organisations for x in span.parts
            ):
                continue
            col.occurrences.append(Occurrence(span, spoke=True))
            claimed.update(range(span.first, span.stop))
