"""What `merge_people` keeps between reloads, so a reload merges again only the groups of people
that a changed document's people can meet.

Candidates of different groups (bot.people_merge._groups_of) are never compared, so each group
merges on its own: a group whose candidates are the very ones of last time (by document reading
and place) is taken as it was. Example: of a thousand documents, a reload that changed one merges
the few groups its people fall in. The result equals `merge_people` without a memo.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence

from bot.extract.lexicon import Lexicon
from bot.models import CuratedPerson, DocumentFacts, Person
from bot.people_merge import (
    _Candidate,
    _candidate,
    _CuratedIndex,
    _groups_of,
    _merge_run,
    unique_ids,
)

#: Serial numbers of documents' candidates, never reused: (serial, index) names one candidate.
_SERIALS = itertools.count()


#: A document, the serial of this reading of it, and its candidates.
_DocCandidates = tuple[DocumentFacts, int, tuple[_Candidate, ...]]


class PeopleMemo:
    """What `merge_people` keeps between reloads: each document's candidates (curated entries
    applied), by the document object, and each group's merge, by its candidates' ids."""

    def __init__(self) -> None:
        self._rules: tuple[tuple[CuratedPerson, ...], Lexicon | None] | None = None
        self._docs: dict[int, _DocCandidates] = {}
        self._groups: dict[tuple, tuple[list[Person], list[int]]] = {}
        self._renamed: dict[tuple[int, str], tuple[Person, Person]] = {}

    def _candidates(
        self,
        per_document: Sequence[DocumentFacts],
        curated: tuple[CuratedPerson, ...],
        lexicon: Lexicon | None,
    ) -> list[_DocCandidates]:
        """Each document's candidates; all are worked out again when the rules change."""
        if self._rules is None or self._rules[1] is not lexicon or self._rules[0] != curated:
            self._docs, self._groups, self._renamed = {}, {}, {}
            self._rules = (curated, lexicon)
        entries = _CuratedIndex(curated)
        kept = {}
        for facts in per_document:
            hit = self._docs.get(id(facts))
            if hit is None or hit[0] is not facts:
                own = tuple(_candidate(p, entries, lexicon) for p in facts.people)
                hit = (facts, next(_SERIALS), own)
            kept[id(facts)] = hit
        self._docs = kept
        return [kept[id(f)] for f in per_document]

    def merge(
        self,
        per_document: Sequence[DocumentFacts],
        curated: tuple[CuratedPerson, ...],
        lexicon: Lexicon | None,
    ) -> tuple[tuple[Person, ...], dict[tuple[str, str], str]]:
        """`merge_people(per_document, curated, lexicon)`, reusing unchanged groups."""
        docs = self._candidates(per_document, curated, lexicon)
        candidates = [c for _f, _n, own in docs for c in own]
        sids = [(n, i) for _f, n, own in docs for i in range(len(own))]
        members: dict[Hashable, list[int]] = {}
        for position, group in enumerate(_groups_of(candidates)):
            members.setdefault(group, []).append(position)
        kept: dict[tuple, tuple[list[Person], list[int]]] = {}
        created: list[tuple[int, Person]] = []  # (position of the first candidate, person)
        index_of = [0] * len(candidates)
        for positions in members.values():
            ids = tuple(sids[i] for i in positions)
            run = self._groups.get(ids)
            if run is None:
                run = _merge_run([candidates[i] for i in positions])
            kept[ids] = run
            people, indexes = run
            first: dict[int, int] = {}
            for position, index in zip(positions, indexes, strict=True):
                first.setdefault(index, position)
            order = sorted(first, key=first.__getitem__)
            for index in order:
                created.append((first[index], people[index]))
            for position, index in zip(positions, indexes, strict=True):
                index_of[position] = first[index]
        self._groups = kept
        created.sort(key=lambda x: x[0])
        people = unique_ids([p for _pos, p in created], self._renamed)
        final = {pos: people[k].id for k, (pos, _p) in enumerate(created)}
        mapping: dict[tuple[str, str], str] = {}
        for (facts, _n, _own), in_doc in zip(docs, _runs(docs), strict=True):
            for person, position in zip(facts.people, in_doc, strict=True):
                mapping[(facts.document.id, person.id)] = final[index_of[position]]
        return tuple(people), mapping


def _runs(docs: Sequence[_DocCandidates]) -> list[range]:
    """The positions of each document's candidates in the flat list."""
    out, start = [], 0
    for _f, _n, own in docs:
        out.append(range(start, start + len(own)))
        start += len(own)
    return out
