"""One document as the speaker pass reads it: sentences, quoted stretches, named people, the
person a name stands for, and what the text says about each person's gender.

Genders come from the text alone: an honorific or gendered noun before a name or in a role
("Mr. Okafor", "spokeswoman Ana Paz"), a common given name (config/speakers.yaml), and the
pronoun that follows a name ("Ana Paz arrived. She said ..."). A person the text never marks
has no gender, and a "he" or "she" may then stand for them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from bot.extract.people import Mention, PeopleRegister
from bot.extract.speaker_phrases import Subject
from bot.extract.speaker_words import SpeakerCues
from bot.extract.text import Paragraph

#: A word of a role.
_ROLE_WORD_RE = re.compile(r"\w+")

#: A relative or another clause: a pronoun after one may be someone else.
_CLAUSE_RE = re.compile(
    r"\b(?:who|whom|whose|which|that|and|but|while|as|when|after|before|because|until|if|than)\b"
)
#: `_CLAUSE_RE` written to open with its words' first letters, the word boundary before read
#: by a look-behind: `re` skips in C to those letters instead of trying every word at every
#: character (the words are whole, so at most one matches at a place).
_CLAUSE_SCAN_RE = re.compile(
    r"[abituw](?<!\w.)(?:(?<=w)(?:ho|hom|hose|hich|hile|hen)|(?<=t)(?:hat|han)"
    r"|(?<=a)(?:nd|s|fter)|(?<=b)(?:ut|efore|ecause)|(?<=u)ntil|(?<=i)f)\b"
)
#: The word before a name and the spaces (and a stop) after it: `([A-Za-z]+)[.\u2024]?\s+$`
#: searched in the WORD_BEFORE characters before the name, matched instead on the text
#: reversed, from the name back: "Mr\u2024 Paz" reads " \u2024rM" from before "Paz". A
#: search tries the pattern at each of those characters; the match reads each once.
_WORD_BEFORE_REVERSED_RE = re.compile(r"\s+[.\u2024]?([A-Za-z]+)")
#: How many characters before a name are read for its honorific or gendered word.
WORD_BEFORE = 20
# "him" and "her" are left out: they are as often someone else ("Paz thanked her").
#: The regex `(?i)\b(?:he|his|himself|she|hers|herself)\b`, written to open with the
#: characters its words may open with (H, S and the long s that matches "s" ignoring case),
#: the word boundary before read by a look-behind: `re` then skips in C to those letters
#: instead of trying the whole alternation at every character of the text it scans.
_GENDER_PRONOUN_RE = re.compile(
    r"[HShs\u017f](?<!\w.)(?i:(?<=h)(?:e|is|imself|ers|erself)|(?<=s)he)\b"
)


@dataclass
class SpeakerText:
    """Offsets and lookups for one document; `masked` is the body with abbreviation stops
    masked (speaker_cues.mask_stops), `quoted` the (start, end) of its quoted stretches."""

    body: str
    masked: str
    paragraphs: tuple[Paragraph, ...]
    register: PeopleRegister
    cues: SpeakerCues
    quoted: list[tuple[int, int]]
    sentences: list[tuple[int, int]] = field(init=False)
    named: list[Mention] = field(init=False)  # names and roles outside quotations
    named_starts: list[int] = field(init=False)
    quoted_named: list[Mention] = field(init=False)  # names and roles inside them
    quoted_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = [(s.start, s.end) for p in self.paragraphs for s in p.sentences]
        self._starts = [s for s, _ in self.sentences]
        self._para_starts = [p.start for p in self.paragraphs]
        self.quoted = sorted(self.quoted)
        self._quote_starts = [a for a, _ in self.quoted]
        self.named = [
            m
            for m in self.register.all_mentions
            if m.kind != "pronoun" and not m.in_quote and not self.in_quote(m.start)
        ]
        self.named_starts = [m.start for m in self.named]
        outside = {id(m) for m in self.named}
        self.quoted_named = [
            m for m in self.register.all_mentions if m.kind != "pronoun" and id(m) not in outside
        ]
        self.quoted_starts = [m.start for m in self.quoted_named]
        self._name_words: dict[int, set[str]] = {}  # person -> the words of their names
        self.first_named: dict[int, Mention] = {}  # person -> first mention outside quotations
        self._genders: dict[int, str | None] = {}  # person -> gender_of, read once
        for m in self.named:
            self.first_named.setdefault(m.person, m)

    @cached_property
    def gender_reading(self) -> GenderReading:
        return gender_reading(self)

    def gender_of(self, person: int, default: str | None = None) -> str | None:
        """`gender.get(person, default)`, worked out for that person alone when first asked:
        only pronouns and gendered descriptions ask, and only of the people named near them
        (a third of a news article's people), so the others' names are never read."""
        if person not in self._genders:
            self._genders[person] = _person_gender(self, person)
        found = self._genders[person]
        return default if found is None else found

    def paragraph_start(self, pos: int) -> int:
        """The body offset where the paragraph holding `pos` starts."""
        k = bisect.bisect_right(self._para_starts, pos) - 1
        return self._para_starts[k] if k >= 0 else 0

    def paragraph_index(self, pos: int) -> int:
        """The index (0-based) in `paragraphs` of the paragraph holding `pos`."""
        return max(bisect.bisect_right(self._para_starts, pos) - 1, 0)

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def quotes_between(self, start: int, end: int) -> bool:
        """Whether a quoted stretch opens between two offsets."""
        k = bisect.bisect_left(self._quote_starts, start)
        return k < len(self._quote_starts) and self._quote_starts[k] < end

    def sentence(self, pos: int) -> int:
        """The index of the sentence that holds body offset `pos`."""
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)

    def possessor(self, m: Mention) -> bool:
        """ "Paz's deputy": a name in the possessive is not the one who speaks."""
        return self.body[m.end : m.end + 2] in {"'s", "’s"}

    def pid(self, person: int) -> str:
        return self.register.people[person].id

    def named_speaker(self, subject: Subject) -> tuple[str | None, bool]:
        """(speaker, is a register person) for a name subject: the register person whose
        mention ends the name run ("Kent County official Ana Paz"), else the person the
        register knows by that name or surname, else the name as printed when it has two
        words or more ("city police Chief Ana Paz" gives "Ana Paz")."""
        ranked = sorted(subject.names, key=lambda n: (" " in n[2], n[0]), reverse=True)
        for a, b, text in ranked:
            inside = [
                m
                for m in self.register.mention_spans(a, b)
                if m.kind != "pronoun" and not self.possessor(m)
            ]
            last = max(inside, key=lambda m: m.end) if inside else None
            if last is not None and last.end >= b - 1 and self._bears(last.person, text):
                # the one that ends the run: "Kent County official Ana Paz"
                return self.pid(last.person), True
            hit = self.register.aliases.get(text.casefold())
            if hit is None:
                hit = self.register.aliases.get(text.split()[-1].casefold())
            if hit and self._bears(hit[0], text):
                return self.pid(hit[0]), True
            if " " in text:
                return text, False
        return (ranked[0][2], False) if ranked else (None, False)

    def _bears(self, person: int, name: str) -> bool:
        """Whether a register person bears the surname a name ends with ("Mr. Holm" is not
        the register's "Ana Ruiz", whatever the register's merging made of "Holm")."""
        words = self._name_words.get(person)
        if words is None:  # read once per person: a document names its speakers again and again
            p = self.register.people[person]
            words = {w.casefold() for form in (p.name, *p.aliases) for w in form.split()}
            self._name_words[person] = words
        return name.split()[-1].casefold() in words

    def given_gender(self, name: str) -> str | None:
        """ "m" or "f" when a full name opens with a common given name ("Mary Lund")."""
        given = name.split()[0].casefold() if " " in name else ""
        if given in self.cues.male_names:
            return "m"
        return "f" if given in self.cues.female_names else None


@dataclass(frozen=True)
class GenderReading:
    """What reading any one person's gender needs of the whole document, read once: the
    surnames two people share, the gendered words that are no pronouns, the masked text
    reversed, and each person's named mentions (indices into `named`, in text order)."""

    shared: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    reverse: str
    mentions: dict[int, list[int]]


def gender_reading(text: SpeakerText) -> GenderReading:
    """The GenderReading of a document."""
    cues = text.cues
    surnames = Counter(p.name.split()[-1].casefold() for p in text.register.people if p.name)
    mentions: dict[int, list[int]] = {}
    for k, m in enumerate(text.named):
        mentions.setdefault(m.person, []).append(k)
    return GenderReading(
        shared=frozenset(w for w, n in surnames.items() if n > 1),
        male=cues.male - cues.male_pronouns,
        female=cues.female - cues.female_pronouns,
        reverse=text.masked[::-1],
        mentions=mentions,
    )


def _person_gender(text: SpeakerText, person: int) -> str | None:
    """A person's gender where the text tells: an honorific or gendered noun before their
    name or in a role (weight 3), a common given name (weight 2), the pronoun that next
    follows their name in its sentence with no other person or clause between, or opens the
    next sentence (weight 1). A tie tells nothing, nor does a surname two people share.
    Only the person's own names are read: "Mr. Holm met Ana Paz" tells Holm's, not Paz's."""
    cues, reading = text.cues, text.gender_reading
    votes: dict[str, int] = {}
    p = text.register.people[person]
    given = text.given_gender(p.name)
    if given:
        votes[given] = 2
    for role in p.roles:
        words = set(_ROLE_WORD_RE.findall(role.casefold()))
        if words & cues.male:
            votes["m"] = votes.get("m", 0) + 3
        elif words & cues.female:
            votes["f"] = votes.get("f", 0) + 3
    reverse, male, female = reading.reverse, reading.male, reading.female
    n = len(reverse)
    for k in reading.mentions.get(person, ()):
        m = text.named[k]
        w = _WORD_BEFORE_REVERSED_RE.match(reverse, n - m.start, n - max(0, m.start - WORD_BEFORE))
        for word in ([w.group(1)[::-1].casefold()] if w else []) + m.text.casefold().split()[:1]:
            if word in male:
                votes["m"] = votes.get("m", 0) + 3
            elif word in female:
                votes["f"] = votes.get("f", 0) + 3
        if text.possessor(m) or m.text.casefold() in reading.shared:
            continue  # "Rowan" when two people are called Rowan: whose pronoun is it?
        g = _pronoun_after(text, k)
        if g:
            votes[g] = votes.get(g, 0) + 1
    if len(set(votes.values())) > 1 or len(votes) == 1:
        return max(votes, key=votes.__getitem__)
    return None


def _pronoun_after(text: SpeakerText, k: int) -> str | None:
    """The gender of the pronoun that follows named mention k, if it refers back to it."""
    m = text.named[k]
    si = text.sentence(m.start)
    end = text.sentences[si][1]
    stop = text.sentences[min(si + 1, len(text.sentences) - 1)][1]
    nxt = text.named_starts[k + 1] if k + 1 < len(text.named) else len(text.body)
    for p in _GENDER_PRONOUN_RE.finditer(text.masked, m.end, min(stop, nxt, m.end + 600)):
        if text.in_quote(p.start()):
            continue
        if _CLAUSE_SCAN_RE.search(text.masked, m.end, p.start()):
            return None  # "Paz, who met Holm, said he ...": he may be Holm
        if p.start() >= end and (
            text.sentence(p.start()) != si + 1
            or text.body[text.sentences[si + 1][0] : p.start()].strip()
            or (k > 0 and text.named_starts[k - 1] >= text.sentences[si][0])
        ):
            # in the next sentence, only one that opens with the pronoun, and only for the
            # sentence's first person: "Holm met Ana Paz. He said ..." tells nothing of Paz
            return None
        return "m" if p.group(0).casefold() in text.cues.male_pronouns else "f"
    return None


__all__ = ["GenderReading", "SpeakerText"]
