"""What one merge changed from the fact base the same MergeCache built before it.

A merge with a cache redoes only the documents and people its changes touch, and it knows which
those are; `FactDelta` hands that on, so what follows the merge (the diff of the reload, the
per-document counts, the index's lending) reads the changed facts instead of walking every fact
to find them. Example: a reload that appended a sentence to one document of three thousand has a
delta of that document's commitments, events and quotes before and after, and the people who
came or went; the other documents' facts are the very objects of the fact base before.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.dedupe import MergedFact
    from bot.factbase import FactBase

#: The fact kinds whose facts are kept per document (a fact's group is its source's document).
DOC_KINDS = ("commitments", "quotes", "events")


@dataclass(frozen=True)
class DocChange:
    """One kind's facts of the documents a merge put together again: `before` as the fact base
    before had them, `after` as the new one has them, each in the lists' order. Every other
    document's facts of this kind are the same objects, in the same order, in both."""

    documents: frozenset[str]
    before: tuple[Any, ...]
    after: tuple[Any, ...]
    records_before: tuple[MergedFact, ...] = ()  # their merge records (bot.dedupe), likewise
    records_after: tuple[MergedFact, ...] = ()


@dataclass(frozen=True)
class FactDelta:
    """The change from `base` (held weakly: a generation does not keep the one before alive).

    `people_gone` and `people_new` are the person objects only one of the two fact bases holds
    (in no particular order); `kinds` has a DocChange per kind of DOC_KINDS; `documents_gone`
    and `documents_new` are the document ids only one of them has.
    """

    base: weakref.ref[FactBase]
    people_gone: tuple[Any, ...]
    people_new: tuple[Any, ...]
    kinds: dict[str, DocChange]
    documents_gone: frozenset[str]
    documents_new: frozenset[str]

    def is_from(self, base: FactBase) -> bool:
        return self.base() is base


def doc_change(
    documents: set[str],
    before: Sequence[Any],
    after: Sequence[Any],
    records_before: Sequence[MergedFact],
    records_after: Sequence[MergedFact],
) -> DocChange | None:
    """A DocChange, or None when a fact's source names a document outside `documents` (then the
    facts of a document are not all in its own part, and the delta cannot stand for them)."""
    for fact in (*before, *after, *records_before, *records_after):
        if fact.source.doc_id not in documents:
            return None
    return DocChange(
        frozenset(documents),
        tuple(before),
        tuple(after),
        tuple(records_before),
        tuple(records_after),
    )
