"""Speakers: what a pronoun or a description stands for, across sentences and paragraphs.

Every document here is written for the test, with invented people.
"""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.speaker_text import SpeakerText
from bot.extract.speaker_words import mask_stops, speaker_cues
from bot.extract.text import segment
from bot.models import Document
from tests.extract.test_speakers import speaker_of


def genders_of(text: str, lexicon: Lexicon) -> dict[str, str]:
    """Each register person's gender as the speaker pass reads it from the text."""
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    register = extract_people(doc, paragraphs, lexicon)
    cues = speaker_cues(lexicon)
    view = SpeakerText(text, mask_stops(text, cues), paragraphs, register, cues, [])
    people = register.people
    return {p.name: g for i, p in enumerate(people) if (g := view.gender_of(i)) is not None}


def test_a_pronoun_opening_the_next_sentence_is_the_subjects_not_the_objects(
    lexicon: Lexicon,
) -> None:
    text = "Mr. Pavel Okonkwo met Dana Varos at the port on Monday.\n\nHe said the talks went well."
    genders = genders_of(text, lexicon)
    assert genders.get("Pavel Okonkwo") == "m"
    assert "Dana Varos" not in genders


def test_she_is_not_kept_from_a_woman_by_a_he_about_someone_else(lexicon: Lexicon) -> None:
    text = (
        "Pavel Okonkwo met Dana Varos at the port on Monday.\n\n"
        "He said the talks went well.\n\n"
        "Varos told reporters the port would stay open.\n\n"
        "“Nobody will lose a job,” she said."
    )
    assert speaker_of(text, "Nobody will lose", lexicon) == "Dana Varos"


def test_a_quoted_passage_names_the_she_of_the_quotation_after_it(lexicon: Lexicon) -> None:
    text = (
        "Mr. Ivo Brandt reports:\n\n"
        '"Lena Marsh thought the whole affair was absurd. She had never been a danger to '
        "anyone.\n\n"
        "“It never crossed my mind that I was ill,” she said weeks later.\n\n"
        "The evening is recorded in detail:\n\n"
        "“Here comes the mayor,” she said, clapping.\n\n"
        "“I knew he would come,” Lena Marsh said to the screen."
    )
    assert speaker_of(text, "It never crossed", lexicon) == "Lena Marsh"
    assert speaker_of(text, "Here comes the mayor", lexicon) == "Lena Marsh"


def test_a_name_inside_a_quotation_is_only_the_last_resort(lexicon: Lexicon) -> None:
    text = (
        "Greta Lund said the port would stay open.\n\n"
        "“Nora Basset asked me to stay,” she told reporters.\n\n"
        "“We will not close,” she said."
    )
    assert speaker_of(text, "We will not close", lexicon) == "Greta Lund"


def test_an_indefinite_description_is_someone_new(lexicon: Lexicon) -> None:
    text = (
        "Ana Paz, the harbor director, said the port would stay open.\n\n"
        "“The fees are too high,” an official said."
    )
    assert speaker_of(text, "The fees are too high", lexicon) == "an official"


def test_a_definite_description_still_goes_back(lexicon: Lexicon) -> None:
    text = (
        "Ana Paz, the harbor director, said the port would stay open.\n\n"
        "“The fees are fair,” the director said."
    )
    assert speaker_of(text, "The fees are fair", lexicon) == "Ana Paz"


def test_the_writers_own_relation_speaks_as_printed_and_is_the_he_after(
    lexicon: Lexicon,
) -> None:
    text = (
        "Mr. Ivo Brandt said the port would stay open.\n\n"
        "“We live in hard times,” my father often said.\n\n"
        "He also told his friends that “the port is doomed.”"
    )
    assert speaker_of(text, "We live in hard times", lexicon) == "my father"
    assert speaker_of(text, "the port is doomed", lexicon) == "my father"


def test_a_quote_that_is_its_subject_s_predicate_continues_the_reporter(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Ana Paz met her counterpart on Monday.\n\n"
        "“It was a good meeting,” said Paz.\n\n"
        "She said nothing “surprising” happened. Trade Minister Ivo Brandt “talked about the "
        "harbor at length. I will not go into details.”"
    )
    assert speaker_of(text, "talked about the harbor", lexicon) == "Ana Paz"


def test_a_quote_after_its_subject_and_a_verb_is_the_subject_s(lexicon: Lexicon) -> None:
    text = "Trade Minister Ivo Brandt called the plan “a harbor for everyone.”"
    assert speaker_of(text, "a harbor for everyone", lexicon) == "Ivo Brandt"
