"""A register person's gender in the list of who spoke is read from the text only when a "he"
or "she" looks back at them: on invented documents, the last speaker each pronoun finds is the
one found with every person's gender read up front."""

from __future__ import annotations

import bisect
import random

from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.speaker_text import SpeakerText
from bot.extract.speaker_words import mask_stops, speaker_cues
from bot.extract.speakers import PERSON, SPEAKER_REACH, SpeakerResolver
from bot.extract.text import segment
from bot.models import Document

_SENTENCES = [
    "Ana Paz said the port stays open.",
    "Ivo Brandt told reporters the talks went well.",
    "Mr. Holm said nothing.",
    "Ms. Lund said the plan was sound.",
    "She said the vote was close.",
    "He said it would pass.",
    "They said the deal was done.",
    "The Harbor Commission announced a new fee.",
    "The report said costs rose.",
    "It said the figures were final.",
    "An official said the board met.",
    "The ministers said little.",
    "Paz met Brandt on Monday.",
    "Brandt said he agreed.",
    "Lund left early.",
]


def _resolver(text: str, lexicon: Lexicon) -> SpeakerResolver:
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    cues = speaker_cues(lexicon)
    register = extract_people(doc, paragraphs, lexicon)
    return SpeakerResolver(
        SpeakerText(text, mask_stops(text, cues), paragraphs, register, cues, [])
    )


def _eager_last_event(r: SpeakerResolver, pos: int, gender: str) -> tuple[int, str] | None:
    """SpeakerResolver.last_event with each person's gender read before the scan."""
    genders = [r.text.gender_of(i) for i in range(len(r.register.people))]
    lo = r.text.sentences[max(0, r.text.sentence(pos) - SPEAKER_REACH)][0]
    k = bisect.bisect_left(r.event_starts, pos) - 1
    while k >= 0 and r.events[k][0] >= lo:
        at, who, g = r.events[k]
        if g == PERSON:
            g = genders[r.index[who]]
        if g == gender or (g is None and gender in {"m", "f"}):
            return at, who
        if gender == "thing" and g in {"body", "group", "document"}:
            return (at, who) if who else None
        k -= 1
    return None


def test_a_pronoun_finds_the_speaker_it_finds_with_genders_read_up_front(
    lexicon: Lexicon,
) -> None:
    rng = random.Random(7)
    persons = 0
    for _ in range(40):
        paragraphs = [
            " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 4))
        ]
        text = "\n\n".join(paragraphs)
        r = _resolver(text, lexicon)
        persons += sum(g == PERSON for _, _, g in r.events)
        for pos in range(0, len(text) + 1, 7):
            for gender in ("m", "f", "thing", "group"):
                assert r.last_event(pos, gender) == _eager_last_event(r, pos, gender), (
                    text,
                    pos,
                    gender,
                )
    assert persons  # register people spoke, so the deferred genders were read
