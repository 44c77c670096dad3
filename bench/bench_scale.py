"""Scale benchmark: extraction, reloads, answers, memory and fuzzy lookup for N documents.

Run: .venv/bin/python bench/bench_scale.py [N ...] [--quick]   (default N: 100 300 1000)

For each N a synthetic corpus (bench/corpus.py) is written to a temporary folder and driven
through the service API as the bot runs it. Prints one table per N with the target beside each
row; asserts nothing (machines here are shared and noisy).
"""

from __future__ import annotations

import asyncio
import difflib
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build_corpus, read_sources  # noqa: E402

from bot import render  # noqa: E402
from bot.config import load_lexicon, load_settings  # noqa: E402
from bot.errors import UserError  # noqa: E402
from bot.extract import extract_document, memo  # noqa: E402
from bot.extraction_worker import WORKER_GC_THRESHOLDS  # noqa: E402
from bot.factbase import fold  # noqa: E402
from bot.seeds import list_seed_files, parse_document  # noqa: E402
from bot.service import BriefingService  # noqa: E402

EXTRACT_SAMPLE = 200  # documents timed for the extraction row (the rate is per document)
ANSWER_RUNS = 200


class StallMonitor:
    """A coroutine that sleeps 5 ms in a loop and records how late it wakes up."""

    def __init__(self, tick: float = 0.005) -> None:
        self.tick = tick
        self.worst = 0.0
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(self.tick)
            self.worst = max(self.worst, loop.time() - before - self.tick)

    def __enter__(self) -> StallMonitor:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def _config(folder: Path, corpus: Path, database: Path) -> Path:
    """A config folder: the project's word lists, and a bot.yaml pointing at the corpus."""
    config = folder / "config"
    config.mkdir()
    for path in (ROOT / "config").glob("*.yaml"):
        if path.name != "bot.yaml":
            shutil.copy(path, config / path.name)
    bot_yaml = config / "bot.yaml"
    bot_yaml.write_text(f'seeds_dir: "{corpus}"\ndatabase: "{database}"\n', encoding="utf-8")
    return bot_yaml


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def _timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return _percentiles(samples)


def _typo(name: str, rng: random.Random) -> str:
    """One letter dropped from the surname, as users type: 'habeck' → 'habek'."""
    word = name.split()[-1].casefold()
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def _extraction(corpus: Path, cold: bool = False) -> tuple[float, float]:
    """Documents per second and µs per character, one core, over the first documents, with
    the garbage collector set as an extraction worker sets it.

    The corpus recombines paragraphs, so a sentence recurs in several documents and the
    per-text memos (bot.extract.memo) answer it from the last one: real news repeats far less.
    With `cold`, the memos are cleared before each document, so none is helped by another.
    """
    lexicon = load_lexicon()
    seeds = [s for s in list_seed_files(corpus) if s.is_document][:EXTRACT_SAMPLE]
    docs = [parse_document(s.path, s.path.read_bytes()) for s in seeds]
    extract_document(docs[0], lexicon)
    thresholds = gc.get_threshold()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    t = time.perf_counter()
    for d in docs:
        if cold:
            memo.clear()
        extract_document(d, lexicon)
    secs = time.perf_counter() - t
    gc.set_threshold(*thresholds)
    chars = sum(len(d.text) for d in docs)
    return len(docs) / secs, secs / chars * 1e6


def _render(service: BriefingService, name: str, arg: str) -> None:
    """Ask and render one answer, worked out anew: the answers and pages the bot keeps for a
    question asked again are forgotten first, so a row times the work, not a lookup."""
    service.index.lookups._kept.pop("answers", None)  # private on purpose: see the docstring
    render._PAGES.clear()
    try:
        answer = service.ask(name, arg)
    except UserError:
        return
    render.render_pages(answer, service.settings.page_lines)


