"""What an attribution's subject phrase names: a name, a pronoun, a description or a group.

read_subject reads a phrase beside a quotation: "Rep. Ana Paz (R-Ore.), a member of the
panel" is the name Ana Paz, "she" a pronoun, "the German chancellor" a description of one
person, "the G-7 leaders" a group. reporting_subject finds the subject of a reporting verb in
running text ("In an interview, Ana Paz, a spokeswoman, said ..."), which speakers.py uses to
learn who spoke where.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract.linear import at_most_words
from bot.extract.memo import BoundedMemo
from bot.extract.speaker_name_words import (
    is_name_word,
    name_runs,
    personal_name,
)
from bot.extract.speaker_words import MARKS, STOP_MASK, SpeakerCues

#: A determiner opening a phrase: "the", "some".
_DETERMINER_RE = re.compile(r"^(?i:the|a|an|some|several|many|all)\s+")

#: A word opening with a letter: "Paz", "o’clock".
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")

#: A bracketed stretch: "(R-Ore.)".
_BRACKETS_RE = re.compile(r"\([^()]*\)")

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
#: Words a group phrase may open with: "the G-7 leaders", "several groups".
_GROUP_OPENERS = frozenset("the a some several many all both other two three four five".split())
#: A time or place phrase between a subject and its verb: "Paz on Monday said".
_TIME_PHRASE_RE = re.compile(
    r"\b(?:(?:on|in|at|during|via|by|from|of|for|with|last|this|early|late|earlier)\s+"
    r"(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*|today|yesterday|tonight)\b"
)
#: A party tag after a name: "R-Ore." (masked stop included).
PARTY_RE = re.compile(r"\b[RDI]-[A-Z][\w\u2024.]*")
_DETERMINERS = frozenset("a an the one another this that his her their its".split())
_MODIFIER_WORDS = frozenset("of on in at from during via with to for".split())
_TOKEN_RE = re.compile(r"[^\W_][\w'’\u2024.-]*")


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


def _titled_name_after(tokens: list[tuple[int, str]], cues: SpeakerCues) -> bool:
    """Whether a title and a name follow: in "Ministry of Commerce Spokesman Ana Paz" the
    phrase after "of" goes on to the person, so "of" is no trailing modifier to cut at."""
    words = [t for _, t in tokens]
    return any(
        w.casefold().rstrip(".\u2024") in cues.titles and is_name_word(words[k + 1], cues)
        for k, w in enumerate(words[:-1])
    )


def _shifted(found: Subject, by: int) -> Subject:
    """A subject read in a sentence, with body offsets."""
    names = tuple([(a + by, b + by, t) for a, b, t in found.names]) if found.names else ()
    return Subject(found.kind, found.text, found.start + by, found.end + by, found.gender, names)


def _next_to_verb(between: str, cues: SpeakerCues) -> bool:
    """Whether only adverbs, a party tag or a parenthesis stand between a subject and its
    verb ("Paz (R-Ore.) later said"), not a clause ("Prices will rise, noted ...")."""
    if not between or between.isspace():
        return True  # most subjects stand right before their verb: no word to read
    rest = PARTY_RE.sub(" ", _BRACKETS_RE.sub(" ", between))
    rest = _TIME_PHRASE_RE.sub(" ", rest)  # "on Monday", "in a statement", "last week"
    words = _WORD_RE.findall(rest)
    return all(w.casefold() in cues.adverbs or w.endswith("ly") for w in words)


class Subject(NamedTuple):
    """What an attribution's subject phrase names.

    A named tuple rather than a frozen dataclass: the speaker pass makes one for every phrase
    it reads and shifts each remembered one to where it stands, and a tuple is built in one
    call where a frozen dataclass sets each field in turn. Example: `Subject("name", "Ana
    Paz", 10, 17)` is the name Ana Paz at offsets 10-17, with no gender and no name runs.
    """

    kind: str  # "name", "pronoun", "description", "group", "document" or "none"
    text: str  # the name, pronoun, head noun or group phrase
    start: int  # body offsets of `text` (of the whole phrase for descriptions)
    end: int
    gender: str | None = None  # m / f when the phrase says so
    names: tuple[tuple[int, int, str], ...] = ()  # every name run in the phrase, for a lookup


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


def _blank(m: re.Match[str]) -> str:
    """Spaces as long as a match: masking it keeps every offset after it."""
    return " " * len(m.group(0))


#: The most phrases remembered per lexicon, and the longest one remembered, in characters.
PHRASE_MEMO = 4096
PHRASE_MEMO_CHARS = 200
_PHRASES = BoundedMemo(PHRASE_MEMO)  # phrase -> (the cues it was read with, its Subject)


def _read_phrase(text: str, offset: int, cues: SpeakerCues) -> Subject:
    """What one comma-free phrase names (see read_subject), remembered per phrase.

    What a phrase names depends on its text alone; its offsets only shift with `offset`
    (every offset in the Subject is `offset` plus one within the phrase). A document names
    its speakers again and again ("Paz", "the spokesman"): each short phrase is read once at
    offset 0 and shifted for each place it stands. The memo holds at most PHRASE_MEMO
    phrases of at most PHRASE_MEMO_CHARS characters.
    """
    if len(text) > PHRASE_MEMO_CHARS:
        return _phrase_subject(text, offset, cues)
    hit = _PHRASES.get(text)
    if hit is not None and hit[0] is cues:
        found = hit[1]
    else:
        found = _phrase_subject(text, 0, cues)
        _PHRASES.put(text, (cues, found))
    return _shifted(found, offset) if offset else found


def _phrase_subject(text: str, offset: int, cues: SpeakerCues) -> Subject:
    """What one comma-free phrase names, read (see read_subject)."""
    clean = _BRACKETS_RE.sub(_blank, text) if "(" in text else text  # "(R-Ore.)"
    clean = PARTY_RE.sub(_blank, clean) if "-" in clean else clean  # "R-Ore."
    tokens = [(m.start(), m.group(0)) for m in _TOKEN_RE.finditer(clean)]
    lows = [t.casefold() for _, t in tokens]  # each token folded once, read by every rule
    # where a post-modifier may start: "of", "on", "for" after the first word (most phrases
    # hold none: one set test instead of a test per word)
    mods = (
        [i for i, w in enumerate(lows) if i and w in _MODIFIER_WORDS]
        if not _MODIFIER_WORDS.isdisjoint(lows)
        else []
    )
    # trailing modifiers after a name: "Mr. Varga of the harbor board", "Paz on Monday"
    for i in mods:
        if any(is_name_word(x, cues) for _, x in tokens[:i]) and not _titled_name_after(
            tokens[i + 1 :], cues
        ):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and tokens[-1][1] in cues.adverbs:
        tokens = tokens[:-1]  # "the board is (defending)", "Paz has also (said)"
    if not tokens:
        return Subject("none", "", offset, offset)
    del lows[len(tokens) :]
    if not cues.documents.isdisjoint(lows[:4]):  # "the statement by ...": only a document's
        issuer = _issued_by(tokens, text, offset, cues)
        if issuer is not None:
            return issuer
    end = tokens[-1][0] + len(tokens[-1][1])
    names = name_runs(tokens, text, offset, cues)
    # the head noun stands before a post-modifier: "a spokesman for the ministry"
    head_at = mods[0] - 1 if mods and mods[0] < len(tokens) else len(tokens) - 1
    head_token = tokens[head_at][1]
    last = lows[head_at].strip(".\u2024")
    words = {w.strip(".\u2024") for w in lows}
    gender = "m" if words & cues.male else "f" if words & cues.female else None
    first = tokens[0][1]
    grouped = first[:1].isupper() or first[:1].isdigit() or lows[0] in _GROUP_OPENERS
    # a group's head within its first six words, whatever modifies it after: "the foreign
    # ministers of Norway and Chile" is that group, not Chile
    if head_token[:1].islower() and last in cues.group_heads and grouped and head_at < 6:
        return Subject("group", _core(text, end), offset, offset + end)
    described = lows[0] in _DETERMINERS and head_token[:1].islower()
    if head_token[:1].islower() and last in cues.documents:
        # "the Harbor Board report stated": a document speaks for its issuer (quotes.py finds them)
        issuer = [
            n for n in names if n[1] <= offset + tokens[head_at][0]
        ]  # "the Harbor Board report"
        return Subject("document", last, offset, offset + end, None, tuple(issuer))
    if described and not (last in cues.group_heads and grouped):
        # "a top Ruiz surrogate", "a member of the Harbor Council": a description, not
        # the name in it; one of a person only with a person's head noun
        kind = "description" if last in cues.person_heads or last in cues.titles else "none"
        return Subject(kind, last, offset, offset + end, gender)
    if names:
        # a run of two words or more first ("city police Chief Ana Paz" is Ana Paz), else the last
        best = max(names, key=lambda n: (" " in n[2], n[0]))
        return Subject("name", best[2], best[0], best[1], gender, tuple(names))
    if last in cues.person_heads or last in cues.titles:
        return Subject("description", last, offset, offset + end, gender)
    if last in cues.group_heads:
        return Subject("group", _core(text, end), offset, offset + end)
    return Subject("none", _core(text, end), offset, offset + end)


def _core(text: str, end: int) -> str:
    """A group's or an unread phrase's words up to `end`, its determiner dropped and stops
    unmasked: "the G-7 leaders" gives "G-7 leaders". Read only for the phrases that print it."""
    return _DETERMINER_RE.sub("", text[:end].strip()).replace(STOP_MASK, ".")


def _issued_by(
    tokens: list[tuple[int, str]], text: str, offset: int, cues: SpeakerCues
) -> Subject | None:
    """The issuer a document phrase names after "by" or "from", as the subject it stands for:
    "the joint statement by the G-7 finance ministers" speaks as those ministers, "a letter
    from Ana Paz" as Paz. None when the phrase is no such document or the issuer no one."""
    for i, (_, t) in enumerate(tokens[:4]):
        if i + 2 >= len(tokens) or t.casefold() not in cues.documents:
            continue
        if tokens[i + 1][1] not in {"by", "from"}:
            return None
        a = tokens[i + 2][0]
        found = _read_phrase(text[a:], offset + a, cues)
        return found if found.kind in {"name", "group"} else None
    return None


def _gender_of(word: str, cues: SpeakerCues) -> str | None:
    kind = cues.pronouns.get(word)
    return kind if kind in {"m", "f"} else None


__all__ = ["SUBJECT_WORDS", "Subject", "personal_name", "read_subject", "reporting_subject"]
