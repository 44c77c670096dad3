"""Quotes: every attribution form, what is not a quote, speakers through the register.

Unit tests use short sentences written for the test (invented names); the seed tests derive
what they expect from the seed's own quotation marks.
"""

from __future__ import annotations

import re

import pytest

from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.quotes import extract_quotes
from bot.extract.text import quote_spans, segment
from bot.models import Document, Quote
from bot.seeds import parse_document
from tests.conftest import seed_documents


def quotes_of(text: str, lexicon: Lexicon) -> list[tuple[str | None, str]]:
    """(speaker name or body, text) for each quote."""
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    reg = extract_people(doc, paragraphs, lexicon)
    names = {p.id: p.name for p in reg.people}
    return [
        (names.get(q.speaker, q.speaker), q.text)
        for q in extract_quotes(doc, paragraphs, reg, lexicon)
    ]


def raw_quotes(text: str, lexicon: Lexicon) -> list[Quote]:
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    return extract_quotes(doc, paragraphs, extract_people(doc, paragraphs, lexicon), lexicon)


INTRO = "Foreign Minister Lena Holm met Defense Minister Ravi Rao in Oslo. "


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are ready,” said Holm.", "Lena Holm"),
        ("“We are ready,” Rao said.", "Ravi Rao"),
        ("Holm said: “We are ready.”", "Lena Holm"),
        ("Rao said that “we are ready.”", "Ravi Rao"),
        ("According to Holm, “we are ready.”", "Lena Holm"),
        ("Rao told reporters: “We are ready.”", "Ravi Rao"),
        ("Holm added, “We are ready.”", "Lena Holm"),
        ('"We are ready," said Defense Minister Ravi Rao.', "Ravi Rao"),
        ("“We are ready,” the foreign minister said.", "Lena Holm"),
        ("The visit mattered. “We are ready,” she said.", "Lena Holm"),
        ("“We are ready,” Holm, who arrived late, told reporters.", "Lena Holm"),
    ],
)
def test_attribution_forms(sentence: str, speaker: str, lexicon: Lexicon) -> None:
    got = quotes_of(INTRO + sentence, lexicon)
    assert len(got) == 1
    who, text = got[0]
    assert who == speaker
    assert text.rstrip(".").casefold() == "we are ready"


def test_trailing_comma_is_dropped_and_full_stop_kept(lexicon: Lexicon) -> None:
    got = quotes_of(INTRO + "“One step,” Holm said. “Then another.”", lexicon)
    assert [t for _, t in got] == ["One step", "Then another."]


def test_quote_split_by_the_attribution_is_two_quotes_with_one_speaker(lexicon: Lexicon) -> None:
    text = INTRO + "“We will,” Rao said, “keep working with our partners.”"
    assert quotes_of(text, lexicon) == [
        ("Ravi Rao", "We will"),
        ("Ravi Rao", "keep working with our partners."),
    ]


def test_a_quote_over_two_sentences_is_one_quote(lexicon: Lexicon) -> None:
    text = INTRO + "The plan, Holm said, “covers the north. It also covers the coast.”"
    got = quotes_of(text, lexicon)
    assert got == [("Lena Holm", "covers the north. It also covers the coast.")]
    source = raw_quotes(text, lexicon)[0].source
    assert source.sentence.endswith("It also covers the coast.”")
    assert source.sentence in text


def test_a_quote_over_paragraphs_keeps_its_speaker(lexicon: Lexicon) -> None:
    text = (
        INTRO + "\n\n“The first part of the statement runs on.\n\n"
        "“And the second part ends it,” Rao said."
    )
    got = quotes_of(text, lexicon)
    assert got == [
        ("Ravi Rao", "The first part of the statement runs on."),
        ("Ravi Rao", "And the second part ends it"),
    ]


def test_continuation_paragraph_of_pure_quotation(lexicon: Lexicon) -> None:
    text = INTRO + "“We came to listen,” Holm said.\n\n“And we will come back in the spring.”"
    assert [w for w, _ in quotes_of(text, lexicon)] == ["Lena Holm", "Lena Holm"]


def test_quotation_paragraph_after_reported_speech(lexicon: Lexicon) -> None:
    text = INTRO + "Rao added that the time was right.\n\n“I hope we will look back on this day.”"
    assert quotes_of(text, lexicon) == [("Ravi Rao", "I hope we will look back on this day.")]


def test_unattributed_quote_before_an_attributed_one(lexicon: Lexicon) -> None:
    text = INTRO + "“We came to listen.” “We will return,” Rao said."
    assert [w for w, _ in quotes_of(text, lexicon)] == ["Ravi Rao", "Ravi Rao"]


