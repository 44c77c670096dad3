"""Paragraphs, sentences and quotation spans: the units every other extractor works on.

Offsets are kept into the document body so that a fact's sentence is always an exact substring
of its document (answers cite it verbatim, and the scorer matches on it). The splitter is one
left-to-right pass per paragraph: linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.linear import at_most_words
from bot.extract.memo import per_text
from bot.extract.single_quotes import single_quote_pairs

#: Punctuation ending a line: no heading.
LINE_ENDS = '.!?:;,”"'
#: The most words a heading holds.
HEADING_WORDS = 16

#: A paragraph: lines up to a blank one.
_BLOCK_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")

#: Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen adm sen rep gov lt col capt sgt maj cmdr hon rev messrs "
    "no nos vol fig approx dept est inc ltd co corp vs etc e.g i.e a.m p.m u.s u.k u.n e.u "
    "d.c u.s.a jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
OPEN_QUOTES = '“„«"'
CLOSE_QUOTES = '”“»"'
BULLETS = "•·▪‣◦*-–"

_BULLET_RE = re.compile(r"[ \t]*(?:[•·▪‣◦*]|[-–](?=\s)|\d{1,2}[.)](?=\s))[ \t]*")
#: A run-in label at the start of a bullet: "Commitment to Consult: The Leaders ...".
_LABEL_RE = re.compile(r"(?:[A-Z][\w’'-]*(?:\s+(?:[A-Za-z][\w’'-]*|&)){0,6}):\s+(?=[A-Z“\"])")
#: A dateline at the start of a paragraph: "WASHINGTON – ", "TOKYO, March 18 (Reuters) - ".
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?)?(?:\s*\([^)]*\))?\s*[–—-]\s+"
)
#: A sentence's closing punctuation and marks. It opens with its class once, unrepeated:
#: `re` then skips in C to a stop, where a pattern opening with `[.!?…]+` is tried at every
#: character of the paragraph.
_END_RE = re.compile(r"[.!?…][.!?…]*[”\"’')\]]*")
#: _END_RE for a text whose only stop is the full stop (most paragraphs): it opens with the
#: literal dot, which `re` finds by a fast character search instead of testing a class at
#: every character. In such a text it finds the same stops as _END_RE.
_DOT_END_RE = re.compile(r"\.[.!?…]*[”\"’')\]]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a heading line, or a bullet item) with its place in the document."""

    text: str
    paragraph: int  # 1-based paragraph number
    index: int  # 0-based position among all sentences of the document
    start: int  # offset of text in the document body
    end: int
    heading: bool = False  # a one-line paragraph with no final punctuation


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text separated by blank lines; its sentences in order."""

    number: int  # 1-based
    text: str
    start: int
    sentences: tuple[Sentence, ...]

    @property
    def heading(self) -> bool:
        return len(self.sentences) == 1 and self.sentences[0].heading

    def __hash__(self) -> int:
        """Hashed by its number, place and text, which its sentences only divide up: memos
        keyed by a paragraph (quote_spans) then hash three values, not every sentence."""
        return hash((self.number, self.start, self.text))


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between a pair of quotation marks; offsets are of the inner text in the body."""

    text: str
    start: int
    end: int
    open_mark: str
    close_mark: str | None  # None when the paragraph ends with the quote still open


def _is_heading(line: str) -> bool:
    """Whether a one-line paragraph is a heading: one to HEADING_WORDS words and no
    punctuation at its end ("Talks resume in Oslo", not "Talks resumed."). Its last character
    is read first (most paragraphs end with a stop), and the words are counted only up to one
    past the limit, not split out of the whole paragraph."""
    end = line.rstrip()[-1:]
    if not end or end in LINE_ENDS:
        return False
    return at_most_words(line, HEADING_WORDS)


#: A character that cuts the token before a full stop: a space, an opening bracket or mark,
#: a hyphen, a dash or a slash.
_TOKEN_CUT_RE = re.compile(r'[\s(“"\-–/]')
#: How far back `_word_before` looks for a space with `rfind` (a bound on long tokens).
_WORD_REACH = 64


