"""Speakers for quotations with no attribution beside their marks: a partial quote's
sentence, a line ending in a colon before the quotation, a transcript label inside it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extract.continuation import Located
from bot.extract.speaker_subjects import personal_name, read_subject

if TYPE_CHECKING:
    from bot.extract.speakers import SpeakerResolver

#: A clause's opening name, after any introductory phrase: "On May 2, Ana Paz made ...".
_CLAUSE_NAME_RE = re.compile(r"(?:^|,\s+)((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+[a-z]")
#: A name, a participle of a reporting verb and what may stand before the opening mark:
#: "Paz warning the crowd at the rally, “".
_PARTICIPLE_RE = re.compile(
    r"((?:[A-Z][\w'’\u2024.-]*\s+){0,3}[A-Z][\w'’\u2024.-]*)\s+([a-z]+ing)\b[^.!?;“”\"]{0,60}?[,:]?\s*$"
)
#: A transcript label opening a quotation: "PAZ: ...", "SEN. ANA PAZ: ...".
_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):\s")


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


__all__ = ["labelled_speaker", "speaker_nearby"]
