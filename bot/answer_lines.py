"""The lines and sections answers are made of: people, quotes, commitments, citations.

Shared by every command in bot.briefing. Each builder works on the facts it is given and no
more, so an answer over 2,000 people builds the lines it shows (`by_country` stops at
MAX_LINES and says how many more there are).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from bot.answers import Answer, DocRef, Line, Section
from bot.factbase import FactBase, fold
from bot.lookups import AnswerLookups
from bot.models import Commitment, Event, Person, Quote

MAX_LINES = 60  # per answer; pages show them a screen at a time


def cited_documents(facts: FactBase, sections: Iterable[Section]) -> tuple[DocRef, ...]:
    seen: dict[str, None] = {}
    for section in sections:
        for line in section.lines:
            if line.source:
                seen.setdefault(line.source.doc_id, None)
    out = []
    for doc_id in seen:
        d = facts.document_by_id.get(doc_id)
        if d:
            out.append(DocRef(d.id, d.title, d.date, d.source))
    return tuple(out)


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
    if about and about in facts.document_by_id:
        d = facts.document_by_id[about]
        cited = (DocRef(d.id, d.title, d.date, d.source), *(c for c in cited if c.id != about))
    return Answer(kind, title, intro, sections, cited)


def limit_lines(lines: Sequence[Line], limit: int = MAX_LINES) -> tuple[Line, ...]:
    if len(lines) <= limit:
        return tuple(lines)
    rest = len(lines) - limit
    return (*lines[:limit], Line(f"… and {rest} more; narrow the question to see them."))


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
    people: Iterable[Person], lookups: AnswerLookups, limit: int = MAX_LINES
) -> list[Section]:
    """People grouped by country (first-seen order); lines only for the first `limit`.

    Grouping reads only each person's country, so a list of 2,000 people costs one pass and
    `limit` summaries; the last group shown ends with "… and N more".
    """
    groups: dict[str, list[Person]] = {}
    for p in people:
        groups.setdefault(p.country or "Country not stated", []).append(p)
    sections: list[Section] = []
    left = limit
    total = sum(len(group) for group in groups.values())
    for country, group in groups.items():
        if left <= 0:
            break
        lines = [
            Line(person_summary(p, lookups.canonical_role), lookups.source_of(p))
            for p in group[:left]
        ]
        left -= len(lines)
        if left <= 0 and total > limit:
            lines.append(Line(f"… and {total - limit} more; narrow the question to see them."))
        sections.append(Section(country, tuple(lines)))
    return sections


def quote_lines(facts: FactBase, quotes: Sequence[Quote], with_speaker: bool) -> list[Line]:
    """One line per quoted span, each under the sentence it stands in."""
    lines = []
    for q in quotes:
        text = "“" + q.text.strip().rstrip(",") + "”"
        if with_speaker:
            text += f" — {facts.speaker_name(q)}"
        lines.append(Line(text, q.source))
    return lines


def commitment_line(c: Commitment) -> Line:
    bits = []
    if c.actors:
        bits.append(", ".join(c.actors))
    if c.when:
        bits.append(f"when: {c.when}")
    if c.topics:
        bits.append("topics: " + ", ".join(c.topics))
    meta = f"  ({'; '.join(bits)})" if bits else ""
    return Line(f"{c.sentence}{meta}", c.source, quote_source=False)


def event_sort_key(e: Event) -> tuple[str, str]:
    return (e.when.split("/")[0], e.what)
