"""Benchmark: extraction throughput on one core, in documents per second and µs per character.

The documents are the shipped seeds and the evaluation set (../shared/eval/docs/*.txt, when
present). Each round extracts every document once; the best round counts (machines here are
shared and noisy). The per-text memo (bot/extract/memo.py) is cleared before each document, so
a round never reads what the round before worked out for the same texts. Asserts nothing. Run
from the project:

    .venv/bin/python bench/bench_extract.py [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_lexicon  # noqa: E402
from bot.extract import extract_document  # noqa: E402
from bot.extract.memo import clear  # noqa: E402
from bot.seeds import parse_document  # noqa: E402

EVAL_DOCS = ROOT.parent / "shared" / "eval" / "docs"


def main(argv: list[str]) -> None:
    rounds = int(argv[0]) if argv else 10
    lexicon = load_lexicon(ROOT / "config")
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(EVAL_DOCS.glob("*.txt"))
    documents = [parse_document(p, p.read_bytes()) for p in paths]
    chars = sum(len(d.text) for d in documents)
    for d in documents:
        extract_document(d, lexicon)  # warm caches (compiled patterns)
    best = float("inf")
    for _ in range(rounds):
        spent = 0.0
        for d in documents:
            clear()
            start = time.perf_counter()
            extract_document(d, lexicon)
            spent += time.perf_counter() - start
        best = min(best, spent)
    print(f"{len(documents)} documents, {chars} characters, best of {rounds} rounds")
    print(f"{len(documents) / best:.1f} docs/s, {best * 1e6 / chars:.2f} µs/char")


if __name__ == "__main__":
    main(sys.argv[1:])
