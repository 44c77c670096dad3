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
event loop only awaits futures. Workers start lazily, by `spawn` (never `fork`: the parent runs
threads, and a forked child could inherit a held lock), and keep the last lexicon they were sent.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import multiprocessing
import os
import pickle
import queue
import threading
import traceback
import weakref
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection

from bot.errors import SeedError
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.limits import Limits
from bot.models import Document, DocumentFacts
from bot.seeds import SeedFile, read_seed

log = logging.getLogger(__name__)
Outcome = DocumentFacts | SeedError
Progress = Callable[[str], Awaitable[None]]
_CONTEXT = multiprocessing.get_context("spawn")


def read_and_extract(seed: SeedFile, lexicon: Lexicon, limits: Limits) -> DocumentFacts:
    """Blocking: read, check against the limits, validate and extract one document."""
    document = read_seed(seed, limits)
    if not isinstance(document, Document):
        raise SeedError(seed.name, None, "not a document (.md or .txt)")
    return extract_document(document, lexicon)


def _serve(conn: Connection) -> None:
    """A worker's life: (lexicon key, pickled lexicon or None, seed, limits, pack) in, outcome
    out; with `pack`, the facts come with their packed form for the store (bot.store_records),
    so the parent does not pack them one by one while it merges."""
    lexicon: Lexicon | None = None
    key = ""
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        job_key, lexicon_bytes, seed, limits, pack = job
        if lexicon_bytes is not None:
            lexicon, key = pickle.loads(lexicon_bytes), job_key
        if lexicon is None or key != job_key:
            conn.send(("stale", None))
            continue
        try:
            facts = read_and_extract(seed, lexicon, limits)
            conn.send(("ok", (facts, _packed_facts(facts) if pack else None)))
        except SeedError as exc:
            conn.send(("seed", (exc.file, exc.line, exc.reason)))
        except Exception as exc:  # noqa: BLE001 - a bug in a rule: report it, keep serving
            conn.send(("bug", (f"{type(exc).__name__}: {exc}", traceback.format_exc())))


