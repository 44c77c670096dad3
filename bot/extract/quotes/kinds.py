"""Step 2 of reading a quotation: is it a quote at all?

Quotation marks also set off document titles ('a statement titled “Partners for the
Future”', “Draft Future Nuclear Energy Guidelines”), terms ('so-called “two-plus-two” talks')
and scare quotes. A quote counts when an attribution names its speaker, or when it is long, or
when speech stands nearby (a reporting verb in its sentence, an attributed or long quotation in
its paragraph). Title case with no sentence inside is a title; a short quote used as a modifier
("“two-plus-two” talks") is a term.
"""

from __future__ import annotations

import re

from bot.extract.quotes.context import QuoteContext, QuoteItem

#: A quote of this many words or fewer needs speech around it to count (else it is a term).
SHORT_QUOTE_WORDS = 4
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


#: A sentence's end inside a quote: no title ("“Stronger Together”" is one).
_STOP_RE = re.compile(r"[.!?]")
#: A lower-case word right after a quote's closing mark: the quote modifies it.
_LOWER_AFTER_RE = re.compile(r" [a-z]")


def _title_cased(words: list[str], small: frozenset[str]) -> bool:
    """Whether the words other than the small ones ("of", "the") are capitalised, and there
    is one: "Stronger Together", "Partnership for the Future". Read up to the first word
    that is not, which in running speech is the first or second."""
    big = False
    for w in words:
        if w.casefold() in small:
            continue
        if not w[:1].isupper():
            return False
        big = True
    return big


def quote_words(item: QuoteItem) -> list[str]:
    """The words of a quote ("“Two-plus-two talks,”" → Two-plus-two, talks), read once per
    quote: its kind and whether it is long are both read from them."""
    if item.words is None:
        item.words = WORD_RE.findall(item.text)
    return item.words


def quote_kind(ctx: QuoteContext, item: QuoteItem, speech_nearby: bool, in_sentence: bool) -> str:
    """ "quote", "term" or "title" for a quoted span, given whether speech stands in its
    paragraph (`speech_nearby`) or its sentence (`in_sentence`)."""
    span = item.span
    open_at = span.start - len(span.open_mark)
    words = quote_words(item)
    titled = (
        len(words) >= 2
        and _title_cased(words, ctx.pat.title_small_words)
        and not _STOP_RE.search(item.text.rstrip(".!?"))
    )
    marked = bool(ctx.pat.term.search(ctx.body[max(0, open_at - 25) : open_at]))
    if marked and titled:
        # 'The statement, titled “Stronger Together,” said ...': the verb is the
        # statement's, the quoted words are its name
        return "title"
    if item.attributed:
        return "quote"
    if marked or not words:
        return "term"
    if titled:
        return "title"
    if len(words) <= SHORT_QUOTE_WORDS:
        after = ctx.body[span.end + 1 : span.end + 3] if span.close_mark else ""
        modifier = bool(_LOWER_AFTER_RE.match(after))
        compound = len(words) == 1 and ("-" in words[0] or words[0][:1].isupper())
        if modifier and (compound or not in_sentence):
            return "term"  # used as a modifier: "two-plus-two" talks
        if not speech_nearby:
            return "term"
    return "quote"


def speech_in_sentence(ctx: QuoteContext, item: QuoteItem) -> bool:
    """Whether a reporting verb stands in the quote's sentence outside it ("Ito called the
    talks “candid”" has none; "“Candid,” Ito said" has one)."""
    sent = ctx.sentence_at(item.span.start)
    if sent is None:
        return False
    text = ctx.body[sent.start : sent.end]
    a, b = item.span.start - sent.start, item.span.end - sent.start
    return bool(ctx.pat.verbs.search(text[: max(a, 0)]) or ctx.pat.verbs.search(text[b:]))
