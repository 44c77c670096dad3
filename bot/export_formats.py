"""The three export formats of one Selection: a Markdown briefing, JSON and CSV.

JSON and CSV hold one row per fact with the fields in ROW_FIELDS (the README documents each;
a test pins the names, so scripts reading them keep working: a new field raises
SCHEMA_VERSION). Every writer writes through a Budget, which stops with ExportTooLarge as soon
as the file passes its byte limit, so an export that cannot be sent costs no more than the
limit to find out.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from bot.answer_lines import commitment_line, document_numbers, person_summary, quote_lines
from bot.errors import UserError
from bot.export_select import Selection
from bot.factbase import FactBase
from bot.models import Source
from bot.search import FactIndex
from bot.usage import plural

SCHEMA_VERSION = 1
#: The fields of every fact row, in order (JSON keys, CSV columns).
ROW_FIELDS = (
    "kind",
    "text",
    "person_id",
    "speaker",
    "actors",
    "topics",
    "when",
    "roles",
    "party",
    "country",
    "former",
    "doc_id",
    "paragraph",
    "sentence",
    "also",
)
#: The top-level keys of the JSON file, in order.
JSON_KEYS = ("schema_version", "exported", "filter", "counts", "documents", "facts")
#: The fields of each entry of the JSON file's `documents`.
DOCUMENT_FIELDS = ("id", "number", "title", "date", "url", "kind")
#: A CSV cell starting with one of these is read as a formula by spreadsheets; it gets a '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NOUNS = {
    "documents": ("document",),
    "people": ("person", "people"),
    "quotes": ("quote",),
    "commitments": ("commitment",),
    "events": ("event",),
}


class ExportTooLarge(UserError):
    """The file would pass the byte limit (Discord's upload limit, for an attachment)."""


class Budget:
    """Collects text while counting its UTF-8 bytes; past `limit` it raises ExportTooLarge."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.size += len(text.encode("utf-8"))
        if self.limit is not None and self.size > self.limit:
            raise ExportTooLarge(f"The file would be over {self.limit:,} bytes.")
        self.parts.append(text)
        return len(text)

    def data(self) -> bytes:
        return "".join(self.parts).encode("utf-8")


def _where(s: Source) -> dict[str, Any]:
    return {"doc_id": s.doc_id, "paragraph": s.paragraph, "sentence": s.sentence}


def _row(kind: str, text: str, source: Source | None, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_FIELDS)
    row.update(kind=kind, text=text, actors=[], topics=[], roles=[], also=[])
    row.update(fields)
    if source is not None:
        row.update(_where(source))
    return row


def fact_rows(selection: Selection, facts: FactBase, index: FactIndex) -> Iterator[dict]:
    """One row per fact: people, then quotes, commitments and events, each in their order."""
    lookups = index.lookups
    for p in selection.people:
        main = lookups.source_of(p)
        yield _row(
            "person",
            p.name,
            main,
            person_id=p.id,
            roles=list(p.roles),
            party=p.party,
            country=p.country,
            former=p.former,
            also=[_where(s) for s in p.sources if s != main],
        )
    for q in selection.quotes:
        person = facts.person_by_id.get(q.speaker or "")
        yield _row(
            "quote",
            q.text,
            q.source,
            person_id=person.id if person else None,
            speaker=facts.speaker_name(q) if q.speaker else None,
            topics=list(index.topics_of_quote(q)),
            also=[_where(s) for s in facts.other_sources("quote", q.text, q.source)],
        )
    for c in selection.commitments:
        yield _row(
            "commitment",
            c.sentence,
            c.source,
            actors=list(c.actors),
            topics=list(c.topics),
            when=c.when,
            also=[_where(s) for s in facts.other_sources("commitment", c.sentence, c.source)],
        )
    for e in selection.events:
        yield _row(
            "event",
            e.what,
            e.source,
            when=e.when,
            also=[_where(s) for s in facts.other_sources("event", e.what, e.source)],
        )


def _documents(selection: Selection, facts: FactBase) -> list[dict[str, Any]]:
    numbers = document_numbers(facts)
    return [
        {
            "id": d.id,
            "number": numbers.get(d.id, 0),
            "title": d.title,
            "date": d.date,
            "url": d.source,
            "kind": d.kind,
        }
        for d in selection.documents
    ]


def _counts(selection: Selection) -> dict[str, int]:
    return {
        "documents": len(selection.documents),
        "people": len(selection.people),
        "quotes": len(selection.quotes),
        "commitments": len(selection.commitments),
        "events": len(selection.events),
    }


def write_json(
    out: Budget, selection: Selection, facts: FactBase, index: FactIndex, exported: str
) -> None:
    """The JSON file: JSON_KEYS at the top, one document and one fact row a line."""
    f = selection.filter
    head = {
        "schema_version": SCHEMA_VERSION,
        "exported": exported,
        "filter": {"kind": f.kind, "key": f.key or None, "label": f.label},
        "counts": _counts(selection),
    }
    out.write("{\n")
    for key, value in head.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    for key, rows in (
        ("documents", iter(_documents(selection, facts))),
        ("facts", fact_rows(selection, facts, index)),
    ):
        out.write(f"  {json.dumps(key)}: [")
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n    " + json.dumps(row, ensure_ascii=False))
        out.write("\n  ]" + ("," if key == "documents" else "") + "\n")
    out.write("}\n")


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: lists joined by '; ', sources as 'doc ¶3', formulas defused.

    '=HYPERLINK("…")' → "'=HYPERLINK(\"…\")": a spreadsheet shows it as text, never runs it.
    """
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = "; ".join(
            f"{v['doc_id']} ¶{v['paragraph']}" if isinstance(v, dict) else str(v) for v in value
        )
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(out: Budget, selection: Selection, facts: FactBase, index: FactIndex) -> None:
    """UTF-8 CSV with a header row (ROW_FIELDS) and one row per fact."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ROW_FIELDS)
    for row in fact_rows(selection, facts, index):
        writer.writerow([csv_cell(row[k]) for k in ROW_FIELDS])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cite(numbers: dict[str, int], sources: tuple[Source, ...]) -> str:
    return " ".join(f"[{numbers.get(s.doc_id, s.doc_id)} ¶{s.paragraph}]" for s in sources)


def write_markdown(
    out: Budget, selection: Selection, facts: FactBase, index: FactIndex, exported: str
) -> None:
    """The briefing: heading, who's who, commitments by topic, quotes, timeline, sources."""
    numbers = document_numbers(facts)
    lookups = index.lookups
    f = selection.filter
    title = "Briefing: all documents" if f.kind == "all" else f"Briefing: {f.label}"
    out.write(f"# {_one_line(title)}\n\n")
    counts = ", ".join(plural(n, *_NOUNS[k]) for k, n in _counts(selection).items())
    out.write(
        f"{counts}. Exported {exported} by briefbot"
        + ("" if f.kind == "all" else f" (filter: {f.kind} {_one_line(f.label)})")
        + ". Each line cites [n ¶p]: source n below, paragraph p.\n"
    )
    out.write("\n## Who's who\n")
    groups: dict[str, list] = {}
    for p in selection.people:
        groups.setdefault(p.country or "Country not stated", []).append(p)
    for country, people in groups.items():
        out.write(f"\n### {_one_line(country)}\n\n")
        for p in people:
            src = lookups.source_of(p)
            cite = f" {_cite(numbers, (src,))}" if src else ""
            out.write(f"- {_one_line(person_summary(p, lookups.canonical_role))}{cite}\n")
    out.write("\n## Commitments by topic\n")
    by_topic: dict[str, list] = {t.slug: [] for t in facts.topics}
    narrowed = f.key if f.kind == "topic" else None
    for c in selection.commitments:  # once, under the filter's topic or its first topic
        slug = narrowed if narrowed in c.topics else (c.topics[0] if c.topics else "")
        by_topic.setdefault(slug, []).append(c)
    for slug, items in by_topic.items():
        if not items:
            continue
        topic = facts.topic_by_slug.get(slug)
        out.write(f"\n### {topic.label if topic else slug or 'No topic'} ({len(items)})\n\n")
        for c in items:
            line = commitment_line(c, facts, lookups)
            cite = _cite(numbers, (c.source, *line.also))
            out.write(f"- {_one_line(line.text)} {cite}\n")
            if line.quote_source:
                out.write(f"  > {_one_line(c.source.sentence)}\n")
    out.write("\n## Quotes\n")
    speakers: dict[str, list] = {}
    for q in selection.quotes:
        speakers.setdefault(facts.speaker_name(q), []).append(q)
    for speaker, quotes in speakers.items():
        out.write(f"\n### {_one_line(speaker)}\n\n")
        lines = quote_lines(facts, quotes, with_speaker=False)
        for q, line in zip(quotes, lines, strict=True):
            out.write(f"- {_one_line(line.text)} {_cite(numbers, (q.source, *line.also))}\n")
    out.write("\n## Timeline\n\n")
    dated = sorted(
        [(e.when, e.what, e.source) for e in selection.events]
        + [(c.when, c.sentence, c.source) for c in selection.commitments if c.when],
        key=lambda x: (x[0].split("/")[0], x[1]),
    )
    seen = set()
    for when, what, source in dated:
        if (when, source) in seen:
            continue
        seen.add((when, source))
        out.write(f"- **{_one_line(when)}** — {_one_line(what)} {_cite(numbers, (source,))}\n")
    out.write("\n## Sources\n\n")
    for d in _documents(selection, facts):
        title = _one_line(d["title"]).replace("[", "(").replace("]", ")")
        url = "".join(d["url"].split()).replace("<", "%3C").replace(">", "%3E") if d["url"] else ""
        link = f"[{title}](<{url}>)" if url else title
        bits = " · ".join(x for x in (d["date"], d["kind"], f"`{d['id']}`") if x)
        out.write(f"- [{d['number']}] {link} — {bits}\n")
