"""The bounds on what one seed file may cost (config/bot.yaml `limits`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on what one seed file may cost, checked before any extraction work.

    A file over `file_bytes`, or holding a run of `word_chars` characters without a space (no
    real word or link is that long), is refused with its name and reason; a document whose
    extraction takes over `extract_seconds` is stopped and keeps its last good facts.
    `workers` is the number of extraction processes (0: one per core).
    """

    file_bytes: int = 1024 * 1024
    word_chars: int = 500
    extract_seconds: float = 30.0
    workers: int = 0
