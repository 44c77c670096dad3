"""Which date patterns and tense markers can match a sentence at all (see
bot/extract/triggers.py).

"rel_day" needs a `relative_days` phrase ("today", "the day after tomorrow"), "season" a
season's name, "duration" the word "day" or "days", the past tense marker a `past_markers`
word ("was", "ago"); a sentence without any of those words is not scanned for them. A span
phrase is a template around a number ("{n} years ago"): its longest word that stands apart
from the number ("years") is the one to look for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.triggers import Triggers, key_words

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


def template_words(templates: Iterable[str]) -> frozenset[str] | None:
    """For each template, its longest word that stands apart from the number: "the next {n}
    years" gives "years", "{n} years ago" gives "years" (a word written onto the number, as in
    "{n}th", would be part of another word). None when a template has none."""
    out = set()
    for template in templates:
        parts = template.split("{n}")
        apart = [
            m.group(0)
            for i, part in enumerate(parts)
            for m in _WORD_RE.finditer(part)
            if (m.start() > 0 or i == 0) and (m.end() < len(part) or i == len(parts) - 1)
        ]
        word = max(reversed(apart), key=len) if apart else ""
        if not word.isascii() or not word:
            return None
        out.add(word.lower())
    return frozenset(out)


@lru_cache(maxsize=8)
def date_triggers(lexicon: Lexicon) -> Triggers:
    """The trigger words of `lexicon`'s date and tense patterns (cached per lexicon object)."""
    needs: dict[str, frozenset[str] | None] = {
        kind: key_words(lexicon.word_list(key)) for kind, key in PHRASE_LISTS.items()
    }
    needs.update(
        {kind: template_words(lexicon.word_list(key)) for kind, key in TEMPLATE_LISTS.items()}
    )
    needs["duration"] = frozenset({"day", "days"})
    return Triggers(needs)
