"""`compare <a> <b>`: two countries, people or parties side by side.

What both plan (the topics both have commitments on, each side's lines under the topic), what
only one plans, what they said on the topics both speak to, the documents that name both and
the dated events both take part in. Each side is read as other arguments are (bot.resolve:
exact before fuzzy, a country before a party before a person before an office, which stands
for its one holder), and the two sides are found in one argument text by bot.compare_args:
`compare "Olaf Scholz" japan`, `compare germany vs japan`, `compare chancellor japan`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.answer_lines import (
    commitment_line,
    doc_refs,
    event_line,
    event_sort_key,
    make_answer,
    quote_lines,
)
from bot.answers import Answer, Line, Section
from bot.compare_args import SIDE_KINDS, split_sides
from bot.compare_names import NameMatcher, word_index
from bot.errors import UserError
from bot.factbase import FactBase, fold
from bot.lookups import names_of
from bot.models import Commitment, Event, Person, Quote
from bot.resolve import Match
from bot.search import FactIndex
from bot.usage import USAGE, plural

PER_SIDE = 4  # lines per side under one shared topic
ONLY_LINES = 12  # lines in an "only one side" section
SAID_PER_SIDE = 3  # quotes per side under one shared topic
MAX_TOPICS = 8  # shared topics shown, most facts first
MAX_SHARED = 10  # documents and events both take part in


@dataclass(frozen=True)
class Side:
    """One side of a comparison and the facts that are its own.

    `commitments` are a country's as an actor, a person's naming them, a party's naming one of
    its members; `quotes` are the person's, or said by the country's or party's people;
    `documents` are the ids of the documents that name the side; `names` finds the side in a
    sentence (for events).
    """

    match: Match
    commitments: tuple[Commitment, ...]
    quotes: tuple[Quote, ...]
    documents: frozenset[str]
    names: NameMatcher

    @property
    def label(self) -> str:
        return self.match.label


def _sentence(c: Commitment) -> str:
    return c.sentence


def _event_text(e: Event) -> str:
    return f"{e.what} {e.source.sentence}"


def _members(facts: FactBase, match: Match) -> list[Person]:
    if match.kind == "person":
        return [facts.person_by_id[match.key]]
    field = "country" if match.kind == "country" else "party"
    return [p for p in facts.people if getattr(p, field) == match.key]


def _party_aliases(index: FactIndex, party: str) -> list[str]:
    """A party's other names from config/lexicon.yaml ('Greens': Alliance 90/The Greens)."""
    for entry in index.lexicon.words.get("parties") or ():
        if isinstance(entry, dict) and fold(str(entry.get("name", ""))) == fold(party):
            return [str(a) for a in entry.get("aliases") or ()]
    return []


def _names(index: FactIndex, match: Match, members: Sequence[Person]) -> list[str]:
    """The words that name a side in a sentence: its name, aliases, demonyms, its people."""
    names = [match.key] if match.kind != "person" else []
    if match.kind == "country":
        c = next((c for c in index.lexicon.countries if c.name == match.key), None)
        names += [*(c.aliases if c else ()), *(c.demonyms if c else ())]
    if match.kind == "party":
        names += _party_aliases(index, match.key)
    for p in members:
        if not p.former:
            names += names_of(p)
    return list(dict.fromkeys(n for n in names if len(n) > 1))


def build_side(facts: FactBase, index: FactIndex, match: Match) -> Side:
    """The facts that belong to one side, each list in the fact base's order."""
    lookups = index.lookups
    members = _members(facts, match)
    ids = {p.id for p in members}
    names = NameMatcher(_names(index, match, members))
    if match.kind == "person":
        commitments = lookups.commitments_naming(members[0])
        quotes = lookups.quotes_by(members[0])
    else:
        if match.kind == "country":
            commitments = [c for c in facts.commitments if match.key in c.actors]
        else:  # a party: the sentences that name it or one of its members
            found = word_index(facts.commitments, _sentence).matching(names)
            commitments = [c for i, c in enumerate(facts.commitments) if i in found]
        quotes = [q for q in facts.quotes if q.speaker in ids]
    documents = {s.doc_id for p in members for s in p.sources}
    documents.update(c.source.doc_id for c in commitments)
    documents.update(q.source.doc_id for q in quotes)
    return Side(match, tuple(commitments), tuple(quotes), frozenset(documents), names)


