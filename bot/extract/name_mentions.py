"""Mentions of people by name: every printed form of a person's name, found in one pass.

The alias table (merging.py) maps each form a person is printed in ("Ana Paz", "Paz")
to the people it may stand for; this module finds every occurrence of those forms and decides
which person each one names when several share it.
"""

from __future__ import annotations

import re

from bot.extract.mentions import Mention, MentionText
from bot.extract.merging import Draft, draft_name, same_office
from bot.extract.name_scan import find_forms

_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]+$")


def name_mentions(
    t: MentionText, table: dict[str, list[int]], drafts: list[Draft]
) -> list[Mention]:
    """Every occurrence of a name form in the alias table, with the person it names.

    The longest form wins at each place ("Ana Ruiz" over "Ruiz"). A form several people share
    goes first to the one whose office the title right before it names ("Minister Han" and
    "President Han"), then to a titled person, then to the one known by that form alone
    ("President Ruiz and First Lady Ana Ruiz": "Ruiz" is the President), then to the one last
    named in full, then to the one named first.
    """
    if not table:
        return []
    forms = sorted(table, key=len, reverse=True)
    body = t.document.text
    out: list[Mention] = []
    last_full: dict[int, int] = {}
    for start, end in find_forms(body, forms):
        text = " ".join(body[start:end].split())
        cands = table.get(text) or []
        if not cands:
            continue
        if len(cands) > 1:
            # "Minister Han" and "President Han": the title before a shared name decides
            title = title_before(t, start)
            cands = [c for c in cands if same_office(drafts[c].roles, title, t.v)] or cands
        if len(cands) == 1:
            idx = cands[0]
        else:  # a shared surname: a titled person first, then one known by the surname
            # alone ("President Ruiz and First Lady Ana Ruiz"), then the one last named in full
            idx = max(
                cands,
                key=lambda c: (
                    bool(drafts[c].roles),
                    draft_name(drafts[c], t.v) == text,
                    last_full.get(c, -1),
                    -drafts[c].first_pos,
                ),
            )
        if " " in text:  # more than one word (the words are joined by single spaces)
            last_full[idx] = start
        out.append(Mention(idx, start, end, "name", text, t.in_quote(start)))
    return out


def title_before(t: MentionText, pos: int) -> list[str]:
    """The title word printed right before a name at `pos` ("Minister" in "Minister Han").

    Only a word of the title heads counts, and only within 40 characters, so the look-back
    stays constant per mention: "said Han" gives nothing, "Minister Han" gives ["Minister"].
    """
    m = _WORD_BEFORE_RE.search(t.document.text, max(0, pos - 40), pos)
    if m and m.group(1).casefold() in t.v.heads:
        return [m.group(1)]
    return []
