"""The sentence index's words equal their definition: `words`, stopwords dropped, each once."""

from __future__ import annotations

import random

from bot.folding import STOPWORDS, index_words, words


def _by_definition(text: str) -> str:
    return " ".join(dict.fromkeys(w for w in words(text) if w not in STOPWORDS))


def test_index_words_trims_marks_and_drops_stopwords() -> None:
    text = "The 'frigate-' and the Frigate's crew -- sail to Müller's port_2 '’-."
    assert index_words(text) == "frigate frigate's crew sail muller's port_2"
    assert index_words(text) == _by_definition(text)


def test_index_words_equals_definition_on_random_texts() -> None:
    rng = random.Random(7)
    pieces = ["a", "The", "the", "Ünal", "x", "_", "'", "’", "-", " ", ".", "é", "9", "of", "ß"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert index_words(text) == _by_definition(text), text
