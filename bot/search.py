"""FactIndex: typo- and synonym-tolerant lookup of people, topics, documents and sentences.

Built once per generation (off the event loop) and frozen with it, from what extraction stored
with each document (sentences, their words, each quote's topics). Lookups go through
rapidfuzz's C scorers over flat lists of keys folded once, so a query costs one native pass
over the keys, not a call back into Python per key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process

from bot.config import FuzzySettings
from bot.extract.lexicon import Lexicon, Topic
from bot.extract.topics import classify_topics
from bot.factbase import FactBase, fold
from bot.folding import words as _words
from bot.lookups import AnswerLookups, canonical_role
from bot.models import Document, Person, Quote, Source
from bot.text_index import TextIndex

# "Did you mean" needs at least this similarity (rapidfuzz 0-100), whatever bot.yaml says: at 55
# 'bananas' suggested 'Annalena' and 'france' suggested 'finance'.
SUGGEST_FLOOR = 72


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the sentence, where it is, and how well it matched."""

    source: Source
    score: float


@lru_cache(maxsize=1 << 17)
def _key(text: str) -> str:
    """A key as the index compares it: folded, without a trailing '*' (memoised: the same names
    and aliases come back every generation)."""
    return fold(text).rstrip("*").strip()


@lru_cache(maxsize=1 << 17)
def _sorted_words(text: str) -> str:
    """Words in code-point order, as rapidfuzz's token_sort_ratio compares them: 'b a' → 'a b'."""
    return " ".join(sorted(text.split()))


def folded_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """Keys as _Keys stores them: folded, empty ones left out ('Olaf Scholz*' → 'olaf scholz')."""
    return tuple(k for k in map(_key, keys) if k)


def _person_keys(p: Person) -> tuple[Person, tuple[str, ...], tuple[str, ...]]:
    """A person's name keys (name, its longer words, aliases) and role keys, folded."""
    name_words = [w for w in _words(p.name) if len(w) > 2]
    return p, folded_keys((p.name, *name_words, *p.aliases)), folded_keys((*p.roles, *p.offices))


class _Keys:
    """A flat list of (folded key, owner) pairs searched with rapidfuzz in one call.

    Equal keys are scored once, and each key's word-sorted form is made once, so a query is
    two native `fuzz.ratio` passes: the key as written, and (for word order) the sorted words.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.owners: list[str] = []
        self.labels: dict[str, str] = {}
        self._unique: dict[str, list[int]] = {}  # key → its positions in `keys`

    def add(self, owner: str, label: str, keys: Iterable[str]) -> None:
        self.labels.setdefault(owner, label)
        for key in keys:
            k = _key(key)
            if k:
                self._unique.setdefault(k, []).append(len(self.keys))
                self.keys.append(k)
                self.owners.append(owner)

    def extend(self, rows: Iterable[tuple[str, str, tuple[str, ...]]]) -> None:
        """Add (owner, label, keys already folded by `folded_keys`) rows in one pass."""
        keys, owners, labels, unique = self.keys, self.owners, self.labels, self._unique
        for owner, label, folded in rows:
            labels.setdefault(owner, label)
            for k in folded:
                unique.setdefault(k, []).append(len(keys))
                keys.append(k)
                owners.append(owner)

    @cached_property
    def _prepared(self) -> tuple[list[str], list[list[int]], list[str], list[int], list[str]]:
        """Unique keys, their positions, their sorted-word forms, and which have two words."""
        unique = list(self._unique)
        sorted_forms = [_sorted_words(k) for k in unique]
        spaced = [i for i, k in enumerate(unique) if " " in k]
        return (
            unique,
            list(self._unique.values()),
            sorted_forms,
            spaced,
            [sorted_forms[i] for i in spaced],
        )

    def scores(self, query: str, cutoff: float) -> dict[int, float]:
        """Unique-key number → whole-key similarity, for keys scoring at least `cutoff`.

        Similarity is fuzz.ratio; when query or key has two words, also the ratio of their
        words sorted (token_sort_ratio), so 'minister defense' matches 'defense minister'.
        """
        unique, _positions, sorted_forms, spaced, spaced_forms = self._prepared
        best = {
            i: score
            for _k, score, i in process.extract(
                query, unique, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            )
        }
        two_words = " " in query
        for _k, score, j in process.extract(
            _sorted_words(query),
            sorted_forms if two_words else spaced_forms,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=cutoff,
            limit=None,
        ):
            i = j if two_words else spaced[j]
            if score > best.get(i, -1):
                best[i] = score
        return best

    def exact(self, query: str) -> list[str]:
        """Owners with a key equal to the folded query (a name, synonym or alias as typed)."""
        positions = self._unique.get(fold(query).strip(), ())
        return list(dict.fromkeys(self.owners[i] for i in positions))

    def rank(self, query: str, cutoff: float, limit: int = 10) -> list[tuple[str, float]]:
        """Owners best first, each with its best key score (>= cutoff)."""
        q = fold(query)
        if not q or not self.keys:
            return []
        positions = self._prepared[1]
        scored = sorted(
            (-score, at) for i, score in self.scores(q, cutoff).items() for at in positions[i]
        )
        best: dict[str, float] = {}
        for negative, at in scored:
            owner = self.owners[at]
            if -negative > best.get(owner, -1):
                best[owner] = -negative
        return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


class FactIndex:
    """Everything the answers look up, derived from one FactBase."""

    def __init__(
        self,
        facts: FactBase,
        lexicon: Lexicon,
        fuzzy: FuzzySettings,
        *,
        previous: FactIndex | None = None,
    ) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.fuzzy = fuzzy
        # A person's folded keys are kept by person, and a person the merge left as it was (the
        # same object) lends them to the next generation's index.
        lent = previous._person_keys if previous is not None else {}
        entries = []
        for p in facts.people:
            entry = lent.get(id(p))
            entries.append(entry if entry is not None and entry[0] is p else _person_keys(p))
        self._person_keys = {id(e[0]): e for e in entries}
        self._people = _Keys()
        self._people.extend((p.id, p.name, n) for p, n, _r in entries)
        self._roles = _Keys()
        self._roles.extend((p.id, p.name, r) for p, _n, r in entries)
        self._topics = _Keys()
        for t in facts.topics:
            self._topics.add(t.slug, t.slug, t.terms)
        lent_documents = previous._document_keys if previous is not None else {}
        documents = []
        for d in facts.documents:
            kept = lent_documents.get(id(d))
            documents.append(
                kept
                if kept is not None and kept[0] is d
                else (d, folded_keys((d.id, d.title, *_words(d.title))))
            )
        self._document_keys = {id(d): (d, keys) for d, keys in documents}
        self._documents = _Keys()
        self._documents.extend((d.id, d.title, keys) for d, keys in documents)
        self._countries = _Keys()
        for name in self.countries():
            c = next((c for c in lexicon.countries if c.name == name), None)
            self._countries.add(name, name, (name, *(c.aliases + c.demonyms if c else ())))
        self._parties = _Keys()
        for party in self.parties():
            self._parties.add(party, party, (party, *self._party_aliases(party)))
        self._offices = _Keys()
        synonyms = {fold(p.name): p.synonyms for p in lexicon.portfolios}
        for p in facts.people:
            if p.former:
                continue
            for office in p.offices:
                self._offices.add(office, office, (office, *synonyms.get(fold(office), ())))
            for role in p.roles:
                office = canonical_role(lexicon, role)
                if office in p.offices:
                    self._offices.add(office, office, (role,))
        self._all_countries = _Keys()
        for c in lexicon.countries:
            self._all_countries.add(c.name, c.name, (c.name, *c.aliases, *c.demonyms))
        self.quote_topics = _quote_topics(facts, lexicon)
        self.text = TextIndex(
            facts.per_document, previous.text if previous is not None else None
        ).prepare()
        for keys in (self._people, self._roles, self._topics, self._documents, self._offices):
            _ = keys._prepared
        self.lookups.prepare()

    @cached_property
    def lookups(self) -> AnswerLookups:
        """Per-generation tables for answers: government, quotes by person, commitment words."""
        return AnswerLookups(
            self.facts.people, self.facts.quotes, self.facts.commitments, self.lexicon
        )

    # -- people, topics, documents -----------------------------------------------------------

    def find_people(self, query: str, limit: int = 5) -> list[tuple[Person, float]]:
        """People by name, surname, alias (typos allowed); then by role if no name matches."""
        ranked = self._people.rank(query, self.fuzzy.person, limit)
        if not ranked:
            ranked = self._roles.rank(query, max(self.fuzzy.person, 85), limit)
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

    def pool(self, kind: str) -> _Keys:
        """The keys of one kind: people, roles (offices), topics, documents, countries, parties.

        'countries' are all the countries the lexicon knows, so `quotes china` finds China
        though no one in the documents is Chinese; 'roles' are the offices people hold, found
        by the office, its synonyms and the document's wording ('Outside', 'Foreign Minister').
        """
        return {
            "people": self._people,
            "roles": self._offices,
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


def _quote_topics(facts: FactBase, lexicon: Lexicon) -> dict[tuple[str, str], tuple[str, ...]]:
    """(document id, quote text) → topics, as extraction stored them.

    A quote a correction rewrote, or one from a document stored without topics, is classified
    here, from the quote and its sentence, as extraction would have.
    """
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
