"""The tables a FactIndex answers from, each built from one FactBase on first use.

Building every table of a thousand documents takes about a second; an answer needs one or two
of them (`ministers` reads the government list, `search` the sentence index). So each table is
built when first asked for, and `prepare()` builds them all at once where that is wanted: off
the event loop, before a new generation goes live. `previous` (the live generation's index)
lends the parts of its tables that did not change: a person, a document or a document's
sentences the merge kept as the very same object.
"""

from __future__ import annotations

from functools import cached_property
from typing import Self

from bot.config import FuzzySettings
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, fold
from bot.index_keys import DocumentKeys, Keys, PersonKeys, document_keys, person_keys
from bot.lookups import AnswerLookups, canonical_role
from bot.text_index import TextIndex

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
        self._previous = previous  # lends its tables' unchanged parts; dropped by prepare()

    def prepare(self) -> Self:
        """Build every table now (off the event loop, in the service), not on first use."""
        for name in _TABLES:
            getattr(self, name)
        for keys in (self._people, self._roles, self._topics, self._documents, self._offices):
            _ = keys.prepared
        self.lookups.prepare()
        self._previous = None
        return self

    def _lent(self, table: str) -> dict[int, tuple]:
        """Entries of a table the previous index built (by object id), to be lent; a table it
        never built is not built for lending."""
        built = self._previous.__dict__.get(table, ()) if self._previous is not None else ()
        return {id(entry[0]): entry for entry in built}

    @cached_property
    def _person_keys(self) -> tuple[PersonKeys, ...]:
        """Each person's folded keys; a person the merge left as it was (the same object)
        borrows them from the previous generation's index."""
        lent = self._lent("_person_keys")
        return tuple(
            kept if (kept := lent.get(id(p))) is not None and kept[0] is p else person_keys(p)
            for p in self.facts.people
        )

    @cached_property
    def _people(self) -> Keys:
        return Keys().extend((p.id, p.name, n) for p, n, _r in self._person_keys)

    @cached_property
    def _roles(self) -> Keys:
        return Keys().extend((p.id, p.name, r) for p, _n, r in self._person_keys)

    @cached_property
    def _topics(self) -> Keys:
        keys = Keys()
        for t in self.facts.topics:
            keys.add(t.slug, t.slug, t.terms)
        return keys

    @cached_property
    def _document_keys(self) -> tuple[DocumentKeys, ...]:
        lent = self._lent("_document_keys")
        return tuple(
            kept if (kept := lent.get(id(d))) is not None and kept[0] is d else document_keys(d)
            for d in self.facts.documents
        )

    @cached_property
    def _documents(self) -> Keys:
        return Keys().extend((d.id, d.title, keys) for d, keys in self._document_keys)

    @cached_property
    def _countries(self) -> Keys:
        keys = Keys()
        for name in self.countries():
            c = next((c for c in self.lexicon.countries if c.name == name), None)
            keys.add(name, name, (name, *(c.aliases + c.demonyms if c else ())))
        return keys

    @cached_property
    def _parties(self) -> Keys:
        keys = Keys()
        for party in self.parties():
            keys.add(party, party, (party, *self._party_aliases(party)))
        return keys

    @cached_property
    def _offices(self) -> Keys:
        keys = Keys()
        synonyms = {fold(p.name): p.synonyms for p in self.lexicon.portfolios}
        for p in self.facts.people:
            if p.former:
                continue
            for office in p.offices:
                keys.add(office, office, (office, *synonyms.get(fold(office), ())))
            for role in p.roles:
                office = canonical_role(self.lexicon, role)
                if office in p.offices:
                    keys.add(office, office, (role,))
        return keys

    @cached_property
    def _all_countries(self) -> Keys:
        keys = Keys()
        for c in self.lexicon.countries:
            keys.add(c.name, c.name, (c.name, *c.aliases, *c.demonyms))
        return keys

    @cached_property
    def quote_topics(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(document id, quote text) → topics (see `_quote_topics`)."""
        return _quote_topics(self.facts, self.lexicon)

    @cached_property
    def text(self) -> TextIndex:
        """Every sentence, for `search`; the previous index lends unchanged documents' parts."""
        lent = self._previous.__dict__.get("text") if self._previous is not None else None
        return TextIndex(self.facts.per_document, lent).prepare()

    @cached_property
    def lookups(self) -> AnswerLookups:
        """Per-generation tables for answers: government, quotes by person, commitment words."""
        return AnswerLookups.of(self.facts, self.lexicon)

    def countries(self) -> list[str]:
        """Countries the facts mention (people's countries and commitment actors), in order."""
        return list(self._countries_seen)

    @cached_property
    def _countries_seen(self) -> tuple[str, ...]:
        seen = dict.fromkeys(p.country for p in self.facts.people if p.country)
        seen.update(dict.fromkeys(a for c in self.facts.commitments for a in c.actors))
        return tuple(seen)

    def parties(self) -> list[str]:
        return list(self._parties_seen)

    @cached_property
    def _parties_seen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.party for p in self.facts.people if p.party))

    def _party_aliases(self, party: str) -> tuple[str, ...]:
        for entry in self.lexicon.words.get("parties") or ():
            if isinstance(entry, dict) and fold(str(entry.get("name", ""))) == fold(party):
                return tuple(str(a) for a in entry.get("aliases") or ())
        return ()


def _quote_topics(facts: FactBase, lexicon: Lexicon) -> dict[tuple[str, str], tuple[str, ...]]:
    """(document id, quote text) → topics, as extraction stored them.

    A quote a correction rewrote, or one from a document stored without topics, is classified
    here, from the quote and its sentence, as extraction would have.
    """
    from bot.extract.topics import classify_topics  # only for facts stored without topics

    stored: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for f in facts.per_document:
        if len(f.quote_topics) == len(f.quotes):
            for q, topics in zip(f.quotes, f.quote_topics, strict=True):
                stored[(q.source.doc_id, q.text, q.source.sentence)] = topics
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for q in facts.quotes:
        topics = stored.get((q.source.doc_id, q.text, q.source.sentence))
        if topics is None:
            topics = classify_topics(f"{q.text} {q.source.sentence}", lexicon)
        out[(q.source.doc_id, q.text)] = topics
    return out
