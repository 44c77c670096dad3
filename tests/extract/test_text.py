"""Sentence splitting and quotation spans: exact offsets, abbreviations, every kind of mark."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.text import quote_spans, segment
from tests.conftest import seed_documents


def _spans(body: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.text, q.open_mark, q.close_mark) for p in segment(body) for q in quote_spans(body, p)
    ]


def test_sentences_are_exact_substrings_of_the_body() -> None:
    body = "First one. Second one!\n\nA heading line\n\nThird, with Mr. Smith. Fourth?"
    sentences = [s for p in segment(body) for s in p.sentences]
    assert [s.text for s in sentences] == [
        "First one.",
        "Second one!",
        "A heading line",
        "Third, with Mr. Smith.",
        "Fourth?",
    ]
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(5))
    assert sentences[2].heading


def test_an_abbreviation_after_a_hyphen_does_not_end_a_sentence() -> None:
    body = "They opened the EU-U.S. Trade Council office. It is new."
    texts = [s.text for p in segment(body) for s in p.sentences]
    assert texts == ["They opened the EU-U.S. Trade Council office.", "It is new."]


def test_initials_do_not_end_a_sentence() -> None:
    body = "Secretary Jane Q. Doe met George W. Smith Jr. today. They talked."
    texts = [s.text for p in segment(body) for s in p.sentences]
    assert texts == ["Secretary Jane Q. Doe met George W. Smith Jr. today.", "They talked."]


def test_curly_and_straight_quotes_pair_by_direction() -> None:
    body = '“One,” she said. "Two," he said. He called it "a deal".'
    assert _spans(body) == [("One,", "“", "”"), ("Two,", '"', '"'), ("a deal", '"', '"')]


def test_nested_curly_quotes_stay_inside_the_outer_quote() -> None:
    body = "“He told me “never” twice,” she said."
    assert _spans(body) == [("He told me “never” twice,", "“", "”")]


def test_a_missing_opening_mark_opens_at_the_paragraph_start() -> None:
    body = "We will not give up,” the minister said."
    assert _spans(body) == [("We will not give up,", "", "”")]


def test_a_missing_opening_mark_after_other_quotes_opens_at_its_sentence() -> None:
    body = (
        'Ito met Paz. Both want "closer ties". Trade will grow," Ito said. '
        "He called it “a start”. We are ready.” Paz agreed."
    )
    assert _spans(body) == [
        ("closer ties", '"', '"'),
        ("Trade will grow,", "", '"'),
        ("a start", "“", "”"),
        ("We are ready.", "", "”"),
    ]


def test_a_stray_closing_mark_in_a_quoted_sentence_opens_nothing() -> None:
    body = 'He said "we agree" and then," Ito said.'
    assert _spans(body) == [("we agree", '"', '"')]


def test_a_quote_open_at_the_paragraph_end_has_no_closing_mark() -> None:
    body = "“We will continue.\n\n“And we will win,” she said."
    spans = _spans(body)
    assert spans[0] == ("We will continue.", "“", None)
    assert spans[1] == ("And we will win,", "“", "”")


def test_apostrophes_are_not_quotation_marks() -> None:
    body = "The minister's plan isn't new, officials' notes say."
    assert _spans(body) == []


def test_single_marks_quote_in_a_paragraph_without_double_ones() -> None:
    body = (
        "The talks were 'warm and productive', Paz said. Reyes's aides called them "
        "‘a good start’ and the leaders' notes agree.\n\n"
        "In the '90s the port was small.\n\n"
        "“It's 'fine',” she said."
    )
    assert _spans(body) == [
        ("warm and productive", "'", "'"),
        ("a good start", "‘", "’"),
        ("It's 'fine',", "“", "”"),
    ]


#: The single marks' patterns written with their look-behind first (the plain form).
_PLAIN_SINGLE_OPEN = r"(?:^|(?<=[\s(\[—–]))['‘](?=\w)"
_PLAIN_SINGLE_CLOSE = r"(?<=[\w.,!?…])['’](?=[\s.,;:!?)\]—–]|$)"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '‘’(—.,!\n[]", max_size=30))
def test_single_mark_patterns_match_where_their_plain_form_does(text: str) -> None:
    import re

    from bot.extract import single_quotes as module

    for fast, plain in (
        (module._SINGLE_OPEN_RE, _PLAIN_SINGLE_OPEN),
        (module._SINGLE_CLOSE_RE, _PLAIN_SINGLE_CLOSE),
    ):
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in re.finditer(plain, text)
        ]


def test_single_marks_open_at_the_start_of_a_paragraph() -> None:
    assert _spans("'Warm,' Paz said.\n\n(‘fine’) she added.") == [
        ("Warm,", "'", "'"),
        ("fine", "‘", "’"),
    ]


def test_single_marks_farther_apart_than_a_quote_are_apostrophes() -> None:
    body = "The 'plan " + "word " * 200 + "rests on the partners' votes."
    assert _spans(body) == []


def test_spans_of_the_seed_documents_are_exact() -> None:
    for path in seed_documents():
        body = path.read_text(encoding="utf-8")
        for p in segment(body):
            for q in quote_spans(body, p):
                assert body[q.start : q.end] == q.text
                assert p.start <= q.start <= q.end <= p.start + len(p.text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,!?\"“”'\n-UAJ")),
        max_size=200,
    )
)
def test_any_text_segments_and_quotes_with_exact_offsets(body: str) -> None:
    for p in segment(body):
        assert body[p.start : p.start + len(p.text)] == p.text
        for s in p.sentences:
            assert body[s.start : s.end] == s.text
        for q in quote_spans(body, p):
            assert body[q.start : q.end] == q.text


def test_a_full_stop_with_no_space_after_it_still_ends_a_sentence() -> None:
    body = "The envoys praised the new ties.Later, the ministry said the talks went well."
    texts = [s.text for p in segment(body) for s in p.sentences]
    assert texts == [
        "The envoys praised the new ties.",
        "Later, the ministry said the talks went well.",
    ]


def test_a_glued_full_stop_after_a_closing_quote_ends_a_sentence() -> None:
    body = "She called it “a good day.”Then she left."
    texts = [s.text for p in segment(body) for s in p.sentences]
    assert texts == ["She called it “a good day.”", "Then she left."]


def test_domains_abbreviations_and_dotted_acronyms_are_not_glued_sentences() -> None:
    body = "Details are on gov.uk and www.example.com pages. He met Mr.Brown and U.S.Navy staff."
    texts = [s.text for p in segment(body) for s in p.sentences]
    assert texts == [
        "Details are on gov.uk and www.example.com pages.",
        "He met Mr.Brown and U.S.Navy staff.",
    ]
