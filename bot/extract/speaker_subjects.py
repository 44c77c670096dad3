"""What an attribution's subject phrase names: a name, a pronoun, a description or a group.

read_subject reads a phrase beside a quotation: "Rep. Ana Paz (R-Ore.), a member of the
panel" is the name Ana Paz, "she" a pronoun, "the German chancellor" a description of one
person, "the G-7 leaders" a group. reporting_subject finds the subject of a reporting verb in
running text ("In an interview, Ana Paz, a spokeswoman, said ..."), which speakers.py uses to
learn who spoke where.
"""

from __future__ import annotations

import re

from bot.extract.linear import at_most_words
from bot.extract.speaker_name_words import personal_name
from bot.extract.speaker_phrases import (
    _BRACKETS_RE,
    _DETERMINERS,
    _MODIFIER_WORDS,
    PARTY_RE,
    Subject,
    _gender_of,
    _read_phrase,
    _shifted,
)
from bot.extract.speaker_words import MARKS, SpeakerCues

#: A word opening with a letter: "Paz", "o’clock".
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")

#: A contraction ending a pronoun: "It’s", "they’ve".
_CONTRACTION_RE = re.compile(r"['’](?:s|ve|d|ll)$")

#: What a subject phrase may open with before its words: "and", "but", a dash.
_LEAD_RE = re.compile(r"\s*(?:and|but|—|–|-)?\s*")
#: The characters other than spaces that _LEAD_RE may open with (elsewhere it matches "").
_LEAD_FIRSTS = "ab—–-"

#: A relative clause after a subject: ", who said".
_RELATIVE_RE = re.compile(r",\s+(?:who|whose|which|where)\b")

#: A stretch between commas.
_CLAUSE_RE = re.compile(r"[^,]+")

#: A parenthesis between dashes: "Paz — who wants a vote — attacked ...".
_DASHED_RE = re.compile(r"[—–―][^—–―\n]{1,120}[—–―]")
#: A time or place phrase between a subject and its verb: "Paz on Monday said".
_TIME_PHRASE_RE = re.compile(
    r"\b(?:(?:on|in|at|during|via|by|from|of|for|with|last|this|early|late|earlier)\s+"
    r"(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*|today|yesterday|tonight)\b"
)


#: Words that open an introductory phrase before a subject: "In an interview, Paz said".
_INTRO_WORDS = frozenset(
    "in on at during after before for with under since while when as according however but and "
    "meanwhile still yet also later then speaking asked earlier".split()
)
#: A clause that opens with a name or a pronoun and its (lower-case) verb: "Ana Paz attacked".
_LEADING_NAME_RE = re.compile(
    r"\s*((?:[A-Z][\w'’\u2024.-]*\s+){0,4}[A-Z][\w'’\u2024.-]*|he|she|they)\s+[a-z]"
)
#: A pronoun and the words up to the verb: "which she (later) said". The regex
#: `(?<![\w'’-])((?i:he|she|they|it))(?:\s+[a-z]+){0,2}\s*$`, written to open with the
#: characters a pronoun may open with (ignoring case: İ, ı and the long s match i and s), the
#: character before read by a look-behind: `re` then skips in C to those letters instead of
#: trying the pattern at every character before the verb.
_PRONOUN_BEFORE_RE = re.compile(
    r"([HISThist\u0130\u0131\u017f](?<![\w'’-].)(?i:(?<=h)e|(?<=s)he|(?<=t)hey|(?<=i)t))"
    r"(?:\s+[a-z]+){0,2}\s*$"
)
#: Where the clause before a reporting verb starts: after the last of these marks.
_CLAUSE_CUTS = tuple(MARKS + ";:―—–")
#: The text up to and including the last of _CLAUSE_CUTS: its match ends one past the cut.
#: One match (to the end, then back to the mark) instead of a reverse scan per mark.
_LAST_CUT_RE = re.compile(rf"(?s:.*)[{re.escape(''.join(_CLAUSE_CUTS))}]")
#: The longest subject, in words, before a reporting verb that is not right beside a quotation.
SUBJECT_WORDS = 8
#: A capitalised phrase right after a reporting verb: "..., noted Ana Paz".
_INVERTED_NAME_RE = re.compile(rf"\s*([A-Z][^,.;:!?{MARKS}\n]{{0,60}})")


