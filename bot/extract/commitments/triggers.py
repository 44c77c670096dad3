"""Which cue patterns can match a sentence at all, told from the words it holds.

Every pattern that find_cues scans a whole sentence with needs one phrase of a config list in
the match ("strong" needs a `commitment_cues` phrase, "signing" a `signing_verbs` one), and
each such phrase stands as whole words. So the pattern can only match a sentence that holds
the first word of one of those phrases: "The weather was fine." holds none of "pledged",
"agreed", "signed" ..., and the ~25 scans that would each find nothing are skipped. A skipped
pattern is one that would have found nothing, so the cues found are the same.

The words are compared lower-cased. Four letters match an ASCII letter when case is ignored
but do not lower-case to it ("ſ" matches "s", "İ" matches "i"); a sentence holding one of them
is scanned with every pattern, and so is a pattern whose list has a phrase with no plain first
word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.lexicon import Lexicon

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
#: Letters that match an ASCII letter when case is ignored but do not lower-case to it.
ODD_CASE = frozenset("İıſK")
_WORD_RE = re.compile(r"\w+")


def sentence_words(text: str) -> frozenset[str] | None:
    """The sentence's words, lower-cased ("We’ll sign" gives we, ll, sign), or None when it
    holds a letter of ODD_CASE (then every pattern must run)."""
    if not ODD_CASE.isdisjoint(text):
        return None
    return frozenset(w.lower() for w in _WORD_RE.findall(text))


def first_words(phrases: tuple[str, ...]) -> frozenset[str] | None:
    """The first word of each phrase, lower-cased ("'ll" gives "ll", "looked forward to"
    "looked"), or None when a phrase has no ASCII first word to look for."""
    out = set()
    for phrase in phrases:
        m = _WORD_RE.search(phrase)
        if m is None or not m.group(0).isascii():
            return None
        out.add(m.group(0).lower())
    return frozenset(out)


@dataclass(frozen=True)
class Triggers:
    """For each pattern, the words one of which a sentence must hold for it to match (None:
    always run it)."""

    needs: Mapping[str, frozenset[str] | None]

    def may_match(self, pattern: str, words: frozenset[str] | None) -> bool:
        """Whether `pattern` can match a sentence of these words: triggers(lexicon)
        .may_match("signing", sentence_words("They met.")) is False."""
        need = self.needs[pattern]
        return words is None or need is None or not need.isdisjoint(words)


def scan(
    trig: Triggers, words: frozenset[str] | None, name: str, pattern: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of pattern `name` in `text`, or none without a scan when the sentence
    lacks every word the pattern needs."""
    return pattern.finditer(text) if trig.may_match(name, words) else iter(())


@lru_cache(maxsize=8)
def triggers(lexicon: Lexicon) -> Triggers:
    """The trigger words of `lexicon`'s patterns (cached per lexicon object)."""
    return Triggers(
        {name: first_words(lexicon.word_list(key)) for name, key in PATTERN_LISTS.items()}
    )
