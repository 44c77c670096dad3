"""A lane: one slot thread keeping one worker busy with a run of documents from a shared queue.

Several lanes take documents from one queue, each feeding its worker the next document while
the worker reads the current one, so no worker waits for the parent between documents. A worker
that dies or runs late costs only the document it was reading: what was queued on its pipe goes
back to the queue. Example: with `big.md` being read and `after.md` queued behind it, the worker
is killed; `big.md` gets "the extraction process died on this file", and `after.md` goes to a
new worker and gets its facts.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from bot.extraction_worker import Outcome, Worker, WorkerSet, died_error, late_error
from bot.limits import Limits
from bot.seeds import SeedFile

log = logging.getLogger(__name__)
#: The queue lanes share: (the document's place in the batch, its seed), in order.
Jobs = deque[tuple[int, SeedFile]]
#: Where a lane hands each outcome: (place in the batch, outcome, facts packed or None).
Deliver = Callable[[int, Outcome, bytes | None], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """What every document of one `extract` call is read with: the lexicon's key and pickled
    bytes (sent only to a worker without it), the limits, and whether workers pack the facts."""

    key: str
    lexicon: bytes
    limits: Limits
    pack: bool
    go: threading.Event | None = None  # while clear, only the first lane takes new documents


def run_lane(workers: WorkerSet, batch: Batch, jobs: Jobs, deliver: Deliver, lane: int = 0) -> None:
    """Blocking, in a slot thread: documents from `jobs` on one worker, each outcome handed to
    `deliver`, until `jobs` is empty.

    Up to two documents are on the worker's pipe; the time limit of the second runs from when
    the first one's outcome came back. While `batch.go` is clear, every lane but the first
    (`lane` 0) finishes what its worker has and takes nothing new: the parent's merge ahead
    (bot.merge_ahead) then has a core, instead of three busy threads sharing two and the event
    loop waiting for the one that holds the GIL. Raises RuntimeError once `workers` is closed.
    """
    worker: Worker | None = None
    sent: Jobs = deque()  # on the worker's pipe, oldest first
    try:
        while sent or jobs:
            if workers.closed:
                raise RuntimeError("the extraction pool is closed")
            go = batch.go
            held = lane > 0 and go is not None and not go.is_set()
            if go is not None and held and not sent:
                go.wait(0.1)
                continue
            fresh = False
            if worker is None:
                worker, fresh = workers.take()
            while not held and len(sent) < 2 and not (sent and worker.key != batch.key):
                try:  # a lexicon goes only to an idle worker (above): no deadlock
                    job = jobs.popleft()
                except IndexError:  # another lane took the last one
                    break
                try:
                    worker.send(batch.key, batch.lexicon, job[1], batch.limits, batch.pack)
                except OSError:  # the worker died while idle: its documents go again
                    worker.stop(kill=True)
                    workers.drop(worker)
                    worker = None
                    jobs.extendleft(reversed(sent))
                    sent.clear()
                    if fresh:  # a new worker cannot take a document: no retrying
                        deliver(job[0], died_error(job[1]), None)
                    else:
                        jobs.appendleft(job)
                    break
                sent.append(job)
            if not sent:
                continue
            assert worker is not None
            index, seed = sent[0]
            try:
                received = worker.receive(seed, batch.limits)
            except TimeoutError:
                workers.drop(worker)
                worker = None
                received = late_error(seed, batch.limits), None
            except (EOFError, OSError) as exc:
                worker.stop(kill=True)
                workers.drop(worker)
                worker = None
                log.warning("the extraction process for %s died: %r", seed.name, exc)
                received = died_error(seed), None
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
                workers.drop(worker)
            else:
                workers.give_back(worker)
