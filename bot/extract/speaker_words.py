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
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


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
        verbs=re.compile(rf"(?<![\w-])(?:{verbs})\b"),
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

    With one-word abbreviations, `cues.abbreviations` matches "X." at a word's start only
    where X is the whole word (a dot follows it): so each "word." is found once and kept
    unless the word is listed or a single capital ("said." stays, "Rep." is masked). The
    other alternatives cannot start inside a "word." (they open with "(" or "R-"), so the
    matches, and the text, are those of `cues.abbreviations.sub`.
    """
    words = cues.abbreviation_words
    if words is None:
        return cues.abbreviations.sub(lambda m: m.group(0).replace(".", STOP_MASK), text)

    def mask(m: re.Match[str]) -> str:
        word = m.group("word")
        if word is not None and word not in words and not _CAPITAL_RE.fullmatch(word):
            return m.group(0)  # "said.": no abbreviation
        return m.group(0).replace(".", STOP_MASK)

    return _WORD_STOP_RE.sub(mask, text)


#: The stops mask_stops masks besides a listed word's or a capital's: a short bracket
#: ("(R-Ore.)") and a party-state tag ("R-Ore.").
_OTHER_STOPS = r"\([^()\n]{0,40}\)|\b[RDI]-[A-Z]\w*\."
_WORD_STOP_RE = re.compile(rf"\b(?P<word>\w+)\.|{_OTHER_STOPS}")
_WORD_RE = re.compile(r"\w+")
_CAPITAL_RE = re.compile(r"[A-Z]")


__all__ = ["MARKS", "STOP_MASK", "SUBJECT_REACH", "SpeakerCues", "mask_stops", "speaker_cues"]
