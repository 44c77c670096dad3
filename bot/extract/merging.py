"""Occurrences become people: one person per surname and compatible given names.

Full names are filed first, by surname; a single word then joins the person whose surname (or,
for family-first names such as "Lee Do-hoon", first word) it is, preferring a titled person;
names read in title-case headings only join people the body names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.extract.evidence import Occurrence
from bot.extract.name_forms import folded_words
from bot.extract.names import Vocab, display_name, family_first, name_words, surname
from bot.extract.titles import role_words


@dataclass
class Draft:
    """A person while the document is read: mutable, turned into a frozen Person at the end."""

    parts: tuple[str, ...]
    first_pos: int
    surfaces: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    party: str | None = None
    titled: bool = False
    former_evidence: bool = False
    role_aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    spoke: bool = False

    @property
    def former(self) -> bool:
        return self.former_evidence and not self.titled

    def add_role(self, role: str, heads: frozenset[str]) -> None:
        """Add a role in the document's wording; a bare "Minister" adds nothing to "Minister of
        Defense", and a fuller title replaces a bare one."""
        role = " ".join(role.split())
        if not role or role.casefold() in {r.casefold() for r in self.roles}:
            return
        words = role_words(role)

        def bare(ws: frozenset[str]) -> bool:
            return len(ws) == 1 and next(iter(ws)) in heads

        if bare(words) and any(words < role_words(r) for r in self.roles):
            return
        self.roles = [r for r in self.roles if not (bare(role_words(r)) and role_words(r) < words)]
        self.roles.append(role)

    def absorb(self, occ: Occurrence, heads: frozenset[str]) -> None:
        if not occ.weak:
            if len(occ.span.parts) > len(self.parts):
                self.parts = occ.span.parts
            self.surfaces.append(occ.span.surface)
        self.first_pos = min(self.first_pos, occ.span.start)
        for r in occ.roles:
            self.add_role(r, heads)
        self.country = self.country or occ.country
        if occ.party and not self.party:
            self.party = occ.party
        self.titled = self.titled or occ.titled
        self.former_evidence = self.former_evidence or occ.former
        self.gender = self.gender or occ.gender
        self.spoke = self.spoke or occ.spoke


def merge_key(name: str, v: Vocab) -> str:
    """The surname a name is filed under, without particles: "Suk-yeol" and "Suk Yeol" file
    alike, and so do "Le Drian" and "Jean-Yves Le Drian"."""
    return surname(name.replace("-", " "), v).split()[-1].casefold()


def compatible(a: tuple[str, ...], b: tuple[str, ...], v: Vocab) -> bool:
    """Two printed names of one person: same surname, and given names that do not clash."""
    na, nb = display_name(a, v.suffixes), display_name(b, v.suffixes)
    if na.replace("-", " ").casefold() == nb.replace("-", " ").casefold():
        return True
    if merge_key(na, v) != merge_key(nb, v):
        return False
    wa, wb = name_words(na, v.suffixes), name_words(nb, v.suffixes)
    if len(wa) < 2 or len(wb) < 2:
        return True
    short, long_ = sorted((wa, wb), key=len)
    folded = folded_words(v.particles)
    if len(short) < len(long_) and long_[-len(short) :] == short:
        # "Minister Le Drian": a surname with its particles, no given name
        return all(w.casefold() in folded for w in short[:-1])
    return wa[0].casefold() == wb[0].casefold()


def merge_people(occurrences: list[Occurrence], v: Vocab) -> list[Draft]:
    """Occurrences → people: full names first, then single words join the person whose
    surname (or, for family-first names, first word) they are. Indexed by surname, so the
    cost grows with the number of occurrences, not with people × occurrences."""
    drafts: list[Draft] = []
    by_surname: dict[str, list[Draft]] = {}
    by_first: dict[str, list[Draft]] = {}
    by_hyphenated: dict[str, list[Draft]] = {}  # "jean-paul": a surname of joined words
    by_paternal: dict[str, list[Draft]] = {}  # "raineri" of "Ricardo Raineri Bernain"

    def new_draft(occ: Occurrence) -> Draft:
        d = Draft(occ.span.parts, occ.span.start)
        drafts.append(d)
        name = draft_name(d, v)
        by_surname.setdefault(merge_key(name, v), []).append(d)
        last = surname(name, v).casefold()
        if "-" in last:
            by_hyphenated.setdefault(last, []).append(d)
        first = (name_words(name, v.suffixes) or [""])[0].casefold()
        by_first.setdefault(first, []).append(d)
        fam = family_first(name, v)
        if fam and fam.casefold() != first:
            by_first.setdefault(fam.casefold(), []).append(d)
        paternal = _paternal_surname(name, v)
        if paternal and not fam:
            by_paternal.setdefault(paternal.casefold(), []).append(d)
        return d

    full: list[Occurrence] = []  # two name words or more ("Ana Paz", "Marco J. Reyes")
    single: list[Occurrence] = []
    for o in occurrences:
        if not o.weak and not o.distinct:
            n = len(name_words(" ".join(o.span.parts), v.suffixes))
            (full if n >= 2 else single).append(o)
    full.sort(key=_start_of)
    single.sort(key=_start_of)
    for occ in full:
        same = by_surname.get(merge_key(display_name(occ.span.parts, v.suffixes), v), [])
        d = next((d for d in same if compatible(d.parts, occ.span.parts, v)), None)
        (d or new_draft(occ)).absorb(occ, v.heads)
    # "President Ruiz and First Lady Ana Ruiz": the titled surname is a person of its own,
    # filed before the single words so that a later "President Ruiz" finds that office.
    for occ in (o for o in occurrences if o.distinct and o.titled):
        new_draft(occ).absorb(occ, v.heads)
    for occ in single:
        word = name_words(" ".join(occ.span.parts), v.suffixes)
        key = (word[0] if word else occ.span.surface).casefold()
        # "Saint-Clair said" after "Lena Saint-Clair": a hyphenated surname alone
        # "Minister Raineri" after "Ricardo Raineri Bernain": the first of two surnames
        pool = (
            by_surname.get(key)
            or by_first.get(key)
            or by_hyphenated.get(key)
            or by_paternal.get(key)
        )
        if pool and _someone_else(occ, pool, v):
            d = new_draft(occ)
        elif pool:
            before = [d for d in pool if d.first_pos <= occ.span.start] or pool
            # "Minister Han" is the Han who is a minister, not President Han.
            before = [d for d in before if same_office(d.roles, occ.roles, v)] or before
            # "Mr. Ruiz" is not Ana Ruiz, the first lady.
            before = [d for d in before if not _other_gender(occ, d)] or before
            d = max(before, key=lambda d: (bool(d.roles), d.first_pos))
        else:
            d = new_draft(occ)
        d.absorb(occ, v.heads)
    for occ in (o for o in occurrences if o.distinct and not o.titled):
        new_draft(occ).absorb(occ, v.heads)
    # Title-case headings ("Secretary Reyes Concludes Peru Visit") cannot show where a name
    # ends: their names only join people the body names, by any one of their words.
    for occ in (o for o in occurrences if o.weak):
        for w in reversed(name_words(occ.span.surface, v.suffixes)):
            pool = by_surname.get(w.casefold()) or by_first.get(w.casefold())
            if pool:
                pool[0].absorb(occ, v.heads)
                break
    for d in drafts:
        if d.party and not d.country:
            d.country = party_country(d.party, v)
        _japanese_order(d, v)
    drafts.sort(key=lambda d: d.first_pos)
    return drafts