def _by_topic(commitments: Sequence[Commitment]) -> dict[str, list[Commitment]]:
    out: dict[str, list[Commitment]] = {}
    for c in commitments:
        for t in c.topics:
            out.setdefault(t, []).append(c)
    return out


def _quote_topics(index: FactIndex, quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = {}
    for q in quotes:
        for t in index.topics_of_quote(q):
            out.setdefault(t, []).append(q)
    return out


def _unseen(items: Sequence, seen: set[int]) -> list:
    """The items not shown yet, marked as shown now."""
    fresh = [x for x in items if id(x) not in seen]
    seen.update(id(x) for x in fresh)
    return fresh


def _labelled(side: Side, lines: Sequence[Line]) -> list[Line]:
    """'**Germany:** the line', so a reader knows whose line it is under a shared topic."""
    return [replace(line, text=f"**{side.label}:** {line.text}") for line in lines]


def _first(items: Sequence, limit: int, side: Side, more: str) -> tuple[list, Line | None]:
    """The first `limit` items, and a line counting the rest ('… and 3 more from Japan')."""
    if len(items) <= limit:
        return list(items), None
    return list(items[:limit]), Line(f"… and {len(items) - limit} more from {side.label}; {more}.")


def _topic_label(facts: FactBase, slug: str) -> str:
    topic = facts.topic_by_slug.get(slug)
    return topic.label if topic else slug


def _ask(side: Side, command: str) -> str:
    """How to see all of one side's facts: `commitments Japan`, `who Olaf Scholz`."""
    if side.match.kind == "person":
        return f"`who {side.label}`"
    return f"`{command} {side.label}`" if side.match.kind == "country" else f"`{command}`"


def _plans(facts: FactBase, index: FactIndex, a: Side, b: Side) -> tuple[list[Section], list]:
    """Joint commitments, then per shared topic both sides' own, then each side's alone."""
    lookups = index.lookups
    joint_ids = {id(c) for c in a.commitments} & {id(c) for c in b.commitments}
    joint = [c for c in a.commitments if id(c) in joint_ids]
    own_a = [c for c in a.commitments if id(c) not in joint_ids]
    own_b = [c for c in b.commitments if id(c) not in joint_ids]
    topics_a, topics_b = _by_topic(own_a), _by_topic(own_b)
    shared = sorted(
        set(topics_a) & set(topics_b),
        key=lambda t: (-(len(topics_a[t]) + len(topics_b[t])), t),
    )
    sections = []
    if joint:
        shown, more = _first(joint, ONLY_LINES, a, "narrow the question")
        lines = [commitment_line(c, facts, lookups) for c in shown]
        sections.append(
            Section(f"Together ({len(joint)})", tuple(lines + ([more] if more else [])))
        )
    seen: set[int] = set()  # a commitment on two shared topics is shown under the first
    for t in shared[:MAX_TOPICS]:
        lines: list[Line] = []
        for side, own in ((a, _unseen(topics_a[t], seen)), (b, _unseen(topics_b[t], seen))):
            shown, more = _first(own, PER_SIDE, side, _ask(side, "commitments"))
            lines += _labelled(side, [commitment_line(c, facts, lookups) for c in shown])
            lines += [more] if more else []
        sections.append(Section(f"Both plan: {_topic_label(facts, t)}", tuple(lines)))
    if len(shared) > MAX_TOPICS:
        rest = ", ".join(shared[MAX_TOPICS:])
        sections.append(Section("More shared topics", (Line(f"Also both on: {rest}."),)))
    for side, own, other in ((a, own_a, topics_b), (b, own_b, topics_a)):
        alone = [c for c in own if not any(t in other for t in c.topics)]
        shown, more = _first(alone, ONLY_LINES, side, _ask(side, "commitments"))
        lines = [commitment_line(c, facts, lookups) for c in shown] + ([more] if more else [])
        sections.append(Section(f"Only {side.label} ({len(alone)})", tuple(lines)))
    return sections, shared


def _said(facts: FactBase, index: FactIndex, a: Side, b: Side) -> list[Section]:
    """Each side's quotes on the topics both have facts on (commitments or quotes)."""
    said_a, said_b = _quote_topics(index, a.quotes), _quote_topics(index, b.quotes)
    touched_a = set(said_a) | {t for c in a.commitments for t in c.topics}
    touched_b = set(said_b) | {t for c in b.commitments for t in c.topics}
    topics = sorted(
        (t for t in touched_a & touched_b if said_a.get(t) or said_b.get(t)),
        key=lambda t: (-(len(said_a.get(t, ())) + len(said_b.get(t, ()))), t),
    )
    sections = []
    seen: set[int] = set()  # a quote on two shared topics is shown under the first
    for t in topics[:MAX_TOPICS]:
        lines: list[Line] = []
        pairs = ((a, _unseen(said_a.get(t, []), seen)), (b, _unseen(said_b.get(t, []), seen)))
        if not any(said for _side, said in pairs):
            continue
        for side, said in pairs:
            shown, more = _first(said, SAID_PER_SIDE, side, _ask(side, "quotes"))
            lines += _labelled(side, quote_lines(facts, shown, with_speaker=True))
            lines += [more] if more else []
        sections.append(Section(f"Said on {_topic_label(facts, t)}", tuple(lines)))
    return sections


def _shared(facts: FactBase, index: FactIndex, a: Side, b: Side) -> list[Section]:
    """The documents that name both, and the dated events whose sentence names both."""
    both = sorted(a.documents & b.documents)
    refs = [r for r in doc_refs(facts, both) if r]
    doc_lines = [
        Line(f"[{r.number}] **{r.title}**" + (f" ({r.date})" if r.date else "") + f" `{r.id}`")
        for r in sorted(refs, key=lambda r: r.number)
    ]
    if len(doc_lines) > MAX_SHARED:
        rest = len(doc_lines) - MAX_SHARED
        doc_lines = [*doc_lines[:MAX_SHARED], Line(f"… and {rest} more; `sources` lists them.")]
    texts = word_index(facts.events, _event_text)
    named = texts.matching(a.names) & texts.matching(b.names)
    events = sorted((facts.events[i] for i in named), key=event_sort_key)
    event_lines = [event_line(e, facts, index) for e in events[:MAX_SHARED]]
    if len(events) > MAX_SHARED:
        event_lines.append(Line(f"… and {len(events) - MAX_SHARED} more; `timeline` has them."))
    return [
        Section(f"Documents naming both ({len(refs)})", tuple(doc_lines)),
        Section(f"Meetings and events with both ({len(events)})", tuple(event_lines)),
    ]


def compare_matches(
    facts: FactBase, index: FactIndex, first: Match, second: Match, note: str = ""
) -> Answer:
    """The comparison of two resolved sides (see the module docstring for its sections)."""
    if (first.kind, first.key) == (second.kind, second.key):
        raise UserError(
            f"That is {first.label} twice: name two different countries, people or parties.",
            usage=USAGE["compare"],
        )
    a, b = build_side(facts, index, first), build_side(facts, index, second)
    plans, shared_plans = _plans(facts, index, a, b)
    said = _said(facts, index, a, b)
    shared = _shared(facts, index, a, b)
    counts = " · ".join(
        f"{s.label} ({s.match.kind}): {plural(len(s.commitments), 'commitment')}, "
        f"{plural(len(s.quotes), 'quote')}"
        for s in (a, b)
    )
    topics = ", ".join(shared_plans) or "none"
    intro = "\n".join(x for x in (note, counts, f"Topics both plan on: {topics}.") if x)
    if not (a.commitments or a.quotes or b.commitments or b.quotes):
        intro += "\nNeither has commitments or quotes in the documents."
    title = f"Compare: {a.label} and {b.label}"
    return make_answer(facts, "compare", title, [*plans, *said, *shared], intro)


def compare(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    """Two countries, people or parties side by side: `compare germany japan`.

    The two may be quoted (`compare "Olaf Scholz" japan`), separated by `vs`, `and` or a comma,
    or just follow each other; the split where both read best is taken.
    """
    first, second, note = split_sides(index, arg)
    return compare_matches(facts, index, first, second, note)


__all__ = ["SIDE_KINDS", "Side", "build_side", "compare", "compare_matches"]
