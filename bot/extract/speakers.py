"""Who said each quotation: a second reading of the attribution beside the marks.

extract_quotes gives every quotation a first speaker. This pass reads the attribution beside
the marks again with a wider grammar (speaker_cues: honorifics and party tags inside the
subject, appositions, credit lines, manner-of-speaking verbs) and resolves its subject:

- a name goes to the register's person ("Rep. Ana Paz (R-Ore.) said" is Ana Paz), or stands
  as printed when the register lacks it ("city police Chief Ana Paz" gives "Ana Paz");
- a pronoun goes to the last person of that gender (or of unknown gender) whom a reporting
  verb made speak ("Paz, a spokeswoman, told reporters ... Holm left. “…,” she said." is
  Paz), else to a person named before it, or brought in with a role in the paragraph before
  (antecedents.py, speaker_pronouns.py); a "he" or "she" is never a body; genders come from
  the text (speaker_text.py);
- a "they" is the last group that spoke, or the group a sentence just before opens with;
- a description ("the spokeswoman"), an office ("the Foreign Secretary") or a bare group head
  ("the ministers") goes to whom the text named so before (speaker_roles.py); "an official"
  or "my father" speaks as printed;
- a group ("the G-7 leaders", "the union") speaks as the text names it.

A quotation with nothing beside its marks takes the subject of its sentence's reporting verb
(a partial quote) or the speaker of a line ending in a colon before it (speaker_nearby.py);
the rest follow the quotation they continue (continuation.py). The first speaker stays
wherever this pass finds nothing better.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from bot.extract.antecedents import SPEAKER_REACH
from bot.extract.continuation import Located, continue_speakers
from bot.extract.countries import find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.speaker_cues import Cue, find_cue
from bot.extract.speaker_nearby import labelled_speaker, speaker_nearby
from bot.extract.speaker_phrases import Subject
from bot.extract.speaker_pronouns import gendered_speaker, they_speaker
from bot.extract.speaker_roles import description, group_speaker, is_office, printed, role_holder
from bot.extract.speaker_subjects import personal_name, read_subject, reporting_subject
from bot.extract.speaker_text import SpeakerText
from bot.extract.speaker_words import SpeakerCues, mask_stops, speaker_cues
from bot.extract.text import Paragraph, quote_spans
from bot.models import Document, Quote

#: How far from a reporting verb its subject is looked for, in characters (a bound on very
#: long sentences, so the pass stays linear in the document's length).
SENTENCE_REACH = 400
#: The gender of an event whose speaker is a register person: theirs, read from the text
#: (SpeakerText.gender_of, which reads each of their names) only when a "he" or "she" looks
#: back at the event. "Ana Paz said" is then no reason to read it: only a document with a
#: pronoun speaker pays for it. Example: in "Paz said. It said." the "it" skips Paz unread.
PERSON = "person"


class SpeakerResolver:
    """Resolves subject phrases at body offsets to speakers, for one document.

    It lists who spoke where (every reporting verb with its subject, in text order), so a "he
    said" goes to the last man or unknown person a verb made speak. The list is made when it
    is first read (`events`, `event_starts`, `resolved`): a document whose quotations all name
    their speakers never reads it. Made later, it is the same list: making it reads the text
    and itself only, and nothing the pass does before reading it changes either.
    """

    def __init__(self, text: SpeakerText) -> None:
        self.text = text
        self.register = text.register
        self.masked = text.masked
        self.cues = text.cues
        self.index = {p.id: i for i, p in enumerate(self.register.people)}
        # (offset, speaker, gender); a document's speaker is "" and its gender "document",
        # a register person's gender PERSON (theirs, looked up when a pronoun asks)
        self._events: list[tuple[int, str, str | None]] | None = None
        self._event_starts: list[int] = []
        self._resolved: list[tuple[int, int]] = []  # (pronoun offset, person), sorted
        self._personal_names: dict[str, bool] = {}  # speaker -> personal_name of its name

    @property
    def events(self) -> list[tuple[int, str, str | None]]:
        if self._events is None:
            self._find_events()
        assert self._events is not None
        return self._events

    @property
    def event_starts(self) -> list[int]:
        if self._events is None:
            self._find_events()
        return self._event_starts

    @property
    def resolved(self) -> list[tuple[int, int]]:
        if self._events is None:
            self._find_events()
        return self._resolved

    def _find_events(self) -> None:
        """Every reporting verb outside quotations whose subject is a name, a description or a
        pronoun, with its speaker, in text order: who last spoke before a "he said". The
        speakers read on the way see the events found so far."""
        self._events = []
        text, masked, cues = self.text, self.masked, self.cues
        sentences, in_quote, sentence = text.sentences, text.in_quote, text.sentence
        for v in cues.verb_scan.matches(masked):
            at, end = v.span()
            if in_quote(at):
                continue
            s, e = sentences[sentence(at)]
            s, e = max(s, at - SENTENCE_REACH), min(e, end + SENTENCE_REACH)
            found = reporting_subject(masked, s, at, end, e, cues)
            if found is None:
                continue
            if found.kind == "document":  # "the article read": an "it" after it is the article
                self._events.append((found.start, "", "document"))
                self._event_starts.append(found.start)
                continue
            who, person = self.speaker(found)
            if who is None:
                continue
            if found.kind == "group":
                gender: str | None = "group"
            elif found.kind == "description" and not person and who == printed(self, found):
                gender = found.gender  # "an official said": a "he" after it may be them
            elif not self._personal(who) or (not person and " " not in who):
                gender = "body"  # "the Harbor Commission announced": never a "he" or "she"
            elif person:
                gender = PERSON  # read from the text only when a pronoun asks (last_event)
            else:
                gender = found.gender or self.text.given_gender(who)
            self._events.append((found.start, who, gender))
            self._event_starts.append(found.start)

    def _personal(self, speaker: str) -> bool:
        """Whether a speaker's printed name can be a person's (personal_name), read once per
        speaker: a document makes the same people speak again and again."""
        found = self._personal_names.get(speaker)
        if found is None:
            found = self._personal_names[speaker] = personal_name(self.name_of(speaker), self.cues)
        return found

    def spoke_between(self, start: int, end: int) -> str | None:
        """The speaker of the last reporting verb whose subject stands between two offsets."""
        k = bisect.bisect_left(self.event_starts, end) - 1
        found = k >= 0 and self.events[k][0] >= start
        return (self.events[k][1] or None) if found else None  # a document speaks for no one

    def name_of(self, speaker: str) -> str:
        """A speaker's printed name: the register person's name, or the speaker as printed."""
        k = self.index.get(speaker)
        return self.register.people[k].name if k is not None else speaker

    def last_speaker(self, pos: int, gender: str) -> str | None:
        """The speaker of the last reporting verb before `pos`, within SPEAKER_REACH sentences,
        whose gender does not contradict `gender`."""
        found = self.last_event(pos, gender)
        return found[1] if found else None  # documents ("") are never a person's

    def last_event(self, pos: int, gender: str) -> tuple[int, str] | None:
        """(offset, speaker) of the last reporting verb before `pos`, as last_speaker."""
        lo = self.text.sentences[max(0, self.text.sentence(pos) - SPEAKER_REACH)][0]
        k = bisect.bisect_left(self.event_starts, pos) - 1
        while k >= 0 and self.events[k][0] >= lo:
            at, who, g = self.events[k]
            if g is PERSON:
                if gender not in {"m", "f"}:
                    k -= 1
                    continue
                g = self.text.gender_of(self.index[who])
            if g == gender or (g is None and gender in {"m", "f"}):
                return at, who
            if gender == "thing" and g in {"body", "group", "document"}:  # "it"
                return (at, who) if who else None  # a document: quotes.py reads it
            k -= 1
        return None

    def speaker(self, subject: Subject) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a subject phrase."""
        if subject.kind == "name":
            who, person = self.text.named_speaker(subject)
            if not person and who and is_office(self, who):
                return role_holder(self, subject, who, person)
            return who, person
        if subject.kind == "pronoun" and subject.text.casefold() == "they":
            return they_speaker(self, subject.start), False
        if subject.kind == "pronoun" and subject.text.casefold() == "it":
            return self.last_speaker(subject.start, "thing"), False
        if subject.kind == "pronoun" and subject.gender:
            return gendered_speaker(self, subject.start, subject.gender)
        if subject.kind == "description":
            return description(self, subject)
        if subject.kind == "group":
            return group_speaker(self, subject), False
        if subject.kind == "document" and subject.names:  # "the Harbor Board report said"
            return self.text.named_speaker(subject)
        return None, False


