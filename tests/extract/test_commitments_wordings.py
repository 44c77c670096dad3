"""Commitments: wordings of plans and non-plans met on unseen documents (cue adverbials, object
aims, deadlines, signings, assessments), with sentences written for the test.
"""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_commitments import person, run, sentences

# --- wordings met on unseen documents (sentences written for the test) -------------


@pytest.mark.parametrize(
    "text",
    [
        "We’ll open a consulate in Lima next year.",
        "They'll send observers to the vote.",
        "The two ministers concurred to continue to coordinate closely on fisheries.",
        "They agreed for experts to meet in Geneva.",
        "The two presidents looked forward to the king's visit to Oslo in June.",
        "The ministers look forward to working together on ports.",
        "Both leaders agreed on the need to expand rail links.",
        "The ministers reiterated the commitment of both presidents to expand rail links.",
        "The minister highlighted the decisions to be taken at the summit in Lima.",
        "The ministers welcomed a new fund to advance battery research.",
        "The minister said that protecting the coast would be the cornerstone of the "
        "government’s policy.",
    ],
)
def test_more_commitment_wordings(lexicon: Lexicon, text: str) -> None:
    assert sentences(run(lexicon, text)) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The minister praised Peru's commitments to the treaty.",
        "“I would like to extend my warm congratulations on the election,” the minister said.",
        "“I would like to express my gratitude for your help,” the minister said.",
        "“The new council (NC) will serve as a platform for dialogue,” the minister said.",
        "Both leaders agreed on the need for calm.",
        "The minister looked forward to opportunities for local firms to grow.",
        "The Kenyan minister met students in Accra to discuss climate change.",
        "The Kenyan minister met Ghanaian officials and discussed ways to boost trade.",
        "Action needs to be taken on illegal fishing, the minister said.",
        "The commitment of troops to the border was criticised.",
        "The Chilean minister traveled to Arica, March 2-3, ahead of the summit in June.",
        "“I don’t want to go into details,” the Chilean minister said.",
        "“We don't want to comment on the talks,” the minister said.",
        "Chile does not wish to comment on the talks, the minister said.",
    ],
)
def test_more_non_commitments(lexicon: Lexicon, text: str) -> None:
    assert run(lexicon, text) == []


def test_an_intention_that_is_not_a_courtesy_counts(lexicon: Lexicon) -> None:
    text = "Chile confirmed its intention to extend the naval mission beyond May."
    assert sentences(run(lexicon, text)) == [text]


def test_the_purpose_of_a_trip_already_made(lexicon: Lexicon) -> None:
    people = (person("Ama Owusu", "Ghana", "Owusu"),)
    body = "Ama Owusu visited Kenya today to boost trade ties. Owusu spoke to reporters."
    (c,) = run(lexicon, body, people=people, title="Ghana and Kenya")
    assert c.sentence == "Ama Owusu visited Kenya today to boost trade ties."
    assert c.actors == ("Ghana",)


def test_a_reported_plan_with_a_participant_is_not_an_outsiders_forecast(
    lexicon: Lexicon,
) -> None:
    body = (
        "Peru and Bolivia held talks on water. "
        "The minister said Brazil would continue to work with Peru on water rights. "
        "The minister said Chile will keep up its pressure on the region."
    )
    cs = run(lexicon, body, title="Peru and Bolivia talk water")
    assert sentences(cs) == [
        "The minister said Brazil would continue to work with Peru on water rights."
    ]


def test_an_apposition_before_the_modal_is_the_subject(lexicon: Lexicon) -> None:
    people = (person("Maria Lopez", "Ecuador", "Lopez"),)
    body = "The bloc said in a statement that its envoy, Ms. Maria Lopez, will visit Quito."
    (c,) = run(lexicon, body, people=people)
    assert c.actors == ("Ecuador",)


def test_a_blocker_ends_where_a_new_clause_begins(lexicon: Lexicon) -> None:
    body = "Chile hoped that Peru will attend, as both sides agreed to hold talks in May."
    assert sentences(run(lexicon, body)) == [body]
    assert run(lexicon, "Chile hoped that Peru will attend the talks in May.") == []


def test_a_progressive_schedule_in_a_later_clause(lexicon: Lexicon) -> None:
    body = "After talks in Rome a week ago, the Chilean minister is flying to Oslo tomorrow."
    (c,) = run(lexicon, body, date="2023-03-15")
    assert c.sentence == body and c.actors == ("Chile",)
    assert run(lexicon, "The Chilean minister is flying to Oslo today.", date="2023-03-15") == []


