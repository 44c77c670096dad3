"""fold's shortcut for text whose characters outside ASCII hold no combining mark gives what
decomposing and dropping every combining mark gives."""

from __future__ import annotations

import unicodedata
from itertools import filterfalse

from hypothesis import given
from hypothesis import strategies as st

from bot.folding import fold, index_words


def _fold_by_character(text: str) -> str:
    """The rule fold stands for: decompose, drop each combining mark, case-fold, strip."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(filterfalse(unicodedata.combining, text)).casefold().strip()


#: Letters, marks that combine, curly quotation marks, dashes and spaces.
_CHARS = st.sampled_from(list("aZé ñ’“”—–-'Ωß\u0301\u0308\u0327İſǄﬁ\u0345x.\n"))


@given(st.text(_CHARS, max_size=30))
def test_fold_matches_dropping_marks_one_by_one(text: str) -> None:
    assert fold(text) == _fold_by_character(text)


def test_fold_drops_a_mark_the_text_spells_apart() -> None:
    # "e" followed by a combining acute: the mark is dropped even though no letter decomposes
    assert fold("Cafe\u0301 “Paz’s”") == "cafe “paz’s”"
    assert fold("Müller ") == "muller"
    assert fold("“Paz’s plan”") == "“paz’s plan”"


def test_index_words_reads_curly_marks_as_before() -> None:
    assert (
        index_words("“The frigate’s crew” and the Frigate sail.") == "frigate’s crew frigate sail"
    )