def test_partial_quote_takes_the_subject_of_the_reporting_verb(lexicon: Lexicon) -> None:
    text = INTRO + (
        "Holm stressed the alliance, saying it includes “our commitment to the whole region.”"
    )
    assert quotes_of(text, lexicon) == [("Lena Holm", "our commitment to the whole region.")]


def test_partial_quote_continues_the_paragraph_s_reporting_subject(lexicon: Lexicon) -> None:
    text = INTRO + (
        "“We came to listen,” Holm said. He also announced a forum.\n\n"
        "During his stay, Rao reaffirmed the offer. Both sides should "
        '"take the partnership to the next level". He pointed to the "tense" situation.'
    )
    assert quotes_of(text, lexicon) == [
        ("Lena Holm", "We came to listen"),
        ("Ravi Rao", "take the partnership to the next level"),
    ]


def test_quote_missing_its_opening_mark_after_other_quotes(lexicon: Lexicon) -> None:
    text = (
        "Chancellor Ana Berg hosted Premier Wu Lan. Berg wants a "
        '"fresh start". If we trade more, we will all gain," the Prime Minister said.'
    )
    assert quotes_of(text, lexicon) == [
        ("Ana Berg", "fresh start"),
        ("Wu Lan", "If we trade more, we will all gain"),
    ]


def test_short_partial_quote_next_to_speech_is_a_quote(lexicon: Lexicon) -> None:
    text = INTRO + "“We agree,” said Holm. They want a “fresh start”."
    assert quotes_of(text, lexicon) == [("Lena Holm", "We agree"), ("Lena Holm", "fresh start")]


def test_terms_titles_and_scare_quotes_are_not_quotes(lexicon: Lexicon) -> None:
    text = (
        'Last month, the two nations held "two-plus-two" talks in Oslo. The ministry '
        "announced its “Draft Coastal Energy Direction and Action Guidelines” in May. The "
        "so-called “grey zone” worries planners. Nobody liked the “plan”."
    )
    assert quotes_of(text, lexicon) == []
    text = (
        "The “Harbor Principles”, the Joint Leaders’ Statement, and “Commitment to Consult "
        "among Norway, the Republic of Korea, and Chile” were released."
    )
    assert quotes_of(text, lexicon) == []


def test_words_quoted_from_a_document_go_to_the_body(lexicon: Lexicon) -> None:
    text = (
        "The ministries recalled their commitment in the 2021 Nordic Energy Council "
        "Communique to “work on cleaner fuels.”"
    )
    assert quotes_of(text, lexicon) == [("Nordic Energy Council", "work on cleaner fuels.")]


def test_an_institution_speaks_for_itself(lexicon: Lexicon) -> None:
    text = "“The treaty remains in force,” the Foreign Office said."
    assert quotes_of(text, lexicon) == [("Foreign Office", "The treaty remains in force")]


def test_an_unnamed_speaker_gives_no_speaker_not_the_previous_one(lexicon: Lexicon) -> None:
    text = INTRO + "“We agree,” said Holm. “It is historic,” a senior official said."
    assert quotes_of(text, lexicon) == [("Lena Holm", "We agree"), (None, "It is historic")]


def test_a_new_sentence_after_a_closed_quote_is_not_its_attribution(lexicon: Lexicon) -> None:
    text = INTRO + "“We agree,” said Holm. “It is done.” Rao said in a statement that he left."
    assert quotes_of(text, lexicon) == [("Lena Holm", "We agree"), ("Lena Holm", "It is done.")]


def test_straight_marks_and_a_missing_opening_mark(lexicon: Lexicon) -> None:
    text = INTRO + '\n\nWe are ready to help," Rao said. "So are we," said Holm.'
    assert quotes_of(text, lexicon) == [
        ("Ravi Rao", "We are ready to help"),
        ("Lena Holm", "So are we"),
    ]


def test_mixed_straight_and_curly_marks_pair(lexicon: Lexicon) -> None:
    text = INTRO + '"No one should doubt our commitment,” Holm stated, as she left.'
    assert quotes_of(text, lexicon) == [("Lena Holm", "No one should doubt our commitment")]


def test_unnamed_reporter_of_a_partial_quote(lexicon: Lexicon) -> None:
    text = INTRO + (
        "“We agree,” said Holm. A ministry spokesperson described the talks as “candid.”"
    )
    assert quotes_of(text, lexicon) == [("Lena Holm", "We agree"), (None, "candid.")]


