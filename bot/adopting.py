"""Adopting the stored generation at start-up: what the service knows of each seed file.

When seeds, config and code are as the stored generation was built, the bot answers from its
merged facts as saved. Curated files are read again (they are small, and their role synonyms
make the rules key); each document is known by its key, its facts read from the store later.
Example: a start with `a.md` stored and `notes.yaml` curated gives `notes.yaml` its read facts
and `a.md` a FileState with `result=None` and its store key.
"""

from __future__ import annotations

import asyncio

from bot.errors import SeedError
from bot.generation_keys import doc_key
from bot.limits import Limits
from bot.models import CuratedFacts
from bot.seeds import CURATED_SUFFIXES, SeedFile, merge_curated, read_seed
from bot.stored_facts import FileState


async def read_curated_files(
    seeds: list[SeedFile], limits: Limits
) -> tuple[dict[str, FileState], CuratedFacts]:
    """The curated files read now (one that fails is left out) and their merged facts."""
    files: dict[str, FileState] = {}
    for s in seeds:
        if s.path.suffix.lower() not in CURATED_SUFFIXES:
            continue
        try:
            part = await asyncio.to_thread(read_seed, s, limits)
        except SeedError:
            continue
        files[s.name] = FileState(s.name, s.sha256, part)
    return files, merge_curated([f.result for f in files.values()])  # type: ignore[misc]


def stored_documents(
    seeds: list[SeedFile], stored_keys: set[str], rules_key: str
) -> dict[str, FileState]:
    """The documents whose facts the store has under this rules key; their facts load later."""
    out = {}
    for s in seeds:
        key = doc_key(s.sha256, rules_key)
        if s.is_document and key in stored_keys:
            out[s.name] = FileState(s.name, s.sha256, None, key)
    return out
