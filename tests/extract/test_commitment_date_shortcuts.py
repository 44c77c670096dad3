"""The shortcuts of the date and commitment finders skip only work that finds nothing.

Each test compares a shortcut with the full rule it stands in for, on invented sentences.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.actors import ProperWords, participants, proper_words
from bot.extract.alternation import Alternation
from bot.extract.commitments.context import CommitmentDoc
from bot.extract.commitments.sentence_topics import PersonTopics, context_texts
from bot.extract.date_words import DIGIT_KINDS, date_words
from bot.extract.dates import sentence_tense
from bot.extract.dates.finding import _find_dates, _first_digit
from bot.extract.dates.partial_date import PartialDate
from bot.extract.dates.triggers import date_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.text import segment
from bot.extract.topics import classify_topics
from bot.extract.triggers import text_words
from bot.models import Document

#: Characters that make a digit check hard: ASCII and other digits, letters, marks.
_CHARS = st.sampled_from([*"0159 aM,-–.’٣۴१", "May ", "June ", "2024", "ab"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=30).map("".join))
def test_first_digit_is_the_first_ascii_digit(text: str) -> None:
    """_first_digit finds what a regex scan for an ASCII digit finds: "on May 3" gives 7."""
    m = re.search(r"[0-9]", text)
    assert _first_digit(text) == (m.start() if m else -1)


def test_digit_patterns_need_an_ascii_digit(lexicon: Lexicon) -> None:
    """Every pattern the finder skips in a sentence without an ASCII digit finds nothing
    there, even where other scripts' digits stand ("٣ May ٢٠٢١")."""
    patterns = dict(date_words(lexicon).patterns)
    texts = [
        "Talks on ٣ May ٢٠٢١ and ١٢-١٣ June, from May ٤ to May ٦, in ۲۰۲۳-۲۴.",
        "The envoys met on May ३ and ४ June २०२२, then in March २०२२.",
    ]
    for text in texts:
        assert _first_digit(text) == -1
        for kind in DIGIT_KINDS:
            assert patterns[kind].search(text) is None, kind
    # the same sentences with ASCII digits do match them
    assert patterns["month_day"].search("Talks on May 4 to May 6.")
    assert patterns["year"].search("Talks in 2023.")


def test_proper_words_asked_lazily_answer_as_the_full_set() -> None:
    """ProperWords answers each word as proper_words does, and works them out only when
    asked: "Sato" is a name written mid-sentence, "The" only opens sentences."""
    text = (
        "The envoy met Sato in Oslo. Sato said “Aid will come” and left.\n\n"
        "Talks (Kenya) went on: Both sides agreed. The U.S. team and Sato's aides met."
    )
    paragraphs = segment(text)
    lazy = ProperWords(paragraphs)
    full = proper_words(paragraphs)
    assert not lazy._sentences  # nothing worked out before the first question
    assert "Oslo" in lazy
    assert set(lazy._seen) <= {0}  # only the sentence holding "Oslo" may be tokenised
    words = ("Sato", "Oslo", "The", "Aid", "Both", "Kenya", "U.S", "Sato's", "envoy", "x", "")
    for word in words:
        assert (word in lazy) == (word in full), word
    assert {"Sato", "Oslo", "U.S"} <= full and not {"The", "Kenya", "Aid"} & full


_PIECES = st.sampled_from("Sato|Oslo|the|The|They|U.S.|met|(|“|,|:|Kenya's|AT&T|. |\n\n".split("|"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_proper_words_word_by_word_match_the_full_set(text: str) -> None:
    """On invented texts, every word asked of ProperWords gets proper_words' answer."""
    paragraphs = segment(text)
    full = proper_words(paragraphs)
    lazy = ProperWords(paragraphs)
    asked = {*full, "Sato", "Oslo", "U.S", "U.S.", "Kenya's", "AT&T", "AT", "the", "The", "met"}
    for word in sorted(asked):
        assert (word in lazy) == (word in full), word


def test_person_topics_read_when_asked_match_a_table_filled_as_read(lexicon: Lexicon) -> None:
    """PersonTopics, asked after some paragraphs are added, answers as a table filled
    paragraph by paragraph with every paragraph classified; paragraphs naming no one are
    not classified (they give no one topics)."""
    body = (
        "Energy Minister Ana Paz spoke about energy security and the gas pipeline.\n\n"
        "The weather was fine and talks on defence and warships went on.\n\n"
        "Foreign Minister Ivo Kral discussed trade tariffs with Paz.\n\n"
        "Kral later spoke about cyber security."
    )
    document = Document(id="t", title="Talks", path="t.txt", text=body, sha256="", date=None)
    paragraphs = segment(body)
    register = extract_people(document, paragraphs, lexicon)
    doc = CommitmentDoc(
        document=document,
        lexicon=lexicon,
        register=register,
        parts=participants(document, paragraphs, register, lexicon),
        proper=ProperWords(paragraphs),
        anchor=None,
        dates={},
    )
    contexts = context_texts(paragraphs)

    def filled(n: int) -> dict[str, tuple[str, ...]]:
        """The table filled paragraph by paragraph over the first n, each classified."""
        table: dict[str, tuple[str, ...]] = {}
        for paragraph in paragraphs[:n]:
            topics = classify_topics(contexts[paragraph.number], lexicon)
            if topics:
                end = paragraph.start + len(paragraph.text)
                for person, _ in register.mentions(paragraph.start, end):
                    table[person.id] = topics
        return table

    assert len(filled(4)) == 2 and filled(2) != filled(4)
    context_topics: dict[int, tuple[str, ...]] = {}
    lazy = PersonTopics(contexts, context_topics, doc)
    for paragraph in paragraphs[:2]:
        lazy.add(paragraph)
    assert not context_topics  # nothing classified before a question
    assert dict(lazy) == filled(2)
    assert 2 not in context_topics  # the paragraph naming no one was not classified
    for paragraph in paragraphs[2:]:
        lazy.add(paragraph)
    assert dict(lazy) == filled(4)
    assert all(lazy.get(k) == v for k, v in filled(4).items()) and lazy.get("nobody") is None
    # a question classifies only the asked person's paragraphs, newest first
    fresh: dict[int, tuple[str, ...]] = {}
    one = PersonTopics(contexts, fresh, doc)
    for paragraph in paragraphs:
        one.add(paragraph)
    assert one["ana-paz"] == filled(4)["ana-paz"]
    assert list(fresh) == [3]  # "... discussed trade tariffs with Paz." alone


_DATE_PIECES = st.sampled_from(
    "talks|met|on|in|May|June|3|2024|٣|next|week|last|year|three|days|Friday|summer|"
    "tomorrow|ago|the|60th|anniversary|will|was|from|to|-|,|.".split("|")
)


def test_every_date_pattern_needing_words_has_a_trigger(lexicon: Lexicon) -> None:
    """A pattern that needs neither a digit nor a month name is gated by the words it needs
    (dates/triggers.py): the finder skips such patterns in a sentence without their words."""
    w = date_words(lexicon)
    assert w.word_kinds and w.word_kinds <= set(date_triggers(lexicon).needs)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=14).map(" ".join))
