"""Who said each quotation: a second reading of the attribution beside the marks.

extract_quotes gives every quotation a first speaker. This pass reads the attribution beside
the marks again with a wider grammar (speaker_cues: honorifics and party tags inside the
subject, appositions, credit lines, manner-of-speaking verbs) and resolves its subject:

- a name goes to the register's person ("Rep. Ana Paz (R-Ore.) said" is Ana Paz), or stands
  as printed when the register lacks it ("city police Chief Ana Paz" gives "Ana Paz");
- a pronoun goes to the last person of that gender (or of unknown gender) whom a reporting
  verb made speak ("Paz, a spokeswoman, told reporters ... Holm left. “…,” she said." is
  Paz), else to a person named before it (antecedents.py); a "he" or "she" is never a body,
  a "they" is the last group that spoke; genders come from the text (speaker_text.py);
- a description ("the spokeswoman", "the German chancellor") goes to the person the register
  holds that role for, else to the last person the text described so ("Ana Paz, a
  spokeswoman"), else like a pronoun of its gender, else to the last person who spoke;
- a group ("the G-7 leaders", "the union") speaks as the text names it.

A quotation with nothing beside its marks takes the subject of its sentence's reporting verb
(a partial quote) or the speaker of a line ending in a colon before it; the rest follow the
quotation they continue (continuation.py). The first speaker stays wherever this pass finds
nothing better.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from bot.extract.antecedents import SPEAKER_REACH, antecedent, group_subject, newcomer
from bot.extract.continuation import Located, continue_speakers
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.speaker_cues import Cue, find_cue
from bot.extract.speaker_subjects import Subject, personal_name, read_subject, reporting_subject
from bot.extract.speaker_text import SpeakerText
from bot.extract.speaker_words import SpeakerCues, mask_stops, speaker_cues
from bot.extract.text import Paragraph, quote_spans
from bot.models import Document, Quote

#: A clause's opening name, after any introductory phrase: "On May 2, Ana Paz made ...".
_CLAUSE_NAME_RE = re.compile(r"(?:^|,\s+)((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+[a-z]")
#: A name, a participle of a reporting verb and what may stand before the opening mark:
#: "Paz warning the crowd at the rally, “".
_PARTICIPLE_RE = re.compile(
    r"((?:[A-Z][\w'’\u2024.-]*\s+){0,3}[A-Z][\w'’\u2024.-]*)\s+([a-z]+ing)\b[^.!?;“”\"]{0,60}?[,:]?\s*$"
)
#: How far from a reporting verb its subject is looked for, in characters (a bound on very
#: long sentences, so the pass stays linear in the document's length).
SENTENCE_REACH = 400
#: A transcript label opening a quotation: "PAZ: ...", "SEN. ANA PAZ: ...".
_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):\s")
#: How far after a name its apposition may name a role ("Ana Paz, a spokeswoman for ...").
APPOSITION_REACH = 90
#: How many earlier reporting verbs a bare group head ("the ministers") reads back.
EVENT_REACH = 40


class SpeakerResolver:
    """Resolves subject phrases at body offsets to speakers, for one document.

    It first lists who spoke where (every reporting verb with its subject, in text order), so
    a "he said" goes to the last man or unknown person a verb made speak.
    """

    def __init__(self, text: SpeakerText) -> None:
        self.text = text
        self.register = text.register
        self.masked = text.masked
        self.cues = text.cues
        self.resolved: list[tuple[int, int]] = []  # (pronoun offset, person), sorted
        self.index = {p.id: i for i, p in enumerate(self.register.people)}
        # (offset, speaker, gender); a document's speaker is "" and its gender "document"
        self.events: list[tuple[int, str, str | None]] = []
        self.event_starts: list[int] = []
        self._find_events()

    def _find_events(self) -> None:
        """Every reporting verb outside quotations whose subject is a name, a description or a
        pronoun, with its speaker, in text order: who last spoke before a "he said"."""
        for v, _ in self.cues.verb_scan.finditer(self.masked):
            if self.text.in_quote(v.start()):
                continue
            s, e = self.text.sentences[self.text.sentence(v.start())]
            s, e = max(s, v.start() - SENTENCE_REACH), min(e, v.end() + SENTENCE_REACH)
            found = reporting_subject(self.masked, s, v.start(), v.end(), e, self.cues)
            if found is None:
                continue
            if found.kind == "document":  # "the article read": an "it" after it is the article
                self.events.append((found.start, "", "document"))
                self.event_starts.append(found.start)
                continue
            who, person = self.speaker(found)
            if who is None:
                continue
            if found.kind == "group":
                gender: str | None = "group"
            elif found.kind == "description" and not person and who == self._printed(found):
                gender = found.gender  # "an official said": a "he" after it may be them
            elif not personal_name(self.name_of(who), self.cues) or (not person and " " not in who):
                gender = "body"  # "the Harbor Commission announced": never a "he" or "she"
            elif person:
                gender = self.text.gender.get(self.index[who])
            else:
                gender = found.gender or self.text.given_gender(who)
            self.events.append((found.start, who, gender))
            self.event_starts.append(found.start)

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
        found = self._last_event(pos, gender)
        return found[1] if found else None  # documents ("") are never a person's

    def _last_event(self, pos: int, gender: str) -> tuple[int, str] | None:
        lo = self.text.sentences[max(0, self.text.sentence(pos) - SPEAKER_REACH)][0]
        k = bisect.bisect_left(self.event_starts, pos) - 1
        while k >= 0 and self.events[k][0] >= lo:
            at, who, g = self.events[k]
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
            if not person and who and self._office(who):
                return self.role_holder(subject, who, person)
            return who, person
        if subject.kind == "pronoun" and subject.text.casefold() == "they":
            return self._they(subject.start), False
        if subject.kind == "pronoun" and subject.text.casefold() == "it":
            return self.last_speaker(subject.start, "thing"), False
        if subject.kind == "pronoun" and subject.gender:
            return self._by_gender(subject.start, subject.gender)
        if subject.kind == "description":
            return self.description(subject)
        if subject.kind == "group":
            return self.group(subject), False
        if subject.kind == "document" and subject.names:  # "the Harbor Board report said"
            return self.text.named_speaker(subject)
        return None, False

    def _they(self, pos: int) -> str | None:
        """A "they": the last group that spoke, unless the paragraph before or this one opens
        a sentence with a group after it spoke (antecedents.group_subject)."""
        event = self._last_event(pos, "group")
        since = event[0] + 1 if event else 0
        return group_subject(self.text, pos, since) or (event[1] if event else None)

    def group(self, subject: Subject) -> str:
        """A group as the text names it; a bare head ("the ministers said") goes to the last
        group within reach that spoke under a fuller name with that head ("the foreign
        ministers of Norway and Chile"), as a reader takes it."""
        if " " in subject.text:
            return subject.text
        lo = self.text.sentences[max(0, self.text.sentence(subject.start) - SPEAKER_REACH)][0]
        word = re.compile(rf"\b{re.escape(subject.text)}\b", re.I)
        k = bisect.bisect_left(self.event_starts, subject.start) - 1
        stop = k - EVENT_REACH  # a bound when one long sentence holds many reporting verbs
        while k > stop and k >= 0 and self.events[k][0] >= lo:
            _, who, g = self.events[k]
            if g == "group" and who != subject.text and word.search(who):
                return who
            k -= 1
        return subject.text

    def _office(self, name: str) -> bool:
        """Whether a capitalised run names an office, not a person: it ends with an office
        word and opens with no given name ("Foreign Secretary", not "Charlie King")."""
        return name.split()[-1].casefold() in self.cues.titles and not self.text.given_gender(name)

    def role_holder(self, subject: Subject, who: str, person: bool) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a capitalised office read as a name: the person
        it stands in apposition to ("Ana Paz, Harbor Board Chair, said" is Ana Paz), else the
        register's holder of the office the text names with "the" ("The Foreign Secretary said"
        is whoever the text made Foreign Secretary), else the office as printed. Without "the"
        a run may be a name that ends like an office ("said Charlie King, a ..."), so it stays."""
        if self.masked[subject.end : subject.end + 2].lstrip().startswith(","):
            k = bisect.bisect_left(self.text.named_starts, subject.start) - 1
            while k >= 0 and self.text.named[k].start >= subject.start - APPOSITION_REACH:
                m = self.text.named[k]
                between = self.masked[m.end : subject.start]
                if m.kind == "name" and between.lstrip().startswith(","):
                    if not re.search(r"[;.!?“”\"]", between):
                        return self.text.pid(m.person), True
                    break
                k -= 1
        if re.search(r"\bthe\s+$", self.masked[max(0, subject.start - 5) : subject.start], re.I):
            found = self.register.resolve(who, subject.start)
            if found is not None:
                return found.id, True
        return who, person

    def description(self, subject: Subject) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a description ("the spokeswoman"): the register's
        holder of that role, else the last person or speaker described with its head noun ("Ana
        Paz, a spokeswoman for ..."), else as a pronoun of the gender it names, if any.

        A description that brings in someone new ("an official", "a friend") or the writer's
        own ("my father") stands for no one named before: it speaks as printed."""
        phrase = self.text.body[subject.start : subject.end]
        if phrase.split()[0].casefold() in self.cues.new_person_openers:
            return self._printed(subject), False
        person = self.register.resolve(phrase, subject.start)
        if person is not None:
            return person.id, True
        si = self.text.sentence(subject.start)
        lo = self.text.sentences[max(0, si - SPEAKER_REACH)][0]
        word = re.compile(rf"\b{re.escape(subject.text)}\b", re.I)
        k = bisect.bisect_left(self.text.named_starts, subject.start) - 1
        while k >= 0 and self.text.named[k].start >= lo:
            m = self.text.named[k]
            end = min(m.end + APPOSITION_REACH, subject.start)  # not the description itself
            if word.search(self.masked, max(0, m.start - 40), end):
                return self.text.pid(m.person), True
            k -= 1
        k = bisect.bisect_left(self.event_starts, subject.start) - 1
        while k >= 0 and self.events[k][0] >= lo:
            at, who, _ = self.events[k]
            end = min(at + len(who) + APPOSITION_REACH, subject.start)
            if who and word.search(self.masked, max(0, at - 40), end):
                return who, who in self.index
            k -= 1
        if subject.gender:
            return self._by_gender(subject.start, subject.gender)
        for gender in ("m", "f"):  # the last person who spoke, whoever they were
            who = self.last_speaker(subject.start, gender)
            if who is not None:
                return who, who in self.index
        return None, False

    def _printed(self, subject: Subject) -> str:
        """A description as printed: "an official", "my father"."""
        return " ".join(self.text.body[subject.start : subject.end].split())

    def _by_gender(self, pos: int, gender: str) -> tuple[str | None, bool]:
        """A "he"/"she" (or a gendered description) at `pos`: the last speaker of that gender,
        unless the pronoun's own paragraph names someone of it after that speaker spoke
        ("Paz met no one. ¶ Holm minced no words. “…,” he said." is Holm)."""
        event = self._last_event(pos, gender)
        since = self.text.paragraph_start(pos)
        fresh = newcomer(self.text, pos, gender, event[0] if event else -1)
        if fresh is not None:
            bisect.insort(self.resolved, (pos, fresh))
            return self.text.pid(fresh), True
        if event is None or event[0] < since:
            person = antecedent(self.text, self.resolved, pos, gender, since)
            if person is None and event is None:
                person = antecedent(self.text, self.resolved, pos, gender)
            if person is None and event is None:
                person = antecedent(self.text, self.resolved, pos, gender, quoted=True)
            if person is not None:
                bisect.insort(self.resolved, (pos, person))
                return self.text.pid(person), True
        if event is not None:
            return event[1], event[1] in self.index
        return None, False


