"""Commitments: forecasts about things, stances, beliefs, exhortations, idioms and
talk about the conversation are not commitments; a meeting's outcome, an affirmed commitment and
praise of a participant's own plan are. Short sentences written for the test (the helpers come
from test_commitments)."""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_commitments import person, run, sentences

#: A title that makes Kenya and Ghana the main participants.
TITLE = "Kenyan and Ghanaian ministers meet in Accra"
PEOPLE = (person("Ama Owusu", "Ghana", "Owusu"), person("John Mwangi", "Kenya", "Mwangi"))


def commitments(lexicon: Lexicon, text: str) -> list[str]:
    return sentences(run(lexicon, text, people=PEOPLE, title=TITLE))


@pytest.mark.parametrize(
    "text",
    [
        # a thing's forecast: a plan or a thing, a modal, a verb of effect
        "The deal will open other doors to cooperation.",
        "The agreement will bring new investment to the coast.",
        "The visit will create new opportunities for traders.",
        "The accord will further lead to closer ties.",
        "The partnership will make the region safer.",
        "This visit will undoubtedly bring our nations closer.",
        "The ministers discussed a fisheries accord, which will help coastal towns.",
        # a stance after a comma, not a predicate
        "“We still stand side by side as friends, ready to face what comes,” Owusu said.",
        "Mwangi spoke for an hour, willing to answer every question.",
        # beliefs and exhortations
        "Owusu and the government believe that dialogue with the unions is important and will "
        "continue.",
        "Kenya thinks that the two countries will stand together.",
        "“We should stay focused on what we want to achieve,” Mwangi said.",
        "We must remain vigilant and we want to keep the coast safe.",
        "Both sides should be ready to respond.",
        # an idiom: a negated "want to be" whose subject is no actor
        "It is a quarrel, which does not want to be one.",
        # a speech act about the conversation itself
        "“Ama and John will certainly confirm this in a moment,” Mwangi said.",
        "“I will tell you more about that shortly,” Owusu said.",
        # praise of a participant's standing commitment to a body, or of an outsider's plan
        "Owusu praised Kenya's commitments to the African Union.",
        "Owusu applauded Peru's decision to open an embassy.",
        # a restating verb before a view of importance
        "Owusu underscored the importance of the commitment to open markets.",
    ],
)
def test_stances_beliefs_exhortations_idioms_and_talk_commit_no_one(
    lexicon: Lexicon, text: str
) -> None:
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a plan's scheduled act stays a plan
        "The agreement will enter into force next month.",
        "The accord will take effect on July 1.",
        "The talks will begin on Monday.",
        "The new centre will open in May.",
        "The visit will conclude with a joint press conference.",
        # readiness as a predicate
        "Kenya and Ghana are ready to expand joint patrols.",
        "Owusu said Ghana would be willing to host the next round.",
        "“We’re now fully prepared to deploy engineers,” Mwangi said.",
        # a speech act that is a plan
        "We will explain our plan to parliament next week.",
        # a passive plan with a deadline after "should"
        "The fisheries act should be passed by the summer.",
    ],
)
def test_scheduled_acts_readiness_and_deadlines_stay_commitments(
    lexicon: Lexicon, text: str
) -> None:
    assert commitments(lexicon, text) == [text]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a meeting that ends with, leads to or produces a commitment
        (
            "The meeting ended with a commitment to deepened fisheries cooperation.",
            ("Kenya", "Ghana"),
        ),
        ("The talks produced a pledge to expand joint patrols.", ("Kenya", "Ghana")),
        # a meeting's place names no actor
        (
            "Their meeting in Nairobi led to a commitment to expand the port.",
            ("Kenya", "Ghana"),
        ),
        # affirm and underscore, like reaffirm
        (
            "Kenya and Ghana affirmed their strong, shared commitment to the defense of the coast.",
            ("Kenya", "Ghana"),
        ),
        ("Mwangi met Owusu in Accra, underscoring Kenya's commitment to the port.", ("Kenya",)),
        # praise or welcome of a participant's own plan: that participant's commitment
        ("Mwangi applauded Ghana's resolve to bolster its coast guard.", ("Ghana",)),
        (
            "Owusu commended the minister and Kenya's decision to acquire patrol boats.",
            ("Kenya",),
        ),
    ],
)
def test_outcomes_affirmations_and_praised_own_plans_commit(
    lexicon: Lexicon, text: str, actors: tuple[str, ...]
) -> None:
    found = run(lexicon, text, people=PEOPLE, title=TITLE)
    assert sentences(found) == [text]
    assert set(found[0].actors) == set(actors)


def test_a_meeting_outcome_of_an_earlier_year_is_history(lexicon: Lexicon) -> None:
    body = "In 2015, the talks ended with a commitment to open a consulate."
    assert run(lexicon, body, people=PEOPLE, title=TITLE, date="2023-03-15") == []
    assert len(run(lexicon, body, people=PEOPLE, title=TITLE, date="2015-03-15")) == 1


def test_a_negated_want_of_an_actor_still_counts(lexicon: Lexicon) -> None:
    text = "Kenya does not want to be left out of the port deal."
    assert commitments(lexicon, text) == [text]
