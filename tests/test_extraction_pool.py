"""The extraction pool: same facts as in-process extraction, a time limit, and no lost worker."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from bot.errors import SeedError
from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.extraction_pool import ExtractionPool
from bot.limits import Limits
from bot.models import DocumentFacts
from bot.seeds import SeedFile, parse_document

TEXT = """---
title: Pool test
date: 2024-03-04
---
Foreign Minister Jane Roe met Trade Minister Tom Poe in Oslo on Monday.
"We will open a new embassy next year," Roe said.
Both governments agreed to hold joint naval exercises in 2025.
"""


def seed(folder: Path, name: str, text: str) -> SeedFile:
    path = folder / name
    path.write_text(text)
    return SeedFile(path, hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture()
def pool():
    p = ExtractionPool(2)
    yield p
    p.close()


async def test_the_pool_gives_the_facts_in_process_extraction_gives(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    seeds = [seed(tmp_path, f"d{i}.md", TEXT.replace("Oslo", f"City{i}")) for i in range(5)]
    outcomes = await pool.extract(seeds, lexicon, Limits())
    for s, outcome in zip(seeds, outcomes, strict=True):
        assert isinstance(outcome, DocumentFacts)
        expected = extract_document(parse_document(s.path, s.path.read_bytes()), lexicon)
        assert outcome == expected


async def test_progress_is_told_each_document(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    told: list[str] = []

    async def progress(text: str) -> None:
        told.append(text)

    seeds = [seed(tmp_path, f"d{i}.md", TEXT) for i in range(3)]
    await pool.extract(seeds, lexicon, Limits(), progress)
    assert {t.split(" (")[0] for t in told} == {"Read d0.md", "Read d1.md", "Read d2.md"}
    assert [t.rsplit("(", 1)[1] for t in told] == ["1/3)", "2/3)", "3/3)"]


async def test_a_seed_error_comes_back_as_the_outcome(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    good = seed(tmp_path, "good.md", TEXT)
    bad = seed(tmp_path, "bad.md", "---\ndate: tomorrow\n---\nText.\n")
    outcomes = await pool.extract([good, bad], lexicon, Limits())
    assert isinstance(outcomes[0], DocumentFacts)
    assert isinstance(outcomes[1], SeedError) and outcomes[1].line == 2


async def test_a_bug_in_a_rule_is_an_error_for_that_document_only(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    broken = replace(lexicon, words={key: 5 for key in lexicon.words})
    (outcome,) = await pool.extract([seed(tmp_path, "a.md", TEXT)], broken, Limits())
    assert isinstance(outcome, SeedError) and "extraction failed (TypeError" in outcome.reason
    (again,) = await pool.extract([seed(tmp_path, "b.md", TEXT)], lexicon, Limits())
    assert isinstance(again, DocumentFacts)


async def test_a_worker_killed_mid_document_is_reported_and_replaced(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    big = seed(tmp_path, "big.md", TEXT + "\n".join(TEXT.splitlines()[4:]) * 400)
    task = asyncio.ensure_future(pool.extract([big], lexicon, Limits()))
    while not pool.workers.live:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    for worker in list(pool.workers.live):
        worker.process.kill()
    (outcome,) = await task
    assert isinstance(outcome, SeedError) and "process died" in outcome.reason
    (again,) = await pool.extract([seed(tmp_path, "small.md", TEXT)], lexicon, Limits())
    assert isinstance(again, DocumentFacts)


async def test_a_document_over_the_limit_is_stopped_and_the_pool_goes_on(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    # ~74 KB: ~0.3 s of extraction on a 2-core EPYC, 60 times the limit, so always late.
    big = seed(tmp_path, "big.md", TEXT + "\n".join(TEXT.splitlines()[4:]) * 400)
    (outcome,) = await pool.extract([big], lexicon, Limits(extract_seconds=0.005))
    assert isinstance(outcome, SeedError)
    assert outcome.reason == "extraction took over 0.005 s and was stopped (limits.extract_seconds)"
    (again,) = await pool.extract([seed(tmp_path, "small.md", TEXT)], lexicon, Limits())
    assert isinstance(again, DocumentFacts)


async def test_a_closed_pool_refuses_work(lexicon: Lexicon, tmp_path: Path) -> None:
    p = ExtractionPool(1)
    p.close()
    with pytest.raises(RuntimeError):
        await p.extract([seed(tmp_path, "a.md", TEXT)], lexicon, Limits())


async def test_a_worker_killed_mid_batch_costs_only_its_current_document(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    p = ExtractionPool(1)
    try:
        big = seed(tmp_path, "big.md", TEXT + "\n".join(TEXT.splitlines()[4:]) * 400)
        after = seed(tmp_path, "after.md", TEXT)
        task = asyncio.ensure_future(p.extract([big, after], lexicon, Limits()))
        while not p.workers.live:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)
        for worker in list(p.workers.live):
            worker.process.kill()
        first, second = await task
        assert isinstance(first, SeedError) and "process died" in first.reason
        assert isinstance(second, DocumentFacts)
    finally:
        p.close()


async def test_workers_pack_the_facts_as_the_store_packs_them(
    pool: ExtractionPool, lexicon: Lexicon, tmp_path: Path
) -> None:
    from bot.store_records import encode_document_facts

    good = seed(tmp_path, "good.md", TEXT)
    bad = seed(tmp_path, "bad.md", "---\ndate: tomorrow\n---\nText.\n")
    packed: dict[str, bytes] = {}
    outcomes = await pool.extract([good, bad], lexicon, Limits(), packed=packed)
    assert isinstance(outcomes[0], DocumentFacts)
    assert packed == {"good.md": encode_document_facts(outcomes[0])}  # none for the failure


async def test_a_worker_that_died_while_idle_is_replaced_unnoticed(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    p = ExtractionPool(1)
    try:
        (first,) = await p.extract([seed(tmp_path, "a.md", TEXT)], lexicon, Limits())
        assert isinstance(first, DocumentFacts)
        (idle,) = p.workers.live
        idle.process.kill()
        idle.process.wait(timeout=10)
        (second,) = await p.extract([seed(tmp_path, "b.md", TEXT)], lexicon, Limits())
        assert isinstance(second, DocumentFacts)
        assert idle not in p.workers.live
    finally:
        p.close()


async def test_prestarted_workers_take_the_next_batch(lexicon: Lexicon, tmp_path: Path) -> None:
    p = ExtractionPool(2)
    try:
        await asyncio.to_thread(p.prestart)
        started = set(p.workers.live)
        assert len(started) == 2
        seeds = [seed(tmp_path, f"{n}.md", TEXT) for n in range(4)]
        outcomes = await p.extract(seeds, lexicon, Limits())
        assert all(isinstance(o, DocumentFacts) for o in outcomes)
        assert p.workers.live == started  # no worker started beside them
        await asyncio.to_thread(p.prestart)
        assert p.workers.live == started  # running workers are not doubled
    finally:
        p.close()


async def test_while_go_is_clear_one_worker_takes_the_documents(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    p = ExtractionPool(2)
    go = threading.Event()
    try:
        seeds = [seed(tmp_path, f"{n}.md", TEXT) for n in range(4)]
        outcomes = await p.extract(seeds, lexicon, Limits(), go=go)
        assert all(isinstance(o, DocumentFacts) for o in outcomes)
        assert len(p.workers.live) == 1  # the second lane waited and started none
        go.set()
        outcomes = await p.extract(seeds, lexicon, Limits(), go=go)
        assert all(isinstance(o, DocumentFacts) for o in outcomes)
        assert len(p.workers.live) == 2
    finally:
        p.close()
