"""The speaker pass's scans written to open with a character class find what the plain
patterns they stand for find, at every start and end position (generated text, with the
letters that match ASCII ones ignoring case: long s, dotted and dotless i)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.extract.speaker_subjects import _PRONOUN_BEFORE_RE
from bot.extract.speaker_text import _CLAUSE_RE, _CLAUSE_SCAN_RE, _GENDER_PRONOUN_RE

_PLAIN_GENDER = re.compile(r"\b(?:he|his|himself|she|hers|herself)\b", re.I)
_PLAIN_PRONOUN_BEFORE = re.compile(r"(?<![\w'’-])((?i:he|she|they|it))(?:\s+[a-z]+){0,2}\s*$")
_CHARS = st.sampled_from(list("hesitHESTIrlmfy ſıİK'’-\n.ab"))


def _spans(matches) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


@given(st.text(_CHARS, max_size=16), st.integers(0, 16), st.integers(0, 16))
def test_gender_pronouns_as_the_plain_alternation(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert _spans(_GENDER_PRONOUN_RE.finditer(text, lo, hi)) == _spans(
        _PLAIN_GENDER.finditer(text, lo, hi)
    )


@given(st.text(_CHARS, max_size=16), st.integers(0, 16), st.integers(0, 16))
def test_pronoun_before_verb_as_the_plain_pattern(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    found = _PRONOUN_BEFORE_RE.search(text, lo, hi)
    plain = _PLAIN_PRONOUN_BEFORE.search(text, lo, hi)
    assert _spans([found] if found else []) == _spans([plain] if plain else [])


def test_invented_sentences() -> None:
    text = "Ana Paz arrived; then HE left and she spoke, herself."
    assert [m.group() for m in _GENDER_PRONOUN_RE.finditer(text)] == ["HE", "she", "herself"]
    assert _PRONOUN_BEFORE_RE.search("Asked again, she later ").group(1) == "she"
    assert _PRONOUN_BEFORE_RE.search("the theme later ") is None


_CLAUSE_CHARS = st.sampled_from(list("whoamsictnduflerb ,'-.W"))


@given(st.text(_CLAUSE_CHARS, max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_clause_scan_as_the_plain_alternation(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert _spans(_CLAUSE_SCAN_RE.finditer(text, lo, hi)) == _spans(
        _CLAUSE_RE.finditer(text, lo, hi)
    )