def test_nested_quote_is_part_of_the_outer_quote(lexicon: Lexicon) -> None:
    text = INTRO + "“They told us “never” and we listened,” Holm said."
    assert quotes_of(text, lexicon) == [("Lena Holm", "They told us “never” and we listened")]


def test_leader_title_quote_resolves_through_the_register(lexicon: Lexicon) -> None:
    text = (
        "“We start today,” said Meier. Meier met the press.\n\n"
        "“It will take years,” said the Chancellor."
    )
    assert [w for w, _ in quotes_of(text, lexicon)] == ["Meier", "Meier"]


def test_an_institution_with_a_comma_in_its_name_speaks_for_itself(lexicon: Lexicon) -> None:
    text = "The Trade, Energy and Industry Office said the visit “shows our close ties.”"
    assert quotes_of(text, lexicon) == [
        ("Trade, Energy and Industry Office", "shows our close ties.")
    ]


# --- block quotations: paragraphs after "X said:" ---------------------------------------------


BLOCK = (
    "Trade Secretary Nora Quist visited Lima today.\n\n"
    "The Trade Secretary said:\n\n"
    "I am glad to be here. Our two countries trade more every year.\n\n"
    "We will open new offices, and our firms will follow.\n\n"
    "The Trade Secretary also met business leaders.\n\n"
    "Envoy Piet Maas added:\n\n"
    "Peru is a partner we value."
)


def test_paragraphs_after_said_colon_are_quotes_one_per_paragraph(lexicon: Lexicon) -> None:
    got = quotes_of(BLOCK, lexicon)
    assert got == [
        ("Nora Quist", "I am glad to be here. Our two countries trade more every year."),
        ("Nora Quist", "We will open new offices, and our firms will follow."),
        ("Piet Maas", "Peru is a partner we value."),
    ]


def test_block_quote_cites_its_whole_paragraph(lexicon: Lexicon) -> None:
    first = raw_quotes(BLOCK, lexicon)[0]
    assert first.source.sentence == first.text
    assert first.source.paragraph == 3


def test_an_unnamed_speaker_before_a_colon_gives_no_block_quote(lexicon: Lexicon) -> None:
    text = "A ministry spokesperson said:\n\nThe minister held a call with the envoy today."
    assert quotes_of(text, lexicon) == []


def test_a_paragraph_with_its_own_quotation_marks_is_read_as_usual(lexicon: Lexicon) -> None:
    text = "Envoy Piet Maas said:\n\n“Peru is a partner,” he added, “and a friend.”"
    assert quotes_of(text, lexicon) == [
        ("Piet Maas", "Peru is a partner"),
        ("Piet Maas", "and a friend."),
    ]


# --- the shipped seeds --------------------------------------------------------------------


@pytest.fixture(scope="module", params=seed_documents(), ids=lambda p: p.name)
def seed_quotes(request: pytest.FixtureRequest, lexicon: Lexicon) -> tuple[Document, list[Quote]]:
    path = request.param
    doc = parse_document(path, path.read_bytes())
    paragraphs = segment(doc.text)
    reg = extract_people(doc, paragraphs, lexicon)
    return doc, extract_quotes(doc, paragraphs, reg, lexicon)


def test_every_long_quoted_span_of_a_seed_is_a_quote(
    seed_quotes: tuple[Document, list[Quote]],
) -> None:
    doc, quotes = seed_quotes
    texts = {q.text for q in quotes}
    for m in re.finditer(r"“([^”]+)”", doc.text):
        inner = m.group(1).strip()
        if len(inner.split()) > 4:
            assert inner.rstrip(",") in texts


def test_seed_quotes_with_said_next_to_them_have_speakers(
    seed_quotes: tuple[Document, list[Quote]],
) -> None:
    doc, quotes = seed_quotes
    for m in re.finditer(r"“([^”]+)”,? said ", doc.text):
        q = next(q for q in quotes if q.text == m.group(1).strip().rstrip(","))
        assert q.speaker


def test_seed_quotes_are_exact_text_with_a_citing_sentence(
    seed_quotes: tuple[Document, list[Quote]],
) -> None:
    doc, quotes = seed_quotes
    assert quotes
    paragraphs = segment(doc.text)
    spans = {q.text.strip().rstrip(",") for p in paragraphs for q in quote_spans(doc.text, p)}
    for q in quotes:
        assert q.text in spans
        assert q.text in doc.text
        assert q.source.sentence in doc.text and q.source.doc_id == doc.id
