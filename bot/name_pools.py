"""The name pools a query is ranked against, each built from one generation's facts.

A pool is a `Keys` of rows (owner, label, folded keys): the offices current holders hold, the
topics, the documents, the countries and parties the facts mention, and every country the
lexicon knows. Each function here builds one pool (or the list it is built from); the index
(bot.index_tables) decides when the previous generation's pool is lent instead. Example:
`party_pool(("Green Party",), lexicon).rank("green party", 80)` → [('Green Party', 100.0)].
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter, itemgetter

from bot.extract.lexicon import Lexicon, Topic
from bot.factbase import FactBase, fold
from bot.index_keys import Keys, Row, document_keys, folded_keys
from bot.lending import lend_by_identity
from bot.models import Document
from bot.person_rows import PersonEntry

_SECOND, _FOURTH = itemgetter(1), itemgetter(3)
_COUNTRY, _PARTY, _ACTORS = attrgetter("country"), attrgetter("party"), attrgetter("actors")


def office_pool(
    entries: Sequence[PersonEntry], lent: Keys | None, lent_held: tuple[int, ...] | None
) -> tuple[Keys, tuple[int, ...]]:
    """Each office current holders hold: its name, its synonyms, the holders' wording of it
    ('Outside' for Foreign Affairs), one row per office in order of first holder; and the ids
    of the distinct (office, keys) tuples it was built from.

    `lent` (the previous pool) is taken as it is when `lent_held` (its tuples' ids) is the same:
    the same holdings in the same order (both indexes hold the tuples, so an id names one).
    """
    held = list(filter(None, map(_FOURTH, entries)))
    distinct = dict(zip(map(id, held), held, strict=True))  # one tuple per (offices, roles)
    held_ids = tuple(distinct)
    if lent is not None and lent_held == held_ids:
        return lent, held_ids
    keys: dict[str, dict[str, None]] = {}
    for pairs in distinct.values():
        for office, folded in pairs:
            keys.setdefault(office, {}).update(dict.fromkeys(folded))
    rows = [(office, office, tuple(k)) for office, k in keys.items()]
    return Keys(rows, lent), held_ids


def document_pool(
    documents: Sequence[Document],
    lent_rows: dict[int, tuple[Document, Row]] | None,
    lent: Keys | None,
) -> tuple[Keys, dict[int, tuple[Document, Row]]]:
    """Documents by id and title, and each document's row by id(document): a document the
    merge kept as the very same object takes its row from `lent_rows`."""
    found, rows = lend_by_identity(documents, lent_rows, _document_row)
    return Keys(list(map(_SECOND, found)), lent), rows


def _document_row(d: Document) -> tuple[Document, Row]:
    return d, (d.id, d.title, document_keys(d.id, d.title))


def topic_pool(topics: Iterable[Topic]) -> Keys:
    """Topics by their terms: 'wind power' finds the energy topic."""
    return Keys([(t.slug, t.slug, folded_keys(t.terms)) for t in topics])


def country_pool(names: Iterable[str], lexicon: Lexicon) -> Keys:
    """The countries named, each by its name and the lexicon's aliases and demonyms."""
    known = {c.name: c for c in reversed(lexicon.countries)}
    rows = []
    for name in names:
        c = known.get(name)
        rows.append((name, name, folded_keys((name, *(c.aliases + c.demonyms if c else ())))))
    return Keys(rows)


def all_country_pool(lexicon: Lexicon) -> Keys:
    """Every country the lexicon knows, so `quotes china` finds China though no one in the
    documents is Chinese."""
    return Keys(
        [
            (c.name, c.name, folded_keys((c.name, *c.aliases, *c.demonyms)))
            for c in lexicon.countries
        ]
    )


def party_pool(parties: Iterable[str], lexicon: Lexicon) -> Keys:
    """The parties named, each by its name and the aliases the lexicon's party list gives."""
    return Keys([(p, p, folded_keys((p, *party_aliases(p, lexicon)))) for p in parties])


def party_aliases(party: str, lexicon: Lexicon) -> tuple[str, ...]:
    for entry in lexicon.words.get("parties") or ():
        if isinstance(entry, dict) and fold(str(entry.get("name", ""))) == fold(party):
            return tuple(str(a) for a in entry.get("aliases") or ())
    return ()


def countries_seen(facts: FactBase) -> tuple[str, ...]:
    """Countries the facts mention (people's countries, then commitment actors), in order."""
    return facts.countries_seen[0]


def parties_seen(facts: FactBase) -> tuple[str, ...]:
    """Parties of the people, in order of first member."""
    return facts.parties_seen[0]
