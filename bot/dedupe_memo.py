"""`dedupe._groups` that keeps what it found between merges, so a reload compares only the facts
whose neighbours changed.

A fact is compared with the WINDOW facts before it in each of its buckets, and with nothing
else; so what one fact finds depends only on that fact and its window. Each bucket is kept with
the stable ids of its facts (`sids`: the same id for the same fact of the same document reading)
and what was found in it: a bucket whose ids are unchanged is taken as it was, and in a changed
bucket only the facts whose window changed are compared again. Example: a document that adds one
fact to a bucket of 2,000 compares that fact and the 16 after it, not the 2,000.

The copies found are resolved exactly as `_groups` resolves them: for each fact merged away, the
best-scoring match, and among equal scores the one `_groups` meets first (by the fact's position,
then the bucket's place among the fact's buckets, then the earlier fact's position).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from bot.dedupe import WINDOW, _Item, _roots, _same_fact, _weaker

#: What one fact found in its window: (offset in the window, whether the fact itself is the one
#: merged away, score).
_Found = tuple[tuple[int, bool, float], ...]
#: A bucket as kept: its facts' ids, and what each found, by rank and by (id, window).
_Bucket = tuple[tuple, list[_Found], dict[tuple, _Found]]


class GroupMemo:
    """Per bucket: its facts' ids, what each fact found in its window, keyed by that window."""

    def __init__(self) -> None:
        self._buckets: dict[Hashable, _Bucket] = {}

    def groups(
        self,
        items: Sequence[_Item],
        sids: Sequence[Hashable],
        buckets: Callable[[int], Sequence[Hashable]],
        compatible: Callable[[int, int], bool],
        heads: dict[str, tuple[int, ...]],
    ) -> dict[int, int]:
        """Position → the position of the fact it is a copy of; equal to `dedupe._groups`.

        `items[i]` is compared through `_same_fact` and `compatible(i, j)`, as in `_groups`.
        """
        members: dict[Hashable, list[tuple[int, int]]] = {}  # bucket → (position, rank in its keys)
        for i in range(len(items)):
            for k, key in enumerate(buckets(i)):
                members.setdefault(key, []).append((i, k))
        kept: dict[Hashable, _Bucket] = {}
        best: dict[int, tuple[float, tuple[int, int, int], int]] = {}
        for key, entries in members.items():
            ids = tuple(sids[i] for i, _k in entries)
            old = self._buckets.get(key)
            if old is None or old[0] != ids:
                old = self._compare(entries, ids, old[2] if old else {}, items, compatible, heads)
            kept[key] = old
            for rank, (i, k) in enumerate(entries):
                start = max(0, rank - WINDOW)
                for offset, item_dropped, score in old[1][rank]:
                    j = entries[start + offset][0]
                    drop, keep = (i, j) if item_dropped else (j, i)
                    order = (i, k, j)
                    now = best.get(drop)
                    if now is None or score > now[0] or (score == now[0] and order < now[1]):
                        best[drop] = (score, order, keep)
        self._buckets = kept
        return _roots({drop: keep for drop, (_s, _o, keep) in best.items()})

    @staticmethod
    def _compare(
        entries: list[tuple[int, int]],
        ids: tuple,
        old: dict[tuple, _Found],
        items: Sequence[_Item],
        compatible: Callable[[int, int], bool],
        heads: dict[str, tuple[int, ...]],
    ) -> _Bucket:
        """Each fact's findings in its window: the old ones where the window is unchanged."""
        by_rank: list[_Found] = []
        by_window: dict[tuple, _Found] = {}
        for rank, (i, _k) in enumerate(entries):
            start = max(0, rank - WINDOW)
            window = (ids[rank], ids[start:rank])
            previous = old.get(window)
            if previous is not None:
                by_rank.append(previous)
                by_window[window] = previous
                continue
            item = items[i]
            found = []
            for offset in range(rank - start):
                j = entries[start + offset][0]
                if not compatible(i, j):
                    continue
                other = items[j]
                score = _same_fact(item, other, heads)
                if score:
                    found.append((offset, _weaker(item, other), score))
            by_rank.append(tuple(found))
            by_window[window] = by_rank[-1]
        return ids, by_rank, by_window
