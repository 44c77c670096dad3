"""The tables a name pool scores a query against: keys by length, and keys with words sorted.

A key of n letters can score `cutoff` with fuzz.ratio only against texts whose length m keeps
200·min(n, m)/(n + m) at or above it, so the tables keep texts by length and a query reads only
the lengths that can reach. Keys with two words are kept a second time with their words sorted,
so 'minister defense' scores as 'defense minister'. Tables are patched, not rebuilt, when a few
rows change: a copy shares every bucket it did not touch with the tables before it. Example:
`KeyTables.of([("p1", "Ana Paz", ("ana paz",))]).scores("ana pas", 80)` → {'ana paz': 85.7}.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

#: One owner's row: (owner, label, keys folded by `folded_keys`).
Row = tuple[str, str, tuple[str, ...]]


@lru_cache(maxsize=1 << 17)
def sorted_words(text: str) -> str:
    """Words in code-point order, as rapidfuzz's token_sort_ratio compares them: 'b a' → 'a b'."""
    return " ".join(sorted(text.split()))


def may_reach(a: int, b: int, cutoff: float) -> bool:
    """Whether strings of lengths a and b can score `cutoff` with fuzz.ratio: the score is at
    most 200·min(a, b)/(a + b), so 'habek' (5) cannot reach 72 against a 14-letter key."""
    return cutoff <= 0 or 200 * min(a, b) >= (cutoff - 1e-6) * (a + b)


def _form_kind(k: str) -> int:
    """Which words-sorted table a key's form goes in: 2 if the key has two words, plus 1 if
    sorting moves its words ('scholz olaf' → 'olaf scholz')."""
    return 2 * (" " in k) + (sorted_words(k) != k)


class Bucket:
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


class Lengths:
    """Texts by length (a key, or a key's words sorted), each naming the keys it stands for.

    Changed only through `patched`, which copies the buckets it touches: a pool shares the
    buckets it did not change with the generation before it.
    """

    def __init__(self, buckets: dict[int, Bucket] | None = None) -> None:
        self.buckets = buckets or {}

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Lengths:
        """From (text, key) pairs."""
        built: dict[int, dict[str, tuple[str, ...]]] = {}
        for text, k in pairs:
            by_text = built.setdefault(len(text), {})
            by_text[text] = (*by_text.get(text, ()), k)
        return cls({n: Bucket(d) for n, d in built.items()})

    def patched(self, gone: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]]) -> Lengths:
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
                buckets[n] = Bucket(by_text)
            else:
                buckets.pop(n, None)
        return Lengths(buckets)

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


class KeyTables:
    """Each key's owners, and the keys by length as written and with their words sorted.

    Built from rows (`of`) or from the previous generation's tables with a few rows taken out
    and put in (`patched`); never changed after. Example: `KeyTables.of([("p1", "Ana Paz",
    ("ana paz", "paz"))]).scores("pas", 60)` → {'paz': 66.7}.
    """

    __slots__ = ("forms", "keys", "owners_of")

    def __init__(
        self, owners_of: dict[str, tuple[str, ...]], keys: Lengths, forms: tuple[Lengths, ...]
    ) -> None:
        self.owners_of = owners_of
        self.keys = keys  # every key, by its length
        self.forms = forms  # keys by `_form_kind`, their words sorted, by length

    @classmethod
    def of(cls, rows: Sequence[Row]) -> KeyTables:
        owners_of: dict[str, tuple[str, ...]] = {}
        for owner, _label, keys in rows:
            for k in dict.fromkeys(keys):
                owners_of[k] = (*owners_of.get(k, ()), owner)
        forms = tuple(
            Lengths.of((sorted_words(k), k) for k in owners_of if _form_kind(k) == kind)
            for kind in range(4)
        )
        return cls(owners_of, Lengths.of((k, k) for k in owners_of), forms)

    def patched(self, out: set[Row], into: set[Row]) -> KeyTables:
        """These tables, with the rows only one of `out` and `into` has taken out or put in."""
        owners_of = dict(self.owners_of)
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
        gone = [k for k in touched if k in self.owners_of and k not in owners_of]
        new = [k for k in touched if k not in self.owners_of and k in owners_of]
        forms = tuple(
            lengths.patched(
                ((sorted_words(k), k) for k in gone if _form_kind(k) == kind),
                ((sorted_words(k), k) for k in new if _form_kind(k) == kind),
            )
            for kind, lengths in enumerate(self.forms)
        )
        keys = self.keys.patched(((k, k) for k in gone), ((k, k) for k in new))
        return KeyTables(owners_of, keys, forms)

    def prepare(self) -> None:
        """Make the lists the queries read now."""
        for lengths in (self.keys, *self.forms):
            for bucket in lengths.buckets.values():
                _ = bucket.texts

    def scores(self, query: str, cutoff: float) -> dict[str, float]:
        """Key → its score against the folded query, for keys scoring at least `cutoff`.

        The words-sorted pass reads keys with two words (all keys if the query has two), but
        not the keys already in sorted order when the query is: those score as written."""
        best: dict[str, float] = {}
        self.keys.score(query, cutoff, best)
        ordered = sorted_words(query)
        two_words = " " in query
        for kind, lengths in enumerate(self.forms):
            spaced, reordered = divmod(kind, 2)
            if (spaced or two_words) and (reordered or ordered != query):
                lengths.score(ordered, cutoff, best)
        return best
