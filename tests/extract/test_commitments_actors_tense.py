"""Commitments: every country or body of a coordinated subject is an actor, international bodies
act as one, "agreed on" a view is no plan, and a past act dated by a noun ahead ("held talks
ahead of next week's summit") or a thing's agenda ("the first day centered on ...") commits no
one. Short sentences written for the test (the helpers come from test_commitments)."""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_commitments import person, run, sentences

#: A title that makes Kenya and Ghana the main participants.
TITLE = "Kenyan and Ghanaian ministers meet in Accra"
PEOPLE = (person("Ama Owusu", "Ghana", "Owusu"), person("John Mwangi", "Kenya", "Mwangi"))


def actors(lexicon: Lexicon, text: str) -> list[tuple[str, ...]]:
    return [c.actors for c in run(lexicon, text, people=PEOPLE, title=TITLE)]


def commitments(lexicon: Lexicon, text: str) -> list[str]:
    return sentences(run(lexicon, text, people=PEOPLE, title=TITLE))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Britain, Australia and the U.S. will expand joint exercises.",
            ("United Kingdom", "Australia", "United States"),
        ),
        ("The U.S. will expand joint exercises.", ("United States",)),
        (
            "Kenya, Ghana, the U.K. and Peru agreed to share port data.",
            ("Kenya", "Ghana", "United Kingdom", "Peru"),
        ),
        (
            "Kenya, the United Kingdom and Peru will share port data.",
            ("Kenya", "United Kingdom", "Peru"),
        ),
    ],
)
def test_every_member_of_a_listed_subject_is_an_actor(
    lexicon: Lexicon, text: str, expected: tuple[str, ...]
) -> None:
    assert actors(lexicon, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union will send observers to the election.", ("European Union",)),
        ("The EU and Kenya agreed to expand trade.", ("European Union", "Kenya")),
        ("NATO ministers agreed to boost air defence.", ("NATO",)),
        ("G7 leaders pledged to fund a new vaccine plant.", ("G7",)),
        ("ASEAN and Ghana will open a joint trade office.", ("ASEAN", "Ghana")),
    ],
)
def test_international_bodies_act_as_one_actor(
    lexicon: Lexicon, text: str, expected: tuple[str, ...]
) -> None:
    assert actors(lexicon, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Ghana agreed on the opportunity the year presents for the forum to act.",
        "Kenya and Ghana agreed on the unique role the forum plays as a bridge.",
    ],
)
def test_agreed_on_a_view_commits_no_one(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Ghana agreed on a plan to share port data.",
        "Kenya and Ghana agreed on a voluntary scheme to buy fuel jointly.",
        "Both leaders agreed on the need to expand rail links.",
        "The ministers agreed on Thursday (May 4) to open a joint office.",
    ],
)
def test_agreed_on_a_plan_commits(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Owusu held talks with Mwangi today in Accra ahead of next week's summit in Nairobi.",
        "Owusu arrived in Nairobi today for talks next month.",
        "Owusu arrived at the ministry today.",
        "Mwangi said Ghana has already opened three consulates.",
    ],
)
def test_past_acts_and_arrivals_commit_no_one(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Owusu is back in Nairobi next week.",
        "Owusu heads to Nairobi next week.",
        "The ministers scheduled talks for next week.",
        "Owusu looked forward to seeing the other leaders at the summit in June.",
    ],
)
def test_schedules_ahead_stay_commitments(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == [text]


def test_a_commitment_a_thing_was_about_commits_no_one(lexicon: Lexicon) -> None:
    text = (
        "The first day of the Summit centered on the drought and the Union's commitment to "
        "implementing new rules."
    )
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The joint statement reaffirmed Kenya's commitment to free trade.",
        "Owusu stressed Ghana's commitment to open markets.",
        "He also set out Ghana's commitment to share vaccines with its neighbours.",
    ],
)
def test_a_commitment_an_actor_or_a_statement_restates_commits(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == [text]


def test_the_clause_that_states_the_plan_gives_the_first_topic(lexicon: Lexicon) -> None:
    text = (
        "Owusu said supply chains face new dependency risks and pledged to strengthen nuclear "
        "deterrence."
    )
    [found] = run(lexicon, text, people=PEOPLE, title=TITLE)
    assert found.topics[0] == "defense"
    assert "economic-security" in found.topics


def test_free_trade_agreement_talks_are_trade(lexicon: Lexicon) -> None:
    [found] = run(
        lexicon, "The two sides decided to speed up FTA negotiations.", people=PEOPLE, title=TITLE
    )
    assert found.topics == ("trade",)


@pytest.mark.parametrize(
    "text",
    [
        "Today, we embark on a two-year effort to build a joint port.",
        "We are announcing the creation of a new coastal partnership.",
        "Kenya announced the establishment of a joint fund.",
    ],
)
def test_embarking_on_an_effort_and_announcing_a_new_body_commit(
    lexicon: Lexicon, text: str
) -> None:
    assert commitments(lexicon, text) == [text]


def test_an_effort_embarked_on_years_ago_is_history(lexicon: Lexicon) -> None:
    assert commitments(lexicon, "Ghana embarked on a reform of its ports in 2010.") == []


def test_a_reported_clause_names_the_actor_an_unnamed_speaker_does_not(lexicon: Lexicon) -> None:
    text = (
        "The spokesman said the UK was fully supportive of Kenya's presidency, and would work to "
        "ensure progress."
    )
    assert actors(lexicon, text) == [("United Kingdom",)]


def test_a_partner_of_unknown_country_in_a_coordinated_subject_is_the_other_side(
    lexicon: Lexicon,
) -> None:
    people = (*PEOPLE, person("Rafa Ortiz", None, "Ortiz"))
    text = "Mwangi met Owusu in Accra. Owusu and Minister Ortiz pledged to review port rules."
    found = run(lexicon, text, people=people, title=TITLE)
    assert [c.actors for c in found] == [("Ghana", "Kenya")]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana had planned to open a consulate in 2019, but the plan was dropped.",
        "In 2012, Kenya decided to build a new port.",
        "Owusu recalled that Ghana decided in 2014 to join the pact.",
        "The two leaders agreed that trade is vital and that ministers should meet often.",
    ],
)
def test_history_and_an_agreed_view_commit_no_one(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenya plans to build the port first proposed in 2012.",
        "Kenya is committed to the pact it signed in 2015.",
        "In 2023, Kenya decided to build a new port.",
        "Kenya and Ghana have agreed to resume ferry talks.",
        "The two leaders agreed that experts would follow up in May.",
    ],
)
def test_present_plans_and_this_years_decisions_commit(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed plans to expand ferry links.",
        "The ministers discussed Kenya's plan to build a port.",
        "The talks focused on Ghana's plan to open its ports.",
        "The two sides discussed a new initiative to boost trade.",
    ],
)
def test_a_plan_talked_about_is_no_plan_made(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == []


def test_a_plan_noun_belongs_to_its_owner(lexicon: Lexicon) -> None:
    text = "Mwangi briefed Owusu on Kenya's intention to join the pact."
    assert actors(lexicon, text) == [("Kenya",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders of France, Germany and Italy will meet in Rome.", ("France", "Germany", "Italy")),
        (
            "Japan, South Korea and the US will hold joint drills.",
            ("Japan", "South Korea", "United States"),
        ),
        ("Kenya, along with Ghana, will send observers.", ("Kenya", "Ghana")),
        ("Kenya, alongside Peru, will host the talks.", ("Kenya", "Peru")),
        (
            "Kenya together with Ghana and Peru pledged to fund the clinic.",
            ("Ghana", "Peru", "Kenya"),
        ),
        (
            "As the leaders of Kenya, Ghana and Peru, we resolve to deepen maritime cooperation.",
            ("Kenya", "Ghana", "Peru"),
        ),
        ("Kenya will send observers along with medical teams.", ("Kenya",)),
    ],
)
def test_the_countries_a_subject_names_are_its_actors_not_the_whole_group(
    lexicon: Lexicon, text: str, expected: tuple[str, ...]
) -> None:
    assert actors(lexicon, text) == [expected]


def test_past_perfect_in_reported_speech_is_a_plan(lexicon: Lexicon) -> None:
    text = "Owusu said the leaders had agreed to draft a reform plan by March."
    assert commitments(lexicon, text) == [text]


def test_a_body_mentioned_further_down_is_no_main_participant(lexicon: Lexicon) -> None:
    body = (
        "Owusu met Mwangi in Accra today.\n\n"
        "NATO members, NATO partners and NATO planners watched the NATO summit closely. "
        "NATO officials said little.\n\n"
        "The leaders will meet again in May.\n"
    )
    found = run(lexicon, body, people=PEOPLE, title=TITLE)
    assert [c.actors for c in found] == [("Ghana", "Kenya")]


#: With a person of a country outside the main participants.
OUTSIDER = (*PEOPLE, person("Rosa Paz", "Peru", "Paz"))


@pytest.mark.parametrize(
    "text",
    [
        # a named partnership's forecast or the content of a named strategy
        "They stressed that PACTO will make a positive contribution to peace in the region.",
        "The PACTO will outline measures on trade in ten areas.",
        # a social engagement
        "I will attend the dinner hosted for all the ministers.",
        "Kenya will host a reception for the delegates.",
        # a past text's commitments, an outsider's plan in a time clause
        "The forum adopted a statement at the summit, which reaffirmed their strong commitments "
        "to open trade.",
        "Their declaration reiterated support for Kenya, just days after President Paz presented "
        "his plan to end the strike.",
        # voicing a feeling is no commitment
        "The ministers expressed concern about the floods.",
    ],
)
def test_forecasts_courtesies_and_others_plans_commit_no_one(lexicon: Lexicon, text: str) -> None:
    assert sentences(run(lexicon, text, people=OUTSIDER, title=TITLE)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The minister will outline the plan next week.",
        "Kenya will host the summit in May.",
        "We underscore our intent to keep supplying aid to Ghana.",
        "The ministers expressed common determination on Saturday to address security threats.",
    ],
)
def test_plans_intent_and_voiced_determination_commit(lexicon: Lexicon, text: str) -> None:
    assert sentences(run(lexicon, text, people=OUTSIDER, title=TITLE)) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mwangi presented his plan to open the port.", ("Kenya",)),
        (
            "“We underscore our intent to keep supplying aid to Peru,” the ASEAN ministers said.",
            ("ASEAN",),
        ),
    ],
)
def test_a_plan_is_its_owners_and_a_quote_its_attributed_bodys(
    lexicon: Lexicon, text: str, expected: tuple[str, ...]
) -> None:
    assert [c.actors for c in run(lexicon, text, people=OUTSIDER, title=TITLE)] == [expected]


