"""One extraction worker process, the parent's end of its pipe, and the set of them a pool keeps.

A worker serves one document at a time: the parent sends (lexicon key, pickled lexicon or None,
seed, limits, pack) and waits at most `limits.extract_seconds` for the outcome. The lexicon goes
only to a worker that does not hold it, so a worker keeps the patterns it compiled. Example: a
worker that extracted `a.md` under lexicon key `k` gets `("k", None, b.md, limits, False)` next,
and answers `("ok", (facts, None))`. A worker that runs late is killed; one that dies (killed by
the host, a crash) is dropped from its `WorkerSet`, and the next `take` starts a new one.

A worker is a new interpreter (never a `fork` of the parent: the parent runs threads, and a
forked child could inherit a held lock) that imports this module and nothing else: not the
parent's main script, as multiprocessing's `spawn` would (`briefbot`, a benchmark: each worker
then imported the whole bot before its first document, ~1 s). Its end of the pipe is an
inherited socket (`main`).
"""

from __future__ import annotations

import atexit
import gc
import logging
import pickle
import queue
import subprocess
import sys
import threading
import traceback
import weakref
from multiprocessing.connection import Connection, Pipe
from pathlib import Path

from bot.errors import SeedError
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.limits import Limits
from bot.models import Document, DocumentFacts
from bot.seeds import SeedFile, read_seed

log = logging.getLogger(__name__)
Outcome = DocumentFacts | SeedError
#: The folder holding the `bot` package, first on a worker's path: it runs this very code.
_ROOT = str(Path(__file__).resolve().parent.parent)
_START = (
    "import sys; sys.path.insert(0, {root!r}); from bot.extraction_worker import main; main({fd})"
)


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


#: A worker's garbage collector thresholds: a young collection every 20,000 allocations, not
#: 700. Extraction allocates many short-lived tokens and tuples and makes few cycles; with the
#: default a young collection ran every few hundred tokens. Measured under callgrind on real
#: news articles: 98.1 → 96.7 M instructions per document, the same as with the collector off.
#: The garbage this lets wait is at most 20,000 small objects.
WORKER_GC_THRESHOLDS = (20_000, 20, 20)


def main(fd: int) -> None:
    """A worker process's entry point: serve the parent over the socket `fd` it inherited."""
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    serve(Connection(fd))


def _packed_facts(facts: DocumentFacts) -> bytes:
    from bot.store_records import encode_document_facts  # only workers that pack load it

    return encode_document_facts(facts)


class Worker:
    """One worker process and the parent's end of its pipe; `key` names the lexicon it holds."""

    def __init__(self) -> None:
        self.conn, child = Pipe()
        try:
            command = _START.format(root=_ROOT, fd=child.fileno())
            self.process = subprocess.Popen(
                [sys.executable, "-c", command], stdin=subprocess.DEVNULL, pass_fds=[child.fileno()]
            )
        finally:
            child.close()
        _LIVE.add(self)
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
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.conn.close()
        _LIVE.discard(self)


#: Every worker still running, so none outlives the parent (`_kill_live` at exit).
_LIVE: weakref.WeakSet[Worker] = weakref.WeakSet()


@atexit.register
def _kill_live() -> None:
    """At exit: end the workers nobody stopped (they would finish their document first)."""
    for worker in list(_LIVE):
        worker.process.kill()
        worker.process.wait()


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
        return self.start(), True

    def start(self) -> Worker:
        """A new worker, counted live (not idle: `take` gives it, or `give_back` makes it so)."""
        worker = Worker()
        with self._lock:
            self.live.add(worker)
        return worker

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