def _word_before(text: str, pos: int) -> str:
    """The token ending just before `pos` (the text before a full stop).

    Hyphens and slashes cut it, so "India-U.S. Defense" reads the abbreviation "U.S.".
    Most tokens follow a plain space: the last space is found by `rfind` and the stretch after
    it checked for other cuts by one regex call, both in C; otherwise the token is read
    character by character.
    """
    space = text.rfind(" ", max(pos - _WORD_REACH, 0), pos)
    if space >= 0 and _TOKEN_CUT_RE.search(text, space + 1, pos) is None:
        return text[space + 1 : pos]
    j = pos
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '(“"-–/':
        j -= 1
    return text[j:pos]


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at `dot` (its run ending at `after`) closes a sentence."""
    if after >= len(text):
        return True
    if not text[after].isspace():
        return _glued_sentence(text, dot, after)
    i = after  # the first character after the spaces (without copying the rest)
    while i < len(text) and text[i].isspace():
        i += 1
    if i == len(text):
        return True
    nxt = text[i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPEN_QUOTES or nxt in "‘'(["):
        return False
    if text[dot] != ".":
        return True
    word = _word_before(text, dot).rstrip(".").casefold()
    if word in ABBREVIATIONS:
        return False
    # Initials: "Marco J. Reyes", "Elena R. Ferro"; dotted acronyms mid-name: "W. Hale".
    return not (len(word) == 1 and word.isalpha())


def _glued_sentence(text: str, dot: int, after: int) -> bool:
    """Whether a full stop with no space after it still ends a sentence ("ties.According to").

    Scraped text loses the space between sentences. It counts only when a lower-case letter
    (or a closing quotation mark) stands before the stop and a capitalised word with a
    lower-case letter after its capital follows, and the word before is no abbreviation: so
    "gov.uk", "U.S.Army" and "No.10" stay whole.
    """
    if text[dot] != "." or after + 1 >= len(text):
        return False
    if not (text[after].isupper() and text[after + 1].islower()):
        return False
    before = text[after - 1] if text[after - 1] != "." else text[dot - 1]
    if not (before.islower() or before in "”’\"'"):
        return False
    word = _word_before(text, dot).strip("”’\"'").rstrip(".").casefold()
    return word not in ABBREVIATIONS and "." not in word


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in `text`, shifted by `offset`."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = n - len(text.lstrip())
    ends = _END_RE if "!" in text or "?" in text or "…" in text else _DOT_END_RE
    for m in ends.finditer(text):
        dot, after = m.span()
        if dot < start:
            continue
        if after >= n or _ends_sentence(text, dot, after):  # the text's end ends one
            spans.append((start + offset, after + offset))
            start = after
            while start < n and text[start].isspace():
                start += 1
    if start < n and text[start:].strip():
        spans.append((start + offset, len(text.rstrip()) + offset))
    return [(s, e) for s, e in spans if e > s]


def _line_units(block: str, block_start: int) -> list[tuple[int, int]]:
    """A paragraph's units: its bullet lines one by one, or the whole block."""
    if "\n" not in block:  # one line (most paragraphs): no bullet lines to count
        return [(block_start, block_start + len(block))]
    lines = block.split("\n")
    bulleted = sum(1 for ln in lines if (m := _BULLET_RE.match(ln)) and m.end() > 0)
    if len(lines) > 1 and bulleted >= 2:
        units = []
        pos = block_start
        for ln in lines:
            units.append((pos, pos + len(ln)))
            pos += len(ln) + 1
        return units
    return [(block_start, block_start + len(block))]


def _strip_prefixes(body: str, start: int, end: int) -> int:
    """Skip list markers, run-in labels and datelines: they are not part of a sentence."""
    bullet = _BULLET_RE.match(body, start, end)
    if bullet and start < bullet.end() < end:
        start = bullet.end()
        label = _LABEL_RE.match(body, start, end)  # run-in labels only follow list markers
        if label and label.end() < end:
            start = label.end()
    dateline = _DATELINE_RE.match(body, start, end)
    if dateline and dateline.end() < end:
        start = dateline.end()
    return start


def segment(body: str) -> tuple[Paragraph, ...]:
    """Split a document body into paragraphs and sentences, keeping exact offsets."""
    paragraphs: list[Paragraph] = []
    index = 0
    for m in _BLOCK_RE.finditer(body):
        block = m.group(0)
        if not block.strip():
            continue
        number = len(paragraphs) + 1
        sentences: list[Sentence] = []
        single_line = "\n" not in block.strip()
        for u_start, u_end in _line_units(block, m.start()):
            u_start = _strip_prefixes(body, u_start, u_end)
            unit = body[u_start:u_end]
            if single_line and _is_heading(unit.strip()):
                s = u_start + (len(unit) - len(unit.lstrip()))
                e = u_start + len(unit.rstrip())
                sentences.append(Sentence(body[s:e], number, index, s, e, heading=True))
                index += 1
                continue
            for s, e in split_sentences(unit.replace("\n", " "), u_start):
                sentences.append(Sentence(body[s:e], number, index, s, e))
                index += 1
        paragraphs.append(Paragraph(number, block, m.start(), tuple(sentences)))
    return tuple(paragraphs)


_PAIRS = {"“": "”", "„": "“”", "«": "»", "‹": "›"}
_CLOSE_ONLY = "”»›"
_OPENING_CONTEXT = "([{—–-/‘'“„«"
_CLOSING_CONTEXT = ".,;:!?)]}—–-…’'”»"


