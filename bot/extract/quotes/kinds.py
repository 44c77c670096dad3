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
from itertools import islice

from bot.extract.quotes.context import QuoteContext, QuoteItem

#: A quote of this many words or fewer needs speech around it to count (else it is a term).
SHORT_QUOTE_WORDS = 4
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_GROUP = re.Match.group


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
    """The first SHORT_QUOTE_WORDS + 1 words of a quote ("“Two-plus-two talks,”" →
    Two-plus-two, talks), read once per quote: whether it is long, and its kind, are read from
    them (_title_cased_quote reads on where they cannot tell). A long quote's scan stops at its
    sixth word instead of listing all of them."""
    if item.words is None:
        item.words = list(map(_GROUP, islice(WORD_RE.finditer(item.text), SHORT_QUOTE_WORDS + 1)))
    return item.words


def _title_cased_quote(item: QuoteItem, small: frozenset[str]) -> bool:
    """_title_cased of all the words of a quote: its first words (quote_words) decide when
    one of them is neither small nor capitalised, or when they are all its words."""
    head = quote_words(item)
    if len(head) <= SHORT_QUOTE_WORDS or any(
        w.casefold() not in small and not w[:1].isupper() for w in head
    ):
        return _title_cased(head, small)
    return _title_cased(WORD_RE.findall(item.text), small)


def quote_kind(
    ctx: QuoteContext, item: QuoteItem, paragraph_speech: bool, in_sentence: bool | None = None
) -> str:
    """ "quote", "term" or "title" for a quoted span, given whether speech stands in its
    paragraph (`paragraph_speech`: an attributed or long quote there) or its sentence
    (`in_sentence`: a reporting verb outside the quote).

    What decides is read only when it may change the answer: the text before the marks only
    when the quote is no attributed one in plain words, and the sentence (speech_in_sentence,
    when `in_sentence` is None) only for a short unattributed quote. An attributed quote
    ("“We will sign,” Paz said") is a quote whatever the sentence holds.
    """
    span = item.span
    open_at = span.start - len(span.open_mark)
    words = quote_words(item)
    titled = (
        len(words) >= 2
        and _title_cased_quote(item, ctx.pat.title_small_words)
        and not _STOP_RE.search(item.text.rstrip(".!?"))
    )
    if item.attributed and not titled:
        return "quote"  # a term marker before it changes nothing
    marked = term_marked(ctx, open_at)
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
        if in_sentence is None:
            in_sentence = speech_in_sentence(ctx, item)
        after = ctx.body[span.end + 1 : span.end + 3] if span.close_mark else ""
        modifier = bool(_LOWER_AFTER_RE.match(after))
        compound = len(words) == 1 and ("-" in words[0] or words[0][:1].isupper())
        if modifier and (compound or not in_sentence):
            return "term"  # used as a modifier: "two-plus-two" talks
        if not (paragraph_speech or in_sentence):
            return "term"
    return "quote"


def term_marked(ctx: QuoteContext, open_at: int) -> bool:
    """Whether a term marker ends the text right before an opening mark: 'so-called “…”',
    'a plan titled “…”'. A marker ends with one of the characters `term_last` holds, so a
    text whose last visible character is none of them ("said “…”") is passed over without
    running `term`, which tries its alternation at every character."""
    head = ctx.body[max(0, open_at - 25) : open_at]
    last = ctx.pat.term_last
    if last is not None:
        core = head.rstrip()
        if not core or not last.match(core, len(core) - 1):
            return False
    return bool(ctx.pat.term.search(head))


def speech_in_sentence(ctx: QuoteContext, item: QuoteItem) -> bool:
    """Whether a reporting verb stands in the quote's sentence outside it ("Ito called the
    talks “candid”" has none; "“Candid,” Ito said" has one)."""
    sent = ctx.sentence_at(item.span.start)
    if sent is None:
        return False
    text = ctx.body[sent.start : sent.end]
    a, b = item.span.start - sent.start, item.span.end - sent.start
    return bool(ctx.pat.verbs.search(text[: max(a, 0)]) or ctx.pat.verbs.search(text[b:]))