def _name_keys(service: BriefingService) -> list[str]:
    """The folded name keys the index searches (whatever shape the index keeps them in)."""
    people = service.index.persons.people  # the same keys for both scans
    keys = getattr(people, "keys", None)
    return list(keys) if keys is not None else [fold(p.name) for p in service.facts.people]


def _fuzzy_speedup(service: BriefingService, queries: list[str]) -> float:
    keys = _name_keys(service)
    cutoff = service.settings.fuzzy.person / 100
    t = time.perf_counter()
    for q in queries:
        difflib.get_close_matches(fold(q), keys, n=5, cutoff=cutoff)
    plain = time.perf_counter() - t
    t = time.perf_counter()
    for q in queries:
        service.index.find_people(q)
    fast = time.perf_counter() - t
    return plain / fast


async def _service_rows(settings, corpus: Path, rows: dict[str, str]) -> None:
    service = BriefingService(settings)
    with StallMonitor() as full_monitor:
        t, cpu = time.perf_counter(), time.process_time()
        await service.start()
        rows["full"] = f"{time.perf_counter() - t:.2f}"
        rows["full cpu"] = f"{time.process_time() - cpu:.2f}"
    worst = full_monitor.worst
    one = sorted(corpus.glob("doc-*.txt"))[0]
    with one.open("a", encoding="utf-8") as fh:
        fh.write("\nThe ministers agreed to meet again next year.\n")
    with StallMonitor() as monitor:
        t, cpu = time.perf_counter(), time.process_time()
        await service.reload("bench")
        rows["one"] = f"{(time.perf_counter() - t) * 1000:.0f}"
        rows["one cpu"] = f"{(time.process_time() - cpu) * 1000:.0f}"
    worst = max(worst, monitor.worst)
    with StallMonitor() as monitor:
        t, cpu = time.perf_counter(), time.process_time()
        await service.reload("bench")
        rows["none"] = f"{(time.perf_counter() - t) * 1000:.0f}"
        rows["none cpu"] = f"{(time.process_time() - cpu) * 1000:.1f}"
    worst = max(worst, monitor.worst)
    rows["stall"] = f"{worst * 1000:.0f}"

    rng = random.Random(7)
    people = list(service.facts.people)
    names = [p.name for p in rng.sample(people, k=min(50, len(people)))]
    queries = [_typo(n, rng) if i % 2 else n for i, n in enumerate(names)] or ["nobody"]
    for label, name, args in (
        ("people", "people", [""]),
        ("who", "who", queries),
        ("ministers", "ministers", [""]),
    ):
        it = iter(range(ANSWER_RUNS))
        p50, p99 = _timed(
            lambda name=name, args=args, it=it: _render(service, name, args[next(it) % len(args)]),
            ANSWER_RUNS,
        )
        rows[label] = f"{p50:.1f} ({p99:.1f})"
    rows["fuzzy"] = f"{_fuzzy_speedup(service, queries * 4):.1f}"
    gc.collect()
    rows["service"] = f"{_rss():.0f}"
    await service.close()


#: Runs `python -m bot ARGS...` and writes the process's own peak RSS (VmHWM, KiB) to the file
#: named first. Not wait4's ru_maxrss: Linux folds the parent's peak into a child's at exec, so a
#: child of this (large) benchmark process would report the benchmark's peak, not its own.
_PEAK_WRAPPER = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def _peak():
    with open('/proc/self/status') as fh:
        peak = next(line.split()[1] for line in fh if line.startswith('VmHWM:'))
    with open(out, 'w') as fh:
        fh.write(peak)
