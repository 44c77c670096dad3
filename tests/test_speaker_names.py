"""Speaker names kept between merges answer as a fresh lookup, and report every changed answer.

Invented people come and go between merges (kept as the very objects, merged anew equal, or
changed; the people kept stay in their order, as the merge keeps them), with shared surnames,
aliases and ids; after each update every text must read as
`PeopleLookup` over the new people reads it, and every text whose answer changed must be among
the texts `update` returns.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.models import Person
from bot.people_merge import PeopleLookup
from bot.seeds import slugify
from bot.speaker_names import SpeakerNames

NAMES = ("Orla Venn", "Piet Venn", "Venn", "Ansel Quarry", "Dr. Ansel Quarry", "Brit Osk", "Osk")
TEXTS = (*NAMES, "orla-venn", "piet-venn", "the tide council", "Quarry", "Orla", "venn")


def _people(rng: random.Random, before: list[Person]) -> list[Person]:
    out = []
    for person in before:
        roll = rng.random()
        if roll < 0.5:
            out.append(person)  # kept as it was
        elif roll < 0.7:
            out.append(replace(person))  # merged anew, equal
        elif roll < 0.85:
            out.append(replace(person, roles=("Envoy",)))  # merged anew, changed
    for _ in range(rng.randint(0, 3)):
        name = rng.choice(NAMES)
        aliases = (rng.choice(NAMES),) if rng.random() < 0.3 else ()
        out.insert(rng.randint(0, len(out)), Person(slugify(name), name, aliases=aliases))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_speaker_names_answer_as_a_fresh_lookup_and_report_changes(seed: int) -> None:
    rng = random.Random(seed)
    names = SpeakerNames()
    people: list[Person] = []
    answers: dict[str, str] = {}
    for _step in range(30):
        people = _people(rng, people)
        stale = names.update(tuple(people))
        lookup = PeopleLookup(people)
        for text in TEXTS:
            expected = text if text in lookup.ids else lookup.speaker_id(text)
            assert names.speaker_id(text) == expected
            if text in answers and answers[text] != expected:
                assert text in stale
            answers[text] = expected
