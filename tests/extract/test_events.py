"""Dates and events: absolute and relative dates resolved against the document date."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments import extract_commitments
from bot.extract.dates import PartialDate, find_dates, is_after, sentence_tense
from bot.extract.events import extract_events
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import segment
from bot.models import Document
from bot.seeds import parse_document
from tests.conftest import seed_documents

ISO_LIKE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")


def whens(text: str, lexicon: Lexicon, anchor: str | None) -> list[str]:
    tense = sentence_tense(text, lexicon)
    return [d.when for d in find_dates(text, lexicon, PartialDate.parse(anchor), tense=tense)]


def document(body: str, date: str | None = "2023-03-15") -> Document:
    return Document(id="t", title="", path="t.txt", text=body, sha256="", date=date)


def test_partial_dates() -> None:
    assert PartialDate.parse("2023-03-15") == PartialDate(2023, 3, 15)
    assert PartialDate.parse("2023-03") == PartialDate(2023, 3)
    assert PartialDate.parse("2023") == PartialDate(2023)
    assert PartialDate.parse("2023-02-30") is None
    assert PartialDate.parse("unknown") is None
    assert is_after("2023-05", PartialDate(2023, 3, 15))
    assert not is_after("2023-03", PartialDate(2023, 3, 15))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on September 3, 2021, in Oslo.", ["2021-09-03"]),
        ("The accord was signed in October 2019.", ["2019-10"]),
        ("The delegates met on 4 March 2020.", ["2020-03-04"]),
        ("She served as envoy in 2010-2012.", ["2010/2012"]),
        ("No such drill has been held since 1985.", ["1985"]),
        ("The 2018 treaty expired.", ["2018"]),
        ("The ministers met from May 2 to 4, 2022.", ["2022-05-02/2022-05-04"]),
    ],
)
def test_absolute_dates_need_no_anchor(lexicon: Lexicon, text: str, expected: list[str]) -> None:
    assert whens(text, lexicon, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy arrived today.", ["2023-03-15"]),
        ("The talks end tomorrow.", ["2023-03-16"]),
        ("The talks ended yesterday.", ["2023-03-14"]),
        ("On Friday, the ministers will sign the pact.", ["2023-03-17"]),
        ("The ministers signed the pact on Monday.", ["2023-03-13"]),
        ("The summit will be held in June.", ["2023-06"]),
        ("The envoy visited Lima in November.", ["2022-11"]),
        ("Last month, the two sides held talks.", ["2023-02"]),
        ("Both sides will meet again next week.", ["2023-03-20/2023-03-26"]),
        ("A new frigate will sail in the coming year.", ["2024"]),
        ("The fund will grow over the next four years.", ["2023/2027"]),
        ("The bloc currently chairs the council.", ["2023"]),
        ("The minister began four days of talks.", ["2023-03-15/2023-03-18"]),
    ],
)
def test_relative_dates_resolve_against_the_document_date(
    lexicon: Lexicon, text: str, expected: list[str]
) -> None:
    assert whens(text, lexicon, "2023-03-15") == expected


def test_a_date_in_its_own_clause_keeps_its_own_tense(lexicon: Lexicon) -> None:
    text = "The two navies will hold drills, the ministries announced on Monday."
    assert whens(text, lexicon, "2023-03-15") == ["2023-03-13"]


def test_without_a_document_date_relative_dates_are_dropped(lexicon: Lexicon) -> None:
    assert whens("The envoy arrived today and met her on June 2, 2020.", lexicon, None) == [
        "2020-06-02"
    ]


def test_a_month_precise_document_date_gives_month_precise_answers(lexicon: Lexicon) -> None:
    assert whens("The envoy arrived today.", lexicon, "2023-03") == ["2023-03"]
    assert whens("The envoy arrived today.", lexicon, "2023") == ["2023"]


@pytest.mark.parametrize(
    "text",
    [
        "The exercise drew 17,000 troops and 2000 sailors.",
        "The country has a special fund of 100 billion euros.",
        "Germany may send more ships.",
        "The Good Friday Agreement was praised.",
        "The plan is called Vision 2030 plan today.",
    ],
)
def test_numbers_and_names_are_not_dates(lexicon: Lexicon, text: str) -> None:
    assert all("2030" not in w and "2000" not in w for w in whens(text, lexicon, "2023-03-15"))
    if "today" not in text:
        assert whens(text, lexicon, "2023-03-15") == []


def test_a_paragraph_year_dates_a_later_bare_month(lexicon: Lexicon) -> None:
    body = "In April 2019, the envoy visited Seoul. The visit to Hanoi followed in November."
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2019-04", "2019-11"]


def test_one_event_per_dated_statement_with_its_own_clause(lexicon: Lexicon) -> None:
    body = (
        "The minister arrived in Rome today for talks, which will conclude tomorrow at the "
        "foreign ministry."
    )
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-15", "2023-03-16"]
    assert "today" not in events[0].what and "Rome" in events[0].what
    assert "tomorrow" not in events[1].what and "conclude" in events[1].what
    assert all(e.source.sentence == body for e in events)


def test_the_story_day_is_one_event(lexicon: Lexicon) -> None:
    body = "The two leaders met in Oslo today. Today, they also spoke to reporters."
    events = extract_events(document(body), segment(body), lexicon)
    assert len(events) == 1
    assert events[0].what.startswith("The two leaders met in Oslo")


def test_a_heading_restated_below_is_one_event(lexicon: Lexicon) -> None:
    body = (
        "In 2024, a new embassy opens in Lima\n\n"
        "In the coming year, the ministry wants to open an embassy in Lima.\n\n"
        "In 2026, a consulate follows\n\n"
        "The ministry has no further plans.\n"
    )
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2024", "2026"]
    assert events[0].what.startswith("The ministry wants to open")


def test_what_keeps_the_content_words(lexicon: Lexicon) -> None:
    body = "On Friday, the ministers will sign a pact on fisheries in Reykjavik."
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert event.when == "2023-03-17"
    assert "Friday" not in event.what
    assert {"ministers", "sign", "pact", "fisheries", "Reykjavik"} <= set(event.what.split())


@pytest.mark.parametrize("path", seed_documents(), ids=lambda p: p.name)
def test_seed_events_are_iso_like_and_cite_their_sentence(lexicon: Lexicon, path) -> None:
    doc = parse_document(path, path.read_bytes())
    events = extract_events(doc, segment(doc.text), lexicon)
    assert events
    for event in events:
        assert ISO_LIKE.fullmatch(event.when), event.when
        assert event.source.sentence in doc.text
        assert event.what
    # Every "Month YYYY" the text names is an event of that month (found by an independent
    # pattern, so a changed document changes the expectation).
    months = "January February March April May June July August September October November December"
    for m in re.finditer(rf"\b({'|'.join(months.split())}) ((?:19|20)\d\d)\b", doc.text):
        month = months.split().index(m[1]) + 1
        assert f"{m[2]}-{month:02d}" in {e.when for e in events}
    # Every heading that opens with "In YYYY" dates its section.
    for m in re.finditer(r"^In ((?:19|20)\d\d)\b[^\n.]*$", doc.text, re.MULTILINE):
        assert m[1] in {e.when for e in events}


def test_what_leaves_no_stray_quotation_mark(lexicon: Lexicon) -> None:
    body = "“The fleet will grow in the next ten years,” the admiral said."
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert event.when == "2023/2033"
    assert event.what.count("“") == event.what.count("”")


WORDS = st.sampled_from(
    'Germany Japan will want to in May on Monday today 2024 2008-2009 June 4-5 , . “ ” " '
    "the next five years which they both countries said Secretary it demand ? \n\n".split(" ")
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(WORDS, max_size=60).map(" ".join),
    st.sampled_from([None, "2023", "2023-05", "2023-05-03"]),
)
def test_any_text_gives_iso_like_events_and_exact_sentences(
    lexicon: Lexicon, body: str, date: str | None
) -> None:
    doc = document(body, date)
    paragraphs = segment(body)
    for event in extract_events(doc, paragraphs, lexicon):
        assert ISO_LIKE.fullmatch(event.when), event.when
        assert event.source.sentence in body
    for c in extract_commitments(doc, paragraphs, PeopleRegister(), lexicon):
        assert c.sentence in body
        assert c.topics
        assert c.when is None or ISO_LIKE.fullmatch(c.when)


# --- date forms met on unseen documents (sentences written for the test) -----------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # A bare month after the document's month in a forward-looking sentence: this year.
        ("Both envoys confirmed their support towards the summit in June.", "2023-03-15",
         ["2023-06"]),
        ("The two leaders looked forward to the king's visit to Oslo in July.", "2018-05-11",
         ["2018-07"]),
        # The clause has no tense: the nearest marker before the date decides.
        ("The envoy traveled to Lima, March 4-5, ahead of a state visit.", "2023-03-15",
         ["2023-03-04/2023-03-05"]),
        ("The envoy stayed in Lima on March 12 and 13.", "2023-03-15",
         ["2023-03-12/2023-03-13"]),
        ("The talks are on 20 and 21 April.", "2023-03-15", ["2023-04-20/2023-04-21"]),
        ("The next round is due this fall.", "2021-07-30", ["2021-09/2021-11"]),
        ("The drills will be held next winter.", "2023-03-15", ["2023-12/2024-02"]),
        ("The exercise ended last summer.", "2023-03-15", ["2022-06/2022-08"]),
        ("The talks will resume in autumn 2024.", "2023-03-15", ["2024-09/2024-11"]),
        ("The summit takes place at the end of the month.", "2022-06-23", ["2022-06"]),
        ("He last visited Rome four years ago in June 2018.", "2022-05-10", ["2018", "2018-06"]),
        ("Both will meet their 2030 targets and 2050 goals.", "2023-03-15", ["2030", "2050"]),
        ("Yes, we’ll meet again in May.", "2023-03-15", ["2023-05"]),
    ],
)  # fmt: skip
def test_more_date_forms(lexicon: Lexicon, text: str, anchor: str, expected: list[str]) -> None:
    assert whens(text, lexicon, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices fall in winter.",
        "The fall of the old regime was quick.",
        "Peru intends to extend the mission beyond 2025.",
        "The bank fined firms which are currently trading in the region.",
    ],
)
def test_not_dates_either(lexicon: Lexicon, text: str) -> None:
    assert whens(text, lexicon, "2023-03-15") == []


def test_a_limit_year_does_not_date_later_months(lexicon: Lexicon) -> None:
    body = "The mission runs until 2025. The talks resumed on October 12."
    events = extract_events(document(body, "2022-10-14"), segment(body), lexicon)
    assert [e.when for e in events] == ["2025", "2022-10-12"]


def test_a_coarse_date_stated_exactly_is_one_event(lexicon: Lexicon) -> None:
    body = "He last visited Rome four years ago in June 2018."
    events = extract_events(document(body, "2022-05-10"), segment(body), lexicon)
    assert [e.when for e in events] == ["2018-06"]


def test_a_possessive_day_refers_back_to_its_event(lexicon: Lexicon) -> None:
    body = "The envoys met in Lima on Monday. Monday’s meeting came after a long pause."
    events = extract_events(document(body, "2023-03-15"), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-13"]


def test_two_dated_clauses_joined_by_and_are_two_events(lexicon: Lexicon) -> None:
    body = "The envoys dine in Lima this evening, and after talks in Quito the envoy flies home tomorrow."
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-15", "2023-03-16"]
    assert "flies" not in events[0].what and "dine" not in events[1].what


# --- dates that look ahead, spans, and readable descriptions ----------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # Words that schedule look ahead even after a past verb.
        ("In the talks, slated for Tuesday, the two envoys will review progress.", "2023-03-15",
         ["2023-03-21"]),
        ("The two leaders agreed to hold the first meeting in October.", "2023-07-10",
         ["2023-10"]),
        # ... but not past a later past verb or a "previous" meeting.
        ("Both agreed to build on a statement their leaders made in July.", "2014-10-17",
         ["2014-07"]),
        ("They agreed to upgrade ties during their previous summit in September.", "2023-05-17",
         ["2022-09"]),
        # A meeting named by its month is the nearest such month.
        ("The council discussed the October summit agenda.", "2017-09-25", ["2017-10"]),
        # A deadline looks ahead; a passive participle is no past tense.
        ("The law should be passed by the summer.", "2023-05-23", ["2023-06/2023-08"]),
        ("Applications must be submitted by Monday.", "2023-03-15", ["2023-03-20"]),
        ("The report is to be published in February.", "2023-03-15", ["2024-02"]),
        ("The report was published in February.", "2023-03-15", ["2023-02"]),
    ],
)  # fmt: skip
def test_round_three_date_directions(
    lexicon: Lexicon, text: str, anchor: str, expected: list[str]
) -> None:
    assert whens(text, lexicon, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two countries will build a partnership for the next 60 years.",
        "The bloc adopted a post-2020 framework for fisheries.",
    ],
)
def test_visions_and_periods_are_not_dates(lexicon: Lexicon, text: str) -> None:
    assert whens(text, lexicon, "2023-03-15") == []


def test_a_day_told_twice_by_tomorrow_is_one_event(lexicon: Lexicon) -> None:
    body = "Tomorrow, the leaders will meet in Lima. Tomorrow, the leaders will also sign a pact."
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-16"]
    body = (
        "The envoy is flying to Lima tomorrow. "
        "On Thursday, March 16, 2023, the envoy will receive the minister."
    )
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-16", "2023-03-16"]


def test_a_week_around_a_named_day_and_the_first_day_of_a_span_fold(lexicon: Lexicon) -> None:
    body = (
        "The envoy previewed this week’s summit at a press conference on Wednesday (15 March 2023)."
    )
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-15"]
    body = "The envoy will make a three-day trip to Lima from Monday."
    events = extract_events(document(body), segment(body), lexicon)
    assert [e.when for e in events] == ["2023-03-20/2023-03-22"]


def test_what_drops_times_datelines_and_stray_brackets(lexicon: Lexicon) -> None:
    body = (
        "On March 14, commencing at 12:25 p.m. (local time; March 14, 7:25 p.m. Lima time), the "
        "two leaders held brief talks."
    )
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert event.when == "2023-03-14"
    assert "held brief talks" in event.what
    assert not re.search(r"\d:\d", event.what)
    assert event.what.count("(") == event.what.count(")")
    body = "LIMA, March 14 (Agency) -- The envoy arrived in Lima on Tuesday."
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert event.what.startswith("The envoy arrived")


def test_a_heading_line_that_says_more_than_the_quote_keeps_the_story_day(
    lexicon: Lexicon,
) -> None:
    body = (
        "Anna Berg, Minister of Finance and chair of today's council meeting\n\n"
        'The ministers closed the file. "Today\'s decision is welcome."\n'
    )
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert event.when == "2023-03-15" and "chair" in event.what


def test_an_undated_anniversary_is_marked_in_the_document_year(lexicon: Lexicon) -> None:
    assert whens("The visit marks the 40th anniversary of relations.", lexicon, "2023-03-15") == [
        "2023"
    ]
    text = "The envoys will mark the 40th anniversary of relations on May 2."
    assert whens(text, lexicon, "2023-03-15") == ["2023-05-02"]
    body = "The visit marks the 40th anniversary of relations."
    (event,) = extract_events(document(body), segment(body), lexicon)
    assert "anniversary" in event.what


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers held a meeting in Vienna Sunday.", ["2023-03-12"]),
        ("Secretary Mwangi Monday announced a new fund.", ["2023-03-13"]),
        ("The minister spoke on Good Friday.", []),
        ("Voters went to the polls on Super Tuesday.", []),
        ("The Vienna Sunday Times printed the story.", []),
    ],
)
def test_a_bare_weekday_after_a_name_is_a_date(
    lexicon: Lexicon, text: str, expected: list[str]
) -> None:
    assert whens(text, lexicon, "2023-03-15") == expected
