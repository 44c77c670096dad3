"""The person a "he" or "she" stands for when no one has spoken nearby.

speakers.py first gives a pronoun to the last person a reporting verb made speak. When no
one spoke within reach, the pronoun goes to a person named before it: the nearest sentence
back that names someone of that gender outside quotations, and in that sentence the subject
of its reporting verb, else its first such person. Someone the text marks as that gender a
few sentences back wins over someone of unknown gender nearer by:

    Ms. Lund met Pavel Ruiz. Ruiz praised the rules. “…,” she said.   -> Lund
"""

from __future__ import annotations

import bisect
import re

from bot.extract.speaker_subjects import personal_name
from bot.extract.speaker_text import SpeakerText

#: How many sentences back a pronoun looks for the person it stands for.
SPEAKER_REACH = 8
#: How much of a sentence before a pronoun is read, in characters.
SENTENCE_CHARS = 1000
#: How many sentences back a pronoun prefers someone known to be of its gender.
GENDER_REACH = 3
#: How far after a name its introduction (", a spokesman for", ", who leads") is read.
INTRODUCTION_CHARS = 60
#: Quotation marks that may open a paragraph.
_OPENING_MARKS = '"“„«'


def antecedent(
    text: SpeakerText,
    resolved: list[tuple[int, int]],
    pos: int,
    gender: str,
    since: int = 0,
    quoted: bool = False,
) -> int | None:
    """The person (register index) a pronoun of `gender` at body offset `pos` stands for.

    `resolved` holds (offset, person) of the pronouns already resolved, sorted; they count as
    mentions of those persons ("“…,” she said. ... “…,” she added"). Only sentences that end
    after `since` are read. With `quoted`, only the people named inside quotations count: the
    last resort when the text outside names no one, as when a quoted passage of another
    article tells of someone and its own quotations follow (`"Ana Paz left early. ¶ “…,” she
    said.` is Paz).
    """
    si = text.sentence(pos)
    for reach, known_only in ((GENDER_REACH, True), (SPEAKER_REACH, False)):
        found = _nearest(text, resolved, pos, si, gender, reach, known_only, since, quoted)
        if found is not None:
            return found
    return None


def newcomer(text: SpeakerText, pos: int, gender: str, spoke_at: int) -> int | None:
    """The person a "he" or "she" in a paragraph that opens with a quotation stands for when
    the paragraph before brings in someone new: named there for the first time, introduced by
    a role or a relative clause, after the last speaker (at `spoke_at`, -1 if none) spoke.
    Reporters introduce the next speaker so:

        Tomas Ruiz, who leads the pilots' union, disagreed. ¶ “…,” he said.   -> Ruiz

    Only one such newcomer counts; a name in passing ("led by Anton Berg") is none.
    """
    k = text.paragraph_index(pos)
    para = text.paragraphs[k]
    if k == 0 or not para.text.lstrip().startswith(tuple(_OPENING_MARKS)):
        return None
    prev = text.paragraphs[k - 1]
    start, end = prev.start, prev.start + len(prev.text)
    if spoke_at >= start or text.quotes_between(start, end):
        return None  # someone spoke there, or it quotes someone
    # its last SENTENCE_CHARS only, so a long paragraph costs no more than a sentence
    found = {
        person
        for _, person in _candidates(text, [], max(start, end - SENTENCE_CHARS), end, gender)
        if _introduced(text, person, start)
    }
    if len(found) != 1:
        return None
    person = found.pop()
    if text.gender_of(person) != gender:
        # of unknown gender: only when no one known to be of it was named within reach
        si = text.sentence(pos)
        if _nearest(text, [], pos, si, gender, SPEAKER_REACH, True, 0, False) is not None:
            return None
    return person


#: A sentence's opening group phrase: "Critics of the plan, like ..., see" -> "Critics of the
#: plan"; the head word is checked against the group heads.
_GROUP_OPENING_RE = re.compile(
    r"\s*((?:(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Aa]ll|[Bb]oth|[Oo]ther)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?([\w'’-]+)(?:\s+(?:of|for|from|in|at)\s+[^,;:.!?“”\"]{1,60})?)"
    r"(?=,|\s+[a-z])"
)


