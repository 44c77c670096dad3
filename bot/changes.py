"""What a reload changed, fact by fact, and the `changes [since]` answer built from it.

A reload's change is the facts whose key (bot.factbase.fact_key) is new, and the facts whose key
is gone: `diff_facts(before, after)`. The service records each reload's keys (a ChangeRecord)
in the store, so `changes 2026-11-30` can answer after the generations of that day are gone.
Over several reloads a fact added and later removed again is no change at all, and one removed
and added back is none either: `net_change` keeps only the first and last word on each key.

Pure and synchronous: the service runs these in a worker thread (they are linear in the facts).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, not_

from bot.answer_lines import (
    commitment_line,
    event_line,
    limit_lines,
    make_answer,
    person_summary,
    quote_lines,
)
from bot.answers import Answer, Line, Section
from bot.errors import UserError
from bot.fact_delta import FactDelta
from bot.factbase import FactBase, fact_key
from bot.models import Commitment, Event, Person, Quote
from bot.search import FactIndex
from bot.usage import USAGE, plural

Fact = Person | Quote | Commitment | Event
FactKey = tuple[str, ...]
#: The kinds in the order answers list them, with their headings.
KIND_HEADINGS = {
    "commitment": "commitments",
    "quote": "quotes",
    "event": "events",
    "person": "people",
}
#: Lines shown per kind and direction; the rest are counted ("… and 12 more").
SHOWN_PER_KIND = 30
LAST_RELOAD = ("", "last", "last reload", "latest", "latest reload")


@dataclass(frozen=True)
class FactChanges:
    """The facts one reload added (as they are now) and removed (as they were)."""

    added: tuple[Fact, ...] = ()
    removed: tuple[Fact, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def all_facts(facts: FactBase) -> Iterable[Fact]:
    yield from facts.people
    yield from facts.commitments
    yield from facts.quotes
    yield from facts.events


def diff_facts(before: FactBase, after: FactBase) -> FactChanges:
    """The facts of `after` whose key `before` lacks, and the facts of `before` gone from `after`.

    A restated fact keeps its key (document and sentence), so a reload that only re-reads a file
    changes nothing; an edited sentence is one fact removed and one added. A fact object both
    generations hold is unchanged, so only the others are keyed, with the facts that share a
    document (a person: an id) with them: a reload of one file of a thousand keys that file's
    facts, not every fact. Example: `diff_facts(old, new).added` → the new sentence's facts.
    """
    if before is after:
        return FactChanges()
    delta = after.delta
    if delta is not None and delta.is_from(before):
        return _diff_delta(before, after, delta)
    added: list[Fact] = []
    removed: list[Fact] = []
    for kind in KINDS:
        old, new = getattr(before, kind), getattr(after, kind)
        if old is new:
            continue
        fresh, gone = _not_in(new, before.fact_ids(kind)), _not_in(old, after.fact_ids(kind))
        if not fresh and not gone:
            continue
        # Keys can repeat within a generation (one sentence quoted twice), only within one
        # document (one person id): the kept facts there are keyed too.
        group = _GROUP[kind]
        touched = set(map(group, fresh)) | set(map(group, gone))
        old_keys = set(map(fact_key, compress(old, map(touched.__contains__, map(group, old)))))
        new_keys = set(map(fact_key, compress(new, map(touched.__contains__, map(group, new)))))
        added += [f for f in fresh if fact_key(f) not in old_keys]
        removed += [f for f in gone if fact_key(f) not in new_keys]
    return FactChanges(added=tuple(added), removed=tuple(removed))


def _diff_delta(before: FactBase, after: FactBase, delta: FactDelta) -> FactChanges:
    """`diff_facts` read from what the merge changed (`after.delta`, from `before`): the people
    who came or went, and the facts of the documents it put together again; the rest are the
    same objects in both. Equal to the scan of every fact."""
    added: list[Fact] = []
    removed: list[Fact] = []
    for kind in KINDS:
        if kind == "people":
            fresh = _in_order(after.people, delta.people_new)
            gone = _in_order(before.people, delta.people_gone)
            old_ids, new_ids = before.person_by_id, after.person_by_id
            added += [p for p in fresh if p.id not in old_ids]
            removed += [p for p in gone if p.id not in new_ids]
            continue
        change = delta.kinds[kind]
        was, now = set(map(id, change.before)), set(map(id, change.after))
        fresh = [f for f in change.after if id(f) not in was]
        gone = [f for f in change.before if id(f) not in now]
        if not fresh and not gone:
            continue
        old_keys, new_keys = set(map(fact_key, change.before)), set(map(fact_key, change.after))
        added += [f for f in fresh if fact_key(f) not in old_keys]
        removed += [f for f in gone if fact_key(f) not in new_keys]
    return FactChanges(added=tuple(added), removed=tuple(removed))


def _in_order(facts: Sequence[Fact], some: Sequence[Fact]) -> list[Fact]:
    """The facts of `some` (objects of `facts`) in the order `facts` holds them."""
    if not some:
        return []
    ids = set(map(id, some))
    return list(compress(facts, map(ids.__contains__, map(id, facts))))


def _not_in(facts: Sequence[Fact], ids: frozenset[int]) -> list[Fact]:
    """The facts (in order) whose objects' ids are not in `ids`; in C loops, as most are."""
    return list(compress(facts, map(not_, map(ids.__contains__, map(id, facts)))))


