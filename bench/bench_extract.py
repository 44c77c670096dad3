"""Benchmark: extraction throughput on one core, in documents per second and µs per character.

The documents are the shipped seeds and the evaluation set (../shared/eval/docs/*.txt, when
present), or every .txt and .md file of a folder given with `--dir`. The target (100 documents
a second on one core) is stated for real news articles of about 4.8 KB: a folder of such
articles is the fair test, and the average size is printed beside the rate. Each round
extracts every document once, with the garbage collector set as an extraction worker sets it;
the best round counts (machines here are shared and noisy). The per-text memo
(bot/extract/memo.py) is cleared before each document, so a round never reads what the round
before worked out for the same texts. Asserts nothing. Run from the project:

    .venv/bin/python bench/bench_extract.py [rounds] [--dir FOLDER]
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_lexicon  # noqa: E402
from bot.extract import extract_document  # noqa: E402
from bot.extract.memo import clear  # noqa: E402
from bot.extraction_worker import WORKER_GC_THRESHOLDS  # noqa: E402
from bot.seeds import parse_document  # noqa: E402

EVAL_DOCS = ROOT.parent / "shared" / "eval" / "docs"


def _paths(argv: list[str]) -> list[Path]:
    """The documents to time: the folder after `--dir`, or the seeds and the evaluation set."""
    if "--dir" in argv:
        folder = Path(argv[argv.index("--dir") + 1])
        return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted(EVAL_DOCS.glob("*.txt"))


def main(argv: list[str]) -> None:
    rounds = int(argv[0]) if argv and argv[0].isdigit() else 10
    lexicon = load_lexicon(ROOT / "config")
    documents = [parse_document(p, p.read_bytes()) for p in _paths(argv)]
    if not documents:
        raise SystemExit("no .txt or .md documents to time")
    chars = sum(len(d.text) for d in documents)
    for d in documents:
        extract_document(d, lexicon)  # warm caches (compiled patterns)
    thresholds = gc.get_threshold()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    best = float("inf")
    for _ in range(rounds):
        spent = 0.0
        for d in documents:
            clear()
            start = time.perf_counter()
            extract_document(d, lexicon)
            spent += time.perf_counter() - start
        best = min(best, spent)
    gc.set_threshold(*thresholds)
    us_char = best * 1e6 / chars
    print(f"{len(documents)} documents, {chars / len(documents):.0f} characters each on average,")
    print(f"best of {rounds} rounds")
    print(f"{len(documents) / best:.1f} docs/s, {us_char:.2f} µs/char (target: ≥ 100 docs/s)")


if __name__ == "__main__":
    main(sys.argv[1:])