def group_subject(text: SpeakerText, pos: int, since: int) -> str | None:
    """The group a "they" at `pos` stands for when no group spoke since `since`: the nearest
    sentence back (within GENDER_REACH, none before the paragraph before) that opens with a
    group phrase, as printed. "Critics of the plan, like Ana Paz, oppose it. They wrote to the
    board. ¶ “…,” they wrote." is the critics."""
    k = text.paragraph_index(pos)
    floor = max(since, text.paragraphs[max(0, k - 1)].start)
    si = text.sentence(pos)
    for j in range(si, max(-1, si - GENDER_REACH), -1):
        s, e = text.sentences[j]
        if e <= floor:
            break
        if text.in_quote(s) or text.quotes_between(s, min(e, s + 2)):
            continue
        m = _GROUP_OPENING_RE.match(text.masked, s, min(e, pos, s + 120))
        if m and m.group(2).casefold() in text.cues.group_heads:
            return re.sub(r"^(?i:the)\s+", "", " ".join(m.group(1).split()))
    return None


def _introduced(text: SpeakerText, person: int, start: int) -> bool:
    """Whether a person's first mention in the text stands at or after `start`, followed by a
    role or a relative clause (", a spokesman for ...", ", president of ...", ", who ...")."""
    first = text.first_named.get(person)
    if first is None or first.start < start:
        return False
    after = text.masked[first.end : first.end + INTRODUCTION_CHARS]
    m = re.match(r",\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)", after)
    if m is None:
        return False
    words = [w.casefold() for w in m.group(1).split()]
    if words[0] in {"who", "whose"}:
        return True
    return any(w in text.cues.person_heads or w in text.cues.titles for w in words[:4])


def _nearest(
    text: SpeakerText,
    resolved: list[tuple[int, int]],
    pos: int,
    si: int,
    gender: str,
    reach: int,
    known_only: bool,
    since: int,
    quoted: bool,
) -> int | None:
    for k in range(si, max(-1, si - reach), -1):
        s, e = text.sentences[k]
        if e <= since:
            break
        hi = pos if k == si else e
        s = max(s, hi - SENTENCE_CHARS)  # a bound on very long sentences
        cands = _candidates(text, [] if quoted else resolved, s, hi, gender, quoted)
        known = [c for c in cands if text.gender_of(c[1]) == gender]
        if known_only:
            cands = known
        if not cands:
            continue
        known = known or cands
        verb = next(
            (
                v.start()
                for v in text.cues.verbs.finditer(text.masked, s, hi)
                if not text.in_quote(v.start())
            ),
            None,
        )
        if verb is not None:
            before = [c for c in known if c[0] < verb]
            if before:
                return before[0][1]
        return known[0][1]
    return None


def _candidates(
    text: SpeakerText,
    resolved: list[tuple[int, int]],
    start: int,
    end: int,
    gender: str,
    quoted: bool = False,
) -> list[tuple[int, int]]:
    """(offset, person) of the people named (or pronouns resolved) between two offsets whose
    gender does not contradict `gender`, in text order; bodies ("the Harbor Council") and
    possessives ("Paz's deputy") left out. With `quoted`, the people named inside quotations."""
    named, starts = (
        (text.quoted_named, text.quoted_starts) if quoted else (text.named, text.named_starts)
    )
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    people = text.register.people
    out = [
        (m.start, m.person)
        for m in named[lo:hi]
        if not text.possessor(m)
        and text.gender_of(m.person, gender) == gender
        and personal_name(people[m.person].name, text.cues)
    ]
    a, b = bisect.bisect_left(resolved, (start, -1)), bisect.bisect_left(resolved, (end, -1))
    out += [(p, person) for p, person in resolved[a:b] if text.gender_of(person, gender) == gender]
    return sorted(out)


__all__ = ["GENDER_REACH", "SPEAKER_REACH", "antecedent"]
