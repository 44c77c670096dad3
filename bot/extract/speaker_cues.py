"""Where a quotation names its speaker: the attribution beside its marks.

An attribution stands right beside the marks: after them (`“…,” Ana Paz said`, `“…,” said
Rep. Ana Paz (R-Ore.), a member of the panel`, a credit line `“…” ― Ana Paz`) or before them
(`Paz told reporters: “…”`). find_cue returns the subject phrase of that attribution, which
speaker_subjects.read_subject then reads. Cue words are data in config/speakers.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.speaker_phrases import PARTY_RE, Subject
from bot.extract.speaker_subjects import reporting_subject
from bot.extract.speaker_words import MARKS, SUBJECT_REACH, SpeakerCues


@dataclass(frozen=True)
class Cue:
    """An attribution beside a quotation: its subject phrase and where it stands."""

    where: str  # "after", "credit" or "before"
    start: int  # body offsets of the subject phrase
    end: int
    subject: Subject | None = None  # already read (before the marks)


#: A quotation that ends attached to what follows ("…,"), and what follows that attaches.
_ATTACHED_END_RE = re.compile(r"[,?!—–-]$")
_ATTACHED_ENDS = frozenset(",?!—–-")
_ATTACHED_START_RE = re.compile(r"\s*[,—–-]")
_BRACKETS_RE = re.compile(r"\([^()]*\)")


def find_cue(
    masked: str, start: int, end: int, closed: bool, para_end: int, cues: SpeakerCues
) -> Cue | None:
    """The attribution of the quotation whose inner text is masked[start:end], or None.

    `closed` says whether the quotation has a closing mark (at `end`). After the marks, a
    quotation that ends its sentence (`“… today.” Paz said ...` starts a new one) is attributed
    only by a credit line or a question (`“…?” Paz asked.`); before them, the verb must end
    right at the mark, with at most a colon, comma, "that" or an addressee between.
    """
    inner = masked[start:end].rstrip()
    if closed:
        rest = masked[end + 1 : min(para_end, end + 1 + SUBJECT_REACH + 40)]
        m = cues.credit.match(rest)
        if m and m.group("subj").strip():
            a = end + 1 + m.start("subj")
            return Cue("credit", a, a + len(m.group("subj").rstrip()))
        # `“…,” Paz said` / `“…?” asked Paz` / `“…” — Paz said`; not a partial quote inside a
        # sentence (`called it “a con” and urged ...`), nor one that ends its sentence
        inner = inner.rstrip("'’\"”")  # a quotation closing a nested one: ",'” said Paz"
        attached = _ends_attached(inner) or bool(_ATTACHED_START_RE.match(rest))
        # both patterns need a verb of the list after the marks: where none stands (half the
        # quotations), one scan for one tells so (a hyphen before the verb, "-said", hides it
        # from the scan, which wants no hyphen before a verb)
        if attached and (cues.verbs.search(rest) or "-" in rest):
            for pattern in (cues.after_inverted, cues.after_subject):
                m = pattern.match(rest)
                if m and _subject_ok(m.group("subj"), pattern is cues.after_subject):
                    a = end + 1 + m.start("subj")
                    return Cue("after", a, a + len(m.group("subj").rstrip(" ,")))
    open_at = start - 1
    lo = max(0, open_at - SUBJECT_REACH - 60)
    head = masked[lo:open_at]
    cut = _last_index(_LINE_OR_MARK_RE, head)  # the last line break or quotation mark
    m = before_match(head, cut, cues)
    if m is None:
        return None
    verb, verb_end = lo + m.start("verb"), lo + m.end("verb")
    found = reporting_subject(masked, lo + m.start("subj"), verb, verb_end, open_at, cues)
    if found is None:
        return None
    return Cue("before", found.start, found.end, found)


def _ends_attached(inner: str) -> bool:
    """`_ATTACHED_END_RE.search(inner)`, read from the end instead of tried at every character
    of the quotation: its last character (or the one before a final newline, where `$` also
    matches) is one of _ATTACHED_ENDS. "We will sign," ends attached; "We will sign." not."""
    if inner.endswith("\n"):
        return inner[-2:-1] in _ATTACHED_ENDS
    return inner[-1:] in _ATTACHED_ENDS


def before_match(head: str, cut: int, cues: SpeakerCues) -> re.Match[str] | None:
    """`cues.before.search(head, cut + 1)`, without its slow scan where it cannot match: from
    the start of the attribution's clause only, and only when a verb stands there."""
    pos = _clause_start(head, cut, cues.clause_breaks)
    # The attribution's verb stands after a space, so the verb pattern finds it too.
    return cues.before_search.search(head, pos) if cues.verbs.search(head, pos) else None


def _clause_start(head: str, cut: int, breaks: str) -> int:
    """Where an attribution before the marks may start in `head`: after `cut`, and after the
    last of `breaks` (see SpeakerCues.clause_breaks) but for a colon or comma at the end.
    In "Talks ended. Paz said: " that is right after "ended."; the search from there finds the
    same match."""
    if not breaks:
        return cut + 1
    core = head.rstrip()
    if core.endswith((":", ",")):
        core = core[:-1].rstrip()
    return max(cut, _last_index(_last_of(breaks), core)) + 1


#: The text up to the last line break or quotation mark (its match ends one past it).
_LINE_OR_MARK_RE = re.compile(rf"(?s:.*)[\n{MARKS}]")


@lru_cache(maxsize=8)
def _last_of(chars: str) -> re.Pattern[str]:
    """The text up to the last of `chars` (its match ends one past it): one match, to the end
    of the text and back to the character, instead of a reverse scan per character."""
    return re.compile(rf"(?s:.*)[{re.escape(chars)}]")


def _last_index(last: re.Pattern[str], text: str) -> int:
    """Where the character a _last_of pattern ends with last stands in `text`, or -1:
    `max(map(text.rfind, chars))`. With the marks and line breaks, "Paz: “A” said" gives 7."""
    m = last.match(text)
    return m.end() - 1 if m else -1


#: Words that open a clause of their own after a quotation.
_SUBORDINATORS = frozenset(
    "when while as after before because since if although though until unless whereas where "
    "and but or so then".split()
)
#: Lower-case words a subject phrase may open with: "the spokesman", "she", "one official".
_SUBJECT_OPENERS = frozenset(
    "the a an one two three some several many his her their its our my he she they it we i "
    "another both all other".split()
)


def _subject_ok(subj: str, verb_after: bool) -> bool:
    """A subject phrase is short, and (before its verb) not a clause of its own: it opens
    with a capital, a determiner or a pronoun ("the spokesman", "she"), not a verb ("and
    urged voters to ...")."""
    words = subj.replace(",", " ").split()
    if not words or len(words) > 24:
        return False
    if not verb_after:
        return True
    first = words[0].casefold()
    if first in _SUBORDINATORS:
        return False  # "“…,” when Paz attacked him": a new clause, not the attribution
    bare = PARTY_RE.sub(" ", _BRACKETS_RE.sub(" ", subj)).split()
    ends_named = bool(bare) and bare[-1][:1].isupper()  # "city police Chief Ana Paz"
    if not words[0][:1].isupper() and first not in _SUBJECT_OPENERS and not ends_named:
        return False
    return not (len(words) > 14 and "," not in subj)


__all__ = ["Cue", "find_cue"]