def _start_of(o: Occurrence) -> int:
    return o.span.start


def _other_gender(occ: Occurrence, d: Draft) -> bool:
    """Whether an occurrence and a person are told apart by gender ("Mr." and "first lady")."""
    return bool(occ.gender and d.gender and occ.gender != d.gender)


def _someone_else(occ: Occurrence, pool: list[Draft], v: Vocab) -> bool:
    """Whether a titled surname is a person of its own, not one of the people with that
    surname named in full: it comes before all of them, and each holds another office or is
    of the other gender. "President Ruiz welcomed ... First Lady Ana Ruiz" names two people."""
    if not occ.titled or any(d.first_pos <= occ.span.start for d in pool):
        return False
    return all(
        (d.roles and not same_office(d.roles, occ.roles, v)) or _other_gender(occ, d) for d in pool
    )


def _paternal_surname(name: str, v: Vocab) -> str | None:
    """The first of two surnames in a Spanish or Portuguese name of three words ("Ricardo
    Raineri Bernain" → "Raineri"), which the text may use alone; None for other shapes."""
    words = name_words(name, v.suffixes)
    folded = folded_words(v.particles)
    if len(words) != 3 or any(w.casefold() in folded or "-" in w for w in words):
        return None
    return words[1]


def _japanese_order(d: Draft, v: Vocab) -> None:
    """ "Defense Minister Sato Kenji" of Japan, later "Minister Sato": a Japanese name
    printed family-first in ordinary capitals is written given-first once the text uses its
    first word alone and never its last, which shows that the first word is the family name.
    Names of other countries, or whose last word stands alone, keep their order."""
    if d.country != "Japan" or len(d.parts) != 2:
        return
    words = name_words(" ".join(d.parts), v.suffixes)
    if len(words) != 2 or any(w.isupper() or "." in w for w in words):
        return
    alone = {s.casefold() for s in d.surfaces if len(s.split()) == 1}
    if words[0].casefold() in alone and words[1].casefold() not in alone:
        d.parts = (words[1], words[0])


def same_office(roles: list[str] | tuple[str, ...], titles: list[str], v: Vocab) -> bool:
    """Whether a person's roles share a head word with the titles a mention carries; a
    mention with no title fits anyone."""
    heads = {w for t in titles for w in role_words(t) if w in v.heads}
    if not heads:
        return True
    return any(heads & role_words(r) for r in roles)


def party_country(party: str, v: Vocab) -> str | None:
    hit = v.parties.get(party.casefold())
    return hit[1] if hit else None


def draft_name(d: Draft, v: Vocab) -> str:
    return display_name(d.parts, v.suffixes)


def alias_table(drafts: list[Draft], v: Vocab) -> dict[str, list[int]]:
    """Every form a person is written in (as printed, full name, surname) → people."""
    table: dict[str, list[int]] = {}
    for idx, d in enumerate(drafts):
        name = draft_name(d, v)
        forms = {name, *d.surfaces, surname(name, v)}
        for s in d.surfaces:
            forms.add(surname(s, v))
            words = name_words(s, v.suffixes)
            forms.update(w for w in words if w.isupper() and len(w) > 1)
        fam = family_first(name, v)
        if fam:
            forms.add(fam)
        for form in forms:
            if len(form) < 2 or form.casefold() in v.not_names:
                continue
            table.setdefault(form, [])
            if idx not in table[form]:
                table[form].append(idx)
    return table