def speaker_nearby(resolver: SpeakerResolver, loc: Located) -> str | None:
    """The speaker of a quotation with no attribution beside its marks, where its sentence
    or the line before says: a partial quote takes the subject of its sentence's reporting verb
    ("Ana Paz accused the board of “fanatic haste.”"), and a paragraph that opens with a
    quotation after a line ending in a colon takes that line's speaker ("Paz made the following
    remark:")."""
    text = resolver.text
    open_at = loc.span.start - len(loc.span.open_mark)
    s, _ = text.sentences[text.sentence(loc.span.start)]
    if text.body[s:open_at].strip():
        return resolver.spoke_between(s, open_at) or _participle(resolver, s, open_at)
    para = loc.paragraph
    if para.number < 2 or text.body[para.start : open_at].strip():
        return None
    before = text.paragraphs[para.number - 2]
    if not before.text.rstrip().endswith(":") or not before.sentences:
        return None
    last = before.sentences[-1]
    who = resolver.spoke_between(last.start, last.end)
    if who is not None:
        return who
    # the clause's opening name, after any introductory phrase ("On May 2, Paz made ...")
    clause = _CLAUSE_NAME_RE.search(last.text)
    if clause is None:
        return None
    a, b = last.start + clause.start(1), last.start + clause.end(1)
    found = read_subject(text.masked, a, b, text.cues)
    if found.kind != "name":
        return None
    who, person = resolver.speaker(found)
    # a person, not "Partial transcript as follows:"
    return who if person or (who and " " in who and personal_name(who, text.cues)) else None