def test_dates_found_with_gates_match_every_pattern_run(lexicon: Lexicon, text: str) -> None:
    """The date finder with its gates (no digit, no month name, missing words) finds what it
    finds running every pattern (words=None) on invented sentences."""
    anchor = PartialDate(2024, 5, 15)
    gated = _find_dates(text, lexicon, anchor, "future", None, text_words(text))
    full = _find_dates(text, lexicon, anchor, "future", None, None)
    assert gated == full


@settings(max_examples=200, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=14).map(" ".join))
def test_sentence_tense_asked_when_needed_dates_as_given_up_front(
    lexicon: Lexicon, text: str
) -> None:
    """Dates resolved with the sentence's tense asked only when a date needs it are those
    resolved with it worked out up front."""
    anchor = PartialDate(2024, 5, 15)
    words = text_words(text)
    tense = sentence_tense(text, lexicon, words)
    lazy = _find_dates(text, lexicon, anchor, lambda: sentence_tense(text, lexicon), None, words)
    assert lazy == _find_dates(text, lexicon, anchor, tense, None, words)


def test_sentence_tense_not_asked_for_a_full_date(lexicon: Lexicon) -> None:
    """ "in 2023" and "on May 3, 2024" need no tense: the function giving it is not called."""
    asked: list[int] = []

    def tense() -> str | None:
        asked.append(1)
        return "future"

    text = "The envoys met in 2023 and will meet on May 3, 2024."
    found = _find_dates(text, lexicon, PartialDate(2024, 1, 5), tense, None, text_words(text))
    assert [d.when for d in found] == ["2023", "2024-05-03"] and not asked
    found = _find_dates("They meet on Friday.", lexicon, PartialDate(2024, 1, 5), tense, None, None)
    assert found and asked  # a weekday needs it


def test_proper_words_asked_many_times_work_out_the_whole_set() -> None:
    """After many words asked one by one, ProperWords answers from the whole set (so a
    document of many subjects is read in linear time), with the same answers."""
    names = [f"Name{chr(65 + i)}x" for i in range(26)]
    text = " ".join(f"The envoy met {n} and {n.lower()} left." for n in names)
    paragraphs = segment(text)
    full = proper_words(paragraphs)
    lazy = ProperWords(paragraphs)
    for word in [*names, *(n.lower() for n in names), "The", "envoy"]:
        assert (word in lazy) == (word in full), word
    assert lazy._all == full and set(names) <= full


_MARK_TERMS = ["’ll", "’d", "–led", "will", "Would", "’s plan"]
_MARK_PIECES = [*_MARK_TERMS, "’LL", "’", "'ll", "–", "-led", "WILL", " ", "x", "é", "ſ", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=12).map("".join))
def test_terms_opening_with_a_caseless_mark_scan_as_the_regex(text: str) -> None:
    """Terms opening with a mark that has no case ("’ll", "–led") are found through the
    opening scan exactly where the single regex finds them, with or without IGNORECASE."""
    terms = tuple((t[0], re.escape(t).replace(r"\ ", r"\s+")) for t in _MARK_TERMS)
    before, after = r"(?:(?<![\w])|(?=['’]))", r"(?![\w])"
    for flags in (0, re.IGNORECASE):
        fast = Alternation(terms, before, after, flags)
        assert fast._openings is not None
        body = "|".join(f"({t})" for _, t in terms)
        plain = re.compile(rf"{before}(?:{body}){after}", flags)
        expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
        assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected
