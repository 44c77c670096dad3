"""FactIndex: typo- and synonym-tolerant lookup of people, topics, documents and sentences.

Built once per generation (off the event loop) and frozen with it. Lookups go through
rapidfuzz's C scorers over flat lists of keys, so a query costs one pass over the keys, not a
Python loop over every fact.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.config import FuzzySettings
from bot.extract.lexicon import Lexicon, Topic
from bot.extract.text import segment
from bot.extract.topics import classify_topics
from bot.factbase import FactBase, fold
from bot.models import Document, Person, Quote, Source

_WORD_RE = re.compile(r"[\w'’-]+")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the their "
    "they this to was were which will with who what when where how do does did".split()
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the sentence, where it is, and how well it matched."""

    source: Source
    score: float


def _words(text: str) -> list[str]:
    return [w.strip("'’-") for w in _WORD_RE.findall(fold(text)) if w.strip("'’-")]


def _key_score(query: str, key: str, *_: object, **__: object) -> float:
    """Whole-key similarity; multi-word queries may match in any order ("minister defense")."""
    score = fuzz.ratio(query, key)
    if " " in query or " " in key:
        score = max(score, fuzz.token_sort_ratio(query, key))
    return score


class _Keys:
    """A flat list of (folded key, owner) pairs searched with rapidfuzz in one call."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.owners: list[str] = []
        self.labels: dict[str, str] = {}

    def add(self, owner: str, label: str, keys: Iterable[str]) -> None:
        self.labels.setdefault(owner, label)
        for key in keys:
            k = fold(key).rstrip("*").strip()
            if k:
                self.keys.append(k)
                self.owners.append(owner)

    def rank(self, query: str, cutoff: float, limit: int = 10) -> list[tuple[str, float]]:
        """Owners best first, each with its best key score (>= cutoff)."""
        q = fold(query)
        if not q or not self.keys:
            return []
        best: dict[str, float] = {}
        hits = process.extract(
            q, self.keys, scorer=_key_score, score_cutoff=cutoff, limit=len(self.keys)
        )
        for _key, score, i in hits:
            owner = self.owners[i]
            if score > best.get(owner, -1):
                best[owner] = score
        return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


class FactIndex:
    """Everything the answers look up, derived from one FactBase."""

    def __init__(self, facts: FactBase, lexicon: Lexicon, fuzzy: FuzzySettings) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.fuzzy = fuzzy
        self._people = _Keys()
        for p in facts.people:
            name_words = [w for w in _words(p.name) if len(w) > 2]
            self._people.add(p.id, p.name, (p.name, *name_words, *p.aliases))
        self._roles = _Keys()
        for p in facts.people:
            self._roles.add(p.id, p.name, (*p.roles, *p.offices))
        self._topics = _Keys()
        for t in facts.topics:
            self._topics.add(t.slug, t.slug, t.terms)
        self._documents = _Keys()
        for d in facts.documents:
            self._documents.add(d.id, d.title, (d.id, d.title, *(_words(d.title))))
        self._countries = _Keys()
        for name in self.countries():
            c = next((c for c in lexicon.countries if c.name == name), None)
            self._countries.add(name, name, (name, *(c.aliases + c.demonyms if c else ())))
        self._parties = _Keys()
        for party in self.parties():
            self._parties.add(party, party, (party, *self._party_aliases(party)))
        self.quote_topics: dict[tuple[str, str], tuple[str, ...]] = {
            (q.source.doc_id, q.text): classify_topics(f"{q.text} {q.source.sentence}", lexicon)
            for q in facts.quotes
        }
        self._build_text_index()

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
        seen = dict.fromkeys(p.country for p in self.facts.people if p.country)
        seen.update(dict.fromkeys(a for c in self.facts.commitments for a in c.actors))
        return list(seen)

    def parties(self) -> list[str]:
        return list(dict.fromkeys(p.party for p in self.facts.people if p.party))

    def _party_aliases(self, party: str) -> tuple[str, ...]:
        for entry in self.lexicon.words.get("parties") or ():
            if isinstance(entry, dict) and fold(str(entry.get("name", ""))) == fold(party):
                return tuple(str(a) for a in entry.get("aliases") or ())
        return ()

    def suggest(self, query: str, kinds: Iterable[str] = ("people", "topics")) -> tuple[str, ...]:
        """ "Did you mean" choices: the closest names, topics or documents, best first."""
        pools = {
            "people": self._people,
            "roles": self._roles,
            "topics": self._topics,
            "documents": self._documents,
            "countries": self._countries,
            "parties": self._parties,
        }
        scored: list[tuple[float, str]] = []
        for kind in kinds:
            keys = pools[kind]
            for owner, score in keys.rank(query, self.fuzzy.suggest, 3):
                scored.append((score, keys.labels[owner]))
        scored.sort(key=lambda x: -x[0])
        return tuple(dict.fromkeys(label for _s, label in scored))[:3]

    # -- quotes and commitments by topic -----------------------------------------------------

    def topics_of_quote(self, quote: Quote) -> tuple[str, ...]:
        return self.quote_topics.get((quote.source.doc_id, quote.text), ())

    # -- full-text search over every sentence ------------------------------------------------

    def _build_text_index(self) -> None:
        self.sentences: list[Source] = []
        postings: dict[str, set[int]] = defaultdict(set)
        for doc in self.facts.documents:
            for para in segment(doc.text):
                for s in para.sentences:
                    i = len(self.sentences)
                    self.sentences.append(Source(doc.id, para.number, s.text))
                    for w in _words(s.text):
                        if w not in _STOPWORDS:
                            postings[w].add(i)
        self._postings = {w: frozenset(ids) for w, ids in postings.items()}
        self._vocabulary = list(self._postings)

    def _expand(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary words close to a query word: itself, its typos' fixes, its stem's kin."""
        out = [(word, 1.0)] if word in self._postings else []
        if len(word) >= 4:
            for cand, score, _i in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=80, limit=5
            ):
                if cand != word:
                    out.append((cand, score / 100 * 0.9))
            out += [(v, 0.8) for v in self._vocabulary if v.startswith(word) and len(word) >= 5][
                :10
            ]
        return out

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Sentences ranked by how many query words (or near spellings) they hold, rare first."""
        words = [w for w in _words(query) if w not in _STOPWORDS]
        if not words:
            return []
        n = max(len(self.sentences), 1)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for word in dict.fromkeys(words):
            best: dict[int, float] = {}
            for cand, weight in self._expand(word):
                ids = self._postings[cand]
                idf = math.log(1 + n / len(ids))
                for i in ids:
                    best[i] = max(best.get(i, 0.0), weight * idf)
            for i, s in best.items():
                scores[i] += s
                matched[i] += 1
        ranked = sorted(scores, key=lambda i: (-matched[i], -scores[i], i))
        return [Hit(self.sentences[i], round(scores[i], 3)) for i in ranked[:limit]]
