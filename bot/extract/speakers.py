"""Who said each quotation: a second reading of the attribution beside the marks.

extract_quotes gives every quotation a first speaker. This pass reads the attribution beside
the marks again with a wider grammar (speaker_cues: honorifics and party tags inside the
subject, appositions, credit lines, manner-of-speaking verbs) and resolves its subject:

- a name goes to the register's person ("Rep. Ana Paz (R-Fla.) said" is Ana Paz), or stands
  as printed when the register lacks it ("Tulsa police Chief Ana Paz" gives "Ana Paz");
- a pronoun goes to the nearest person before it of the same gender (honorifics, gendered
  nouns and the pronouns used after a name say which), preferring the subject of a sentence's
  reporting verb: in "Paz, who met Holm, defended the plan. “…,” she said." she is Paz;
- a description ("the spokeswoman", "the German chancellor") goes to the person the register
  holds that role for, else to the last person the text described so ("Ana Paz, a
  spokeswoman"), else like a pronoun of its gender;
- a group ("the G-7 leaders", "the union") speaks as the text names it.

Quotations with no attribution of their own then follow the speaker they continue
(continuation.py). The first speaker stays wherever this pass finds nothing better.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from bot.extract.continuation import Located, continue_speakers
from bot.extract.lexicon import Lexicon
from bot.extract.people import Mention, PeopleRegister
from bot.extract.speaker_cues import (
    Cue,
    SpeakerCues,
    Subject,
    find_cue,
    mask_stops,
    personal_name,
    read_subject,
    reporting_subject,
    speaker_cues,
)
from bot.extract.text import Paragraph, quote_spans
from bot.models import Document, Quote

#: How many sentences back a pronoun or description looks for the person it stands for.
SPEAKER_REACH = 8
#: How many sentences back a pronoun prefers someone known to be of its gender.
GENDER_REACH = 3
#: How far after a name its apposition may name a role ("Ana Paz, a spokeswoman for ...").
APPOSITION_REACH = 90
#: A relative or another clause: a pronoun after one may be someone else.
_RELATIVE_RE = re.compile(
    r"\b(?:who|whom|whose|which|that|and|but|while|as|when|after|before|because|until|if|than)\b"
)


class SpeakerResolver:
    """Resolves subject phrases at body offsets to speakers, for one document."""

    def __init__(
        self,
        body: str,
        masked: str,
        paragraphs: tuple[Paragraph, ...],
        register: PeopleRegister,
        cues: SpeakerCues,
        quoted: list[tuple[int, int]],
    ) -> None:
        self.body = body
        self.masked = masked
        self.register = register
        self.cues = cues
        self.sentences = [(s.start, s.end) for p in paragraphs for s in p.sentences]
        self.starts = [s for s, _ in self.sentences]
        self.quoted = sorted(quoted)
        self.quote_starts = [a for a, _ in self.quoted]
        self.named = [
            m
            for m in register.all_mentions
            if m.kind != "pronoun" and not m.in_quote and not self.in_quote(m.start)
        ]
        self.named_starts = [m.start for m in self.named]
        self.resolved: dict[int, int] = {}  # pronoun offset -> person, as resolved here
        self.gender = self._genders()
        self.index = {p.id: i for i, p in enumerate(register.people)}
        self.events: list[tuple[int, str, str | None]] = []  # (offset, speaker, gender)
        self.event_starts: list[int] = []
        self._find_events()

    # --- places ----------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _sentence(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def _possessor(self, m: Mention) -> bool:
        return self.body[m.end : m.end + 2] in {"'s", "’s"}

    def pid(self, person: int) -> str:
        return self.register.people[person].id

    # --- genders ---------------------------------------------------------------------------

    def _genders(self) -> dict[int, str]:
        """Each person's gender where the text tells: an honorific or gendered noun before a
        name or in a role (weight 3), a common given name (weight 2), else the pronoun that next follows a name in its sentence
        (with no other person or clause between) or opens the next one (weight 1)."""
        votes: dict[int, dict[str, int]] = {}
        cues = self.cues

        def vote(person: int, g: str, w: int) -> None:
            votes.setdefault(person, {}).setdefault(g, 0)
            votes[person][g] += w

        for i, p in enumerate(self.register.people):
            given = self._given_gender(p.name)
            if given:
                vote(i, given, 2)
            for role in p.roles:
                words = set(re.findall(r"\w+", role.casefold()))
                if words & cues.male:
                    vote(i, "m", 3)
                elif words & cues.female:
                    vote(i, "f", 3)
        word_before = re.compile(r"([A-Za-z]+)[.\u2024]?\s+$")
        # "him" and "her" are left out: they are as often someone else ("Paz thanked her").
        pron = re.compile(r"\b(?:he|his|himself|she|hers|herself)\b", re.I)
        surnames = [p.name.split()[-1].casefold() for p in self.register.people if p.name]
        shared = {w for w in surnames if surnames.count(w) > 1}
        male = cues.male - cues.male_pronouns
        female = cues.female - cues.female_pronouns
        for k, m in enumerate(self.named):
            w = word_before.search(self.masked, max(0, m.start - 20), m.start)
            text = m.text.casefold().split()
            for word in ([w.group(1).casefold()] if w else []) + text[:1]:
                if word in male:
                    vote(m.person, "m", 3)
                elif word in female:
                    vote(m.person, "f", 3)
            if self._possessor(m) or m.text.casefold() in shared:
                continue  # "Scott" when two people are called Scott: whose pronoun is it?
            si = self._sentence(m.start)
            stop = self.sentences[min(si + 1, len(self.sentences) - 1)][1]
            nxt = self.named_starts[k + 1] if k + 1 < len(self.named) else len(self.body)
            for p in pron.finditer(self.masked, m.end, min(stop, nxt)):
                if self.in_quote(p.start()):
                    continue
                if _RELATIVE_RE.search(self.masked, m.end, p.start()):
                    break  # "Paz, who met Holm, said he ...": he may be Holm
                if p.start() >= self.sentences[si][1] and self._sentence(p.start()) != si + 1:
                    break
                if (
                    p.start() >= self.sentences[si][1]
                    and self.body[self.sentences[si + 1][0] : p.start()].strip()
                ):
                    break  # in the next sentence, only one that opens with the pronoun
                word = p.group(0).casefold()
                vote(m.person, "m" if word in cues.male_pronouns else "f", 1)
                break
        return {
            i: max(v, key=lambda g: v[g])
            for i, v in votes.items()
            if len(set(v.values())) > 1 or len(v) == 1
        }

    # --- who spoke where --------------------------------------------------------------------

    def _find_events(self) -> None:
        """Every reporting verb outside quotations whose subject is a name, a description or a
        pronoun, with its speaker, in text order: who last spoke before a "he said"."""
        for v in self.cues.verbs.finditer(self.masked):
            if self.in_quote(v.start()):
                continue
            s, e = self.sentences[self._sentence(v.start())]
            found = reporting_subject(self.masked, s, v.start(), v.end(), e, self.cues)
            if found is None:
                continue
            who, person = self.speaker(found, found.start)
            if who is None:
                continue
            if found.kind == "group":
                gender: str | None = "group"
            elif not personal_name(self.name_of(who), self.cues) or (not person and " " not in who):
                gender = "body"  # "the Commission announced": never a "he" or "she"
            elif person:
                gender = self.gender.get(self.index[who])
            else:
                gender = found.gender or self._given_gender(who)
            self.events.append((found.start, who, gender))
            self.event_starts.append(found.start)

    def _given_gender(self, name: str) -> str | None:
        given = name.split()[0].casefold() if " " in name else ""
        if given in self.cues.male_names:
            return "m"
        return "f" if given in self.cues.female_names else None

    def name_of(self, speaker: str) -> str:
        """A speaker's printed name: the register person's name, or the speaker as printed."""
        k = self.index.get(speaker)
        return self.register.people[k].name if k is not None else speaker

    def last_speaker(self, pos: int, gender: str) -> str | None:
        """The speaker of the last reporting verb before `pos`, within SPEAKER_REACH sentences,
        whose gender does not contradict `gender`."""
        lo = self.sentences[max(0, self._sentence(pos) - SPEAKER_REACH)][0]
        k = bisect.bisect_left(self.event_starts, pos) - 1
        while k >= 0 and self.events[k][0] >= lo:
            _, who, g = self.events[k]
            if g == gender or (g is None and gender in {"m", "f"}):
                return who
            k -= 1
        return None

    def speaker_nearby(self, loc: Located, paragraphs: tuple[Paragraph, ...]) -> str | None:
        """The speaker of a quotation with no attribution beside its marks, where its
        sentence or the line before says: a partial quote takes the subject of its sentence's
        reporting verb ("Ana Paz accused the board of “fanatic haste.”"), and a paragraph that
        opens with a quotation after a line ending in a colon takes that line's speaker ("Paz
        made the following remark:")."""
        open_at = loc.span.start - len(loc.span.open_mark)
        s, _ = self.sentences[self._sentence(loc.span.start)]
        if self.body[s:open_at].strip():
            k = bisect.bisect_left(self.event_starts, open_at) - 1
            if k >= 0 and self.events[k][0] >= s:
                return self.events[k][1]
            return None
        para = loc.paragraph
        if para.number < 2 or self.body[para.start : open_at].strip():
            return None
        before = paragraphs[para.number - 2]
        if not before.text.rstrip().endswith(":") or not before.sentences:
            return None
        last = before.sentences[-1]
        k = bisect.bisect_left(self.event_starts, last.end) - 1
        if k >= 0 and self.events[k][0] >= last.start:
            return self.events[k][1]
        # the clause's opening name, after any introductory phrase ("On May 2, Paz made ...")
        clause = re.search(
            r"(?:^|,\s+)((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+[a-z]", last.text
        )
        if clause is None:
            return None
        a = last.start + clause.start(1)
        found = read_subject(self.masked, a, last.start + clause.end(1), self.cues)
        return self.speaker(found, found.start)[0] if found.kind == "name" else None

    # --- resolving -------------------------------------------------------------------------

    def speaker(self, subject: Subject, at: int) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a subject phrase at body offset `at`."""
        if subject.kind == "name":
            return self._name(subject)
        if subject.kind == "pronoun" and subject.text.casefold() == "they":
            return self.last_speaker(subject.start, "group"), False
        if subject.kind == "pronoun" and subject.gender:
            return self._by_gender(subject.start, subject.gender)
        if subject.kind == "description":
            return self.description(subject)
        if subject.kind == "group":
            return subject.text, False
        return None, False

    def _name(self, subject: Subject) -> tuple[str | None, bool]:
        ranked = sorted(subject.names, key=lambda n: (" " in n[2], n[0]), reverse=True)
        for a, b, text in ranked:
            inside = [
                m
                for m in self.register.mention_spans(a, b)
                if m.kind != "pronoun" and not self._possessor(m)
            ]
            last = max(inside, key=lambda m: m.end) if inside else None
            if last is not None and last.end >= b - 1:
                # the one that ends the run: "Kent County official Ana Paz"
                return self.pid(last.person), True
            hit = self.register.aliases.get(text.casefold())
            if hit is None:
                hit = self.register.aliases.get(text.split()[-1].casefold())
            if hit:
                return self.pid(hit[0]), True
            if " " in text:
                return text, False
        return (ranked[0][2], False) if ranked else (None, False)

    def pronoun(self, pos: int, gender: str) -> int | None:
        """The person a "he"/"she" at `pos` stands for: the nearest sentence back that names
        someone of that gender (or of unknown gender) outside quotations; in it, the subject of
        its reporting verb if one names someone, else its first such person."""
        si = self._sentence(pos)
        # someone known to be of that gender, a few sentences back, before anyone unknown
        for reach, known_only in ((GENDER_REACH, True), (SPEAKER_REACH, False)):
            found = self._nearest(pos, si, gender, reach, known_only)
            if found is not None:
                return found
        return None

    def _nearest(self, pos: int, si: int, gender: str, reach: int, known_only: bool) -> int | None:
        for k in range(si, max(-1, si - reach), -1):
            s, e = self.sentences[k]
            hi = pos if k == si else e
            cands = self._candidates(s, hi, gender)
            known = [c for c in cands if self.gender.get(c[1]) == gender]
            if known_only:
                cands = known
            if not cands:
                continue
            known = known or cands
            verb = next(
                (
                    v.start()
                    for v in self.cues.verbs.finditer(self.masked, s, hi)
                    if not self.in_quote(v.start())
                ),
                None,
            )
            if verb is not None:
                before = [c for c in known if c[0] < verb]
                if before:
                    return before[0][1]
            return known[0][1]
        return None

    def _candidates(self, start: int, end: int, gender: str) -> list[tuple[int, int]]:
        """(offset, person) of people named (or resolved pronouns) between two offsets whose
        gender does not contradict `gender`, in text order."""
        lo = bisect.bisect_left(self.named_starts, start)
        hi = bisect.bisect_left(self.named_starts, end)
        out = [
            (m.start, m.person)
            for m in self.named[lo:hi]
            if not self._possessor(m)
            and self.gender.get(m.person, gender) == gender
            and personal_name(self.register.people[m.person].name, self.cues)
        ]
        out += [
            (p, person)
            for p, person in self.resolved.items()
            if start <= p < end and self.gender.get(person, gender) == gender
        ]
        return sorted(out)

    def description(self, subject: Subject) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a description ("the spokeswoman"): the register's
        holder of that role, else the last person or speaker described with its head noun ("Ana
        Paz, a spokeswoman for ..."), else as a pronoun of the gender it names, if any."""
        text = self.body[subject.start : subject.end]
        person = self.register.resolve(text, subject.start)
        if person is not None:
            return person.id, True
        si = self._sentence(subject.start)
        lo = self.sentences[max(0, si - SPEAKER_REACH)][0]
        word = re.compile(rf"\b{re.escape(subject.text)}\b", re.I)
        k = bisect.bisect_left(self.named_starts, subject.start) - 1
        while k >= 0 and self.named[k].start >= lo:
            m = self.named[k]
            if word.search(self.masked, max(0, m.start - 40), m.end + APPOSITION_REACH):
                return self.pid(m.person), True
            k -= 1
        k = bisect.bisect_left(self.event_starts, subject.start) - 1
        while k >= 0 and self.events[k][0] >= lo:
            at, who, _ = self.events[k]
            if word.search(self.masked, max(0, at - 40), at + len(who) + APPOSITION_REACH):
                return who, who in self.index
            k -= 1
        if subject.gender:
            return self._by_gender(subject.start, subject.gender)
        for gender in ("m", "f"):  # the last person who spoke, whoever they were
            who = self.last_speaker(subject.start, gender)
            if who is not None:
                return who, who in self.index
        return None, False

    def _by_gender(self, pos: int, gender: str) -> tuple[str | None, bool]:
        who = self.last_speaker(pos, gender)
        if who is not None:
            return who, who in self.index
        person = self.pronoun(pos, gender)
        if person is not None:
            self.resolved[pos] = person
            return self.pid(person), True
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
    resolver = SpeakerResolver(body, masked, paragraphs, register, cues, spans)
    speakers = [q.speaker for q in quotes]
    cued: set[int] = set()
    for loc in located:
        para_end = loc.paragraph.start + len(loc.paragraph.text)
        span = loc.span
        cue = find_cue(masked, span.start, span.end, span.close_mark is not None, para_end, cues)
        if cue is not None:
            who, _ = resolver.speaker(_subject_of(cue, masked, cues), cue.start)
        else:
            who = resolver.speaker_nearby(loc, paragraphs)
        if who is None:
            continue
        speakers[loc.index] = who
        cued.add(loc.index)
    speakers = continue_speakers(located, [q.speaker for q in quotes], speakers, cued)
    return [
        replace(q, speaker=s) if s != q.speaker else q
        for q, s in zip(quotes, speakers, strict=True)
    ]


def _subject_of(cue: Cue, masked: str, cues: SpeakerCues) -> Subject:
    return cue.subject or read_subject(masked, cue.start, cue.end, cues)


__all__ = ["SpeakerResolver", "attribute_speakers"]
