"""One function per command: (FactBase, FactIndex, argument text) → Answer.

Pure and synchronous: the console, the Discord cogs and the tests all call these same
functions, and every fact line carries the Source it came from. A user mistake raises UserError
with usage and "did you mean" choices; it never reaches the user as a trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer_lines import (
    by_country,
    commitment_line,
    event_sort_key,
    limit_lines,
    make_answer,
    person_summary,
    quote_lines,
)
from bot.answers import Answer, DocRef, Line, Section
from bot.errors import UserError
from bot.factbase import FactBase
from bot.models import Quote
from bot.search import FactIndex

Handler = Callable[[FactBase, FactIndex, str], Answer]


@dataclass(frozen=True)
class Command:
    """A command as users see it; `argument` names what its argument autocompletes from."""

    name: str
    usage: str
    summary: str
    handler: Handler | None  # None: handled by the service (reload) or a front-end (sync)
    argument: str | None = None  # "topic", "person", "document", "person-or-topic", ...
    admin: bool = False
    examples: tuple[str, ...] = ()


def _require(arg: str, usage: str, what: str) -> str:
    arg = arg.strip()
    if not arg:
        raise UserError(f"Tell me {what}.", usage=usage)
    return arg


def _topic_details(facts: FactBase) -> tuple[str, ...]:
    counts = _commitment_counts(facts)
    return tuple(
        f"{t.slug} ({counts.get(t.slug, 0)})"
        for t in sorted(facts.topics, key=lambda t: -counts.get(t.slug, 0))
    )


def _commitment_counts(facts: FactBase) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in facts.commitments:
        for t in c.topics:
            counts[t] = counts.get(t, 0) + 1
    return counts


# -- commands --------------------------------------------------------------------------------


def ministers(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Members of government: heads of government, ministers, secretaries; not predecessors."""
    people = list(index.lookups.government)
    title = "Ministers and heads of government"
    arg = arg.strip()
    if arg:
        country = index.find_countries(arg)
        party = index.find_parties(arg)
        if country and (not party or country[0][1] >= party[0][1]):
            people = [p for p in people if p.country == country[0][0]]
            title += f": {country[0][0]}"
        elif party:
            people = [p for p in people if p.party == party[0][0]]
            title += f": {party[0][0]}"
        else:
            ids = {p.id for p in people}
            role = [pp for pp, _s in index.find_people(arg, limit=20) if pp.id in ids]
            if not role:
                raise UserError(
                    f"No country, party or portfolio matches “{arg}”.",
                    usage=COMMANDS["ministers"].usage,
                    suggestions=index.suggest(arg, ("countries", "parties", "roles")),
                    details=tuple(index.countries() + index.parties()),
                )
            people = role
            title += f": {arg}"
    if not people:
        return make_answer(
            facts, "people", title, [], intro="No one in the documents matches that."
        )
    sections = by_country(people, index.lookups)
    return make_answer(facts, "people", f"{title} ({len(people)})", sections)


