"""Direct quotations and who said them.

Every quoted stretch (text.quote_spans) is read in three steps, each in its own module:

1. attribution.py -- an attribution next to the marks: `“…,” said X`, `X said: “…”`,
   `according to X, “…”`, a credit line under a block quotation ("Ana Paz, Minister of
   Finance");
2. kinds.py -- is it a quote at all? Titles (“Draft Future Nuclear Energy Guidelines”), terms
   (so-called “two-plus-two” talks) and scare quotes are not;
3. speakers.py -- speakers for the rest: the issuer of a quoted document (issuers.py), the
   subject of a reporting verb, the quote a subheading repeats, the paragraph's current speaker.

block_quotes.py adds statements printed as plain paragraphs after "X said:". context.py holds
what every step reads (the document, its sentences, the people register) and patterns.py the
compiled patterns.
"""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.quotes.attribution import attribution_after, attribution_before, credit_line
from bot.extract.quotes.block_quotes import block_quotes
from bot.extract.quotes.context import QuoteContext, QuoteItem, clean_quote
from bot.extract.quotes.kinds import (
    SHORT_QUOTE_WORDS,
    quote_kind,
    quote_words,
)
from bot.extract.quotes.speakers import fill_speakers
from bot.extract.text import Paragraph, quote_spans
from bot.models import Document, Quote


def extract_quotes(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Quote]:
    """Every direct quotation in the document, each with its speaker and source sentence."""
    return read_quotes(QuoteContext(document, paragraphs, register, lexicon))


def read_quotes(ctx: QuoteContext) -> list[Quote]:
    """The three steps over every quoted span, then the block quotations, in text order."""
    items: list[QuoteItem] = []
    for para in ctx.paragraphs:
        for span in quote_spans(ctx.body, para):
            items.append(QuoteItem(span, para, clean_quote(span.text)))
    chain_items(items)
    by_para: dict[int, list[QuoteItem]] = {}
    for it in items:
        by_para.setdefault(it.paragraph.number, []).append(it)
    ctx.by_para = by_para
    ctx.plain_cache = {}
    for it in items:
        found, who = attribution_after(ctx, it)
        if not found:
            found, who = attribution_before(ctx, it)
        if not found:
            who = credit_line(ctx, it, by_para[it.paragraph.number])
            found = who is not None
        it.attributed, it.speaker = found, who
    chained = {it.chain for k, it in enumerate(items) if it.chain != k}
    # Speech nearby: a paragraph holding an attributed or a long quotation (titles aside).
    long_quote_in = {
        it.paragraph.number
        for it in items
        if it.attributed
        or (len(quote_words(it)) > SHORT_QUOTE_WORDS and quote_kind(ctx, it, True, True) == "quote")
    }
    for it in items:
        # whether speech stands in the quote's sentence is read by quote_kind when it counts
        it.kind = quote_kind(ctx, it, it.paragraph.number in long_quote_in)
        if it.span.close_mark is None or it.chain in chained:
            it.kind = "quote"  # a quotation running on past its paragraph is speech
    quotes = [it for it in items if it.kind == "quote" and it.text]
    fill_speakers(ctx, quotes)
    quotes.extend(block_quotes(ctx, {it.paragraph.number for it in items}))
    quotes.sort(key=lambda it: it.span.start)
    return [Quote(it.text, it.speaker, ctx.source(it)) for it in quotes]


def chain_items(items: list[QuoteItem]) -> None:
    """Link a quote left open at a paragraph's end to the one that opens the next: news style
    leaves a quotation running over paragraphs unclosed until its last one (`“A ... ¶ “B ...”`)."""
    for k, it in enumerate(items):
        it.chain = k
        if k == 0:
            continue
        prev = items[k - 1]
        para_text_start = it.paragraph.start + (
            len(it.paragraph.text) - len(it.paragraph.text.lstrip())
        )
        opens_paragraph = it.span.start - len(it.span.open_mark) <= para_text_start
        if (
            prev.span.close_mark is None
            and prev.paragraph.number + 1 == it.paragraph.number
            and opens_paragraph
        ):
            it.chain = prev.chain


__all__ = ["extract_quotes"]
