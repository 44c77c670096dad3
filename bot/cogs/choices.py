"""Slash-command autocomplete: what a box offers for each kind of argument, best first.

Pure functions over the live FactBase, so tests reach them without Discord. Discord allows at
most 25 choices, each name and value at most 100 characters; the lists are cut here. An empty
box shows the natural order (people as the documents name them, topics with the most
commitments first); typing ranks by rapidfuzz, with a bonus for names that start with the text.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.briefing import COMMANDS
from bot.factbase import FactBase, fold
from bot.render import clip
from bot.search import FactIndex

MAX_CHOICES = 25
CHOICE_LIMIT = 100  # characters in a choice's name and in its value
MIN_SCORE = 50
PREFIX_BONUS = 25

Option = tuple[str, str]  # (name shown in the box, value sent as the argument)


def _topics(facts: FactBase) -> list[Option]:
    counts: dict[str, int] = {}
    for c in facts.commitments:
        for t in c.topics:
            counts[t] = counts.get(t, 0) + 1
    ordered = sorted(facts.topics, key=lambda t: -counts.get(t.slug, 0))
    return [(f"{t.label} ({t.slug}): {counts.get(t.slug, 0)}", t.slug) for t in ordered]


def _people(facts: FactBase) -> list[Option]:
    out = []
    for p in facts.people:
        bits = [", ".join(p.offices or p.roles), p.party or "", p.country or ""]
        detail = " · ".join(b for b in bits if b)
        out.append((f"{p.name} — {detail}" if detail else p.name, p.name))
    return out


def _documents(facts: FactBase) -> list[Option]:
    docs = sorted(facts.documents, key=lambda d: d.date or "", reverse=True)
    return [(f"{d.title} ({d.date})" if d.date else d.title, d.id) for d in docs]


def _years(facts: FactBase) -> list[Option]:
    years = sorted({e.when[:4] for e in facts.events if re.fullmatch(r"\d{4}", e.when[:4])})
    return [(y, y) for y in years]


def options(kind: str | None, facts: FactBase, index: FactIndex) -> list[Option]:
    """Everything an argument of this kind may be, in the order an empty box shows it."""
    if kind == "topic":
        return _topics(facts) + [(c, c) for c in index.countries()]
    if kind == "person":
        return _people(facts)
    if kind == "person-or-topic":
        return _people(facts) + _topics(facts)
    if kind == "document":
        return _documents(facts)
    if kind == "country-or-party":
        return [(c, c) for c in index.countries()] + [(p, p) for p in index.parties()]
    if kind == "command":
        return [(f"{c.name} — {c.summary}", c.name) for c in COMMANDS.values()]
    if kind == "year":
        return _years(facts)
    return []


def _fit(option: Option) -> Option:
    name, value = option
    return clip(name.strip() or value, CHOICE_LIMIT), clip(value, CHOICE_LIMIT)


def _unique(opts: list[Option]) -> list[Option]:
    seen: set[str] = set()
    out = []
    for name, value in opts:
        if value and value not in seen:
            seen.add(value)
            out.append((name, value))
    return out


def rank(current: str, opts: list[Option], limit: int = MAX_CHOICES) -> list[Option]:
    """The options that match what was typed, best first, at most `limit`, within the limits."""
    opts = _unique(opts)
    query = fold(current).strip()
    if not query:
        return [_fit(o) for o in opts[:limit]]
    keys = [fold(f"{name} {value}") for name, value in opts]
    scored: dict[int, float] = {}
    for _key, score, i in process.extract(
        query, keys, scorer=fuzz.WRatio, score_cutoff=MIN_SCORE, limit=len(keys)
    ):
        scored[i] = score
    for i, key in enumerate(keys):
        if key.startswith(query) or f" {query}" in key:
            scored[i] = scored.get(i, 0.0) + PREFIX_BONUS
    ordered = sorted(scored, key=lambda i: (-scored[i], i))
    return [_fit(opts[i]) for i in ordered[:limit]]


def choices_for(kind: str | None, current: str, facts: FactBase, index: FactIndex) -> list[Option]:
    return rank(current, options(kind, facts, index))
