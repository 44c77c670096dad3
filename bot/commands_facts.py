"""Fact commands: `quotes`, `commitments`, `topics`.

Arguments are read by bot.resolve: a topic or its synonym before the person whose portfolio is
named the same, a country by its name, alias or demonym, and the answer names the other reading
when two fit equally.
"""

from __future__ import annotations

import re

from bot.answer_lines import commitment_line, make_answer, quote_lines, shown_lines
from bot.answers import Answer, Line, Section
from bot.errors import UserError
from bot.factbase import FactBase
from bot.models import Commitment, Quote
from bot.resolve import Resolution, clean_argument, resolve
from bot.search import FactIndex
from bot.usage import USAGE, plural


def commitment_counts(facts: FactBase) -> dict[str, int]:
    """Topic slug → how many commitments carry it."""
    counts: dict[str, int] = {}
    for c in facts.commitments:
        for t in c.topics:
            counts[t] = counts.get(t, 0) + 1
    return counts


def topics_with_commitments(facts: FactBase) -> tuple[str, ...]:
    """'defense (12)', … for the topics that have commitments, most first."""
    counts = commitment_counts(facts)
    ranked = sorted((t for t in facts.topics if counts.get(t.slug)), key=lambda t: -counts[t.slug])
    return tuple(f"{t.slug} ({counts[t.slug]})" for t in ranked)


def _country_pattern(index: FactIndex, country: str) -> re.Pattern[str]:
    """The country's name, aliases and demonyms as whole words: China, PRC, Beijing, Chinese."""
    c = next((c for c in index.lexicon.countries if c.name == country), None)
    names = [country, *(c.aliases + c.demonyms if c else ())]
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)


