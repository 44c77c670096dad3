"""What changed: the diff of two generations, net change over reloads, `since`, the answer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.changes import (
    ChangeRecord,
    FactChanges,
    Since,
    all_facts,
    changes_answer,
    decode_keys,
    diff_facts,
    encode_keys,
    key_text,
    net_change,
    parse_since,
    record_of,
)
from bot.errors import UserError
from bot.factbase import FactBase, fact_key
from bot.render import MESSAGE_LIMIT, render_error


def _record(when: str, added=(), removed=()) -> ChangeRecord:
    return ChangeRecord(when, "tester", "reload", None, tuple(added), tuple(removed))


A = ("quote", "doc-a", "We will stand together")
B = ("commitment", "doc-a", "Norway will build two frigates.")
C = ("event", "doc-b", "2027", "the harbour opens")
D = ("person", "ana-roe")


# -- the diff of two generations --------------------------------------------------------------


def test_the_diff_holds_new_facts_as_they_are_and_gone_facts_as_they_were(seed_facts) -> None:
    half = replace(
        seed_facts,
        commitments=seed_facts.commitments[1:],
        quotes=seed_facts.quotes[:-1],
    )
    grown = diff_facts(half, seed_facts)
    assert grown.added == (seed_facts.commitments[0], seed_facts.quotes[-1])
    assert grown.removed == ()
    shrunk = diff_facts(seed_facts, half)
    assert shrunk.removed == (seed_facts.commitments[0], seed_facts.quotes[-1])
    assert not diff_facts(seed_facts, seed_facts)
    everything = diff_facts(FactBase(), seed_facts)
    assert len(everything.added) == len(list(all_facts(seed_facts)))


def test_a_record_keeps_the_keys_and_they_survive_json(seed_facts) -> None:
    changes = FactChanges(added=seed_facts.events[:2], removed=seed_facts.people[:1])
    record = record_of(changes, "2026-12-01T10:00:00+00:00", "tester", "reload", 3)
    assert record.added == tuple(fact_key(e) for e in seed_facts.events[:2])
    assert decode_keys(encode_keys(record.added + record.removed)) == record.added + record.removed


# -- net change over several reloads ------------------------------------------------------------


def test_net_change_keeps_the_first_and_last_word_on_each_fact() -> None:
    records = [
        _record("2026-12-01T01", added=[A, B]),
        _record("2026-12-01T02", removed=[B, C], added=[D]),
        _record("2026-12-01T03", added=[C]),
    ]
    added, removed = net_change(records)
    assert added == [A, D]  # B came and went; C went and came back
    assert removed == []
    assert net_change([_record("t", removed=[C])]) == ([], [C])


# -- since -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "last reload", "LAST", "  latest "])
def test_no_date_means_the_last_reload(text: str) -> None:
    assert parse_since(text).start is None


def test_a_date_or_time_is_read_in_utc() -> None:
    assert parse_since("2026-11-30").start == "2026-11-30"
    assert parse_since("2026-11-30T08:00+02:00").start == "2026-11-30T06:00:00"
    assert parse_since('"2026-11-30 08:00"').start == "2026-11-30T08:00:00"


@pytest.mark.parametrize(
    "text",
    ["yesterday", "2026-13-01", "30/11/2026", "@everyone", "x" * 500, "0001-01-01T00:00+01:00"],
)
def test_anything_else_is_a_user_error_with_the_usage(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_since(text)
    assert raised.value.usage == "changes [since]" and len(raised.value.message) < 200


# -- the answer --------------------------------------------------------------------------------


def test_the_last_reload_shows_added_facts_with_citations_and_removed_ones_by_text(
    seed_facts, seed_index
) -> None:
    new = seed_facts.commitments[0]
    records = [
        _record("2026-12-02T10:00:00+00:00", added=[fact_key(new)], removed=[C]),
        _record("2026-12-01T10:00:00+00:00", added=[A]),
    ]
    answer = changes_answer(seed_facts, seed_index, records, Since(None, "the last reload"))
    assert (
        answer.title == "Changes in the last reload that changed facts"
        and "2026-12-02 10:00:00 UTC" in answer.intro
    )
    headings = {s.heading: s for s in answer.sections}
    (line,) = headings["Added commitments"].lines
    assert line.source == new.source  # cited like any commitment
    (gone,) = headings["Removed events"].lines
    assert gone.text == key_text(C) and "doc-b" in gone.text
    assert not any("quote" in h for h in headings)  # A is from an earlier reload


def test_since_a_date_adds_up_the_reloads_from_then(seed_facts, seed_index) -> None:
    records = [  # newest first, as the store gives them
        _record("2026-12-02T10:00:00+00:00", removed=[B]),
        _record("2026-12-01T10:00:00+00:00", added=[A, B]),
        _record("2026-11-20T10:00:00+00:00", added=[C]),
    ]
    answer = changes_answer(seed_facts, seed_index, records, parse_since("2026-12-01"))
    assert answer.intro.startswith("2 reloads")
    texts = [line.text for s in answer.sections for line in s.lines]
    assert texts == [key_text(A)]  # B came and went; C is older than asked


def test_no_change_says_so(seed_facts, seed_index) -> None:
    assert "No reload" in changes_answer(seed_facts, seed_index, [], parse_since("")).intro
    late = changes_answer(
        seed_facts, seed_index, [_record("2026-01-01")], parse_since("2026-06-01")
    )
    assert "No reload since 2026-06-01" in late.intro


def test_a_long_change_is_counted_past_what_is_shown(seed_facts, seed_index) -> None:
    many = [("quote", "doc-x", f"quote number {i}") for i in range(45)]
    answer = changes_answer(seed_facts, seed_index, [_record("t", added=many)], parse_since(""))
    lines = answer.sections[0].lines
    assert len(lines) == 31 and lines[-1].text.startswith("… and 15 more")


def test_an_answer_that_reaches_the_oldest_kept_record_says_older_may_be_missing(
    seed_facts, seed_index
) -> None:
    records = [_record(f"2026-12-0{i}", added=[A]) for i in (3, 2, 1)]
    since = parse_since("2026-11-01")
    assert "older changes" in changes_answer(seed_facts, seed_index, records, since, 3).intro
    assert "older" not in changes_answer(seed_facts, seed_index, records, since, 10).intro


@settings(max_examples=200, deadline=None)
@given(arg=st.text(max_size=300))
def test_any_since_is_read_or_refused_in_words(arg: str) -> None:
    try:
        since = parse_since(arg)
    except UserError as exc:
        assert 0 < len(render_error(exc)) <= MESSAGE_LIMIT
        return
    assert since.start is None or since.start[:4].isdigit()
