"""The lines and sections answers are made of: people, quotes, commitments, citations.

Shared by every command in bot.briefing. Each builder works on the facts it is given and no
more, so an answer over 2,000 people builds the lines it shows (`by_country` stops at
MAX_LINES and says how many more there are).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from bot.answers import Answer, DocRef, Line, Section
from bot.fact_heads import DocumentHead
from bot.factbase import FactBase, fold
from bot.lookups import AnswerLookups
from bot.models import Commitment, Document, Event, Person, Quote
from bot.readable import balanced, event_text, quoted_statement
from bot.search import FactIndex

MAX_LINES = 60  # per answer; pages show them a screen at a time
T = TypeVar("T")


def doc_ref(facts: FactBase, doc_id: str) -> DocRef | None:
    """The citation of a document, with its fixed number in the generation ([1] is the first id)."""
    return doc_refs(facts, [doc_id])[0]


def doc_refs(facts: FactBase, doc_ids: Iterable[str]) -> list[DocRef | None]:
    """`doc_ref` of each id, in order (None for an unknown one): the documents (or their stored
    headers) and numbers are looked up once for all of them."""
    heads = _stored_heads(facts)
    by_id = facts.document_by_id if heads is None else heads
    numbers = _numbers(facts.documents if heads is None else heads)
    out: list[DocRef | None] = []
    for doc_id in doc_ids:
        d = by_id.get(doc_id)
        out.append(
            None if d is None else DocRef(d.id, d.title, d.date, d.source, numbers.get(d.id, 0))
        )
    return out


def _stored_heads(facts: FactBase) -> dict[str, DocumentHead] | None:
    """The documents' headers by id, for facts read from the store whose documents are not
    decoded (a citation needs no text); None for the others."""
    stored = getattr(facts, "stored_document_heads", None)
    return stored() if stored is not None else None


def document_numbers(facts: FactBase) -> dict[str, int]:
    """Document id → its fixed citation number: its place among the documents (sorted by id)."""
    heads = _stored_heads(facts)
    return _numbers(facts.documents if heads is None else heads)


_NUMBERS: dict[int, tuple[Collection, dict[str, int]]] = {}


def _numbers(documents: tuple[Document, ...] | dict[str, DocumentHead]) -> dict[str, int]:
    cached = _NUMBERS.get(id(documents))
    if cached is not None and cached[0] is documents:
        return cached[1]
    ids = documents.keys() if isinstance(documents, dict) else [d.id for d in documents]
    numbers = {doc_id: i for i, doc_id in enumerate(sorted(ids), 1)}
    _NUMBERS.clear()
    _NUMBERS[id(documents)] = (documents, numbers)
    return numbers


def cited_documents(facts: FactBase, sections: Iterable[Section]) -> tuple[DocRef, ...]:
    """The documents the lines cite, in their fixed-number order."""
    seen: dict[str, None] = {}
    for section in sections:
        for line in section.lines:
            for s in (line.source, *line.also) if line.source else ():
                seen.setdefault(s.doc_id, None)
    refs = [r for r in doc_refs(facts, seen) if r]
    return tuple(sorted(refs, key=lambda r: r.number))


def make_answer(
    facts: FactBase,
    kind: str,
    title: str,
    sections: Sequence[Section],
    intro: str = "",
    about: str | None = None,
) -> Answer:
    """An Answer citing every document its lines come from (`about` first, when given)."""
    sections = tuple(s for s in sections if s.lines)
    cited = cited_documents(facts, sections)
    ref = doc_ref(facts, about) if about else None
    if ref:
        cited = (ref, *(c for c in cited if c.id != about))
    return Answer(kind, title, intro, sections, cited)


def limit_lines(
    lines: Sequence[Line],
    limit: int = MAX_LINES,
    more: str = "narrow the question",
    total: int | None = None,
) -> tuple[Line, ...]:
    """The first `limit` lines, and a last one saying how many more and how to see them.

    `more` tells how: 'ask `commitments defense` for all of them'; the default is for answers
    whose argument already narrows ('… and 3 more; narrow the question'). `total` counts lines
    the caller did not build (only the shown ones need building): `limit_lines(first10, 10,
    total=250)` ends '… and 240 more'.
    """
    total = len(lines) if total is None else total
    if total <= limit:
        return tuple(lines)
    rest = total - limit
    return (*lines[:limit], Line(f"… and {rest} more; {more}."))


def shown_lines(
    items: Sequence[T],
    line: Callable[[T], Line],
    limit: int = MAX_LINES,
    more: str = "narrow the question",
) -> tuple[Line, ...]:
    """`limit_lines` over one line per item, building only the lines shown: a topic with 4,000
    commitments renders 60 of them, not all. Example: `shown_lines(chosen, make, 10)` over 250
    items builds 10 lines and ends '… and 240 more'."""
    return limit_lines([line(x) for x in items[:limit]], limit, more, len(items))


def shown_roles(p: Person, canonical_role: Callable[[str], str]) -> list[str]:
    """Roles as the text words them, with the portfolio when the wording hides it.

    "Defense Minister" stays; "Outside" (a mistranslation) shows as Foreign Affairs with the
    text's word beside it; a role contained in a longer one is not repeated.
    """
    shown: list[str] = []
    for role in p.roles:
        canonical = canonical_role(role)
        if fold(canonical) in fold(role) or fold(role) in fold(canonical):
            shown.append(role)
        else:
            shown.append(f"{canonical} (the text says “{role}”)")
    return [r for r in shown if not any(r != o and fold(r) in fold(o) for o in shown)]


def person_summary(p: Person, canonical_role: Callable[[str], str]) -> str:
    """'**Boris Pistorius** — Defense Minister · SPD · Germany'; roles read through synonyms."""
    roles = shown_roles(p, canonical_role) or list(p.offices)
    bits = [", ".join(roles) if roles else "no role given"]
    bits += [x for x in (p.party, p.country) if x]
    former = " (former)" if p.former else ""
    return f"**{p.name}**{former} — " + " · ".join(bits)


def by_country(
    people: Sequence[Person], lookups: AnswerLookups, limit: int = MAX_LINES
) -> list[Section]:
    """People grouped by country (first-seen order); lines only for the first `limit`.

    The grouping of a generation's people (or government) is kept with its lookups, so an
    answer over 2,000 people builds `limit` summaries; the last group shown ends with
    "… and N more".
    """
    sections: list[Section] = []
    left = limit
    total = len(people)
    for country, group in lookups.country_groups(people):
        if left <= 0:
            break
        lines = [
            Line(person_summary(p, lookups.canonical_role), lookups.source_of(p))
            for p in group[:left]
        ]
        left -= len(lines)
        if left <= 0 and total > limit:
            lines.append(Line(f"… and {total - limit} more; ask for one country or party."))
        sections.append(Section(country, tuple(lines)))
    return sections


def quote_lines(facts: FactBase, quotes: Sequence[Quote], with_speaker: bool) -> list[Line]:
    """One line per quoted span, each under the sentence it stands in (and its copies')."""
    lines = []
    for q in quotes:
        text = "“" + q.text.strip().rstrip(",") + "”"
        if with_speaker:
            text += f" — {facts.speaker_name(q)}"
        lines.append(Line(text, q.source, also=facts.other_sources("quote", q.text, q.source)))
    return lines


def commitment_text(c: Commitment, facts: FactBase, lookups: AnswerLookups) -> str:
    """The commitment as a whole clause: a clause said in a quotation shows who said it.

    '…in the next five years,” said Defense Minister Boris Pistorius.' →
    '“…in the next five years.” — Boris Pistorius'; other stray marks are dropped.
    """
    said = quoted_statement(c.sentence, lookups.quotes_at(c.source), facts.speaker_name)
    return said or balanced(c.sentence)


def commitment_line(c: Commitment, facts: FactBase, lookups: AnswerLookups) -> Line:
    """'sentence  (actors; when: …; topics: …)', citing the sentence and any merged copies."""
    bits = []
    if c.actors:
        bits.append(", ".join(c.actors))
    if c.when:
        bits.append(f"when: {c.when}")
    if c.topics:
        bits.append("topics: " + ", ".join(c.topics))
    meta = f"  ({'; '.join(bits)})" if bits else ""
    text = commitment_text(c, facts, lookups)
    also = facts.other_sources("commitment", c.sentence, c.source)
    # The sentence is quoted under the line when the line no longer reads as it does.
    shows_sentence = text == c.sentence.strip() or c.sentence.strip() == c.source.sentence.strip()
    return Line(f"{text}{meta}", c.source, quote_source=not shows_sentence, also=also)


def event_line(e: Event, facts: FactBase, index: FactIndex) -> Line:
    """'**2023-05** — what happened', naming its actors (see bot.readable.event_text)."""
    lookups = index.lookups
    text, is_sentence = event_text(
        e.what,
        e.source,
        index.text.previous,
        lookups.quotes_at(e.source),
        facts.speaker_name,
        lookups.pronouns,
    )
    also = facts.other_sources("event", e.what, e.source)
    return Line(f"**{e.when}** — {text}", e.source, quote_source=not is_sentence, also=also)


def event_sort_key(e: Event) -> tuple[str, str]:
    return (e.when.split("/")[0], e.what)
