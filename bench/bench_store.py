"""Store timings for N synthetic documents: save and load. Prints numbers; asserts nothing.

Run: .venv/bin/python bench/bench_store.py [N] [paragraphs per document]
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

from bot.extract.text import segment
from bot.models import (
    Commitment,
    CuratedFacts,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
    Source,
)
from bot.store import Store

WORDS = (
    "minister government defence frigate energy trade cooperation security raw materials "
    "summit agreement supply chain technology climate finance budget pacific region exercise"
).split()


def synthetic(i: int, paragraphs: int, rng: random.Random) -> DocumentFacts:
    """A document of plain generated sentences, with one fact of each kind per paragraph."""
    body = "\n\n".join(
        " ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + "."
            for _ in range(rng.randint(2, 6))
        )
        for _ in range(paragraphs)
    )
    doc = Document(f"doc-{i}", f"Document {i}", f"seeds/doc-{i}.md", body, f"{i:064x}")
    facts: dict[str, list] = {"people": [], "quotes": [], "commitments": [], "events": []}
    for p in segment(body):
        s = p.sentences[0]
        src = Source(doc.id, p.number, s.text)
        facts["people"].append(Person(f"p{i}-{p.number}", f"Person {p.number}", sources=(src,)))
        facts["quotes"].append(Quote(s.text[:40], f"p{i}-{p.number}", src))
        facts["commitments"].append(Commitment(s.text, ("Germany",), ("defense",), src, "2024"))
        facts["events"].append(Event("2024", s.text, src))
    return DocumentFacts(doc, *(tuple(v) for v in facts.values()))


async def main(n: int, paragraphs: int) -> None:
    rng = random.Random(1)
    docs = [synthetic(i, paragraphs, rng) for i in range(n)]
    chars = sum(len(d.document.text) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        async with Store.open(Path(tmp) / "bench.sqlite3") as store:
            t0 = time.perf_counter()
            await store.save_generation(docs, CuratedFacts(), "bench", [])
            t1 = time.perf_counter()
            loaded = await store.load_latest()
            t2 = time.perf_counter()
    print(f"{n} documents, {paragraphs} paragraphs each, {chars / 1e6:.2f} M characters")
    print(f"save_generation: {t1 - t0:.3f} s")
    print(f"load_latest:     {t2 - t1:.3f} s ({len(loaded.documents) if loaded else 0} documents)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    asyncio.run(main(*(args + [200, 12][len(args) :])))
