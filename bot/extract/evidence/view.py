"""A paragraph as the people rules read it, and what they record.

`read_paragraph` tokenizes a paragraph once and marks each token that lies in a country name
(`blocked`: "Germany" is no person's name) or inside quotation marks (`quoted`), and finds its
title phrases ("Defense Minister", "the Chancellor"). Each piece of evidence that a name is a
person is an `Occurrence`; a title with no name after it ("the Chancellor", "the SPD
politician") is a `RoleRef` the register resolves once everyone is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, pairwise, repeat

from bot.extract.alternation import Alternation, WordScan
from bot.extract.countries import CountryMention, find_countries_at
from bot.extract.lazy import lazy
from bot.extract.lexicon import Lexicon
from bot.extract.names import NameReader, NameSpan, Vocab
from bot.extract.text import Paragraph, quote_spans
from bot.extract.title_heads import head_candidates
from bot.extract.titles import RolePhrase, TitleFinder
from bot.extract.tokens import TOKEN_START, Token, tokens_and_texts_at

#: Where a noun phrase ends: punctuation, or a word that starts a new phrase.
PHRASE_END = frozenset([*",.;:()—–", *"and in on at to for of who from during".split()])


#: The argument of str.rstrip that drops a word's final dots, for each word of a map.
DOTS = repeat(".")


def fold_word(word: str) -> str:
    """A word folded for list lookups: "then-Secretary" → "then-secretary", "Gen." → "gen"."""
    return word.rstrip(".").casefold()


@dataclass
class Occurrence:
    """One piece of evidence that a name is a person, with what it says about them."""

    span: NameSpan
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    party: str | None = None
    former: bool = False
    titled: bool = False  # the evidence gives a current title
    gender: str | None = None  # "m" or "f" when an honorific says so ("Ms. Rossi")
    weak: bool = False  # read in a title-case heading: joins a known person or nobody
    spoke: bool = False  # found next to a reporting verb ("said Meier")
    distinct: bool = False  # "President Ito and Mrs. Ito": the same surname, another person


@dataclass(frozen=True)
class RoleRef:
    """A role reference in the text: "the Chancellor", "Japan's prime minister", "the SPD
    politician" (`member_of` the SPD), "The Chancellor (SPD)" (`party` told in brackets)."""

    phrase: RolePhrase
    start: int
    party: str | None = None
    quoted: bool = False
    member_of: str | None = None


@lru_cache(maxsize=16)
def verb_re(lexicon: Lexicon, key: str = "reporting_verbs") -> WordScan:
    """One alternation of a verb list, longest first, whole words, case as written: the regex
    `\\b(?:said|says|...)\\b`, run by first letter (see alternation.py) when every verb
    opens with a word character."""
    verbs = sorted(lexicon.word_list(key), key=len, reverse=True)
    if not verbs:
        return WordScan(r"(?!)", 0, None)
    source = r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b"
    if not all(v[:1].isalnum() for v in verbs):
        return WordScan(source, 0, None)
    terms = tuple((v[0], re.escape(v)) for v in verbs)
    return WordScan(source, 0, Alternation(terms, r"\b", r"\b"))


@dataclass
class ParagraphView:
    """A paragraph read for people: tokens, country flags, quote flags and titles."""

    paragraph: Paragraph
    tokens: list[Token]
    blocked: list[bool]
    quoted: list[bool]
    countries: list[CountryMention]
    quotes: list[tuple[int, int]]
    phrases: list[RolePhrase]
    reader: NameReader
    #: Each token case-folded ("Minister" → "minister"), worked out once: the title heads
    #: and several rules look each token up in a folded word list.
    folded: list[str]
    #: The folded tokens as a set: a rule whose words the paragraph lacks is skipped.
    folded_words: frozenset[str]

    def indexes_of(self, text: str) -> Iterator[int]:
        """The indexes of the tokens that read `text` exactly, left to right: "," in "Ana
        Paz, envoy, said" gives 2 and 4 (compared in C, not by a Python loop per token). A
        paragraph whose text does not hold `text` has no such token: the tokens are not read
        ("(" in a paragraph without brackets)."""
        if text not in self.paragraph.text:
            return iter(())
        return compress(count(), map(text.__eq__, self.reader.texts))

    @lazy
    def capitals(self) -> list[int]:
        """The indexes of the tokens that start with a capital: only they may be name words
        or honorifics, so the rules that look for those walk these, not every token (the
        reader's list, found once for the name flags too)."""
        return self.reader.capitals

    @lazy
    def name_word(self) -> list[bool]:
        """For each token, reader.is_name_word, worked out once by the reader: the name
        rules ask about every token, some twice ("Hiro" in "met Hiro Sato" is a name word,
        "met" is not)."""
        return self.reader.name_word_flags

    @lazy
    def honorific(self) -> list[bool]:
        """For each token, reader.is_honorific ("Ms.", "Admiral"), worked out once over the
        capitalised tokens: the word without its dot, folded, is an honorific or a rank."""
        caps, titles = self.capitals, self.reader.v.honorific_words
        out = [False] * len(self.tokens)
        # the capitalised words folded, without their dots, looked up in C passes (folding
        # neither makes nor drops a dot, so the folded tokens serve)
        words = map(str.rstrip, map(self.folded.__getitem__, caps), DOTS)
        for i in compress(caps, map(titles.__contains__, words)):
            out[i] = True
        return out


def token_flags(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside one of the (sorted) spans: one linear pass."""
    if not spans:
        return [False] * len(tokens)
    if all(a[0] <= b[0] for a, b in pairwise(spans)):
        # Spans in order of their starts: the tokens starting inside each, found by bisection
        # (the same tokens as the pass below, at the cost of the spans, not the tokens).
        flags = [False] * len(tokens)
        for a, b in spans:
            i = bisect_left(tokens, a, key=TOKEN_START)
            j = bisect_left(tokens, b, key=TOKEN_START)
            flags[i:j] = [True] * (j - i)
        return flags
    out = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] <= tok.start < spans[k][1])
    return out


def read_paragraph(body: str, para: Paragraph, lexicon: Lexicon, v: Vocab) -> ParagraphView:
    """Tokens, country and quote flags, titles and a name reader for one paragraph."""
    tokens, texts = tokens_and_texts_at(para.text, para.start)
    folded = list(map(str.casefold, texts))
    folded_words = frozenset(folded)
    countries = [
        CountryMention(c.country, c.start + para.start, c.end + para.start, c.kind, c.text)
        for c in find_countries_at(
            para.text, lexicon, tokens, para.start, texts, folded, folded_words
        )
    ]
    blocked = token_flags(tokens, [(c.start, c.end) for c in countries])
    quotes = [(q.start, q.end) for q in quote_spans(body, para)]
    quoted = token_flags(tokens, quotes)
    reader = NameReader(tokens, blocked, v)
    reader.texts = texts  # listed once, for the countries and the reader's rules
    # most paragraphs hold no word a title is built around: no title finder for them
    heads = head_candidates(texts, folded, folded_words, "-" in para.text, v)
    phrases = TitleFinder(tokens, blocked, countries, v, reader).find(heads) if heads else []
    return ParagraphView(
        para, tokens, blocked, quoted, countries, quotes, phrases, reader, folded, folded_words
    )
