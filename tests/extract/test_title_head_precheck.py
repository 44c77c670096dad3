"""The title heads' shortcut finds what the per-token pass finds; every text is invented.

read_paragraph finds the tokens that may be a title's head from the paragraph's folded words
(title_heads.head_candidates), and skips the title finder when there are none. These tests
compare it with Vocab.may_heads asked of every token, on invented sentences built from head
words, possessives, hyphens, capitals and plain words.
"""

from __future__ import annotations

import random
from itertools import compress, count

import pytest

from bot.extract.evidence import read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment
from bot.extract.title_heads import head_candidates
from bot.extract.titles import TitleFinder
from bot.extract.tokens import tokens_at

WORDS = [
    "Minister", "minister's", "MINISTER'S", "Minister’s", "President-elect", "vice-chairman",
    "so-called", "-", "Ana", "Paz", "met", "the", "general", "General", "Lady", "First",
    "Secretary", "secretaries", "envoy", "Sato's", "said", ",", ".", "co-Chair", "then-Secretary",
    "Prime", "Deputy", "leader", "LEADER", "Defense", "in", "Oslo", "pro-Kenya",
]  # fmt: skip


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_head_candidates_equal_may_heads(seed: int, lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    found = 0
    for text in _texts(seed, 150):
        texts = [tok.text for tok in tokens_at(text, 0)]
        folded = [w.casefold() for w in texts]
        full = list(compress(count(), v.may_heads(texts)))
        got = head_candidates(texts, folded, frozenset(folded), "-" in text, v)
        assert got == full, text
        found += bool(full)
    assert found > 0  # the sentences hold heads, so the comparison is not empty


@pytest.mark.parametrize("seed", range(2))
def test_paragraph_titles_equal_the_full_pass(seed: int, lexicon: Lexicon) -> None:
    """The view's titles are those the title finder reads over every token: none skipped."""
    v = vocab(lexicon)
    texts = [*_texts(seed, 60), "Ana Paz met farmers in Oslo.", "The Minister's aide said so."]
    titled = 0
    for text in texts:
        for paragraph in segment(text):
            p = read_paragraph(text, paragraph, lexicon, v)
            full = TitleFinder(p.tokens, p.blocked, p.countries, v, p.reader).find()
            assert p.phrases == full, text
            titled += bool(full)
    assert titled > 0


def test_a_paragraph_without_head_words_has_no_candidate(lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    texts = [tok.text for tok in tokens_at("Ana Paz met farmers in Oslo.", 0)]
    folded = [w.casefold() for w in texts]
    assert head_candidates(texts, folded, frozenset(folded), False, v) == []
    texts = [tok.text for tok in tokens_at("The Minister's aide said so.", 0)]
    folded = [w.casefold() for w in texts]
    assert head_candidates(texts, folded, frozenset(folded), False, v) == [1]
