"""Words of names as the speaker pass reads them: whether a name can be a person's, whether
a word before a name belongs to it ("Chief", "Sen." and "But" do not), and the runs of
capitalised words in a phrase that may be names."""

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


#: How a possessive word ends: "Paz's", "ministers'".
_POSSESSIVE = ("'s", "’s", "s'", "s’")


def possessive(token: str) -> bool:
    return token.endswith(_POSSESSIVE)


def is_name_word(token: str, cues: SpeakerCues) -> bool:
    low = token.casefold().rstrip(".\u2024")
    return token[:1].isupper() and low not in cues.titles and low not in cues.not_names


def name_runs(
    tokens: list[tuple[int, str]], text: str, offset: int, cues: SpeakerCues
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of capitalised words that may be a name, titles and
    sentence words dropped from its front ("Oslo police Chief Ana Paz" gives Oslo and Ana
    Paz; "Port Authority Chairman Ana Paz" gives Ana Paz); a possessive ends a run and names no one."""
    runs: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    prev_end = -10
    for token in tokens:
        pos, t = token
        cap = t[:1].isupper()
        if cap and cur and pos - prev_end <= 2 and not cur[-1][1].endswith(_POSSESSIVE):
            cur.append(token)
        else:
            if cur:
                runs.append(cur)
            cur = [token] if cap else []
        prev_end = pos + len(t)
    if cur:
        runs.append(cur)
    names: list[tuple[int, int, str]] = []
    for run in runs:
        while run and title_or_word(run[0][1], cues):
            run = run[1:]
        inner = [
            i for i, (_, t) in enumerate(run[:-1]) if t.casefold().rstrip(".\u2024") in cues.titles
        ]
        if inner:
            run = run[inner[-1] + 1 :]  # "Port Authority Chairman Ana Paz" is Ana Paz
        if run and not run[-1][1].endswith(_POSSESSIVE):
            a, b = run[0][0], run[-1][0] + len(run[-1][1])
            names.append((offset + a, offset + b, text[a:b].replace(STOP_MASK, ".")))
    return names


__all__ = ["is_name_word", "name_runs", "personal_name", "possessive", "title_or_word"]
