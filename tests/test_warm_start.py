"""A warm start reads what was stored: merged facts decoded field by field when first read,
index tables built on first use, and the same answers as a start that builds everything."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

import bot.seeds as seeds_mod
from bot.codec import StaleRecord, from_json, to_json
from bot.config import Settings, load_settings
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.merged_parts import COUNTS, StoredFactBase, encode_parts, lazy_parts, slim
from bot.models import Commitment, DocumentFacts, Person, Source
from bot.search import FactIndex
from bot.service import BriefingService

NEW_DOC = """---
title: A test briefing
date: 2024-02-01
---
Foreign Minister Jane Roe met Trade Minister Tom Poe in Oslo on Monday.

"We will open a new embassy next year," Roe said.
"""
QUESTIONS = (
    ("ministers", ""),
    ("people", ""),
    ("search", "frigate"),
    ("search", "frigat"),
    ("timeline", ""),
    ("sources", ""),
    ("brief", ""),
    ("topics", ""),
)


def _fields(facts: FactBase) -> list[str]:
    return [name for name in facts.__dict__ if not name.startswith("_")]


# -- the codec's quick path reads the same values, and refuses the same records ---------------


def test_the_codec_reads_every_record_it_writes(seed_facts: FactBase) -> None:
    for f in seed_facts.per_document:
        assert from_json(DocumentFacts, to_json(DocumentFacts, f)) == f
    assert from_json(tuple[Person, ...], to_json(tuple[Person, ...], seed_facts.people)) == (
        seed_facts.people
    )


def test_records_this_code_did_not_write_read_as_before() -> None:
    source = '{"doc_id":"d","paragraph":2,"sentence":"Plans for a frigate."}'
    assert from_json(Source, source) == Source("d", 2, "Plans for a frigate.")
    # A field left out takes its default; the quick path needs all of them, the general one not.
    assert from_json(Person, '{"id":"p","name":"Ann Lee"}') == Person("p", "Ann Lee")
    for bad in (
        '{"doc_id":"d","paragraph":true,"sentence":"s"}',  # a bool is no int
        '{"doc_id":"d","paragraph":"2","sentence":"s"}',
        '{"doc_id":"d","paragraph":2,"sentence":"s","page":3}',  # a field the model lacks
        '{"doc_id":"d","paragraph":2}',  # one without a default
        '["d",2,"s"]',
    ):
        with pytest.raises(StaleRecord):
            from_json(Source, bad)
    with pytest.raises(StaleRecord):
        from_json(tuple[str, ...], '["a",1]')
    with pytest.raises(StaleRecord):
        from_json(tuple[int, int, int], "[1,2]")
    assert from_json(tuple[tuple[int, int, int], ...], "[[1,0,54]]") == ((1, 0, 54),)
    said = Source("d", 1, "We will build a frigate.")
    plan = Commitment(said.sentence, ("Italy",), ("defense",), said, None)
    assert from_json(Commitment, to_json(Commitment, plan)) == plan
    assert from_json(Commitment, to_json(Commitment, replace(plan, when="2030"))).when == "2030"


# -- stored merged facts, decoded field by field ----------------------------------------------


def test_stored_facts_equal_the_facts_they_were_stored_from(seed_facts: FactBase) -> None:
    stored = lazy_parts(encode_parts(seed_facts))
    assert isinstance(stored, StoredFactBase) and _fields(stored) == []
    assert stored.counts() == seed_facts.counts() and _fields(stored) == []
    assert stored.people == seed_facts.people
    assert _fields(stored) == ["people"]  # nothing else was decoded
    assert stored == slim(seed_facts) and slim(seed_facts) == stored
    assert stored != replace(slim(seed_facts), quotes=())
    copy = replace(stored, quotes=())
    assert copy.quotes == () and copy.people == seed_facts.people


def test_stored_facts_without_counts_count_their_lists(seed_facts: FactBase) -> None:
    """A fact base stored before its counts were stored with it."""
    parts = [(name, blob) for name, blob in encode_parts(seed_facts) if name != COUNTS]
    assert lazy_parts(parts).counts() == seed_facts.counts()


def test_a_field_read_by_two_threads_is_decoded_once(seed_facts: FactBase) -> None:
    stored = lazy_parts(encode_parts(seed_facts))
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(stored.people)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(g is got[0] for g in got)


def test_a_field_the_fact_base_no_longer_has_is_stale(seed_facts: FactBase) -> None:
    parts = encode_parts(seed_facts)
    with pytest.raises(StaleRecord):
        lazy_parts([("retired_field", parts[0][1]), *parts])


# -- index tables on first use ----------------------------------------------------------------


def test_a_lazy_index_answers_as_a_prepared_one(seed_facts: FactBase, lexicon: Lexicon) -> None:
    fuzzy = load_settings().fuzzy
    lazy = FactIndex(seed_facts, lexicon, fuzzy)
    prepared = FactIndex(seed_facts, lexicon, fuzzy).prepare()
    name = seed_facts.people[0].name
    assert lazy.find_people(name) == prepared.find_people(name)
    assert "text" not in lazy.__dict__  # a name lookup built no sentence index
    assert lazy.search("frigate") == prepared.search("frigate")
    assert lazy.suggest("frigat", ("people", "topics")) == prepared.suggest(
        "frigat", ("people", "topics")
    )
    for q in seed_facts.quotes:
        assert lazy.topics_of_quote(q) == prepared.topics_of_quote(q)
    for kind in ("people", "roles", "topics", "documents", "countries", "parties"):
        assert lazy.pool(kind).keys == prepared.pool(kind).keys


def test_prepare_lets_go_of_the_previous_index(seed_facts: FactBase, lexicon: Lexicon) -> None:
    fuzzy = load_settings().fuzzy
    old = FactIndex(seed_facts, lexicon, fuzzy).prepare()
    new = FactIndex(seed_facts, lexicon, fuzzy, previous=old).prepare()
    assert new._previous is None
    # the same name lends its keys
    assert new.persons.people.rows[0][2] is old.persons.people.rows[0][2]


def test_prepare_builds_the_fact_bases_own_lookups(seed_facts: FactBase, lexicon: Lexicon) -> None:
    """A prepared index leaves no lookup of its fact base to the first answer (on the loop)."""
    facts = replace(seed_facts)  # a new object: no cached lookup yet
    assert "person_by_id" not in facts.__dict__
    FactIndex(facts, lexicon, load_settings().fuzzy).prepare()
    for name in ("person_by_id", "document_by_id", "topic_by_slug", "counts_by_document"):
        assert name in facts.__dict__


# -- the service ------------------------------------------------------------------------------


async def test_a_start_that_prepares_nothing_answers_the_same(workdir: Settings) -> None:
    first = BriefingService(workdir)
    await first.start()
    await first.close()

    warm = BriefingService(workdir)
    report = await warm.start(prepare=False)
    assert report.from_store and report.totals == first.facts.counts()
    assert _fields(warm.facts) == [] and "lookups" not in warm.index.__dict__
    prepared = BriefingService(workdir)
    await prepared.start()
    for question in QUESTIONS:
        assert warm.ask(*question) == prepared.ask(*question) == first.ask(*question)
    assert warm.facts == prepared.facts
    await warm.close()
    await prepared.close()


async def test_a_database_stored_without_counts_still_starts(workdir: Settings) -> None:
    first = BriefingService(workdir)
    await first.start()
    await first.close()
    with sqlite3.connect(workdir.database) as db:
        assert db.execute("DELETE FROM merged_parts WHERE field = ?", (COUNTS,)).rowcount == 1

    again = BriefingService(workdir)
    report = await again.start(prepare=False)
    assert report.from_store and report.totals == first.facts.counts()
    assert again.ask("ministers") == first.ask("ministers")
    await again.close()


async def test_a_start_hashes_only_the_files_changed_while_stopped(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = BriefingService(workdir)
    await first.start()
    await first.close()
    read: list[str] = []
    real = seeds_mod._digest

    def counting(path: Path, size: int, limits: object) -> str:
        read.append(path.name)
        return real(path, size, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(seeds_mod, "_digest", counting)
    again = BriefingService(workdir)
    assert (await again.start(prepare=False)).from_store
    assert read == []  # every file's hash came from the store
    await again.close()

    edited = next(p for p in sorted(workdir.seeds_dir.iterdir()) if p.suffix == ".txt")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing line.\n")
    third = BriefingService(workdir)
    report = await third.start()
    assert read == [edited.name] and not report.from_store  # the edit is noticed
    assert "A new closing line." in str(third.ask("search", "new closing line"))
    await third.close()


@pytest.mark.parametrize("wait", [True, False])
async def test_a_reload_after_a_start_from_the_store_reads_its_facts_once(
    workdir: Settings, monkeypatch: pytest.MonkeyPatch, wait: bool
) -> None:
    (workdir.seeds_dir / "a.md").write_text(NEW_DOC)
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Bergen"))
    first = BriefingService(workdir)
    await first.start()
    await first.close()

    service = BriefingService(workdir)
    assert (await service.start()).from_store
    if wait:  # the bot has been up a while: the documents' stored facts are read
        assert service._prefetch.task is not None
        await service._prefetch.task
        assert all(f.result is not None for f in service._basis.files.values())
    real = service.extract_pool.extract
    extracted: list[str] = []

    async def spy(seeds, *args, **kwargs):  # type: ignore[no-untyped-def]
        extracted.extend(s.name for s in seeds)
        return await real(seeds, *args, **kwargs)

    monkeypatch.setattr(service.extract_pool, "extract", spy)
    (workdir.seeds_dir / "b.md").write_text(NEW_DOC.replace("Oslo", "Tromsø"))
    report = await service.reload("tester")
    assert extracted == ["b.md"] and report.changed == ("b.md",)
    fresh = BriefingService(replace(workdir, database=workdir.database.with_name("fresh.db")))
    await fresh.start()
    assert service.facts == fresh.facts
    await service.close()
    await fresh.close()