def people(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Everyone named in the documents, by country, former office holders marked."""
    if not facts.people:
        return make_answer(facts, "people", "People", [], intro="No people found in the documents.")
    sections = by_country(facts.people, index.lookups)
    return make_answer(facts, "people", f"People ({len(facts.people)})", sections)


def who(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """A person's card: roles, party, country, what they said, where they are named."""
    arg = _require(arg, COMMANDS["who"].usage, "whom to look up")
    found = index.find_people(arg)
    if not found:
        raise UserError(
            f"No one called “{arg}” is named in the documents.",
            usage=COMMANDS["who"].usage,
            suggestions=index.suggest(arg, ("people", "roles")),
        )
    person = found[0][0]
    ties = [p for p, s in found[1:] if s == found[0][1]]
    intro = ""
    if person.aliases:
        intro = "Also called: " + ", ".join(dict.fromkeys(person.aliases))
    if ties:
        intro += "\nAlso matching: " + ", ".join(p.name for p in ties)
    src = index.lookups.source_of(person)
    sections = [Section("Who", (Line(person_summary(person, index.lookups.canonical_role), src),))]
    said = index.lookups.quotes_by(person)
    sections.append(Section("Said", tuple(quote_lines(facts, said, with_speaker=False))))
    named = index.lookups.commitments_naming(person)
    sections.append(
        Section("Commitments naming them", limit_lines([commitment_line(c) for c in named], 10))
    )
    shown = {src, *(q.source for q in said), *(c.source for c in named)}
    mentions = [Line(s.sentence, s, quote_source=False) for s in person.sources if s not in shown]
    sections.append(Section("Also named in", limit_lines(mentions, 8)))
    return make_answer(facts, "who", person.name, sections, intro=intro)


def quotes(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Direct quotes: all, one person's, or on one topic."""
    arg = arg.strip()
    if not arg:
        if not facts.quotes:
            return make_answer(
                facts, "quotes", "Quotes", [], intro="No direct quotes in the documents."
            )
        groups: dict[str, list[Quote]] = {}
        for q in facts.quotes:
            groups.setdefault(facts.speaker_name(q), []).append(q)
        sections = [
            Section(name, tuple(quote_lines(facts, qs, with_speaker=False)))
            for name, qs in groups.items()
        ]
        return make_answer(facts, "quotes", f"Quotes ({len(facts.quotes)})", sections)
    found = index.find_people(arg)
    topics = index.find_topics(arg)
    if found and (not topics or found[0][1] >= topics[0][1]):
        person = found[0][0]
        said = index.lookups.quotes_by(person)
        lines = quote_lines(facts, said, with_speaker=False)
        intro = "" if said else f"{person.name} is not quoted directly in the documents."
        return make_answer(
            facts, "quotes", f"Quotes: {person.name}", [Section(person.name, tuple(lines))], intro
        )
    if topics:
        topic = topics[0][0]
        on = [q for q in facts.quotes if topic.slug in index.topics_of_quote(q)]
        intro = "" if on else f"No direct quotes on {topic.label.lower()}."
        section = Section(topic.label, tuple(quote_lines(facts, on, with_speaker=True)))
        return make_answer(facts, "quotes", f"Quotes on {topic.label.lower()}", [section], intro)
    raise UserError(
        f"No person or topic matches “{arg}”.",
        usage=COMMANDS["quotes"].usage,
        suggestions=index.suggest(arg, ("people", "topics")),
    )


def commitments(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """What was agreed or planned: topics with counts, or the commitments on one topic."""
    arg = arg.strip()
    counts = _commitment_counts(facts)
    if not arg:
        lines = [
            Line(f"**{t.slug}** — {t.label}: {counts[t.slug]}")
            for t in sorted(facts.topics, key=lambda t: -counts.get(t.slug, 0))
            if counts.get(t.slug)
        ]
        intro = (
            f"{len(facts.commitments)} commitments. Ask for one topic: `commitments <topic>`."
            if lines
            else "No commitments found in the documents."
        )
        return make_answer(
            facts, "topics", "Commitments by topic", [Section("Topics", tuple(lines))], intro
        )
    topics = index.find_topics(arg)
    countries = index.find_countries(arg)
    if countries and (not topics or countries[0][1] > topics[0][1]):
        country = countries[0][0]
        chosen = [c for c in facts.commitments if country in c.actors]
        lines = limit_lines([commitment_line(c) for c in chosen])
        intro = "" if chosen else f"No commitments with {country} as an actor."
        return make_answer(
            facts, "commitments", f"Commitments: {country}", [Section(country, lines)], intro
        )
    if not topics:
        raise UserError(
            f"No topic matches “{arg}”.",
            usage=COMMANDS["commitments"].usage,
            suggestions=index.suggest(arg, ("topics",)),
            details=_topic_details(facts),
        )
    topic = topics[0][0]
    chosen = [c for c in facts.commitments if topic.slug in c.topics]
    lines = limit_lines([commitment_line(c) for c in chosen])
    intro = "" if chosen else f"No commitments on {topic.label.lower()} in the documents."
    return make_answer(
        facts,
        "commitments",
        f"Commitments on {topic.label.lower()} ({len(chosen)})",
        [Section(topic.label, lines)],
        intro,
    )


def topics(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """The topic taxonomy with how many commitments and quotes each has."""
    counts = _commitment_counts(facts)
    quote_counts: dict[str, int] = {}
    for q in facts.quotes:
        for t in index.topics_of_quote(q):
            quote_counts[t] = quote_counts.get(t, 0) + 1
    lines = []
    for t in sorted(facts.topics, key=lambda t: (-counts.get(t.slug, 0), t.slug)):
        words = ", ".join(list(dict.fromkeys((*t.synonyms, *t.keywords)))[:6])
        lines.append(
            Line(
                f"**{t.slug}** — {t.label}: {counts.get(t.slug, 0)} commitments, "
                f"{quote_counts.get(t.slug, 0)} quotes (also: {words})"
            )
        )
    return make_answer(
        facts, "topics", f"Topics ({len(facts.topics)})", [Section("Topics", tuple(lines))]
    )


def timeline(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Dated statements in order, optionally for one year (or month: 2023-05)."""
    arg = arg.strip()
    events = sorted(facts.events, key=event_sort_key)
    if arg:
        if not re.fullmatch(r"\d{4}(-\d{2})?", arg):
            raise UserError(
                f"“{arg}” is not a year.",
                usage=COMMANDS["timeline"].usage,
                details=tuple(sorted({e.when[:4] for e in facts.events})),
            )
        events = [e for e in events if any(part.startswith(arg) for part in _span(e.when, arg))]
        if not events:
            years = sorted({e.when[:4] for e in facts.events})
            return make_answer(
                facts,
                "timeline",
                f"Timeline: {arg}",
                [],
                intro=f"Nothing dated {arg}. Years with events: {', '.join(years) or 'none'}.",
            )
    groups: dict[str, list[Line]] = {}
    for e in events:
        groups.setdefault(e.when[:4], []).append(Line(f"**{e.when}** — {e.what}", e.source))
    sections = [Section(year, limit_lines(lines, 25)) for year, lines in groups.items()]
    title = f"Timeline: {arg}" if arg else f"Timeline ({len(events)})"
    intro = "" if events else "No dated statements in the documents."
    return make_answer(facts, "timeline", title, sections, intro)


def _span(when: str, arg: str) -> list[str]:
    """The years (or months) a `when` covers, so 2008/2009 shows under 2009 too."""
    parts = when.split("/")
    if len(parts) == 2 and len(arg) == 4 and parts[0][:4].isdigit() and parts[1][:4].isdigit():
        return [str(y) for y in range(int(parts[0][:4]), int(parts[1][:4]) + 1)]
    return parts


def search(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Sentences that hold the words asked for (typos allowed), best first."""
    arg = _require(arg, COMMANDS["search"].usage, "what to look for")
    hits = index.search(arg, limit=15)
    if not hits:
        raise UserError(
            f"No sentence in the documents matches “{arg}”.",
            usage=COMMANDS["search"].usage,
            suggestions=index.suggest(arg, ("people", "topics")),
        )
    lines = tuple(Line(h.source.sentence, h.source, quote_source=False) for h in hits)
    return make_answer(facts, "search", f"Search: {arg}", [Section("Best matches", lines)])


def sources(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """The documents the bot knows, with their dates, links and how many facts each gave."""
    lines = []
    for f in facts.per_document:
        d = f.document
        counts = (
            f"{len(f.people)} people, {len(f.quotes)} quotes, "
            f"{len(f.commitments)} commitments, {len(f.events)} dates"
        )
        bits = [x for x in (d.date, d.kind) if x]
        head = f"**{d.title}** (`{d.id}`" + (f"; {', '.join(bits)}" if bits else "") + ")"
        link = f"\n{d.source}" if d.source else ""
        lines.append(Line(f"{head}: {counts}{link}"))
    intro = "" if lines else "No documents yet: put .md or .txt files in seeds/ and reload."
    return Answer(
        "sources",
        f"Sources ({len(lines)})",
        intro,
        (Section("Documents", tuple(lines)),) if lines else (),
        tuple(DocRef(d.id, d.title, d.date, d.source) for d in facts.documents),
    )


def brief(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """One document in a screen: who took part, what was agreed, what was said, when."""
    if not facts.documents:
        raise UserError("There are no documents yet.", usage=COMMANDS["brief"].usage)
    arg = arg.strip()
    note = ""
    if arg:
        found = index.find_documents(arg)
        if not found:
            raise UserError(
                f"No document matches “{arg}”.",
                usage=COMMANDS["brief"].usage,
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
    f = next(x for x in facts.per_document if x.document.id == doc.id)
    ids = {p.id for p in f.people}
    merged = [p for p in facts.people if p.id in ids or any(s.doc_id == doc.id for s in p.sources)]
    participants = [p for p in merged if not p.former]
    intro = " · ".join(x for x in (doc.date, doc.kind, doc.source) if x) + note
    doc_quotes = [q for q in facts.quotes if q.source.doc_id == doc.id]
    doc_commitments = [c for c in facts.commitments if c.source.doc_id == doc.id]
    doc_events = sorted((e for e in facts.events if e.source.doc_id == doc.id), key=event_sort_key)
    sections = [
        Section(
            "Who took part",
            limit_lines(
                [
                    Line(
                        person_summary(p, index.lookups.canonical_role), index.lookups.source_of(p)
                    )
                    for p in participants
                ],
                12,
            ),
        ),
        Section(
            "What was agreed or planned",
            limit_lines([commitment_line(c) for c in doc_commitments], 10),
        ),
        Section("What was said", limit_lines(quote_lines(facts, doc_quotes, with_speaker=True), 6)),
        Section(
            "When",
            limit_lines([Line(f"**{e.when}** — {e.what}", e.source) for e in doc_events], 10),
        ),
    ]
    return make_answer(facts, "brief", doc.title, sections, intro, about=doc.id)


def help_answer(prefix: str = "!", arg: str = "") -> Answer:
    """The commands, or one command in detail."""
    arg = arg.strip().lstrip(prefix).casefold()
    if arg:
        cmd = COMMANDS.get(arg)
        if not cmd:
            raise UserError(
                f"There is no command “{arg}”.",
                usage=f"{prefix}help [command]",
                suggestions=suggest_command(arg),
            )
        lines = [Line(f"`{prefix}{cmd.usage}` — {cmd.summary}")]
        lines += [Line(f"`{prefix}{e}`") for e in cmd.examples]
        if cmd.admin:
            lines.append(Line("Admins only: the bot owner, Manage Server, or a configured role."))
        return Answer("help", f"Help: {cmd.name}", "", (Section("Usage", tuple(lines)),))
    lines = tuple(
        Line(f"`{prefix}{c.usage}` — {c.summary}" + (" (admin)" if c.admin else ""))
        for c in COMMANDS.values()
    )
    intro = (
        "Ask about the briefing documents in seeds/. Every fact comes with the sentence it was "
        f"read from. Typos are fine: `{prefix}who pistorious`, `{prefix}commitments defence`."
    )
    return Answer("help", "Briefbot commands", intro, (Section("Commands", lines),))


def _help(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    return help_answer("!", arg)


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("help", "help [command]", "what the bot can do", _help, "command"),
        Command(
            "ministers",
            "ministers [country|party]",
            "members of government: heads, ministers, secretaries",
            ministers,
            "country-or-party",
            examples=("ministers", "ministers germany", "ministers spd"),
        ),
        Command("people", "people", "everyone named in the documents", people),
        Command(
            "who",
            "who <name>",
            "one person: roles, party, country, quotes",
            who,
            "person",
            examples=("who scholz", "who pistorious"),
        ),
        Command(
            "quotes",
            "quotes [person|topic]",
            "direct quotes, by speaker or topic",
            quotes,
            "person-or-topic",
            examples=("quotes", "quotes scholz", "quotes defense"),
        ),
        Command(
            "commitments",
            "commitments [topic|country]",
            "what was agreed or planned; no topic: topics with counts",
            commitments,
            "topic",
            examples=("commitments", "commitments defence", "commitments minerals"),
        ),
        Command("topics", "topics", "the topics, with counts", topics),
        Command(
            "timeline",
            "timeline [year]",
            "dated statements in order",
            timeline,
            "year",
            examples=("timeline", "timeline 2024"),
        ),
        Command(
            "search",
            "search <words>",
            "sentences that contain the words",
            search,
            "text",
            examples=("search frigate pacific",),
        ),
        Command("sources", "sources", "the documents and their links", sources),
        Command("brief", "brief [document]", "one document in a screen", brief, "document"),
        Command(
            "reload",
            "reload",
            "re-read seeds/ and report what changed",
            None,
            admin=True,
        ),
    )
}


def suggest_command(name: str) -> tuple[str, ...]:
    from rapidfuzz import process

    hits = process.extract(name, list(COMMANDS), limit=3, score_cutoff=60)
    return tuple(h[0] for h in hits)


def split_command(text: str, prefix: str = "!") -> tuple[str, str]:
    """'!commitments  defence' → ('commitments', 'defence'); the prefix is optional."""
    text = text.strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    name, _, rest = text.partition(" ")
    return name.casefold(), rest.strip()


def answer(
    facts: FactBase, index: FactIndex, name: str, arg: str = "", prefix: str = "!"
) -> Answer:
    """Run one command by name; an unknown name is a UserError with "did you mean"."""
    cmd = COMMANDS.get(name)
    if name == "help":
        return help_answer(prefix, arg)
    if cmd is None or cmd.handler is None:
        raise UserError(
            f"There is no command “{name}”.",
            usage=f"{prefix}help",
            suggestions=suggest_command(name),
        )
    return cmd.handler(facts, index, arg)
