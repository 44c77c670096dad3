"""Commitments: cues, blockers, actors and topics, on short texts written for the test, and the
whole pipeline on the shipped seeds (expectations read from the seed text itself)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from bot.extract import extract_document
from bot.extract.commitments import extract_commitments
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import segment
from bot.models import Commitment, Document, Person
from bot.seeds import parse_document
from tests.conftest import seed_documents


@dataclass(frozen=True)
class FakeRegister:
    """The PeopleRegister interface over a fixed list: a person is mentioned wherever any of
    their names appears; "he"/"she" resolve to the last person named before."""

    people: tuple[Person, ...]
    body: str

    def _hits(self) -> list[tuple[Person, int]]:
        hits = []
        for person in self.people:
            for name in (person.name, *person.aliases):
                hits += [
                    (person, m.start()) for m in re.finditer(rf"\b{re.escape(name)}\b", self.body)
                ]
        return sorted(hits, key=lambda h: h[1])

    def mentions(self, start: int, end: int) -> list[tuple[Person, int]]:
        return [(p, pos) for p, pos in self._hits() if start <= pos < end]

    def resolve(self, mention: str, position: int) -> Person | None:
        before = [p for p, pos in self._hits() if pos < position]
        return before[-1] if before else None


def person(name: str, country: str | None, *aliases: str) -> Person:
    return Person(id=name.casefold().replace(" ", "-"), name=name, aliases=aliases, country=country)


def run(
    lexicon: Lexicon,
    body: str,
    *,
    people: tuple[Person, ...] = (),
    date: str | None = "2023-03-15",
    title: str = "",
) -> list[Commitment]:
    doc = Document(id="t", title=title, path="t.txt", text=body, sha256="", date=date)
    register = FakeRegister(people, body) if people else PeopleRegister()
    return extract_commitments(doc, segment(body), register, lexicon)  # type: ignore[arg-type]


def sentences(commitments: list[Commitment]) -> list[str]:
    return [c.sentence for c in commitments]


@pytest.mark.parametrize(
    "text",
    [
        "Canada wants to expand its navy.",
        "Chile and Argentina plan to open a joint consulate.",
        "The two governments agreed to hold annual talks.",
        "The cabinet decided to raise the budget for the coast guard.",
        "Norway pledged to double its aid.",
        "The aim is to reduce dependence on imported fertiliser.",
        "Brazil is committed to protecting the rainforest.",
        "Kenya intends to build a new port.",
        "The ministers would like to deepen cooperation on health.",
        "Spain will send two frigates to the region.",
        "Another frigate will be sent to the region.",
        "The sides agreed that experts would meet again in the autumn.",
        "Austria reiterated its firm commitment to neutrality.",
        "Peru's commitment to the accord was restated.",
    ],
)
def test_commitment_cues(lexicon: Lexicon, text: str) -> None:
    assert sentences(run(lexicon, text)) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Canada expanded its navy last year.",  # past fact
        "Demand for copper, which is used in cables, will expand in the coming decades.",
        "If the two sides agree, it will lead to more trade.",  # forecast, no actor
        "The minister agreed, saying that no country may move borders by force.",
        "The parties discussed streamlining coordination.",
        "It is imperative that we come together to fight hunger.",
        "The mission should be understood as a commitment to peace.",
        "Chile hopes to sign the deal soon.",
        "The ministers called on Russia to withdraw its troops.",
        "Both leaders agreed on the importance of the alliance.",
        "Will Canada expand its navy?",
        "The economy will grow by two percent, analysts said.",
        "Portugal would welcome a ceasefire.",
        "This would open new possibilities.",
        "It remains to be seen whether Peru will sign.",
    ],
)
def test_not_commitments(lexicon: Lexicon, text: str) -> None:
    assert run(lexicon, text) == []


def test_a_plan_in_a_relative_clause(lexicon: Lexicon) -> None:
    text = "The ministers welcomed a new roadmap, which will fast-track joint research."
    assert sentences(run(lexicon, text)) == [text]
    forecast = "The ministers noted rising prices, which will hurt consumers."
    assert run(lexicon, forecast) == []


def test_reported_it_is_the_speaker(lexicon: Lexicon) -> None:
    (c,) = run(lexicon, "Italy said it would send more troops to the Baltic states.")
    assert c.actors == ("Italy",)


def test_a_scheduled_visit_without_a_cue(lexicon: Lexicon) -> None:
    people = (person("Anna Berg", "Sweden", "Berg"),)
    body = "Anna Berg met the press in Oslo. Berg visits Tokyo in May."
    (c,) = run(lexicon, body, people=people, date="2023-03-15")
    assert c.sentence == "Berg visits Tokyo in May." and c.when == "2023-05"
    assert c.actors == ("Sweden",)
    assert run(lexicon, body, people=people, date="2023-07-15") == []  # May is past by then


def test_a_headline_infinitive_is_a_plan(lexicon: Lexicon) -> None:
    body = "Canada to open embassy in Hanoi\n\nThe decision was announced in Ottawa.\n"
    (c,) = run(lexicon, body)
    assert c.sentence == "Canada to open embassy in Hanoi" and c.actors == ("Canada",)


def test_actors_from_countries_bodies_and_people(lexicon: Lexicon) -> None:
    people = (person("Marie Dupont", "France", "Dupont"), person("Ken Sato", None, "Sato"))
    body = (
        "Chile and Argentina will hold joint drills. "
        "The Pentagon will send observers. "
        "Dupont will travel to Rome. "
        "Dupont and Sato will meet again."
    )
    cs = run(lexicon, body, people=people, title="France and Japan hold talks")
    assert [c.actors for c in cs] == [
        ("Chile", "Argentina"),
        ("United States",),
        ("France",),
        ("France", "Japan"),  # Sato's country is unknown: the other main participant
    ]


def test_groups_and_pronouns_resolve_to_the_participants(lexicon: Lexicon) -> None:
    body = (
        "Kenya and Nigeria held talks in Nairobi on trade. Egypt sent an observer.\n\n"
        "Both countries want to lower tariffs. They also want to build a railway.\n\n"
        "The aim is to double trade.\n"
    )
    cs = run(lexicon, body, title="Kenya and Nigeria talk trade")
    assert [set(c.actors) for c in cs] == [{"Kenya", "Nigeria"}] * 3


def test_the_three_sides_take_the_three_main_participants(lexicon: Lexicon) -> None:
    body = (
        "Kenya, Nigeria and Egypt held a trilateral meeting on lithium in Nairobi.\n\n"
        "South Africa was not invited. "
        "The three sides agreed to share geological data."
    )
    (c,) = run(lexicon, body)
    assert set(c.actors) == {"Kenya", "Nigeria", "Egypt"}


def test_we_in_a_quote_is_the_speakers_country(lexicon: Lexicon) -> None:
    people = (person("Marie Dupont", "France", "Dupont"),)
    body = 'Dupont met her Spanish counterpart. "We will never abandon our partners," Dupont said.'
    (c,) = run(lexicon, body, people=people)
    assert c.actors == ("France",)
    assert c.sentence == '"We will never abandon our partners," Dupont said.'


def test_topics_with_fallbacks(lexicon: Lexicon) -> None:
    body = (
        "The navies of Chile and Argentina train together. Chile will send a team.\n\n"
        "Argentina wants to do more.\n"
    )
    cs = run(lexicon, body)
    assert cs[0].topics == ("defense",)  # from its paragraph
    assert cs[1].topics == ("other",)  # no keyword in it or its paragraph
    assert all(c.topics for c in cs)


def test_commitments_cite_their_sentence(lexicon: Lexicon) -> None:
    body = "• Joint Drills: The Leaders decided to hold joint drills.\n• Next: They will meet in May.\n"
    cs = run(lexicon, body)
    assert sentences(cs) == ["The Leaders decided to hold joint drills.", "They will meet in May."]
    for c in cs:
        assert c.sentence in body
        assert c.source.doc_id == "t" and c.source.sentence == c.sentence
    assert cs[1].when == "2023-05"


# --- the shipped seeds ----------------------------------------------------------------------

CUE_RE = re.compile(r"\b(?:wants? to|decided|are to|is to)\b")


@pytest.mark.parametrize("path", seed_documents(), ids=lambda p: p.name)
def test_seed_commitments(lexicon: Lexicon, path) -> None:
    doc = parse_document(path, path.read_bytes())
    facts = extract_document(doc, lexicon)
    found = {c.sentence for c in facts.commitments}
    assert found
    slugs = {t.slug for t in lexicon.topics}
    countries = {c.name for c in lexicon.countries}
    for c in facts.commitments:
        assert c.sentence in doc.text
        assert c.topics and set(c.topics) <= slugs
        assert c.actors and set(c.actors) <= countries
    # Every sentence with a plain intention cue outside a question is a commitment (sentences
    # are cut here by an independent, simple rule).
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", doc.text):
        sentence = sentence.strip()
        if CUE_RE.search(sentence) and not sentence.endswith("?"):
            assert any(sentence in f or f in sentence for f in found), sentence
    # "both countries" or "both sides" always names two actors.
    for c in facts.commitments:
        if re.search(r"\bboth (?:countries|sides)\b", c.sentence, re.IGNORECASE):
            assert len(c.actors) == 2, c


def test_a_reported_forecast_about_an_outsider_is_an_assessment(lexicon: Lexicon) -> None:
    body = (
        "Chile and Argentina held talks on fisheries. "
        "The minister said Russia will keep up its pressure on the region. "
        "The minister said Chile will send a patrol ship."
    )
    cs = run(lexicon, body, title="Chile and Argentina talk fisheries")
    assert sentences(cs) == ["The minister said Chile will send a patrol ship."]


def test_a_person_of_unknown_country_stands_for_the_unrepresented_participant(
    lexicon: Lexicon,
) -> None:
    people = (person("Ana Ruiz", "Mexico", "Ruiz"), person("Tom Hale", None, "Hale"))
    body = (
        "Hale hosted Ruiz for talks on Canada and Mexico border trade. "
        "Hale pledged to open two new crossings. "
        '"We will move fast," Hale said.'
    )
    cs = run(lexicon, body, people=people, title="Canada and Mexico hold border talks")
    assert [c.actors for c in cs] == [("Canada",), ("Canada",)]


def test_a_heading_takes_the_actors_of_the_section_sentence_it_summarises(
    lexicon: Lexicon,
) -> None:
    body = (
        "Chile and Argentina held talks in Santiago.\n\n"
        "A new icebreaker will be built for the Antarctic\n\n"
        "Both countries want to map the seabed together. "
        "Argentina wants to build an icebreaker for its Antarctic bases.\n"
    )
    cs = run(lexicon, body, title="Chile and Argentina hold talks")
    assert cs[0].sentence == "A new icebreaker will be built for the Antarctic"
    assert cs[0].actors == ("Argentina",)


def test_a_sentence_without_topics_takes_those_of_the_paragraph_that_last_named_its_subject(
    lexicon: Lexicon,
) -> None:
    from bot.extract import extract_document

    def topics(first: str) -> tuple[str, ...]:
        body = (
            f"{first}\n\nThe weather was fine.\n\nPaz will also sign the lease in Tema next month."
        )
        doc = Document(id="t", title="Talks", path="t.txt", text=body, sha256="", date="2024-05-02")
        (commitment,) = extract_document(doc, lexicon).commitments
        return commitment.topics

    assert topics("Minister Ana Paz of Ghana spoke on Monday about energy security.") == ("energy",)
    assert "energy" not in topics("Minister Ana Paz of Ghana spoke on Monday.")
