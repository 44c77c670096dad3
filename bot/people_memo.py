"""What `merge_people` keeps between reloads, so a reload merges again only the groups of people
that a changed document's people fall in, and renames and maps only what that changes.

Candidates of different groups are never compared (see `_NameIndex.group_keys`), so each group
merges on its own. A reload takes the changed documents' candidates out and puts the new ones
in; the groups they were in or fall in now, and the groups of every candidate sharing a first or
last name word with them (a bare 'Vogel' added or gone joins or splits the Vogels), are grouped
and merged again; the rest are kept as they were. People are kept in the merge's order by their
first candidate, so `unique_ids` is redone only for the ids of the people that changed, and the
map (document, local id) → person id only for the documents whose people changed. Example: of a
thousand documents, a reload that changed one merges the few groups its people fall in.

A candidate is named by `Ref` (document id, index among its people, serial of the document's
reading): sorting refs is the merge's order, and a document read again has new refs, unless its
people are equal to the last reading's (then it keeps that reading). A group merged again keeps
the person objects that come out equal. The result equals `merge_people` without a memo
(documents in id order, ids unique).
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from bot.extract.lexicon import Lexicon
from bot.models import CuratedPerson, DocumentFacts, Person
from bot.people_merge import _candidate, _CuratedIndex, name_key
from bot.people_readings import Reading as _Reading
from bot.people_readings import Readings
from bot.people_roster import Roster
from bot.people_run import Candidate, merge_run

Ref = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class _Group:
    """One group's merge: its candidates in order, each one's person, and each person's first
    candidate (the person's place in the merge's order)."""

    members: tuple[Ref, ...]
    people: list[Person]
    indexes: list[int]
    firsts: tuple[Ref, ...]


class PeopleMemo:
    """What `merge_people` keeps between reloads; see the module docstring."""

    def __init__(self) -> None:
        self._rules: tuple[tuple[CuratedPerson, ...], Lexicon | None] | None = None
        self._reset()

    def _reset(self) -> None:
        self._readings = Readings()
        self._names = _NameIndex()
        self._group_of: dict[Ref, Hashable] = {}
        self._groups: dict[Hashable, _Group] = {}
        self.roster = Roster()

    def merge(
        self,
        per_document: Sequence[DocumentFacts],
        curated: tuple[CuratedPerson, ...],
        lexicon: Lexicon | None,
    ) -> tuple[tuple[Person, ...], dict[tuple[str, str], str]]:
        """`merge_people(per_document, curated, lexicon)`, redoing what the changes touch."""
        if self._rules is None or self._rules[1] is not lexicon or self._rules[0] != curated:
            self._reset()  # other rules: every document is read again and merged anew
            self._rules = (curated, lexicon)
        entries = _CuratedIndex(curated)
        gone, new = self._readings.read(
            per_document, lambda facts: tuple(_candidate(p, entries, lexicon) for p in facts.people)
        )
        old, todo = self._reopen(gone, new)
        roster = self.roster
        roster.begin()
        changed_ids: set[str] = set()
        dropped: list[Ref] = []
        for group in old.values():
            roster.drop(group, changed_ids)
            dropped.extend(group.firsts)
        was = {ref: roster.person_of.get(ref) for ref in todo}
        self._regroup(todo, old, changed_ids)
        touched = {ref for ref, first in was.items() if roster.person_of[ref] != first}
        for first in roster.rename(changed_ids):
            touched.update(roster.candidates_of[first])
        roster.forget(dropped)
        roster.remap(gone, touched, self._readings.live)
        return roster.people(), roster.mapping  # the roster's own map: read, never changed

    def _reopen(
        self, gone: list[_Reading], new: list[_Reading]
    ) -> tuple[dict[tuple[Ref, ...], _Group], set[Ref]]:
        """Take the gone readings' candidates out and put the new ones in; returns the groups
        this reopens (by their members) and the candidates to group again: the new ones and the
        reopened groups' live ones. Example: a new 'Vogel' reopens the groups of 'Anna Vogel'
        and 'Vogel Institute', as 'Vogel' is now a one-word name they start or end with."""
        names = self._names
        words = {w for r in gone for p in r[2] for w in _ends(name_key(p[0].name).tokens)}
        words |= {w for r in new for p in r[2] for w in _ends(name_key(p[0].name).tokens)}
        was_single = {w for w in words if w in names.single}
        groups: set[Hashable] = set()
        for facts, serial, own in gone:
            for index in range(len(own)):
                ref = (facts.document.id, index, serial)
                names.remove(ref)
                groups.add(self._group_of.pop(ref))
                del self.roster.person_of[ref]
        added = []
        for facts, serial, own in new:
            for index, candidate in enumerate(own):
                ref = (facts.document.id, index, serial)
                names.add(ref, candidate)
                added.append(ref)
        for word in was_single.symmetric_difference(w for w in words if w in names.single):
            for ref in itertools.chain(names.single.get(word, ()), names.ends.get(word, ())):
                groups.add(self._group_of.get(ref))
        if self._groups:  # else the first merge: there are no old groups
            for ref in added:
                groups.update(self._old_groups(names.tokens[ref]))
        groups.discard(None)
        old: dict[tuple[Ref, ...], _Group] = {}
        todo = set(added)
        for key in groups:
            group = self._groups.pop(key, None)
            if group is not None:
                old[group.members] = group
                todo.update(r for r in group.members if r in names.tokens)
        return old, todo

    def _regroup(
        self, todo: set[Ref], old: dict[tuple[Ref, ...], _Group], changed_ids: set[str]
    ) -> None:
        """Group the candidates again and add their groups to the roster: a group with the same
        members as a reopened one is kept as it was, others are merged anew."""
        members: dict[Hashable, list[Ref]] = {}
        for ref, key in self._names.group_keys(todo).items():
            members.setdefault(key, []).append(ref)
            self._group_of[ref] = key
        was: dict[Ref, Person] | None = None  # the reopened groups' people by first candidate
        for key, refs in members.items():
            ordered = tuple(sorted(refs))
            group = old.get(ordered)
            if group is None:
                group = _merged(ordered, self._names.candidate)
                if was is None:
                    was = {
                        f: p for g in old.values() for f, p in zip(g.firsts, g.people, strict=True)
                    }
                _keep_equal(group, was)
            self._groups[key] = group
            self.roster.add(group, changed_ids)

    def _old_groups(self, tokens: tuple[str, ...]) -> list[Hashable]:
        """The groups a new name falls in as they were (one-word names unchanged): the group of
        each of its end words that is a one-word name, else the group of its first and last."""
        out: list[Hashable] = []
        single = self._names.single
        ends = [w for w in _ends(tokens) if w in single]
        for word in ends:
            group = next((g for g in map(self._group_of.get, single[word]) if g is not None), None)
            out.append(group)
        if tokens and not ends:
            out.append((tokens[0], tokens[-1]))
        return out


class _NameIndex:
    """Each candidate's name words, and the candidates by the words their groups depend on: a
    one-word name by its word (`single`), a longer one by its first and its last (`ends`).
    Example: 'Anna Vogel' is under 'anna' and 'vogel' in `ends`; a bare 'Vogel' under 'vogel'
    in `single`, so the one finds the other when either comes or goes."""

    def __init__(self) -> None:
        self.tokens: dict[Ref, tuple[str, ...]] = {}
        self.candidate: dict[Ref, Candidate] = {}
        self.single: dict[str, set[Ref]] = {}  # one-word names by their word
        self.ends: dict[str, set[Ref]] = {}  # longer names by first and by last word

    def add(self, ref: Ref, candidate: Candidate) -> None:
        tokens = name_key(candidate[0].name).tokens
        self.tokens[ref] = tokens
        self.candidate[ref] = candidate
        for word, table in _places(tokens, self.single, self.ends):
            table.setdefault(word, set()).add(ref)

    def remove(self, ref: Ref) -> None:
        tokens = self.tokens.pop(ref)
        del self.candidate[ref]
        for word, table in _places(tokens, self.single, self.ends):
            refs = table.get(word)
            if refs is not None:  # a name of one word twice ('Anna Anna') is indexed once
                refs.discard(ref)
                if not refs:
                    del table[word]

    def group_keys(self, refs: Iterable[Ref]) -> dict[Ref, Hashable]:
        """Each candidate's group, as `people_merge._groups_of` finds it over all candidates.

        A one-word name is grouped with every name that starts or ends with it; one-word names
        join through a longer name that starts with one and ends with the other ('Anna Vogel'
        joins 'Anna' and 'Vogel'); a group of one-word names is named by its smallest word. A
        longer name meeting no one-word name is grouped by its first and last word.
        """
        refs = list(refs)
        parent: dict[str, str] = {}

        def find(t: str) -> str:
            parent.setdefault(t, t)
            while parent[t] != t:
                parent[t] = parent[parent[t]]
                t = parent[t]
            return t

        single, tokens = self.single, self.tokens
        for ref in refs:
            t = tokens[ref]
            if len(t) > 1 and t[0] in single and t[-1] in single:
                a, b = find(t[0]), find(t[-1])
                if a != b:
                    parent[max(a, b)] = min(a, b)
        out: dict[Ref, Hashable] = {}
        for ref in refs:
            t = tokens[ref]
            if not t:
                out[ref] = ref  # no name words: never the same as anyone
            elif len(t) == 1 or t[0] in single:
                out[ref] = find(t[0])
            elif t[-1] in single:
                out[ref] = find(t[-1])
            else:
                out[ref] = (t[0], t[-1])
        return out


def _ends(tokens: tuple[str, ...]) -> set[str]:
    return {tokens[0], tokens[-1]} if tokens else set()


def _places(tokens: tuple[str, ...], single: dict, ends: dict) -> list[tuple[str, dict]]:
    """Where a name is indexed: a one-word name by its word, a longer one by its first and last."""
    if not tokens:
        return []
    if len(tokens) == 1:
        return [(tokens[0], single)]
    return [(tokens[0], ends), (tokens[-1], ends)]


def _merged(members: tuple[Ref, ...], candidate: dict[Ref, Candidate]) -> _Group:
    people, indexes = merge_run([candidate[r] for r in members])
    firsts: dict[int, Ref] = {}
    for ref, index in zip(members, indexes, strict=True):
        firsts.setdefault(index, ref)
    return _Group(members, people, indexes, tuple(firsts[i] for i in range(len(people))))


def _keep_equal(group: _Group, was: dict[Ref, Person]) -> None:
    """A person merged again equal to the one of the same first candidate keeps that object, so
    what is kept by person (its unique id, the speaker names, the index) stays."""
    for n, (person, first) in enumerate(zip(group.people, group.firsts, strict=True)):
        old = was.get(first)
        if old is not None and old is not person and old == person:
            group.people[n] = old
