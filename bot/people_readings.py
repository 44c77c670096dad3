"""Each document's reading of its people, kept between merges by bot.people_memo.

A reading is the document's facts, a serial never reused, and its people as merge candidates.
`Readings.read` tells which readings a merge drops and which it adds, looking at the documents
given anew only: the documents kept as the very same objects keep their readings, found in one
native pass. A document read again whose people equal its last reading's (an edit that names
no one anew, a paragraph added at the end) takes over that reading's serial and candidates, so
its people merge as they did. Example: of 3,000 documents, a reload that changed one makes one
reading (or takes one over) and drops the one it replaces.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import is_

from bot.models import DocumentFacts
from bot.people_run import Candidate

#: Serial numbers of documents' readings, never reused.
_SERIALS = itertools.count()

#: A reading of a document: the facts, its serial, and its candidates.
Reading = tuple[DocumentFacts, int, tuple[Candidate, ...]]


class Readings:
    """The readings of the last merge: by id(facts) and by serial (`live`)."""

    def __init__(self) -> None:
        self._by_facts: dict[int, Reading] = {}  # id(facts) → reading (it holds the facts)
        self.live: dict[int, Reading] = {}  # serial → reading
        self._ids: Counter[str] = Counter()  # how many live readings each document id has

    def read(
        self,
        per_document: Sequence[DocumentFacts],
        candidates: Callable[[DocumentFacts], tuple[Candidate, ...]],
    ) -> tuple[list[Reading], list[Reading]]:
        """Take this merge's documents: (the readings dropped, the readings added), each in the
        order of the documents given. `candidates` makes a document's candidates."""
        by_facts = self._by_facts
        keys = list(map(id, per_document))
        hits = map(by_facts.get, keys)
        fresh = [per_document[n] for n in compress(range(len(keys)), map(is_, hits, repeat(None)))]
        given = set(keys)
        if len(given) == len(by_facts) and not fresh:
            return [], []
        left = [by_facts[k] for k in by_facts.keys() - given]  # readings given no more
        last = {r[0].document.id: r for r in left if self._ids[r[0].document.id] == 1}
        added: list[Reading] = []
        taken: set[int] = set()
        for facts in fresh:
            was = last.pop(facts.document.id, None)
            if was is not None and was[0].people == facts.people:
                reading = (facts, was[1], was[2])
                taken.add(was[1])
            else:
                reading = (facts, next(_SERIALS), candidates(facts))
                added.append(reading)
            by_facts[id(facts)] = reading
            self.live[reading[1]] = reading
        gone = [r for r in left if r[1] not in taken]
        for r in left:
            del by_facts[id(r[0])]
        ids = self._ids
        for r in gone:
            del self.live[r[1]]
            doc_id = r[0].document.id
            ids[doc_id] -= 1
            if not ids[doc_id]:
                del ids[doc_id]
        ids.update(r[0].document.id for r in added)
        return gone, added
