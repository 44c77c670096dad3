"""The store: exact round trips, one-transaction saves, pruning, the reload log, schema versions."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import sqlite3
import threading
import zlib
from pathlib import Path

import pytest

import bot.store as store_mod
import bot.store_schema as schema_mod
from bot.config import load_lexicon
from bot.extract import extract_document
from bot.extract.text import segment
from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    CuratedPerson,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
    Source,
)
from bot.seeds import parse_document
from bot.store import (
    SCHEMA_VERSION,
    ReloadLogEntry,
    Store,
    StoredGeneration,
)

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def make_facts(doc_id: str, *, topic_word: str = "frigate") -> DocumentFacts:
    """A document with every field of every fact set, unicode and None values included."""
    text = (
        "# Ministers meet in Zürich\n\n"
        f"The ministers agreed to send a {topic_word} to the Pacific in 2024. "
        "“We will stand together,” said Minister Ana Müller-Łukasiewicz.\n\n"
        "Trade talks continue in May and the délégation signed a memorandum on energy."
    )
    paragraphs = segment(text)
    p2 = paragraphs[1].sentences
    p3 = paragraphs[2].sentences
    src_a = Source(doc_id, 2, p2[0].text)
    src_b = Source(doc_id, 2, p2[1].text)
    src_c = Source(doc_id, 3, p3[0].text)
    document = Document(
        id=doc_id,
        title="Ministers meet in Zürich – 会議",
        path=f"seeds/{doc_id}.md",
        text=text,
        sha256="ab" * 32,
        date="2023-03-18",
        source="https://example.org/ä?q=1&r=2",
        kind="news",
        extra=(("language_note", "translated ✓"), ("empty", "")),
    )
    people = (
        Person(
            id="ana-muller-lukasiewicz",
            name="Ana Müller-Łukasiewicz",
            aliases=("Müller-Łukasiewicz", "the Minister"),
            roles=("Minister", "Outside"),
            offices=("Foreign Affairs",),
            party="Grüne",
            country="Germany",
            former=True,
            sources=(src_b, src_a),
        ),
        Person(id="nobody", name="Nobody", party=None, country=None, sources=()),
    )
    quotes = (
        Quote("We will stand together,", "ana-muller-lukasiewicz", src_b),
        Quote("unattributed “nested” text", None, src_b),
    )
    commitments = (
        Commitment(p2[0].text, ("Germany", "Japan"), ("defense",), src_a, "2024"),
        Commitment(p3[0].text, (), ("trade", "energy"), src_c, None),
    )
    events = (Event("2024", p2[0].text, src_a), Event("2023-05/2023-06", "Trade talks", src_c))
    return DocumentFacts(document, people, quotes, commitments, events)


def make_curated() -> CuratedFacts:
    return CuratedFacts(
        people=(
            CuratedPerson(
                name="Olaf Schölz",
                aliases=("Schölz", "the Chancellor"),
                roles=("Chancellor",),
                party="SPD",
                country="Germany",
                former=False,
                file="people.yaml",
                line=3,
            ),
            CuratedPerson(name="Someone", former=None),
        ),
        role_synonyms=(("Foreign Affairs", ("Outside", "Foreign")), ("Transport", ())),
        corrections=(
            Correction(
                kind="commitment",
                match="frigate",
                drop=False,
                set=(
                    ("actors", ("Germany", "Japan")),
                    ("when", dt.date(2024, 5, 1)),
                    ("topics", ["defense", ["nested", "list"]]),
                    ("weight", 2),
                    ("ratio", 0.5),
                    ("flag", True),
                    ("nothing", None),
                    ("mapping", {"a": 1, 2: "b"}),
                ),
                file="fix.yaml",
                line=7,
            ),
            Correction(kind="quote", match="stand", drop=True),
        ),
        files=("fix.yaml", "people.yaml"),
    )


@pytest.fixture
async def store():
    async with Store.open(":memory:") as s:
        yield s


async def doc_rows(store: Store) -> list[tuple[int, str]]:
    async with store.conn.execute("SELECT generation, doc_id FROM documents") as cur:
        return [tuple(r) for r in await cur.fetchall()]


# --- round trips ---------------------------------------------------------------------------------


async def test_empty_store_has_nothing(store: Store) -> None:
    assert await store.load_latest() is None
    assert await store.latest_fingerprint() is None
    assert await store.list_generations() == []
    assert await store.recent_reloads() == []


async def test_round_trip_rich_facts(store: Store) -> None:
    docs = [make_facts("first"), make_facts("second", topic_word="corvette")]
    curated = make_curated()
    files = [("first.md", "1" * 64), ("fix.yaml", "2" * 64)]
    errors = [("bad.md", 4, "front matter: YAML syntax"), ("worse.txt", None, "not UTF-8")]
    gen = await store.save_generation(docs, curated, "fp-1", files, errors)
    loaded = await store.load_latest()
    assert isinstance(loaded, StoredGeneration)
    assert loaded.id == gen
    assert loaded.fingerprint == "fp-1"
    assert loaded.documents == tuple(docs)
    assert loaded.curated == curated
    assert loaded.files == tuple(files)
    assert loaded.errors == tuple(errors)
    assert dt.datetime.fromisoformat(loaded.created).utcoffset() == dt.timedelta(0)
    # Exact types, not just equal values: tuples stay tuples, a list in a correction stays a list.
    first = loaded.documents[0]
    assert type(first.people) is tuple and type(first.people[0].sources[0]) is Source
    values = dict(loaded.curated.corrections[0].set)
    assert type(values["actors"]) is tuple and type(values["topics"]) is list
    assert type(values["when"]) is dt.date and type(values["mapping"]) is dict
    assert await store.latest_fingerprint() == "fp-1"


async def test_round_trip_real_seed(store: Store) -> None:
    lexicon = load_lexicon()
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths, "the project ships at least one .txt seed"
    docs = [extract_document(parse_document(p, p.read_bytes()), lexicon) for p in paths]
    files = [(p.name, d.document.sha256) for p, d in zip(paths, docs, strict=True)]
    await store.save_generation(docs, CuratedFacts(), "seed", files)
    loaded = await store.load_latest()
    assert loaded is not None
    assert loaded.documents == tuple(docs)


async def test_on_disk_store_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "bot.sqlite3"
    docs = [make_facts("disk")]
    async with Store.open(path) as s:
        gen = await s.save_generation(docs, make_curated(), "fp", [("disk.md", "0" * 64)])
        await s.log_reload(ReloadLogEntry("2024-01-01T00:00:00+00:00", "startup", "startup", "1"))
        async with s.conn.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"
    assert path.exists()
    s2 = await Store.open(path)
    try:
        loaded = await s2.load_latest()
        assert loaded is not None and loaded.id == gen and loaded.documents == tuple(docs)
        assert [e.who for e in await s2.recent_reloads()] == ["startup"]
    finally:
        await s2.close()
        await s2.close()  # closing twice is harmless
    with pytest.raises(RuntimeError):
        await s2.load_latest()


# --- atomicity and pruning -----------------------------------------------------------------------


async def test_failed_save_leaves_previous_generation(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = [make_facts("old", topic_word="zeppelin")]
    old_id = await store.save_generation(good, make_curated(), "old", [("old.md", "a" * 64)])

    real = store_mod.encode_document_facts
    calls = []

    def failing(facts: DocumentFacts) -> str:
        calls.append(facts.document.id)
        if len(calls) == 2:
            raise RuntimeError("disk full, say")
        return real(facts)

    monkeypatch.setattr(store_mod, "encode_document_facts", failing)
    new = [make_facts(f"new-{i}", topic_word="submarine") for i in range(3)]
    with pytest.raises(RuntimeError, match="disk full"):
        await store.save_generation(new, CuratedFacts(), "new", [])
    assert calls == ["new-0", "new-1"]  # the first new document was written before the failure

    loaded = await store.load_latest()
    assert loaded is not None and loaded.id == old_id and loaded.fingerprint == "old"
    assert loaded.documents == tuple(good) and loaded.curated == make_curated()
    assert [g.id for g in await store.list_generations()] == [old_id]
    assert await doc_rows(store) == [(old_id, "old")]

    monkeypatch.setattr(store_mod, "encode_document_facts", real)
    new_id = await store.save_generation(new, CuratedFacts(), "new", [])
    assert new_id > old_id and (await store.load_latest()).documents == tuple(new)


async def test_mistyped_fact_is_refused_and_nothing_stored(store: Store) -> None:
    facts = make_facts("ok")
    bad_source = Source("bad", "2", "text")  # type: ignore[arg-type]
    bad = DocumentFacts(facts.document, events=(Event("2024", "x", bad_source),))
    with pytest.raises(TypeError, match="paragraph"):
        await store.save_generation([facts, bad], CuratedFacts(), "bad", [])
    assert await store.load_latest() is None
    assert await doc_rows(store) == []


async def test_keeps_newest_three_generations(store: Store) -> None:
    ids = []
    for i in range(5):
        docs = [make_facts(f"g{i}-a"), make_facts(f"g{i}-b")]
        ids.append(await store.save_generation(docs, CuratedFacts(), f"fp{i}", []))
    assert ids == sorted(ids)
    gens = await store.list_generations()
    assert [g.id for g in gens] == ids[:-4:-1]
    assert [g.fingerprint for g in gens] == ["fp4", "fp3", "fp2"]
    assert all(g.documents == 2 for g in gens)
    assert {g for g, _ in await doc_rows(store)} == set(ids[2:])
    assert await store.load_generation(ids[0]) is None
    older = await store.load_generation(ids[2])
    assert older is not None and older.documents[0].document.id == "g2-a"
    assert (await store.load_latest()).id == ids[-1]


async def test_stale_record_reads_as_nothing(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    await store.save_generation([make_facts("x")], CuratedFacts(), "fp", [])
    async with store.conn.execute("SELECT facts FROM document_facts") as cur:
        (blob,) = await cur.fetchone()
    record = json.loads(zlib.decompress(blob))
    record["document"]["retired_field"] = 1
    await store.conn.execute(
        "UPDATE document_facts SET facts = ?", (zlib.compress(json.dumps(record).encode()),)
    )
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        assert await store.load_latest() is None
    assert "does not fit" in caplog.text
    assert await store.latest_fingerprint() == "fp"  # the header is still readable


# --- reload log ----------------------------------------------------------------------------------


async def test_reload_log_newest_first_with_limit(store: Store) -> None:
    entries = [
        ReloadLogEntry(
            when=f"2024-01-01T00:00:{i:02d}+00:00",
            who="Ana (1234)" if i % 2 else "console",
            action="reload",
            summary=f"entry {i}: +{i} quotes",
            errors=tuple(f"bad{j}.md:3: reason ✗" for j in range(i % 3)),
            generation=i if i % 4 else None,
        )
        for i in range(15)
    ]
    for entry in entries:
        await store.log_reload(entry)
    assert await store.recent_reloads() == entries[::-1][:10]
    assert await store.recent_reloads(3) == entries[:-4:-1]
    assert await store.recent_reloads(100) == entries[::-1]
    assert await store.recent_reloads(0) == []


# --- concurrency ---------------------------------------------------------------------------------


async def test_load_during_save_sees_one_whole_generation(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.save_generation([make_facts("old")], CuratedFacts(), "1", [])
    loop = asyncio.get_running_loop()
    midway, release = asyncio.Event(), threading.Event()
    real = store_mod.encode_document_facts

    def paused(facts: DocumentFacts) -> str:
        if facts.document.id == "new-1":  # new-0 is already written, uncommitted
            loop.call_soon_threadsafe(midway.set)
            release.wait(timeout=30)  # never block the worker thread for good
        return real(facts)

    monkeypatch.setattr(store_mod, "encode_document_facts", paused)
    new = [make_facts(f"new-{i}") for i in range(3)]
    save = asyncio.create_task(store.save_generation(new, CuratedFacts(), "2", []))
    await asyncio.wait_for(midway.wait(), timeout=30)
    load = asyncio.create_task(store.load_latest())
    await asyncio.wait({load}, timeout=0.3)  # let it run, or find it waiting for the save
    waited = not load.done()
    release.set()  # before any assertion, so a failure cannot leave the worker thread blocked
    new_id = await save
    loaded = await load
    assert waited  # the lock held the load until the save was over
    assert loaded is not None and loaded.id == new_id and loaded.fingerprint == "2"
    assert loaded.documents == tuple(new)


# --- schema versions -----------------------------------------------------------------------------


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 0])
async def test_unknown_schema_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, version: int
) -> None:
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE precious (x)")
        old.execute("INSERT INTO precious VALUES ('keep me')")
        old.execute(f"PRAGMA user_version = {version}")
    old.close()
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        async with Store.open(path) as s:
            await s.save_generation([make_facts("fresh")], CuratedFacts(), "fp", [])
            assert (await s.load_latest()).documents[0].document.id == "fresh"
    backup = tmp_path / f"bot.sqlite3.bak-{version}"
    assert backup.exists() and f"bak-{version}" in caplog.text
    with sqlite3.connect(backup) as moved:
        assert moved.execute("SELECT x FROM precious").fetchall() == [("keep me",)]
    moved.close()
    with sqlite3.connect(path) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    new.close()


async def test_version_1_file_with_fts_index_is_rebuilt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Version 1 kept an FTS5 text index; such a file is moved aside whole, not migrated."""
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE generations (id INTEGER PRIMARY KEY, fingerprint TEXT);"
            "INSERT INTO generations VALUES (1, 'from version 1');"
            "CREATE VIRTUAL TABLE text_index USING fts5(text, kind UNINDEXED);"
            "INSERT INTO text_index VALUES ('an old sentence', 'sentence');"
            "PRAGMA user_version = 1;"
        )
    old.close()
    assert SCHEMA_VERSION == 4
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        async with Store.open(path) as s:
            assert await s.load_latest() is None
            assert await s.latest_fingerprint() is None
            await s.save_generation([make_facts("fresh")], CuratedFacts(), "fp", [])
            assert (await s.load_latest()).documents[0].document.id == "fresh"
    assert "bak-1" in caplog.text
    with sqlite3.connect(tmp_path / "bot.sqlite3.bak-1") as moved:
        assert moved.execute("SELECT fingerprint FROM generations").fetchall() == [
            ("from version 1",)
        ]
        assert moved.execute("SELECT text FROM text_index").fetchall() == [("an old sentence",)]
    moved.close()
    with sqlite3.connect(path) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in new.execute("SELECT name FROM sqlite_master")}
        assert not any(t.startswith("text_index") for t in tables)
        assert {"generations", "documents", "reload_log"} <= tables
    new.close()


