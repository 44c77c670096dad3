"""Merging the documents read so far while the extraction pool reads the rest.

A reload that extracts many documents would otherwise merge and index all of them only after
the last one came back, on one core, while the other cores sit idle. Instead, each time a
further share of the documents has come back (`MARKS`), the documents read so far are merged
in a worker thread, through the service's merge cache, and the last such merge is indexed too;
the merge after extraction then only adds the last documents to what the cache kept, and the
last partial index lends its tables to the final index. The final result is the same as
merging everything at once: the cache works from any earlier merge (a reload that adds files
relies on the same).

Example: 1,000 documents to extract; when 700 have come back, those (and the documents kept
from the live generation) are merged; at 900 they are merged again and indexed; after the
1,000th, the final merge adds 100 documents to the cache's state instead of merging 1,000 anew
(at 1,000 documents, ~2 s of merging and indexing after the last document come down to
~0.5 s, for ~2 s of CPU while extracting, during which one worker pauses: bot.extraction_lanes).
A reload that extracts fewer than `MIN_DOCUMENTS` merges once, after extraction. Each extra
merge costs CPU the workers could use, so there are few marks.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.models import DocumentFacts

if TYPE_CHECKING:
    from bot.config import FuzzySettings
    from bot.extract.lexicon import Lexicon
    from bot.factbase import MergeCache
    from bot.models import CuratedFacts
    from bot.search import FactIndex

log = logging.getLogger(__name__)
#: Fewer documents to extract than this: no merge ahead (its overhead would not pay).
MIN_DOCUMENTS = 200
#: The shares of the documents to extract after which a merge ahead starts (when none runs).
MARKS = (0.7, 0.9)
#: No merge ahead starts past this share: it would still run when the last document comes back.
LAST = 0.95


class MergeAhead:
    """Partial merges and indexes of a reload's documents while they are extracted.

    `take` is told each extraction outcome (on the event loop); `settle` waits for the merge
    under way and gives the index of the last partial merge, for the final index to borrow
    from. Only one merge runs at a time, so the merge cache is never used by two threads.
    """

    def __init__(
        self,
        cache: MergeCache,
        curated: CuratedFacts,
        lexicon: Lexicon,
        fuzzy: FuzzySettings,
        kept: Sequence[DocumentFacts],
        total: int,
        *,
        marks: Sequence[float] = MARKS,
        least: int = MIN_DOCUMENTS,
    ) -> None:
        self._cache = cache
        self._curated = curated
        self._lexicon = lexicon
        self._fuzzy = fuzzy
        self._documents = list(kept)
        self._total = total
        self._received = 0
        self._marks = [max(1, round(share * total)) for share in marks if total >= least]
        self._task: asyncio.Future[FactIndex | None] | None = None
        self.index: FactIndex | None = None
        self.merges = 0
        #: Clear while a merge runs: the pool then feeds one worker only (bot.extraction_lanes).
        self.go = threading.Event()
        self.go.set()

    def take(self, outcome: object) -> None:
        """One document came back (on the event loop): keep its facts, and start a merge
        ahead when a mark is passed and none runs."""
        self._received += 1
        if isinstance(outcome, DocumentFacts):
            self._documents.append(outcome)
        if not self._marks or self._received < self._marks[0] or self.running:
            return
        while self._marks and self._received >= self._marks[0]:
            self._marks.pop(0)
        if self._received > LAST * self._total:
            return
        documents = list(self._documents)
        index = not self._marks  # the last merge ahead: index it for the final index to borrow
        self.go.clear()
        self._task = asyncio.ensure_future(asyncio.to_thread(self._merge, documents, index))
        self._task.add_done_callback(self._keep_index)

    @property
    def running(self) -> bool:
        """Whether a merge ahead is under way."""
        return self._task is not None and not self._task.done()

    def _merge(self, documents: list[DocumentFacts], index: bool) -> FactIndex | None:
        """Blocking: merge the documents so far (the cache keeps what it worked out), and
        index them when asked."""
        from bot.factbase import build_factbase
        from bot.search import FactIndex

        try:
            facts = build_factbase(documents, self._curated, self._lexicon, cache=self._cache)
            return FactIndex(facts, self._lexicon, self._fuzzy).prepare() if index else None
        finally:
            self.go.set()

    def _keep_index(self, task: asyncio.Future[FactIndex | None]) -> None:
        if not task.cancelled() and task.exception() is None:
            found = task.result()
            self.index = self.index if found is None else found
            self.merges += 1

    async def settle(self) -> FactIndex | None:
        """Wait for the merge under way, if any (its error is raised here); the index of the
        last partial merge, or None when there was none."""
        self._marks = []
        if self._task is not None:
            await asyncio.wait({self._task})
            self._task.result()
        return self.index

    async def stop(self) -> None:
        """Start no more merges and wait for the one under way (a reload that failed: its
        error is logged, the reload's own error is what the caller raises)."""
        self._marks = []
        if self._task is not None:
            await asyncio.wait({self._task})
            if not self._task.cancelled() and self._task.exception() is not None:
                log.warning("a merge ahead failed: %r", self._task.exception())
