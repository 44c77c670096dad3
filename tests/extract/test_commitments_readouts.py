"""Commitments: wordings met in readouts, fact sheets and government pages, on short
sentences written for the test (the helpers come from test_commitments)."""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_commitments import person, run, sentences


@pytest.mark.parametrize(
    "text",
    [
        # a "be" cue with an adverbial after "is"/"are", and "planning" with a noun
        "The minister is also planning further visits to the region in the weeks ahead.",
        "Peru and Chile are now set to open a joint border post.",
        # readiness, reported
        "The president stressed that Ghana was willing to expand its port cooperation.",
        "Norway is ready to send more engineers to the mission.",
        "The minister said Chile was prepared to host the next round of talks.",
        # a progressive after "would"
        "The minister said that over the next five years, Kenya would be providing two "
        "million doses to its neighbours.",
        # restated commitments, goals and interests
        "The minister reaffirmed the firm and lasting Canadian commitment to the defence of "
        "Latvia.",
        "Both ministers reaffirmed the close alignment between Peru and Chile, as well as "
        "shared goals to modernise their ports.",
        "In order to support the plan, they reaffirm to deepen cooperation on fisheries.",
        "The premier reiterated Ghana's interest in expanding rail links.",
        # signing told as a noun, or a named document
        "Peru and Chile formalized their port cooperation today with the signing of three "
        "agreements.",
        "Kenya opened its new port by signing a memorandum with Ghana.",
        "The two ministers signed the Peru-Chile Joint Ports Research Initiative (PCJPRI).",
        # announcing a new body, fund or the agreements of a list
        "The minister also announced a joint Kenyan-Ghanaian fisheries forum.",
        "Kenya and Ghana announced the following agreements and projects: -- a rail link, "
        "and -- a joint port authority.",
        "The ministry announced on Monday a memorandum with the port authority.",
        "The president on Friday launched a new initiative for rural clinics.",
        "The minister signed two memorandums of understanding with her Kenyan counterpart.",
        "The minister stressed his readiness to continue the talks.",
    ],
)
def test_readout_wordings_commit(lexicon: Lexicon, text: str) -> None:
    assert sentences(run(lexicon, text)) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The minister was planned as the main speaker last year.",
        "The minister is unwilling to comment on the talks.",
        "The plan would be interesting for farmers.",
        "The ministers reaffirmed the critical importance of regular consultations.",
        "The minister reiterated to reporters that the talks went well.",
        "The minister reiterated Peru's request for faster visa processing.",
        "The report announced a new fund for farmers.",
        "The ministers signed the guest book of the museum.",
    ],
)
def test_readout_wordings_that_commit_no_one(lexicon: Lexicon, text: str) -> None:
    assert run(lexicon, text) == []


def test_a_restated_commitment_needs_an_actor_subject(lexicon: Lexicon) -> None:
    people = (person("Ama Owusu", "Ghana", "Owusu"),)
    body = "Ama Owusu reaffirmed the commitment to the free trade area."
    (c,) = run(lexicon, body, people=people)
    assert c.actors == ("Ghana",)
    assert run(lexicon, "The report reaffirmed the commitment to the free trade area.") == []


def test_an_announcement_or_signing_of_an_earlier_year_is_history(lexicon: Lexicon) -> None:
    body = "In 2019, Kenya announced a fisheries fund. In 2018, Ghana signed the Coast Charter."
    assert run(lexicon, body, date="2023-03-15") == []
    assert len(run(lexicon, body, date="2018-03-15")) == 2


def test_a_double_hyphen_dateline_is_not_cited(lexicon: Lexicon) -> None:
    body = "LIMA, May 4 -- Peru and Chile will open a joint border post."
    (c,) = run(lexicon, body)
    assert c.sentence == "Peru and Chile will open a joint border post."


def test_welcoming_the_participants_own_announcements(lexicon: Lexicon) -> None:
    body = (
        "Kenya and Ghana held talks on ports. The ministers welcomed the historic "
        "announcements from the Kenya-Ghana joint committee on port security."
    )
    (c,) = run(lexicon, body)
    assert c.sentence.startswith("The ministers welcomed the historic announcements")
    other = "Kenya and Ghana held talks on ports. The ministers welcomed the plans of Peru."
    assert run(lexicon, other, title="Kenya and Ghana hold port talks") == []
    assert run(lexicon, "Kenya welcomed Peru's decision to open a port.") == []
    assert run(lexicon, "The ministers welcomed the historic meeting on May 2.") == []


def test_a_quote_without_a_topic_takes_its_speakers_latest_topic(lexicon: Lexicon) -> None:
    people = (person("Ama Owusu", "Ghana", "Owusu"), person("Kofi Mensah", "Ghana", "Mensah"))
    body = (
        "Owusu spoke about the navy and its frigates.\n\n"
        "Mensah spoke about a new election law.\n\n"
        '"We will keep coming back," Owusu said.\n\n'
        '"We will keep trying," Mensah said.\n'
    )
    cs = run(lexicon, body, people=people)
    assert [c.topics for c in cs] == [("defense",), ("other",)]


def test_a_he_said_speaker_is_resolved_for_the_topic(lexicon: Lexicon) -> None:
    people = (person("Ama Owusu", "Ghana", "Owusu"),)
    body = 'Owusu spoke about the navy.\n\nOwusu arrived late.\n\n"We will return," he said.\n'
    (c,) = run(lexicon, body, people=people)
    assert c.topics == ("defense",)


def test_important_is_no_trade_keyword(lexicon: Lexicon) -> None:
    (c,) = run(lexicon, "Chile will open an important new consulate of great importance.")
    assert "trade" not in c.topics


def test_a_purpose_stated_in_a_quote(lexicon: Lexicon) -> None:
    text = '"That is the purpose of coming here: to reassure our partners," the minister said.'
    assert sentences(run(lexicon, text)) == [text]
    talk = '"The purpose of the visit: to discuss fisheries," the minister said.'
    assert run(lexicon, talk) == []
    unquoted = "The purpose of the fair: to sell more shoes."
    assert run(lexicon, unquoted) == []


def test_a_meeting_in_a_relative_clause_has_no_purpose_past_its_comma(lexicon: Lexicon) -> None:
    body = (
        "The meeting, which Kenya hosted in Mombasa, is a milestone as the partners work to "
        "enhance port security."
    )
    assert run(lexicon, body) == []
    assert len(run(lexicon, "Kenya hosted the ministers in Mombasa to enhance port security.")) == 1


def test_a_person_subject_without_a_topic_takes_the_persons_latest_topic(
    lexicon: Lexicon,
) -> None:
    people = (person("Ama Owusu", "Ghana", "Owusu"),)
    body = (
        "Owusu spoke about the navy and its frigates.\n\n"
        "Owusu also wants to come back soon.\n\n"
        "Ghana wants to do more.\n"
    )
    cs = run(lexicon, body, people=people)
    assert [c.topics for c in cs] == [("defense",), ("other",)]
