"""The seed files as the service last listed them: their stamps, hashes and fingerprint.

A reload starts by listing seeds/; at 1,000 files that is most of what a reload that finds
nothing changed does, so the listing keeps what it learnt: each file's (size, mtime, inode,
hash) and its SeedFile, so an unchanged file costs one `stat` call and is the same object as
last time. The stamps are stored (bot.store_seeds), so a start-up hashes only the files changed
while the bot was stopped. Example: `files.list()` twice over an unchanged folder hashes each
file once; `files.fingerprint(seeds, config_hash)` then tells whether a rebuild is needed.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from bot.generation_keys import merge_version
from bot.limits import Limits
from bot.seeds import SeedFile, list_seed_files

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)
Stamp = tuple[int, int, int, str]  # size, mtime in ns, inode, sha256


def fingerprint(seeds: list[SeedFile], config_hash: str) -> str:
    """A hash of every file's name and bytes, the config and the merging code: equal
    fingerprints mean a reload would build the same generation."""
    listing = "".join(f"{s.name}\0{s.sha256}\n" for s in seeds)
    return hashlib.sha256(
        f"{listing}{config_hash}{merge_version()}".encode("utf-8", "surrogateescape")
    ).hexdigest()


class SeedFiles:
    """The listing of seeds/ and what it remembers between listings and runs (see above)."""

    def __init__(self, seeds_dir: Path, limits: Limits) -> None:
        self.seeds_dir = seeds_dir
        self.limits = limits
        self._stamps: dict[str, Stamp] = {}
        self._saved: dict[str, Stamp] = {}  # as the store has them
        self._made: dict[str, SeedFile] = {}
        self._last: tuple[list[SeedFile], str, str] = ([], "", "")  # seeds, config, fingerprint

    def list(self) -> list[SeedFile]:
        """Blocking (run it off the loop): every seed file, sorted by name, with its hash."""
        seeds = list_seed_files(self.seeds_dir, self.limits, self._stamps, self._made)
        if len(self._made) > len(seeds):  # forget removed files
            names = {s.name for s in seeds}
            self._made = {n: s for n, s in self._made.items() if n in names}
        for s in seeds:
            if s.is_document:
                s.doc_id  # noqa: B018 - worked out here, off the loop, and kept on the SeedFile
        return seeds

    def fingerprint(self, seeds: list[SeedFile], config_hash: str) -> str:
        """`fingerprint(seeds, config_hash)`, not hashed again when the listing holds the very
        SeedFiles of the last call (an unchanged file is the same object from one listing to
        the next): 3,000 names and hashes cost ~3 ms to hash."""
        last, last_config, last_print = self._last
        if (
            config_hash == last_config
            and len(seeds) == len(last)
            and all(a is b for a, b in zip(seeds, last, strict=True))
        ):
            return last_print
        self._last = (seeds, config_hash, fingerprint(seeds, config_hash))
        return self._last[2]

    async def load_stamps(self, store: Store) -> None:
        """Start from the stamps the store remembers (a failure leaves them empty, logged by
        the caller)."""
        self._saved = await store.load_seed_stats()
        self._stamps = dict(self._saved)

    async def save_stamps(self, store: Store | None, names: set[str]) -> None:
        """Remember these files' stamps and hashes for the next start, when they differ from
        what the store has; a failure is logged."""
        stamps = {n: stamp for n, stamp in self._stamps.items() if n in names}
        if store is None or stamps == self._saved:
            return
        try:
            await store.save_seed_stats(stamps)
            self._saved = stamps
        except Exception:
            log.exception("could not store the seed files' hashes")
