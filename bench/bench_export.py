"""Export and compare at scale: how long a file takes to build, how big it is, and `compare`.

Run: .venv/bin/python bench/bench_export.py [N ...]   (default N: 100 300)

For each N a synthetic corpus (bench/corpus.py) is loaded through the service as the bot runs
it; then every format is exported unfiltered and for the topic with the most commitments, and
`compare` runs over pairs of countries, parties and people. Prints numbers beside their
targets; asserts nothing (machines here are shared and noisy).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import _config  # noqa: E402
from corpus import build_corpus, read_sources  # noqa: E402

from bot.compare import compare  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.errors import UserError  # noqa: E402
from bot.export import UPLOAD_LIMIT, build_export  # noqa: E402
from bot.render import render_pages  # noqa: E402
from bot.service import BriefingService  # noqa: E402


def _ms(fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t) * 1000, out


async def _measure(settings) -> list[tuple[str, str, str]]:
    service = BriefingService(settings)
    await service.start()
    try:
        facts, index = service.facts, service.index
        counts: dict[str, int] = {}
        for c in facts.commitments:
            for t in c.topics:
                counts[t] = counts.get(t, 0) + 1
        top = max(counts, key=counts.__getitem__) if counts else ""
        rows = []
        for fmt in ("md", "json", "csv"):
            for arg in ("", top):
                ms, file = _ms(lambda a=arg, f=fmt: build_export(facts, index, f"{a} {f}"))
                label = f"export {arg or 'all'} {fmt}: ms, size"
                rows.append((label, f"{ms:.0f} ms, {len(file.data) / 1e6:.2f} MB", "≤ 2 s"))
        ms, _ = _ms(lambda: _refused(facts, index))
        rows.append(("export all json over a 64 KB limit: ms to refuse", f"{ms:.0f}", "≪ full"))
        pairs = _pairs(service)
        samples, refused = [], 0
        for a, b in pairs:
            t = time.perf_counter()
            try:
                render_pages(compare(facts, index, f'"{a}" "{b}"'))
            except UserError:  # a pair read as one side twice: timed all the same
                refused += 1
            samples.append((time.perf_counter() - t) * 1000)
        rows.append(("compare pairs refused as the same side twice", str(refused), "few"))
        if samples:
            p99 = sorted(samples)[round(0.99 * (len(samples) - 1))]
            rows.append(
                (
                    f"compare p50 (p99) rendered, {len(pairs)} pairs (ms)",
                    f"{statistics.median(samples):.1f} ({p99:.1f})",
                    "p99 ≤ 100 ms",
                )
            )
        rows.append(("upload limit (bytes)", f"{UPLOAD_LIMIT:,}", "8 MiB"))
        return rows
    finally:
        await service.close()


def _refused(facts, index) -> bool:
    try:
        build_export(facts, index, "json", max_bytes=64 * 1024)
    except UserError:
        return True
    return False


def _pairs(service: BriefingService) -> list[tuple[str, str]]:
    countries = service.index.countries()[:6]
    parties = service.index.parties()[:4]
    people = [p.name for p in service.facts.people[:: max(1, len(service.facts.people) // 8)]]
    out = []
    for group in (countries, parties, people):
        out += [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
    return out


def run(n: int, sources) -> None:
    with tempfile.TemporaryDirectory(prefix=f"bench-export-{n}-") as tmp:
        folder = Path(tmp)
        corpus = folder / "seeds"
        database = folder / "db" / "briefbot.sqlite3"
        database.parent.mkdir()
        build_corpus(corpus, n, sources=sources)
        settings = load_settings(_config(folder, corpus, database))
        rows = asyncio.run(_measure(settings))
    print(f"\n## N = {n} documents\n")
    print(f"| {'measure':<52} | {'value':>22} | {'target':<14} |")
    print(f"|{'-' * 54}|{'-' * 24}|{'-' * 16}|")
    for label, value, target in rows:
        print(f"| {label:<52} | {value:>22} | {target:<14} |")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv if a.isdigit()] or [100, 300]
    sources = read_sources()
    for n in sizes:
        run(n, sources)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
