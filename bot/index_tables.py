"""The tables a FactIndex answers from, each built from one FactBase on first use.

Building every table of a thousand documents takes about a second; an answer needs one or two
of them (`ministers` reads the government list, `search` the sentence index). So each table is
built when first asked for, and `prepare()` builds them all at once where that is wanted: off
the event loop, before a new generation goes live. `previous` (the live generation's index)
lends the parts of its tables that did not change: the rows of a person, a document or a
document's sentences the merge kept as the very same object (or an equal person in a new
object), and a whole table whose inputs are the same; a name pool with a few changed rows is
the previous pool's tables patched for those rows. So a reload that changed one document of a
thousand works out that document's entries and makes native passes over the rest. An index of
another lexicon lends nothing (keys, offices and topics are read through the lexicon).
"""

from __future__ import annotations

from functools import cached_property, partial
from itertools import chain, compress
from operator import attrgetter, is_, itemgetter
from typing import Any, Self

from bot.config import FuzzySettings
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, fold
from bot.index_keys import Keys, Row, document_keys, folded_keys, name_keys, role_keys
from bot.lending import lend_by_identity
from bot.lookups import AnswerLookups, canonical_role
from bot.models import DocumentFacts, Person, Quote
from bot.text_index import TextIndex

_SECOND, _THIRD, _FOURTH = itemgetter(1), itemgetter(2), itemgetter(3)
#: A person, their rows in the name and role pools, and (office, keys) for the offices pool.
_PersonEntry = tuple[Person, Row, Row, tuple[tuple[str, tuple[str, ...]], ...]]
_FIRST = itemgetter(0)
_COUNTRY, _PARTY, _ACTORS = attrgetter("country"), attrgetter("party"), attrgetter("actors")
_MISSING = partial(is_, None)
_QUOTE_KEY = (attrgetter("source.doc_id"), attrgetter("text"), attrgetter("source.sentence"))

#: The tables `prepare` builds.
_TABLES = (
    "_people",
    "_roles",
    "_topics",
    "_documents",
    "_countries",
    "_parties",
    "_offices",
    "_all_countries",
    "quote_topics",
    "text",
    "lookups",
)


