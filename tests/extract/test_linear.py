"""Linear-time scans give the results of the plain scans, and cues next to very long words,
in very long sentences or among many quotes are still found (behaviour only; no timings)."""

from __future__ import annotations

import random
import re

from bot.extract.actors import index_at, tokens
from bot.extract.commitments.cue_patterns import OWNER_CHAR_RE, cue_patterns
from bot.extract.lexicon import Lexicon
from bot.extract.linear import (
    at_most_words,
    run_start_finditer,
    word_and_space_before,
    word_before,
)
from bot.extract.quote_index import QuoteIndex
from bot.extract.text import quote_spans, segment
from bot.models import Person
from tests.extract.test_commitments import FakeRegister, person, run, sentences


def _spans(m: re.Match[str]) -> tuple[tuple[int, int], ...]:
    return tuple(m.span(g) for g in range(len(m.groups()) + 1))


def test_run_start_finditer_matches_finditer(lexicon: Lexicon) -> None:
    cues = cue_patterns(lexicon)
    rng = random.Random(3)
    pieces = ["a", "s", ".", "'", "’", " ", "our", "Japan", "commitment", "pledge", "U.S", "x-y"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    texts += ["Japan's commitment.Germany's commitment", "U.S.'s commitment", "allies' pledge"]
    for text in texts:
        plain = [_spans(m) for m in cues.possessive.finditer(text)]
        fast = [
            _spans(m)
            for m in run_start_finditer(
                cues.possessive, cues.possessive_strict, OWNER_CHAR_RE, text
            )
        ]
        assert fast == plain, text


def test_a_possessive_cue_after_a_very_long_word(lexicon: Lexicon) -> None:
    body = "a" * 20000 + " and Japan's commitment to peace stands."
    assert sentences(run(lexicon, body)) == [body]


def test_a_cue_after_a_very_long_word(lexicon: Lexicon) -> None:
    body = "The minister said " + "b" * 20000 + " Canada wants to expand its navy."
    assert sentences(run(lexicon, body)) == [body]


def _speaker_by_scan(
    offset: int, spans: list[tuple[int, int]], mentions: list[tuple[Person, int]]
) -> Person | None:
    """The plain definition QuoteIndex.speaker_of answers faster."""
    quote = next(((s, e) for s, e in spans if s <= offset <= e), None)
    if quote is None:
        return None
    outside = [(p, pos) for p, pos in mentions if not any(s <= pos < e for s, e in spans)]
    after = [(pos - quote[1], p) for p, pos in outside if pos >= quote[1]]
    before = [(quote[0] - pos, p) for p, pos in outside if pos < quote[0]]
    for group in (after, before):
        if group:
            return min(group, key=lambda x: x[0])[1]
    return None


def test_quote_index_answers_like_a_scan() -> None:
    people = (person("Olaf Scholz", "Germany", "Scholz"), person("Fumio Kishida", "Japan"))
    rng = random.Random(5)
    parts = ['"We will act," Scholz said. ', "Fumio Kishida said ", '"Yes." ', "He added ", '"']
    for _ in range(200):
        body = "".join(rng.choice(parts) for _ in range(rng.randint(1, 12))).strip()
        register = FakeRegister(people, body)
        for paragraph in segment(body):
            spans = [(q.start, q.end) for q in quote_spans(body, paragraph)]
            index = QuoteIndex.build(spans, paragraph, register)  # type: ignore[arg-type]
            mentions = register.mentions(paragraph.start, paragraph.start + len(paragraph.text))
            for offset in range(paragraph.start, paragraph.start + len(paragraph.text) + 1):
                expected = _speaker_by_scan(offset, spans, mentions)
                assert index.speaker_of(offset)[0] == expected, (body, offset)
                inside = any(s <= offset <= e for s, e in spans)
                assert (index.quote_at(offset) is not None) == inside


def test_many_quotes_in_one_paragraph_keep_their_speakers(lexicon: Lexicon) -> None:
    body = '"We will build the bridge," Scholz said. ' * 300
    people = (person("Olaf Scholz", "Germany", "Scholz"),)
    found = run(lexicon, body.strip(), people=people)
    assert len(found) == 300
    assert {c.actors for c in found} == {("Germany",)}


def test_backward_scans_read_like_their_regexes() -> None:
    rng = random.Random(1)
    alphabet = ["a", "B", "1", "_", "é", "'", "’", "-", " ", "\n", ",", ".", "\u00a0", "²"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        pos = rng.randint(0, len(text))
        m = re.search(r"([\w'’-]+)[^\w]*$", text[:pos])
        assert word_before(text, pos) == (m.group(1) if m else None), (text, pos)
        m = re.search(r"(\w+)\s+$", text[:pos])
        assert word_and_space_before(text, pos) == (m.group(1) if m else None), (text, pos)
        m = re.search(r"([A-Za-z]+)\s+$", text[:pos])
        expected = m.group(1) if m else None
        assert word_and_space_before(text, pos, "ascii") == expected, (text, pos)


def test_index_at_is_the_first_token_from_an_offset() -> None:
    toks = tokens("Germany and Japan will, in 2024, meet again.")
    for offset in range(50):
        expected = next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))
        assert index_at(toks, offset) == expected


def test_many_cues_in_one_sentence_with_an_open_quote(lexicon: Lexicon) -> None:
    body = 'Canada said "we will act and ' * 200 + "go."
    found = run(lexicon, body)
    assert sentences(found) == [body]
    assert found[0].actors == ("Canada",)


def test_at_most_words_agrees_with_counting_every_word() -> None:
    rng = random.Random(3)
    pieces = ["Oslo", "talks", " ", "  ", "\n", "\t", "—", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        limit = rng.randint(0, 8)
        assert at_most_words(text, limit) == (len(text.split()) <= limit), (text, limit)


def test_a_long_text_is_refused_and_a_short_one_kept() -> None:
    assert at_most_words("Talks resume in Oslo", 4)
    assert not at_most_words("word " * 10_000, 16)
    assert at_most_words("   ", 0)
