"""Quotations that carry on someone's words without naming them again.

News reports run a speaker's words over sentences and paragraphs:

    “We will not wait,” Paz said. “The plan is ready.”      <- the second quote is Paz's
    “The plan is ready.” “We will not wait,” Paz said.      <- so is the first, here
    “We will not wait,” Paz said.
    “The plan is ready.”                                    <- a paragraph opening with a
                                                               quotation continues the last one

A quotation with no attribution of its own takes the speaker of the quotation it continues:
the last attributed one before it in its paragraph, else the next attributed one in its
paragraph, else (when the paragraph opens with it) the last quotation of the paragraph before.
It does so only where the first reading agreed that the two belong together (it gave both the
same speaker) or found none, so a paragraph the first reading gave to someone else stays theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.text import Paragraph, QuoteSpan


@dataclass(frozen=True)
class Located:
    """A quotation (its index in the quote list) with its span and paragraph."""

    index: int
    span: QuoteSpan
    paragraph: Paragraph


def _opens_paragraph(loc: Located) -> bool:
    """Whether nothing but space stands between the paragraph's start and the opening mark."""
    para = loc.paragraph
    open_at = loc.span.start - len(loc.span.open_mark)
    return not para.text[: max(0, open_at - para.start)].strip()


def _anchor(located: list[Located], k: int, cued: set[int]) -> Located | None:
    """The quotation that quotation k continues, or None."""
    loc = located[k]
    para = loc.paragraph.number
    for j in range(k - 1, -1, -1):
        prev = located[j]
        if prev.paragraph.number != para:
            break
        if prev.index in cued:
            return prev
    for j in range(k + 1, len(located)):
        nxt = located[j]
        if nxt.paragraph.number != para:
            break
        if nxt.index in cued:
            return nxt
    if k > 0 and _opens_paragraph(loc):
        prev = located[k - 1]
        if prev.paragraph.number in (para - 1, para) or prev.span.close_mark is None:
            return prev
    return None


def continue_speakers(
    located: list[Located],
    first: list[str | None],
    speakers: list[str | None],
    cued: set[int],
) -> list[str | None]:
    """The speakers with every unattributed quotation following the one it continues.

    `first` holds the first reading's speakers, `speakers` this pass's, `cued` the quotations
    (indexes) that have an attribution of their own.
    """
    out = list(speakers)
    order = sorted(range(len(located)), key=lambda k: located[k].span.start)
    ordered = [located[k] for k in order]
    for k, loc in enumerate(ordered):
        if loc.index in cued:
            continue
        anchor = _anchor(ordered, k, cued)
        if anchor is None or out[anchor.index] is None:
            continue
        if first[loc.index] is None or first[loc.index] == first[anchor.index]:
            out[loc.index] = out[anchor.index]
    return out


__all__ = ["Located", "continue_speakers"]
