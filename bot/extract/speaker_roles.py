"""Descriptions, offices and groups as speakers: what "the spokeswoman", "the Foreign
Secretary" or "the ministers" stand for.

- a description goes to the register's holder of that role, else to the last person the text
  described so ("Ana Paz, a spokeswoman"), else like a pronoun of its gender, else to the last
  person who spoke; one that brings in someone new ("an official") or the writer's own ("my
  father") speaks as printed;
- a capitalised office read as a name goes to the person it stands beside, else to the office's
  holder ("The Foreign Secretary said");
- a bare group head ("the ministers said") goes to the group that spoke under a fuller name.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from bot.extract.antecedents import SPEAKER_REACH
from bot.extract.speaker_phrases import Subject
from bot.extract.speaker_pronouns import gendered_speaker

if TYPE_CHECKING:
    from bot.extract.speakers import SpeakerResolver

#: How far after a name its apposition may name a role ("Ana Paz, a spokeswoman for ...").
APPOSITION_REACH = 90
#: How many earlier reporting verbs a bare group head ("the ministers") reads back.
EVENT_REACH = 40


def group_speaker(r: SpeakerResolver, subject: Subject) -> str:
    """A group as the text names it; a bare head ("the ministers said") goes to the last
    group within reach that spoke under a fuller name with that head ("the foreign
    ministers of Norway and Chile"), as a reader takes it."""
    if " " in subject.text:
        return subject.text
    lo = r.text.sentences[max(0, r.text.sentence(subject.start) - SPEAKER_REACH)][0]
    word = re.compile(rf"\b{re.escape(subject.text)}\b", re.I)
    k = bisect.bisect_left(r.event_starts, subject.start) - 1
    stop = k - EVENT_REACH  # a bound when one long sentence holds many reporting verbs
    while k > stop and k >= 0 and r.events[k][0] >= lo:
        _, who, g = r.events[k]
        if g == "group" and who != subject.text and word.search(who):
            return who
        k -= 1
    return subject.text


def is_office(r: SpeakerResolver, name: str) -> bool:
    """Whether a capitalised run names an office, not a person: it ends with an office
    word and opens with no given name ("Foreign Secretary", not "Charlie King")."""
    return name.split()[-1].casefold() in r.cues.titles and not r.text.given_gender(name)


def role_holder(
    r: SpeakerResolver, subject: Subject, who: str, person: bool
) -> tuple[str | None, bool]:
    """(speaker, is a register person) for a capitalised office read as a name: the person
    it stands in apposition to ("Ana Paz, Harbor Board Chair, said" is Ana Paz), else the
    register's holder of the office the text names with "the" ("The Foreign Secretary said"
    is whoever the text made Foreign Secretary), else the office as printed. Without "the"
    a run may be a name that ends like an office ("said Charlie King, a ..."), so it stays."""
    if r.masked[subject.end : subject.end + 2].lstrip().startswith(","):
        k = bisect.bisect_left(r.text.named_starts, subject.start) - 1
        while k >= 0 and r.text.named[k].start >= subject.start - APPOSITION_REACH:
            m = r.text.named[k]
            between = r.masked[m.end : subject.start]
            if m.kind == "name" and between.lstrip().startswith(","):
                if not re.search(r"[;.!?“”\"]", between):
                    return r.text.pid(m.person), True
                break
            k -= 1
    if re.search(r"\bthe\s+$", r.masked[max(0, subject.start - 5) : subject.start], re.I):
        found = r.register.resolve(who, subject.start)
        if found is not None:
            return found.id, True
    return who, person


def description(r: SpeakerResolver, subject: Subject) -> tuple[str | None, bool]:
    """(speaker, is a register person) for a description ("the spokeswoman"): the register's
    holder of that role, else the last person or speaker described with its head noun ("Ana
    Paz, a spokeswoman for ..."), else as a pronoun of the gender it names, if any.

    A description that brings in someone new ("an official", "a friend") or the writer's
    own ("my father") stands for no one named before: it speaks as printed."""
    phrase = r.text.body[subject.start : subject.end]
    if phrase.split()[0].casefold() in r.cues.new_person_openers:
        return printed(r, subject), False
    person = r.register.resolve(phrase, subject.start)
    if person is not None:
        return person.id, True
    si = r.text.sentence(subject.start)
    lo = r.text.sentences[max(0, si - SPEAKER_REACH)][0]
    word = re.compile(rf"\b{re.escape(subject.text)}\b", re.I)
    k = bisect.bisect_left(r.text.named_starts, subject.start) - 1
    while k >= 0 and r.text.named[k].start >= lo:
        m = r.text.named[k]
        end = min(m.end + APPOSITION_REACH, subject.start)  # not the description itself
        if word.search(r.masked, max(0, m.start - 40), end):
            return r.text.pid(m.person), True
        k -= 1
    k = bisect.bisect_left(r.event_starts, subject.start) - 1
    while k >= 0 and r.events[k][0] >= lo:
        at, who, _ = r.events[k]
        end = min(at + len(who) + APPOSITION_REACH, subject.start)
        if who and word.search(r.masked, max(0, at - 40), end):
            return who, who in r.index
        k -= 1
    if subject.gender:
        return gendered_speaker(r, subject.start, subject.gender)
    for gender in ("m", "f"):  # the last person who spoke, whoever they were
        who = r.last_speaker(subject.start, gender)
        if who is not None:
            return who, who in r.index
    return None, False


def printed(r: SpeakerResolver, subject: Subject) -> str:
    """A description as printed: "an official", "my father"."""
    return " ".join(r.text.body[subject.start : subject.end].split())


__all__ = ["description", "group_speaker", "is_office", "printed", "role_holder"]