#: FactBase fields in the order `all_facts` yields them.
KINDS = ("people", "commitments", "quotes", "events")
#: What a fact's key can repeat within: a person's id, else the fact's document.
_GROUP = {kind: attrgetter("source.doc_id") for kind in KINDS} | {"people": attrgetter("id")}


def change_counts(changes: FactChanges) -> tuple[dict[str, int], dict[str, int]]:
    """How many distinct facts (by key) a change added and removed, per FactBase field, in the
    order people, quotes, commitments, events; kinds with none are left out:
    ({'commitments': 1}, {})."""
    return _counts(changes.added), _counts(changes.removed)


def _counts(facts: Iterable[Fact]) -> dict[str, int]:
    keys: dict[str, set[tuple]] = {k: set() for k in ("people", "quotes", "commitments", "events")}
    for f in facts:
        key = fact_key(f)
        keys[_FIELD[key[0]]].add(key)
    return {k: len(v) for k, v in keys.items() if v}


_FIELD = {"person": "people", "quote": "quotes", "commitment": "commitments", "event": "events"}


@dataclass(frozen=True)
class ChangeRecord:
    """One reload's change as stored: who, when, and the keys of the facts added and removed."""

    when: str  # ISO 8601 UTC, as the reload log writes it
    who: str
    action: str
    generation: int | None
    added: tuple[FactKey, ...]
    removed: tuple[FactKey, ...]


def record_of(
    changes: FactChanges, when: str, who: str, action: str, generation: int | None
) -> ChangeRecord:
    return ChangeRecord(
        when,
        who,
        action,
        generation,
        tuple(fact_key(f) for f in changes.added),
        tuple(fact_key(f) for f in changes.removed),
    )


def encode_keys(keys: Sequence[FactKey]) -> str:
    """Fact keys as JSON text for the store: [["quote", "doc", "text"], …]."""
    return json.dumps([list(k) for k in keys], ensure_ascii=False, separators=(",", ":"))


def decode_keys(text: str) -> tuple[FactKey, ...]:
    return tuple(tuple(str(x) for x in k) for k in json.loads(text))


# -- since when --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Since:
    """What `changes` was asked for: the last reload (`start` None) or everything from `start`."""

    start: str | None
    label: str


def parse_since(arg: str) -> Since:
    """'' or 'last reload' → the last reload; '2026-11-30' (or a time: '2026-11-30T08:00') →
    everything from then (UTC). Anything else is a UserError naming the forms it takes."""
    text = arg.strip().strip("\"'“”").strip()
    if text.casefold() in LAST_RELOAD:
        return Since(None, "the last reload")
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return Since(day.isoformat(), f"{day.isoformat()} (UTC)")
        moment = dt.datetime.fromisoformat(text)
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # OverflowError: '0001-01-01T00:00+01:00' in UTC
        raise UserError(
            f"“{text[:80]}” is not a date: give one like 2026-11-30, or nothing for the last "
            "reload.",
            usage=USAGE["changes"],
        ) from None
    start = moment.isoformat(timespec="seconds")
    return Since(start, f"{start.replace('T', ' ')} (UTC)")


def chosen_records(records: Sequence[ChangeRecord], since: Since) -> list[ChangeRecord]:
    """The records `since` asks for, oldest first; `records` come newest first from the store."""
    if since.start is None:
        return list(records[:1])
    return [r for r in reversed(records) if r.when >= since.start]


