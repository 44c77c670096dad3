"""One extraction worker process, the parent's end of its pipe, and the set of them a pool keeps.

A worker serves one document at a time: the parent sends (lexicon key, pickled lexicon or None,
seed, limits, pack) and waits at most `limits.extract_seconds` for the outcome. The lexicon goes
only to a worker that does not hold it, so a worker keeps the patterns it compiled. Example: a
worker that extracted `a.md` under lexicon key `k` gets `("k", None, b.md, limits, False)` next,
and answers `("ok", (facts, None))`. A worker that runs late is killed; one that dies (killed by
the host, a crash) is dropped from its `WorkerSet`, and the next `take` starts a new one.

Workers start by `spawn` (never `fork`: the parent runs threads, and a forked child could inherit
a held lock).
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import queue
import threading
import traceback
from multiprocessing.connection import Connection

from bot.errors import SeedError
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.limits import Limits
from bot.models import Document, DocumentFacts
from bot.seeds import SeedFile, read_seed

log = logging.getLogger(__name__)
Outcome = DocumentFacts | SeedError
_CONTEXT = multiprocessing.get_context("spawn")


def read_and_extract(seed: SeedFile, lexicon: Lexicon, limits: Limits) -> DocumentFacts:
    """Blocking: read, check against the limits, validate and extract one document."""
    document = read_seed(seed, limits)
    if not isinstance(document, Document):
        raise SeedError(seed.name, None, "not a document (.md or .txt)")
    return extract_document(document, lexicon)


def serve(conn: Connection) -> None:
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


class Worker:
    """One worker process and the parent's end of its pipe; `key` names the lexicon it holds."""

    def __init__(self) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=serve, args=(child,), daemon=True)
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
        """End the process: asked to (it finishes its current document first), or killed."""
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerSet:
    """A pool's workers: the idle ones waiting for a lane, and every live one, so `stop_all` ends
    them all. Thread-safe. Example: `take()` gives an idle worker, or starts one when none is
    idle; a lane gives it back with `give_back`, or `drop`s it once it died or was killed."""

    def __init__(self) -> None:
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self.live: set[Worker] = set()
        self._lock = threading.Lock()
        self.closed = False  # set by the pool's `close`: lanes then stop

    def take(self) -> tuple[Worker, bool]:
        """An idle worker, or a new one: (the worker, whether it is new)."""
        try:
            return self._idle.get_nowait(), False
        except queue.Empty:
            pass
        worker = Worker()
        with self._lock:
            self.live.add(worker)
        return worker, True

    def give_back(self, worker: Worker) -> None:
        """An idle worker, with nothing on its pipe, ready for the next lane."""
        self._idle.put(worker)

    def drop(self, worker: Worker) -> None:
        """Forget a worker that was stopped (killed, late, died)."""
        with self._lock:
            self.live.discard(worker)

    def stop_all(self) -> None:
        """Stop every live worker."""
        with self._lock:
            workers, self.live = list(self.live), set()
        for worker in workers:
            worker.stop()


def late_error(seed: SeedFile, limits: Limits) -> SeedError:
    """The outcome of a document whose worker was killed at the time limit."""
    seconds = f"{limits.extract_seconds:g}"
    return SeedError(
        seed.name,
        None,
        f"extraction took over {seconds} s and was stopped (limits.extract_seconds)",
    )


def died_error(seed: SeedFile) -> SeedError:
    """The outcome of a document whose worker died while reading it."""
    return SeedError(seed.name, None, "the extraction process died on this file")
