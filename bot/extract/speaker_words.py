"""The cue words of config/speakers.yaml, compiled once per lexicon, and the masking of
abbreviation stops.

Abbreviation stops ("Mr.", "(R-Ore.)", "Ivo K. Brandt") are masked (mask_stops) before a
subject phrase is read, so the phrase runs over them instead of ending there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.alternation import Alternation
from bot.extract.lexicon import Lexicon
from bot.extract.tail_search import TailSearch
from bot.extract.word_patterns import (
    first_letter_alternation,
    grouped_alternation,
    word_alternatives,
)

#: The character that stands in for an abbreviation's full stop in masked text.
STOP_MASK = "\u2024"
#: The longest subject phrase read beside a quotation, in characters.
SUBJECT_REACH = 160
#: Quotation marks: a subject phrase never runs over one.
MARKS = '"“”„«»'


@dataclass(frozen=True)
class SpeakerCues:
    """The compiled cue lists of config/speakers.yaml."""

    after_inverted: re.Pattern[str]  # `, said X` after the closing mark
    after_subject: re.Pattern[str]  # `, X said` after the closing mark
    credit: re.Pattern[str]  # `― Ana Paz` after the closing mark
    before: re.Pattern[str]  # `X said:` before the opening mark
    before_search: TailSearch  # `before.search`, each place read once
    verbs: re.Pattern[str]
    verb_scan: Alternation  # the same verbs, for a whole document (matched by first letter)
    abbreviations: re.Pattern[str]
    #: The abbreviations, when each is one word: mask_stops then finds "word." and looks the
    #: word up instead of trying every abbreviation at every word.
    abbreviation_words: frozenset[str] | None
    pronouns: dict[str, str]  # he -> m ...
    male: frozenset[str]
    female: frozenset[str]
    male_pronouns: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    female_pronouns: frozenset[str]
    group_heads: frozenset[str]
    person_heads: frozenset[str]
    documents: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    adverbs: frozenset[str]
    org_words: frozenset[str]
    new_person_openers: frozenset[str]
    #: What no `before` attribution holds but for a colon at its end: sentence punctuation,
    #: colons and marks ("" when a verb or adverb holds one: then nothing is ruled out).
    clause_breaks: str = ""


def _alternation(words: tuple[str, ...]) -> str:
    """One alternation, longest word first, grouped by first letter (grouped_alternation)."""
    return grouped_alternation(sorted(set(words), key=len, reverse=True))


def _verbs_scan(words: tuple[str, ...]) -> str:
    """`(?<![\\w-])(?:` + `_alternation(words)` + `)`, written to open with the words' first
    letters (word_patterns.py): `re` skips in C to where one of them stands."""
    if not words or not all(words):
        return rf"(?<![\w-])(?:{_alternation(words)})"
    ordered = sorted(set(words), key=len, reverse=True)
    return first_letter_alternation(word_alternatives(ordered), r"[\w-]")


def _folded(lexicon: Lexicon, *keys: str) -> frozenset[str]:
    return frozenset(w.casefold().rstrip(".") for k in keys for w in lexicon.word_list(k))


@lru_cache(maxsize=8)
def speaker_cues(lexicon: Lexicon) -> SpeakerCues:
    """The cue lists of one lexicon, compiled once."""
    verbs = _alternation(lexicon.word_list("speaker_verbs"))
    adverbs = _alternation(lexicon.word_list("speaker_adverbs"))
    adv = rf"(?:(?i:{adverbs})\s+)*" if adverbs else ""
    listed_abbrs = lexicon.word_list("abbreviations")
    abbrs = _alternation(listed_abbrs)
    subject = rf"[^.!?;:{MARKS}\n]"
    kinds = lexicon.words.get("speaker_pronoun_kinds") or {}
    before_rest = (
        rf"\s+{adv}(?P<verb>(?:{verbs}))\b"
        rf"(?:\s+(?:that|reporters|journalists|him|her|them|me|us|the\s+\w+|[A-Z]\w+))?"
        rf"(?:\s+(?:on|in|at|during|via|by)\s+[^.!?;:{MARKS}\n]{{1,50}}?)?"
        r"\s*[:,]?\s*$"
    )
    before = re.compile(rf"(?P<subj>{subject}{{1,{SUBJECT_REACH}}}?){before_rest}")
    titles = _folded(lexicon, "name_titles", "person_heads")
    breaks = ".!?;:" + MARKS
    listed = (*lexicon.word_list("speaker_verbs"), *lexicon.word_list("speaker_adverbs"))
    clause_breaks = "" if any(c in w for w in listed for c in breaks) else breaks
    return SpeakerCues(
        after_inverted=re.compile(
            rf"^[\s,]*(?:[—–-]+\s*)?{adv}(?:{verbs})\b\s+(?P<subj>{subject}{{1,{SUBJECT_REACH}}})"
        ),
        after_subject=re.compile(
            rf"^[\s,]*(?:[—–-]+\s*)?(?P<subj>{subject}{{1,{SUBJECT_REACH}}}?)\s+{adv}(?:{verbs})\b"
        ),
        credit=re.compile(
            rf"^[^\S\n]*[―—–]+[^\S\n]*(?P<subj>[A-Z][^.!?;:{MARKS}\n]{{0,60}}?)[^\S\n]*\.?[^\S\n]*(?:\n|$)"
        ),
        before=before,
        before_search=TailSearch(
            before, re.compile(before_rest), re.compile(rf"[.!?;:{MARKS}\n]"), SUBJECT_REACH
        ),
        # lower case only ("the United States" holds no verb), and not in "so-called"
        verbs=re.compile(rf"(?:{_verbs_scan(lexicon.word_list('speaker_verbs'))})\b"),
        verb_scan=Alternation(
            tuple(
                (w[0], re.escape(w).replace(r"\ ", r"\s+"))
                for w in sorted(set(lexicon.word_list("speaker_verbs")), key=len, reverse=True)
            ),
            r"(?<![\w-])",
            r"\b",
        ),
        abbreviations=re.compile(rf"\b(?:{abbrs}|[A-Z])\.|{_OTHER_STOPS}"),
        abbreviation_words=(
            frozenset(listed_abbrs)
            if listed_abbrs and all(_WORD_RE.fullmatch(a) for a in listed_abbrs)
            else None
        ),
        pronouns={str(k).casefold(): str(v) for k, v in dict(kinds).items()},
        male=_folded(lexicon, "male_cues", "male_words"),
        female=_folded(lexicon, "female_cues", "female_words"),
        male_pronouns=_folded(lexicon, "male_pronouns"),
        male_names=_folded(lexicon, "male_given_names"),
        female_names=_folded(lexicon, "female_given_names"),
        female_pronouns=_folded(lexicon, "female_pronouns"),
        group_heads=_folded(lexicon, "group_heads"),
        person_heads=_folded(lexicon, "person_heads"),
        documents=_folded(lexicon, "speaker_documents", "document_nouns"),
        titles=titles,
        not_names=_folded(lexicon, "speaker_not_names"),
        adverbs=_folded(lexicon, "speaker_adverbs"),
        org_words=_folded(lexicon, "org_words"),
        new_person_openers=_folded(lexicon, "new_person_openers"),
        clause_breaks=clause_breaks,
    )


def mask_stops(text: str, cues: SpeakerCues) -> str:
    """The text with abbreviation stops replaced by STOP_MASK, offsets kept.

    "Rep. Ana Paz (R-Ore.) said." -> "Rep\u2024 Ana Paz (R-Ore\u2024) said." (the last stop stays).

    With one-word abbreviations, the result is `_WORD_STOP_RE.sub` masking each match's stops
    unless the match is a "word." whose word is not listed and no single capital ("said."
    stays, "Rep." is masked). Only stops change, so the text is read stop by stop (a stop is
    rare; a word is not): a stop inside a short bracket is masked; else the word run before
    it is read (through the reversed text, in C) and the stop masked when the run is a
    party-state tag ("R-Ore."), a listed word or a capital. This is what the scan does: a
    bracket match holds no other bracket, a "word." or tag match no bracket, and each
    match's last stop is the one after its word run. tests/extract/test_speaker_cues.py
    compares the two.
    """
    words = cues.abbreviation_words
    if words is None:
        return cues.abbreviations.sub(lambda m: m.group(0).replace(".", STOP_MASK), text)
    stop = text.find(".")
    if stop < 0:
        return text  # every match that changes the text holds a stop
    brackets = [m.span() for m in _BRACKET_RE.finditer(text)]
    n, k = len(text), 0
    rev = text[::-1]
    masked: list[int] = []
    while stop >= 0:
        while k < len(brackets) and brackets[k][1] <= stop:
            k += 1
        if k < len(brackets) and brackets[k][0] < stop:
            masked.append(stop)  # "(R-Ore.)": inside a short bracket
        else:
            start = stop - (_RUN_RE.match(rev, n - stop).end() - (n - stop))
            if start < stop and (
                _is_tag(text, start)
                or text[start:stop] in words
                or _CAPITAL_RE.fullmatch(text, start, stop)
            ):
                masked.append(stop)
        stop = text.find(".", stop + 1)
    if not masked:
        return text
    out, last = [], 0
    for i in masked:
        out += (text[last:i], STOP_MASK)
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def _is_tag(text: str, start: int) -> bool:
    """Whether the word run at `start` (before a stop) ends a party-state tag, "R-Ore.":
    `\\b[RDI]-[A-Z]\\w*\\.` with the run as `[A-Z]\\w*`."""
    return (
        start >= 2
        and text[start - 1] == "-"
        and text[start - 2] in "RDI"
        and "A" <= text[start] <= "Z"
        and (start == 2 or not _WORD_CHAR_RE.match(text, start - 3))
    )


#: The stops mask_stops masks besides a listed word's or a capital's: a short bracket
#: ("(R-Ore.)") and a party-state tag ("R-Ore.").
_OTHER_STOPS = r"\([^()\n]{0,40}\)|\b[RDI]-[A-Z]\w*\."
_WORD_STOP_RE = re.compile(rf"\b(?P<word>\w+)\.|{_OTHER_STOPS}")
_BRACKET_RE = re.compile(r"\([^()\n]{0,40}\)")
_RUN_RE = re.compile(r"\w*")  # in the reversed text: the word run before a stop, reversed
_WORD_CHAR_RE = re.compile(r"\w")
_WORD_RE = re.compile(r"\w+")
_CAPITAL_RE = re.compile(r"[A-Z]")


__all__ = ["MARKS", "STOP_MASK", "SUBJECT_REACH", "SpeakerCues", "mask_stops", "speaker_cues"]
