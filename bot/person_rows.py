"""Each person's rows in the name, role and office pools, lent from one generation to the next.

A person gives one row to the names pool (name and aliases), one to the roles pool (roles and
offices) and, while they hold offices, (office, keys) pairs to the offices pool. A reload keeps
most people as the very same object, or as an equal person in a new object; both take their
rows from the previous generation as they are, so the pools see no change and only new people
are folded again. Example: `person_entries(facts.people, None, None, OfficeKeys(lexicon))`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, fold
from bot.index_keys import Row, folded_keys, name_keys, role_keys
from bot.lending import lend_by_identity
from bot.lookups import canonical_role
from bot.models import Person

#: (office, its folded keys) for each office a holder holds, in order.
OfficePairs = tuple[tuple[str, tuple[str, ...]], ...]
#: A person, their rows in the name and role pools, and their (office, keys) pairs.
PersonEntry = tuple[Person, Row, Row, OfficePairs]


class OfficeKeys:
    """(offices, roles) → a holder's (office, keys) pairs, one tuple for all holders of the same
    offices and roles; one lexicon's, so successive indexes of that lexicon share it (a few
    hundred distinct pairs).

    Example: `OfficeKeys(lexicon)(("Foreign Affairs",), ("Foreign Minister",))` → the office
    with its synonyms' keys, then ('Foreign Affairs', ('foreign minister',)).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._memo: dict[tuple[tuple[str, ...], tuple[str, ...]], OfficePairs] = {}

    def __call__(self, offices: tuple[str, ...], roles: tuple[str, ...]) -> OfficePairs:
        pairs = self._memo.get((offices, roles))
        if pairs is None:
            pairs = self._memo[(offices, roles)] = self._pairs(offices, roles)
        return pairs

    def _pairs(self, offices: tuple[str, ...], roles: tuple[str, ...]) -> OfficePairs:
        """Each office with its synonyms, then each role wording that reads as one of the
        offices ('Foreign Minister' for Foreign Affairs)."""
        synonyms = self._synonyms
        out = [(o, folded_keys((o, *synonyms.get(fold(o), ())))) for o in offices]
        for role in roles:
            office = canonical_role(self.lexicon, role)
            if office in offices:
                out.append((office, folded_keys((role,))))
        return tuple(out)

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        return {fold(p.name): tuple(p.synonyms) for p in self.lexicon.portfolios}


def person_entries(
    people: Sequence[Person],
    lent: dict[int, PersonEntry] | None,
    previous: FactBase | None,
    office_keys: OfficeKeys,
) -> tuple[list[PersonEntry], dict[int, PersonEntry]]:
    """Each person's entry, in order, and the entries by id(person) (lent to the next index).

    `lent` is what this returned for `previous` (the last generation's facts): a person the
    merge kept as the very same object takes its entry from there, and a person equal in keys
    to the one of the same id there takes that one's rows (see `person_entry`).
    """

    def entry(p: Person) -> PersonEntry:
        old = None
        if previous is not None and lent is not None:
            person = previous.person_by_id.get(p.id)
            old = lent.get(id(person)) if person is not None else None
        return person_entry(p, old, office_keys)

    return lend_by_identity(people, lent, entry)


def patched_entries(
    people: Sequence[Person],
    lent: dict[int, PersonEntry],
    previous: FactBase,
    gone: Sequence[Person],
    new: Sequence[Person],
    office_keys: OfficeKeys,
) -> tuple[list[PersonEntry], dict[int, PersonEntry], tuple[list[Row], list[Row]]]:
    """`person_entries` when the merge says which people are `gone` from `previous` and which
    are `new` (every other person is the very same object): the lent entries less the gone
    people's, plus the new people's; and the name rows out and in (for `Keys`' `change`)."""
    by_id = dict(lent)
    out = [by_id.pop(id(p)) for p in gone]
    into = []
    for p in new:
        person = previous.person_by_id.get(p.id)
        old = lent.get(id(person)) if person is not None else None
        into.append(by_id.setdefault(id(p), person_entry(p, old, office_keys)))
    found = list(map(by_id.__getitem__, map(id, people)))
    return found, by_id, (out, into)


def person_entry(p: Person, old: PersonEntry | None, office_keys: OfficeKeys) -> PersonEntry:
    """A person's rows; those of `old` (the same person's entry of the previous index) are
    taken as they are if the two have the same keys, so the pools see no change."""
    if old is not None and same_keys(old[0], p):
        return p, old[1], old[2], old[3]
    offices = office_keys(p.offices, p.roles) if p.offices and not p.former else ()
    names, roles = name_keys(p.name, p.aliases), role_keys(p.roles, p.offices)
    return p, (p.id, p.name, names), (p.id, p.name, roles), offices


def same_keys(a: Person, b: Person) -> bool:
    """Whether two people have the same keys in every pool: id, names, roles, offices."""
    return (
        a.id == b.id
        and a.name == b.name
        and a.aliases == b.aliases
        and a.roles == b.roles
        and a.offices == b.offices
        and a.former == b.former
    )
