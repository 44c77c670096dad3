"""Who is in government in one generation, and its members by country: what `ministers` reads.

A member holds a portfolio or a government title among their roles and offices and is not a
predecessor ('Defense Minister' and 'Chancellor' count, a 'former' one does not). The list is
worked out once per generation; a reload lends the last one, patched for the people gone and
new. A fact base read from the store whose people are not decoded yet answers from their heads
(bot.fact_heads): the members are a PeopleAt, and `ministers` decodes the 60 it shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

from bot.extract.lexicon import Lexicon
from bot.fact_heads import PeopleAt, PersonHead
from bot.folding import fold
from bot.lending import lend_by_identity
from bot.models import Person

if TYPE_CHECKING:
    from bot.fact_delta import FactDelta

#: The group of people whose country the documents do not state.
NO_COUNTRY = "Country not stated"
_SECOND = itemgetter(1)
Groups = tuple[tuple[str, Sequence[Person]], ...]


def name_pattern_exact(words: list[str]) -> re.Pattern[str]:
    """Any of the words as whole words, case as given: ['minister'] finds 'defense minister'."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or r"(?!)")


def _country(p: Person | PersonHead) -> str:
    return p.country or NO_COUNTRY


def country_groups(people: Iterable[Person]) -> Groups:
    """(country, its people in order), countries in first-seen order; people without one under
    "Country not stated". Example: [A (Germany), B (Japan), C (Germany)] →
    (("Germany", [A, C]), ("Japan", [B])). A PeopleAt is grouped by its heads, decoding nobody.
    """
    if isinstance(people, PeopleAt):
        return people.grouped(_country)
    groups: dict[str, list[Person]] = {}
    for p in people:
        groups.setdefault(_country(p), []).append(p)
    return tuple(groups.items())


class People(Protocol):
    """What the table reads: a fact base's people (a stored one may offer them undecoded)."""

    @property
    def people(self) -> tuple[Person, ...]: ...


class GovernmentTable:
    """The members of government among one generation's people, and their country groups.

    `governing` caches each role wording's verdict; it is shared by every generation of one
    lexicon. `previous` (the last generation's table) and `delta` (what the merge changed
    since) let the list be patched instead of decided again for everyone.
    """

    def __init__(
        self,
        facts: People,
        lexicon: Lexicon,
        governing: dict[str, bool],
        previous: GovernmentTable | None = None,
        delta: FactDelta | None = None,
    ) -> None:
        self._facts = facts
        self.lexicon = lexicon
        self._governing = governing
        self._previous = previous
        self._delta = delta

    def _lent(self, table: str) -> object:
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def _words(self) -> tuple[frozenset[str], re.Pattern[str]]:
        portfolios = frozenset(fold(x.name) for x in self.lexicon.portfolios)
        titles = [fold(t) for t in self.lexicon.government_titles]
        return portfolios, name_pattern_exact(titles)

    def _is_government_role(self, role: str) -> bool:
        found = self._governing.get(role)
        if found is None:
            portfolios, titles = self._words
            r = fold(role)
            found = self._governing[role] = r in portfolios or bool(titles.search(r))
        return found

    def is_government(self, p: Person | PersonHead) -> bool:
        """A current member of government: a portfolio or a government title among their roles.

        'Defense Minister' and 'Chancellor' count; a predecessor ('former') does not.
        """
        return not p.former and any(self._is_government_role(r) for r in (*p.roles, *p.offices))

    @cached_property
    def members(self) -> Sequence[Person]:
        """Members of government, in the order of the people."""
        delta, lent = self._delta, self._lent("members")
        if delta is not None and lent is not None:
            # the last members, less the people gone, with the new people in government; in
            # the people's order (one native pass)
            people = self._facts.people
            ids = set(map(id, lent))  # type: ignore[call-overload]
            ids.difference_update(map(id, delta.people_gone))
            ids.update(id(p) for p in delta.people_new if self.is_government(p))
            return tuple(compress(people, map(ids.__contains__, map(id, people))))
        stored: Callable[[], PeopleAt | None] | None = getattr(self._facts, "stored_people", None)
        undecoded = stored() if stored is not None else None
        if undecoded is not None:
            verdicts: dict[int, bool] = {}  # by head: a few thousand distinct heads

            def member(h: PersonHead) -> bool:
                found = verdicts.get(id(h))
                if found is None:
                    found = verdicts[id(h)] = self.is_government(h)
                return found

            return undecoded.where(member)
        people = self._facts.people
        found, by_id = lend_by_identity(
            people,
            self._lent("_verdicts"),  # type: ignore[arg-type]
            lambda p: (p, self.is_government(p)),
        )
        self.__dict__["_verdicts"] = by_id
        return tuple(compress(people, map(_SECOND, found)))

    def prepare(self) -> GovernmentTable:
        """Decide the members now, and let go of the last generation's table."""
        _ = self.members
        self._previous = self._delta = None
        return self

    @cached_property
    def by_country(self) -> Groups:
        """The members grouped by country (see `country_groups`), worked out once."""
        return country_groups(self.members)
