"""Which date patterns and tense markers can match a sentence at all (see
bot/extract/triggers.py).

"rel_day" needs a `relative_days` phrase ("today", "the day after tomorrow"), "season" a
season's name, "duration" the word "day" or "days", the past tense marker a `past_markers`
word ("was", "ago"); a sentence without the words of any of those phrases is not scanned for
them. A span phrase is a template around a number ("{n} years ago"): the words that stand
apart from the number ("years", "ago") are the ones to look for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.triggers import Requirement, Triggers, list_requirement, needs_of, requirement

#: Date patterns (date_words.py kinds) and tense patterns, with the config list whose phrase
#: every match holds as whole words.
PHRASE_LISTS: Mapping[str, str] = {
    "rel_day": "relative_days",
    "rel_week": "relative_weeks",
    "rel_month": "relative_months",
    "rel_year": "relative_years",
    "season": "seasons",
    "weekday": "weekdays",
    "future": "future_markers",
    "past": "past_markers",
    "forward": "forward_markers",
    "anniversary": "anniversary_words",
}
#: Date patterns read from templates around a number ("the next {n} years").
TEMPLATE_LISTS: Mapping[str, str] = {
    "future_span": "future_year_spans",
    "past_span": "past_year_spans",
    "past_point": "past_year_points",
}
_WORD_RE = re.compile(r"\w+")


def template_words(template: str) -> frozenset[str]:
    """The plain words of a template that stand apart from its number, lower-cased: "the next
    {n} years" gives the, next, years; "{n}th year" gives year ("5th" is one word)."""
    parts = template.split("{n}")
    return frozenset(
        m.group(0).lower()
        for i, part in enumerate(parts)
        for m in _WORD_RE.finditer(part)
        if (m.start() > 0 or i == 0)
        and (m.end() < len(part) or i == len(parts) - 1)
        and m.group(0).isascii()
    )


@lru_cache(maxsize=8)
def date_triggers(lexicon: Lexicon) -> Triggers:
    """The requirements of `lexicon`'s date and tense patterns (cached per lexicon object)."""
    needs: dict[str, tuple[Requirement, ...]] = {
        kind: needs_of(list_requirement(lexicon.word_list(key)))
        for kind, key in PHRASE_LISTS.items()
    }
    for kind, key in TEMPLATE_LISTS.items():
        needs[kind] = needs_of(requirement(template_words(t) for t in lexicon.word_list(key)))
    needs["duration"] = needs_of(requirement([frozenset({"day"}), frozenset({"days"})]))
    return Triggers(needs)
