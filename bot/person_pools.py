"""The people's pools a query is ranked against: names, roles and the offices held.

Each person gives one row to the names pool, one to the roles pool and (office, keys) pairs to
the offices pool (see bot.person_rows). The pools of one FactBase are built together from
those entries, on first use. `previous` (the live generation's pools, of the same lexicon)
lends its entries and pools: when the merge reported which people came and went
(`FactBase.delta`), only those people's rows are worked out and the pools are patched for
them; otherwise unchanged people keep their rows by identity. Example:
`PersonPools(facts, lexicon, None).people.rank("scholz", 80)` → [(person id, 100.0)].
"""

from __future__ import annotations

from functools import cached_property
from operator import itemgetter
from typing import Any, Self

from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.index_keys import Keys
from bot.name_pools import office_pool
from bot.person_rows import OfficeKeys, PersonEntry, patched_entries, person_entries

_SECOND, _THIRD = itemgetter(1), itemgetter(2)


class PersonPools:
    """The names, roles and offices pools of one FactBase's people, each built on first use."""

    def __init__(self, facts: FactBase, lexicon: Lexicon, previous: PersonPools | None) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self._previous = previous  # dropped by prepare(), so no chain of generations is kept

    def prepare(self) -> Self:
        """Build the three pools and their rankers now; forget the previous pools."""
        for keys in (self.people, self.roles, self.offices):
            keys.prepare()
        self._previous = None
        self.__dict__.pop("_change", None)
        return self

    def _lent(self, table: str) -> Any:
        """A table the previous pools built, or None (a table never built is not built now)."""
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def entries(self) -> list[PersonEntry]:
        """Each person's rows in the name, role and office pools (see bot.person_rows)."""
        previous = self._previous.facts if self._previous is not None else None
        lent, delta = self._lent("_by_id"), self.facts.delta
        if (
            previous is not None
            and lent is not None
            and delta is not None
            and delta.is_from(previous)
        ):
            found, by_id, change = patched_entries(
                self.facts.people, lent, previous, delta.people_gone, delta.people_new,
                self.office_keys,
            )  # fmt: skip
            self.__dict__["_by_id"], self.__dict__["_change"] = by_id, change
            return found
        found, self.__dict__["_by_id"] = person_entries(
            self.facts.people, lent, previous, self.office_keys
        )
        return found

    def _row_change(self, at: int) -> tuple[list, list] | None:
        """The rows (at place 1: names, 2: roles) out of and into the pool, when the people
        changed by a delta (see `patched_entries`)."""
        change = self.__dict__.get("_change")
        if change is None:
            return None
        out, into = change
        return [e[at] for e in out], [e[at] for e in into]

    @cached_property
    def office_keys(self) -> OfficeKeys:
        """A holder's (office, keys) pairs, memoised; shared with the next pools of the same
        lexicon."""
        lent = self._lent("office_keys")
        return lent if lent is not None else OfficeKeys(self.lexicon)

    @cached_property
    def people(self) -> Keys:
        """Names and aliases, one row per person."""
        rows = list(map(_SECOND, self.entries))
        return Keys(rows, self._lent("people"), self._row_change(1))

    @cached_property
    def roles(self) -> Keys:
        """Roles and offices as each person is described, one row per person."""
        rows = list(map(_THIRD, self.entries))
        return Keys(rows, self._lent("roles"), self._row_change(2))

    @cached_property
    def offices(self) -> Keys:
        """Each office current holders hold (see `office_pool`)."""
        keys, self.__dict__["_held"] = office_pool(
            self.entries, self._lent("offices"), self._lent("_held")
        )
        return keys
