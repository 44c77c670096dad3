"""Name keys the index searches: folded keys scored with rapidfuzz, a few native calls a query.

A pool (`Keys`) holds rows (owner, label, folded keys): people's names and aliases, a topic's
terms. Its keys are kept by length, so a query scores only the keys long enough and short
enough to reach the cut-off (ratio ≤ 200·min(a, b)/(a + b)): 'habek' never reads 'olaf
scholz'. A pool built with `previous` (the last generation's pool) copies its tables and
patches the rows that differ, so a reload that changed two people re-keys two people. Folding
a key is memoised: the same names and aliases come back every generation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import chain, repeat
from operator import itemgetter

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.folding import words as _words

#: One owner's row: (owner, label, keys folded by `folded_keys`).
Row = tuple[str, str, tuple[str, ...]]

_OWNER, _LABEL = itemgetter(0), itemgetter(1)


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


def may_reach(a: int, b: int, cutoff: float) -> bool:
    """Whether strings of lengths a and b can score `cutoff` with fuzz.ratio: the score is at
    most 200·min(a, b)/(a + b), so 'habek' (5) cannot reach 72 against a 14-letter key."""
    return cutoff <= 0 or 200 * min(a, b) >= (cutoff - 1e-6) * (a + b)


def _form_kind(k: str) -> int:
    """Which words-sorted table a key's form goes in: 2 if the key has two words, plus 1 if
    sorting moves its words ('scholz olaf' → 'olaf scholz')."""
    return 2 * (" " in k) + (sorted_words(k) != k)


class _Bucket:
    """Texts of one length, each with the keys it stands for; its list is made on first use."""

    __slots__ = ("_texts", "keys_of")

    def __init__(self, keys_of: dict[str, tuple[str, ...]]) -> None:
        self.keys_of = keys_of
        self._texts: list[str] | None = None

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = list(self.keys_of)
        return self._texts


class _Lengths:
    """Texts by length (a key, or a key's words sorted), each naming the keys it stands for.

    Changed only through `patched`, which copies the buckets it touches: a pool shares the
    buckets it did not change with the generation before it.
    """

    def __init__(self, buckets: dict[int, _Bucket] | None = None) -> None:
        self.buckets = buckets or {}

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> _Lengths:
        """From (text, key) pairs."""
        built: dict[int, dict[str, tuple[str, ...]]] = {}
        for text, k in pairs:
            by_text = built.setdefault(len(text), {})
            by_text[text] = (*by_text.get(text, ()), k)
        return cls({n: _Bucket(d) for n, d in built.items()})

    def patched(self, gone: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]]) -> _Lengths:
        """A copy without the (text, key) pairs `gone` and with the pairs `new`."""
        buckets = dict(self.buckets)
        copied: dict[int, dict[str, tuple[str, ...]]] = {}

        def own(n: int) -> dict[str, tuple[str, ...]]:
            if n not in copied:
                bucket = buckets.get(n)
                copied[n] = dict(bucket.keys_of) if bucket is not None else {}
            return copied[n]

        for text, k in gone:
            by_text = own(len(text))
            left = tuple(x for x in by_text.get(text, ()) if x != k)
            if left:
                by_text[text] = left
            else:
                by_text.pop(text, None)
        for text, k in new:
            by_text = own(len(text))
            by_text[text] = (*by_text.get(text, ()), k)
        for n, by_text in copied.items():
            if by_text:
                buckets[n] = _Bucket(by_text)
            else:
                buckets.pop(n, None)
        return _Lengths(buckets)

    def score(self, query: str, cutoff: float, best: dict[str, float]) -> None:
        """Raise `best[key]` to each text's fuzz.ratio with the query (≥ cutoff)."""
        size = len(query)
        for n, bucket in self.buckets.items():
            if not may_reach(size, n, cutoff):
                continue
            for text, score, _i in process.extract(
                query,
                bucket.texts,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=cutoff,
                limit=None,
            ):
                for k in bucket.keys_of[text]:
                    if score > best.get(k, -1):
                        best[k] = score


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
            self.labels = previous.labels
            self._owners_of, self._keys = previous._owners_of, previous._keys
            self._forms = previous._forms
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
                self._patch(previous, out, into)
                return
        owners = tuple(map(_OWNER, reversed(self.rows)))
        self.labels = dict(zip(owners, map(_LABEL, reversed(self.rows)), strict=True))
        if previous is not None and previous._one_row_each and self._one_row_each:
            now, before = self._by_id, previous._by_id  # rows by identity: lent rows are the same
            out = {before[i] for i in before.keys() - now.keys()}
            into = {now[i] for i in now.keys() - before.keys()}
            self._patch(previous, out, into)
        else:
            self._build()

    @property
    def _one_row_each(self) -> bool:
        return len(self.labels) == len(self.rows)

    @cached_property
    def _order(self) -> dict[str, int]:
        """Each owner's place (its first row): ties rank in this order (worked out on the
        first query of a pool)."""
        owners = tuple(map(_OWNER, reversed(self.rows)))
        return dict(zip(owners, range(len(owners) - 1, -1, -1), strict=True))

    def _build(self) -> None:
        owners_of: dict[str, tuple[str, ...]] = {}
        for owner, _label, keys in self.rows:
            for k in dict.fromkeys(keys):
                owners_of[k] = (*owners_of.get(k, ()), owner)
        self._owners_of = owners_of
        self._keys = _Lengths.of((k, k) for k in owners_of)
        self._forms = tuple(
            _Lengths.of((sorted_words(k), k) for k in owners_of if _form_kind(k) == kind)
            for kind in range(4)
        )

    def _patch(self, previous: Keys, out: set[Row], into: set[Row]) -> None:
        """Previous's tables, with the rows only one of the two pools has taken out or put in."""
        owners_of = dict(previous._owners_of)
        touched: set[str] = set()
        for owner, _label, keys in out - into:
            for k in dict.fromkeys(keys):
                left = tuple(o for o in owners_of[k] if o != owner)
                if left:
                    owners_of[k] = left
                else:
                    del owners_of[k]
                touched.add(k)
        for owner, _label, keys in into - out:
            for k in dict.fromkeys(keys):
                owners_of[k] = (*owners_of.get(k, ()), owner)
                touched.add(k)
        self._owners_of = owners_of
        gone = [k for k in touched if k in previous._owners_of and k not in owners_of]
        new = [k for k in touched if k not in previous._owners_of and k in owners_of]
        self._keys = previous._keys.patched(((k, k) for k in gone), ((k, k) for k in new))
        self._forms = tuple(
            forms.patched(
                ((sorted_words(k), k) for k in gone if _form_kind(k) == kind),
                ((sorted_words(k), k) for k in new if _form_kind(k) == kind),
            )
            for kind, forms in enumerate(previous._forms)
        )

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
        for lengths in (self._keys, *self._forms):
            for bucket in lengths.buckets.values():
                _ = bucket.texts
        return self

    def scores(self, query: str, cutoff: float) -> dict[str, float]:
        """Key → its score against the folded query, for keys scoring at least `cutoff`.

        The words-sorted pass reads keys with two words (all keys if the query has two), but
        not the keys already in sorted order when the query is: those score as written."""
        best: dict[str, float] = {}
        self._keys.score(query, cutoff, best)
        ordered = sorted_words(query)
        two_words = " " in query
        for kind, forms in enumerate(self._forms):
            spaced, reordered = divmod(kind, 2)
            if (spaced or two_words) and (reordered or ordered != query):
                forms.score(ordered, cutoff, best)
        return best

    def exact(self, query: str) -> list[str]:
        """Owners with a key equal to the folded query (a name, synonym or alias as typed)."""
        owners = self._owners_of.get(fold(query).strip(), ())
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
            for owner in self._owners_of[k]:
                if score > best.get(owner, -1):
                    best[owner] = score
        order = self._order
        return sorted(best.items(), key=lambda kv: (-kv[1], order[kv[0]]))[:limit]
