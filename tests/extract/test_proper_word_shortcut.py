"""ProperWords tells a proper word by what stands around it before it tokenises a sentence.

`_stands_proper` may answer "yes" only where the tokens would: each test compares it with
the proper words of the sentence worked out from its tokens, on written and invented text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.actors import ProperWords, _sentence_proper_words, _stands_proper, proper_words
from bot.extract.text import segment

_WORDS = ("Sato", "Oslo", "S2", "Ana")


def test_stands_proper_on_written_sentences() -> None:
    """A name after a word and a space, ending before a space, a clause mark or a final full
    stop, is told at once; a possessive, a joined word or a name after an opener is left to
    the tokens."""
    told = ["The envoy met Sato in Oslo.", "They met Sato, then left", "It was Sato", "Ask Sato."]
    for text in told:
        word = "Sato" if "Sato" in text else "Oslo"
        assert _stands_proper(text, word), text
        assert word in _sentence_proper_words(text), text
    left = ["Sato met him.", "They met Sato's aide.", "He said “Sato", "met Sato.Then", "a-Sato b"]
    for text in left:
        assert not _stands_proper(text, "Sato"), text


_PIECES = st.sampled_from(
    [*_WORDS, "Sato's", "Sato-Oslo", "U.S.", "AT&T", "the", "“", "(", ",", ".", "-", "’", "'",
     " ", "  ", "\n", "_", "x", "é", "٣", "&", "!", ":", "S"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.sampled_from(_WORDS))
def test_stands_proper_only_where_the_tokens_agree(text: str, word: str) -> None:
    """Wherever _stands_proper tells a proper word, the sentence's tokens hold it as one."""
    if _stands_proper(text, word):
        assert word in _sentence_proper_words(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_proper_words_with_the_shortcut_match_the_full_set(text: str) -> None:
    """On invented texts, ProperWords answers every word as the full set does."""
    paragraphs = segment(text)
    full = proper_words(paragraphs)
    lazy = ProperWords(paragraphs)
    for word in sorted({*full, *_WORDS, "The", "the"}):
        assert (word in lazy) == (word in full), word