class IndexTables:
    """Name pools, quote topics, the sentence index and the answers' lookups of one FactBase."""

    def __init__(
        self,
        facts: FactBase,
        lexicon: Lexicon,
        fuzzy: FuzzySettings,
        *,
        previous: IndexTables | None = None,
    ) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.fuzzy = fuzzy
        # lends its tables' unchanged parts (dropped by prepare()); an index of another lexicon
        # lends nothing, since keys, offices and topics are read through the lexicon
        self._previous = previous if previous is not None and previous.lexicon is lexicon else None

    def prepare(self) -> Self:
        """Build every table now (off the event loop, in the service), not on first use."""
        for name in _TABLES:
            getattr(self, name)
        for keys in (self._people, self._roles, self._topics, self._documents, self._offices):
            keys.prepare()
        self.lookups.prepare()
        facts = self.facts  # the fact base's own lookups, so no answer builds one on the loop
        for name in ("person_by_id", "document_by_id", "topic_by_slug", "counts_by_document"):
            getattr(facts, name)
        self._previous = None
        return self

    def _lent(self, table: str) -> Any:
        """A table the previous index built, or None; a table it never built is not built for
        lending."""
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def _person_entries(self) -> list[_PersonEntry]:
        """Each person's rows in the name, role and office pools; a person the merge kept as
        the very same object takes them from the previous index."""
        found, self.__dict__["_person_lent"] = lend_by_identity(
            self.facts.people, self._lent("_person_lent"), self._person_entry
        )
        return found

    def _person_entry(self, p: Person) -> _PersonEntry:
        """A person's rows; the rows of an equal person of the previous index (same id, names
        and roles) are taken as they are, so the pools see no change."""
        old = self._previous_entry(p.id)
        if old is not None and _same_keys(old[0], p):
            return p, old[1], old[2], old[3]
        offices = ()
        if p.offices and not p.former:
            offices = self._office_memo.get((p.offices, p.roles))
            if offices is None:
                offices = self._office_memo[(p.offices, p.roles)] = self._office_keys(
                    p.offices, p.roles
                )
        names, roles = name_keys(p.name, p.aliases), role_keys(p.roles, p.offices)
        return p, (p.id, p.name, names), (p.id, p.name, roles), offices

    def _previous_entry(self, person_id: str) -> _PersonEntry | None:
        """The previous index's entry of the person with this id (read through its facts'
        `person_by_id`, which its answers have built), or None."""
        previous = self._previous
        lent = self._lent("_person_lent")
        if previous is None or lent is None:
            return None
        person = previous.facts.person_by_id.get(person_id)
        return lent.get(id(person)) if person is not None else None

    @cached_property
    def _office_memo(self) -> dict[tuple[tuple[str, ...], tuple[str, ...]], tuple]:
        """(offices, roles) → their (office, keys) pairs, one tuple for all holders; shared
        with the next index of the same lexicon (a few hundred distinct pairs)."""
        lent = self._lent("_office_memo")
        return lent if lent is not None else {}

    @cached_property
    def _people(self) -> Keys:
        return Keys(list(map(_SECOND, self._person_entries)), self._lent("_people"))

    @cached_property
    def _roles(self) -> Keys:
        return Keys(list(map(_THIRD, self._person_entries)), self._lent("_roles"))

    @cached_property
    def _topics(self) -> Keys:
        lent = self._lent("_topics")
        if lent is not None and self._previous.facts.topics == self.facts.topics:  # type: ignore[union-attr]
            return lent
        return Keys([(t.slug, t.slug, folded_keys(t.terms)) for t in self.facts.topics])

    @cached_property
    def _documents(self) -> Keys:
        found, self.__dict__["_document_lent"] = lend_by_identity(
            self.facts.documents,
            self._lent("_document_lent"),
            lambda d: (d, (d.id, d.title, document_keys(d.id, d.title))),
        )
        return Keys(list(map(_SECOND, found)), self._lent("_documents"))

    @cached_property
    def _countries(self) -> Keys:
        lent = self._lent("_countries")
        if lent is not None and self._previous._countries_seen == self._countries_seen:  # type: ignore[union-attr]
            return lent
        known = {c.name: c for c in reversed(self.lexicon.countries)}
        rows = []
        for name in self.countries():
            c = known.get(name)
            rows.append((name, name, folded_keys((name, *(c.aliases + c.demonyms if c else ())))))
        return Keys(rows)

    @cached_property
    def _parties(self) -> Keys:
        lent = self._lent("_parties")
        if lent is not None and self._previous._parties_seen == self._parties_seen:  # type: ignore[union-attr]
            return lent
        return Keys([(p, p, folded_keys((p, *self._party_aliases(p)))) for p in self.parties()])

    @cached_property
    def _offices(self) -> Keys:
        """Each office current holders hold: its name, its synonyms, the holders' wording of
        it ('Outside' for Foreign Affairs), one row per office in order of first holder."""
        # each holder's (office, keys) pairs, once each: the same keys in the same order
        held = list(filter(None, map(_FOURTH, self._person_entries)))
        distinct = dict(zip(map(id, held), held, strict=True))  # one tuple per (offices, roles)
        self.__dict__["_offices_held"] = held_ids = tuple(distinct)
        lent = self._lent("_offices")
        if lent is not None and self._lent("_offices_held") == held_ids:
            return lent  # the same holdings in the same order (both indexes hold the tuples)
        keys: dict[str, dict[str, None]] = {}
        for pairs in distinct.values():
            for office, folded in pairs:
                keys.setdefault(office, {}).update(dict.fromkeys(folded))
        rows = [(office, office, tuple(k)) for office, k in keys.items()]
        return Keys(rows, self._lent("_offices"))

    def _office_keys(
        self, offices: tuple[str, ...], roles: tuple[str, ...]
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(office, its keys) for one holder: each office with its synonyms, then each role
        wording that reads as one of their offices."""
        synonyms = self._synonyms
        out = [(o, folded_keys((o, *synonyms.get(fold(o), ())))) for o in offices]
        for role in roles:
            office = canonical_role(self.lexicon, role)
            if office in offices:
                out.append((office, folded_keys((role,))))
        return tuple(out)

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        return {fold(p.name): tuple(p.synonyms) for p in self.lexicon.portfolios}

    @cached_property
    def _all_countries(self) -> Keys:
        lent = self._lent("_all_countries")
        if lent is not None:
            return lent
        return Keys(
            [
                (c.name, c.name, folded_keys((c.name, *c.aliases, *c.demonyms)))
                for c in self.lexicon.countries
            ]
        )

    @cached_property
    def quote_topics(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(document id, quote text) → topics (see `_quote_topics`)."""
        before = self._lent("_stored_topics")
        found, now = lend_by_identity(self.facts.per_document, before, _stored_topics)
        self.__dict__["_stored_topics"] = now
        kept, previous = self._lent("quote_topics"), self._previous
        if kept is not None and previous is not None and previous.facts.quotes == self.facts.quotes:
            gone = dict(chain.from_iterable(before[i][1] for i in before.keys() - now.keys()))
            new = dict(chain.from_iterable(now[i][1] for i in now.keys() - before.keys()))
            if gone == new:  # the same quotes with the same stored topics (ids are unique)
                return kept
        stored = dict(chain.from_iterable(map(_SECOND, found)))
        return _quote_topics(self.facts.quotes, stored, self.lexicon)

    @cached_property
    def text(self) -> TextIndex:
        """Every sentence, for `search`; the previous index lends unchanged documents' parts."""
        lent = self._previous.__dict__.get("text") if self._previous is not None else None
        return TextIndex(self.facts.per_document, lent).prepare()

    @cached_property
    def lookups(self) -> AnswerLookups:
        """Per-generation tables for answers: government, quotes by person, commitment words."""
        return AnswerLookups.of(self.facts, self.lexicon, self._lent("lookups"))

    def countries(self) -> list[str]:
        """Countries the facts mention (people's countries and commitment actors), in order."""
        return list(self._countries_seen)

    @cached_property
    def _countries_seen(self) -> tuple[str, ...]:
        seen = dict.fromkeys(map(_COUNTRY, self.facts.people))
        seen.pop(None, None)
        seen.pop("", None)
        seen.update(dict.fromkeys(chain.from_iterable(map(_ACTORS, self.facts.commitments))))
        return tuple(seen)

    def parties(self) -> list[str]:
        return list(self._parties_seen)

    @cached_property
    def _parties_seen(self) -> tuple[str, ...]:
        seen = dict.fromkeys(map(_PARTY, self.facts.people))
        seen.pop(None, None)
        seen.pop("", None)
        return tuple(seen)

    def _party_aliases(self, party: str) -> tuple[str, ...]:
        for entry in self.lexicon.words.get("parties") or ():
            if isinstance(entry, dict) and fold(str(entry.get("name", ""))) == fold(party):
                return tuple(str(a) for a in entry.get("aliases") or ())
        return ()


def _same_keys(a: Person, b: Person) -> bool:
    """Whether two people have the same keys in every pool: id, names, roles, offices."""
    return (
        a.id == b.id
        and a.name == b.name
        and a.aliases == b.aliases
        and a.roles == b.roles
        and a.offices == b.offices
        and a.former == b.former
    )


def _stored_topics(f: DocumentFacts) -> tuple[DocumentFacts, tuple]:
    """A document's ((document id, text, sentence), topics) of each quote, if it stored them."""
    if len(f.quote_topics) != len(f.quotes):
        return f, ()
    return f, tuple(zip(_quote_keys(f.quotes), f.quote_topics, strict=True))


def _quote_topics(
    quotes: tuple[Quote, ...],
    stored: dict[tuple[str, str, str], tuple[str, ...]],
    lexicon: Lexicon,
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(document id, quote text) → topics, as extraction stored them (`stored`).

    A quote a correction rewrote, or one from a document stored without topics, is classified
    here, from the quote and its sentence, as extraction would have.
    """
    from bot.extract.topics import classify_topics  # only for facts stored without topics

    keys = _quote_keys(quotes)
    topics = list(map(stored.get, keys))
    for i in compress(range(len(topics)), map(_MISSING, topics)):
        _doc, text, sentence = keys[i]
        topics[i] = classify_topics(f"{text} {sentence}", lexicon)
    pairs = zip(map(_FIRST, keys), map(_SECOND, keys), strict=True)
    return dict(zip(pairs, topics, strict=True))


def _quote_keys(quotes: tuple[Quote, ...]) -> list[tuple[str, str, str]]:
    """(document id, text, sentence) of each quote."""
    return list(zip(*(map(get, quotes) for get in _QUOTE_KEY), strict=True))
