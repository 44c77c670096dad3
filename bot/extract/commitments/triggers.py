"""Which commitment cue patterns can match a sentence at all (see bot/extract/triggers.py).

Every pattern find_cues scans a whole sentence with needs a phrase of one config list in the
match: "strong" a `commitment_cues` phrase ("pledged", "agreed to"), "signing" a
`signing_verbs` one. A sentence that holds no word of the list's phrases is not scanned for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.triggers import Triggers, key_words

#: For each pattern field of CuePatterns, the config list one of whose phrases every match holds.
PATTERN_LISTS: Mapping[str, str] = {
    "strong": "commitment_cues",
    "conditional": "conditional_cues",
    "modal": "modal_cues",
    "blocker": "noncommitment_cues",
    "exhortation": "exhortation_modals",
    "possessive": "commitment_nouns",
    "restated": "commitment_nouns",
    "forward": "forward_cues",
    "purpose_noun": "purpose_nouns",
    "agenda": "agenda_participles",
    "stated_purpose": "purpose_owners",
    "praised": "praise_verbs",
    "praise": "praise_verbs",
    "outcome": "outcome_verbs",
    "meeting": "meeting_verbs",
    "object_aim": "object_aim_cues",
    "deadline": "deadline_modals",
    "welcome_plan": "welcome_verbs",
    "welcome": "welcome_verbs",
    "signing": "signing_verbs",
    "announce": "announce_verbs",
    "restate": "restate_verbs",
}


@lru_cache(maxsize=8)
def cue_triggers(lexicon: Lexicon) -> Triggers:
    """The trigger words of `lexicon`'s cue patterns (cached per lexicon object)."""
    return Triggers(
        {name: key_words(lexicon.word_list(key)) for name, key in PATTERN_LISTS.items()}
    )
