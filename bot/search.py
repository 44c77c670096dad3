"""FactIndex: typo- and synonym-tolerant lookup of people, topics, documents and sentences.

Built once per generation (off the event loop) and frozen with it, from what extraction stored
with each document (sentences, their words, each quote's topics). Lookups go through
rapidfuzz's C scorers over flat lists of keys folded once, so a query costs one native pass
over the keys, not a call back into Python per key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.extract.lexicon import Topic
from bot.factbase import fold
from bot.index_keys import Keys
from bot.index_tables import IndexTables
from bot.models import Document, Person, Quote, Source

# "Did you mean" needs at least this similarity (rapidfuzz 0-100), whatever bot.yaml says: at 55
# 'bananas' suggested 'Annalena' and 'france' suggested 'finance'.
SUGGEST_FLOOR = 72


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the sentence, where it is, and how well it matched."""

    source: Source
    score: float


class FactIndex(IndexTables):
    """Everything the answers look up, derived from one FactBase (tables: IndexTables).

    `FactIndex(facts, lexicon, fuzzy)` builds each table on first use; `.prepare()` builds them
    all now. Example: `FactIndex(facts, lexicon, fuzzy).prepare().find_people('scholz')`.
    """

    def find_people(self, query: str, limit: int = 5) -> list[tuple[Person, float]]:
        """People by name, surname, alias (typos allowed); then by role if no name matches."""
        ranked = self.persons.people.rank(query, self.fuzzy.person, limit)
        if not ranked:
            ranked = self.persons.roles.rank(query, max(self.fuzzy.person, 85), limit)
        return [(self.facts.person_by_id[pid], s) for pid, s in ranked]

    def find_topics(self, query: str) -> list[tuple[Topic, float]]:
        ranked = self._topics.rank(query, self.fuzzy.topic)
        return [(self.facts.topic_by_slug[slug], s) for slug, s in ranked]

    def find_documents(self, query: str) -> list[tuple[Document, float]]:
        q = fold(query)
        exact = [d for d in self.facts.documents if d.id == q]
        if exact:
            return [(exact[0], 100.0)]
        ranked = self._documents.rank(query, self.fuzzy.document)
        if not ranked:
            hits = process.extract(
                q,
                {d.id: fold(d.title) for d in self.facts.documents},
                scorer=fuzz.WRatio,
                score_cutoff=self.fuzzy.document,
                limit=5,
            )
            ranked = [(doc_id, score) for _title, score, doc_id in hits]
        return [(self.facts.document_by_id[i], s) for i, s in ranked]

    def find_countries(self, query: str) -> list[tuple[str, float]]:
        return self._countries.rank(query, self.fuzzy.topic)

    def find_parties(self, query: str) -> list[tuple[str, float]]:
        return self._parties.rank(query, self.fuzzy.topic)

    def pool(self, kind: str) -> Keys:
        """The keys of one kind: people, roles (offices), topics, documents, countries, parties.

        'countries' are all the countries the lexicon knows, so `quotes china` finds China
        though no one in the documents is Chinese; 'roles' are the offices people hold, found
        by the office, its synonyms and the document's wording ('Outside', 'Foreign Minister').
        """
        return {
            "people": self.persons.people,
            "roles": self.persons.offices,
            "topics": self._topics,
            "documents": self._documents,
            "countries": self._all_countries,
            "parties": self._parties,
        }[kind]

    def holders(self, office: str) -> list[Person]:
        """Current holders of an office, in the order of the people: 'Defense' → both ministers."""
        return [p for p in self.facts.people if office in p.offices and not p.former]

    def suggest(self, query: str, kinds: Iterable[str] = ("people", "topics")) -> tuple[str, ...]:
        """ "Did you mean" choices of the kinds a command takes, best first; only close ones.

        A choice needs SUGGEST_FLOOR or the configured `suggest` score, whichever is higher,
        so 'bananas' suggests nothing rather than a name that shares four letters with it.
        """
        cutoff = max(self.fuzzy.suggest, SUGGEST_FLOOR)
        scored: list[tuple[float, str]] = []
        for kind in kinds:
            keys = self.pool(kind)
            for owner, score in keys.rank(query, cutoff, 3):
                scored.append((score, keys.labels[owner]))
        scored.sort(key=lambda x: -x[0])
        return tuple(dict.fromkeys(label for _s, label in scored))[:3]

    # -- quotes and commitments by topic -----------------------------------------------------

    def topics_of_quote(self, quote: Quote) -> tuple[str, ...]:
        return self.quote_topics.get((quote.source.doc_id, quote.text), ())

    # -- full-text search over every sentence ------------------------------------------------

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Sentences ranked by how many query words (or near spellings) they hold, rare first."""
        return [Hit(source, score) for source, score in self.text.search(query, limit)]
