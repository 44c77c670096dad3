"""The cheaper scans of the speaker and shared-scanner rules find what the plain rules find."""

from __future__ import annotations

import random
import re

from bot.extract.alternation import Alternation


def _both(words: list[str], before: str, after: str, flags: int) -> tuple[re.Pattern, Alternation]:
    terms = tuple((w[0], re.escape(w).replace(r"\ ", r"\s+")) for w in words)
    body = "|".join(f"({t})" for _, t in terms)
    return re.compile(rf"{before}(?:{body}){after}", flags), Alternation(
        terms, before, after, flags
    )


def test_the_mark_scan_reads_letters_outside_ascii_as_the_single_regex() -> None:
    # The mark scan stops after any character outside ASCII ("é", "ß", "Ω", "٣"): the
    # alternation must then reject "ésaid" as the single regex does and keep " said".
    words = ["said", "says", "pointed out", "told", "k"]
    pieces = [
        *words,
        "état",
        " ",
        "-",
        "é",
        "ß",
        "Ω",
        "٣",
        "_",
        "’",
        "\u2024",
        "x",
        "SAID",
        "\u212a",
        ".",
    ]
    rng = random.Random(7)
    for before, after in (
        (r"(?<![\w-])", r"\b"),
        (r"\b", r"\b"),
        (r"(?<![\w'’])", r"(?![\w])"),
    ):
        for flags in (0, re.IGNORECASE):
            plain, fast = _both(words, before, after, flags)
            assert fast._marks is not None  # the mark scan is what is tested
            for _ in range(1500):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
                want = [(m.span(), m.lastindex) for m in plain.finditer(text)]
                got = [(m.span(), i + 1) for m, i in fast.finditer(text)]
                assert got == want, (before, flags, text)


def test_a_word_outside_ascii_before_a_term_is_no_mark() -> None:
    plain, fast = _both(["said"], r"(?<![\w-])", r"\b", 0)
    text = "ésaid Ωsaid 9said -said said. (said)"
    assert [m.span() for m, _ in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.start() for m, _ in fast.finditer(text)] == [24, 31]  # " said" and "(said"


def test_the_word_before_a_name_read_backwards_is_the_searched_one() -> None:
    from bot.extract.speaker_text import _WORD_BEFORE_REVERSED_RE, WORD_BEFORE

    searched = re.compile(r"([A-Za-z]+)[.\u2024]?\s+$")
    pieces = [
        "Mr",
        ".",
        "\u2024",
        " ",
        "  ",
        "\n",
        "\t",
        "Sen",
        "é",
        "x",
        "9",
        ",",
        "Paz",
        "ab" * 9,
    ]
    rng = random.Random(11)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        reverse, n = text[::-1], len(text)
        for pos in range(len(text) + 1):
            want = searched.search(text, max(0, pos - WORD_BEFORE), pos)
            got = _WORD_BEFORE_REVERSED_RE.match(reverse, n - pos, n - max(0, pos - WORD_BEFORE))
            assert (got.group(1)[::-1] if got else None) == (want.group(1) if want else None)


def test_a_grouped_alternation_matches_as_the_plain_one() -> None:
    from bot.extract.word_patterns import grouped_alternation

    words = ["said", "says", "Said", "added", "a", "pointed out", "as", "K", "k", "sang", "ask"]
    ordered = sorted(words, key=len, reverse=True)
    plain_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    grouped = grouped_alternation(ordered)
    assert grouped != plain_alt
    pieces = [*words, " ", "  ", "x", "SAID", "\u212a", "ſays", ",", "ed", "out"]
    rng = random.Random(5)
    for flags in (0, re.IGNORECASE):
        for shape in (r"(?P<s>[^,]{{1,12}}?)\s+(?:{})\b", r"(?:{})(?:ed)?\s*$", r"\b(?:{})"):
            plain = re.compile(shape.format(plain_alt), flags)
            fast = re.compile(shape.format(grouped), flags)
            for _ in range(800):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
                want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
                assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == want, text


def test_words_not_opening_with_a_letter_keep_the_plain_alternation() -> None:
    from bot.extract.word_patterns import grouped_alternation

    assert grouped_alternation(["’ll", "will"]) == "’ll|will"
    assert grouped_alternation(["said", "says"]) == "s(?:aid|ays)"


_FOLDED = ["paz", "’s", "'", "-", "_", " ", "  ", ",", ".", "“", "”", "—", "\u00a0", "\x1c", "9"]


def test_index_words_reads_the_words_the_regex_reads() -> None:
    from bot.folding import _TRIMMED_WORD_RE, _trimmed_words

    pieces = [
        *_FOLDED,
        "é",
        "Ω",
        "ß",
        "\u0301",
        "x\u2009y",
        "\t",
        "\n",
        "'-'",
        "a--b",
        "١",
        "\udc80",
    ]
    rng = random.Random(3)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _trimmed_words(text) == _TRIMMED_WORD_RE.findall(text), text
