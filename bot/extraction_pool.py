"""Extraction in worker processes, each document under a time limit.

Extraction is pure Python and CPU-bound. Run in threads it would use one core and hold the GIL
against the event loop; run in processes it uses every core, and a document that takes too long
is stopped by killing its worker, which no thread can do. So each worker process serves one
document at a time over a pipe, and the parent gives it `limits.extract_seconds`:

- on time: the document's facts (or its SeedError) come back;
- late: the worker is killed and replaced, and the document gets a SeedError naming the limit,
  so the service keeps its last good facts;
- the worker dies (killed by the host, a crash): a SeedError says so, and a new worker starts.

Each pool slot is a thread that waits on its worker's pipe (waiting releases the GIL), so the
event loop only awaits futures. Workers start on first use (or by `prestart`), each a fresh
interpreter (never a `fork`: the parent runs threads, and a forked child could inherit a held
lock), and keep the last lexicon they were sent.
A worker and its pipe are in bot.extraction_worker; the lanes that keep workers busy with runs of
documents are in bot.extraction_lanes.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import pickle
import threading
import weakref
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from bot.errors import SeedError
from bot.extract.lexicon import Lexicon
from bot.extraction_lanes import Batch, run_lane
from bot.extraction_worker import Outcome, WorkerSet, read_and_extract
from bot.limits import Limits
from bot.models import DocumentFacts
from bot.seeds import SeedFile

Progress = Callable[[str], Awaitable[None]]


class ExtractionPool:
    """Worker processes that extract documents, at most `size` at a time, each under a limit.

    `await pool.extract(seeds, lexicon, limits)` returns one DocumentFacts or SeedError per
    seed, in order. Thread-safe and usable from any event loop; `close()` ends the workers.
    """

    def __init__(self, size: int = 0) -> None:
        self.size = size or os.cpu_count() or 1
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="extract")
        self.workers = WorkerSet()
        self._lock = threading.Lock()
        self._lexicons: weakref.WeakKeyDictionary[Lexicon, tuple[str, bytes]] = (
            weakref.WeakKeyDictionary()
        )

    def _packed(self, lexicon: Lexicon) -> tuple[str, bytes]:
        """The lexicon pickled, and its key, once per lexicon object.

        The key stays the lexicon's while it lives, so a worker keeps the lexicon it has and
        the extractors' patterns compiled for it. Pickling it again at each reload would give
        other bytes once the parent has filled the lexicon's cached properties (merging reads
        them), and every worker would load it and compile every pattern again: ~300 ms on the
        first document each worker takes after a full reload.
        """
        with self._lock:
            packed = self._lexicons.get(lexicon)
            if packed is None:
                payload = pickle.dumps(lexicon)
                packed = self._lexicons[lexicon] = (hashlib.sha256(payload).hexdigest(), payload)
            return packed

    async def extract(
        self,
        seeds: Sequence[SeedFile],
        lexicon: Lexicon,
        limits: Limits,
        progress: Progress | None = None,
        packed: dict[str, bytes] | None = None,
        each: Callable[[Outcome], None] | None = None,
        go: threading.Event | None = None,
    ) -> list[Outcome]:
        """Every seed's outcome, in order; progress is told each document as it finishes.

        With `packed`, each extracted document's facts are also packed for the store by the
        worker, into `packed` by file name: packing 1,000 documents' facts costs the parent
        ~1 s after the merge; the workers do it beside extracting. `each` is called on the
        event loop with each outcome as it comes back (bot.merge_ahead merges them early);
        while `go` is clear, only one worker takes new documents (bot.extraction_lanes).
        """
        if not seeds:
            return []
        loop = asyncio.get_running_loop()
        key, payload = self._packed(lexicon)
        futures = [loop.create_future() for _ in seeds]

        def deliver(index: int, outcome: Outcome, blob: bytes | None) -> None:  # a slot thread's
            if packed is not None and blob is not None:
                packed[seeds[index].name] = blob
            loop.call_soon_threadsafe(_settle, futures[index], outcome, each)

        jobs = deque(enumerate(seeds))
        batch = Batch(key, payload, limits, packed is not None, go)
        lanes = [
            loop.run_in_executor(self._threads, run_lane, self.workers, batch, jobs, deliver, n)
            for n in range(min(self.size, len(seeds)))
        ]
        # A lane that failed (the pool closed) leaves its documents unsettled: they fail too.
        ended = asyncio.gather(*lanes, return_exceptions=True)
        ended.add_done_callback(lambda _: _fail_unsettled(futures, lanes))
        if progress:
            for done, fut in enumerate(asyncio.as_completed(futures), 1):
                outcome = await fut
                name = outcome.file if isinstance(outcome, SeedError) else _name(outcome)
                await progress(f"Read {name} ({done}/{len(seeds)})")
        outcomes = list(await asyncio.gather(*futures))
        await ended
        return outcomes

    def prestart(self) -> None:
        """Blocking: start the workers that are not running yet, for a batch about to come
        (their start-up, ~1 s of imports and pattern compiling, then overlaps the parent's
        listing of the documents). Example: a start from an empty database calls it before
        hashing the seed files."""
        for _ in range(self.size - len(self.workers.live)):
            if self.workers.closed:
                return
            self.workers.give_back(self.workers.start())

    def close(self) -> None:
        """Stop every worker; later calls to `extract` fail."""
        self.workers.closed = True
        self._threads.shutdown(wait=True, cancel_futures=True)
        self.workers.stop_all()


def _settle(
    future: asyncio.Future[Outcome], outcome: Outcome, each: Callable[[Outcome], None] | None
) -> None:
    if not future.done():
        future.set_result(outcome)
        if each is not None:
            each(outcome)


def _fail_unsettled(
    futures: list[asyncio.Future[Outcome]], lanes: list[asyncio.Future[None]]
) -> None:
    """Once every lane has ended: a document no lane settled fails with the lanes' error."""
    error = next((f.exception() for f in lanes if not f.cancelled() and f.exception()), None)
    for future in futures:
        if not future.done():
            future.set_exception(error or RuntimeError("the extraction pool is closed"))


def _name(facts: DocumentFacts) -> str:
    return os.path.basename(facts.document.path)


_shared: dict[int, ExtractionPool] = {}
_shared_lock = threading.Lock()


def shared_pool(size: int = 0) -> ExtractionPool:
    """One pool per size for the whole process, so services and `check` reuse warm workers."""
    with _shared_lock:
        pool = _shared.get(size)
        if pool is None or pool.workers.closed:
            pool = _shared[size] = ExtractionPool(size)
        return pool


def close_shared_pools() -> None:
    """End every shared pool's workers (at exit, or when a test wants a clean slate)."""
    with _shared_lock:
        pools = list(_shared.values())
        _shared.clear()
    for pool in pools:
        pool.close()


__all__ = ["ExtractionPool", "close_shared_pools", "read_and_extract", "shared_pool"]
