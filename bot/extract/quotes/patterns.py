"""The patterns quotation reading runs, compiled once per lexicon from config word lists
(`reporting_verbs`, `inverted_reporting_verbs`, `source_phrases`, `document_nouns`,
`issuing_verbs`, `term_markers`).

Each pattern is anchored to a quotation mark: `after_inverted` reads `“…,” said X` right after
the closing mark, `before` reads `X said: “…”` right before the opening one; the document
patterns find who issued a statement ("the White House released a statement", "a statement
from Japan and India", "the IEA communique").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.tail_search import TailSearch
from bot.extract.word_patterns import (
    first_letter_alternation,
    grouped_alternation,
    word_alternatives,
)

#: A name of a body or person: capitalised words, "of"/"for" inside ("Ministry of Trade").
_ORG_RUN = r"(?!(?:The|This|That|These|Its|Their|A|An|In|On|At)\b)[A-Z][\w&.’'-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+)?[A-Z][\w&.’'-]*){0,5}"
#: The most characters between a document noun and the quotation mark after it: "the IEA
#: Communique to “…”".
DOCUMENT_TAIL = 40
#: Several of them: "the United States, India, and Brazil", "Ito and Paz".
_ORG_LIST = rf"(?:[Tt]he\s+)?{_ORG_RUN}(?:,\s+(?:and\s+)?(?:the\s+)?{_ORG_RUN})*(?:,?\s+and\s+(?:the\s+)?{_ORG_RUN})?"


@dataclass(frozen=True)
class Patterns:
    """The compiled quotation patterns; each field says what it reads."""

    after_inverted: re.Pattern[str]  # `, said X` right after the closing mark
    after_subject: re.Pattern[str]  # `, X said` right after the closing mark
    before: re.Pattern[str]  # `X said:` right before the opening mark
    before_search: TailSearch  # `before.search`, each place read once
    source: re.Pattern[str]  # `according to X,` right before the opening mark
    document: re.Pattern[str]  # `the 2022 IEA Communique to` right before the opening mark
    #: What every `document` match holds near the text's end: a document noun's last word
    #: ("Communique"), then up to DOCUMENT_TAIL characters with no stop or mark to the end.
    #: Searched from `document_reach` characters before the end, it rules out a text in
    #: which `document` (tried at every place of up to 160 characters) would find nothing.
    document_end: re.Pattern[str]
    document_reach: int
    term: re.Pattern[str]  # `so-called` right before the opening mark
    #: The characters a term marker ends with, ignoring case as `term` does ("d" of
    #: "so-called"), or None when a marker ends otherwise: a text that ends with none of them
    #: holds no marker at its end, and `term` (tried at every character) is not run on it.
    term_last: re.Pattern[str] | None
    verbs: re.Pattern[str]
    intro: re.Pattern[str]  # a paragraph ending `X said:` before a block quotation
    doc_subject: re.Pattern[str]  # `the joint statement` as the subject of a reporting verb
    doc_noun: re.Pattern[str]  # a document noun anywhere: `a joint statement`
    issued: re.Pattern[str]  # `the White House released a statement`
    issued_by: re.Pattern[str]  # `a statement released by the White House`
    owner: re.Pattern[str]  # `the IEA communique`, `Japan's statement`
    title_small_words: frozenset[str]  # "for", "the": lower case in a title (folded)
    non_issuers: frozenset[str]  # "It", "They": open a sentence, never name an issuer


def _alternation(words: tuple[str, ...]) -> str:
    """One alternation, longest phrase first, a space matching any run of spaces, grouped by
    first letter (grouped_alternation)."""
    return grouped_alternation(sorted(words, key=len, reverse=True))


def _word_alternation(words: tuple[str, ...]) -> str:
    """`\\b(?:` + `_alternation(words)` + `)`, written to open with the words' first letters
    (word_patterns.py): `re` skips in C to where one of them stands. Words that do not all
    open with a word character keep the plain form (`\\b` is then no look-behind)."""
    if not words or not all(re.match(r"\w", w) for w in words):
        return rf"\b(?:{_alternation(words)})"
    ordered = sorted(words, key=len, reverse=True)
    return first_letter_alternation(word_alternatives(ordered), r"\w")


def _last_characters(words: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    """A class of the words' last characters (["dubbed", "its"] gives `[ds]`), or None when a
    word is empty or ends with a space (then its pattern ends with `\\s+`)."""
    if not words or not all(w and not w[-1].isspace() for w in words):
        return None
    return re.compile(f"[{''.join(sorted({re.escape(w[-1]) for w in words}))}]", flags)


@lru_cache(maxsize=8)
def patterns(lexicon: Lexicon) -> Patterns:
    """The compiled patterns of `lexicon` (cached: each document only runs them)."""
    verbs = _alternation(lexicon.word_list("reporting_verbs"))
    inverted = _alternation(lexicon.word_list("inverted_reporting_verbs"))
    sources = _alternation(lexicon.word_list("source_phrases"))
    docs = _alternation(lexicon.word_list("document_nouns"))
    last_words = sorted({w.split()[-1] for w in lexicon.word_list("document_nouns") if w.split()})
    issuing = _alternation(lexicon.word_list("issuing_verbs"))
    terms = _alternation(lexicon.word_list("term_markers"))
    lead = r"^[\s,.!?;:]*(?:[—–-]+\s*)?"
    before_rest = (
        rf"\s+(?:{verbs})"
        r"(?:(?:\s+(?:that|to\s+\w+(?:\s+\w+)?|reporters|on\s+\w+))?\s*[:,]?"
        r"|[^.!?;:\"“”]{0,60}:)\s*$"
    )
    before = re.compile(rf"(?P<subj>[^.!?;:\"“”]{{1,80}}?){before_rest}")
    return Patterns(
        after_inverted=re.compile(lead + rf"(?:{inverted})\b\s+(?=\S)"),
        after_subject=re.compile(lead + rf"(?P<subj>[^.!?;:\"“”]{{1,80}}?)\s+(?:{verbs})\b"),
        before=before,
        before_search=TailSearch(before, re.compile(before_rest), re.compile(r"[.!?;:\"“”]"), 80),
        source=re.compile(rf"\b(?i:{sources})\s+(?P<subj>[^.!?;:\"“”]{{1,80}}?)\s*[:,]?\s*$"),
        document=re.compile(
            r"(?:\b[Tt]he\s+)?(?:\d{4}\s+)?(?P<org>(?:[A-Z][\w&'’.-]*\s+){1,8}?)"
            rf"(?:{docs})\b(?P<tail>[^.!?\"“”]{{0,{DOCUMENT_TAIL}}})$"
        ),
        document_end=re.compile(
            rf"(?:{_alternation(tuple(last_words))})\b[^.!?\"“”]{{0,{DOCUMENT_TAIL}}}$"
            if last_words
            else ""
        ),
        # "+ 1": `$` matches before a final newline too
        document_reach=DOCUMENT_TAIL + 1 + max(map(len, last_words), default=0),
        term=re.compile(rf"(?:^|\W)(?:{terms})\s*$", re.IGNORECASE),
        term_last=_last_characters(lexicon.word_list("term_markers"), re.IGNORECASE),
        verbs=re.compile(rf"(?:{_word_alternation(lexicon.word_list('reporting_verbs'))})\b"),
        intro=re.compile(
            rf"(?P<subj>[^.!?;:\"“”]{{1,100}}?)\s+(?:{verbs})"
            r"(?:\s+(?:reporters|journalists|today|in\s+a\s+statement))?\s*:\s*$"
        ),
        doc_subject=re.compile(
            rf"(?i:the|this|that|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>(?i:{docs}))$"
        ),
        doc_noun=re.compile(rf"\b(?P<noun>(?i:joint\s+)?(?i:{docs}))\b"),
        issued=re.compile(
            rf"(?P<org>{_ORG_LIST})\s+(?:has\s+|have\s+|had\s+|jointly\s+)?(?:{issuing})\s+"
            rf"(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{docs})\b"
        ),
        issued_by=re.compile(
            rf"(?i:{docs})\s+(?:[\w'’-]+\s+){{0,2}}?(?:by|from)\s+(?P<org>{_ORG_LIST})"
        ),
        owner=re.compile(
            rf"(?:\b[Tt]he\s+)?(?:\d{{4}}\s+)?(?P<org>{_ORG_RUN})(?:['’]s)?\s+"
            rf"(?:(?i:joint|leaders['’]?|final|official|written)\s+)?(?i:{docs})\b"
        ),
        title_small_words=frozenset(w.casefold() for w in lexicon.word_list("title_small_words")),
        non_issuers=frozenset(lexicon.word_list("non_issuer_words")),
    )
