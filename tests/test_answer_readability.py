"""The answers a new user meets with their own documents: one fact one line, arguments read as
meant, suggestions only when they help, a timeline a reader can follow, stable labels.

Built on two documents written for these tests: a headline and the body sentence under it
stating one plan; a quote repeated in a second document; a topic word ('finance') that is also a
portfolio; a pronoun-led dated sentence and one with a clause cut out by the date.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import briefing
from bot.answers import Answer
from bot.config import load_settings
from bot.errors import UserError
from bot.extract import extract_document
from bot.factbase import FactBase, build_factbase
from bot.render import render_error_text, render_text
from bot.search import FactIndex
from bot.seeds import parse_document

TALKS = """---
title: Test talks in Tokyo
date: 2031-02-10
kind: news
---
Germany and Japan want to work more closely together on defense issues. Both countries decided \
on Monday at their talks in Tokyo to meet every year.

In 2032, another submarine will be sent to the Atlantic

In the coming year, the navy wants to send another submarine to the Atlantic, which will then \
take part in exercises there. “The chance is clear. The Japanese will double their defense \
budget in the next five years,” said Defense Minister Karl Braun.

Several ministers took part: Karl Braun (Defense, SPD), Eva Roth (Finance, FDP) and Paul Klein \
(Outside, Greens).

For the government, such talks are nothing new. In the past, for example, they already took \
place with India, Brazil and, until 2029, also with Canada.

Braun is back in Japan in May

