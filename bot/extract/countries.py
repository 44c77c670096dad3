"""Finding countries in text: names, aliases, demonyms and institutions, from config/countries.yaml.

Shared by people (a person's country from "Japanese Defense Minister …") and commitments (actors
from "Germany and Japan want …", "METI and DOE intend …"). One compiled alternation per lexicon,
longest names first, tried where a name's first letter stands (see alternation.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.alternation import Alternation
from bot.extract.country_places import first_words, form_rests, token_matches
from bot.extract.lexicon import Lexicon
from bot.extract.memo import MAX_CHARS, BoundedMemo
from bot.extract.tokens import Token

#: Aliases that are also ordinary words or capitals used as metonyms only in some texts; they
#: count only when written exactly as in the config (case-sensitive), e.g. "US" but not "us".
_CASE_SENSITIVE_MAX = 4


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A stretch of text that names a country, and how it names it."""

    country: str
    start: int
    end: int
    kind: str  # "name", "alias", "demonym" or "body"
    text: str


@dataclass(frozen=True)
class _Matcher:
    alternation: Alternation  # the forms longest first, tried by their first letter
    table: dict[str, tuple[str, str]]  # folded surface form -> (country, kind)
    exact: frozenset[str]  # short forms that must match case-sensitively
    exact_folded: frozenset[str]
    # the forms' first words lower-cased ("united" of "United States"), and for each
    # lower-cased first letter the alternation of the forms that open with it (see
    # country_places.py); None when a form is not made of words (then only the scan)
    firsts: frozenset[str] | None
    by_letter: dict[str, re.Pattern[str]]
    # for a first word that opens only longer forms, what follows it ("the" → "hague", ...)
    rests: dict[str, tuple[str, ...]]


@lru_cache(maxsize=8)
def _matcher(lexicon: Lexicon) -> _Matcher:
    table: dict[str, tuple[str, str]] = {}
    exact: set[str] = set()
    for c in lexicon.countries:
        forms = [(c.name, "name")]
        forms += [(a, "alias") for a in c.aliases]
        forms += [(d, "demonym") for d in c.demonyms]
        forms += [(b, "body") for b in c.bodies]
        for form, kind in forms:
            key = form.casefold()
            table.setdefault(key, (c.name, kind))
            if (len(form) <= _CASE_SENSITIVE_MAX and form.isupper()) or "." in form:
                exact.add(form)
    forms = sorted((f for f in table if f), key=len, reverse=True)
    # Word boundaries that also work for forms ending in "." (U.S.) or starting with "the".
    alternation = Alternation(
        tuple((f[0], re.escape(f)) for f in forms), r"(?<![\w.])", r"(?!\w|\.\w)", re.IGNORECASE
    )
    folded = frozenset(e.casefold() for e in exact)
    firsts, by_letter = first_words(forms)
    rests = form_rests(forms)
    return _Matcher(alternation, table, frozenset(exact), folded, firsts, by_letter, rests)


def find_countries(text: str, lexicon: Lexicon) -> list[CountryMention]:
    """Every country mention in `text`, left to right, longest form first at each place.

    People, actors and participants read the same paragraphs and phrases: each text is
    scanned once (see _find) and a new list is returned each time.
    """
    if not lexicon.countries:
        return []
    return list(_find(text, lexicon))


#: What joins an institution to the country it belongs to: "Ministry of Defence of the ...".
_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:of\s+)?")


#: The country mentions of the texts read last: text -> mentions (for any lexicon, the
#: lexicon is part of the key). Bounded as per_text bounds its memos.
_FOUND: BoundedMemo = BoundedMemo(256)


def _find(text: str, lexicon: Lexicon) -> tuple[CountryMention, ...]:
    key = (text, lexicon)
    found = _FOUND.get(key)
    if found is None:
        m = _matcher(lexicon)
        found = _read(text, m, m.alternation.matches(text))
        if len(text) <= MAX_CHARS:
            _FOUND.put(key, found)
    return found


def find_countries_at(
    text: str,
    lexicon: Lexicon,
    tokens: list[Token],
    base: int,
    texts: list[str],
    folded: list[str] | None = None,
    words: frozenset[str] | None = None,
) -> list[CountryMention]:
    """find_countries for a text whose tokens are known (`tokens`, offsets from `base`,
    reading `texts`; case-folded in `folded` and as a set in `words` when the caller has
    them): the forms are matched only where a token may open one (see country_places.py),
    and the mentions are remembered for find_countries."""
    if not lexicon.countries:
        return []
    key = (text, lexicon)
    found = _FOUND.get(key)
    if found is None:
        m = _matcher(lexicon)
        if folded is None:
            folded = list(map(str.casefold, texts))
        if words is None:
            words = frozenset(folded)
        forms = (m.firsts, m.rests, m.by_letter)
        hits = token_matches(text, tokens, base, folded, words, forms)
        found = _read(text, m, m.alternation.matches(text) if hits is None else hits)
        if len(text) <= MAX_CHARS:
            _FOUND.put(key, found)
    return list(found)


#: Letters a regex ignoring case matches to a form's letter while casefold keeps them apart:
#: the scan finds "ıran" (dotless ı) and "İran" for the form "Iran", whose key is "iran", but
#: their casefolds are "ıran" and "i̇ran" (i and a combining dot). Read as the form's key.
_ODD_LETTERS = str.maketrans({"\u0131": "i", "\u0307": None})


def _read(text: str, m: _Matcher, hits: Iterable[re.Match[str]]) -> tuple[CountryMention, ...]:
    """The mentions of the matches of the forms in `text`, left to right."""
    out: list[CountryMention] = []
    for hit in hits:
        surface = hit.group(0)
        key = surface.casefold()
        if key not in m.table:
            key = key.translate(_ODD_LETTERS)
            if key not in m.table:
                continue  # a spelling the regex folds in a way no form's key reads
        country, kind = m.table[key]
        if key in m.exact_folded and surface not in m.exact:
            continue  # "us" is not the US; "u.s." in odd casing is not trusted either
        mention = CountryMention(country, hit.start(), hit.end(), kind, surface)
        if out and out[-1].kind == "body" and _owned_by(text, out[-1], mention):
            out.pop()
        out.append(mention)
    return tuple(out)


def _owned_by(text: str, body: CountryMention, mention: CountryMention) -> bool:
    """Whether an institution is named with its country right after it: "the Ministry of
    Defence of the Russian Federation" (or "of the Islamic Republic of Pakistan") is that
    country's ministry, not the one the config gives "Ministry of Defence" by default, so only
    the country counts."""
    gap = mention.start - body.end
    return (
        mention.kind != "body"
        and mention.country != body.country
        and gap <= 60
        and _OF_RE.fullmatch(text, body.end, mention.start) is not None
    )
