"""A phrase scan finds what its regex finds: from a text's start, from a position, first match.

Phrases and texts are written for the test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments.cue_patterns import cue_patterns
from bot.extract.date_words import date_words
from bot.extract.lexicon import Lexicon
from bot.extract.phrase_scan import phrase_scan

_PHRASES = ["are expected to", "will", "would", "’ll", "'ll", "back then", "-led", "ſhall"]
_BEFORES = [r"(?:(?<![\w])|(?=['’]))", r"(?:(?<![\w'’])|(?=['’]))"]
_PIECES = [*_PHRASES, "WILL", "Would", "we", "shall", "Back  then", "x", " ", "'", "’", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=10),
    st.sampled_from(_BEFORES),
    st.integers(min_value=0, max_value=12),
)
def test_a_phrase_scan_finds_what_its_regex_finds(pieces: list[str], before: str, pos: int) -> None:
    text = "".join(pieces)
    scan = phrase_scan(sorted(_PHRASES, key=len, reverse=True), before)
    assert scan.alternation is not None

    def spans(found: object) -> list[tuple[int, int]]:
        return [m.span() for m in found]  # type: ignore[attr-defined]

    assert spans(scan.finditer(text)) == spans(scan.regex.finditer(text))
    assert spans(scan.finditer(text, pos)) == spans(scan.regex.finditer(text, pos))
    first, plain = scan.search(text), scan.regex.search(text)
    assert (first and first.span()) == (plain and plain.span())


def test_an_empty_list_finds_nothing() -> None:
    scan = phrase_scan([], _BEFORES[0])
    assert scan.alternation is None
    assert scan.search("will would") is None
    assert list(scan.finditer("will would")) == []


def test_the_shipped_phrase_lists_are_scanned_by_first_letter(lexicon: Lexicon) -> None:
    cues, words = cue_patterns(lexicon), date_words(lexicon)
    text = "Kenya will not join, as we hoped back then; it previously said it would."
    for scan in (cues.modal, cues.blocker, cues.looking_back, words.past_re, words.future_re):
        assert scan.alternation is not None
        assert [m.span() for m in scan.finditer(text)] == [
            m.span() for m in scan.regex.finditer(text)
        ]
    assert cues.modal.search(text) is not None
    assert words.past_re.search(text) is not None