def test_datelines_and_glued_heading_lines_are_not_cited(lexicon: Lexicon) -> None:
    body = "New Delhi: India will open two consulates.\n\nLima: Notes\nPeru will send a ship.\n"
    assert sentences(run(lexicon, body)) == [
        "India will open two consulates.",
        "Peru will send a ship.",
    ]
    wrapped = "Chile and Peru agreed on Monday that the Chilean Navy\nWill send a ship.\n"
    assert sentences(run(lexicon, wrapped)) == [wrapped.strip()]


def test_topics_come_from_the_sentence_its_paragraph_or_other(lexicon: Lexicon) -> None:
    body = (
        "The pandemic dominated the visit.\n\n"
        "Chile wants to modernise the country.\n\n"
        "The envoy raised the impact of new sanctions on shipping firms. "
        "They agreed for talks to take place between their teams.\n"
    )
    cs = run(lexicon, body, title="Chile and Peru")
    assert [c.topics for c in cs] == [("other",), ("diplomacy", "economic-security")]


# --- cue adverbials, object aims, deadlines, signings (sentences written for the test) ---


@pytest.mark.parametrize(
    "text",
    [
        # Adverbials between a cue verb and its infinitive.
        "Chile and Peru agreed Thursday to expand rail links.",
        "The ministers agreed on Monday to open a joint office.",
        "Both sides agreed in principle to share seismic data.",
        "Officials agreed, however, to meet again in Lima.",
        "“We reviewed the accord while agreeing to build a new port,” the minister said.",
        # An aim with an object, not an infinitive.
        "The minister noted that Chile sought a closer relationship with Peru.",
        "However, it is not only the Liberal party that would like more time to review the bill.",
        # A plan in the passive with a deadline.
        "Accordingly, the fisheries law should be passed by the summer.",
        # Signing an agreement, welcoming the start of something.
        "The two governments signed a memorandum of understanding on port security.",
        "The ministers welcomed the opening of a new consulate in Lima.",
    ],
)
def test_adverbials_aims_deadlines_signings_and_welcomed_starts_commit(
    lexicon: Lexicon, text: str
) -> None:
    assert sentences(run(lexicon, text, date="2023-03-15")) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # A meeting or a place as the subject of showing or becoming: an assessment.
        "He noted that the port, a former naval base during both World Wars, will now become a "
        "venue for trade fairs.",
        "“Our meeting will show that the allies remain united,” he said.",
        "The minister stressed that tomorrow’s meeting will demonstrate the bloc’s unity.",
        # Forecasts and possibilities.
        "This reduces the likelihood that the bill will be passed before the recess.",
        "This can only be decided if it is practical.",
        "Both ministers agreed that developing regional partnerships that include Chile and "
        "Peru, would lead to stability.",
        # Someone's plan under criticism; a demand on others; welcoming progress or a guest.
        "“The rival party’s plan to raise taxes is irresponsible,” the minister said.",
        "The minister wants Peru to lift its tariffs.",
        "The minister welcomed the progress made on trade.",
        "The law should not be discussed this week.",
    ],
)
def test_assessments_forecasts_criticism_and_demands_commit_no_one(
    lexicon: Lexicon, text: str
) -> None:
    assert run(lexicon, text, date="2023-03-15") == []


def test_a_signing_needs_an_actor_no_headline_and_no_history(lexicon: Lexicon) -> None:
    body = "Chile Signs Port Agreement\n\nThe agreement signed in 2019 expired in May.\n"
    assert run(lexicon, body) == []
    body = (
        "The two governments signed a trade agreement in 2015.\n\n"
        "The two governments signed a memorandum on ports in January.\n"
    )
    cs = run(lexicon, body, title="Chile and Peru")
    assert sentences(cs) == ["The two governments signed a memorandum on ports in January."]


def test_a_lead_in_takes_its_topics_from_the_list_that_completes_it(lexicon: Lexicon) -> None:
    body = (
        "The leaders met in Lima.\n\n"
        "Through this pact, Chile and Peru will deepen their cooperation on:\n"
        "• the energy transition\n"
        "• sustainable finance\n"
    )
    (c,) = run(lexicon, body)
    assert c.sentence == "Through this pact, Chile and Peru will deepen their cooperation on:"
    assert set(c.topics) >= {"energy", "finance"}
