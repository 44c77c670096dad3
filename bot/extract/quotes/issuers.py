"""Quotes of a document: words a text quotes from a statement, communique or declaration are
spoken by whoever issued it.

The issuer is read where the text names the document: before or after the noun ("the IEA
communique", "the White House released a statement", "a statement from Japan and India"),
else the people that sentence names ("The joint statement said Ito and Paz agreed ...").
Several people give one speaker with the document's kind: "Ana Paz and Hiro Ito (joint
statement)". A body gives its name; a pronoun ("It released a statement") gives none.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.quotes.context import QuoteContext, QuoteItem
from bot.extract.text import Sentence

#: How many sentences back "the statement said" looks for where the statement was named.
DOCUMENT_REACH = 12


def document_body(ctx: QuoteContext, item: QuoteItem) -> str | None:
    """The body whose document a quote follows: "the 2022 International Energy Agency
    Communique to “…”" gives "International Energy Agency"."""
    open_at = item.span.start - len(item.span.open_mark)
    head = ctx.body[max(item.paragraph.start, open_at - 160) : open_at]
    # most quotes follow no document noun: a search near the end rules the whole one out
    if not ctx.pat.document_end.search(head, max(0, len(head) - ctx.pat.document_reach)):
        return None
    m = ctx.pat.document.search(head)
    if not m or len(m.group("tail").split()) > 4:
        return None
    org = m.group("org").strip()
    return org or None


def document_authors(
    ctx: QuoteContext, noun: str | None, position: int, whole_first: bool = False
) -> str | None:
    """Who speaks through "the statement" (or communique, declaration ...) quoted at
    `position`: the authors named where the text speaks of that document.

    Sentences are read back from the quote's own (up to `position`, or all of it with
    `whole_first`), skipping quoted words, for the same kind of document (any kind when
    `noun` is None). The first that tells who issued it decides: an issuer before or after
    the noun ("the IEA communique", "the White House released a statement", "a statement
    from Japan and India", "Ito and Paz approved the statement"), else the people the
    sentence names ("The joint statement said Ito and Paz agreed ..."). Two or more give
    one speaker for them all, "A and B (joint statement)"; a body gives its name.
    """
    head = noun.split()[-1].casefold() if noun else None
    k = bisect.bisect_right(ctx.starts, position) - 1
    for back in range(DOCUMENT_REACH):
        if k - back < 0:
            break
        sent = ctx.sentences[k - back]
        end = position if back == 0 and not whole_first else sent.end
        text = ctx.plain(sent)[: max(0, end - sent.start)]
        hits = [
            m
            for m in ctx.pat.doc_noun.finditer(text)
            if head is None or m.group("noun").split()[-1].casefold() == head
        ]
        if not hits:
            continue
        label = " ".join(hits[-1].group("noun").casefold().split())
        found = issuer(ctx, sent, text, label)
        if found is not None:
            return found
        if back == 0 and not whole_first:
            continue  # the attribution's own sentence: its people are not the authors
        people = ctx.people_in(sent.start, sent.start + len(text))
        if people:
            return ctx.authors(people, label)
    return None


def issuer(ctx: QuoteContext, sent: Sentence, text: str, label: str) -> str | None:
    """The issuer a sentence names for the document it mentions, or None: "a statement released
    by the White House" and "the White House released a statement" give "White House"; named
    people give their ids ("Ito and Paz approved the statement")."""
    for pattern in (ctx.pat.issued_by, ctx.pat.issued, ctx.pat.owner):
        for m in pattern.finditer(text):
            a, b = sent.start + m.start("org"), sent.start + m.end("org")
            people = ctx.people_in(a, b)
            if people:
                return ctx.authors(people, label)
            org = re.sub(r"^(?:[Tt]he)\s+", "", m.group("org").strip())
            if org.endswith(".") and "." not in org.split()[-1][:-1]:
                org = org[:-1]  # the sentence's full stop, not "U.S."
            if org.split()[0] not in ctx.pat.non_issuers:
                return org
    return None


def document_quote(ctx: QuoteContext, item: QuoteItem) -> str | None:
    """A quote whose own sentence names a document ("In the statement the leaders agreed
    “to ...”", "“...,” according to a statement from the ministry") quotes it."""
    sent = ctx.sentence_at(item.span.start)
    if sent is None or not ctx.pat.doc_noun.search(ctx.plain(sent)):
        return None
    return document_authors(ctx, None, sent.start, whole_first=True)
