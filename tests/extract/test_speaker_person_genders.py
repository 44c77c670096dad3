"""A person's gender read for that person alone (SpeakerText.gender_of) is the one the whole
document's reading gives: on invented documents with honorifics, gendered roles, given
names, shared surnames, possessives and pronouns, every person's gender_of equals what one
pass over every name of the document (the reference below) tells."""

from __future__ import annotations

import random

from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.speaker_text import (
    _ROLE_WORD_RE,
    _WORD_BEFORE_REVERSED_RE,
    WORD_BEFORE,
    SpeakerText,
    _pronoun_after,
)
from bot.extract.speaker_words import mask_stops, speaker_cues
from bot.extract.text import segment
from bot.models import Document

_SENTENCES = [
    "Mr. Holm met Ana Paz on Monday.",
    "Ms. Lund said the plan was sound.",
    "Keith Rowan was stopped near his home.",
    "Odile Rowan said her husband was unarmed.",
    "Rowan said little. He went home.",
    "She said the vote was close.",
    "Paz's deputy, who met Holm, said he agreed.",
    "Spokeswoman Dana Varos told reporters she would wait.",
    "Ivo Brandt, the chairman, said the port stays open.",
    "Brandt and Lund left. She returned alone.",
    "Mary Lund said he was wrong.",
    "Holm said “he will sign” before he left.",
    "The minister, Kai Ostrom, said his office agreed.",
]


def _text(text: str, lexicon: Lexicon) -> SpeakerText:
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    cues = speaker_cues(lexicon)
    register = extract_people(doc, paragraphs, lexicon)
    quoted = [(m.start() + 1, m.end() - 1) for m in __import__("re").finditer("“[^”]*”", text)]
    return SpeakerText(text, mask_stops(text, cues), paragraphs, register, cues, quoted)


def _whole_document(text: SpeakerText) -> dict[int, str]:
    """Every person's gender read in one pass over every name of the document."""
    cues = text.cues
    votes: dict[int, dict[str, int]] = {}

    def vote(person: int, g: str, w: int) -> None:
        votes.setdefault(person, {}).setdefault(g, 0)
        votes[person][g] += w

    for i, p in enumerate(text.register.people):
        given = text.given_gender(p.name)
        if given:
            vote(i, given, 2)
        for role in p.roles:
            words = set(_ROLE_WORD_RE.findall(role.casefold()))
            if words & cues.male:
                vote(i, "m", 3)
            elif words & cues.female:
                vote(i, "f", 3)
    surnames = [p.name.split()[-1].casefold() for p in text.register.people if p.name]
    shared = {w for w in surnames if surnames.count(w) > 1}
    male = cues.male - cues.male_pronouns
    female = cues.female - cues.female_pronouns
    reverse = text.masked[::-1]
    n = len(reverse)
    for k, m in enumerate(text.named):
        w = _WORD_BEFORE_REVERSED_RE.match(reverse, n - m.start, n - max(0, m.start - WORD_BEFORE))
        for word in ([w.group(1)[::-1].casefold()] if w else []) + m.text.casefold().split()[:1]:
            if word in male:
                vote(m.person, "m", 3)
            elif word in female:
                vote(m.person, "f", 3)
        if text.possessor(m) or m.text.casefold() in shared:
            continue
        g = _pronoun_after(text, k)
        if g:
            vote(m.person, g, 1)
    return {
        i: max(v, key=lambda g: v[g])
        for i, v in votes.items()
        if len(set(v.values())) > 1 or len(v) == 1
    }


def test_each_persons_gender_is_the_whole_documents_reading(lexicon: Lexicon) -> None:
    rng = random.Random(11)
    told = 0
    for _ in range(60):
        paragraphs = [
            " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 3))
        ]
        text = _text("\n\n".join(paragraphs), lexicon)
        reference = _whole_document(text)
        people = list(range(len(text.register.people)))
        for i in rng.sample(people, len(people)):  # asked in any order
            assert text.gender_of(i) == reference.get(i)
            assert text.gender_of(i, "m") == reference.get(i, "m")
        told_here = {i: g for i in people if (g := text.gender_of(i)) is not None}
        assert told_here == reference
        told += len(reference)
    assert told  # genders were told, so the readings were compared on something
