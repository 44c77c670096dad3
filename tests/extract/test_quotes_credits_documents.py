"""Quotes: credit lines under block quotations, speakers carried over paragraphs, words of a
document going to its issuer or named authors, and short partial quotes framed by speech.

Unit tests on short sentences written for the test (invented names).
"""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_quotes import INTRO, quotes_of

# --- credit lines, carried-over speakers, documents and short partial quotes ---------------


def test_a_credit_line_under_a_block_quotation_gives_its_speaker(lexicon: Lexicon) -> None:
    text = (
        "The ministers met in Bergen.\n\n"
        '"We are ready to act. The plan is sound."\n\n'
        "Lena Holm, Minister for Trade of Norway\n\n"
        "The Council also closed the file.\n\n"
        "“It is a good day.”\n\n"
        "— Ravi Rao, Deputy Minister of Finance\n"
    )
    assert quotes_of(text, lexicon) == [
        ("Lena Holm", "We are ready to act. The plan is sound."),
        ("Ravi Rao", "It is a good day."),
    ]


def test_a_line_that_only_mentions_someone_is_no_credit_line(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Lena Holm met Ravi Rao.\n\n"
        '"We are ready to act."\n\n'
        "The talks with Rao, Holm and others went on\n"
    )
    assert quotes_of(text, lexicon)[0][0] != "Ravi Rao"


def test_a_document_said_speaks_for_the_people_named_with_it(lexicon: Lexicon) -> None:
    text = (
        "President Ana Paz and Prime Minister Ravi Rao met in Lima on Monday.\n\n"
        'Their joint statement, titled "Partners for the Next Decade," said Paz and Rao '
        "reviewed the progress.\n\n"
        "The two governments also signed a memorandum on minerals.\n\n"
        '"This memorandum will deepen our supply chains," the statement said.\n'
    )
    assert quotes_of(text, lexicon) == [
        ("Ana Paz and Ravi Rao (joint statement)", "This memorandum will deepen our supply chains")
    ]


def test_a_document_said_speaks_for_the_body_that_issued_it(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Lena Holm arrived on Monday. The Ministry of Trade issued a statement "
        'afterwards. "We welcome the visit," the statement said.'
    )
    assert quotes_of(text, lexicon) == [("Ministry of Trade", "We welcome the visit")]


def test_a_document_with_no_named_author_gives_no_speaker(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Lena Holm arrived. A statement was issued later.\n\n"
        '"We are pleased with the outcome," the statement said.\n'
    )
    assert quotes_of(text, lexicon) == [(None, "We are pleased with the outcome")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Finance Minister Ana Paz has accused the Liberals of “a breach of trust”.",
        'Finance Minister Ana Paz cited how to build "strategic trust" for the region.',
    ],
)
def test_a_short_partial_quote_framed_by_a_speech_verb(sentence: str, lexicon: Lexicon) -> None:
    got = quotes_of(sentence, lexicon)
    assert len(got) == 1
    assert got[0][0] == "Ana Paz"


def test_a_short_scare_quote_with_no_speech_stays_out(lexicon: Lexicon) -> None:
    text = "Foreign Minister Ana Paz visited. The two sides held “two-plus-two” talks."
    assert quotes_of(text, lexicon) == []


def test_a_reporting_verb_earlier_in_the_paragraph_gives_a_later_quotes_speaker(
    lexicon: Lexicon,
) -> None:
    text = (
        "Premier Ana Paz (SPD) called for a delay on Tuesday. Currently, the draft has "
        "“too little to do with real life”. Foreign Minister Ravi Rao, however, urged speed."
    )
    assert quotes_of(text, lexicon) == [("Ana Paz", "too little to do with real life")]


def test_a_quote_continues_the_speaker_over_paragraphs_naming_no_one_else(
    lexicon: Lexicon,
) -> None:
    text = (
        "Foreign Minister Lena Holm told the paper: “The plan is not ready.” The draft needs "
        "“a complete overhaul”.\n\n"
        "The timing matters less. “How long it takes is secondary.”\n\n"
        "Defense Minister Ravi Rao met reporters later. “We will see what happens.”\n"
    )
    got = quotes_of(text, lexicon)
    assert [who for who, _ in got] == ["Lena Holm", "Lena Holm", "Lena Holm", "Ravi Rao"]


def test_a_paragraph_about_someone_else_does_not_continue_the_speaker(
    lexicon: Lexicon,
) -> None:
    text = (
        "Foreign Minister Lena Holm told the paper: “The plan is not ready.”\n\n"
        "Defense Minister Ravi Rao met Ana Paz in Oslo. The talks were “long and hard for "
        "everyone involved”.\n"
    )
    assert quotes_of(text, lexicon)[1] == (None, "long and hard for everyone involved")


