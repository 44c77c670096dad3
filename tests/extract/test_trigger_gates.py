"""The one-set-test gates of bot/extract/triggers.py: `Triggers.possible` answers a sentence
holding no key of its gate without working out which requirements it meets, `may_any` says
no pattern of a few can match, and the date finder skips a sentence with no digit, no month
name and no word of a word-led date pattern. Each must give what the full rule gives, on
sentences drawn from the triggers' own words.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import load_lexicon
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.date_words import date_words
from bot.extract.dates.finding import _find_dates
from bot.extract.dates.partial_date import PartialDate
from bot.extract.dates.triggers import date_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.triggers import Triggers, text_words
from tests.conftest import CONFIG

_LEXICON = load_lexicon(CONFIG)


def _trigger_words(trig: Triggers) -> list[str]:
    """Every word some requirement of `trig` looks for (keys and the other words of phrases)."""
    return sorted(
        {word for needs in trig.needs.values() for need in needs for p in need.by_key.values()
         for phrase in p for word in phrase}
    )  # fmt: skip


_CUE_WORDS = _trigger_words(cue_triggers(_LEXICON))
_DATE_WORDS = _trigger_words(date_triggers(_LEXICON))
_PLAIN = ["the", "a", "of", "be", "is", "said", "x", "talks"]


def _met(trig: Triggers, words: frozenset[str]) -> frozenset[str]:
    """The full rule: the patterns all of whose requirements the words meet."""
    return frozenset(name for name, needs in trig.needs.items() if all(n.met(words) for n in needs))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_CUE_WORDS + _PLAIN), max_size=8),
    st.lists(st.sampled_from(_DATE_WORDS + _PLAIN), max_size=8),
)
def test_possible_patterns_through_the_gate_are_those_whose_requirements_are_met(
    lexicon: Lexicon, cue_words: list[str], date_words_: list[str]
) -> None:
    words = frozenset(cue_words + date_words_)
    for trig in (cue_triggers(lexicon), date_triggers(lexicon)):
        assert trig.possible(words) == _met(trig, words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS + _CUE_WORDS[:40] + _PLAIN), max_size=6))
def test_may_any_is_false_only_where_no_pattern_is_possible(
    lexicon: Lexicon, words: list[str]
) -> None:
    kinds = date_words(lexicon).wordy_kinds
    trig = date_triggers(lexicon)
    sentence = frozenset(words)
    if not trig.may_any(kinds, sentence):
        assert not kinds & _met(trig, sentence)
    assert trig.may_any(kinds, sentence) == bool(
        {k for kind in kinds for need in trig.needs[kind] for k in need.keys} & sentence
    )


def test_a_sentence_of_common_words_allows_no_cue_pattern(lexicon: Lexicon) -> None:
    trig = cue_triggers(lexicon)
    words = text_words("The talks of the day were long and the mood was fine.")
    assert not trig._gate & words and trig.possible(words) == frozenset()
    assert trig.possible(text_words("Japan is planning to act.")) == {"strong"}


_DATE_PIECES = [*_DATE_WORDS, "sixtieth", "tenth", "May", "3", "2024", "talks", "the", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=10).map(" ".join))
def test_dates_of_a_sentence_the_date_gate_skips_are_none(lexicon: Lexicon, text: str) -> None:
    """The date finder with its gates finds what running every pattern finds."""
    anchor = PartialDate(2024, 5, 15)
    gated = _find_dates(text, lexicon, anchor, "future", None, text_words(text))
    assert gated == _find_dates(text, lexicon, anchor, "future", None, None)


def test_an_anniversary_without_digits_is_found_through_the_gate(lexicon: Lexicon) -> None:
    text = "Leaders marked the sixtieth anniversary of ties."
    found = _find_dates(text, lexicon, PartialDate(2024, 5, 15), None, None, text_words(text))
    assert [d.when for d in found] == ["2024"]
