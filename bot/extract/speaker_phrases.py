"""What one comma-free subject phrase names, read once per phrase and shifted to its place.

speaker_subjects.read_subject cuts an attribution's subject into clause parts; each part is a
phrase read here: "Rep. Ana Paz (R-Ore.)" is the name Ana Paz, "the German chancellor" a
description, "the G-7 leaders" a group, "the statement by the G-7 finance ministers" those
ministers (a document speaks for its issuer). A document names its speakers again and again,
so a phrase is read once at offset 0 and its Subject shifted to each place it stands.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract.memo import BoundedMemo
from bot.extract.speaker_name_words import is_name_word, name_runs
from bot.extract.speaker_words import STOP_MASK, SpeakerCues

#: A determiner opening a phrase: "the", "some".
_DETERMINER_RE = re.compile(r"^(?i:the|a|an|some|several|many|all)\s+")
#: A bracketed stretch: "(R-Ore.)".
_BRACKETS_RE = re.compile(r"\([^()]*\)")
#: Words a group phrase may open with: "the G-7 leaders", "several groups".
_GROUP_OPENERS = frozenset("the a some several many all both other two three four five".split())

#: A party tag after a name: "R-Ore." (masked stop included).
PARTY_RE = re.compile(r"\b[RDI]-[A-Z][\w\u2024.]*")
_DETERMINERS = frozenset("a an the one another this that his her their its".split())
_MODIFIER_WORDS = frozenset("of on in at from during via with to for".split())
_TOKEN_RE = re.compile(r"[^\W_][\w'’\u2024.-]*")


def _titled_name_after(tokens: list[tuple[int, str]], cues: SpeakerCues) -> bool:
    """Whether a title and a name follow: in "Ministry of Commerce Spokesman Ana Paz" the
    phrase after "of" goes on to the person, so "of" is no trailing modifier to cut at."""
    words = [t for _, t in tokens]
    return any(
        w.casefold().rstrip(".\u2024") in cues.titles and is_name_word(words[k + 1], cues)
        for k, w in enumerate(words[:-1])
    )


def _shifted(found: Subject, by: int) -> Subject:
    """A subject read in a sentence, with body offsets."""
    names = tuple([(a + by, b + by, t) for a, b, t in found.names]) if found.names else ()
    return Subject(found.kind, found.text, found.start + by, found.end + by, found.gender, names)


class Subject(NamedTuple):
    """What an attribution's subject phrase names.

    A named tuple rather than a frozen dataclass: the speaker pass makes one for every phrase
    it reads and shifts each remembered one to where it stands, and a tuple is built in one
    call where a frozen dataclass sets each field in turn. Example: `Subject("name", "Ana
    Paz", 10, 17)` is the name Ana Paz at offsets 10-17, with no gender and no name runs.
    """

    kind: str  # "name", "pronoun", "description", "group", "document" or "none"
    text: str  # the name, pronoun, head noun or group phrase
    start: int  # body offsets of `text` (of the whole phrase for descriptions)
    end: int
    gender: str | None = None  # m / f when the phrase says so
    names: tuple[tuple[int, int, str], ...] = ()  # every name run in the phrase, for a lookup


def _blank(m: re.Match[str]) -> str:
    """Spaces as long as a match: masking it keeps every offset after it."""
    return " " * len(m.group(0))


#: The most phrases remembered per lexicon, and the longest one remembered, in characters.
PHRASE_MEMO = 4096
PHRASE_MEMO_CHARS = 200
_PHRASES = BoundedMemo(PHRASE_MEMO)  # phrase -> (the cues it was read with, its Subject)


def _read_phrase(text: str, offset: int, cues: SpeakerCues) -> Subject:
    """What one comma-free phrase names (see read_subject), remembered per phrase.

    What a phrase names depends on its text alone; its offsets only shift with `offset`
    (every offset in the Subject is `offset` plus one within the phrase). A document names
    its speakers again and again ("Paz", "the spokesman"): each short phrase is read once at
    offset 0 and shifted for each place it stands. The memo holds at most PHRASE_MEMO
    phrases of at most PHRASE_MEMO_CHARS characters.
    """
    if len(text) > PHRASE_MEMO_CHARS:
        return _phrase_subject(text, offset, cues)
    hit = _PHRASES.get(text)
    if hit is not None and hit[0] is cues:
        found = hit[1]
    else:
        found = _phrase_subject(text, 0, cues)
        _PHRASES.put(text, (cues, found))
    return _shifted(found, offset) if offset else found


def _phrase_subject(text: str, offset: int, cues: SpeakerCues) -> Subject:
    """What one comma-free phrase names, read (see read_subject)."""
    clean = _BRACKETS_RE.sub(_blank, text) if "(" in text else text  # "(R-Ore.)"
    clean = PARTY_RE.sub(_blank, clean) if "-" in clean else clean  # "R-Ore."
    tokens = [(m.start(), m.group(0)) for m in _TOKEN_RE.finditer(clean)]
    lows = [t.casefold() for _, t in tokens]  # each token folded once, read by every rule
    # where a post-modifier may start: "of", "on", "for" after the first word (most phrases
    # hold none: one set test instead of a test per word)
    mods = (
        [i for i, w in enumerate(lows) if i and w in _MODIFIER_WORDS]
        if not _MODIFIER_WORDS.isdisjoint(lows)
        else []
    )
    # trailing modifiers after a name: "Mr. Varga of the harbor board", "Paz on Monday"
    for i in mods:
        if any(is_name_word(x, cues) for _, x in tokens[:i]) and not _titled_name_after(
            tokens[i + 1 :], cues
        ):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and tokens[-1][1] in cues.adverbs:
        tokens = tokens[:-1]  # "the board is (defending)", "Paz has also (said)"
    if not tokens:
        return Subject("none", "", offset, offset)
    del lows[len(tokens) :]
    if not cues.documents.isdisjoint(lows[:4]):  # "the statement by ...": only a document's
        issuer = _issued_by(tokens, text, offset, cues)
        if issuer is not None:
            return issuer
    end = tokens[-1][0] + len(tokens[-1][1])
    names = name_runs(tokens, text, offset, cues)
    # the head noun stands before a post-modifier: "a spokesman for the ministry"
    head_at = mods[0] - 1 if mods and mods[0] < len(tokens) else len(tokens) - 1
    head_token = tokens[head_at][1]
    last = lows[head_at].strip(".\u2024")
    words = {w.strip(".\u2024") for w in lows}
    gender = "m" if words & cues.male else "f" if words & cues.female else None
    first = tokens[0][1]
    grouped = first[:1].isupper() or first[:1].isdigit() or lows[0] in _GROUP_OPENERS
    # a group's head within its first six words, whatever modifies it after: "the foreign
    # ministers of Norway and Chile" is that group, not Chile
    if head_token[:1].islower() and last in cues.group_heads and grouped and head_at < 6:
        return Subject("group", _core(text, end), offset, offset + end)
    described = lows[0] in _DETERMINERS and head_token[:1].islower()
    if head_token[:1].islower() and last in cues.documents:
        # "the Harbor Board report stated": a document speaks for its issuer (quotes.py finds them)
        issuer = [
            n for n in names if n[1] <= offset + tokens[head_at][0]
        ]  # "the Harbor Board report"
        return Subject("document", last, offset, offset + end, None, tuple(issuer))
    if described and not (last in cues.group_heads and grouped):
        # "a top Ruiz surrogate", "a member of the Harbor Council": a description, not
        # the name in it; one of a person only with a person's head noun
        kind = "description" if last in cues.person_heads or last in cues.titles else "none"
        return Subject(kind, last, offset, offset + end, gender)
    if names:
        # a run of two words or more first ("city police Chief Ana Paz" is Ana Paz), else the last
        best = max(names, key=lambda n: (" " in n[2], n[0]))
        return Subject("name", best[2], best[0], best[1], gender, tuple(names))
    if last in cues.person_heads or last in cues.titles:
        return Subject("description", last, offset, offset + end, gender)
    if last in cues.group_heads:
        return Subject("group", _core(text, end), offset, offset + end)
    return Subject("none", _core(text, end), offset, offset + end)


def _core(text: str, end: int) -> str:
    """A group's or an unread phrase's words up to `end`, its determiner dropped and stops
    unmasked: "the G-7 leaders" gives "G-7 leaders". Read only for the phrases that print it."""
    return _DETERMINER_RE.sub("", text[:end].strip()).replace(STOP_MASK, ".")


def _issued_by(
    tokens: list[tuple[int, str]], text: str, offset: int, cues: SpeakerCues
) -> Subject | None:
    """The issuer a document phrase names after "by" or "from", as the subject it stands for:
    "the joint statement by the G-7 finance ministers" speaks as those ministers, "a letter
    from Ana Paz" as Paz. None when the phrase is no such document or the issuer no one."""
    for i, (_, t) in enumerate(tokens[:4]):
        if i + 2 >= len(tokens) or t.casefold() not in cues.documents:
            continue
        if tokens[i + 1][1] not in {"by", "from"}:
            return None
        a = tokens[i + 2][0]
        found = _read_phrase(text[a:], offset + a, cues)
        return found if found.kind in {"name", "group"} else None
    return None


def _gender_of(word: str, cues: SpeakerCues) -> str | None:
    kind = cues.pronouns.get(word)
    return kind if kind in {"m", "f"} else None
