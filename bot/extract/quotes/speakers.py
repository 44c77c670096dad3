"""Step 3 of reading a quotation: speakers for quotes with no attribution next to the marks.

In order: a quote running over paragraphs keeps the speaker of its attributed part; words
quoted from a document go to the body that issued it (issuers.py); a partial quote takes the
subject of the sentence's reporting verb ("Reyes emphasized ..., saying it includes “…”"); a
quoted subheading goes to the quote that repeats its words; the rest continue the paragraph's
current speaker (`“A,” he said. “B.”`), or the previous paragraph's when the paragraph names no
one else (news reports run a statement over paragraphs).
"""

from __future__ import annotations

import re

from bot.extract.linear import at_most_words
from bot.extract.quotes.attribution import org_speaker
from bot.extract.quotes.context import QuoteContext, QuoteItem
from bot.extract.quotes.issuers import document_body, document_quote
from bot.extract.quotes.kinds import WORD_RE
from bot.extract.text import Paragraph

#: A quote alone on a line of at most this many words may be a pull quote (a subheading).
PULL_QUOTE_WORDS = 16
#: An institution as the subject of a verb: "the Ministry of Foreign Affairs said", "the
#: Foreign, Commonwealth and Development Office said".
_BODY_BEFORE_RE = re.compile(
    r"\b[Tt]he\s+(?P<body>[A-Z][\w'’.-]*(?:,?\s+(?:of|for|and|on|the|[A-Z][\w'’.-]*))*)\s*$"
)

#: "It" as the subject right before a reporting verb: "It (also) said".
_IT_BEFORE_RE = re.compile(r"(?:^|[\s,;])[Ii]t\s+(?:[a-z]+ly\s+|also\s+)?$")


#: A letter; a quotation that ends a sentence.
_LETTER_RE = re.compile(r"[^\W\d_]")
_ENDS_SENTENCE_RE = re.compile(r"[.!?]\W*$")


def _norm(text: str) -> str:
    """Words only, folded: for finding one quote's words inside another."""
    return " ".join(WORD_RE.findall(text.casefold()))


def fill_speakers(ctx: QuoteContext, quotes: list[QuoteItem]) -> None:
    """Give every quote without an attribution next to its marks its speaker (see above)."""
    ctx.reporter_cache = {}
    ctx.by_paragraph = {}
    for it in quotes:
        ctx.by_paragraph.setdefault(it.paragraph.number, []).append(it)
    # A quote running over paragraphs has one speaker, wherever its attribution stands.
    said: dict[int, str | None] = {}
    for it in quotes:
        if it.attributed and it.chain not in said:
            said[it.chain] = it.speaker
    for k, it in enumerate(quotes):
        if it.attributed:
            continue
        if it.chain in said:
            it.speaker = said[it.chain]
            continue
        body = document_body(ctx, it)
        if body:
            it.speaker = body
            continue
        reported, who = reported_speaker(ctx, it)
        if reported:
            it.speaker, it.attributed = who, True
            continue
        authors = document_quote(ctx, it)
        if authors is not None:
            it.speaker = authors
            continue
        if set_off(ctx, it):
            pulled = pull_quote_speaker(ctx, it, quotes, k)
            if pulled is not None:
                it.speaker = pulled
                continue
        it.speaker = subject_speaker(ctx, it) or continued_speaker(ctx, quotes, k)
    by_chain: dict[int, str] = {}
    for it in quotes:
        if it.speaker and it.chain not in by_chain:
            by_chain[it.chain] = it.speaker
    for it in quotes:
        if not it.speaker and not it.attributed:
            it.speaker = by_chain.get(it.chain)
    # `“A.” “B,” he said.`: an unattributed quote takes the next attributed one's speaker.
    for items in ctx.by_paragraph.values():
        following: QuoteItem | None = None
        for it in reversed(items):
            if it.speaker is None and not it.attributed and following is not None:
                it.speaker = following.speaker
            if it.attributed:
                following = it


def continued_speaker(ctx: QuoteContext, quotes: list[QuoteItem], k: int) -> str | None:
    """The speaker an unattributed quote continues: the paragraph's current speaker.

    Within a paragraph that is whoever spoke last before the quote: the previous quote's
    speaker (`“A,” she said. “B.”`) or the person a later reporting verb names ("Rao called
    for a delay. The draft has “too little ...”"). A paragraph where no one has spoken yet
    continues the paragraph before it (its last quote's speaker, or the person its
    reporting verb gives) when it opens with the quote or names no one else: news
    reports run a statement on over paragraphs. A paragraph about someone else gives none.
    """
    it = quotes[k]
    para = it.paragraph
    open_at = it.span.start - len(it.span.open_mark)
    prev = quotes[k - 1] if k > 0 else None
    here = [r for r in reporters(ctx, para) if r[0] < open_at]
    if prev is not None and prev.paragraph is para:
        if here and here[-1][0] > prev.span.end:
            return here[-1][1]
        return prev.speaker
    if here:
        return here[-1][1]
    end = para.start + len(para.text)
    named = [m for m in ctx.register.mention_spans(para.start, end) if not m.in_quote]
    others = {ctx.speaker(m) for m in named if m.kind != "pronoun"}
    carried: str | None = None
    if para.number >= 2:
        before = ctx.paragraphs[para.number - 2]
        if prev is not None and prev.paragraph is before and prev.speaker:
            carried = prev.speaker
        else:
            said = reporters(ctx, before)
            carried = said[-1][1] if said else None
    outside = ctx.outside_quotes(para, ctx.by_paragraph[para.number])
    opens = not _LETTER_RE.search(outside[: open_at - para.start])
    if carried is not None and (opens or not others) and others <= {carried}:
        return carried
    # The paragraph is about someone else: its only person before the quote
    subjects = {ctx.speaker(m) for m in named if m.start < open_at}
    return subjects.pop() if len(subjects) == 1 else None


