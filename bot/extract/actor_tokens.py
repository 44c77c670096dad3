"""Tokens of a phrase for the actor rules: words and marks with their character offsets.

"Japan's plan (2024)" reads as Japan's, plan, (, 2024, ): a word keeps its inner dots,
apostrophes, hyphens and ampersands ("U.S.", "Japan's", "co-operation", "AT&T"), and each
bracket, comma or quotation mark is a token of its own, so the subject rules can stop at it.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from bot.extract.memo import per_text

TOKEN_RE = re.compile(r"[\w][\w.’'&-]*[\w’']|[\w]|[(),;:—–“”\"]")
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")


class Token(NamedTuple):
    """A word or mark of a phrase with its offsets (a named tuple: made fast, see names.Token)."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.casefold().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str) -> list[Token]:
    """Words and marks with their offsets: "Japan's plan" → Japan's, plan (a new list each call).

    A sentence is read by several rules (proper words, cues, subjects): see _tokens.
    """
    return list(_tokens(text))


@per_text(maxsize=128, max_chars=2000)  # sentences and phrases: their tokens weigh most
def _tokens(text: str) -> tuple[Token, ...]:
    new = tuple.__new__  # a Token made without NamedTuple's argument checks
    return tuple(new(Token, (m.group(), *m.span())) for m in TOKEN_RE.finditer(text))


def index_at(toks: list[Token], offset: int) -> int:
    """The index of the first token at or after a character offset (a binary search: tokens
    are in text order, so a sentence of many cues is not rescanned per cue)."""
    return bisect.bisect_left(toks, offset, key=_token_start)


def _token_start(token: Token) -> int:
    return token.start
