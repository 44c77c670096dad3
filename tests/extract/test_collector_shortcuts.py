"""The people rules' shortcuts skip only what the full rules would not read; texts are invented.

full_names passes over a name word when the token after it shows the name is one word
(`one_word`), appositions pass over a comma after a one-word name or after no name end,
reporting_verbs asks backward_start only after a name end (`name_end`), and a paragraph
without name words runs only the title and bracket rules. Each test compares a shortcut
with the full rule on hand-written and on generated sentences.
"""

from __future__ import annotations

import random

import pytest

from bot.extract.evidence import Collector, ParagraphView, read_paragraph
from bot.extract.evidence.affiliation import party_nouns
from bot.extract.evidence.appositions import JOINS, appositions
from bot.extract.evidence.brackets import predecessors
from bot.extract.evidence.name_shapes import (
    full_names,
    has_initial,
    honorifics_and_initials,
    one_word,
    reporting_verbs,
)
from bot.extract.lexicon import Lexicon
from bot.extract.name_spans import name_end
from bot.extract.names import name_words, vocab
from bot.extract.text import segment

TEXTS = [
    "Ana Paz said Hiro Sato's plan, backed by Ursula von der Leyen, would pass.",
    "Joseph R. Biden, Jr., met Lloyd Austin III, the envoy, and Sato, the minister, said.",
    "Kim Sung-ho and Dr S Rao, the Green politician, met Marco J. Reyes.\nPaz agreed.",
    "The Chancellor (SPD) said: “Sato's aide left,” added Ida Holm, a Social Democrat.",
    "his predecessors, Lena Brandt (CDU) and Tom Berg (SPD), met Ana Paz of Chile.",
    "the envoy, who met Sato, said nothing; Mr. Ito and Mrs. Ito agreed with Paz.",
]

#: Words the generated sentences are made of: names, particles, suffixes, initials, marks.
WORDS = [
    "Ana", "Paz", "Hiro", "Sato", "Sato's", "von", "der", "Leyen", "de", "Jr", "Jr.", "III",
    "J.", "R.", "S", "Dr", "Mr.", "Minister", "said", "met", "the", "and", ",", ",", ".",
    "(", ")", "SPD", "envoy", "Chile", "Germany's", "NATO", "who", "added", "told", "“", "”",
    "Lee", "Do-hoon", "al", "Baek", "Ha", "In", "he", "she", "predecessors", "politician",
]  # fmt: skip


def _generated(count: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 16))]
        out.append(" ".join(words) + rng.choice([".", "", ",", "\nSato said."]))
    return out


ALL = TEXTS + _generated(200)


def _views(text: str, lexicon: Lexicon) -> list[ParagraphView]:
    v = vocab(lexicon)
    return [read_paragraph(text, p, lexicon, v) for p in segment(text)]


@pytest.mark.parametrize("text", ALL)
def test_one_word_names_are_one_word(text: str, lexicon: Lexicon) -> None:
    """Where one_word says so, the name read forward has fewer than two name words."""
    v = vocab(lexicon)
    for p in _views(text, lexicon):
        r = p.reader
        for i, flag in enumerate(p.name_word):
            if flag and one_word(r.texts, p.name_word, i, len(p.tokens), v.particles):
                span = r.forward(i, skip_honorifics=False)
                assert span is None or len(name_words(span.surface, v.suffixes)) < 2


def test_one_word_keeps_names_of_several_words(lexicon: Lexicon) -> None:
    v = vocab(lexicon)
    text = "Ana Paz met Ursula von der Leyen and Sato's aide, Biden, Jr. and Marco J. Reyes."
    (p,) = _views(text, lexicon)
    texts, nw, n = p.reader.texts, p.name_word, len(p.tokens)
    at = {w: texts.index(w) for w in ("Ana", "Ursula", "Sato's", "Biden", "Leyen", "Marco")}
    assert not one_word(texts, nw, at["Ana"], n, v.particles)
    assert not one_word(texts, nw, at["Ursula"], n, v.particles)
    assert not one_word(texts, nw, at["Marco"], n, v.particles)  # an initial follows
    assert one_word(texts, nw, at["Biden"], n, v.particles)  # ", Jr." adds no name word
    assert one_word(texts, nw, at["Sato's"], n, v.particles)
    assert one_word(texts, nw, at["Leyen"], n, v.particles)


@pytest.mark.parametrize("text", ALL)
def test_name_end_is_backward_starts_first_test(text: str, lexicon: Lexicon) -> None:
    """A token that is no name word and no name end starts no name backwards."""
    v = vocab(lexicon)
    for p in _views(text, lexicon):
        for k, flag in enumerate(p.name_word):
            if not flag and not name_end(p.reader.texts[k], v.suffixes):
                assert p.reader.backward_start(k, 0) is None


@pytest.mark.parametrize("text", ALL)
def test_commas_passed_over_follow_no_full_name(text: str, lexicon: Lexicon) -> None:
    """The commas appositions pass over follow no name of two or more words."""
    v = vocab(lexicon)
    for p in _views(text, lexicon):
        r, nw, texts = p.reader, p.name_word, p.reader.texts
        for i in p.indexes_of(","):
            if i == 0 or not nw[i - 1]:
                continue
            if i >= 2 and (nw[i - 2] or texts[i - 2] in JOINS or texts[i - 2] in v.particles):
                continue  # read in full
            start = r.backward_start(i - 1, 0)
            span = r.forward(start, skip_honorifics=False) if start is not None else None
            assert span is None or span.stop != i or len(name_words(span.surface, v.suffixes)) < 2


NAME_RULES = [
    party_nouns,
    appositions,
    predecessors,
    honorifics_and_initials,
    reporting_verbs,
    full_names,
]


@pytest.mark.parametrize("text", [*ALL, "the envoy, who met the politician, said he agreed."])
def test_paragraphs_without_name_words_give_the_name_rules_nothing(
    text: str, lexicon: Lexicon
) -> None:
    for p in _views(text, lexicon):
        if True in p.name_word:
            continue
        col = Collector(lexicon)
        for rule in NAME_RULES:
            rule(col, p, set())
        assert col.occurrences == [] and col.refs == [] and col.candidates == []
        assert col.alone == {}


@pytest.mark.parametrize("text", ALL)
def test_has_initial_equals_the_pass_over_capitals(text: str, lexicon: Lexicon) -> None:
    for p in _views(text, lexicon):
        t, r = p.tokens, p.reader
        expected = any(len(t[k].text) == 1 and r.is_initial(k) for k in p.capitals)
        assert has_initial(p) == expected


def test_generated_sentences_hold_the_cases(lexicon: Lexicon) -> None:
    """The generated sentences reach both sides of each shortcut (the tests above are not
    vacuous): one-word names and longer ones, paragraphs with and without name words."""
    v = vocab(lexicon)
    skipped = read = bare = 0
    for text in ALL:
        for p in _views(text, lexicon):
            bare += True not in p.name_word
            for i, flag in enumerate(p.name_word):
                if flag and len(p.reader.texts[i]) > 1:
                    if one_word(p.reader.texts, p.name_word, i, len(p.tokens), v.particles):
                        skipped += 1
                    else:
                        read += 1
    assert skipped > 100 and read > 100 and bare > 5
