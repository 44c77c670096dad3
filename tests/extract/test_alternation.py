"""The first-letter alternation finds what the single alternation regex finds."""

from __future__ import annotations

import itertools
import random
import re

from bot.extract.alternation import Alternation, word_scan
from bot.extract.lexicon import Lexicon
from bot.extract.opening_scan import _END, _SPACES, literal_opening, scan_opening
from bot.extract.topics import classify_topics


def test_alternation_matches_the_single_regex() -> None:
    words = ["energy security", "energy", "security", "AI", "u.s.", "us", "ſtate", "K", "état"]
    terms = tuple((w[0], re.escape(w).replace(r"\ ", r"\s+")) for w in words)
    before, after = r"(?<![\w-])", r"(?![\w])"
    body = "|".join(f"({t})" for _, t in terms)
    plain = re.compile(rf"{before}(?:{body}){after}", re.IGNORECASE)
    fast = Alternation(terms, before, after, re.IGNORECASE)
    rng = random.Random(2)
    pieces = [*words, " ", "-", "x", "STATE", "Energy  Security", "\u212a", "ÉTAT", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
        assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text


def test_topics_next_to_a_very_long_word(lexicon: Lexicon) -> None:
    text = "x" * 50000 + " energy security and defense cooperation"
    assert classify_topics(text, lexicon)[:1] == ("energy",)


def test_literal_opening_stops_at_regex_syntax() -> None:
    assert literal_opening(r"energy\s+security") == "ene"
    assert literal_opening(r"u\.s\.") == "u.s"
    assert literal_opening(r"ab?c") == "a"
    assert literal_opening(r"e\s+x") == "e"
    assert literal_opening(r"(?:ab|cd)") == ""


def test_literal_opening_reads_past_groups_but_not_a_top_level_alternation() -> None:
    assert literal_opening(r"agreed(?:,?\s+(?:on\s+)?(?:Monday|May))*\s+to", 8) == "agreed"
    assert literal_opening(r"ab(?:c|d)|x") == ""  # matches "x" too
    assert literal_opening(r"ab[|]c") == "ab"  # a bar inside a class
    assert literal_opening(r"ab\(c\|d") == "ab("  # escaped syntax is literal
    assert literal_opening(r"ab(c") == ""  # unbalanced: nothing is certain


def test_alternation_of_grouped_terms_matches_the_single_regex() -> None:
    adverb = r"(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|now))*"
    terms = (("a", rf"agreed{adverb}\s+to"), ("a", "agreed"), ("w", rf"wants{adverb}\s+to"))
    before, after = r"(?<![\w])", r"(?![\w])"
    body = "|".join(f"({t})" for _, t in terms)
    plain = re.compile(rf"{before}(?:{body}){after}", re.IGNORECASE)
    fast = Alternation(terms, before, after, re.IGNORECASE)
    text = "Peru agreed on Monday to act, Chile AGREED, now to wait; Lima wants Tuesday, now to go"
    want = [(m.span(), m.lastindex) for m in plain.finditer(text)]
    assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == want
    assert len(want) == 3


def test_the_opening_gate_keeps_every_match_of_the_single_regex() -> None:
    # "ſay" and "\u212ain" (Kelvin sign) match "say" and "kin" ignoring case, though the
    # openings of the 's' and 'k' terms are plain ASCII.
    words = ["in defense", "inter*", "IT", "Said", "said", "say", "kin", "a.b.", "ab", "état"]
    terms = tuple(
        (w[0], re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + (r"[\w-]*" if "*" in w else ""))
        for w in words
    )
    pieces = [
        *words,
        " ",
        "-",
        "x",
        "IN",
        "Inter",
        "SAY",
        "ÉTAT",
        "Sa",
        "A.B",
        "\u017fay",
        "\u212ain",
    ]
    rng = random.Random(5)
    for flags in (0, re.IGNORECASE):
        before, after = r"(?<![\w-])", r"\b"
        body = "|".join(f"({t})" for _, t in terms)
        plain = re.compile(rf"{before}(?:{body}){after}", flags)
        fast = Alternation(terms, before, after, flags)
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
            expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
            assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text


def test_a_word_scan_finds_what_its_plain_regex_finds() -> None:
    words = ("visit to", "visit", "arrived in", "trip", "tour of", "İzmir trip")
    scan = word_scan(words)
    assert scan.alternation is not None
    pieces = [*words, " ", "  ", "\n", "VISIT", "Arrived", "x", "-", "trips", "\u0131", "."]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.span() for m in scan.pattern.finditer(text)]
        assert [m.span() for m in scan.finditer(text)] == expected, text
    assert word_scan((" visit", "trip")).alternation is None
    assert list(word_scan(()).finditer("a visit")) == []


def test_the_opening_scan_keeps_every_match_of_the_single_regex() -> None:
    # ASCII first characters only, so the scan over the lower-cased text applies; "ſay" and
    # "İt" send the text to the letter-by-letter path, "\u212ain" (Kelvin) and "Éx" do not;
    # "tür" is compared ignoring case past its first letter.
    words = ["in defense", "inter*", "IT", "Said", "said", "say", "kin", "a.b.", "ab", "u", "Ux"]
    words += ["tür", "tœr", "tµ"]
    terms = tuple(
        (w[0], re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + (r"[\w-]*" if "*" in w else ""))
        for w in words
    )
    pieces = [
        *words,
        " ",
        "-",
        "x",
        "IN",
        "Inter",
        "SAY",
        "Sa",
        "A.B",
        "U",
        "\u017fay",
        "\u212ain",
        "İt",
        "Éx",
        "’",
        "\t",
        "\n ",
        "IN\tDEFENSE",
        "TÜR",
        "tÜr",
        "Tur",
        "TŒR",
        "tμ",
        "TΜ",
        "in \n defense",
        ".x",
    ]
    rng = random.Random(11)
    afters = (r"\b", r"(?![\w])", r"(?!\w|\.\w)")
    for before, after in itertools.product((r"(?<![\w-])", r"\b", r"(?<![\w.])"), afters):
        for flags in (0, re.IGNORECASE):
            body = "|".join(f"({t})" for _, t in terms)
            plain = re.compile(rf"{before}(?:{body}){after}", flags)
            fast = Alternation(terms, before, after, flags)
            assert fast._openings is not None
            for _ in range(700):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
                expected = [(m.span(), m.lastindex) for m in plain.finditer(text)]
                assert [(m.span(), i + 1) for m, i in fast.finditer(text)] == expected, text


def test_scan_opening_reads_spaces_and_the_end_of_a_literal_term() -> None:
    assert scan_opening(r"energy\s+security") == f"energy{_SPACES}s"
    assert scan_opening(r"u\.s\.") == f"u.s.{_END}"
    assert scan_opening(r"armament[\w-]*") == "armament"
    assert scan_opening(r"a\s+?b") == "a" and scan_opening(r"ab|c") == ""
    assert scan_opening(r"in\s+defense", 4) == f"in{_SPACES}d"


def test_a_word_scan_compiles_its_plain_regex_only_when_asked() -> None:
    scan = word_scan(("visit to", "visit", "arrived in"))
    assert scan.alternation is not None
    found = [m.group(0) for m in scan.finditer("A VISIT  to Oslo; they arrived in Lima.")]
    assert found == ["VISIT  to", "arrived in"]
    assert "pattern" not in vars(scan)  # run as an Alternation: never compiled
    assert [m.group(0) for m in scan.pattern.finditer("A VISIT  to Oslo")] == ["VISIT  to"]
    assert scan.pattern.pattern == scan.source
