"""Stored heads let `ministers` answer from a fact base read from the store without decoding
every person or any document's text, with the same answer and the very same person objects."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from bot import briefing, merged_parts
from bot.config import Settings, load_settings
from bot.errors import UserError
from bot.extract.lexicon import Lexicon
from bot.fact_heads import (
    DOCUMENT_HEADS,
    PEOPLE_HEADS,
    PeopleAt,
    decode_document_heads,
    decode_people_heads,
    encode_document_heads,
    encode_people_heads,
)
from bot.factbase import FactBase
from bot.generation_keys import BOT_DIR, MERGE_CODE
from bot.government import GovernmentTable
from bot.merged_parts import encode_parts, lazy_parts
from bot.models import Person, Source
from bot.search import FactIndex
from bot.service import BriefingService

SRC = Source("d", 1, "Defense Minister Ana Paz met Mayor Bo Lin.")


def _people() -> tuple[Person, ...]:
    return (
        Person("a", "Ana Paz", roles=("Defense Minister",), country="Norland", sources=(SRC,)),
        Person("b", "Bo Lin", roles=("Mayor",), country="Southia", party="Green"),
        Person("c", "Cy Ode", roles=("Finance Minister",), country="Norland", former=True),
        Person("d", "Di Roe", roles=("Foreign Minister",), offices=("Foreign Affairs",)),
        Person("e", "Ed Fay", roles=("Defense Minister",), country="Norland", sources=(SRC,)),
    )


def _index(facts: FactBase, lexicon: Lexicon) -> FactIndex:
    return FactIndex(facts, lexicon, load_settings().fuzzy)


def _decoded(facts: FactBase) -> list[str]:
    return [name for name in facts.__dict__ if not name.startswith("_")]


def test_heads_read_as_the_people_and_documents_they_were_written_from(
    seed_facts: FactBase,
) -> None:
    people = _people()
    heads, sizes = decode_people_heads(encode_people_heads(people, [2, 3]))
    assert sizes == (2, 3) and len(heads) == len(people)
    for h, p in zip(heads, people, strict=True):
        assert (h.roles, h.offices, h.former, h.country, h.party) == (
            p.roles, p.offices, p.former, p.country, p.party,
        )  # fmt: skip
    assert heads[0] is heads[4]  # the same head is one object
    docs = decode_document_heads(encode_document_heads(seed_facts.documents))
    assert [(d.id, d.title, d.date, d.source) for d in docs] == [
        (d.id, d.title, d.date, d.source) for d in seed_facts.documents
    ]


def test_a_person_read_by_position_is_the_one_the_people_hold(
    seed_facts: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merged_parts, "PART_SIZE", 3)  # several parts even for a few people
    facts = replace(seed_facts, people=_people() * 3)
    stored = lazy_parts(encode_parts(facts))
    view = stored.stored_people()
    assert isinstance(view, PeopleAt) and len(view) == 15
    middle = view[7]
    assert middle == facts.people[7] and _decoded(stored) == []
    assert stored.people[7] is middle  # the full decode keeps the object read before
    assert stored.people == facts.people
    assert stored.stored_people() is None  # decoded: read `people` from now on
    assert stored.person_at(4) is stored.people[4]


def test_the_government_from_heads_equals_the_one_from_people(lexicon: Lexicon) -> None:
    facts = FactBase(people=_people())
    stored = lazy_parts(encode_parts(facts))
    from_heads = GovernmentTable(stored, lexicon, {}).members
    plain = GovernmentTable(facts, lexicon, {}).members
    assert isinstance(from_heads, PeopleAt) and _decoded(stored) == []
    assert [p.id for p in plain] == ["a", "d", "e"]
    groups = GovernmentTable(stored, lexicon, {}).by_country
    assert [(c, len(g)) for c, g in groups] == [("Norland", 2), ("Country not stated", 1)]
    assert _decoded(stored) == []  # told by their heads
    assert list(from_heads) == list(plain)


@pytest.mark.parametrize("arg", ["", "norland", "foreign affairs", "green", "atlantis"])
def test_ministers_from_heads_answer_as_from_people(
    seed_facts: FactBase, lexicon: Lexicon, arg: str
) -> None:
    facts = replace(seed_facts, people=(*_people(), *seed_facts.people))
    stored = lazy_parts(encode_parts(facts))
    without = lazy_parts(
        [(n, b) for n, b in encode_parts(facts) if n not in (PEOPLE_HEADS, DOCUMENT_HEADS)]
    )

    def ask(f: FactBase) -> object:
        try:
            return briefing.answer(f, _index(f, lexicon), "ministers", arg)
        except UserError as exc:  # the same mistake, worded the same, is the same answer
            return repr(exc)

    expected = ask(facts)
    assert ask(stored) == expected
    assert ask(without) == expected  # stored before heads were: every person is decoded
    assert "people" in without.__dict__ and "documents" in without.__dict__


def test_heads_that_do_not_fit_their_parts_are_not_used(seed_facts: FactBase) -> None:
    parts = encode_parts(replace(seed_facts, people=_people()))
    bad = encode_people_heads(_people()[:4], [4])
    stored = lazy_parts([(n, bad if n == PEOPLE_HEADS else b) for n, b in parts])
    assert stored.stored_people() is None
    assert stored.people == _people()


def test_the_heads_format_is_part_of_the_merge_version() -> None:
    """Changing how heads are stored re-merges a stored generation instead of misreading it."""
    assert BOT_DIR / "fact_heads.py" in MERGE_CODE
    assert BOT_DIR / "merged_parts.py" in MERGE_CODE


async def test_a_warm_ministers_decodes_no_field(workdir: Settings) -> None:
    first = BriefingService(workdir)
    await first.start()
    expected = first.ask("ministers")
    await first.close()
    with sqlite3.connect(workdir.database) as db:
        names = {r[0] for r in db.execute("SELECT field FROM merged_parts")}
    assert {PEOPLE_HEADS, DOCUMENT_HEADS} <= names

    warm = BriefingService(workdir)
    await warm.start(prepare=False)
    assert warm.ask("ministers") == expected
    assert _decoded(warm.facts) == []  # heads, a part of people, the documents' headers
    assert warm.ask("people").title == first.ask("people").title
    assert "people" in warm.facts.__dict__
    assert warm.ask("ministers") == expected  # the same answer once the people are decoded
    await warm.close()


async def test_a_database_from_before_heads_is_merged_again_and_then_has_them(
    workdir: Settings,
) -> None:
    """A generation stored by other merging code (its fingerprint names that code) is not
    adopted: the start merges its stored documents again and stores heads with the result."""
    first = BriefingService(workdir)
    await first.start()
    expected = first.ask("ministers")
    await first.close()
    with sqlite3.connect(workdir.database) as db:
        db.execute("DELETE FROM merged_parts WHERE field IN (?, ?)", (PEOPLE_HEADS, DOCUMENT_HEADS))
        db.execute("UPDATE generations SET fingerprint = 'merged by older code'")

    again = BriefingService(workdir)
    report = await again.start(prepare=False)
    assert not report.from_store  # not adopted as saved
    assert again.ask("ministers") == expected
    await again.close()
    with sqlite3.connect(workdir.database) as db:
        newest = db.execute("SELECT max(id) FROM generations").fetchone()[0]
        names = {
            r[0]
            for r in db.execute("SELECT field FROM merged_parts WHERE generation = ?", (newest,))
        }
    assert {PEOPLE_HEADS, DOCUMENT_HEADS} <= names
    warm = BriefingService(workdir)
    assert (await warm.start(prepare=False)).from_store
    assert warm.ask("ministers") == expected and _decoded(warm.facts) == []
    await warm.close()
