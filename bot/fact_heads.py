"""The small parts of a stored fact base that let an answer skip decoding every fact: each
person's head (roles, offices, former, country, party) and each document's header (id, title,
date, source), stored beside the merged facts (bot.merged_parts).

`ministers` needs to know who is in government and their countries, then shows 60 of them; the
heads tell the first (a few hundred kilobytes of JSON at 3,000 documents instead of 11 MB of
people with their source sentences), and `PeopleAt` decodes the people shown, a stored part at
a time. Citations need only the documents' headers, not their texts. Example:
`decode_people_heads(encode_people_heads(people))` gives heads `h` with `h[i].country ==
people[i].country` for every i, and the number of people in each stored part.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from bot.models import Document, Person

#: The stored parts' names (beside the fact base's own fields).
PEOPLE_HEADS = "#people_heads"
DOCUMENT_HEADS = "#document_heads"


@dataclass(frozen=True, slots=True)
class PersonHead:
    """What deciding and grouping a person takes: membership of government, country, party,
    office. A Person has the same attributes, so a rule over heads reads people too."""

    roles: tuple[str, ...]
    offices: tuple[str, ...]
    former: bool
    country: str | None
    party: str | None


@dataclass(frozen=True, slots=True)
class DocumentHead:
    """A document as a citation shows it: a Document has the same attributes."""

    id: str
    title: str
    date: str | None
    source: str | None


def _packed(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def _unpacked(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob))


def encode_people_heads(people: Sequence[Person], part_sizes: Sequence[int]) -> bytes:
    """The heads of `people`, each distinct head once, and how many people each stored part
    holds (so a person's part is found without decoding the others)."""
    kinds: dict[tuple, int] = {}
    rows = [
        kinds.setdefault((p.roles, p.offices, p.former, p.country, p.party), len(kinds))
        for p in people
    ]
    return _packed({"parts": list(part_sizes), "heads": list(kinds), "rows": rows})


def decode_people_heads(blob: bytes) -> tuple[tuple[PersonHead, ...], tuple[int, ...]]:
    """(each person's head, in order; the number of people in each stored part)."""
    data = _unpacked(blob)
    kinds = [PersonHead(tuple(r), tuple(o), f, c, p) for r, o, f, c, p in data["heads"]]
    return tuple(map(kinds.__getitem__, data["rows"])), tuple(data["parts"])


def encode_document_heads(documents: Sequence[Document]) -> bytes:
    return _packed([[d.id, d.title, d.date, d.source] for d in documents])


def decode_document_heads(blob: bytes) -> tuple[DocumentHead, ...]:
    return tuple(DocumentHead(*row) for row in _unpacked(blob))


class PeopleAt(Sequence[Person]):
    """Some of a generation's people, by position, each decoded when first read (`person_at`
    gives the very object the generation's `people` holds at that position); `heads` answer
    for them until then. Slicing, filtering (`where`) and grouping (`grouped`) decode nobody.
    Example: the government of 11,000 people, grouped by country, of which `ministers` reads
    the first 60.
    """

    __slots__ = ("_at", "_heads", "_positions")

    def __init__(
        self,
        positions: Sequence[int],
        heads: Sequence[PersonHead],
        person_at: Callable[[int], Person],
    ) -> None:
        self._positions = positions
        self._heads = heads
        self._at = person_at

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, i: int) -> Person: ...
    @overload
    def __getitem__(self, i: slice) -> PeopleAt: ...
    def __getitem__(self, i: int | slice) -> Person | PeopleAt:
        if isinstance(i, slice):
            return PeopleAt(self._positions[i], self._heads, self._at)
        return self._at(self._positions[i])

    def __iter__(self) -> Iterator[Person]:
        return map(self._at, self._positions)

    def heads(self) -> Iterator[PersonHead]:
        """Each one's head, in order, decoding nobody."""
        return map(self._heads.__getitem__, self._positions)

    def where(self, keep: Callable[[PersonHead], bool]) -> PeopleAt:
        """Those whose head passes `keep`, in order."""
        heads = self._heads
        return PeopleAt([i for i in self._positions if keep(heads[i])], heads, self._at)

    def grouped(self, key: Callable[[PersonHead], str]) -> tuple[tuple[str, PeopleAt], ...]:
        """(key, those with that key), keys in first-seen order."""
        groups: dict[str, list[int]] = {}
        heads = self._heads
        for i in self._positions:
            groups.setdefault(key(heads[i]), []).append(i)
        return tuple((k, PeopleAt(v, heads, self._at)) for k, v in groups.items())


def heads_of(people: Sequence[Person]) -> Iterator[PersonHead | Person]:
    """The heads of `people` without decoding a PeopleAt; plain people are their own heads."""
    return people.heads() if isinstance(people, PeopleAt) else iter(people)


def people_where(
    people: Sequence[Person], keep: Callable[[PersonHead | Person], bool]
) -> Sequence[Person]:
    """Those of `people` that `keep` accepts (a PeopleAt decodes nobody to tell)."""
    if isinstance(people, PeopleAt):
        return people.where(keep)
    return [p for p in people if keep(p)]