def reporting_subject(
    masked: str, lo: int, verb: int, verb_end: int, hi: int, cues: SpeakerCues
) -> Subject | None:
    """The subject of a reporting verb in running text (masked[lo:hi] is its sentence), or None.

    Before the verb, the last clause's opening phrase, skipping an introductory phrase and
    allowing an apposition: "In an interview, Ana Paz, a spokeswoman, said" -> Ana Paz. A clause
    too long to be a subject gives way to the name after the verb: "..., noted Ana Paz". Only
    the sentence is read (a copy of it), so the cost is the sentence's length.
    """
    found = _subject_in(masked[lo:hi], verb - lo, verb_end - lo, cues)
    return _shifted(found, lo) if found is not None else None


def _subject_in(sentence: str, verb: int, verb_end: int, cues: SpeakerCues) -> Subject | None:
    """reporting_subject within one sentence; offsets are the sentence's own."""
    text = sentence[:verb]
    cut = _last_cut(text)
    if not text[cut + 1 :].strip() and text[cut : cut + 1] in "―—–":
        # the verb right after a parenthesis between dashes: "Paz — who wants a vote — said"
        text = _DASHED_RE.sub(lambda m: " " * len(m.group(0)), text)
        sentence = text + sentence[verb:]
        cut = _last_cut(text)
    a = cut + 1
    pronoun = _PRONOUN_BEFORE_RE.search(sentence, a, verb)
    if pronoun and _next_to_verb(sentence[pronoun.end(1) : verb], cues):
        # a pronoun right before the verb is its subject: "Asked again, she said"
        return read_subject(sentence, pronoun.start(1), pronoun.end(1), cues)
    parts = clause_parts(sentence[a:verb], a)
    if parts:
        parts[-1] = _from_inner_determiner(*parts[-1])
    if parts and at_most_words(parts[-1][1], SUBJECT_WORDS):
        # the phrase right before the verb: "..., which, Paz said"; "Paz, a spokeswoman, said"
        found = read_subject(sentence, parts[-1][0], verb, cues)
        if found.kind in {"name", "pronoun", "group", "document"} and _next_to_verb(
            sentence[found.end : verb], cues
        ):
            return found
        if found.kind == "description" and len(parts) > 1:
            # appositions back to the name: "Paz, the minister, a member of the council, said"
            for off, part in reversed(parts[-4:-1]):
                named = read_subject(sentence, off, off + len(part), cues)
                if named.kind == "name":
                    return named
                if named.kind != "description":
                    break
            return found
    for k, (off, part) in enumerate(parts):
        words = part.split()
        if words[0].casefold() in _INTRO_WORDS and k + 1 < len(parts):
            continue
        if len(words) <= SUBJECT_WORDS:
            found = read_subject(sentence, off, verb, cues)
            own = sentence[found.end : off + len(part)]
            if found.kind in {"name", "pronoun", "description"} and _next_to_verb(own, cues):
                return found
        # a clause: its subject opens it ("Ana Paz attacked the plan, saying"); one capitalised
        # word opening the sentence may be any word ("Prices will rise, ...")
        lead = _LEADING_NAME_RE.match(part)
        word = lead.group(1).strip() if lead else ""
        if lead and (k > 0 or " " in word or word.casefold() in cues.pronouns):
            found = read_subject(sentence, off + lead.start(1), off + lead.end(1), cues)
            if found.kind in {"name", "pronoun"}:
                return found
        break
    # inverted: the verb, then the name ("..., noted Ana Paz"), not its object ("agreed with")
    tail = _INVERTED_NAME_RE.match(sentence, verb_end)
    if tail:
        found = read_subject(sentence, tail.start(1), tail.end(1), cues)
        if found.kind == "name":
            return found
    return None


def _last_cut(text: str) -> int:
    """Where the last of _CLAUSE_CUTS stands in `text`, or -1: "Asked: Paz" gives 5."""
    m = _LAST_CUT_RE.match(text)
    return m.end() - 1 if m else -1


