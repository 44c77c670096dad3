"""What the store holds, as Python sees it, and how it is packed: typed JSON (bot.codec),
zlib-compressed.

A stored record that no longer fits the models raises StaleRecord when read, and the store
reads it as "nothing stored" (the service re-extracts) instead of crashing start-up.
Example: `codec.unpack(DocumentFacts, encode_document_facts(facts)) == facts`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from bot.codec import from_json, pack, to_json
from bot.factbase import FactBase
from bot.merged_parts import lazy_parts
from bot.models import CuratedFacts, DocumentFacts

FILES = tuple[tuple[str, str], ...]
ERRORS = tuple[tuple[str, int | None, str], ...]


@dataclass(frozen=True)
class StoredGeneration:
    """One stored load of seeds/, exactly as the service saved it."""

    id: int
    created: str  # ISO 8601 UTC
    fingerprint: str  # opaque: the service's hash of seeds + config
    documents: tuple[DocumentFacts, ...]  # empty when loaded with documents=False
    curated: CuratedFacts
    files: tuple[tuple[str, str], ...]  # (seed file name, sha256)
    errors: tuple[tuple[str, int | None, str], ...]  # (file, line, reason) at build time
    doc_keys: tuple[str, ...] = ()  # each document's key, in order
    merged: FactBase | None = None  # the merged facts as answered from (merged_parts.slim)


@dataclass(frozen=True)
class GenerationInfo:
    """A stored generation's header, cheap to list (no facts decoded)."""

    id: int
    created: str
    fingerprint: str
    documents: int


def utc_now() -> str:
    """The timestamp format of the store: ISO 8601, UTC, whole seconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def encode_document_facts(facts: DocumentFacts) -> bytes:
    """One document's facts, packed (a module function so tests can make it fail)."""
    return pack(DocumentFacts, facts)


def content_key(facts: DocumentFacts) -> str:
    """A key for facts whose extraction rules the caller cannot name: the hash of the facts."""
    return hashlib.sha256(to_json(DocumentFacts, facts).encode("utf-8")).hexdigest()


def encode_header(curated: CuratedFacts, files: FILES, errors: ERRORS) -> tuple[str, str, str]:
    """A generation's curated facts, files and errors as its row holds them."""
    return to_json(CuratedFacts, curated), to_json(FILES, files), to_json(ERRORS, errors)


def decode_generation(
    head: tuple[Any, ...], keys: tuple[str, ...], parts: list[tuple[str, bytes]]
) -> StoredGeneration:
    """A generation from its row, its documents' keys and its merged parts (read lazily: each
    field of the merged facts is decoded when first read)."""
    gen_id, created, fingerprint, curated, files, errors = head
    return StoredGeneration(
        id=gen_id,
        created=created,
        fingerprint=fingerprint,
        documents=(),
        curated=from_json(CuratedFacts, curated),
        files=from_json(FILES, files),
        errors=from_json(ERRORS, errors),
        doc_keys=keys,
        merged=lazy_parts(parts) if parts else None,
    )
