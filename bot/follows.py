"""Follows: a channel subscribes to a topic, person, country or party, and after each reload
it receives the new facts that match, once.

Pure and synchronous, over plain data: the service reads follows from the store, calls
`digests` in a worker thread with a reload's added facts, and a front-end sends each Digest
(the console prints its own). What matches a follow:

- a topic (slug): commitments carrying it, quotes the index files under it;
- a person (id): their quotes, commitments and events whose sentence names them, and the person
  when they are new to the documents;
- a country (name): commitments it is an actor in, quotes by its people, new people of it;
- a party (name): quotes by its members, new members.

A fact that matches two follows of one channel is shown once, under the first followed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process

from bot.answer_lines import make_answer
from bot.answers import Answer, Line, Section
from bot.changes import Fact, fact_lines
from bot.errors import UserError
from bot.factbase import FactBase, fact_key
from bot.folding import fold
from bot.lookups import name_pattern, names_of
from bot.models import Commitment, Event, Person, Quote
from bot.resolve import clean_argument, resolve
from bot.search import FactIndex
from bot.usage import USAGE, plural

#: What a channel may follow, in the order an ambiguous argument is read.
FOLLOW_KINDS = ("topic", "person", "country", "party")
_SUGGEST_POOLS = ("topics", "people", "countries", "parties")
#: Follows per channel: a digest stays readable, and the table cannot be flooded.
MAX_FOLLOWS = 25
#: Fact lines per digest; the rest are counted, and `changes` lists them.
MAX_DIGEST_LINES = 30
#: The console's follows are kept under this pseudo-channel (no Discord id is 0).
CONSOLE_CHANNEL = 0


@dataclass(frozen=True)
class Follow:
    """One channel's subscription: `kind` is topic, person, country or party; `key` its slug,
    person id or name; `label` how it is shown."""

    guild: int
    channel: int
    kind: str
    key: str
    label: str
    created_by: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class Target:
    """What a follow argument names."""

    kind: str
    key: str
    label: str


@dataclass(frozen=True)
class Digest:
    """What one channel receives after a reload: the answer to post, and the ids of every fact
    it covers (shown or counted), to record as posted."""

    guild: int
    channel: int
    answer: Answer
    fact_ids: tuple[str, ...]


def fact_id(fact: Fact) -> str:
    """A short stable id for a fact, for the record of what a channel was sent: the hash of its
    key (bot.factbase.fact_key), so the same sentence in a later generation has the same id."""
    text = json.dumps(fact_key(fact), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def resolve_target(index: FactIndex, arg: str, prefix: str = "!") -> Target:
    """The topic, person, country or party `arg` names, or a UserError with "did you mean"."""
    text = clean_argument(arg)
    if not text:
        raise UserError(
            "Name a topic, person, country or party to follow.",
            usage=prefix + USAGE["follow"],
            details=tuple(t.slug for t in index.facts.topics),
        )
    found = resolve(index, text, FOLLOW_KINDS)
    if found is None:
        raise UserError(
            f"Nothing in the documents is called “{text[:80]}”: no topic, person, country or "
            "party by that name.",
            usage=prefix + USAGE["follow"],
            suggestions=index.suggest(text, _SUGGEST_POOLS),
        )
    m = found.match
    return Target(m.kind, m.key, m.label)


def find_followed(follows: Sequence[Follow], index: FactIndex, arg: str) -> Follow | None:
    """The follow of this channel that `arg` names: its label or key as typed, else what the
    argument resolves to (a typo of a followed name), else None."""
    text = fold(clean_argument(arg))
    for f in follows:
        if text in (fold(f.label), fold(f.key), fold(f"{f.kind} {f.label}")):
            return f
    found = resolve(index, arg, FOLLOW_KINDS) if text else None
    if found is not None:
        for f in follows:
            if (f.kind, f.key) == (found.match.kind, found.match.key):
                return f
    return None


def suggest_followed(follows: Sequence[Follow], arg: str) -> tuple[str, ...]:
    labels = [f.label for f in follows]
    hits = process.extract(fold(arg), [fold(x) for x in labels], limit=3, score_cutoff=60)
    return tuple(labels[i] for _l, _s, i in hits)


def following_answer(follows: Sequence[Follow], prefix: str = "!") -> Answer:
    """This channel's follows, oldest first."""
    if not follows:
        intro = (
            f"This channel follows nothing. `{prefix}follow <topic|person|country|party>` "
            "posts the new facts on it here after each reload."
        )
        return Answer("follow", "Following", intro)
    lines = tuple(
        Line(f"**{f.label}** ({f.kind}) — by {f.created_by or 'someone'}, {f.created_at[:10]}")
        for f in follows
    )
    intro = f"New facts on these are posted here after each reload (`{prefix}unfollow` stops)."
    title = f"Following ({len(follows)})"
    return Answer("follow", title, intro, (Section("Followed here", lines),))


