"""A synthetic corpus of N distinct documents, made from the bundled real ones; nothing downloaded.

Run: .venv/bin/python bench/corpus.py N FOLDER [--seed S]

Paragraphs of `seeds/*.txt` and `../shared/eval/docs/*.txt` (front matter skipped) are
recombined, and every person the extractor finds in them is renamed per document to someone
drawn from a generated pool. The pool is about twice as large as N, so people recur across
documents (the merge has work to do), some share a surname with a different given name (the
merge must keep them apart), and documents differ in their people. Deterministic: the same N and
seed give the same files. Example: `build_corpus(Path("/tmp/c"), 100)` writes 100 `.txt` files
(and a copy of the seeds' curated YAML, so curated entries are applied as in production).
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_lexicon  # noqa: E402
from bot.extract import extract_document  # noqa: E402
from bot.seeds import parse_document, split_front_matter  # noqa: E402

SOURCES = (ROOT / "seeds", ROOT.parent / "shared" / "eval" / "docs")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ONSETS = "b br c d f g gr h j k l m n p r s st t v w z".split()
_VOWELS = "a e i o u ai ea io".split()
_CODAS = ["", "", "n", "r", "l", "s", "k", "nd", "rt", "m"]


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One bundled document: its paragraphs and the name words of the people in it."""

    name: str
    paragraphs: tuple[str, ...]
    people: tuple[
        tuple[tuple[str, ...], str], ...
    ]  # ((given names), surname): (("Boris",), "Pistorius")


def _name_words(name: str) -> list[str]:
    """Capitalised words of a name, without initials and suffixes: 'Lloyd J. Austin III'."""
    words = [w.strip(".,") for w in name.split()]
    return [w for w in words if len(w) > 2 and w[0].isupper() and w.casefold() not in _SUFFIXES]


def read_sources() -> list[SourceDoc]:
    """The bundled documents, each with the person names its extraction finds."""
    lexicon = load_lexicon()
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            document = parse_document(path, path.read_bytes())
            facts = extract_document(document, lexicon)
            people: dict[tuple[tuple[str, ...], str], None] = {}
            for person in facts.people:
                words = _name_words(person.name)
                if words:
                    people[(tuple(words[:-1]), words[-1])] = None
            _fm, body, _line = split_front_matter(path.read_text(encoding="utf-8"))
            paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())
            out.append(SourceDoc(path.name, paragraphs, tuple(people)))
    return out


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)]
    parts += [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1)]
    return "".join(parts).capitalize()


def name_pool(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """`n` distinct (given name, surname) pairs; about one surname in five is shared."""
    surnames: dict[str, None] = {}
    while len(surnames) < max(4, n * 4 // 5):
        surnames[_word(rng, rng.randint(2, 3))] = None
    given: dict[str, None] = {}
    while len(given) < max(4, n // 3):
        given[_word(rng, 2)] = None
    sur, giv = list(surnames), list(given)
    pool: dict[tuple[str, str], None] = {}
    i = 0
    while len(pool) < n:
        pool[(rng.choice(giv), sur[i % len(sur)])] = None
        i += 1
    return list(pool)


def _rename(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b"
    )
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def make_document(i: int, sources: list[SourceDoc], pool: list[tuple[str, str]], seed: int) -> str:
    """Document number `i`: a run of paragraphs from one source plus some from others, renamed."""
    rng = random.Random(seed * 1_000_003 + i)
    main = sources[i % len(sources)]
    start = rng.randrange(max(1, len(main.paragraphs) - 4))
    chosen = list(main.paragraphs[start : start + rng.randint(6, 12)])
    used = [main]
    others = [s for s in sources if s is not main and s.paragraphs]
    for other in rng.sample(others, k=min(rng.randint(2, 4), len(others))):
        paragraph = rng.choice(other.paragraphs)
        if paragraph not in chosen:
            chosen.insert(rng.randint(0, len(chosen)), paragraph)
            used.append(other)
    mapping: dict[str, str] = {}
    for src in used:
        for given, surname in src.people:
            if surname in mapping:
                continue
            new_given, new_surname = rng.choice(pool)
            mapping[surname] = new_surname
            for word in given:
                mapping.setdefault(word, new_given)
    body = "\n\n".join(_rename(p, mapping) for p in chosen)
    year = 2008 + rng.randrange(17)
    title = f"Briefing {i:05d}: " + " ".join(body.split()[:6]).strip(',.;:“”"')
    title = title.replace('"', "'")
    return (
        "---\n"
        f'title: "{title}"\n'
        f"source: https://example.org/briefings/{i:05d}\n"
        f"published: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        "kind: news\n"
        "---\n"
        f"{body}\n"
    )


def build_corpus(
    folder: Path, n: int, seed: int = 1, sources: list[SourceDoc] | None = None
) -> list[Path]:
    """Write `n` documents (doc-00000.txt …) and the seeds' curated YAML into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sources if sources is not None else read_sources()
    pool = name_pool(max(20, 2 * n), random.Random(seed))
    paths = []
    for i in range(n):
        path = folder / f"doc-{i:05d}.txt"
        path.write_text(make_document(i, sources, pool, seed), encoding="utf-8")
        paths.append(path)
    for curated in (ROOT / "seeds").glob("*.yaml"):
        shutil.copy(curated, folder / curated.name)
    return paths


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    paths = build_corpus(Path(argv[1]), int(argv[0]), seed)
    print(f"wrote {len(paths)} documents to {argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