def _straight_look(text: str, i: int) -> tuple[bool, bool]:
    """Whether a straight mark at `i` looks like an opening and/or a closing mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    return opens, closes


def _span(
    text: str, base: int, start: int, end: int, open_mark: str, close: str | None
) -> QuoteSpan:
    return QuoteSpan(text[start:end], base + start, base + end, open_mark, close)


def _orphan_start(paragraph: Paragraph, spans: list[QuoteSpan], i: int) -> int | None:
    """Where a quote starts whose opening mark the source left out, given its closing mark at
    paragraph index `i` after other quotes: the start of the mark's sentence (`… economy," the
    minister said.`). Only a mark after a quote's closing punctuation counts, and only when no
    earlier quote reaches into that sentence."""
    text = paragraph.text
    if i < 2 or text[i - 1] not in ",.!?…" or text[i - 2].isspace():
        return None
    pos = paragraph.start + i
    sent = next((s for s in paragraph.sentences if s.start <= pos < s.end), None)
    if sent is None or sent.start >= pos - 1 or (spans and spans[-1].end >= sent.start):
        return None
    return sent.start - paragraph.start


#: Every character the quotation scanner acts on; the scan jumps from one to the next.
_MARK_RE = re.compile('[“„«‹”»›"]')


def _has_double_mark(text: str) -> bool:
    """`_MARK_RE.search(text)` as fast searches for each mark, the commonest first."""
    if '"' in text or "“" in text or "”" in text or "„" in text:
        return True
    return "«" in text or "»" in text or "‹" in text or "›" in text


def quote_spans(body: str, paragraph: Paragraph) -> list[QuoteSpan]:
    """Quoted stretches in one paragraph (see _quote_spans), as a new list.

    Quotes, speakers, people and commitments all ask for the same paragraph's spans; the spans
    depend on the paragraph alone, so they are worked out once per paragraph and copied.
    """
    return list(_quote_spans(paragraph))


@per_text(lambda paragraph: len(paragraph.text))
def _quote_spans(paragraph: Paragraph) -> tuple[QuoteSpan, ...]:
    """Quoted stretches in one paragraph, curly or straight marks, in text order.

    Curly marks pair by direction and nest; straight marks pair by where they stand (an opening
    mark follows a space and touches the next word); a straight and a curly mark also pair, as
    scraped text mixes them. A closing mark with no opening one before
    it opens the quote at the paragraph start (an omitted mark, or a quote continued from the
    paragraph before); after other quotes, at its sentence's start (see _orphan_start). A quote left open at the end of a paragraph is returned with close_mark
    None (the next paragraph may continue it). One pass: linear in the paragraph length.
    """
    text = paragraph.text
    base = paragraph.start
    if not _has_double_mark(text):
        pairs = single_quote_pairs(text)
        return tuple(_span(text, base, a, b, text[a - 1], text[b]) for a, b in pairs)
    spans: list[QuoteSpan] = []
    lead = len(text) - len(text.lstrip())
    open_at = -1  # index of the inner text's start while a quote is open
    open_mark = ""
    depth = 0
    for mark in _MARK_RE.finditer(text):
        i = mark.start()
        ch = text[i]
        if open_at < 0:
            if ch in _PAIRS:
                open_at, open_mark, depth = i + 1, ch, 1
            elif ch == '"':
                opens, closes = _straight_look(text, i)
                if opens or not closes:
                    open_at, open_mark, depth = i + 1, ch, 1
                elif not spans and i > lead:
                    spans.append(_span(text, base, lead, i, "", ch))
                elif (orphan := _orphan_start(paragraph, spans, i)) is not None:
                    spans.append(_span(text, base, orphan, i, "", ch))
            elif ch in _CLOSE_ONLY and not spans and i > lead:
                spans.append(_span(text, base, lead, i, "", ch))
            elif ch in _CLOSE_ONLY and (orphan := _orphan_start(paragraph, spans, i)) is not None:
                spans.append(_span(text, base, orphan, i, "", ch))
            continue
        if open_mark == '"':
            if ch == "”" and depth == 1:
                depth = 0  # mixed marks in scraped text: "…” closes a straight opening
            elif ch != '"':
                continue
            else:
                opens, closes = _straight_look(text, i)
                if opens and not closes:
                    depth += 1
                    continue
                depth -= 1
        elif ch in _PAIRS.get(open_mark, "") and not (ch == "“" and open_mark == "“"):
            depth -= 1
        elif ch == '"':
            opens, closes = _straight_look(text, i)
            if not closes or opens or depth != 1:
                continue
            depth = 0  # “…" closes a curly opening
        elif ch == open_mark:
            depth += 1
            continue
        else:
            continue
        if depth == 0:
            spans.append(_span(text, base, open_at, i, open_mark, ch))
            open_at = -1
    if open_at >= 0:
        inner = text[open_at:].rstrip()
        spans.append(_span(text, base, open_at, open_at + len(inner), open_mark, None))
    return tuple(spans)
