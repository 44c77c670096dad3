"""tokens._scan, read through re.split and running sums, gives each match of its pattern with
the offsets finditer gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.extract.tokens import _PLAIN_RE, TOKEN_RE, Token, _scan

_CHARS = st.sampled_from(list("aZé1 .’'-&“”\"(),;:—_\nU.S"))


def _by_matches(pattern, text: str, offset: int) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in pattern.finditer(text)]


@given(st.text(_CHARS, max_size=40), st.integers(0, 5000))
def test_scan_gives_every_match_with_its_offsets(text: str, offset: int) -> None:
    for pattern in (TOKEN_RE, _PLAIN_RE):
        assert _scan(pattern, text, offset) == _by_matches(pattern, text, offset)


def test_scan_reads_an_invented_sentence() -> None:
    assert _scan(TOKEN_RE, "J. Reyes’s U.S. plan", 10) == [
        Token("J", 10, 11),
        Token(".", 11, 12),
        Token("Reyes’s", 13, 20),
        Token("U.S.", 21, 25),
        Token("plan", 26, 30),
    ]
