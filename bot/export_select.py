"""Which facts an export holds: everything, or one topic's, country's or document's.

`export defense json` holds the commitments and quotes on defense, the dated events read from
the same sentences, and the people named in those paragraphs; `export japan` holds Japan's
commitments as an actor and those mentioning it, the quotes by its people or mentioning it,
the events that name it and its people; `export <document>` holds everything read from that
document. The argument is read like any other (bot.resolve): a document id, then a topic or
country (exact before fuzzy), then a document title; a format word (md, json, csv) may stand
anywhere in it, and a kind word (`topic`, `country`, `document`) first narrows the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer_lines import document_numbers
from bot.commands_facts import topics_with_commitments
from bot.errors import UserError
from bot.factbase import FactBase, fold
from bot.models import Commitment, Document, Event, Person, Quote, Source
from bot.resolve import clean_argument, resolve
from bot.search import FactIndex
from bot.usage import USAGE

FORMATS = ("md", "json", "csv")
_FORMAT_WORDS = {"md": "md", "markdown": "md", "json": "json", "csv": "csv"}
_KIND_WORDS = {"topic": "topic", "country": "country", "document": "document", "doc": "document"}
_ALL_WORDS = {"all", "everything"}
MAX_ARGUMENT = 300  # characters: no topic, country or document name is longer


@dataclass(frozen=True)
class ExportFilter:
    """What an export is narrowed to: kind all, topic, country or document; key and label."""

    kind: str = "all"
    key: str = ""
    label: str = "all documents"

    @property
    def slug(self) -> str:
        """For file names: 'all', 'topic-defense', 'country-japan', 'document-<id>'."""
        if self.kind == "all":
            return "all"
        key = re.sub(r"[^a-z0-9]+", "-", fold(self.key)).strip("-")[:60] or "x"
        return f"{self.kind}-{key}"


@dataclass(frozen=True)
class Selection:
    """The facts of one export, each list in the fact base's order."""

    filter: ExportFilter
    documents: tuple[Document, ...]
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    commitments: tuple[Commitment, ...]
    events: tuple[Event, ...]

    @property
    def fact_count(self) -> int:
        return len(self.people) + len(self.quotes) + len(self.commitments) + len(self.events)


def parse_request(index: FactIndex, arg: str) -> tuple[ExportFilter, str]:
    """'defense json' → (the topic defense, 'json'); no format word means Markdown.

    Two different format words are a UserError, as is a filter that names nothing.
    """
    if len(arg) > MAX_ARGUMENT:
        raise UserError(
            f"That is too long for a topic, country or document ({len(arg)} characters).",
            usage=USAGE["export"],
        )
    words = arg.split()
    formats = {_FORMAT_WORDS[w.casefold().lstrip(".")] for w in words if _is_format(w)}
    if len(formats) > 1:
        raise UserError(f"Pick one format: {', '.join(sorted(formats))}.", usage=USAGE["export"])
    rest = [w for w in words if not _is_format(w)]
    kinds = ("document", "topic", "country")
    if rest and rest[0].casefold() in _KIND_WORDS:
        kinds = (_KIND_WORDS[rest[0].casefold()],)
        rest = rest[1:]
    return find_filter(index, " ".join(rest), kinds), (formats.pop() if formats else "md")


def _is_format(word: str) -> bool:
    return word.casefold().lstrip(".") in _FORMAT_WORDS


def find_filter(
    index: FactIndex, text: str, kinds: tuple[str, ...] = ("document", "topic", "country")
) -> ExportFilter:
    """The topic, country or document `text` names; empty or 'all' is everything."""
    facts = index.facts
    text = clean_argument(text)
    if not text or fold(text) in _ALL_WORDS:
        return ExportFilter()
    if "document" in kinds and fold(text) in facts.document_by_id:
        doc = facts.document_by_id[fold(text)]
        return ExportFilter("document", doc.id, doc.title)
    others = tuple(k for k in kinds if k != "document")
    found = resolve(index, text, others) if others else None
    if found is not None:
        m = found.match
        label = facts.topic_by_slug[m.key].label if m.kind == "topic" else m.label
        return ExportFilter(m.kind, m.key, label)
    if "document" in kinds:
        docs = index.find_documents(text)
        if docs:
            return ExportFilter("document", docs[0][0].id, docs[0][0].title)
    pools = {"topic": "topics", "country": "countries", "document": "documents"}
    named = [k for k in pools if k in kinds]
    what = " or ".join(named) if len(named) < 3 else "topic, country or document"
    raise UserError(
        f"No {what} matches “{text}”.",
        usage=USAGE["export"],
        suggestions=index.suggest(text, tuple(pools[k] for k in kinds)),
        details=topics_with_commitments(facts),
    )


