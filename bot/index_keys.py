"""Name keys the index searches: flat lists of folded keys scored with rapidfuzz in one call.

A pool (`Keys`) holds (folded key, owner) pairs, people's names and aliases or a topic's terms,
so a query costs one native pass over the keys, not a call back into Python per key. Folding a
key is memoised: the same names and aliases come back every generation.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.folding import words as _words
from bot.models import Document, Person

#: A person with their folded name keys (name, its longer words, aliases) and role keys.
PersonKeys = tuple[Person, tuple[str, ...], tuple[str, ...]]
#: A document with its folded keys (id, title, the title's words).
DocumentKeys = tuple[Document, tuple[str, ...]]


@lru_cache(maxsize=1 << 17)
def key(text: str) -> str:
    """A key as the index compares it: folded, without a trailing '*': 'Olaf Scholz*' → 'olaf
    scholz'."""
    return fold(text).rstrip("*").strip()


@lru_cache(maxsize=1 << 17)
def sorted_words(text: str) -> str:
    """Words in code-point order, as rapidfuzz's token_sort_ratio compares them: 'b a' → 'a b'."""
    return " ".join(sorted(text.split()))


def folded_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """Keys as `Keys` stores them: folded, empty ones left out ('Olaf Scholz*' → 'olaf scholz')."""
    return tuple(k for k in map(key, keys) if k)


def person_keys(p: Person) -> PersonKeys:
    """A person's name keys (name, its longer words, aliases) and role keys, folded."""
    name_words = [w for w in _words(p.name) if len(w) > 2]
    return p, folded_keys((p.name, *name_words, *p.aliases)), folded_keys((*p.roles, *p.offices))


def document_keys(d: Document) -> DocumentKeys:
    """A document's keys: its id, its title and the title's words, folded."""
    return d, folded_keys((d.id, d.title, *_words(d.title)))


class Keys:
    """A flat list of (folded key, owner) pairs searched with rapidfuzz in one call.

    Equal keys are scored once, and each key's word-sorted form is made once, so a query is
    two native `fuzz.ratio` passes: the key as written, and (for word order) the sorted words.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.owners: list[str] = []
        self.labels: dict[str, str] = {}
        self._unique: dict[str, list[int]] = {}  # key → its positions in `keys`

    def add(self, owner: str, label: str, keys: Iterable[str]) -> Keys:
        """Add one owner's keys as written (folded here); returns the pool, for chaining."""
        self.extend(((owner, label, folded_keys(keys)),))
        return self

    def extend(self, rows: Iterable[tuple[str, str, tuple[str, ...]]]) -> Keys:
        """Add (owner, label, keys already folded by `folded_keys`) rows in one pass."""
        keys, owners, labels, unique = self.keys, self.owners, self.labels, self._unique
        for owner, label, folded in rows:
            labels.setdefault(owner, label)
            for k in folded:
                unique.setdefault(k, []).append(len(keys))
                keys.append(k)
                owners.append(owner)
        return self

    @cached_property
    def prepared(self) -> tuple[list[str], list[list[int]], list[str], list[int], list[str]]:
        """Unique keys, their positions, their sorted-word forms, and which have two words."""
        unique = list(self._unique)
        sorted_forms = [sorted_words(k) for k in unique]
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
        unique, _positions, sorted_forms, spaced, spaced_forms = self.prepared
        best = {
            i: score
            for _k, score, i in process.extract(
                query, unique, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            )
        }
        two_words = " " in query
        for _k, score, j in process.extract(
            sorted_words(query),
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
        positions = self.prepared[1]
        scored = sorted(
            (-score, at) for i, score in self.scores(q, cutoff).items() for at in positions[i]
        )
        best: dict[str, float] = {}
        for negative, at in scored:
            owner = self.owners[at]
            if -negative > best.get(owner, -1):
                best[owner] = -negative
        return sorted(best.items(), key=lambda kv: -kv[1])[:limit]
