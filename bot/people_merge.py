"""One person across documents: the join of two entries, curated entries, and the merge.

`merge_people` merges every document's people in order (bot.people_run), curated entries
applied first; with a memo (bot.people_memo) a reload merges again only what its changes touch.
Name rules live in bot.people_names and are imported from here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING

from bot.extract.lexicon import Lexicon
from bot.folding import fold as fold
from bot.models import CuratedPerson, DocumentFacts, Person
from bot.people_names import name_key, same_tokens, unique
from bot.people_names import name_tokens as name_tokens
from bot.people_names import same_name as same_name
from bot.people_run import Candidate, Merged, merge_run
from bot.seeds import slugify

if TYPE_CHECKING:
    from bot.people_memo import PeopleMemo


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
    def _index(self) -> Merged[Person]:
        index: Merged[Person] = Merged()
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
    merged, indexes = merge_run([c for _d, _p, c in candidates])
    people = unique_ids(merged)
    mapping = {
        (doc, pid): people[i].id for (doc, pid, _c), i in zip(candidates, indexes, strict=True)
    }
    return tuple(people), mapping


def _candidate(person: Person, entries: _CuratedIndex, lexicon: Lexicon | None) -> Candidate:
    """The person as merged: with the curated entry that speaks about them applied."""
    entry = entries.find(person) if entries.curated else None
    return (curate(person, entry, lexicon) if entry else person), entry


def unique_ids(people: list[Person]) -> list[Person]:
    """Ids made unique in order: a second 'kim' becomes 'kim-2'."""
    seen: dict[str, int] = {}
    out = []
    for p in people:
        n = seen.get(p.id, 0)
        seen[p.id] = n + 1
        out.append(p if n == 0 else replace(p, id=f"{p.id}-{n + 1}"))
    return out