async def test_unreadable_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"this is not a database at all " * 100)
    async with Store.open(path) as s:
        assert await s.load_latest() is None
    assert (tmp_path / "bot.sqlite3.bak-unreadable").read_bytes().startswith(b"this is not")
    path.write_bytes(b"again garbage " * 100)
    async with Store.open(path) as s:
        assert await s.list_generations() == []
    assert (tmp_path / "bot.sqlite3.bak-unreadable.1").exists()


async def test_current_schema_is_reused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Store.open(path) as s:
        await s.save_generation([make_facts("kept")], CuratedFacts(), "fp", [])
    async with Store.open(path) as s:
        assert (await s.load_latest()).fingerprint == "fp"
    assert not list(tmp_path.glob("*.bak-*"))


async def test_a_database_damaged_past_its_first_page_is_moved_aside_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Store.open(path) as s:
        for i in range(5):
            await s.save_generation(
                [make_facts(f"doc-{i}-{n}") for n in range(30)], CuratedFacts(), f"fp{i}", []
            )
        await s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * 4096
    data[3 * 4096 : 3 * 4096 + 2000] = b"\xa5" * 2000  # a page deep in the file, not the header
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        async with Store.open(path) as s:
            assert await s.load_latest() is None
            await s.save_generation([make_facts("fresh")], CuratedFacts(), "new", [])
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        "is damaged" in warning.getMessage()
        and "bot.sqlite3.bak-unreadable" in warning.getMessage()
    )
    caplog.clear()
    async with Store.open(path) as s:  # healed: no second warning, the new generation is there
        assert (await s.load_latest()).fingerprint == "new"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_read_only_database_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Store.open(path) as s:
        await s.save_generation([make_facts("kept")], CuratedFacts(), "fp", [])

    async def read_only(name: str):
        import aiosqlite

        return await aiosqlite.connect(f"file:{name}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(schema_mod, "_connect", read_only)
    with pytest.raises(store_mod.StoreUnavailable) as err:
        await Store.open(path)
    assert "cannot be written" in str(err.value) and "answers from memory" in str(err.value)
    assert not list(tmp_path.glob("*.bak-*"))  # not mistaken for a damaged file


async def test_a_document_shared_by_generations_is_stored_once(store: Store) -> None:
    shared, other = make_facts("shared"), make_facts("other")
    first = await store.save_generation([shared], CuratedFacts(), "1", [], keys=["k-shared"])
    second = await store.save_generation(
        [shared, other], CuratedFacts(), "2", [], keys=["k-shared", "k-other"]
    )
    async with store.conn.execute("SELECT doc_key FROM document_facts ORDER BY doc_key") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["k-other", "k-shared"]
    assert (await store.load_generation(first)).documents == (shared,)
    loaded = await store.load_generation(second, documents=False)
    assert loaded.documents == () and loaded.doc_keys == ("k-shared", "k-other")
    assert await store.load_documents(["k-other", "missing"]) == {"k-other": other}


async def test_facts_no_generation_lists_are_pruned(store: Store) -> None:
    for i in range(5):
        await store.save_generation(
            [make_facts(f"d{i}")], CuratedFacts(), str(i), [], keys=[f"k{i}"]
        )
    async with store.conn.execute("SELECT doc_key FROM document_facts ORDER BY doc_key") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["k2", "k3", "k4"]


async def test_the_merged_fact_base_round_trips_with_slim_documents(
    store: Store, seed_facts
) -> None:
    gen = await store.save_generation(
        list(seed_facts.per_document), CuratedFacts(), "m", [], merged=seed_facts
    )
    loaded = await store.load_generation(gen, documents=False)
    assert loaded.merged is not None
    slim = loaded.merged.per_document
    assert [d.document for d in slim] == [d.document for d in seed_facts.per_document]
    assert all(not (d.people or d.commitments or d.events) for d in slim)
    assert [d.sentences for d in slim] == [d.sentences for d in seed_facts.per_document]
    assert loaded.merged.merged == seed_facts.merged
    assert loaded.merged.people == seed_facts.people
    assert loaded.merged.quotes == seed_facts.quotes
    assert loaded.merged.documents == seed_facts.documents


async def test_the_wal_is_checkpointed_after_a_save(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Store.open(path) as s:
        await s.save_generation([make_facts(f"d{i}") for i in range(20)], CuratedFacts(), "w", [])
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0


def test_the_merged_facts_are_stored_in_parts_that_round_trip(
    seed_facts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import merged_parts

    monkeypatch.setattr(merged_parts, "PART_SIZE", 2)
    parts = merged_parts.encode_parts(seed_facts)
    assert sum(1 for name, _ in parts if name == "commitments") == -(
        -len(seed_facts.commitments) // 2
    )
    back = merged_parts.decode_parts(parts)
    assert back == merged_parts.slim(seed_facts)
    with pytest.raises(store_mod.StaleRecord):
        merged_parts.decode_parts([("retired_field", parts[0][1])])


async def test_a_save_finds_facts_another_process_pruned_gone(tmp_path: Path) -> None:
    """A store trusts the keys of the generation it saved last only while that generation is
    stored: here another connection saves newer ones until it is pruned with its facts."""
    path = tmp_path / "shared.sqlite3"
    mine = make_facts("mine")
    async with Store.open(path, keep=1) as first, Store.open(path, keep=1) as other:
        await first.save_generation([mine], CuratedFacts(), "a", [], keys=["k-mine"])
        await other.save_generation([make_facts("d")], CuratedFacts(), "b", [], keys=["k-d"])
        gen = await first.save_generation([mine], CuratedFacts(), "c", [], keys=["k-mine"])
        assert (await first.load_generation(gen)).documents == (mine,)


async def test_a_connection_left_open_is_closed_by_close_forgotten(tmp_path: Path) -> None:
    """A store its owner never closed keeps a thread that would hold the interpreter at exit;
    `close_forgotten` (the test run's last step) finds it and closes it, once."""
    store = await Store.open(tmp_path / "left.sqlite3")
    assert await schema_mod.close_forgotten() >= 1
    assert await schema_mod.close_forgotten() == 0
    with pytest.raises(ValueError, match="no active connection"):
        await store.conn.execute("SELECT 1")
