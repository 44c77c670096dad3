"""The topics of a quote, read from the quote and the sentence it stands in."""

from __future__ import annotations

import random

import pytest

from bot.extract import topics
from bot.extract.lexicon import Lexicon
from bot.extract.topics import classify_topics, quote_topics

#: Words to build invented quotes and sentences from: terms of several topics, a weak term,
#: a neutral phrase's words, capital terms and plain words.
WORDS = (
    "frigates", "defence", "energy", "security", "economic", "LNG", "lng", "AI", "ai",
    "deployment", "climate", "trade", "tariffs", "supply", "chains", "in", "of", "its",
    "interests", "the", "minister", "said", "we", "will", "act", "on", "“", "”", ",", ".",
)  # fmt: skip


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_quote_topics_are_those_of_the_quote_and_sentence_read_as_one_text(
    lexicon: Lexicon,
) -> None:
    rng = random.Random(7)
    checked = 0
    for _ in range(1500):
        quote, sentence = _text(rng, rng.randint(0, 8)), _text(rng, rng.randint(1, 14))
        joined, join = f"{quote} {sentence}", len(quote)
        if any(start < join < end for start, end, _, _ in topics._matches(joined, lexicon)):
            continue  # a term (or neutral phrase) across the join: see the next test
        assert quote_topics([(quote, sentence)], lexicon) == (
            classify_topics(f"{quote} {sentence}", lexicon),
        ), (quote, sentence)
        checked += 1
    assert checked > 1000


def test_no_term_is_read_across_the_quote_and_its_sentence(lexicon: Lexicon) -> None:
    assert classify_topics("energy security matters", lexicon) == ("energy",)
    assert quote_topics([("we need energy", "security matters")], lexicon) == (
        ("energy", "security"),
    )


@pytest.mark.parametrize("quotes", [1, 40])
def test_a_sentence_of_many_quotes_is_scanned_once(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch, quotes: int
) -> None:
    """Each sentence is scanned once, and its quotes are read from that scan."""
    sentence = " ".join(f"“we will act on energy {i}” Ruiz told Owusu and" for i in range(quotes))
    pairs = [(f"we will act on energy {i}", sentence) for i in range(quotes)]
    expected = tuple(classify_topics(f"{q} {s}", lexicon) for q, s in pairs)
    seen: list[str] = []
    matches = topics._matches

    def counting(text: str, lex: Lexicon) -> tuple:
        seen.append(text)
        return matches(text, lex)

    monkeypatch.setattr(topics, "_matches", counting)
    assert quote_topics(pairs, lexicon) == expected
    assert seen == [sentence]


def _read_alone(quote: str, sentence: str, lexicon: Lexicon) -> tuple[str, ...]:
    """quote_topics of one pair, the quote and the sentence each scanned on its own."""
    strong, loose = topics._tallies(topics._hits(quote, lexicon), lexicon)
    plain, weak = topics._tallies(topics._hits(sentence, lexicon), lexicon)
    shift = len(quote) + 1
    joined = topics._weighed(
        topics._joined(strong, plain, shift), topics._joined(loose, weak, shift)
    )
    return topics._ranked(joined)


#: Stretches of these cut terms, words and neutral phrases, or end right before a longer term.
_SPLIT_WORDS = (
    "energy", "security", "gas", "gasoline", "biogas", "frigates", "ai-led", "LNG", "defense",
    "in defense of its interests", "oil-fired", "x", "“", "”", ",", " ", "-",
)  # fmt: skip


def test_a_quote_read_from_its_sentence_scan_has_the_hits_of_the_quote_alone(
    lexicon: Lexicon,
) -> None:
    """Every stretch of an invented sentence, read as a quote of it, gets the topics that
    scanning the quote by itself gives: stretches that cut a term or a word or stand right
    next to a word character included."""
    rng = random.Random(11)
    checked = 0
    for _ in range(60):
        sentence = "".join(rng.choice(_SPLIT_WORDS) + rng.choice(("", " ")) for _ in range(9))
        for start in range(len(sentence)):
            end = rng.randint(start, len(sentence))
            quote = sentence[start:end]
            assert quote_topics([(quote, sentence)], lexicon) == (
                _read_alone(quote, sentence, lexicon),
            ), (quote, sentence)
            checked += 1
    assert checked > 2000


def test_a_quote_not_in_its_sentence_is_scanned_alone(lexicon: Lexicon) -> None:
    assert quote_topics([("we buy frigates", "Ruiz spoke of energy.")], lexicon) == (
        ("defense", "energy"),
    )


def test_quotes_out_of_order_or_missing_read_as_each_scanned_alone(lexicon: Lexicon) -> None:
    """A sentence's quotes are looked for after the one before; one found earlier than that,
    or not at all, is scanned alone, and every quote after it too."""
    sentence = "“energy talks” and “frigates now” and “more energy” said Ruiz."
    quotes = ["frigates now", "energy talks", "more energy", "not in it: armaments", "energy"]
    for order in (quotes, quotes[::-1], quotes[1:] + quotes[:1]):
        pairs = [(q, sentence) for q in order]
        assert quote_topics(pairs, lexicon) == tuple(
            _read_alone(q, sentence, lexicon) for q in order
        )
