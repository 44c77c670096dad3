"""People commands: `ministers`, `people`, `who` (by name or by office)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer_lines import (
    by_country,
    commitment_line,
    limit_lines,
    make_answer,
    person_summary,
    quote_lines,
)
from bot.answers import Answer, Line, Section
from bot.errors import UserError
from bot.fact_heads import heads_of, people_where
from bot.factbase import FactBase
from bot.models import Person
from bot.resolve import clean_argument, resolve
from bot.search import FactIndex
from bot.usage import USAGE, plural


def ministers(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Members of government: heads of government, ministers, secretaries; not predecessors.

    The argument is a country ('germany', 'French'), a party ('spd') or an office ('foreign
    minister', 'Outside'); a country with no ministers in the documents gets a plain "none"
    and the countries that have some.
    """
    people: Sequence[Person] = index.lookups.government
    title = "Ministers and heads of government"
    arg = clean_argument(arg)
    if arg:
        found = resolve(index, arg, ("country", "party", "role"))
        if found is None:
            raise UserError(
                f"No country, party or office matches “{arg}”.",
                usage=USAGE["ministers"],
                suggestions=index.suggest(arg, ("countries", "parties", "roles")),
                details=_ministers_details(index, people),
            )
        m = found.match
        field = {"country": "country", "party": "party"}.get(m.kind)
        if field:
            people = people_where(people, lambda p: getattr(p, field) == m.key)
        else:
            people = people_where(people, lambda p: m.key in p.offices)
        title += f": {m.label}"
        if not people:
            listing = ", ".join(_ministers_details(index, index.lookups.government))
            return make_answer(
                facts,
                "people",
                title,
                [],
                intro=f"No ministers of {m.label} in the documents. There are some for: {listing}.",
            )
    if not people:
        return make_answer(
            facts, "people", title, [], intro="No one in the documents matches that."
        )
    sections = by_country(people, index.lookups)
    return make_answer(facts, "people", f"{title} ({len(people)})", sections)


def _ministers_details(index: FactIndex, people: Sequence[Person]) -> tuple[str, ...]:
    """The countries and parties that have members of government, for "try one of"."""
    heads = list(heads_of(people))  # a government not decoded yet is told by its heads
    countries = dict.fromkeys(p.country for p in heads if p.country)
    parties = dict.fromkeys(p.party for p in heads if p.party)
    return (*countries, *parties)


def people(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Everyone named in the documents, by country, former office holders marked."""
    if not facts.people:
        return make_answer(facts, "people", "People", [], intro="No people found in the documents.")
    sections = by_country(facts.people, index.lookups)
    return make_answer(facts, "people", f"People ({len(facts.people)})", sections)


def who(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """A person's card: roles, party, country, what they said, where they are named.

    The argument is a name ('pistorious') or an office ('"Foreign Minister"', 'chancellor'):
    an office held by one person shows their card, by several lists them.
    """
    arg = clean_argument(arg)
    if not arg:
        raise UserError("Tell me whom to look up.", usage=USAGE["who"])
    found = resolve(index, arg, ("person", "role"))
    if found is None:
        raise UserError(
            f"No one called “{arg}” is named in the documents, and no one holds that office.",
            usage=USAGE["who"],
            suggestions=index.suggest(arg, ("people", "roles")),
        )
    if found.match.kind == "role":
        holders = index.holders(found.match.key)
        if len(holders) != 1:
            sections = by_country(holders, index.lookups)
            title = f"{found.match.label}: {plural(len(holders), 'holder')}"
            return make_answer(facts, "who", title, sections, intro="Ask `who <name>` for one.")
        person = holders[0]
        intro = f"{found.match.label}: {person.name}"
        return _card(facts, index, person, intro)
    person = facts.person_by_id[found.match.key]
    ranked = index.find_people(arg)
    ties = [p for p, s in ranked[1:] if ranked and s == ranked[0][1] and p.id != person.id]
    intro = ""
    if person.aliases:
        intro = "Also called: " + ", ".join(dict.fromkeys(person.aliases))
    if ties:
        intro += "\nAlso matching: " + ", ".join(p.name for p in ties)
    return _card(facts, index, person, intro.strip())


def _card(facts: FactBase, index: FactIndex, person: Person, intro: str) -> Answer:
    lookups = index.lookups
    src = lookups.source_of(person)
    sections = [Section("Who", (Line(person_summary(person, lookups.canonical_role), src),))]
    said = lookups.quotes_by(person)
    sections.append(Section("Said", tuple(quote_lines(facts, said, with_speaker=False))))
    named = lookups.commitments_naming(person)
    sections.append(
        Section(
            "Commitments naming them",
            limit_lines(  # only the lines shown are built; the rest are counted
                [commitment_line(c, facts, lookups) for c in named[:10]], 10, total=len(named)
            ),
        )
    )
    shown = {src, *(q.source for q in said), *(c.source for c in named)}
    mentions = [Line(s.sentence, s, quote_source=False) for s in person.sources if s not in shown]
    sections.append(Section("Also named in", limit_lines(mentions, 8, "the rest: `search <name>`")))
    return make_answer(facts, "who", person.name, sections, intro=intro)
