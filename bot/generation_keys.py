"""What a stored generation's pieces depend on, as hashes: code versions and document keys.

A document's stored facts are reused only when its bytes and the rules (config and extraction
code) are the same; the stored merged facts only when the merging code is the same. Example:
`doc_key(sha, rules)` is the same for the same bytes under the same rules, so a file renamed
back, or a start after a merging-code change, reads its facts instead of extracting them.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

BOT_DIR = Path(__file__).resolve().parent
#: What a document's stored facts depend on besides config: a change re-extracts every file.
#: Every module under bot/extract/, its sub-packages included.
EXTRACTION_CODE = (*sorted((BOT_DIR / "extract").rglob("*.py")),
                   *(BOT_DIR / n for n in ("folding.py", "front_matter.py", "models.py", "seeds.py")))  # fmt: skip
#: What the stored merged facts depend on: a change re-merges at start-up, re-extracting nothing.
MERGE_CODE = tuple(
    BOT_DIR / n
    for n in (
        "factbase.py",
        "people_merge.py",
        "people_names.py",
        "people_run.py",
        "people_roster.py",
        "people_memo.py",
        "people_readings.py",
        "dedupe.py",
        "dedupe_memo.py",
        "merge_cache.py",
        "speaker_names.py",
        "quote_memo.py",
        "codec.py",
        "merged_parts.py",
        "fact_heads.py",
    )
)


def source_hash(paths: list[Path]) -> str:
    """A hash of files' names and bytes, in name order."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@functools.cache
def extractor_version() -> str:
    """A hash of the extraction code: facts extracted by other code are not reused."""
    return source_hash(list(EXTRACTION_CODE))[:16]


@functools.cache
def merge_version() -> str:
    """A hash of the merging code: a stored merged fact base from other code is not adopted."""
    return source_hash(list(MERGE_CODE))[:16]


def doc_key(sha256: str, rules_key: str) -> str:
    """The store's key for a document's facts: the same bytes under the same rules give the same
    facts, so they are stored (and extracted) once."""
    return hashlib.sha256(f"{sha256}\0{rules_key}".encode()).hexdigest()
