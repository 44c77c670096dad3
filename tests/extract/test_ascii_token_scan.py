"""tokens._scan reads an ASCII text with ASCII regex classes: the tokens are those the
Unicode pattern finds. The texts are invented, drawn from ASCII marks, letters, digits and
every ASCII space, the information separators (\\x1c-\\x1f) among them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.extract.tokens import _PLAIN_RE, TOKEN_RE, Token, _ascii_classes, _scan

_ASCII = st.sampled_from(list("aZq1 .'-&\"(),;:_\n\t\x0b\x0c\r\x1c\x1d\x1e\x1fU.S"))


def _by_matches(pattern, text: str, offset: int) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in pattern.finditer(text)]


@given(st.text(_ASCII, max_size=40), st.integers(0, 5000))
def test_ascii_scan_gives_the_unicode_matches(text: str, offset: int) -> None:
    for pattern in (TOKEN_RE, _PLAIN_RE):
        assert _scan(pattern, text, offset) == _by_matches(pattern, text, offset)


def test_ascii_classes_only_where_both_modes_agree() -> None:
    assert _ascii_classes("Ana Paz met Sato, 3 days ago.")
    assert not _ascii_classes("Zoë met Sato.")  # not ASCII
    assert not _ascii_classes("Ana\x1cPaz")  # a separator Unicode \s matches, ASCII \s not
    # the separator splits tokens only as Unicode reads it
    assert [t.text for t in _scan(TOKEN_RE, "Ana\x1cPaz")] == ["Ana", "Paz"]
