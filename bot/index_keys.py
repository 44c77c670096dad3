"""Name keys the index searches: folded keys scored with rapidfuzz, a few native calls a query.

A pool (`Keys`) holds rows (owner, label, folded keys): people's names and aliases, a topic's
terms; it ranks owners by their best key (its tables, kept by key length so 'habek' never
reads 'olaf scholz', are bot.key_tables). A pool built with `previous` (the last generation's
pool) copies its tables and patches the rows that differ, so a reload that changed two people
re-keys two people. Folding a key is memoised: the same names and aliases come back every
generation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import chain, repeat
from operator import itemgetter

from bot.folding import fold
from bot.folding import words as _words
from bot.key_tables import KeyTables, Row

__all__ = ["Keys", "Row", "document_keys", "folded_keys", "key", "name_keys", "role_keys"]

_OWNER, _LABEL = itemgetter(0), itemgetter(1)


@lru_cache(maxsize=1 << 17)
def key(text: str) -> str:
    """A key as the index compares it: folded, without a trailing '*': 'Olaf Scholz*' → 'olaf
    scholz'."""
    return fold(text).rstrip("*").strip()


def folded_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """Keys as `Keys` stores them: folded, empty ones left out ('Olaf Scholz*' → 'olaf scholz')."""
    return tuple(k for k in map(key, keys) if k)


@lru_cache(maxsize=1 << 16)
def name_keys(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name keys: the name, its words longer than two letters, the aliases, folded."""
    return folded_keys((name, *(w for w in _words(name) if len(w) > 2), *aliases))


@lru_cache(maxsize=1 << 14)
def document_keys(doc_id: str, title: str) -> tuple[str, ...]:
    """A document's keys: its id, its title and the title's words, folded."""
    return folded_keys((doc_id, title, *_words(title)))


@lru_cache(maxsize=1 << 16)
def role_keys(roles: tuple[str, ...], offices: tuple[str, ...]) -> tuple[str, ...]:
    """A person's role keys: their roles' wording and their offices, folded."""
    return folded_keys((*roles, *offices))


class Keys:
    """Rows (owner, label, folded keys) searched with rapidfuzz, a native call per key length.

    A key's score is fuzz.ratio; when query or key has two words, also the ratio of their
    words sorted (token_sort_ratio), so 'minister defense' matches 'defense minister'. Owners
    rank by their best key's score, then by their first row. Example:
    `Keys([("p1", "Ana Paz", ("ana paz", "paz"))]).rank("pas", 60)` → [("p1", 66.7)].
    """

    def __init__(
        self,
        rows: Sequence[Row] = (),
        previous: Keys | None = None,
        change: tuple[Iterable[Row], Iterable[Row]] | None = None,
    ) -> None:
        """`previous` (the last generation's pool) lends its tables, patched for the rows only
        one of the two pools holds: `change` (the rows out, the rows in) when the caller knows
        them, else found by comparing the rows by identity."""
        self.rows = tuple(rows)
        self._last: tuple[tuple[str, float, int], tuple[tuple[str, float], ...]] | None = None
        if previous is not None and previous.rows == self.rows:  # the same rows: its tables
            self.labels, self._tables = previous.labels, previous._tables
            for lent in ("_by_id", "_order"):
                if lent in previous.__dict__:
                    self.__dict__[lent] = previous.__dict__[lent]
            return
        if previous is not None and change is not None and previous._one_row_each:
            out, into = (set(rows) for rows in change)
            labels = dict(previous.labels)
            for owner, _label, _keys in out - into:
                labels.pop(owner, None)
            for owner, label, _keys in into - out:
                labels[owner] = label
            self.labels: dict[str, str] = labels
            if self._one_row_each:
                self._tables = previous._tables.patched(out, into)
                return
        owners = tuple(map(_OWNER, reversed(self.rows)))
        self.labels = dict(zip(owners, map(_LABEL, reversed(self.rows)), strict=True))
        if previous is not None and previous._one_row_each and self._one_row_each:
            now, before = self._by_id, previous._by_id  # rows by identity: lent rows are the same
            out = {before[i] for i in before.keys() - now.keys()}
            into = {now[i] for i in now.keys() - before.keys()}
            self._tables = previous._tables.patched(out, into)
        else:
            self._tables = KeyTables.of(self.rows)

    @property
    def _one_row_each(self) -> bool:
        return len(self.labels) == len(self.rows)

    @cached_property
    def _order(self) -> dict[str, int]:
        """Each owner's place (its first row): ties rank in this order (worked out on the
        first query of a pool)."""
        owners = tuple(map(_OWNER, reversed(self.rows)))
        return dict(zip(owners, range(len(owners) - 1, -1, -1), strict=True))

    @cached_property
    def _by_id(self) -> dict[int, Row]:
        """Each row by its id (the rows it holds keep their ids from being reused)."""
        return dict(zip(map(id, self.rows), self.rows, strict=True))

    @cached_property
    def keys(self) -> list[str]:
        """Every key, row by row (for tools and tests; queries read the tables by length)."""
        return list(chain.from_iterable(keys for _o, _l, keys in self.rows))

    @cached_property
    def owners(self) -> list[str]:
        """The owner of each of `keys`."""
        return list(chain.from_iterable(repeat(o, len(keys)) for o, _l, keys in self.rows))

    def prepare(self) -> Keys:
        """Make the lists the queries read now (with the index)."""
        self._tables.prepare()
        return self

    def scores(self, query: str, cutoff: float) -> dict[str, float]:
        """Key → its score against the folded query, for keys scoring at least `cutoff`."""
        return self._tables.scores(query, cutoff)

    def exact(self, query: str) -> list[str]:
        """Owners with a key equal to the folded query (a name, synonym or alias as typed)."""
        owners = self._tables.owners_of.get(fold(query).strip(), ())
        return sorted(dict.fromkeys(owners), key=self._order.__getitem__)

    def rank(self, query: str, cutoff: float, limit: int = 10) -> list[tuple[str, float]]:
        """Owners best first, each with its best key score (>= cutoff).

        The last answer is kept: `who` ranks its argument twice (to resolve it, then for ties).
        """
        last = self._last
        if last is not None and last[0] == (query, cutoff, limit):
            return list(last[1])
        found = self._rank(query, cutoff, limit)
        self._last = ((query, cutoff, limit), tuple(found))
        return found

    def _rank(self, query: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        q = fold(query)
        if not q or not self.rows:
            return []
        best: dict[str, float] = {}
        for k, score in self.scores(q, cutoff).items():
            for owner in self._tables.owners_of[k]:
                if score > best.get(owner, -1):
                    best[owner] = score
        order = self._order
        return sorted(best.items(), key=lambda kv: (-kv[1], order[kv[0]]))[:limit]