def _packed_facts(facts: DocumentFacts) -> bytes:
    from bot.store_records import encode_document_facts  # only workers that pack load it

    return encode_document_facts(facts)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.key = ""

    def send(self, key: str, lexicon: bytes, seed: SeedFile, limits: Limits, pack: bool) -> None:
        """Queue one document on the worker's pipe; the lexicon goes with it only when the
        worker does not have it."""
        send_lexicon = None if key == self.key else lexicon
        self.conn.send((key, send_lexicon, seed, limits, pack))
        self.key = key

    def receive(self, seed: SeedFile, limits: Limits) -> tuple[Outcome, bytes | None] | None:
        """The outcome of the oldest document sent and its facts packed (when asked), or None
        when the worker did not have its lexicon (send it again); raises TimeoutError (the
        worker is then dead) or EOFError."""
        if not self.conn.poll(limits.extract_seconds):
            self.stop(kill=True)
            raise TimeoutError
        status, value = self.conn.recv()
        if status == "ok":
            return value
        if status == "seed":
            return SeedError(*value), None
        if status == "bug":
            log.error("extracting %s failed:\n%s", seed.name, value[1])
            error = SeedError(seed.name, None, f"extraction failed ({value[0]}); please report it")
            return error, None
        self.key = ""
        return None

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class ExtractionPool:
    """Worker processes that extract documents, at most `size` at a time, each under a limit.

    `await pool.extract(seeds, lexicon, limits)` returns one DocumentFacts or SeedError per
    seed, in order. Thread-safe and usable from any event loop; `close()` ends the workers.
    """

    def __init__(self, size: int = 0) -> None:
        self.size = size or os.cpu_count() or 1
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="extract")
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._lexicons: weakref.WeakKeyDictionary[Lexicon, tuple[str, bytes]] = (
            weakref.WeakKeyDictionary()
        )

    def _packed(self, lexicon: Lexicon) -> tuple[str, bytes]:
        """The lexicon pickled, and its key, once per lexicon object.

        The key stays the lexicon's while it lives, so a worker keeps the lexicon it has and
        the extractors' patterns compiled for it. Pickled afresh at each reload, the bytes
        changed once the parent had filled the lexicon's cached properties (merging reads
        them); the workers then loaded it again and compiled every pattern again: ~300 ms on
        the first document each worker took after a full reload.
        """
        with self._lock:
            packed = self._lexicons.get(lexicon)
            if packed is None:
                payload = pickle.dumps(lexicon)
                packed = self._lexicons[lexicon] = (hashlib.sha256(payload).hexdigest(), payload)
            return packed

    def _take(self) -> tuple[_Worker, bool]:
        """An idle worker, or a new one: (the worker, whether it is new)."""
        try:
            return self._idle.get_nowait(), False
        except queue.Empty:
            pass
        worker = _Worker()
        with self._lock:
            self._all.add(worker)
        return worker, True

    def _drop(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)

    def _lane(
        self,
        key: str,
        lexicon: bytes,
        jobs: deque[tuple[int, SeedFile]],
        limits: Limits,
        deliver: Callable[[int, Outcome, bytes | None], None],
        pack: bool,
    ) -> None:
        """Blocking, in a slot thread: documents from `jobs` on one worker, each outcome
        handed to `deliver`, until `jobs` is empty.

        The next document is sent while the worker reads the current one, so the worker never
        waits for the parent between documents; its time limit runs from when the previous
        outcome came back. A worker that dies or runs late takes only its current document
        with it: the one queued behind it goes to a new worker.
        """
        worker: _Worker | None = None
        sent: deque[tuple[int, SeedFile]] = deque()  # on the worker's pipe, oldest first
        try:
            while sent or jobs:
                if self._closed:
                    raise RuntimeError("the extraction pool is closed")
                fresh = False
                if worker is None:
                    worker, fresh = self._take()
                while len(sent) < 2 and not (sent and worker.key != key):
                    try:  # a lexicon goes only to an idle worker (above): no deadlock
                        job = jobs.popleft()
                    except IndexError:  # another lane took the last one
                        break
                    try:
                        worker.send(key, lexicon, job[1], limits, pack)
                    except OSError:  # the worker died while idle: its documents go again
                        worker.stop(kill=True)
                        self._drop(worker)
                        worker = None
                        jobs.extendleft(reversed(sent))
                        sent.clear()
                        if fresh:  # a new worker cannot take a document: no retrying
                            deliver(job[0], _died(job[1]), None)
                        else:
                            jobs.appendleft(job)
                        break
                    sent.append(job)
                if not sent:
                    continue
                assert worker is not None
                index, seed = sent[0]
                try:
                    received = worker.receive(seed, limits)
                except TimeoutError:
                    self._drop(worker)
                    worker = None
                    received = _late(seed, limits), None
                except (EOFError, OSError) as exc:
                    worker.stop(kill=True)
                    self._drop(worker)
                    worker = None
                    log.warning("the extraction process for %s died: %r", seed.name, exc)
                    received = _died(seed), None
                sent.popleft()
                if received is None:  # the worker lacked the lexicon: send this one again
                    jobs.appendleft((index, seed))
                    continue
                deliver(index, *received)
                if worker is None:  # what was queued on the lost worker goes to the next one
                    jobs.extendleft(reversed(sent))
                    sent.clear()
        finally:
            if worker is not None:
                if sent:  # interrupted with documents on its pipe: it cannot be reused
                    worker.stop(kill=True)
                    self._drop(worker)
                else:
                    self._idle.put(worker)

    async def extract(
        self,
        seeds: Sequence[SeedFile],
        lexicon: Lexicon,
        limits: Limits,
        progress: Progress | None = None,
        packed: dict[str, bytes] | None = None,
    ) -> list[Outcome]:
        """Every seed's outcome, in order; progress is told each document as it finishes.

        With `packed`, each extracted document's facts are also packed for the store by the
        worker, into `packed` by file name: packing 1,000 documents' facts took the parent
        ~1 s after the merge; the workers do it beside extracting.
        """
        if not seeds:
            return []
        loop = asyncio.get_running_loop()
        key, payload = self._packed(lexicon)
        futures = [loop.create_future() for _ in seeds]

        def deliver(index: int, outcome: Outcome, blob: bytes | None) -> None:  # a slot thread's
            if packed is not None and blob is not None:
                packed[seeds[index].name] = blob
            loop.call_soon_threadsafe(_settle, futures[index], outcome)

        jobs = deque(enumerate(seeds))
        lanes = [
            loop.run_in_executor(
                self._threads, self._lane, key, payload, jobs, limits, deliver, packed is not None
            )
            for _ in range(min(self.size, len(seeds)))
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

    def close(self) -> None:
        """Stop every worker; later calls to `extract` fail."""
        self._closed = True
        self._threads.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def _late(seed: SeedFile, limits: Limits) -> SeedError:
    seconds = f"{limits.extract_seconds:g}"
    return SeedError(
        seed.name,
        None,
        f"extraction took over {seconds} s and was stopped (limits.extract_seconds)",
    )


def _died(seed: SeedFile) -> SeedError:
    return SeedError(seed.name, None, "the extraction process died on this file")


def _settle(future: asyncio.Future[Outcome], outcome: Outcome) -> None:
    if not future.done():
        future.set_result(outcome)


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
        if pool is None or pool._closed:
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
