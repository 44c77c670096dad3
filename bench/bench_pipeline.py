"""Benchmark: extraction time against text length (is it linear?), index build, answer latency.

Prints numbers; asserts nothing (machines here are shared and noisy). Run from the project:
    .venv/bin/python bench/bench_pipeline.py [max_copies]
Documents are made by repeating the shipped seeds' paragraphs, so the text stays realistic.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import briefing  # noqa: E402
from bot.config import load_lexicon, load_settings  # noqa: E402
from bot.errors import UserError  # noqa: E402
from bot.extract import extract_document  # noqa: E402
from bot.factbase import build_factbase  # noqa: E402
from bot.search import FactIndex  # noqa: E402
from bot.seeds import list_seed_files, parse_document  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    max_copies = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    lexicon = load_lexicon()
    settings = load_settings()
    seeds = [s.path for s in list_seed_files(settings.seeds_dir) if s.is_document]
    base = [parse_document(p, p.read_bytes()) for p in seeds]
    body = "\n\n".join(d.text for d in base)
    extract_document(base[0], lexicon)  # warm caches (compiled patterns)

    print("extraction time against document length")
    print(f"{'copies':>6} {'chars':>9} {'seconds':>9} {'µs/char':>8}")
    per_char = []
    copies = 1
    while copies <= max_copies:
        doc = replace(base[0], text="\n\n".join([body] * copies), id=f"bench-{copies}")
        secs = best_of(3, lambda doc=doc: extract_document(doc, lexicon))
        per_char.append(secs / len(doc.text) * 1e6)
        print(f"{copies:>6} {len(doc.text):>9} {secs:>9.4f} {per_char[-1]:>8.2f}")
        copies *= 2
    print(f"µs/char spread (max/min): {max(per_char) / min(per_char):.2f} (about 1 means linear)")

    n_docs = 200
    docs = [replace(base[i % len(base)], id=f"doc-{i}") for i in range(n_docs)]
    t = time.perf_counter()
    facts = [extract_document(d, lexicon) for d in docs]
    extract_s = time.perf_counter() - t
    tracemalloc.start()
    t = time.perf_counter()
    fb = build_factbase(facts, None, lexicon)
    index = FactIndex(fb, lexicon, settings.fuzzy)
    build_s = time.perf_counter() - t
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\n{n_docs} documents: extract {extract_s:.2f}s, merge+index {build_s:.2f}s, "
        f"peak memory of merge+index {peak / 2**20:.1f} MiB; {fb.counts()}"
    )

    print("\nanswer latency over that fact base (median of 20, ms)")
    for name, arg in [
        ("ministers", ""), ("who", "pistorious"), ("quotes", "scholz"),
        ("commitments", "defence"), ("commitments", ""), ("timeline", "2024"),
        ("search", "frigate pacific"), ("brief", ""), ("sources", ""),
    ]:  # fmt: skip
        samples = []
        for _ in range(20):
            t = time.perf_counter()
            with contextlib.suppress(UserError):  # a miss is still a timed answer
                briefing.answer(fb, index, name, arg)
            samples.append((time.perf_counter() - t) * 1000)
        print(f"  {name + ' ' + arg:<24} {statistics.median(samples):8.2f}")


if __name__ == "__main__":
    main()
