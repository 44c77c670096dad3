"""The merged fact base as stored: in parts of at most PART_SIZE facts, each packed on its own.

One blob of a thousand documents' merged facts is ~15 MB of JSON: encoding it holds the GIL in
one long call (a stall for the event loop), and decoding it builds the whole JSON tree at once
(a peak of memory several times the facts' size). In parts, each call is short and each tree
is dropped before the next is read. `decode_parts(encode_parts(fb)) == fb`.
"""

from __future__ import annotations

import dataclasses
import functools
import zlib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, get_type_hints

from bot.codec import StaleRecord, from_json, to_json
from bot.factbase import FactBase

#: Facts per stored part: small enough that one part encodes or decodes in a few milliseconds.
PART_SIZE = 400


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
    for name, tp in _field_types().items():
        value = getattr(facts, name)
        if isinstance(value, tuple):
            for start in range(0, max(len(value), 1), PART_SIZE):
                chunk = value[start : start + PART_SIZE]
                parts.append((name, zlib.compress(to_json(tp, chunk).encode("utf-8"), 6)))
        else:
            parts.append((name, zlib.compress(to_json(tp, value).encode("utf-8"), 6)))
    return parts


def decode_parts(parts: Iterable[tuple[str, bytes]]) -> FactBase:
    """The FactBase `encode_parts` was given (slimmed); StaleRecord if a part no longer fits."""
    types = _field_types()
    values: dict[str, Any] = {}
    for name, blob in parts:
        if name not in types:
            raise StaleRecord(f"the fact base has no field {name!r}")
        try:
            text = zlib.decompress(blob).decode("utf-8")
        except (zlib.error, UnicodeDecodeError) as exc:
            raise StaleRecord(f"not a stored part: {exc}") from None
        value = from_json(types[name], text)
        values[name] = values.get(name, ()) + value if isinstance(value, tuple) else value
    try:
        return FactBase(**values)
    except TypeError as exc:
        raise StaleRecord(f"FactBase: {exc}") from None