After taking office, Braun made great efforts to deepen ties with Japan. In April 2030, it was \
the first Asian country he visited. The annual summit meets in Osaka in May. Braun will then \
travel to Japan again.
"""

SECOND = """---
title: Second test report
date: 2031-03-01
kind: news
---
Karl Braun spoke in Berlin about China. “The Japanese will double their defense budget in the \
next five years,” said Braun. Germany wants to reduce its dependence on China for raw materials.
"""


@pytest.fixture(scope="module")
def world(lexicon) -> tuple[FactBase, FactIndex]:
    docs = [
        extract_document(parse_document(Path(name), text.encode()), lexicon)
        for name, text in (("test-talks.txt", TALKS), ("test-second.txt", SECOND))
    ]
    facts = build_factbase(docs, None, lexicon)
    return facts, FactIndex(facts, lexicon, load_settings().fuzzy)


def ask(world, name: str, arg: str = "") -> Answer:
    return briefing.answer(world[0], world[1], name, arg)


def texts(a: Answer) -> list[str]:
    return [line.text for s in a.sections for line in s.lines]


def refused(world, name: str, arg: str) -> str:
    with pytest.raises(UserError) as caught:
        ask(world, name, arg)
    return render_error_text(caught.value)


# -- one fact, one line ----------------------------------------------------------------------


def test_a_headline_and_its_body_sentence_are_one_commitment_citing_both(world) -> None:
    a = ask(world, "commitments", "defense")
    plan = [line for s in a.sections for line in s.lines if "submarine" in line.text]
    assert len(plan) == 1, texts(a)
    line = plan[0]
    assert "In the coming year" in line.text and "when: 2032" in line.text
    assert [s.sentence for s in line.also] == [
        "In 2032, another submarine will be sent to the Atlantic"
    ]
    out = render_text(a)
    assert "In 2032, another submarine will be sent to the Atlantic" in out


def test_a_trip_stated_in_a_headline_and_the_body_is_one_commitment(world) -> None:
    facts = world[0]
    trips = [
        c
        for c in facts.commitments
        if "travel to Japan" in c.sentence or "back in Japan" in c.sentence
    ]
    assert len(trips) == 1 and trips[0].when == "2031-05", trips


def test_one_statement_quoted_in_two_documents_is_one_quote(world) -> None:
    a = ask(world, "quotes", "Karl Braun")
    budget = [
        line for s in a.sections for line in s.lines if "double their defense budget" in line.text
    ]
    assert len(budget) == 1, texts(a)
    assert {budget[0].source.doc_id, *(s.doc_id for s in budget[0].also)} == {
        "test-talks",
        "test-second",
    }


def test_a_commitment_said_in_a_quote_names_the_speaker_without_stray_marks(world) -> None:
    a = ask(world, "commitments", "defense")
    said = next(t for t in texts(a) if "double their defense budget" in t)
    assert said.startswith("“The Japanese will double") and "” — Karl Braun" in said
    assert said.count("“") == said.count("”")
    assert "said Defense Minister" not in said


# -- arguments read as meant -------------------------------------------------------------------


def test_a_topic_word_that_is_also_a_portfolio_is_the_topic_and_the_answer_names_the_office(
    world,
) -> None:
    a = ask(world, "quotes", "finance")
    assert a.title.startswith("Quotes on finance")
    assert "office Finance" in a.intro
    assert any("double their defense budget" in t for t in texts(a))


def test_spellings_and_synonyms_of_a_topic_give_the_same_answer(world) -> None:
    assert texts(ask(world, "quotes", "defence")) == texts(ask(world, "quotes", "defense"))


def test_quotes_and_commitments_take_a_country(world) -> None:
    q = ask(world, "quotes", "china")
    assert q.title.startswith("Quotes: China")
    c = ask(world, "commitments", "chinese")
    assert any("dependence on China" in t for t in texts(c)), texts(c)


def test_who_takes_an_office_in_quotes_and_finds_its_holder(world) -> None:
    a = ask(world, "who", '"Foreign Minister"')
    assert a.title == "Paul Klein" and "Foreign Affairs" in a.intro
    many = ask(world, "who", "defense minister")
    assert many.title == "Karl Braun" or "holder" in many.title


# -- suggestions only when they help ----------------------------------------------------------


def test_a_word_in_no_document_gets_no_unrelated_suggestion(world) -> None:
    out = refused(world, "search", "bananas")
    assert "Nothing in the documents mentions" in out and "Did you mean" not in out


def test_stop_words_alone_are_too_common_to_search(world) -> None:
    assert "too common" in refused(world, "search", "the")


def test_a_country_with_no_ministers_gets_a_plain_none_and_what_exists(world) -> None:
    a = ask(world, "ministers", "france")
    assert "No ministers of France" in a.intro and "Germany" in a.intro
    assert not a.sections


def test_an_unknown_topic_lists_the_topics_that_have_commitments(world) -> None:
    out = refused(world, "commitments", "transport")
    assert "Did you mean" not in out and "defense (" in out and "climate" not in out


# -- a timeline a reader can follow ------------------------------------------------------------


def test_a_pronoun_led_entry_comes_with_the_sentence_that_names_its_actor(world) -> None:
    a = ask(world, "timeline", "2030")
    entry = next(t for t in texts(a) if "first Asian country" in t)
    assert "Braun made great efforts" in entry


def test_an_entry_keeps_its_words_whole(world) -> None:
    a = ask(world, "timeline", "2029")
    entry = texts(a)[0]
    assert "until 2029, also with Canada" in entry


def test_scheduled_plans_are_on_the_timeline(world) -> None:
    a = ask(world, "timeline", "2031-05")
    assert any("Braun" in t and "Japan" in t for t in texts(a)), texts(a)


def test_an_invalid_month_is_a_user_error(world) -> None:
    assert "not a year or a month" in refused(world, "timeline", "2023-13")


# -- small things ------------------------------------------------------------------------------


def test_topics_show_no_patterns_and_count_in_words(world) -> None:
    out = render_text(ask(world, "topics"))
    assert "*" not in out
    assert "1 commitments" not in out and "1 quotes" not in out


def test_a_document_has_the_same_number_in_every_answer(world) -> None:
    numbers = {
        a.doc_number("test-talks")
        for a in (
            ask(world, "timeline"),
            ask(world, "commitments", "defense"),
            ask(world, "brief", "test-talks"),
            ask(world, "quotes", "china"),
        )
        if a.doc_number("test-talks")
    }
    assert len(numbers) == 1, numbers