def test_a_quoted_subheading_goes_to_the_speaker_whose_words_it_repeats(
    lexicon: Lexicon,
) -> None:
    text = (
        "Foreign Minister Lena Holm said: “We need a new plan for the coast.”\n\n"
        "“We need a fair law”\n\n"
        "Holm pushed the motion through on Monday. The Finance Minister, Ravi Rao, told the "
        "paper: “Speed is wrong, because we need a fair law.”\n"
    )
    got = quotes_of(text, lexicon)
    assert got[1] == ("Ravi Rao", "We need a fair law")


def test_a_quoted_subheading_looks_ahead_to_its_section(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Lena Holm said: “We need a new plan for the coast.”\n\n"
        "“Time for a real change now”\n\n"
        "Finance Minister Ravi Rao spoke next. “Our budget is tight,” Rao said.\n"
    )
    got = quotes_of(text, lexicon)
    assert got[1] == ("Ravi Rao", "Time for a real change now")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The leaders “agreed to deepen our ties in every field” at the summit, according "
            "to a statement released by the Ministry of Trade.",
            "Ministry of Trade",
        ),
        (
            "The Ministry of Trade released a joint statement from Peru and Chile. "
            'It said, "We will deepen our ties in every field."',
            "Peru and Chile",
        ),
        (
            "The Ministry of Trade released a joint statement on Monday. Adding more, the "
            'statement said, "We will deepen our ties in every field."',
            "Ministry of Trade",
        ),
        (
            "President Ana Paz and President Hiro Sato approved the statement on Monday. In the "
            "statement the two leaders agreed “to deepen our ties in every field”.",
            "Ana Paz and Hiro Sato (statement)",
        ),
    ],
)
def test_words_of_a_document_go_to_its_issuer(text: str, speaker: str, lexicon: Lexicon) -> None:
    got = quotes_of(text, lexicon)
    assert len(got) == 1
    assert got[0][0] == speaker
    assert "deepen our ties in every field" in got[0][1]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Rao, who met Holm on Monday, said: “We are ready to act now.”", "Ravi Rao"),
        ("“We are ready to act now,” said Holm’s counterpart, Ravi Rao.", "Ravi Rao"),
        ("Rao’s ministry said the visit was “a big success for both of us”.", None),
        (
            "Holm and Rao said they “will expand cooperation in all fields”.",
            "Lena Holm and Ravi Rao",
        ),
    ],
)
def test_the_subject_of_the_reporting_verb_speaks(
    sentence: str, speaker: str | None, lexicon: Lexicon
) -> None:
    got = quotes_of(INTRO + sentence, lexicon)
    assert len(got) == 1
    assert got[0][0] == speaker


def test_a_closing_sentence_naming_a_known_speaker_attributes_the_quote(lexicon: Lexicon) -> None:
    text = (
        "Chile and Peru met in Lima.\n\n“We found that positions were far apart. We tried.” "
        "Chilean foreign minister Ana Maria Paz said after the meeting."
    )
    assert quotes_of(text, lexicon)[0][0] == "Ana Maria Paz"


def test_a_verb_that_opens_the_next_quotation_is_not_the_closing_attribution(
    lexicon: Lexicon,
) -> None:
    text = (
        INTRO + "“It went well,” he said. “We agree.”\n"
        "Chilean trade minister Ana Maria Paz added, “It was a long day.”"
    )
    speakers = [s for s, _ in quotes_of(text, lexicon)]
    assert speakers[1] == speakers[0] != "Ana Maria Paz"
    assert speakers[2] == "Ana Maria Paz"


def test_an_inverted_attribution_ending_the_sentence_names_every_quote_in_it(
    lexicon: Lexicon,
) -> None:
    text = (
        "Chile and Peru met. The talks were 'very good' and held in a 'free and frank' manner, "
        "said foreign secretary Ana Paz."
    )
    assert quotes_of(text, lexicon) == [("Ana Paz", "very good"), ("Ana Paz", "free and frank")]


def test_a_nationality_alone_is_no_speaker(lexicon: Lexicon) -> None:
    from bot.extract.speakers import _demonym

    assert _demonym("Ukrainian", lexicon)
    assert not _demonym("Ukraine", lexicon)  # a country may speak ("Ukraine said")
    assert not _demonym("Ukrainian officials", lexicon)
