"""Words of names as the speaker pass reads them: whether a name can be a person's, and
whether a word before a name belongs to it ("Chief", "Sen." and "But" do not)."""

from __future__ import annotations

import re

from bot.extract.speaker_words import STOP_MASK, SpeakerCues

#: An initial or an acronym alone: "J.", "EU": no person's name.
_INITIALS_RE = re.compile(r"[A-Z]\.|[A-Z]{2,}")

#: A word of a person's name: "Paz", "J.".
_PERSONAL_WORD_RE = re.compile(r"[A-Z][\w'’-]*|[A-Z]\.")


def personal_name(name: str, cues: SpeakerCues) -> bool:
    """Whether a name can be a person's ("Ana Paz", "Paz"), not a body's or a place's ("the
    Harbor Council", "Labour Party", "U.S.")."""
    words = name.replace(STOP_MASK, ".").split()
    folded = [w.casefold().strip(".,") for w in words]
    if not words or any(w in cues.org_words or w in cues.titles for w in folded):
        return False
    return all(_PERSONAL_WORD_RE.fullmatch(w) for w in words) and not (
        len(words) == 1 and _INITIALS_RE.fullmatch(words[0])
    )


def title_or_word(token: str, cues: SpeakerCues) -> bool:
    """ "Chief", "Sen.", "But": a word before a name that is not part of it."""
    low = token.casefold().rstrip(".\u2024")
    return low in cues.titles or low in cues.not_names


def possessive(token: str) -> bool:
    return token.endswith(("'s", "’s", "s'", "s’"))


def is_name_word(token: str, cues: SpeakerCues) -> bool:
    low = token.casefold().rstrip(".\u2024")
    return token[:1].isupper() and low not in cues.titles and low not in cues.not_names


__all__ = ["is_name_word", "personal_name", "possessive", "title_or_word"]