def _participle(resolver: SpeakerResolver, start: int, open_at: int) -> str | None:
    """A person of the register named right before a participle that introduces the
    quotation: "The video shows Paz warning the crowd at the rally, “…”". Only a register
    person counts: in "a bridge to Norway saying" Norway speaks for no one."""
    text = resolver.text
    m = _PARTICIPLE_RE.search(text.masked, max(start, open_at - 120), open_at)
    if m is None or not resolver.cues.verbs.fullmatch(m.group(2)):
        return None
    found = read_subject(text.masked, m.start(1), m.end(1), text.cues)
    if found.kind != "name":
        return None
    who, person = resolver.speaker(found)
    return who if person else None


def labelled_speaker(resolver: SpeakerResolver, loc: Located) -> str | None:
    """The speaker a transcript label opening the quotation names: “PAZ: We are ready.”"""
    inner = resolver.text.body[loc.span.start : loc.span.end]
    m = _LABEL_RE.match(inner)
    if m is None:
        return None
    label = m.group(1).strip()
    hit = resolver.register.aliases.get(label.casefold())
    if hit is None:
        hit = resolver.register.aliases.get(label.split()[-1].casefold())
    return resolver.text.pid(hit[0]) if hit else label.title()


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
    # a speaker made of words that name no one ("To", "Once") is no speaker
    speakers = [
        None
        if s and s not in resolver.index and all(w in cues.not_names for w in s.casefold().split())
        else s
        for s in speakers
    ]
    return [
        replace(q, speaker=s) if s != q.speaker else q
        for q, s in zip(quotes, speakers, strict=True)
    ]


def _subject_of(cue: Cue, masked: str, cues: SpeakerCues) -> Subject:
    return cue.subject or read_subject(masked, cue.start, cue.end, cues)


__all__ = ["SpeakerResolver", "attribute_speakers"]