def _quote_answer(facts: FactBase, index: FactIndex, found: Resolution, intro_note: str) -> Answer:
    m = found.match
    lookups = index.lookups
    if m.kind == "person":
        person = facts.person_by_id[m.key]
        said = lookups.quotes_by(person)
        intro = "" if said else f"{person.name} is not quoted directly in the documents."
        lines = quote_lines(facts, said, with_speaker=False)
        sections = [Section(person.name, tuple(lines))]
        return make_answer(
            facts, "quotes", f"Quotes: {person.name}", sections, _join(intro_note, intro)
        )
    if m.kind == "role":
        holders = index.holders(m.key)
        sections = [
            Section(p.name, tuple(quote_lines(facts, lookups.quotes_by(p), with_speaker=False)))
            for p in holders
        ]
        intro = "" if any(s.lines for s in sections) else f"No {m.label} holder is quoted directly."
        return make_answer(
            facts, "quotes", f"Quotes: {m.label}", sections, _join(intro_note, intro)
        )
    if m.kind == "country":
        pattern = _country_pattern(index, m.key)
        ids = {p.id for p in facts.people if p.country == m.key}
        by = [q for q in facts.quotes if q.speaker in ids]
        about = [q for q in facts.quotes if q not in by and pattern.search(q.text)]
        sections = [
            Section(f"Said by people of {m.key}", tuple(quote_lines(facts, by, True))),
            Section(f"Mentioning {m.key}", tuple(quote_lines(facts, about, True))),
        ]
        intro = "" if by or about else f"No direct quotes by or about {m.key}."
        title = f"Quotes: {m.key} ({len(by) + len(about)})"
        return make_answer(facts, "quotes", title, sections, _join(intro_note, intro))
    topic = facts.topic_by_slug[m.key]
    on = [q for q in facts.quotes if topic.slug in index.topics_of_quote(q)]
    intro = "" if on else f"No direct quotes on {topic.label.lower()}."
    section = Section(topic.label, tuple(quote_lines(facts, on, with_speaker=True)))
    title = f"Quotes on {topic.label.lower()} ({len(on)})"
    return make_answer(facts, "quotes", title, [section], _join(intro_note, intro))


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def quotes(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Direct quotes: all, or one person's, topic's, country's (by or about it), office's."""
    arg = clean_argument(arg)
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
    found = resolve(index, arg, ("topic", "country", "person", "role"))
    if found is None:
        raise UserError(
            f"Nothing in the documents on “{arg}”: no person, topic or country by that name.",
            usage=USAGE["quotes"],
            suggestions=index.suggest(arg, ("people", "topics", "countries")),
            details=_topics_with_quotes(facts, index),
        )
    return _quote_answer(facts, index, found, found.note("quotes"))


def _topics_with_quotes(facts: FactBase, index: FactIndex) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for q in facts.quotes:
        for t in index.topics_of_quote(q):
            counts[t] = counts.get(t, 0) + 1
    return tuple(f"{slug} ({n})" for slug, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def commitments(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """What was agreed or planned: topics with counts, or one topic's or country's commitments.

    A country's are those it is an actor in, then those that mention it ('commitments china').
    """
    arg = clean_argument(arg)
    if not arg:
        counts = commitment_counts(facts)
        lines = [
            Line(f"**{t.slug}** — {t.label}: {counts[t.slug]}")
            for t in sorted(facts.topics, key=lambda t: -counts.get(t.slug, 0))
            if counts.get(t.slug)
        ]
        intro = (
            f"{plural(len(facts.commitments), 'commitment')}. "
            "Ask for one topic: `commitments <topic>`."
            if lines
            else "No commitments found in the documents."
        )
        return make_answer(
            facts, "topics", "Commitments by topic", [Section("Topics", tuple(lines))], intro
        )
    found = resolve(index, arg, ("topic", "country"))
    if found is None:
        raise UserError(
            f"No topic matches “{arg}”, and no country: nothing in the documents on it.",
            usage=USAGE["commitments"],
            suggestions=index.suggest(arg, ("topics", "countries")),
            details=topics_with_commitments(facts),
        )
    note = found.note("commitments")
    m = found.match
    if m.kind == "country":
        pattern = _country_pattern(index, m.key)
        acting = [c for c in facts.commitments if m.key in c.actors]
        # not acting: an equal commitment has the same actors, so this is `c not in acting`
        about = [
            c for c in facts.commitments if m.key not in c.actors and pattern.search(c.sentence)
        ]
        sections = [
            Section(f"{m.key} as an actor", _lines(acting, facts, index)),
            Section(f"Mentioning {m.key}", _lines(about, facts, index)),
        ]
        intro = "" if acting or about else f"No commitments by or about {m.key}."
        title = f"Commitments: {m.key} ({len(acting) + len(about)})"
        return make_answer(facts, "commitments", title, sections, _join(note, intro))
    topic = facts.topic_by_slug[m.key]
    chosen = [c for c in facts.commitments if topic.slug in c.topics]
    intro = "" if chosen else f"No commitments on {topic.label.lower()} in the documents."
    return make_answer(
        facts,
        "commitments",
        f"Commitments on {topic.label.lower()} ({len(chosen)})",
        [Section(topic.label, _lines(chosen, facts, index))],
        _join(note, intro),
    )


def _lines(chosen: list[Commitment], facts: FactBase, index: FactIndex) -> tuple[Line, ...]:
    return shown_lines(chosen, lambda c: commitment_line(c, facts, index.lookups))


def topics(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """The topic taxonomy with how many commitments and quotes each has.

    Keyword patterns ('relationship*') are matching rules, not words: they are not shown.
    """
    counts = commitment_counts(facts)
    quote_counts: dict[str, int] = {}
    for q in facts.quotes:
        for t in index.topics_of_quote(q):
            quote_counts[t] = quote_counts.get(t, 0) + 1
    lines = []
    for t in sorted(facts.topics, key=lambda t: (-counts.get(t.slug, 0), t.slug)):
        own = {t.slug.casefold(), t.label.casefold()}
        shown = [
            w
            for w in dict.fromkeys((*t.synonyms, *t.keywords))
            if "*" not in w and w.casefold() not in own
        ][:6]
        also = f" (also: {', '.join(shown)})" if shown else ""
        lines.append(
            Line(
                f"**{t.slug}** — {t.label}: {plural(counts.get(t.slug, 0), 'commitment')}, "
                f"{plural(quote_counts.get(t.slug, 0), 'quote')}{also}"
            )
        )
    return make_answer(
        facts, "topics", f"Topics ({len(facts.topics)})", [Section("Topics", tuple(lines))]
    )
