"""Speaker cues: where an attribution stands beside a quotation and what its subject names.

Sentences are written for the test.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.continuation import Located, continue_speakers
from bot.extract.lexicon import Lexicon
from bot.extract.speaker_cues import find_cue
from bot.extract.speaker_subjects import personal_name, read_subject, reporting_subject
from bot.extract.speaker_words import STOP_MASK, mask_stops, speaker_cues
from bot.extract.text import QuoteSpan, quote_spans, segment


def cue_subject(text: str, lexicon: Lexicon) -> tuple[str, str, str] | None:
    """(where, subject kind, subject text) for the first quotation of `text`."""
    cues = speaker_cues(lexicon)
    masked = mask_stops(text, cues)
    para = segment(text)[0]
    span = quote_spans(text, para)[0]
    end = para.start + len(para.text)
    cue = find_cue(masked, span.start, span.end, span.close_mark is not None, end, cues)
    if cue is None:
        return None
    subject = cue.subject or read_subject(masked, cue.start, cue.end, cues)
    return cue.where, subject.kind, subject.text


def test_abbreviation_stops_are_masked_but_the_sentence_stop_stays(lexicon: Lexicon) -> None:
    text = "Rep. Ana Paz (R-Ore.) and Ivo K. Brandt said so."
    masked = mask_stops(text, speaker_cues(lexicon))
    assert len(masked) == len(text)
    assert masked.count(STOP_MASK) == 3 and masked.endswith("so.")


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Paz met Dr.Ito, Corp. heads and Cox. (Rep. Ito) said. X. x. K.",
        "Sen.Rep. Paz (D-Ore.) R-Ohio. Müller. Gen. (a (b. c) d.) Co.Corp.",
        "end.(Mr. A.) I-N. R- R-. Jan. Janet. Sept.5 9. _.",
    ],
)
def test_masking_by_word_lookup_matches_the_abbreviation_regex(lexicon: Lexicon, text: str) -> None:
    cues = speaker_cues(lexicon)
    assert cues.abbreviation_words  # the shipped list is one-word abbreviations
    want = cues.abbreviations.sub(lambda m: m.group(0).replace(".", STOP_MASK), text)
    assert mask_stops(text, cues) == want


_STOP_PIECES = ["Mr", "Rep", "R", "D", "I", "-", "Ore", "ore", ".", "(", ")", " ", "\n", "x"]
_STOP_PIECES += ["A", "said", "_", "é", "1", "..", "Gen", "Sept", "K", "(a b. c)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=16))
def test_masking_stop_by_stop_matches_the_abbreviation_regex(
    lexicon: Lexicon, pieces: list[str]
) -> None:
    text = "".join(pieces)
    cues = speaker_cues(lexicon)
    want = cues.abbreviations.sub(lambda m: m.group(0).replace(".", STOP_MASK), text)
    assert mask_stops(text, cues) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("“We are ready,” Mr. Ivo Brandt said.", ("after", "name", "Ivo Brandt")),
        ("“We are ready,” said Ivo Brandt, a farmer.", ("after", "name", "Ivo Brandt")),
        ("“We are ready,” she said.", ("after", "pronoun", "she")),
        ("“We are ready,” the spokesman said.", ("after", "description", "spokesman")),
        ("“We are ready,” the G-7 leaders said.", ("after", "group", "G-7 leaders")),
        ("“We are ready.” ― Ivo Brandt", ("credit", "name", "Ivo Brandt")),
        (
            "Asked about it, Ivo Brandt told reporters: “We are ready.”",
            ("before", "name", "Ivo Brandt"),
        ),
        ("Sen. Ivo Brandt (D-Ore.) said, “We are ready.”", ("before", "name", "Ivo Brandt")),
    ],
)
def test_cue_forms(text: str, want: tuple[str, str, str], lexicon: Lexicon) -> None:
    assert cue_subject(text, lexicon) == want


def test_a_quote_that_ends_its_sentence_is_not_attributed_by_the_next(lexicon: Lexicon) -> None:
    # the sentence after the quotation is narrative, not its attribution
    assert cue_subject("“We are ready.” Ivo Brandt said the vote would wait.", lexicon) is None


def test_no_verb_no_cue(lexicon: Lexicon) -> None:
    assert cue_subject("The so-called “green wall” runs along the coast.", lexicon) is None


def test_a_description_with_a_named_apposition_is_that_name(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    text = "Brandt's niece, state Del. Mira Olsen"
    got = read_subject(mask_stops(text, cues), 0, len(text), cues)
    assert (got.kind, got.text) == ("name", "Mira Olsen")


def test_a_name_inside_a_description_is_not_the_speaker(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    text = "a top Brandt surrogate"
    got = read_subject(text, 0, len(text), cues)
    assert (got.kind, got.text) == ("description", "surrogate")


@pytest.mark.parametrize(
    ("sentence", "verb", "want"),
    [
        ("In an interview, Ivo Brandt said the plan works.", "said", "Ivo Brandt"),
        ("The park, which Ivo Brandt said is busy, stays open.", "said", "Ivo Brandt"),
        (
            "It became an issue, with Ivo Brandt — who wants a vote — lambasting the plan.",
            "lambasting",
            "Ivo Brandt",
        ),
        (
            "Ivo Brandt, the minister of trade, a member of the Harbor Council, said it works.",
            "said",
            "Ivo Brandt",
        ),
        ("Prices will rise, noted Ivo Brandt of the bank.", "noted", "Ivo Brandt"),
        (
            "Ivo Brandt, a member of the Harbor Council, said it works.",
            "said",
            "Ivo Brandt",
        ),
        (
            "Ivo Brandt attacked the long-delayed budget plan today, saying it fails.",
            "saying",
            "Ivo Brandt",
        ),
        (  # "of" does not end the subject when a title and a name follow it
            "Ministry of Commerce Spokesman Ivo Brandt said the plan works.",
            "said",
            "Ivo Brandt",
        ),
        (  # a participle phrase with no comma after it: the subject starts at "the"
            "Lauding Chilean harbor plans the visiting minister Ivo Brandt said it works.",
            "said",
            "Ivo Brandt",
        ),
    ],
)
def test_reporting_subject(sentence: str, verb: str, want: str, lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    at = sentence.index(verb)
    got = reporting_subject(sentence, 0, at, at + len(verb), len(sentence), cues)
    assert got is not None and got.text == want


def test_personal_names_are_not_bodies(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    assert personal_name("Ivo Brandt", cues)
    assert not personal_name("Harbor Council", cues)
    assert not personal_name("U.S.", cues)


def _located(index: int, start: int, para: int, opens: bool) -> Located:
    """A quotation at `start` in paragraph `para` (that opens it when `opens`)."""
    from bot.extract.text import Paragraph

    text = "“x”" if opens else "a “x”"
    p = Paragraph(para, text, start - (1 if opens else 3), ())
    return Located(index, QuoteSpan("x", start, start + 1, "“", "”"), p)


def test_continuation_follows_the_corrected_speaker() -> None:
    located = [_located(0, 10, 1, True), _located(1, 20, 1, False), _located(2, 40, 2, True)]
    first = ["wrong", "wrong", "wrong"]
    got = continue_speakers(located, first, ["right", "wrong", "wrong"], {0})
    assert got == ["right", "right", "right"]


def test_continuation_leaves_a_quote_the_first_reading_gave_to_someone_else() -> None:
    located = [_located(0, 10, 1, True), _located(1, 40, 2, True)]
    got = continue_speakers(located, ["a", "b"], ["c", "b"], {0})
    assert got == ["c", "b"]


def test_capitalised_and_hyphenated_words_are_not_reporting_verbs(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    text = "the United States and the so-called deal"
    assert cues.verbs.search(text) is None
    assert list(cues.verb_scan.finditer(text)) == []
    assert [m.group(0) for m, _ in cues.verb_scan.finditer("Paz said and Holm noted")] == [
        "said",
        "noted",
    ]
