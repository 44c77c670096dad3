"""Quotations set off as paragraphs, with no marks: official releases print a statement as
plain paragraphs after a line that ends `The Foreign Secretary said:`.

The first paragraph after such a line is that person's quote; a further one only while it
speaks in the first person and does not name the speaker in the third person, so the narrative
that resumes ("The Foreign Secretary also met ...") is left out.
"""

from __future__ import annotations

import re

from bot.extract.quotes.context import QuoteContext, QuoteItem
from bot.extract.text import Paragraph, QuoteSpan

_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]ll|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")


def block_quotes(ctx: QuoteContext, marked: set[int]) -> list[QuoteItem]:
    """Paragraphs quoted after a line that ends `The Foreign Secretary said:`.

    Official releases set a statement off as plain paragraphs after such a line. Each
    paragraph is one quote of that person, if it has no quotation marks of its own (a
    paragraph in `marked` holds some). The first paragraph after the line always counts; a
    further one only while it speaks in the first person ("I", "we", "our") and does not
    name the speaker in the third person, so the narrative that resumes ("The Foreign
    Secretary also met ...") is left out. An unnamed speaker ("A spokesperson said:")
    gives no quotes: the statement is a third-person readout, not someone's words.
    """
    out: list[QuoteItem] = []
    paras = ctx.paragraphs
    for k, para in enumerate(paras[:-1]):
        if not para.sentences or para.number in marked:
            continue
        last = para.sentences[-1]
        m = _intro(ctx, last.text)
        if m is None:
            continue
        who = ctx.person_in(last.start + m.start("subj"), last.start + m.end("subj") + 1)
        if who is None or who.in_quote:
            continue
        for n, nxt in enumerate(paras[k + 1 :]):
            if (
                nxt.number in marked
                or not nxt.sentences
                or nxt.heading
                or _intro(ctx, nxt.sentences[-1].text)
            ):
                break
            if n > 0 and not first_person_without(ctx, nxt, who.person):
                break
            out.append(paragraph_item(ctx, nxt, ctx.speaker(who)))
    return out


def _intro(ctx: QuoteContext, text: str) -> re.Match[str] | None:
    """A sentence that ends `X said:` before a block quotation, or None.

    The pattern can only match a sentence whose last visible character is the colon, so any
    other sentence is passed over without running it (its lazy subject scan tries every
    start, which made this the costliest pattern of the quotation reader).
    """
    if not text.rstrip().endswith(":"):
        return None
    return ctx.pat.intro.search(text)


def first_person_without(ctx: QuoteContext, para: Paragraph, person: int) -> bool:
    """Whether a paragraph speaks as "I"/"we" and never names `person` by name or title."""
    if not _FIRST_PERSON_RE.search(para.text):
        return False
    end = para.start + len(para.text)
    return not any(
        m.person == person and m.kind != "pronoun"
        for m in ctx.register.mention_spans(para.start, end)
    )


def paragraph_item(ctx: QuoteContext, para: Paragraph, speaker: str) -> QuoteItem:
    """A whole paragraph as one quote of `speaker`, its span the paragraph's text."""
    text = para.text.strip()
    start = para.start + len(para.text) - len(para.text.lstrip())
    span = QuoteSpan(text, start, start + len(text), "", "")
    return QuoteItem(span, para, text, speaker=speaker, attributed=True)
