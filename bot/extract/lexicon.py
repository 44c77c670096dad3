"""The word lists extraction runs on, as plain data.

They live in YAML under config/ so an admin can extend them (a new party, a new reporting verb,
a new topic keyword) without touching code; this module only defines their shape. Extraction
functions take a Lexicon argument and never read files themselves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bot.extract.memo import per_text


@dataclass(frozen=True)
class Topic:
    """One topic of the taxonomy: `keywords` classify sentences, `synonyms` also match queries."""

    slug: str
    label: str
    keywords: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every word that points at this topic, in either direction."""
        return (self.slug.replace("-", " "), self.label, *self.keywords, *self.synonyms)


@dataclass(frozen=True)
class Country:
    """A country with the names the text may use for it: aliases, demonyms, its own bodies."""

    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Portfolio:
    """A ministerial portfolio and the words that name it ("Outside" is Foreign Affairs)."""

    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All word lists, read from config/*.yaml by bot.config.load_lexicon.

    Compared and hashed by identity (eq=False): one lexicon is built per config load, and
    extractors cache their compiled patterns per lexicon object.

    `words` holds the free-form lists of config/lexicon.yaml (titles, parties, reporting verbs,
    commitment cues ...) keyed by section name, so extraction rules can grow new lists without a
    schema change here.
    """

    topics: tuple[Topic, ...] = ()
    countries: tuple[Country, ...] = ()
    portfolios: tuple[Portfolio, ...] = ()
    government_titles: tuple[str, ...] = ()
    former_markers: tuple[str, ...] = ()
    words: Mapping[str, Any] = field(default_factory=dict)

    def word_list(self, key: str) -> tuple[str, ...]:
        """A list of plain strings from config/lexicon.yaml; missing keys read as empty."""
        value = self.words.get(key) or ()
        return tuple(str(v) for v in value)

    @cached_property
    def topic_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.topics}

    @cached_property
    def portfolio_lookup(self) -> dict[str, str]:
        """Lower-cased portfolio word → canonical portfolio name."""
        out: dict[str, str] = {}
        for p in self.portfolios:
            out[p.name.casefold()] = p.name
            for s in p.synonyms:
                out[s.casefold()] = p.name
        return out

    def canonical_role(self, role: str) -> str:
        """Read a role through the portfolio synonyms: "Outside" → "Foreign Affairs".

        Whole-role synonyms win; otherwise each synonym is replaced as a whole word inside the
        role ("Traffic Minister" → "Transport Minister"). Unknown roles come back unchanged.
        """
        return _canonical_role(role, self)

    @cached_property
    def _synonym_patterns(self) -> tuple[tuple[re.Pattern[str], str, str], ...]:
        """Each portfolio synonym as a whole-word pattern, longest first, with its name and
        the synonym (folded)."""
        out = []
        for word, name in sorted(self.portfolio_lookup.items(), key=lambda kv: -len(kv[0])):
            if word == name.casefold():
                continue
            # "Foreign" → "Foreign Affairs", but not inside "Foreign Affairs" already there.
            rest = name[len(word) :] if name.casefold().startswith(word) else ""
            guard = rf"(?!{re.escape(rest)})" if rest else ""
            out.append((re.compile(rf"\b{re.escape(word)}\b{guard}", re.IGNORECASE), name, word))
        return tuple(out)


@per_text()
def _canonical_role(role: str, lexicon: Lexicon) -> str:
    """Lexicon.canonical_role, remembered per role wording (a document repeats its roles)."""
    key = role.strip().casefold()
    lookup = lexicon.portfolio_lookup
    if key in lookup:
        return lookup[key]
    out = role.strip()
    for pattern, name, word in lexicon._synonym_patterns:
        if out.isascii() and word.isascii() and word not in out.lower():
            continue  # ASCII ignoring case: a synonym matches only where its letters stand
        out = pattern.sub(name, out)
    return out


def with_role_synonyms(lexicon: Lexicon, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    """The lexicon plus curated role synonyms from seeds/*.yaml (an admin's additions win)."""
    if not extra:
        return lexicon
    merged: dict[str, list[str]] = {p.name: list(p.synonyms) for p in lexicon.portfolios}
    for name, synonyms in extra:
        merged.setdefault(name, []).extend(synonyms)
    portfolios = tuple(Portfolio(n, tuple(dict.fromkeys(s))) for n, s in merged.items())
    return Lexicon(
        topics=lexicon.topics,
        countries=lexicon.countries,
        portfolios=portfolios,
        government_titles=lexicon.government_titles,
        former_markers=lexicon.former_markers,
        words=lexicon.words,
    )
