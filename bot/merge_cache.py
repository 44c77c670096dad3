"""What a merge keeps between reloads, so the next one redoes only what its changes touch.

`build_factbase(documents, curated, lexicon, cache=cache)` equals the build without a cache,
whatever documents the earlier builds saw: each document's parts are kept by the very object
they were worked out from (a document read again is a new object, and is worked out again), and
every part is dropped when the curated facts or the lexicon change. Example: of a thousand
documents, a reload that changed one works out that one's parts; the other 999 are looked up.

Besides the parts it holds what each step of the merge keeps between merges, so each redoes
only what the changed documents touch: the people's groups, order and map (bot.people_memo),
the speaker names quotes give (bot.speaker_names), the restated commitments and events
and restated quotes (bot.dedupe_memo, bot.quote_memo).

A cache belongs to one caller that builds one fact base at a time (the service, under its
reload lock); it is not for concurrent builds.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING

from bot.dedupe import _Item
from bot.dedupe_memo import FactMemo
from bot.extract.lexicon import Lexicon
from bot.fact_delta import DOC_KINDS, FactDelta, doc_change
from bot.models import Commitment, CuratedFacts, DocumentFacts, Event, Quote
from bot.people_memo import PeopleMemo
from bot.quote_memo import QuoteMemo
from bot.speaker_names import SpeakerNames

if TYPE_CHECKING:
    from bot.factbase import FactBase

#: Serial numbers of document parts: never reused, so a fact's id (serial, index) names one
#: reading of one document for as long as the process runs.
_SERIALS = itertools.count()


@dataclass(slots=True)
class DocParts:
    """What one reading of a document contributes to a merge, worked out once.

    `commitments` and `events` are corrected (and commitments hold tuples); the items are their
    comparable forms for bot.dedupe; `quotes` holds the quotes as last merged (speakers mapped
    and named, corrected), kept while the document's people map and those names stay.
    """

    serial: int
    doc_id: str
    heads: tuple[int, ...]
    commitments: tuple[Commitment, ...]
    events: tuple[Event, ...]
    commitment_items: tuple[_Item, ...]
    event_items: tuple[_Item, ...]
    regular: bool  # no commitment in one bucket twice (see FactMemo): else merged without memo
    quotes: tuple[Quote, ...] | None = None  # final: mapped, corrected, speakers named
    speakers: frozenset[str] = frozenset()  # the speaker texts named in them


class MergeCache:
    """Results of earlier merges, by the inputs they were worked out from."""

    def __init__(self) -> None:
        self._rules: tuple[CuratedFacts, Lexicon | None] | None = None
        self._reset()

    def _reset(self) -> None:
        self._base: weakref.ref[FactBase] | None = None  # the last fact base built, see `delta`
        self._made: set[str] = set()  # document ids of the last `parts`' new parts
        self._dropped: set[str] = set()  # and of the parts it forgot
        self._facts: dict[int, DocumentFacts] = {}  # by id: the documents of the last merge
        self._parts: dict[int, DocParts] = {}  # and their parts
        self.commitments = FactMemo("commitment")
        self.events = FactMemo("event")
        self.people = PeopleMemo()
        self.names = SpeakerNames()
        self.quotes = QuoteMemo()

    def use_rules(self, curated: CuratedFacts, lexicon: Lexicon | None) -> None:
        """Forget everything when the curated facts or the lexicon differ from the last merge's:
        called first by each merge, so no part of it reads what other rules worked out."""
        rules = self._rules
        if rules is None or rules[1] is not lexicon or rules[0] != curated:
            self._reset()
            self._rules = (curated, lexicon)

    def parts(
        self,
        per_document: Sequence[DocumentFacts],
        make: Callable[[DocumentFacts, int], DocParts],
    ) -> list[DocParts]:
        """Each document's parts, in order: kept ones for documents seen last time, `make`
        (document, new serial) for the others. Parts of documents not given are forgotten."""
        keys = list(map(id, per_document))
        seen = list(map(self._facts.get, keys))  # the very objects seen last time, else None
        parts = list(map(self._parts.get, keys))
        made, dropped = set(), set()
        for n in compress(range(len(keys)), map(is_not, seen, per_document)):
            facts = per_document[n]
            if seen[n] is not None:  # another object under a reused id
                dropped.add(parts[n].doc_id)  # type: ignore[union-attr]
            parts[n] = make(facts, next(_SERIALS))
            made.add(facts.document.id)
        gone = self._facts.keys() - set(keys)
        dropped.update(self._parts[k].doc_id for k in gone)
        self._facts = dict(zip(keys, per_document, strict=True))
        self._parts = dict(zip(keys, parts, strict=True))  # type: ignore[arg-type]
        self._made, self._dropped = made, dropped
        return parts  # type: ignore[return-value]

    def take_base(self) -> FactBase | None:
        """The fact base the last merge built, if it is alive; forgotten until `built` is called
        (a merge that fails half way leaves the memos ahead of it)."""
        base = self._base() if self._base is not None else None
        self._base = None
        return base

    def built(self, facts: FactBase, base: FactBase | None) -> FactDelta | None:
        """Record `facts` as the last fact base built (every memo merged it) and return what
        changed from `base` (the one `take_base` gave), or None without one."""
        self._base = weakref.ref(facts)
        if base is None:
            return None
        kinds = {}
        for kind, memo in zip(DOC_KINDS, (self.commitments, self.quotes, self.events), strict=True):
            change = doc_change(*memo.last_change)
            if change is None:
                return None
            kinds[kind] = change
        made, dropped = self._made, self._dropped
        return FactDelta(
            weakref.ref(base),
            tuple(self.names.gone),
            tuple(self.names.new),
            kinds,
            frozenset(dropped - made),
            frozenset(made - dropped),
        )