def net_change(records: Sequence[ChangeRecord]) -> tuple[list[FactKey], list[FactKey]]:
    """(added, removed) over records oldest first: a key counts by its first and last change.

    Added then removed: no change. Removed then added back: no change. Added (maybe removed and
    added again in between): added. Removed: removed.
    """
    first: dict[FactKey, bool] = {}
    last: dict[FactKey, bool] = {}
    for r in records:
        for keys, added in ((r.removed, False), (r.added, True)):
            for k in keys:
                first.setdefault(k, added)
                last[k] = added
    added = [k for k, was in first.items() if was and last[k]]
    removed = [k for k, was in first.items() if not was and not last[k]]
    return added, removed


# -- the answer ---------------------------------------------------------------------------------


def key_text(key: FactKey) -> str:
    """A fact no longer in the documents, from its key: '“We will…” (in brief-2023)'."""
    kind, *rest = key
    if kind == "person":
        return f"**{rest[0]}** (a person)"
    doc = rest[0] if rest else "?"
    if kind == "quote":
        body = "“" + rest[1].strip() + "”"
    elif kind == "event":
        body = f"**{rest[1]}** — {rest[2]}"
    else:
        body = rest[1]
    return f"{body} (in `{doc}`)"


def fact_lines(facts: FactBase, index: FactIndex, chosen: Sequence[Fact]) -> list[Line]:
    """Each fact as the other answers show it, citing its sentence."""
    lookups = index.lookups
    lines: list[Line] = []
    for f in chosen:
        if isinstance(f, Person):
            lines.append(Line(person_summary(f, lookups.canonical_role), lookups.source_of(f)))
        elif isinstance(f, Commitment):
            lines.append(commitment_line(f, facts, lookups))
        elif isinstance(f, Quote):
            lines.extend(quote_lines(facts, [f], with_speaker=True))
        else:
            lines.append(event_line(f, facts, index))
    return lines


def _added_sections(facts: FactBase, index: FactIndex, keys: list[FactKey]) -> list[Section]:
    live = {fact_key(f): f for f in all_facts(facts)}
    sections = []
    for kind, heading in KIND_HEADINGS.items():
        mine = [k for k in keys if k[0] == kind]
        shown = mine[:SHOWN_PER_KIND]
        lines = [
            fact_lines(facts, index, [live[k]])[0] if k in live else Line(key_text(k))
            for k in shown
        ]
        more = "ask for a later date"
        sections.append(
            Section(f"Added {heading}", limit_lines(lines, SHOWN_PER_KIND, more, len(mine)))
        )
    return sections


def _removed_sections(keys: list[FactKey]) -> list[Section]:
    sections = []
    for kind, heading in KIND_HEADINGS.items():
        mine = [k for k in keys if k[0] == kind]
        lines = [Line(key_text(k)) for k in mine[:SHOWN_PER_KIND]]
        more = "ask for a later date"
        sections.append(
            Section(f"Removed {heading}", limit_lines(lines, SHOWN_PER_KIND, more, len(mine)))
        )
    return sections


def changes_answer(
    facts: FactBase,
    index: FactIndex,
    records: Sequence[ChangeRecord],
    since: Since,
    kept: int = 0,
) -> Answer:
    """The facts added and removed by the reloads `since` asks for, newest state first.

    `records` are the stored ones, newest first; `kept` is how many the store keeps: when every
    kept record is asked for, the answer says older changes may be missing.
    """
    chosen = chosen_records(records, since)
    if not chosen:
        intro = (
            "No reload has changed any facts yet (a start-up counts only when seeds/ had changed)."
            if since.start is None
            else f"No reload since {since.label} changed any facts."
        )
        return Answer("changes", f"Changes since {since.label}", intro)
    added, removed = net_change(chosen)
    newest = chosen[-1]
    at = newest.when[:19].replace("T", " ") + " UTC"
    if since.start is None:
        title = "Changes in the last reload that changed facts"
        intro = f"{newest.action} by {newest.who} at {at}: "
    else:
        title = f"Changes since {since.label}"
        intro = f"{plural(len(chosen), 'reload')}, the last at {at}: "
    intro += f"{plural(len(added), 'fact')} added, {len(removed)} removed."
    if since.start is not None and kept and len(chosen) >= kept:
        intro += f" The log keeps the last {kept} reloads; older changes are not listed."
    sections = _added_sections(facts, index, added) + _removed_sections(removed)
    return make_answer(facts, "changes", title, sections, intro)
