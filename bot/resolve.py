"""What an argument names: a topic, a country, a party, a person or an office, as a person means it.

`quotes finance` is the finance topic (Christian Lindner's portfolio is named the same, and the
answer says so); `quotes defence` and `quotes defense` are one topic; `who "Foreign Minister"` is
the office, whoever holds it. The order:
1. exact matches (a slug, synonym, name, alias, demonym or office wording, as typed) before
   fuzzy ones;
2. among equals, the kinds in the order the command gives: topic words before people whose
   portfolio shares the word;
3. fuzzy matches by score, each kind with its own cut-off from bot.yaml.
When a second kind fits as well as the first, the answer names it (`Resolution.also`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.folding import fold
from bot.search import FactIndex

# The pool each kind is found in (FactIndex.pool) and how it is named in answers.
_POOLS = {
    "topic": "topics",
    "country": "countries",
    "party": "parties",
    "person": "people",
    "role": "roles",
}
KIND_NAMES = {
    "topic": "the topic",
    "country": "the country",
    "party": "the party",
    "person": "the person",
    "role": "the office",
}


@dataclass(frozen=True, slots=True)
class Match:
    """One reading of an argument: its kind, the key (slug, name, person id, office), the score."""

    kind: str
    key: str
    label: str
    score: float
    exact: bool


@dataclass(frozen=True, slots=True)
class Resolution:
    """The reading taken, and another kind that fits as well (named in the answer), if any."""

    match: Match
    also: Match | None = None

    def note(self, command: str) -> str:
        """'Read “finance” as the topic finance; it is also the office Finance (`who Finance`).'

        Empty when no other kind fits as well. People and offices are asked with `who`, topics
        and countries with the command itself.
        """
        if self.also is None:
            return ""
        m, o = self.match, self.also
        ask = "who" if o.kind in ("person", "role") else command
        return (
            f"Read “{m.label}” as {KIND_NAMES[m.kind]}; it is also {KIND_NAMES[o.kind]} "
            f"{o.label} (`{ask} {o.label}`)."
        )


def clean_argument(arg: str) -> str:
    """The argument without the quotation marks a user typed around it: '"Foreign Minister"'."""
    return arg.strip().strip("\"'“”‘’«»").strip()


def _cutoff(index: FactIndex, kind: str) -> float:
    fuzzy = index.fuzzy
    # Countries and offices are many short names: only close spellings count ('bananas' is not
    # 'Albania' at 75).
    return {
        "person": fuzzy.person,
        "role": max(fuzzy.person, 85),
        "country": max(fuzzy.topic, 85),
    }.get(kind, fuzzy.topic)


def _label(index: FactIndex, kind: str, key: str) -> str:
    if kind == "person":
        return index.facts.person_by_id[key].name
    if kind == "topic":
        return index.facts.topic_by_slug[key].slug
    return key


def candidates(index: FactIndex, arg: str, kinds: tuple[str, ...]) -> list[Match]:
    """Every reading of the argument, best first (exact, then the kinds' order, then score)."""
    query = clean_argument(arg)
    if not fold(query):
        return []
    found: list[Match] = []
    for kind in kinds:
        pool = index.pool(_POOLS[kind])
        exact = pool.exact(query)
        for key in exact:
            found.append(Match(kind, key, _label(index, kind, key), 100.0, True))
        for key, score in pool.rank(query, _cutoff(index, kind), 5):
            if key not in exact:
                found.append(Match(kind, key, _label(index, kind, key), score, False))
    order = {k: i for i, k in enumerate(kinds)}
    found.sort(key=lambda m: (not m.exact, -m.score if not m.exact else 0, order[m.kind]))
    return found


def resolve(index: FactIndex, arg: str, kinds: tuple[str, ...]) -> Resolution | None:
    """The reading taken, with the best reading of another kind that fits equally; None: no fit.

    'finance' with kinds (topic, person, role) → the topic, also the office Finance.
    """
    found = candidates(index, arg, kinds)
    if not found:
        return None
    best = found[0]
    also = next(
        (
            m
            for m in found[1:]
            if m.kind != best.kind and m.exact == best.exact and m.score >= best.score
        ),
        None,
    )
    return Resolution(best, also)