def _clean(text: str) -> str:
    """A quotation's text as extract_quotes prints it (no trailing comma)."""
    out = text.strip()
    return out[:-1].rstrip() if out.endswith(",") else out


def _locate(body: str, paragraphs: tuple[Paragraph, ...], quotes: list[Quote]) -> list[Located]:
    """Each quotation's span, found among its paragraph's quoted stretches in order."""
    by_para: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        by_para.setdefault(q.source.paragraph, []).append(i)
    out: list[Located] = []
    for para in paragraphs:
        wanted = by_para.get(para.number)
        if not wanted:
            continue
        spans = quote_spans(body, para)
        k = 0
        for i in wanted:
            for j in range(k, len(spans)):
                if _clean(spans[j].text) == quotes[i].text:
                    out.append(Located(i, spans[j], para))
                    k = j + 1
                    break
    return out


def attribute_speakers(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    quotes: list[Quote],
    lexicon: Lexicon,
) -> list[Quote]:
    """The quotations with their speakers read again (see the module docstring)."""
    cues = speaker_cues(lexicon)
    if not quotes or not cues.pronouns:
        return quotes
    body = document.text
    masked = mask_stops(body, cues)
    located = _locate(body, paragraphs, quotes)
    spans = [(loc.span.start, loc.span.end) for loc in located]
    resolver = SpeakerResolver(SpeakerText(body, masked, paragraphs, register, cues, spans))
    speakers = [q.speaker for q in quotes]
    cued: set[int] = set()
    for loc in located:
        para_end = loc.paragraph.start + len(loc.paragraph.text)
        span = loc.span
        cue = find_cue(masked, span.start, span.end, span.close_mark is not None, para_end, cues)
        if cue is not None:
            subject = _subject_of(cue, masked, cues)
            if subject.kind == "document" and speakers[loc.index] is not None:
                continue  # quotes.py found the document's issuer
            who, _ = resolver.speaker(subject)
        else:
            who = labelled_speaker(resolver, loc) or speaker_nearby(resolver, loc)
        if who is None:
            continue
        speakers[loc.index] = who
        cued.add(loc.index)
    speakers = continue_speakers(located, [q.speaker for q in quotes], speakers, cued)
    # a speaker made of words that name no one ("To", "Once"), or a nationality alone
    # ("Ukrainian" of "Russian and Ukrainian negotiators"), is no speaker
    speakers = [
        None
        if s
        and s not in resolver.index
        and (all(w in cues.not_names for w in s.casefold().split()) or _demonym(s, lexicon))
        else s
        for s in speakers
    ]
    return [
        replace(q, speaker=s) if s != q.speaker else q
        for q, s in zip(quotes, speakers, strict=True)
    ]


def _demonym(text: str, lexicon: Lexicon) -> bool:
    """Whether a text is one nationality word and nothing else: "Ukrainian", "Chilean"."""
    found = find_countries(text, lexicon)
    return len(found) == 1 and found[0].kind == "demonym" and found[0].text == text.strip()


def _subject_of(cue: Cue, masked: str, cues: SpeakerCues) -> Subject:
    return cue.subject or read_subject(masked, cue.start, cue.end, cues)


__all__ = ["SpeakerResolver", "attribute_speakers"]