atexit.register(_peak)
sys.argv[0] = 'bot'
runpy.run_module('bot', run_name='__main__', alter_sys=True)
"""


def _ask(config: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MiB) of one `python -m bot ask`, as the child itself saw it."""
    with tempfile.NamedTemporaryFile(prefix="bench-peak-", suffix=".txt") as peak_file:
        t = time.perf_counter()
        args = ["--config", str(config), "ask", "!ministers"]
        child = subprocess.run(
            [sys.executable, "-c", _PEAK_WRAPPER, peak_file.name, *args],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        secs = time.perf_counter() - t
        text = Path(peak_file.name).read_text(encoding="utf-8").strip()
    if child.returncode:
        print(f"warning: ask exited with {child.returncode}", file=sys.stderr)
    return secs, int(text) / 1024 if text else float("nan")


def _rss() -> float:
    """This process's resident memory now (MiB): the service holding one generation."""
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def run(n: int, sources) -> None:
    with tempfile.TemporaryDirectory(prefix=f"bench-scale-{n}-") as tmp:
        folder = Path(tmp)
        corpus = folder / "seeds"
        database = folder / "db" / "briefbot.sqlite3"
        database.parent.mkdir()
        build_corpus(corpus, n, sources=sources)
        config = _config(folder, corpus, database)
        settings = load_settings(config)
        rows: dict[str, str] = {}
        rate, us_char = _extraction(corpus)
        rows["extract"] = f"{rate:.0f} docs/s, {us_char:.1f} µs/char"
        rate, us_char = _extraction(corpus, cold=True)
        rows["extract cold"] = f"{rate:.0f} docs/s, {us_char:.1f} µs/char"
        asyncio.run(_service_rows(settings, corpus, rows))
        secs, peak = _ask(config)
        rows["ask"] = f"{secs:.2f}"
        rows["memory"] = f"{peak:.0f}"
        size = sum(p.stat().st_size for p in database.parent.iterdir() if p.is_file())
        rows["db"] = f"{size / 1e6:.1f}"
    table = [
        ("extraction, one core (docs/s, µs/char)", rows["extract"], "≥ 100 docs/s per core"),
        ("  each document cold: no memo kept from the one before", rows["extract cold"], "—"),
        ("full reload from an empty database (s)", rows["full"], "≤ 10 s"),
        ("  its CPU time in this process, workers not counted (s)", rows["full cpu"], "—"),
        ("reload after one file changed (ms)", rows["one"], "≤ 200 ms"),
        ("  its CPU time in this process (ms)", rows["one cpu"], "—"),
        ("reload when nothing changed (ms)", rows["none"], "≤ 50 ms"),
        ("  its CPU time (ms)", rows["none cpu"], "—"),
        ("event loop's worst stall during a reload (ms)", rows["stall"], "≤ 50 ms"),
        ("`ask '!ministers'`, warm database, nothing changed (s)", rows["ask"], "≤ 1 s"),
        ("`people` p50 (p99) rendered (ms)", rows["people"], "p99 ≤ 5 ms"),
        ("`who <name>` p50 (p99) rendered (ms)", rows["who"], "p99 ≤ 5 ms"),
        ("`ministers` p50 (p99) rendered (ms)", rows["ministers"], "p99 ≤ 5 ms"),
        ("peak memory of a process answering (MiB)", rows["memory"], "≤ 150 MiB"),
        ("memory of this process after the reloads and answers (MiB)", rows["service"], "—"),
        ("database (+ WAL) size (MB)", rows["db"], "≤ 40 MB"),
        ("fuzzy name lookup vs plain difflib scan (x faster)", rows["fuzzy"], "≥ 20x"),
    ]
    print(f"\n## N = {n} documents\n")
    print(f"| {'measure':<60} | {'value':>24} | {'target':<22} |")
    print(f"|{'-' * 62}|{'-' * 26}|{'-' * 24}|")
    for label, value, target in table:
        print(f"| {label:<60} | {value:>24} | {target:<22} |")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv if a.isdigit()] or [100, 300, 1000]
    if "--quick" in argv:
        sizes = [100]
    print(f"bench_scale on {os.cpu_count()} cores, python {sys.version.split()[0]}")
    sources = read_sources()
    for n in sizes:
        run(n, sources)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