def test_a_country_the_text_is_about_is_no_main_participant(lexicon: Lexicon) -> None:
    body = (
        "Owusu and Mwangi discussed support for Peru, aid to Peru and the crisis in Peru.\n\n"
        "The leaders will meet again in May.\n"
    )
    found = run(lexicon, body, people=PEOPLE, title="Ministers meet in Accra")
    assert [set(c.actors) for c in found] == [{"Ghana", "Kenya"}]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya will step up counter-terrorism work.",
        "Both sides agreed to keep working to defeat Daesh online.",
        "Ghana will fund a programme against violent extremism.",
    ],
)
def test_terrorism_words_are_security(lexicon: Lexicon, text: str) -> None:
    [found] = run(lexicon, text, people=PEOPLE, title=TITLE)
    assert "security" in found.topics


@pytest.mark.parametrize(
    "text",
    [
        "Mwangi was already signalling back then that Kenya wanted to lead the port talks.",
        "At the time, Ghana decided to wait for the survey.",
        "Years ago, Kenya planned to build a second port.",
    ],
)
def test_a_past_cue_in_a_sentence_that_looks_back_is_history(lexicon: Lexicon, text: str) -> None:
    assert commitments(lexicon, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Back then, the ports were small, but Kenya wants to build a second one.",
        "Ghana will review the survey it commissioned at the time.",
    ],
)
def test_a_present_or_future_cue_beside_a_look_back_still_commits(
    lexicon: Lexicon, text: str
) -> None:
    assert commitments(lexicon, text) == [text]


def test_a_sentence_is_read_for_earlier_times_once_however_many_cues_it_holds(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a sentence looks back depends on the sentence alone: a run-on sentence of many
    past cue verbs reads its dates once, not once per cue (which grew with the square of its
    length), and each clause is still judged: these plans are this year's, so they commit."""
    from bot.extract.commitments import readings

    calls: list[int] = []

    def counted(sentence, doc):  # type: ignore[no-untyped-def]
        calls.append(sentence.index)
        return real(sentence, doc)

    real = readings.background
    monkeypatch.setattr(readings, "background", counted)
    clause = "Kenya agreed to build a port in 2023 and Ghana decided to open a road"
    text = " and ".join([clause] * 6) + "."
    assert commitments(lexicon, text) == [text]
    assert calls == [0]
