"""What a generation works out once for its answers: the timeline, answers asked again and
their pages. Each is the generation's own: another fact base is answered from its own facts."""

from __future__ import annotations

from dataclasses import replace

from bot import briefing, render
from bot.config import load_settings
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.models import Event, Source
from bot.search import FactIndex
from bot.timeline import Timeline, scheduled, span

SRC = Source("d", 1, "The two ministers met in Oslo.")
EVENTS = (
    Event("2009-03", "The ministers met in Oslo.", SRC),
    Event("2008/2010", "A plan ran for three years.", replace(SRC, paragraph=2)),
    Event("2008-11-02", "A treaty was signed.", replace(SRC, paragraph=3)),
    Event("2010-01/2010-03", "A winter of talks.", replace(SRC, paragraph=4)),
    Event("2009-03-14", "The second round began.", replace(SRC, paragraph=5)),
)


def _plain_period(facts: FactBase, arg: str) -> list[Event]:
    """The timeline's filter as a scan of every entry."""
    entries = sorted(
        (*facts.events, *scheduled(facts)), key=lambda e: (e.when.split("/")[0], e.what)
    )
    return [e for e in entries if any(p.startswith(arg) for p in span(e.when, arg))]


def test_a_period_is_what_a_scan_of_every_entry_finds(seed_facts: FactBase) -> None:
    facts = replace(seed_facts, events=(*seed_facts.events, *EVENTS))
    table = Timeline.of(facts)
    periods = {e.when[:n] for e in table.entries for n in (4, 7)} | {"2009", "2010", "1999"}
    assert {"2008", "2009", "2010", "2009-03", "2010-01"} <= periods
    for arg in sorted(periods):
        assert table.period(arg) == _plain_period(facts, arg), arg
    assert "A plan ran for three years." in [e.what for e in table.period("2009")]  # the range
    assert table.years == tuple(sorted({e.when[:4] for e in table.entries}))


def test_a_timeline_is_built_once_per_generation(seed_facts: FactBase, lexicon: Lexicon) -> None:
    facts = replace(seed_facts)
    index = FactIndex(facts, lexicon, load_settings().fuzzy)
    first = briefing.answer(facts, index, "timeline", "")
    table = index.lookups.kept("timeline", facts, lambda: None)
    assert isinstance(table, Timeline)
    year = table.years[-1]
    briefing.answer(facts, index, "timeline", year)
    assert index.lookups.kept("timeline", facts, lambda: None) is table  # read again, not built
    other = replace(facts, events=EVENTS, commitments=())
    answer = briefing.answer(other, index, "timeline", "")
    assert answer != first and answer.title == f"Timeline ({len(EVENTS)})"  # its own facts


def test_a_question_asked_again_is_the_first_answer(seed_facts: FactBase, lexicon: Lexicon) -> None:
    facts = replace(seed_facts)
    index = FactIndex(facts, lexicon, load_settings().fuzzy)
    first = briefing.answer(facts, index, "people", "")
    assert briefing.answer(facts, index, "people", "") is first
    pages = render.render_pages(first, 5)
    again = render.render_pages(first, 5)
    assert again == pages and again is not pages  # the same pages, in a list of the caller's
    assert render.render_pages(first, 3) != pages
    fewer = replace(facts, people=facts.people[:1])
    assert briefing.answer(fewer, index, "people", "") != first
    for n in range(briefing.KEEP_ANSWERS + 5):  # others push the oldest out
        briefing.answer(facts, index, "timeline", str(2000 + n))
    kept = index.lookups.kept("answers", facts, dict)
    assert len(kept) == briefing.KEEP_ANSWERS and ("people", "") not in kept
    assert briefing.answer(facts, index, "people", "") == first
