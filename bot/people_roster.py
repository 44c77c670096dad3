"""The merged people in the merge's order, their unique ids, and the map (document id, local
id) → person id, kept between reloads by bot.people_memo and updated group by group.

People are kept in order by their first candidate (a `Ref`: document id, index among its people,
serial of its reading), so a group merged again takes its people out and puts them back in
place, `unique_ids` is redone only for the ids of the people that changed (the second 'kim' in
the merge's order is 'kim-2'), and the map only for the documents whose people changed.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.models import Person

if TYPE_CHECKING:
    from bot.people_memo import Ref, _Group
    from bot.people_readings import Reading as _Reading


class Roster:
    """The merged people in the merge's order (by first candidate), their unique ids, and the
    map (document id, local id) → person id; updated group by group."""

    def __init__(self) -> None:
        self._order: list[Ref] = []  # each person's first candidate, in the merge's order
        self._finals: list[Person] = []  # each person with its unique id, in the same order
        self._person: dict[Ref, Person] = {}  # by first candidate, as its group merged it
        self.person_of: dict[Ref, Ref] = {}  # candidate → its person's first candidate
        self.candidates_of: dict[Ref, list[Ref]] = {}  # first candidate → all of its person's
        self._by_id: dict[str, list[Ref]] = {}  # merged id → its people's first candidates
        self._final: dict[Ref, tuple[Person, Person]] = {}  # first → (merged, with unique id)
        self.mapping: dict[tuple[str, str], str] = {}
        self.remapped: set[str] = set()  # documents whose map changed in the last merge
        self._moves: dict[int, tuple[Person, int]] = {}  # id → (person, +1 in / -1 out)

    def begin(self) -> None:
        """Start a merge: `changes` counts from here."""
        self._moves = {}

    def changes(self) -> tuple[list[Person], list[Person]]:
        """The people (with unique ids) the list lost and gained since `begin`, by identity:
        a person taken out and put back is neither. Example: a group merged again whose
        people come out equal keeps its objects, so none of them is listed."""
        moves = self._moves.values()
        return [p for p, n in moves if n < 0], [p for p, n in moves if n > 0]

    def _moved(self, person: Person, sign: int) -> None:
        was = self._moves.get(id(person))
        count = sign + (was[1] if was is not None else 0)
        if count:
            self._moves[id(person)] = (person, count)
        else:
            del self._moves[id(person)]

    def people(self) -> tuple[Person, ...]:
        return tuple(self._finals)

    def forget(self, firsts: list[Ref]) -> None:
        """Forget the unique-id entries of people dropped and not added back."""
        for first in firsts:
            if first not in self._person:
                del self._final[first]

    def drop(self, group: _Group, changed_ids: set[str]) -> None:
        for person, first in zip(group.people, group.firsts, strict=True):
            at = bisect_left(self._order, first)
            del self._order[at]
            self._moved(self._finals.pop(at), -1)
            del self._person[first]
            del self.candidates_of[first]
            same = self._by_id[person.id]
            del same[bisect_left(same, first)]
            if not same:
                del self._by_id[person.id]
            changed_ids.add(person.id)

    def add(self, group: _Group, changed_ids: set[str]) -> None:
        for person, first in zip(group.people, group.firsts, strict=True):
            at = bisect_left(self._order, first)
            self._order.insert(at, first)
            self._finals.insert(at, person)  # its unique id is set by `rename`
            self._moved(person, 1)
            self._person[first] = person
            self.candidates_of[first] = []
            insort(self._by_id.setdefault(person.id, []), first)
            changed_ids.add(person.id)
        for ref, index in zip(group.members, group.indexes, strict=True):
            first = group.firsts[index]
            self.person_of[ref] = first
            self.candidates_of[first].append(ref)

    def rename(self, ids: set[str]) -> list[Ref]:
        """`unique_ids` again for the people of these merged ids: the second 'kim' in the merge's
        order is 'kim-2'. Returns the first candidates of the people whose final id is new or
        changed (their documents' map may change); an unchanged person keeps the very object of
        last time."""
        changed = []
        for base in ids:
            for n, first in enumerate(self._by_id.get(base, ())):
                person = self._person[first]
                new_id = base if n == 0 else f"{base}-{n + 1}"
                old = self._final.get(first)
                if old is not None and old[0] is person and old[1].id == new_id:
                    twin = old[1]
                else:
                    twin = person if n == 0 else replace(person, id=new_id)
                    self._final[first] = (person, twin)
                    if old is None or old[1].id != new_id:
                        changed.append(first)
                at = bisect_left(self._order, first)
                if self._finals[at] is not twin:
                    self._moved(self._finals[at], -1)
                    self._moved(twin, 1)
                    self._finals[at] = twin
        return changed

    def remap(self, gone: list[_Reading], touched: set[Ref], live: dict[int, _Reading]) -> None:
        """The map (document id, local id) → final id, written again for the documents whose
        candidates changed person or id; `remapped` is the documents whose map changed.
        Example: a bare 'Vogel' joining 'Anna Vogel' merges every Vogel document again, but only
        the documents whose Vogel now has another id are remapped."""
        for facts, _serial, _own in gone:
            for person in facts.people:
                self.mapping.pop((facts.document.id, person.id), None)
        readings = {(ref[0], ref[2]) for ref in touched}
        mapping, remapped = self.mapping, set()
        for doc_id, serial in readings:
            facts = live[serial][0]
            for index, person in enumerate(facts.people):
                first = self.person_of[(doc_id, index, serial)]
                key, final = (doc_id, person.id), self._final[first][1].id
                if mapping.get(key) != final:
                    mapping[key] = final
                    remapped.add(doc_id)
        self.remapped = remapped
