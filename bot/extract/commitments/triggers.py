"""Which commitment cue patterns can match a sentence at all (see bot/extract/triggers.py).

Every pattern find_cues scans a whole sentence with needs phrases of config lists in each
match: "strong" a `commitment_cues` phrase ("pledged", "agreed to"), "signing" a
`signing_verbs` phrase and an `agreement_nouns` one ("signed a memorandum"), "deadline" a
`deadline_modals` phrase and the word "be" ("should be passed by"). A sentence that lacks the
words of every phrase of one of them is not scanned for the pattern.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.triggers import (
    Triggers,
    list_requirement,
    needs_of,
    requirement,
)

#: For each pattern field of CuePatterns, what every match holds as whole words: a phrase of
#: each config list named ("a|b": of either list), and each word given as "=word".
PATTERN_NEEDS: Mapping[str, tuple[str, ...]] = {
    "strong": ("commitment_cues",),
    "conditional": ("conditional_cues",),
    "modal": ("modal_cues",),
    "blocker": ("noncommitment_cues",),
    "exhortation": ("exhortation_modals", "exhortation_verbs"),
    "possessive": ("commitment_nouns",),
    "restated": ("commitment_nouns", "owner_markers"),
    "forward": ("forward_cues", "forward_gerunds|forward_nouns"),
    "purpose_noun": ("purpose_nouns", "purpose_verbs"),
    "agenda": ("agenda_participles", "=be"),
    "stated_purpose": ("purpose_owners", "purpose_statement_nouns"),
    "praised": ("praise_verbs", "praised_plan_nouns"),
    "praise": ("praise_verbs",),
    "outcome": ("outcome_verbs", "outcome_nouns"),
    "meeting": ("meeting_verbs",),
    "object_aim": ("object_aim_cues", "object_aim_openers"),
    "deadline": ("deadline_modals", "=be"),
    "welcome_plan": ("welcome_verbs", "welcome_plan_nouns"),
    "welcome": ("welcome_verbs", "welcome_nouns", "=of"),
    "signing": ("signing_verbs", "agreement_nouns"),
    "announce": ("announce_verbs", "announce_nouns"),
    "restate": ("restate_verbs",),
}


def _need(lexicon: Lexicon, spec: str):
    """One requirement of PATTERN_NEEDS: "=be" the word "be", "a|b" a phrase of list a or b."""
    if spec.startswith("="):
        return requirement([frozenset({spec[1:]})])
    return list_requirement(p for key in spec.split("|") for p in lexicon.word_list(key))


@lru_cache(maxsize=8)
def cue_triggers(lexicon: Lexicon) -> Triggers:
    """The requirements of `lexicon`'s cue patterns (cached per lexicon object)."""
    return Triggers(
        {
            name: needs_of(*(_need(lexicon, spec) for spec in specs))
            for name, specs in PATTERN_NEEDS.items()
        }
    )
