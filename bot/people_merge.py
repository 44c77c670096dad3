"""One person across documents: name keys, the same-name rule, and the indexed merge.

Each name is folded once (`name_key`, memoised), and merged people are indexed by their first
and last name words, so an incoming "Lind" is compared only with the people whose first or last
word is "lind", not with everyone: merging grows with the number of people, not its square.
The result is exactly that of comparing each new person with every earlier one in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from bot.extract.lexicon import Lexicon
from bot.folding import fold
from bot.models import CuratedPerson, DocumentFacts, Person
from bot.seeds import slugify

if TYPE_CHECKING:
    from bot.people_memo import PeopleMemo

T = TypeVar("T")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sen", "rep", "gov", "gen", "adm"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAME_WORD_RE = re.compile(r"[\w'’-]+")


class _Named(Protocol):
    """What the merge index reads of an entry: a Person, or a PersonFold under way."""

    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str | None: ...


_P = TypeVar("_P", bound=_Named)


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name folded once: 'Dr. Anna Vögel' → folded 'dr. anna vogel', tokens ('anna', 'vogel')."""

    folded: str
    tokens: tuple[str, ...]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The folded name and its words without honorifics, suffixes and initials (memoised)."""
    folded = fold(name)
    words = _NAME_WORD_RE.findall(folded)
    tokens = tuple(w for w in words if w not in _HONORIFICS and w not in _SUFFIXES and len(w) > 1)
    return NameKey(folded, tokens)


def name_tokens(name: str) -> list[str]:
    """Name words without honorifics, suffixes and initials: 'Lloyd J. Austin III' → lloyd austin."""
    return list(name_key(name).tokens)


def same_tokens(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """`same_name` on name words already split: ('scholz',) ~ ('olaf', 'scholz')."""
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        one, other = (ta, tb) if len(ta) == 1 else (tb, ta)
        return one[0] in (other[0], other[-1])
    return ta[0] == tb[0] and ta[-1] == tb[-1]


def same_name(a: str, b: str) -> bool:
    """Whether two names can be the same person: equal words, or one a surname of the other.

    'Scholz' ~ 'Olaf Scholz'; 'Lloyd Austin' ~ 'Lloyd J. Austin III'; 'Olaf Scholz' !~ 'Anna Scholz'.
    """
    return same_tokens(name_key(a).tokens, name_key(b).tokens)


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """Items in first-seen order without repeats: (a, b, a) → (a, b)."""
    return tuple(dict.fromkeys(items))


def merge_two(a: Person, b: Person) -> Person:
    """One person from two entries; the fuller name wins, lists are joined in order."""
    name = max((a.name, b.name), key=lambda n: (len(name_key(n).tokens), len(n)))
    return Person(
        id=slugify(name),
        name=name,
        aliases=unique((*a.aliases, *b.aliases, *(n for n in (a.name, b.name) if n != name))),
        roles=unique((*a.roles, *b.roles)),
        offices=unique((*a.offices, *b.offices)),
        party=a.party or b.party,
        country=a.country or b.country,
        former=a.former and b.former,
        sources=unique((*a.sources, *b.sources)),
    )


def _rank(name: str) -> tuple[int, int]:
    """Which name `merge_two` keeps: more name words, then more characters."""
    return len(name_key(name).tokens), len(name)


class PersonFold:
    """Entries of one person joined in order, equal to folding them with `merge_two`, in time
    linear in their sizes: lists grow in place (first seen kept) and the person is built once.

    Folding `merge_two` builds each step's lists anew, so a person in a hundred documents costs
    the square of that; here the hundredth entry costs what the second does. An entry never
    joined is given back as it came (its lists as they were, repeats and all).
    """

    __slots__ = ("_lists", "country", "first", "former", "name", "party")

    def __init__(self, first: Person) -> None:
        self.first = first
        self.name = first.name
        self.country = first.country
        self.party = first.party
        self.former = first.former
        self._lists: tuple[dict, dict, dict, dict] | None = None  # aliases, roles, offices, sources

    def join(self, b: Person, name: str | None = None) -> None:
        """`merge_two(self, b)`, then the name set to `name` (a curated entry's) if given."""
        if self._lists is None:
            f = self.first
            self._lists = tuple(
                dict.fromkeys(x) for x in (f.aliases, f.roles, f.offices, f.sources)
            )
        aliases, roles, offices, sources = self._lists
        kept = max((self.name, b.name), key=_rank)
        aliases.update(dict.fromkeys(b.aliases))
        for n in (self.name, b.name):
            if n != kept:
                aliases[n] = None
        roles.update(dict.fromkeys(b.roles))
        offices.update(dict.fromkeys(b.offices))
        sources.update(dict.fromkeys(b.sources))
        self.name = kept if name is None else name
        self.party = self.party or b.party
        self.country = self.country or b.country
        self.former = self.former and b.former

    def person(self) -> Person:
        if self._lists is None:
            return self.first
        aliases, roles, offices, sources = map(tuple, self._lists)
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


def curate(person: Person, entry: CuratedPerson, lexicon: Lexicon | None) -> Person:
    """The person with the admin's name, aliases and fields on top of the extracted ones."""
    roles = entry.roles or person.roles
    offices = (
        unique(lexicon.canonical_role(r) for r in roles)
        if lexicon and entry.roles
        else (entry.roles or person.offices)
    )
    return replace(
        person,
        id=slugify(entry.name),
        name=entry.name,
        aliases=unique((*entry.aliases, *person.aliases, person.name)),
        roles=roles,
        offices=offices,
        party=entry.party or person.party,
        country=entry.country or person.country,
        former=person.former if entry.former is None else entry.former,
    )


class _CuratedIndex:
    """Which curated entry (the first in file order) speaks about a person.

    An entry matches when one of its names equals one of the person's (folded), or when the
    person's full name (two words or more) is the entry's name: 'Olaf Scholz' or alias 'Scholz'.
    """

    def __init__(self, curated: Sequence[CuratedPerson]) -> None:
        self.curated = curated
        self._by_folded: dict[str, int] = {}
        self._by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, entry in enumerate(curated):
            for n in (entry.name, *entry.aliases):
                self._by_folded.setdefault(name_key(n).folded, i)
            tokens = name_key(entry.name).tokens
            if len(tokens) == 1:
                self._by_words[tokens].append(i)
            elif tokens:
                self._by_words[(tokens[0], tokens[-1])].append(i)

    def find(self, person: Person) -> CuratedPerson | None:
        hits = [
            self._by_folded[k]
            for k in (name_key(n).folded for n in (person.name, *person.aliases))
            if k in self._by_folded
        ]
        tokens = name_key(person.name).tokens
        if len(tokens) > 1:
            for key in ((tokens[0], tokens[-1]), (tokens[0],), (tokens[-1],)):
                hits += [
                    i
                    for i in self._by_words.get(key, ())
                    if same_tokens(tokens, name_key(self.curated[i].name).tokens)
                ]
        return self.curated[min(hits)] if hits else None


class _Merged(Generic[_P]):
    """The merged people so far, indexed by first and last name word (and both together)."""

    def __init__(self) -> None:
        self.people: list[_P] = []
        self._first: dict[str, set[int]] = defaultdict(set)
        self._last: dict[str, set[int]] = defaultdict(set)
        self._pair: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._single: dict[str, set[int]] = defaultdict(set)

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
        return i

    def renamed(self, i: int, old: str) -> None:
        """Entry `i` (changed in place) went by `old`: index it by its name instead."""
        for table, key in self._keys(old):
            table[key].discard(i)
        for table, key in self._keys(self.people[i].name):
            table[key].add(i)

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
        the only compatible one; None when none or ambiguous (two Scholzes for a bare 'Scholz')."""
        folded = name_key(person.name).folded
        hits = []
        for i in self.same_name(person.name):
            other = self.people[i]
            if other.country and person.country and other.country != person.country:
                continue
            if name_key(other.name).folded == folded:
                return i
            hits.append(i)
        return hits[0] if len(hits) == 1 else None


class PeopleLookup:
    """Final people by name, for corrections that name a speaker: 'Olaf Scholz' → olaf-scholz."""

    def __init__(self, people: Sequence[Person]) -> None:
        self._people = people
        self.ids = frozenset(map(attrgetter("id"), people))

    @cached_property
    def _by_folded(self) -> dict[str, str]:
        """Folded name or alias → the first person going by it (built on the first lookup: most
        merges look up no speaker by name)."""
        out: dict[str, str] = {}
        for p in self._people:
            for n in (p.name, *p.aliases):
                out.setdefault(name_key(n).folded, p.id)
        return out

    @cached_property
    def _index(self) -> _Merged[Person]:
        index: _Merged[Person] = _Merged()
        for p in self._people:
            index.add(p)
        return index

    def speaker_id(self, text: str) -> str:
        """The person whose name or alias this is, else the only same-name one, else the text."""
        found = self._by_folded.get(name_key(text).folded)
        if found is not None:
            return found
        hits = self._index.same_name(text)
        return self._index.people[hits[0]].id if len(hits) == 1 else text


def merge_people(
    per_document: Sequence[DocumentFacts],
    curated: Sequence[CuratedPerson] = (),
    lexicon: Lexicon | None = None,
    *,
    memo: PeopleMemo | None = None,
) -> tuple[tuple[Person, ...], dict[tuple[str, str], str]]:
    """People across documents, and a map (document id, local person id) → merged person id.

    Curated entries are applied first, so "Scholz" in one document and "Olaf Scholz" in another
    join through the admin's full name even when neither document links them. With a `memo`
    (kept between reloads) only the groups of people that can meet a changed document's people
    are merged again: the result is the same.
    """
    if memo is not None:
        return memo.merge(per_document, tuple(curated), lexicon)
    entries = _CuratedIndex(curated)
    candidates = [
        (facts.document.id, person.id, _candidate(person, entries, lexicon))
        for facts in per_document
        for person in facts.people
    ]
    merged, indexes = _merge_run([c for _d, _p, c in candidates])
    people = unique_ids(merged)
    mapping = {
        (doc, pid): people[i].id for (doc, pid, _c), i in zip(candidates, indexes, strict=True)
    }
    return tuple(people), mapping


_Candidate = tuple[Person, CuratedPerson | None]


def _candidate(person: Person, entries: _CuratedIndex, lexicon: Lexicon | None) -> _Candidate:
    """The person as merged: with the curated entry that speaks about them applied."""
    entry = entries.find(person) if entries.curated else None
    return (curate(person, entry, lexicon) if entry else person), entry


def _merge_run(candidates: Sequence[_Candidate]) -> tuple[list[Person], list[int]]:
    """Candidates merged in order: the merged people, and each candidate's index among them."""
    merged: _Merged[PersonFold] = _Merged()
    folds = merged.people
    indexes = []
    for candidate, entry in candidates:
        index = merged.find_same(candidate)
        if index is None:
            index = merged.add(PersonFold(candidate))
        else:
            fold_ = folds[index]
            old = fold_.name
            fold_.join(candidate, None if entry is None else entry.name)
            if fold_.name != old:
                merged.renamed(index, old)
        indexes.append(index)
    return [f.person() for f in folds], indexes


def unique_ids(people: list[Person]) -> list[Person]:
    """Ids made unique in order: a second 'kim' becomes 'kim-2'."""
    seen: dict[str, int] = {}
    out = []
    for p in people:
        n = seen.get(p.id, 0)
        seen[p.id] = n + 1
        out.append(p if n == 0 else replace(p, id=f"{p.id}-{n + 1}"))
    return out
