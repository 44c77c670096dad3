"""Benchmark: what hostile seed files cost, and what the bot says about them.

For each attack, a fresh seeds/ folder holds the bundled test seed plus the hostile file. It
prints the time and peak memory of `python -m bot check` (a subprocess), the event loop's worst
stall during a service reload (a coroutine that sleeps 5 ms and records how late it wakes), and
the refusal message. Prints numbers; asserts nothing. Run from the project:
    .venv/bin/python bench/bench_hostile.py
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.limits import Limits  # noqa: E402
from bot.service import BriefingService  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "seeds"
SENTENCE = "The ministers agreed to deepen cooperation on energy and defence in 2025. "


def laughs(folder: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    (folder / "laughs.md").write_text("---\n" + "\n".join(rows) + "\n---\nText.\n")


def long_word(folder: Path) -> None:
    (folder / "word.md").write_text("They will " + "a" * 65536 + " soon.\n")


def huge_file(folder: Path) -> None:
    (folder / "huge.md").write_text(SENTENCE * (20 * 1024 * 1024 // len(SENTENCE)))


def no_punctuation(folder: Path) -> None:
    words = "ministers agreed to deepen cooperation on energy and defence with Japan".split()
    (folder / "run-on.md").write_text(" ".join(words[i % len(words)] for i in range(40000)))


def many_quotes(folder: Path) -> None:
    (folder / "quotes.md").write_text('"We will act," Minister Ana Ruiz said. ' * 6000)


def clashing_id(folder: Path) -> None:
    name = next(p for p in folder.iterdir() if p.suffix == ".txt").stem
    (folder / f"{name.upper()}.md").write_text(SENTENCE)


def escaping_link(folder: Path) -> None:
    os.symlink("/etc/passwd", folder / "passwd.txt")


ATTACKS: dict[str, Callable[[Path], None]] = {
    "billion laughs (front matter)": laughs,
    "64k-letter word": long_word,
    "20 MB file": huge_file,
    "250 KB without punctuation": no_punctuation,
    "6,000 quotes (250 KB)": many_quotes,
    "clashing document id": clashing_id,
    "symlink to /etc/passwd": escaping_link,
}


def setup(tmp: Path, attack: Callable[[Path], None]) -> Path:
    seeds = tmp / "seeds"
    shutil.copytree(FIXTURE, seeds)
    attack(seeds)
    config = tmp / "config"
    shutil.copytree(ROOT / "config", config)
    text = (ROOT / "config" / "bot.yaml").read_text()
    text = text.replace("seeds_dir: seeds", f"seeds_dir: {seeds}", 1)
    text = text.replace("database: data/briefbot.sqlite3", f"database: {tmp / 'db.sqlite3'}", 1)
    (config / "bot.yaml").write_text(text)
    return config / "bot.yaml"


_MEASURE = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True,"
    " text=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.stdout)"
)


def run_check(config: Path) -> tuple[float, float, str]:
    """Wall time, peak memory (MiB, the check process or its largest worker) and what it said."""
    started = time.perf_counter()
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            sys.executable,
            "-m",
            "bot",
            "--config",
            str(config),
            "check",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    peak, *lines = [line for line in r.stdout.splitlines() if line.strip()]
    errors = [line.strip() for line in lines if "ERROR" in line]
    return seconds, int(peak) / 1024, "; ".join(errors) or lines[-1]


async def worst_stall(config: Path, tmp: Path) -> tuple[float, str]:
    settings = replace(load_settings(config), database=tmp / "bench.sqlite3")
    service = BriefingService(settings)
    lags: list[float] = []

    async def beat() -> None:
        loop = asyncio.get_running_loop()
        while True:
            t = loop.time()
            await asyncio.sleep(0.005)
            lags.append(loop.time() - t - 0.005)

    task = asyncio.create_task(beat())
    await asyncio.sleep(0.05)
    report = await service.start()
    task.cancel()
    await service.close()
    reasons = "; ".join(f"{e.file}: {e.reason}" for e in report.errors)
    return max(lags) * 1000, reasons


def main() -> None:
    print(f"limits: {Limits()}")
    print(f"{'attack':32} {'check s':>8} {'peak MiB':>9} {'loop stall ms':>14}  refusal")
    for label, attack in ATTACKS.items():
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            config = setup(tmp, attack)
            seconds, peak, said = run_check(config)
            stall, _reasons = asyncio.run(worst_stall(config, tmp))
            print(f"{label:32} {seconds:8.2f} {peak:9.0f} {stall:14.0f}  {said}")


if __name__ == "__main__":
    main()
