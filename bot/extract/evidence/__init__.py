"""Evidence that a capitalised phrase is a person, read paragraph by paragraph.

A title before it ("Defense Minister Jonas Holm"), a parenthesis with a party or portfolio
after it ("Tom Berg (Vice Chancellor and Economy, Greens)"), an honorific ("Ms. Vogt"),
a middle initial ("Marco J. Reyes"), a reporting verb next to it ("said Paz"), a predecessor
list ("his predecessors, Lena Brandt (CDU) and ..."), an apposition ("Quinn, who also serves
as defense minister,", "Ana Paz, U.S. Ambassador to Peru,", "Jonas Kern, head of the transport
department,"), a country after it ("Annalena Vogt of Germany"), a party told around it
("who belongs to the Greens", "the FDP man Jonas Kern", "his party leader ..."). Each is an
Occurrence; titles with no name after them ("the Chancellor", "the SPD politician") are role
references the register resolves once everyone is known.

Where each rule lives: titled.py (titles before names, role references), affiliation.py (party
and country), appositions.py, brackets.py (parentheses, predecessor lists), name_shapes.py
(honorifics, initials, reporting and meeting verbs, full names); view.py holds the paragraph as
they read it, collector.py the Collector that runs them.
"""

from __future__ import annotations

from bot.extract.evidence.collector import Collector
from bot.extract.evidence.view import (
    Occurrence,
    ParagraphView,
    RoleRef,
    read_paragraph,
    token_flags,
    verb_re,
)

__all__ = [
    "Collector",
    "Occurrence",
    "ParagraphView",
    "RoleRef",
    "read_paragraph",
    "token_flags",
    "verb_re",
]
