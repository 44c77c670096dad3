"""Benchmark: extraction time on pathological inputs of growing size (is every shape linear?).

Each kind of input is built at several sizes; the script prints µs per KB at each size and the
ratio of the largest to the smallest figure. Linear code keeps µs/KB flat (ratio about 1); a
ratio that grows about 4x with each 4x in size means quadratic time. Asserts nothing (machines
here are shared and noisy). Run from the project:

    .venv/bin/python bench/bench_pathological.py [sizes in KB, e.g. 4 16 64 256] [--only KIND ...]

A kind's larger sizes are skipped once one size takes longer than LIMIT seconds, and the skip is
printed, so a quadratic case cannot hold the run for hours.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_lexicon  # noqa: E402
from bot.extract import extract_document  # noqa: E402
from bot.seeds import parse_document  # noqa: E402

LIMIT = 20.0
HEADER = "---\ntitle: Pathological input\npublished: 2023-03-18\nkind: news\n---\n"
SEED = ROOT / "seeds" / "german-japanese-consultations-2023.txt"


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated until the text is `size` characters long (cut at the end)."""
    return (unit * (size // len(unit) + 1))[:size]


def _seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---\n", 1)[1]
    return text.strip() + "\n\n"


def one_long_word(size: int) -> str:
    return "The minister said " + "a" * size + " will agree."


def long_words(size: int) -> str:
    return _repeat("b" * 2000 + " ", size) + "."


def long_sentence(size: int) -> str:
    return "Germany and Japan will " + _repeat("agree to work on energy and trade ", size)


def many_quotes(size: int) -> str:
    return _repeat('"We will act," Scholz said. ', size)


def unbalanced_quotes(size: int) -> str:
    return _repeat('He said "we will act and ', size)


def capitalised(size: int) -> str:
    return _repeat("Minister Olaf Scholz Berlin Tokyo Japan Germany Kishida Foreign ", size)


def many_dates(size: int) -> str:
    return _repeat("On 18 March 2023, on Monday and in April 2024 they will meet. ", size)


def many_numbers(size: int) -> str:
    return _repeat("12 2023 3.5 2022-2024 1,000 ", size) + "."


def parentheses(size: int) -> str:
    return _repeat("The minister (Olaf Scholz (SPD) (Germany) will ", size) + "."


def many_commas(size: int) -> str:
    return "Germany will work with " + _repeat("Japan, France, Italy, Canada, ", size) + "."


def name_list(size: int) -> str:
    return (
        "The leaders " + _repeat("Olaf Scholz, Fumio Kishida, Emmanuel Macron and ", size) + "met."
    )


def many_said(size: int) -> str:
    return _repeat("Scholz said that Kishida said, ", size) + "we will act."


def tiny_sentences(size: int) -> str:
    return _repeat("Go. It is. We will. ", size)


def dates_one_sentence(size: int) -> str:
    days = "".join(
        f"on {d} {m} {y}, "
        for y in (2021, 2022, 2023, 2024)
        for m in ("March", "April", "May")
        for d in range(1, 29)
    )
    return "The ministers will meet " + _repeat(days, size) + "and in June."


def undated_days(size: int) -> str:
    days = "".join(f"on {d} {m}, " for m in ("March", "April", "May") for d in range(1, 29))
    return "The ministers will meet " + _repeat(days, size) + "and in June."


def seasons_and_spans(size: int) -> str:
    unit = "in the summer, currently, a two-day visit from Monday, which we are pleased to host, "
    return "Leaders began talks " + _repeat(unit, size) + "and more."


def many_quoted_cues(size: int) -> str:
    return "Japan said " + _repeat('"we will build and we are committed to ", ', size) + "."


def quotes_no_stop(size: int) -> str:
    return _repeat("“we will act” Ruiz told Owusu and ", size) + "."


def past_cues_no_stop(size: int) -> str:
    return _repeat("Ghana had agreed to open roads in 2019 and Kenya ", size) + "."


def many_clauses(size: int) -> str:
    return (
        "Japan will act today "
        + _repeat("(as planned; in 2024), which will help, and then ", size)
        + "."
    )


def seed_paragraphs(size: int) -> str:
    return _repeat(_seed_body(), size)


KINDS: dict[str, Callable[[int], str]] = {
    "one_long_word": one_long_word,
    "long_words": long_words,
    "long_sentence": long_sentence,
    "many_quotes": many_quotes,
    "unbalanced_quotes": unbalanced_quotes,
    "capitalised": capitalised,
    "many_dates": many_dates,
    "many_numbers": many_numbers,
    "parentheses": parentheses,
    "many_commas": many_commas,
    "name_list": name_list,
    "many_said": many_said,
    "tiny_sentences": tiny_sentences,
    "dates_one_sentence": dates_one_sentence,
    "many_clauses": many_clauses,
    "undated_days": undated_days,
    "seasons_and_spans": seasons_and_spans,
    "many_quoted_cues": many_quoted_cues,
    "quotes_no_stop": quotes_no_stop,
    "past_cues_no_stop": past_cues_no_stop,
    "seed_paragraphs": seed_paragraphs,
}


def build(kind: str, size_kb: int) -> str:
    """The document text (front matter included) of one kind at about `size_kb` KB."""
    return HEADER + KINDS[kind](size_kb * 1024) + "\n"


def main(argv: list[str]) -> None:
    only = argv[argv.index("--only") + 1 :] if "--only" in argv else list(KINDS)
    numbers = argv[: argv.index("--only")] if "--only" in argv else argv
    sizes = [int(a) for a in numbers] or [4, 16, 64, 256]
    lexicon = load_lexicon(ROOT / "config")
    extract_document(
        parse_document(Path("warm.txt"), build("seed_paragraphs", 4).encode()), lexicon
    )
    print(f"µs per KB of input (skip after a size takes > {LIMIT:.0f} s)")
    print(f"{'kind':<18}" + "".join(f"{str(s) + ' KB':>12}" for s in sizes) + f"{'ratio':>8}")
    for kind in only:
        row, figures, skipped = [], [], None
        for size in sizes:
            if skipped:
                row.append(f"{'skipped':>12}")
                continue
            data = build(kind, size).encode()
            document = parse_document(Path(f"{kind}.txt"), data)
            start = time.perf_counter()
            extract_document(document, lexicon)
            secs = time.perf_counter() - start
            per_kb = secs * 1e6 / (len(data) / 1024)
            figures.append(per_kb)
            row.append(f"{per_kb:>12.0f}")
            if secs > LIMIT:
                skipped = f"{kind}: {size} KB took {secs:.1f} s, larger sizes skipped"
        ratio = max(figures) / min(figures) if len(figures) > 1 else 1.0
        print(f"{kind:<18}" + "".join(row) + f"{ratio:>8.1f}", flush=True)
        if skipped:
            print(f"  ({skipped})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
