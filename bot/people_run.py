"""The merge of people in order: each incoming entry joins the one earlier person it is, or
starts a new one.

Merged people are indexed by their first and last name words, so an incoming "Lind" is compared
only with the people whose first or last word is "lind", not with everyone; and a person's
entries are folded in place (`PersonFold`), so a person named in a hundred documents costs a
hundred joins of one entry each. The result is exactly that of comparing each new person with
every earlier one in order and joining them with `people_merge.merge_two`.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from bot.models import CuratedPerson, Person
from bot.people_names import name_key, same_tokens
from bot.seeds import slugify


class _Named(Protocol):
    """What the merge index reads of an entry: a Person, or a PersonFold under way."""

    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str | None: ...


_P = TypeVar("_P", bound=_Named)

#: A person as merged (curated entry applied), with the curated entry that speaks about them.
Candidate = tuple[Person, CuratedPerson | None]


def _rank(name: str) -> tuple[int, int]:
    """Which name `merge_two` keeps: more name words, then more characters."""
    return len(name_key(name).tokens), len(name)


class PersonFold:
    """Entries of one person joined in order, equal to folding them with `merge_two`, in time
    linear in their sizes: each list collects the entries' items and is made unique (first seen
    kept) once, when the person is built.

    Folding `merge_two` builds each step's lists anew, so a person in a hundred documents costs
    the square of that; here the hundredth entry costs what the second does. Example: roles
    ('Minister',), ('Envoy', 'Minister') and ('Minister',) give ('Minister', 'Envoy') either way.
    An entry never joined is given back as it came (its lists as they were, repeats and all).
    """

    __slots__ = ("_lists", "country", "first", "former", "name", "party")

    def __init__(self, first: Person) -> None:
        self.first = first
        self.name = first.name
        self.country = first.country
        self.party = first.party
        self.former = first.former
        self._lists: tuple[list, list, list, list] | None = None  # aliases, roles, offices, sources

    def join(self, b: Person, name: str | None = None) -> None:
        """`merge_two(self, b)`, then the name set to `name` (a curated entry's) if given."""
        if self._lists is None:
            f = self.first
            self._lists = (list(f.aliases), list(f.roles), list(f.offices), list(f.sources))
        aliases, roles, offices, sources = self._lists
        aliases.extend(b.aliases)
        if b.name != self.name:
            kept = max((self.name, b.name), key=_rank)
            aliases.append(b.name if kept == self.name else self.name)
            self.name = kept
        roles.extend(b.roles)
        offices.extend(b.offices)
        sources.extend(b.sources)
        if name is not None:
            self.name = name
        self.party = self.party or b.party
        self.country = self.country or b.country
        self.former = self.former and b.former

    def person(self) -> Person:
        if self._lists is None:
            return self.first
        aliases, roles, offices, sources = (tuple(dict.fromkeys(x)) for x in self._lists)
        return Person(
            id=slugify(self.name),
            name=self.name,
            aliases=aliases,
            roles=roles,
            offices=offices,
            party=self.party,
            country=self.country,
            former=self.former,
            sources=sources,
        )


class Merged(Generic[_P]):
    """The merged people so far, indexed by first and last name word (and both together)."""

    def __init__(self) -> None:
        self.people: list[_P] = []
        self._first: dict[str, set[int]] = defaultdict(set)
        self._last: dict[str, set[int]] = defaultdict(set)
        self._pair: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._single: dict[str, set[int]] = defaultdict(set)
        self._folded: dict[str, list[int]] = defaultdict(list)  # folded name → entries, in order

    def _keys(self, name: str) -> list[tuple[dict, object]]:
        tokens = name_key(name).tokens
        if not tokens:
            return []
        keys: list[tuple[dict, object]] = [(self._first, tokens[0]), (self._last, tokens[-1])]
        if len(tokens) == 1:
            keys.append((self._single, tokens[0]))
        else:
            keys.append((self._pair, (tokens[0], tokens[-1])))
        return keys

    def add(self, person: _P) -> int:
        self.people.append(person)
        i = len(self.people) - 1
        for table, key in self._keys(person.name):
            table[key].add(i)
        self._folded[name_key(person.name).folded].append(i)
        return i

    def renamed(self, i: int, old: str) -> None:
        """Entry `i` (changed in place) went by `old`: index it by its name instead."""
        for table, key in self._keys(old):
            table[key].discard(i)
        for table, key in self._keys(self.people[i].name):
            table[key].add(i)
        self._folded[name_key(old).folded].remove(i)
        insort(self._folded[name_key(self.people[i].name).folded], i)

    def _candidates(self, tokens: tuple[str, ...]) -> set[int]:
        """Every entry whose name `same_tokens` could accept (a superset; checked after)."""
        if not tokens:
            return set()
        if len(tokens) == 1:
            return self._first.get(tokens[0], set()) | self._last.get(tokens[0], set())
        return (
            self._pair.get((tokens[0], tokens[-1]), set())
            | self._single.get(tokens[0], set())
            | self._single.get(tokens[-1], set())
        )

    def same_name(self, name: str) -> list[int]:
        """Entries (in order) whose name `same_name` accepts: 'Scholz' → every Scholz."""
        tokens = name_key(name).tokens
        return [
            i
            for i in sorted(self._candidates(tokens))
            if same_tokens(name_key(self.people[i].name).tokens, tokens)
        ]

    def find_same(self, person: _Named) -> int | None:
        """The one earlier entry that is this person: the first with the same folded name, else
        the only compatible one; None when none or ambiguous (two Scholzes for a bare 'Scholz').

        The first with the same folded name is looked up by that name: an entry 'Anna Vogel'
        meets the earlier 'Anna Vogel' without being compared with every other Vogel."""
        key = name_key(person.name)
        folded, country = key.folded, person.country
        if key.tokens:
            for i in self._folded.get(folded, ()):
                other = self.people[i].country
                if not (other and country and other != country):
                    return i
        hits = []
        for i in self.same_name(person.name):
            other = self.people[i]
            if other.country and person.country and other.country != person.country:
                continue
            if name_key(other.name).folded == folded:
                return i
            hits.append(i)
        return hits[0] if len(hits) == 1 else None


def merge_run(candidates: Sequence[Candidate]) -> tuple[list[Person], list[int]]:
    """Candidates merged in order: the merged people, and each candidate's index among them.

    Which person a candidate joins depends only on its name and country and on the names and
    countries of the people so far, so the answer for a (name, country) is kept until a person
    is added or one's name or country changes: the hundredth 'Vogel' of a group whose people
    have settled is looked up, not compared again.
    """
    merged: Merged[PersonFold] = Merged()
    folds = merged.people
    indexes = []
    found: dict[tuple[str, str | None], int | None] = {}
    for candidate, entry in candidates:
        key = (candidate.name, candidate.country)
        if key in found:
            index = found[key]
        else:
            index = found[key] = merged.find_same(candidate)
        if index is None:
            index = merged.add(PersonFold(candidate))
            found.clear()
        else:
            fold_ = folds[index]
            name, country = fold_.name, fold_.country
            fold_.join(candidate, None if entry is None else entry.name)
            if fold_.name != name:
                merged.renamed(index, name)
            if fold_.name != name or fold_.country != country:
                found.clear()
        indexes.append(index)
    return [f.person() for f in folds], indexes
