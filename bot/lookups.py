"""Per-generation lookups the answers read, so an answer is a lookup plus one page of lines.

Built lazily from one FactBase (and memoised with its FactIndex): who is in government
(bot.government), each person's quotes and best source sentence, and a word index over
commitment sentences, so
`who Pistorius` reads the few commitments that hold every word of the name instead of running
a regular expression over every commitment.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.extract.lexicon import Lexicon
from bot.folding import fold
from bot.government import (
    NO_COUNTRY,
    GovernmentTable,
    Groups,
    country_groups,
    name_pattern_exact,
)
from bot.models import Commitment, Person, Quote, Source
from bot.naming import CommitmentsNaming, NamingChange, name_pattern, names_of
from bot.quote_lookups import QuoteTables

if TYPE_CHECKING:
    from bot.fact_delta import FactDelta

__all__ = ["NO_COUNTRY", "AnswerLookups", "canonical_role", "country_groups", "name_pattern"]
__all__ += ["name_pattern_exact", "names_of"]

_ID = attrgetter("id")
T = TypeVar("T")


#: Per lexicon, each role wording read through its synonyms once (kept across generations: the
#: same lexicon reads 'Outside' the same way every time).
_CANONICAL: weakref.WeakKeyDictionary[Lexicon, dict[str, str]] = weakref.WeakKeyDictionary()


def canonical_role(lexicon: Lexicon, role: str) -> str:
    """`lexicon.canonical_role(role)`, worked out once per lexicon and role wording."""
    table = _CANONICAL.get(lexicon)
    if table is None:
        table = _CANONICAL[lexicon] = {}
    found = table.get(role)
    if found is None:
        found = table[role] = lexicon.canonical_role(role)
    return found


def person_source(p: Person) -> Source | None:
    """The sentence that best shows who they are: one naming a role, else the first."""
    for s in p.sources:
        text = fold(s.sentence)
        if any(fold(r) in text for r in p.roles) and (p.party is None or fold(p.party) in text):
            return s
    for s in p.sources:
        if any(fold(r) in fold(s.sentence) for r in p.roles):
            return s
    return p.sources[0] if p.sources else None


class FactLists(Protocol):
    """What the lookups read: a FactBase, or the three lists on their own (`_Lists`)."""

    @property
    def people(self) -> tuple[Person, ...]: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...
    @property
    def commitments(self) -> tuple[Commitment, ...]: ...


@dataclass(frozen=True)
class _Lists:
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    commitments: tuple[Commitment, ...]


class AnswerLookups:
    """What answers look up in one generation; every table is built on first use."""

    def __init__(
        self,
        people: tuple[Person, ...],
        quotes: tuple[Quote, ...],
        commitments: tuple[Commitment, ...],
        lexicon: Lexicon,
    ) -> None:
        self._facts: FactLists = _Lists(people, quotes, commitments)
        self.lexicon = lexicon
        self._sources: dict[str, Source | None] = {}
        self._governing: dict[str, bool] = {}
        self._previous: AnswerLookups | None = None
        self._delta: FactDelta | None = None  # what changed from the previous one's facts
        self._kept: dict[Hashable, tuple[object, Any]] = {}

    @classmethod
    def of(
        cls, facts: FactLists, lexicon: Lexicon, previous: AnswerLookups | None = None
    ) -> AnswerLookups:
        """Lookups over a fact base's people, quotes and commitments, each list read when a
        table first needs it: a fact base read from the store decodes a list on first read,
        and `ministers` needs the people only. `previous` (the last generation's lookups, of
        the same lexicon) lends what it worked out for people and sentences that recur."""
        lookups = cls((), (), (), lexicon)
        lookups._facts = facts
        if previous is not None and previous.lexicon is lexicon:
            lookups._previous = previous
            lookups._governing = previous._governing  # role → bool: the same for one lexicon
            delta = getattr(facts, "delta", None)
            if delta is not None and delta.is_from(previous._facts):
                lookups._delta = delta
        return lookups

    def _lent(self, table: str) -> Any:
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return self._facts.people

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        return self._facts.quotes

    @cached_property
    def commitments(self) -> tuple[Commitment, ...]:
        return self._facts.commitments

    def prepare(self) -> AnswerLookups:
        """Build every table now (off the event loop, with the index), not on the first answer:
        the people first, so the government is a plain tuple of them."""
        _ = self.people, self._government.prepare(), self._person_ids, self._naming.prepare()
        self._previous = self._delta = None
        return self

    def kept(self, key: Hashable, facts: object, make: Callable[[], T]) -> T:
        """`make()` once per generation, kept here under `key` for the fact base `facts` (the
        answers' own tables: the timeline, answers asked again); another fact base makes its
        own. Example: `lookups.kept("timeline", facts, lambda: Timeline.of(facts))`."""
        found = self._kept.get(key)
        if found is None or found[0] is not facts:
            found = self._kept[key] = (facts, make())
        return found[1]

    def canonical_role(self, role: str) -> str:
        """`Lexicon.canonical_role`, worked out once per role wording: 'Outside' → Foreign Affairs."""
        return canonical_role(self.lexicon, role)

    @cached_property
    def _government(self) -> GovernmentTable:
        lent = self._lent("_government")
        return GovernmentTable(self._facts, self.lexicon, self._governing, lent, self._delta)

    @property
    def government(self) -> Sequence[Person]:
        """Members of government, in the order of the people (see bot.government)."""
        return self._government.members

    def country_groups(self, people: Sequence[Person]) -> Groups:
        """`people` grouped by country (see `country_groups`), kept with this generation for the
        people and the government lists, so `people` and `ministers` group once, not per answer.
        """
        government = self._government
        if people is government.__dict__.get("members"):
            return government.by_country
        if isinstance(people, tuple) and people is self.people:
            return self._people_by_country
        return country_groups(people)

    @cached_property
    def _people_by_country(self) -> Groups:
        return country_groups(self.people)

    def source_of(self, p: Person) -> Source | None:
        """`person_source`, worked out once per person and generation."""
        if p.id not in self._sources:
            self._sources[p.id] = person_source(p)
        return self._sources[p.id]

    @cached_property
    def _person_ids(self) -> frozenset[str]:
        lent, delta = self._lent("_person_ids"), self._delta
        if lent is not None and delta is not None:  # ids are unique: a gone id is no one's now
            ids = lent.difference(map(_ID, delta.people_gone))
            return ids.union(map(_ID, delta.people_new))
        return frozenset(map(_ID, self.people))

    @cached_property
    def _quote_tables(self) -> QuoteTables:
        previous = self._previous.__dict__.get("_quote_tables") if self._previous else None
        return QuoteTables(self.quotes, self._person_ids, previous)

    def quotes_at(self, source: Source) -> list[Quote]:
        """The quotes of the paragraph a fact was read from, to tell who said a quoted clause."""
        return self._quote_tables.at(source)

    @cached_property
    def pronouns(self) -> tuple[str, ...]:
        """Pronouns that stand for an actor (config/cues.yaml), to spot unnamed subjects."""
        keys = ("actor_pronouns", "plural_pronouns", "singular_pronouns")
        lexicon = self.lexicon
        found = (w.casefold() for k in keys for w in lexicon.word_list(k)) if lexicon else ()
        return tuple(dict.fromkeys(found))

    def quotes_by(self, person: Person) -> list[Quote]:
        """A person's quotes, including joint ones whose speaker is a text such as "A and B"."""
        return self._quote_tables.by(person)

    @cached_property
    def _naming(self) -> CommitmentsNaming:
        delta, change = self._delta, None
        if delta is not None:
            commitments = delta.kinds["commitments"]
            change = NamingChange(
                delta.people_gone, delta.people_new, commitments.before, commitments.after
            )
        return CommitmentsNaming(self.people, self.commitments, self._lent("_naming"), change)

    def commitments_naming(self, person: Person) -> list[Commitment]:
        """Commitments whose sentence names the person (see CommitmentsNaming)."""
        return self._naming.of(person)
