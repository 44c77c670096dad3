"""Document commands: `timeline`, `search`, `sources`, `brief`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer_lines import (
    commitment_line,
    doc_refs,
    event_line,
    event_sort_key,
    limit_lines,
    make_answer,
    person_summary,
    quote_lines,
    shown_lines,
)
from bot.answers import Answer, Line, Section
from bot.errors import UserError
from bot.factbase import FactBase
from bot.folding import STOPWORDS, words
from bot.models import Event
from bot.search import FactIndex
from bot.timeline import Timeline, grouped_by_year
from bot.usage import USAGE, plural

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def check_period(arg: str, facts: FactBase) -> str:
    """A year ('2024') or year and month ('2023-05'); anything else is a user error.

    '2023-13' and '2023-00' are refused: there is no such month.
    """
    m = _DATE_RE.fullmatch(arg)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise UserError(
            f"“{arg}” is not a year or a month: give a year (2024) or a year and month (2023-05).",
            usage=USAGE["timeline"],
            details=tuple(sorted({e.when[:4] for e in facts.events})),
        )
    return arg


def timeline(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Dated statements and dated plans in order, optionally for one year or month (2023-05).

    The ordered entries and their lines are the generation's (bot.timeline), built once.
    """
    arg = arg.strip()
    table = index.lookups.kept("timeline", facts, lambda: Timeline.of(facts))
    events: Sequence[Event] = table.entries
    if arg:
        check_period(arg, facts)
        events = table.period(arg)
        if not events:
            return make_answer(
                facts,
                "timeline",
                f"Timeline: {arg}",
                [],
                intro=f"Nothing dated {arg}. Years with events: {', '.join(table.years) or 'none'}.",
            )
    sections = [
        Section(
            year,
            shown_lines(
                dated,
                lambda e: table.line(e, facts, index),
                25,
                f"ask `timeline {year}` for all of them",
            ),
        )
        for year, dated in grouped_by_year(events).items()
    ]
    title = f"Timeline: {arg}" if arg else f"Timeline ({len(events)})"
    intro = "" if events else "No dated statements in the documents."
    return make_answer(facts, "timeline", title, sections, intro)


def search(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Sentences that hold the words asked for (typos allowed), best first.

    Words as common as 'the' find every sentence: a query of only such words is refused as
    too common rather than answered with nothing.
    """
    arg = arg.strip()
    if not arg:
        raise UserError("Tell me what to look for.", usage=USAGE["search"])
    typed = words(arg)
    if typed and all(w in STOPWORDS for w in typed):
        raise UserError(
            f"“{arg}” is too common to search: add a word that says what you are looking for.",
            usage=USAGE["search"],
        )
    hits = index.search(arg, limit=15)
    if not hits:
        raise UserError(
            f"Nothing in the documents mentions “{arg}”.",
            usage=USAGE["search"],
        )
    lines = tuple(Line(h.source.sentence, h.source, quote_source=False) for h in hits)
    return make_answer(facts, "search", f"Search: {arg}", [Section("Best matches", lines)])


def sources(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """The documents the bot knows, with their fixed numbers, dates, links and fact counts."""
    lines = []
    refs = []
    documents = facts.documents
    for d, ref in zip(documents, doc_refs(facts, [d.id for d in documents]), strict=True):
        n = facts.counts_by_document[d.id]
        counts = (
            f"{plural(n['people'], 'person', 'people')}, {plural(n['quotes'], 'quote')}, "
            f"{plural(n['commitments'], 'commitment')}, {plural(n['events'], 'date')}"
        )
        bits = [x for x in (d.date, d.kind) if x]
        number = f"[{ref.number}] " if ref else ""
        head = f"{number}**{d.title}** (`{d.id}`" + (f"; {', '.join(bits)}" if bits else "") + ")"
        link = f"\n{d.source}" if d.source else ""
        lines.append(Line(f"{head}: {counts}{link}"))
        if ref:
            refs.append(ref)
    intro = "" if lines else "No documents yet: put .md or .txt files in seeds/ and reload."
    return Answer(
        "sources",
        f"Sources ({len(lines)})",
        intro,
        (Section("Documents", tuple(lines)),) if lines else (),
        tuple(refs),
    )


def brief(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """One document in a screen: who took part, what was agreed, what was said, when.

    Each section shows its first lines; the last says how to see the rest (the pages of
    `commitments`, `quotes`, `timeline` narrowed to what this document is about).
    """
    if not facts.documents:
        raise UserError("There are no documents yet.", usage=USAGE["brief"])
    arg = arg.strip()
    note = ""
    if arg:
        found = index.find_documents(arg)
        if not found:
            raise UserError(
                f"No document matches “{arg}”.",
                usage=USAGE["brief"],
                suggestions=index.suggest(arg, ("documents",)),
                details=tuple(d.id for d in facts.documents),
            )
        doc = found[0][0]
    else:
        doc = max(facts.documents, key=lambda d: (d.date or "", d.id))
        if len(facts.documents) > 1:
            note = (
                f"\nThe latest of {len(facts.documents)} documents; `brief <document>` for another."
            )
    merged = [p for p in facts.people if any(s.doc_id == doc.id for s in p.sources)]
    participants = [p for p in merged if not p.former]
    intro = " · ".join(x for x in (doc.date, doc.kind, doc.source) if x) + note
    lookups = index.lookups
    doc_quotes = [q for q in facts.quotes if q.source.doc_id == doc.id]
    doc_commitments = [c for c in facts.commitments if c.source.doc_id == doc.id]
    doc_events = sorted((e for e in facts.events if e.source.doc_id == doc.id), key=event_sort_key)
    year = (doc.date or "")[:4]
    when_more = f"`timeline {year}` shows them all" if year else "`timeline` shows them all"
    sections = [
        Section(
            "Who took part",
            shown_lines(
                participants,
                lambda p: Line(person_summary(p, lookups.canonical_role), lookups.source_of(p)),
                12,
                "`people` lists everyone",
            ),
        ),
        Section(
            "What was agreed or planned",
            shown_lines(
                doc_commitments,
                lambda c: commitment_line(c, facts, lookups),
                10,
                "`commitments <topic>` or `commitments <country>` shows them by topic or country",
            ),
        ),
        Section(
            "What was said",
            limit_lines(
                quote_lines(facts, doc_quotes, with_speaker=True),
                6,
                "`quotes <person>` shows one speaker's",
            ),
        ),
        Section(
            "When",
            shown_lines(doc_events, lambda e: event_line(e, facts, index), 10, when_more),
        ),
    ]
    return make_answer(facts, "brief", doc.title, sections, intro, about=doc.id)