# -- matching ---------------------------------------------------------------------------------


class _Matcher:
    """Which of a reload's facts each follow takes, worked out once per followed thing however
    many channels follow it: ten channels following `defense` cost one pass over the facts."""

    def __init__(self, facts: FactBase, index: FactIndex, added: Sequence[Fact]) -> None:
        self.facts = facts
        self.index = index
        self.added = added
        self._taken: dict[tuple[str, str], list[Fact]] = {}

    def taken(self, follow: Follow) -> list[Fact]:
        """The added facts that match the follow, in the order given."""
        found = self._taken.get((follow.kind, follow.key))
        if found is None:
            test = self._test(follow.kind, follow.key)
            found = self._taken[(follow.kind, follow.key)] = [f for f in self.added if test(f)]
        return found

    def _test(self, kind: str, key: str) -> Callable[[Fact], bool]:
        if kind == "topic":
            return lambda f: (
                (isinstance(f, Commitment) and key in f.topics)
                or (isinstance(f, Quote) and key in self.index.topics_of_quote(f))
            )
        if kind == "person":
            person = self.facts.person_by_id.get(key)
            pattern = name_pattern(names_of(person)) if person else None

            def named(text: str) -> bool:
                return pattern is not None and pattern.search(text) is not None

            return lambda f: (
                (isinstance(f, Person) and f.id == key)
                or (isinstance(f, Quote) and f.speaker == key)
                or (isinstance(f, Commitment) and named(f.sentence))
                or (isinstance(f, Event) and named(f.what))
            )
        attribute = "country" if kind == "country" else "party"
        people = self.facts.person_by_id

        def speaker_of(q: Quote) -> Person | None:
            return people.get(q.speaker) if q.speaker else None

        return lambda f: (
            (isinstance(f, Person) and getattr(f, attribute) == key)
            or (isinstance(f, Quote) and getattr(speaker_of(f), attribute, None) == key)
            or (kind == "country" and isinstance(f, Commitment) and key in f.actors)
        )


def digests(
    added: Sequence[Fact],
    follows: Sequence[Follow],
    facts: FactBase,
    index: FactIndex,
    posted: Mapping[int, frozenset[str] | set[str]] | None = None,
    prefix: str = "!",
) -> list[Digest]:
    """Per channel with follows, the new facts that match them, grouped by follow; channels with
    nothing new get no digest. `posted` holds, per channel, fact ids it was already sent.
    A channel following `defense` and `Japan` gets one Answer: a "defense (topic)" section, then
    a "Japan (country)" section without the facts already shown under defense.

    `facts` and `index` are the generation the facts were added to (they cite from it).
    """
    matcher = _Matcher(facts, index, added)
    ids_of: dict[int, str] = {}  # id(fact) → fact_id, worked out once
    by_channel: dict[int, list[Follow]] = {}
    for f in follows:
        by_channel.setdefault(f.channel, []).append(f)
    out = []
    for channel, mine in by_channel.items():
        seen = set((posted or {}).get(channel, ()))
        groups: list[tuple[Follow, list[Fact]]] = []
        ids: list[str] = []
        for follow in mine:
            taken = []
            for fact in matcher.taken(follow):
                fid = ids_of.get(id(fact))
                if fid is None:
                    fid = ids_of[id(fact)] = fact_id(fact)
                if fid not in seen:
                    seen.add(fid)
                    ids.append(fid)
                    taken.append(fact)
            if taken:
                groups.append((follow, taken))
        if groups:
            answer = _digest_answer(groups, facts, index, prefix)
            out.append(Digest(mine[0].guild, channel, answer, tuple(ids)))
    return out


def _digest_answer(
    groups: list[tuple[Follow, list[Fact]]], facts: FactBase, index: FactIndex, prefix: str
) -> Answer:
    total = sum(len(taken) for _f, taken in groups)
    left = MAX_DIGEST_LINES
    sections = []
    for follow, taken in groups:
        shown = taken[: max(left, 0)]
        left -= len(shown)
        lines = fact_lines(facts, index, shown)
        if len(shown) < len(taken):
            lines.append(
                Line(f"… and {len(taken) - len(shown)} more; `{prefix}changes` lists them all.")
            )
        sections.append(Section(f"{follow.label} ({follow.kind})", tuple(lines)))
    labels = ", ".join(f.label for f, _t in groups)
    intro = (
        f"{plural(total, 'new fact')} for what this channel follows ({labels}). "
        f"`{prefix}following` lists the follows; `{prefix}unfollow` stops one."
    )
    return make_answer(facts, "follow", f"New: {labels}"[:200], sections, intro)