def _country_names(index: FactIndex, country: str) -> re.Pattern[str]:
    c = next((c for c in index.lexicon.countries if c.name == country), None)
    names = [country, *(c.aliases + c.demonyms if c else ())]
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)


def _sources(facts: FactBase, kind: str, text: str, source: Source) -> tuple[Source, ...]:
    return (source, *facts.other_sources(kind, text, source))


def select(facts: FactBase, index: FactIndex, chosen: ExportFilter) -> Selection:
    """The facts an export with this filter holds (see the module docstring)."""
    people: list[Person]
    if chosen.kind == "all":
        people, quotes = list(facts.people), list(facts.quotes)
        commitments, events = list(facts.commitments), list(facts.events)
    elif chosen.kind == "document":
        doc = chosen.key
        quotes = [q for q in facts.quotes if _in(doc, _sources(facts, "quote", q.text, q.source))]
        commitments = [
            c
            for c in facts.commitments
            if _in(doc, _sources(facts, "commitment", c.sentence, c.source))
        ]
        events = [e for e in facts.events if _in(doc, _sources(facts, "event", e.what, e.source))]
        people = [p for p in facts.people if _in(doc, p.sources)]
    elif chosen.kind == "topic":
        quotes = [q for q in facts.quotes if chosen.key in index.topics_of_quote(q)]
        commitments = [c for c in facts.commitments if chosen.key in c.topics]
        read = {c.source for c in commitments} | {q.source for q in quotes}
        events = [e for e in facts.events if e.source in read]
        people = _named_in(facts, quotes, commitments)
    else:
        pattern = _country_names(index, chosen.key)
        ids = {p.id for p in facts.people if p.country == chosen.key}
        quotes = [q for q in facts.quotes if q.speaker in ids or pattern.search(q.text)]
        commitments = [
            c for c in facts.commitments if chosen.key in c.actors or pattern.search(c.sentence)
        ]
        events = [e for e in facts.events if pattern.search(f"{e.what} {e.source.sentence}")]
        people = [p for p in facts.people if p.id in ids]
        people += [p for p in _named_in(facts, quotes, commitments) if p.id not in ids]
    cited = {s.doc_id for p in people for s in p.sources}
    for q in quotes:
        cited.update(s.doc_id for s in _sources(facts, "quote", q.text, q.source))
    for c in commitments:
        cited.update(s.doc_id for s in _sources(facts, "commitment", c.sentence, c.source))
    for e in events:
        cited.update(s.doc_id for s in _sources(facts, "event", e.what, e.source))
    if chosen.kind == "document":
        cited.add(chosen.key)
    numbers = document_numbers(facts)
    documents = sorted(
        (d for d in facts.documents if d.id in cited), key=lambda d: numbers.get(d.id, 0)
    )
    return Selection(
        chosen, tuple(documents), tuple(people), tuple(quotes), tuple(commitments), tuple(events)
    )


def _in(doc_id: str, sources: tuple[Source, ...]) -> bool:
    return any(s.doc_id == doc_id for s in sources)


def _named_in(facts: FactBase, quotes: list[Quote], commitments: list[Commitment]) -> list[Person]:
    """The speakers of the quotes and the people named in the paragraphs the facts come from."""
    speakers = {q.speaker for q in quotes}
    paragraphs = {(x.source.doc_id, x.source.paragraph) for x in (*quotes, *commitments)}
    return [
        p
        for p in facts.people
        if p.id in speakers or any((s.doc_id, s.paragraph) in paragraphs for s in p.sources)
    ]