def clause_parts(text: str, offset: int) -> list[tuple[int, str]]:
    """(offset + start, part) of each stretch between commas in `text` that is not blank:
    "Paz, a spokeswoman," gives (0, "Paz") and (4, " a spokeswoman").

    A text without a comma is its one part: `str` finds that in C where the regex would be
    run and its matches listed ("Ana Paz" gives (0, "Ana Paz")).
    """
    if "," not in text:
        return [(offset, text)] if text and not text.isspace() else []
    parts = [(offset + m.start(), m.group(0)) for m in _CLAUSE_RE.finditer(text)]
    return [(off, p) for off, p in parts if p.strip()]


#: A determiner after a lower-case word that no phrase goes on with: a new noun phrase starts.
_INNER_DETERMINER_RE = re.compile(r"\b([a-z][\w'’-]*)\s+(?=(?:the|a|an)\s)")
_GOES_ON = _MODIFIER_WORDS | frozenset("and or but nor as than that about over into by".split())


def _from_inner_determiner(offset: int, part: str) -> tuple[int, str]:
    """The clause part before a verb, from a noun phrase that opens inside it when the part
    opens with a participle and no comma ends it: in "Lauding the harbor plan the mayor said",
    "the mayor" is the subject, not the participle phrase before it. A part that opens
    otherwise stays whole ("Ana Paz attacked the plan"), as does "... of the agency" ("of"
    goes on).
    """
    first = part.split(None, 1)[0] if part.strip() else ""
    if not (first[:1].isupper() and first.endswith("ing") and len(first) > 5):
        return offset, part
    last = None
    for m in _INNER_DETERMINER_RE.finditer(part):
        if m.group(1) not in _GOES_ON and m.group(1) not in _DETERMINERS:
            last = m
    if last is None:
        return offset, part
    return offset + last.end(), part[last.end() :]


def _next_to_verb(between: str, cues: SpeakerCues) -> bool:
    """Whether only adverbs, a party tag or a parenthesis stand between a subject and its
    verb ("Paz (R-Ore.) later said"), not a clause ("Prices will rise, noted ...")."""
    if not between or between.isspace():
        return True  # most subjects stand right before their verb: no word to read
    rest = PARTY_RE.sub(" ", _BRACKETS_RE.sub(" ", between))
    rest = _TIME_PHRASE_RE.sub(" ", rest)  # "on Monday", "in a statement", "last week"
    words = _WORD_RE.findall(rest)
    return all(w.casefold() in cues.adverbs or w.endswith("ly") for w in words)


def read_subject(masked: str, start: int, end: int, cues: SpeakerCues) -> Subject:
    """Read a subject phrase: "Holm, a top adviser," -> name Holm; "he" -> pronoun;
    "the German chancellor" -> description; "the G-7 leaders" -> group; "Paz's niece, state
    Del. Ana Ruiz" -> name Ana Ruiz (a description with a named apposition is that name)."""
    phrase = masked[start:end]
    if "," in phrase:  # a relative clause opens with a comma
        rel = _RELATIVE_RE.search(phrase)
        if rel:
            phrase = phrase[: rel.start()]
    parts = clause_parts(phrase, 0)
    if not parts:
        return Subject("none", "", start, end)
    a, head = parts[0]
    if head[0] in _LEAD_FIRSTS or head[0].isspace():  # most phrases open with their word
        lead = _LEAD_RE.match(head)
        a, head = a + (lead.end() if lead else 0), head[lead.end() if lead else 0 :]
    head = head.strip()
    low = head.casefold()
    if "'" in low or "’" in low:
        low = _CONTRACTION_RE.sub("", low)  # "It’s denouncing"
    if low in cues.pronouns:
        b = start + a + len(head)  # "It’s" whole, so only the verb follows
        return Subject("pronoun", head[: len(low)], start + a, b, _gender_of(low, cues))
    found = _read_phrase(head, start + a, cues)
    if found.kind == "description" and len(parts) > 1:
        b2, second = parts[1]
        named = _read_phrase(second, start + b2, cues)
        if named.kind == "name":
            return named
    return found


__all__ = ["SUBJECT_WORDS", "personal_name", "read_subject", "reporting_subject"]