def set_off(ctx: QuoteContext, item: QuoteItem) -> bool:
    """Whether a quote stands alone as a one-line paragraph of at most PULL_QUOTE_WORDS words
    (`“We need a good law”` over a section): a pull quote or subheading, not new speech."""
    para = item.paragraph
    text = para.text.strip()
    return (
        "\n" not in text
        and at_most_words(text, PULL_QUOTE_WORDS)
        and not _LETTER_RE.search(ctx.outside_quotes(para, [item]))
    )


def pull_quote_speaker(
    ctx: QuoteContext, item: QuoteItem, quotes: list[QuoteItem], k: int
) -> str | None:
    """The speaker of a quote set off as its own line.

    A subheading quotes words said later in its section ("“We need a good law”" over a
    paragraph where Holm says "... because we need a good law"): the attributed quote that
    repeats its words names the speaker. A subheading with no closing full stop that
    repeats nothing looks ahead, to the first attributed quote of its section, since it
    introduces what follows.
    """
    key = _norm(item.text)
    if len(key.split()) >= 2:
        for other in quotes:
            if (
                other is not item
                and other.attributed
                and other.speaker
                and key in _norm(other.text)
            ):
                return other.speaker
    if _ENDS_SENTENCE_RE.search(item.text):
        return None
    for other in quotes[k + 1 :]:
        if set_off(ctx, other) or other.paragraph.heading:
            break
        if other.attributed and other.speaker:
            return other.speaker
    return None


def reported_speaker(ctx: QuoteContext, item: QuoteItem) -> tuple[bool, str | None]:
    """The subject of the last reporting verb before a partial quote in its sentence.

    (True, None) when the sentence reports speech by someone unnamed ("a spokesperson
    described the talks as “candid”"): the quote then continues no one.
    """
    sent = ctx.sentence_at(item.span.start)
    if sent is None:
        return False, None
    open_at = item.span.start - len(item.span.open_mark)
    text = ctx.body[sent.start : open_at]
    verbs = list(ctx.pat.verbs.finditer(text))
    for v in reversed(verbs):
        said = ctx.who(sent.start, sent.start + v.start() - 1)
        if said is not None:
            return True, said
    if not verbs:
        closing = _closing_speaker(ctx, item.span.end, sent.end)
        return (True, closing) if closing is not None else (False, None)
    before = text[: verbs[-1].start()]
    if _IT_BEFORE_RE.search(before):
        # "Japan and Chile issued a joint statement. It said the two would “…”": the issuer
        return True, org_speaker(ctx, "it", item.span.start)
    # "the Chinese Ministry of Foreign Affairs said the talks were “…”"
    m = _BODY_BEFORE_RE.search(before)
    return True, (m.group("body") if m else None)


#: A sentence that ends in an inverted attribution: "…, said foreign secretary Ana Paz."
_CLOSING_INVERTED_RE = re.compile(
    r",\s+(?P<verb>[a-z]+)\s+(?P<subj>[^,;:“”\"]{2,80}?)\s*[.!?]?\s*$"
)


def _closing_speaker(ctx: QuoteContext, quote_end: int, sent_end: int) -> str | None:
    """The person an inverted attribution at the end of the quote's sentence names: in "The
    talks were 'very good' and held in a 'free and frank' manner, said foreign secretary Ana
    Paz." both quotes are Paz's. Only a reporting verb, and only a person the text knows."""
    # the attribution is short and ends the sentence: only its last 120 characters are read
    m = _CLOSING_INVERTED_RE.search(ctx.body, max(quote_end, sent_end - 120), sent_end)
    if m is None or not ctx.pat.verbs.fullmatch(m.group("verb")):
        return None
    who = ctx.person_in(m.start("subj"), m.end("subj") + 1)
    return ctx.speaker(who) if who is not None and not who.in_quote else None


def subject_speaker(ctx: QuoteContext, item: QuoteItem) -> str | None:
    """The first person named in the quote's sentence before it ("He called it “…”").

    Not a subject whose predicate is the quote: in `Ana Paz “rejected the plan outright.”` the
    quoted words are about Paz, in the words of whoever the text is reporting (the paragraph's
    speaker, or a source "according to" whom), so the quote continues that speaker instead.
    """
    sent = ctx.sentence_at(item.span.start)
    if sent is None:
        return None
    open_at = item.span.start - len(item.span.open_mark)
    cands = [m for m in ctx.register.mention_spans(sent.start, open_at) if not m.in_quote]
    if not cands:
        return None
    if item.text[:1].islower() and not ctx.body[cands[-1].end : open_at].strip():
        return None
    return ctx.speaker(cands[0])


def reporters(ctx: QuoteContext, para: Paragraph) -> list[tuple[int, str]]:
    """(offset, speaker) for each reporting verb of a paragraph outside quotation marks
    whose subject, the person named last before it in its sentence, is known."""
    cached = ctx.reporter_cache.get(para.number)
    if cached is not None:
        return cached
    outside = ctx.outside_quotes(para, ctx.by_paragraph.get(para.number, []))
    out: list[tuple[int, str]] = []
    for sent in para.sentences:
        a = sent.start - para.start
        for v in ctx.pat.verbs.finditer(outside, a, sent.end - para.start):
            who = ctx.person_in(sent.start, para.start + v.start(), last=True)
            if who is not None and not who.in_quote:
                out.append((para.start + v.start(), ctx.speaker(who)))
    ctx.reporter_cache[para.number] = out
    return out
