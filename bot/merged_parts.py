"""The merged fact base as stored: in parts of at most PART_SIZE facts, each packed on its own.

One blob of a thousand documents' merged facts is ~15 MB of JSON: encoding it holds the GIL in
one long call (a stall for the event loop), and decoding it builds the whole JSON tree at once
(a peak of memory several times the facts' size). In parts, each call is short and each tree
is dropped before the next is read. `decode_parts(encode_parts(fb)) == fb`.

`lazy_parts` reads them as saved without decoding: each field is decoded the first time it is
read, so an answer from a fresh start decodes what it shows only. Beside the fields are the
people's heads and the documents' headers (bot.fact_heads), and a person can be decoded with
the part that holds them: `ask '!ministers'` reads the heads, decodes the parts that hold the
60 people it shows and cites documents by their headers, and decodes no other field.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import threading
import zlib
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate
from typing import Any, get_type_hints

from bot.codec import StaleRecord, pack, unpack
from bot.fact_heads import (
    DOCUMENT_HEADS,
    PEOPLE_HEADS,
    DocumentHead,
    PeopleAt,
    decode_document_heads,
    decode_people_heads,
    encode_document_heads,
    encode_people_heads,
)
from bot.factbase import FactBase
from bot.models import Person

#: Facts per stored part: small enough that one part encodes or decodes in a few milliseconds.
PART_SIZE = 400
#: The part holding `FactBase.counts()`, so a report of the stored facts decodes none of them.
COUNTS = "#counts"
#: Parts that are not fields of the fact base.
EXTRA_PARTS = frozenset({COUNTS, PEOPLE_HEADS, DOCUMENT_HEADS})


@functools.cache
def _field_types() -> dict[str, Any]:
    hints = get_type_hints(FactBase)
    return {f.name: hints[f.name] for f in dataclasses.fields(FactBase)}


def slim(merged: FactBase) -> FactBase:
    """The merged facts as stored: whole, except that each document's own facts keep only what
    the index reads (the document, its sentences and words, its quotes and their topics); the
    rest is in the merged lists already, and stored by document key.
    """
    return replace(
        merged,
        per_document=tuple(
            replace(d, people=(), commitments=(), events=()) for d in merged.per_document
        ),
    )


def encode_parts(merged: FactBase) -> list[tuple[str, bytes]]:
    """(field name, packed JSON) parts, in order; a tuple field is cut into PART_SIZE slices."""
    facts = slim(merged)
    parts = []
    sizes: dict[str, list[int]] = {}
    for name, tp in _field_types().items():
        value = getattr(facts, name)
        if isinstance(value, tuple):
            for start in range(0, max(len(value), 1), PART_SIZE):
                chunk = value[start : start + PART_SIZE]
                parts.append((name, pack(tp, chunk)))
                sizes.setdefault(name, []).append(len(chunk))
        else:
            parts.append((name, pack(tp, value)))
    parts.append((COUNTS, zlib.compress(json.dumps(merged.counts()).encode("utf-8"))))
    parts.append((PEOPLE_HEADS, encode_people_heads(facts.people, sizes["people"])))
    parts.append((DOCUMENT_HEADS, encode_document_heads(facts.documents)))
    return parts


def decode_parts(parts: Iterable[tuple[str, bytes]]) -> FactBase:
    """The FactBase `encode_parts` was given (slimmed); StaleRecord if a part no longer fits."""
    types = _field_types()
    values: dict[str, Any] = {}
    for name, blob in parts:
        if name in EXTRA_PARTS:
            continue
        if name not in types:
            raise StaleRecord(f"the fact base has no field {name!r}")
        value = unpack(types[name], blob)
        values[name] = values.get(name, ()) + value if isinstance(value, tuple) else value
    try:
        return FactBase(**values)
    except TypeError as exc:
        raise StaleRecord(f"FactBase: {exc}") from None


def lazy_parts(parts: Iterable[tuple[str, bytes]]) -> FactBase:
    """The FactBase of `encode_parts`, each field decoded on first read (see StoredFactBase).

    Field names are checked now (StaleRecord for one the fact base no longer has); the parts
    themselves are read by the same code that wrote them (the service adopts a stored fact base
    only under the same merge code), so they decode.
    """
    types = _field_types()
    blobs: dict[str, list[bytes]] = {}
    for name, blob in parts:
        if name not in types and name not in EXTRA_PARTS:
            raise StaleRecord(f"the fact base has no field {name!r}")
        blobs.setdefault(name, []).append(blob)
    facts = object.__new__(StoredFactBase)
    object.__setattr__(facts, "_stored", blobs)
    object.__setattr__(facts, "_stored_lock", threading.Lock())
    object.__setattr__(facts, "_stored_slices", {})
    return facts


class StoredFactBase(FactBase):
    """A FactBase read from the store whose fields are decoded when first read.

    It equals the FactBase it was stored from (field by field, either way round), `replace`
    makes an ordinary one, and two threads reading one field decode it once (a lock), so each
    field is one object for the life of the generation (the index lends by object identity).
    `stored_people()` and `stored_document_heads()` answer from the heads (bot.fact_heads)
    while the people or the documents are not decoded; a person read through them is the very
    object `people` holds at that position once it is decoded.
    """

    def _load(self, name: str) -> Any:
        with self._stored_lock:
            if name not in self.__dict__:
                self.__dict__[name] = self._decoded(name, _field_types()[name])
        return self.__dict__[name]

    def _decoded(self, name: str, tp: Any) -> Any:
        blobs = self._stored.pop(name, None)
        if blobs is None:
            field = next(f for f in dataclasses.fields(FactBase) if f.name == name)
            if field.default_factory is not dataclasses.MISSING:
                return field.default_factory()
            return field.default
        if len(blobs) == 1 and not self._stored_slices:
            return unpack(tp, blobs[0])
        done = self._stored_slices
        return tuple(
            item
            for k, blob in enumerate(blobs)
            for item in (done.pop((name, k), None) or unpack(tp, blob))
        )

    def stored_people(self) -> PeopleAt | None:
        """Every person as a PeopleAt over the stored heads; None when the people are decoded
        already or no heads were stored (then read `people`)."""
        if "people" in self.__dict__:
            return None
        with self._stored_lock:
            found = self.__dict__.get("_people_view")
            if found is None and "people" in self._stored and PEOPLE_HEADS in self._stored:
                heads, sizes = decode_people_heads(self._stored[PEOPLE_HEADS][0])
                counted = self.counts()["people"] if COUNTS in self._stored else len(heads)
                if (
                    len(sizes) != len(self._stored["people"])
                    or not sum(sizes) == len(heads) == counted
                ):
                    return None  # not the heads of these parts: the people are decoded instead
                self.__dict__["_people_ends"] = tuple(accumulate(sizes))
                found = PeopleAt(range(len(heads)), heads, self.person_at)
                self.__dict__["_people_view"] = found
        return found

    def person_at(self, i: int) -> Person:
        """The person at position `i`, decoding only the stored part that holds them."""
        people = self.__dict__.get("people")
        if people is not None:
            return people[i]
        with self._stored_lock:
            people = self.__dict__.get("people")
            if people is not None:
                return people[i]
            ends = self.__dict__["_people_ends"]
            k = bisect.bisect_right(ends, i)
            part = self._stored_slices.get(("people", k))
            if part is None:
                tp = _field_types()["people"]
                part = self._stored_slices["people", k] = unpack(tp, self._stored["people"][k])
            return part[i - (ends[k - 1] if k else 0)]

    def stored_document_heads(self) -> dict[str, DocumentHead] | None:
        """Each document's header by id, in order; None when the documents are decoded already
        or no headers were stored (then read `documents`)."""
        if "documents" in self.__dict__:
            return None
        found = self.__dict__.get("_document_heads")
        if found is not None:
            return found
        with self._stored_lock:
            found = self.__dict__.get("_document_heads")
            if found is None and DOCUMENT_HEADS in self._stored:
                heads = decode_document_heads(self._stored[DOCUMENT_HEADS][0])
                found = self.__dict__["_document_heads"] = {d.id: d for d in heads}
        return found

    def counts(self) -> dict[str, int]:
        stored = self.__dict__.get("_stored", {}).get(COUNTS)
        if stored:
            return json.loads(zlib.decompress(stored[0]))
        return super().counts()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FactBase):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in _field_types())

    __hash__ = FactBase.__hash__


class _StoredField:
    """A field of StoredFactBase: its value once set or decoded, else decoded now (a data
    descriptor, so it wins over the dataclass's class-level default)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, facts: StoredFactBase | None, owner: type | None = None) -> Any:
        if facts is None:
            return self
        try:
            return facts.__dict__[self.name]
        except KeyError:
            return facts._load(self.name)

    def __set__(self, facts: StoredFactBase, value: Any) -> None:
        facts.__dict__[self.name] = value  # FactBase.__init__ (`replace`) sets every field


for _field in dataclasses.fields(FactBase):
    setattr(StoredFactBase, _field.name, _StoredField(_field.name))
