"""The timeline of one generation: its events and dated plans in order, by year, worked out
once and kept with the generation's lookups, so `timeline` and `timeline 2024` read it.

At 3,000 documents the timeline holds ~11,000 entries: finding the plans no event was read
from, sorting, and grouping cost ~60 ms, and each shown line (an event's readable text) about
0.2 ms. Both are per generation, not per answer: the table is built on first use and each line
once, so a repeated question costs a few milliseconds. Example: `Timeline.of(facts).year("2023")`
is every entry whose date or date range falls in 2023, in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.answer_lines import commitment_text, event_line, event_sort_key
from bot.answers import Line
from bot.models import Commitment, Event, Source

if TYPE_CHECKING:
    from bot.factbase import FactBase
    from bot.search import FactIndex


def scheduled(facts: FactBase) -> list[Event]:
    """Dated commitments no event was read from, as timeline entries: plans have dates too.

    'Scholz will then travel to Japan again.' (when 2023-05, from its headline 'Scholz is back
    in Japan in May') is on the timeline though no event was extracted from it.
    """
    dated = {e.source for e in facts.events}
    for e in facts.events:
        dated.update(facts.other_sources("event", e.what, e.source))
    out = []
    for c in facts.commitments:
        others = facts.other_sources("commitment", c.sentence, c.source)
        if c.when and c.source not in dated and not dated.intersection(others):
            out.append(Event(c.when, c.sentence, c.source))
    return out


def span(when: str, arg: str) -> list[str]:
    """The years (or months) a `when` covers, so 2008/2009 shows under 2009 too."""
    parts = when.split("/")
    if len(parts) == 2 and len(arg) == 4 and parts[0][:4].isdigit() and parts[1][:4].isdigit():
        return [str(y) for y in range(int(parts[0][:4]), int(parts[1][:4]) + 1)]
    return parts


@dataclass
class Timeline:
    """Every entry (events and plans) in order, the plans among them, the years, and each
    entry's place under every year it covers; lines are made once per entry (`line`)."""

    entries: tuple[Event, ...]
    plans: frozenset[tuple[Source, str]]
    years: tuple[str, ...]  # the years entries start in, sorted
    _in_year: dict[str, list[int]]
    _lines: dict[int, Line] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: FactBase) -> Timeline:
        plans = scheduled(facts)
        entries = tuple(sorted((*facts.events, *plans), key=event_sort_key))
        in_year: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for year in dict.fromkeys(part[:4] for part in span(e.when, "yyyy")):
                in_year.setdefault(year, []).append(i)
        years = tuple(sorted({e.when[:4] for e in entries}))
        return cls(entries, frozenset((e.source, e.what) for e in plans), years, in_year)

    def period(self, arg: str) -> list[Event]:
        """The entries dated in a year ('2024') or month ('2023-05'), in order: those whose
        date, or a date of their range, starts with it (a range covers each year in it)."""
        entries = self.entries
        return [
            entries[i]
            for i in self._in_year.get(arg[:4], ())
            if any(part.startswith(arg) for part in span(entries[i].when, arg))
        ]

    def line(self, e: Event, facts: FactBase, index: FactIndex) -> Line:
        """The entry's line, made once: a plan reads as its commitment, an event as itself."""
        found = self._lines.get(id(e))
        if found is None:
            found = self._lines[id(e)] = _line(e, facts, index, self.plans)
        return found


def _line(e: Event, facts: FactBase, index: FactIndex, plans: frozenset) -> Line:
    if (e.source, e.what) in plans:
        c = Commitment(e.what, (), (), e.source, e.when)
        text = commitment_text(c, facts, index.lookups)
        also = facts.other_sources("commitment", e.what, e.source)
        return Line(f"**{e.when}** — {text}", e.source, text != e.source.sentence.strip(), also)
    return event_line(e, facts, index)


def grouped_by_year(entries: Sequence[Event]) -> dict[str, list[Event]]:
    """Entries under the year they start in, in order."""
    groups: dict[str, list[Event]] = {}
    for e in entries:
        groups.setdefault(e.when[:4], []).append(e)
    return groups
