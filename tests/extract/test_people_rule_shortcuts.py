"""The people rules' shortcuts find what the full rules find; every sentence is invented.

A shortcut skips work where the full rule cannot find anything (a name cannot end on "said");
each test runs the full rule on every place of invented sentences and compares.
"""

from __future__ import annotations

import pytest

from bot.extract.evidence import read_paragraph
from bot.extract.evidence.collector import evidence_words
from bot.extract.evidence.name_shapes import _meeting
from bot.extract.lexicon import Lexicon
from bot.extract.name_spans import backward_start, walk_back
from bot.extract.names import vocab
from bot.extract.text import segment

TEXTS = [
    "Ms. Lena Vogt met Defense Minister Hiro Sato's deputy, J. Reyes, in Oslo on Monday.",
    "Joseph R. Biden, Jr., said Ana Paz III. met with Hiro Sato, and Ursula von der Leyen agreed.",
    "Admiral Ana Paz and Dr S Rao said the U.S. and Japan's ministers would meet. Kim Sung-ho left.",
    "The German Chancellor, Brig. Gen. Tomas Berg Jr., told Reuters: “We will go.” Mr. Ito agreed.",
    "Hiro Sato hosted Ana Paz; Lena Vogt welcomed Tom Berg, held talks with Ida Holm and met Ito.",
    "J Reyes, A. B. Cole and Ito's aide met MR. KIHARA and Vogt's' team at the G7 in İstanbul.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_backward_start_equals_the_walk(text: str, lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    found = 0
    for paragraph in segment(text):
        reader = read_paragraph(text, paragraph, lexicon, v).reader
        for j in range(len(reader.tokens)):
            for lo in (0, j // 2, j):
                start = backward_start(reader, j, lo)
                assert start == walk_back(reader, j, lo), (reader.tokens[j], lo)
                found += start is not None
    assert found  # the sentences hold names the walk finds


def _meeting_by_phrase(words, folded: list[str], first: int, stop: int, ends: bool) -> bool:
    """The meeting test phrase by phrase, as the rule reads: a phrase right before the
    name (which ends its noun phrase), or one that is no hosting verb right after it."""
    for phrase in words.meeting:
        n = len(phrase)
        if (folded[max(0, first - n) : first] == phrase and ends) or (
            folded[stop : stop + n] == phrase and phrase[0] not in words.hosting_verbs
        ):
            return True
    return False


@pytest.mark.parametrize("text", TEXTS)
def test_meeting_by_length_equals_phrase_by_phrase(text: str, lexicon: Lexicon) -> None:
    from bot.extract.evidence.collector import Collector
    from bot.extract.evidence.view import PHRASE_END

    v = vocab(lexicon)
    col = Collector(lexicon)
    words = evidence_words(lexicon)
    hits = 0
    for paragraph in segment(text):
        p = read_paragraph(text, paragraph, lexicon, v)
        n = len(p.tokens)
        for first in range(n):
            for stop in range(first + 1, min(n, first + 4) + 1):
                ends = stop >= n or p.tokens[stop].text in PHRASE_END
                want = _meeting_by_phrase(words, p.folded, first, stop, ends)
                assert _meeting(col, p, first, stop) == want
                hits += want
    assert hits or "met" not in text


MEMBER_TEXTS = [
    "Lars Berg, who belongs to the Greens, met Ida Holm, a member of the SPD, and Tom Reid.",
    "Ana Paz, who is a member of the Free Democratic Party, said Hiro Sato, member of the FDP.",
    "Jonas Kern, who represents the Left, and Lena Vogt, a representative of the CDU, agreed.",
]


def _membership_by_phrase(words, folded: list[str], k: int) -> int | None:
    """_membership_end without its first-word check: every phrase compared at `k`."""
    if k < len(folded) and folded[k] == ",":
        k += 1
    for phrase in words.membership:
        n = len(phrase)
        if folded[k : k + n] == phrase:
            j = k + n
            return j + 1 if j < len(folded) and folded[j] == "the" else j
    return None


@pytest.mark.parametrize("text", MEMBER_TEXTS + TEXTS)
def test_membership_end_equals_phrase_by_phrase(text: str, lexicon: Lexicon) -> None:
    from bot.extract.evidence.affiliation import _membership_end
    from bot.extract.evidence.collector import Collector

    v = vocab(lexicon)
    col = Collector(lexicon)
    found = 0
    for paragraph in segment(text):
        p = read_paragraph(text, paragraph, lexicon, v)
        for k in range(len(p.tokens) + 1):
            want = _membership_by_phrase(col.words, p.folded, k)
            assert _membership_end(col, p, k) == want
            found += want is not None
    assert found or text not in MEMBER_TEXTS


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "The U.S. envoy Marco J. Reyes met J.R. Smith and A.B Cole; 3.A. Berg and Ana K. Paz agreed.",
        "George W. Hale said the U.S. would act. Lena Vogt and Hiro Sato met in Oslo.",
    ],
)
def test_honorifics_and_initials_equal_without_the_initial_scan(
    text: str, lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.extract.evidence import name_shapes
    from bot.extract.evidence.collector import Collector

    def run() -> list[tuple[str, int, bool]]:
        col = Collector(lexicon)
        v = vocab(lexicon)
        for paragraph in segment(text):
            name_shapes.honorifics_and_initials(
                col, read_paragraph(text, paragraph, lexicon, v), set()
            )
        return [(o.span.surface, o.span.start, o.distinct) for o in col.occurrences]

    fast = run()
    # the full rule: a name read for a middle initial wherever a name starts
    monkeypatch.setattr(name_shapes, "has_initial", lambda p: True)
    full = run()
    monkeypatch.undo()
    assert full == fast
    assert fast or text in TEXTS
