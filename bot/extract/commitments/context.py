"""What every commitment rule reads: one document (`CommitmentDoc`) and the cues found in a
sentence (`Cue`).

`subject_kind` says whether a subject phrase can commit: a country, a person, a body or a group
can ("actor"), a plan can in part ("the meeting, which will conclude tomorrow"), a thing cannot
("rising prices"). `background` tells a sentence dated wholly in earlier years ("the two
countries signed a trade pact in 2015"), which retells history rather than a plan.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from bot.extract.actors import (
    Participants,
    Token,
    phrase_kind,
    tokens,
)
from bot.extract.dates import (
    DateMention,
    PartialDate,
    first_date,
)
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import Sentence
from bot.models import Document


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: its kind (strong, conditional, modal, possessive, purpose,
    headline, scheduled), where it stands and its subject phrase, all as sentence offsets."""

    kind: str  # strong, conditional, modal, possessive, headline, scheduled
    start: int  # offset in the sentence
    end: int
    subject: tuple[int, int] | None  # the cue's subject phrase (sentence offsets), if known


@dataclass(frozen=True)
class CommitmentDoc:
    """What every sentence of one document is judged against."""

    document: Document
    lexicon: Lexicon
    register: PeopleRegister
    parts: Participants
    proper: Container[str]  # the document's names (actors.ProperWords)
    anchor: PartialDate | None
    dates: dict[int, list[DateMention]]
    memo: dict[tuple[str, str], tuple[str, ...] | None] = field(default_factory=dict)
    #: Whether each sentence (by index) looks back (readings.looks_back), read once for it.
    looking_back: dict[int, bool] = field(default_factory=dict)


def subject_kind(sentence: Sentence, span: tuple[int, int] | None, doc: CommitmentDoc) -> str:
    """What a subject phrase is (actors.phrase_kind): "actor" for "Japan", "the Leaders" or a
    person the register knows ("Ana Paz"), "plan" for "the meeting", "none" for no subject."""
    if span is None:
        return "none"
    kind = phrase_kind(sentence.text[span[0] : span[1]], doc.lexicon, doc.proper)
    if kind != "actor" and doc.register.mentions(
        sentence.start + span[0], sentence.start + span[1]
    ):
        return "actor"
    return kind


def background(sentence: Sentence, doc: CommitmentDoc) -> bool:
    """Whether every date of the sentence lies in a year before the document's."""
    dates = doc.dates.get(sentence.index) or []
    if not dates or doc.anchor is None:
        return False
    starts = [first_date(d.when) for d in dates]
    return all(p is not None and p.year < doc.anchor.year for p in starts)


BARE_BE_RE = re.compile(r"\bbe\s+$")


GERUND_RE = re.compile(r"\s*(?:the\s+)?[a-z]+ing\b")


class LazyTokens:
    """A sentence's tokens (actors.tokens), made on the first call: most sentences hold no cue,
    and the rules that find none never need them."""

    __slots__ = ("_text", "_tokens")

    def __init__(self, text: str) -> None:
        self._text = text
        self._tokens: list[Token] | None = None

    def __call__(self) -> list[Token]:
        """The tokens: LazyTokens("Japan will act.")() gives Japan, will, act, ."""
        if self._tokens is None:
            self._tokens = tokens(self._text)
        return self._tokens
