"""Step 1 of reading a quotation: an attribution right next to its marks.

`“…,” said X` and `“…,” X said` after the closing mark; `X said: “…”`, `X said that “…”` and
`according to X, “…”` before the opening one; a credit line under a block quotation ("Ana Paz,
Minister of Finance"). X is looked up in the people register, so a surname, a title ("said the
Chancellor") or a pronoun ("he said") all name one person. An unnamed or institutional
subject gives its name ("the Pentagon said" is Pentagon, "an official said" no one), and a
document as the subject ("the statement said") speaks for whoever the text says issued it.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.linear import at_most_words
from bot.extract.quotes.context import QuoteContext, QuoteItem
from bot.extract.quotes.issuers import document_authors

#: The patterns the steps below run, compiled once.
_SENTENCE_END_RE = re.compile(r"[.!?]$")
_STOP_AHEAD_RE = re.compile(r"\s*[.!?]")
_CLAUSE_END_RE = re.compile(r"\s*(?:[.!?,;]|$)")
_OPENS_QUOTE_RE = re.compile(r"\s*[,:]?\s*[“\"]")
_SENTENCE_DONE_RE = re.compile(r"\s*(?:[.!?;]|$)")
#: The most words a credit line under a block quotation holds ("Ana Paz, Minister of Finance").
CREDIT_WORDS = 30
_UP_TO_COMMA_RE = re.compile(r"^.*,\s*")
_LETTER_RE = re.compile(r"[^\W\d_]")


def attribution_after(ctx: QuoteContext, item: QuoteItem) -> tuple[bool, str | None]:
    """(found, speaker) from right after the closing mark: `“…,” said Ito` or `“…,” Ito said`.

    When the quote closed its sentence only a short attribution that ends there counts
    (`“…?” Smith asked.`), not a new sentence that holds a verb ("The ministry said ...").
    """
    span = item.span
    if span.close_mark is None:
        return False, None
    close = span.end + 1
    para_end = item.paragraph.start + len(item.paragraph.text)
    rest = ctx.body[close : min(para_end, close + 160)]
    m = ctx.pat.after_inverted.match(rest)
    if m:
        who = ctx.person_in(close + m.end(), close + m.end() + 60)
        if who is not None and who.start <= close + m.end() + 40:
            return True, ctx.speaker(who)
        return True, org_speaker(ctx, rest[m.end() :], span.start)
    m = ctx.pat.after_subject.match(rest)
    # When the quote closed its sentence, only `“…?” Smith asked.` attributes it, not a new
    # sentence that happens to hold a verb ("The ministry said in a statement that ...").
    closed = _SENTENCE_END_RE.search(span.text.rstrip()) or _STOP_AHEAD_RE.match(rest)
    if (
        m
        and closed
        and (not _CLAUSE_END_RE.match(rest[m.end() :]) or len(m.group("subj").split()) > 4)
        and not _named_speaker_closing(ctx, m, close, rest)
    ):
        m = None
    if m and _holds_quote(ctx, item, close + m.start("subj"), close + m.end("subj")):
        m = None  # "'very good' and held in a 'free' manner, said X": no subject before
    if m and len(m.group("subj").split()) <= 8:
        a, b = close + m.start("subj"), close + m.end("subj")
        said = ctx.who(a, b - 1)
        if said is not None:
            return True, said
        if m.group("subj").rstrip().endswith(","):
            return False, None  # "… manner, said X": the speaker stands after the verb
        return True, org_speaker(ctx, m.group("subj"), span.start)
    return False, None


#: After the verb of a closing attribution, a short time or place phrase and the full stop:
#: "“…” Foreign Minister Ana Paz said after the meeting."
_CLOSING_TAIL_RE = re.compile(
    r"\s+(?:on|in|at|after|before|during|following|outside|to|from|with)\b"
    r"(?:(?!\b(?:that|who|which|and|but)\b)[^.!?,;\n“”\"]){0,40}[.!?]"
)


def _named_speaker_closing(ctx: QuoteContext, m: re.Match[str], close: int, rest: str) -> bool:
    """Whether an attribution after a quote that closed its sentence is a sentence of its own
    naming a known person: `“…” Foreign Minister Ana Paz said after the meeting.` The subject
    resolves to someone the text names, and only a short time or place phrase follows the verb,
    so it is no new statement ("The ministry said in a statement that ...")."""
    tail = rest[m.end() :]
    if "\n" in rest[: m.start("subj")] or _OPENS_QUOTE_RE.match(tail):
        return False  # a new line, or a verb that opens the next quotation ("added, “…")
    if not (_SENTENCE_DONE_RE.match(tail) or _CLOSING_TAIL_RE.match(tail)):
        return False
    a, b = close + m.start("subj"), close + m.end("subj")
    return ctx.who(a, b - 1) is not None


def _holds_quote(ctx: QuoteContext, item: QuoteItem, a: int, b: int) -> bool:
    """Whether another quotation of the paragraph opens between body offsets a and b (one
    bisection over the paragraph's quotation starts, which are in text order)."""
    starts = ctx.quote_starts(item.paragraph.number)
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def attribution_before(ctx: QuoteContext, item: QuoteItem) -> tuple[bool, str | None]:
    """(found, speaker) from right before the opening mark, within its sentence: `Ito said:
    “…”`, `according to the ministry, “…”`, `the statement said, “…”`."""
    span = item.span
    open_at = span.start - len(span.open_mark)
    sent = ctx.sentence_at(open_at)
    lo = max(item.paragraph.start, open_at - 200, sent.start if sent else 0)
    head = ctx.body[lo:open_at]
    for pattern, search in (
        (ctx.pat.before, ctx.pat.before_search.search),
        (ctx.pat.source, ctx.pat.source.search),
    ):
        m = search(head)
        if m:
            a, b = lo + m.start("subj"), lo + m.end("subj")
            said = ctx.who(a, b)
            if said is not None:
                return True, said
            if pattern is ctx.pat.source:
                return True, org_speaker(ctx, m.group("subj"), span.start)
            subj = _UP_TO_COMMA_RE.sub("", m.group("subj").strip())
            if ctx.pat.doc_subject.match(subj) or subj.casefold() == "it":
                # "Adding more, the statement said, “…”"
                return True, org_speaker(ctx, subj, span.start)
    return False, None


def credit_line(ctx: QuoteContext, item: QuoteItem, same_paragraph: list[QuoteItem]) -> str | None:
    """The person a credit line under a block quotation names.

    Official pages set a statement off as a paragraph of quotation only, with the speaker
    on the next line and no verb: "Ana Paz, Minister of Finance". The line must be short,
    hold no quotation or reporting verb, and open with the person's name.
    """
    para = item.paragraph
    if para.number >= len(ctx.paragraphs):
        return None
    if _LETTER_RE.search(ctx.outside_quotes(para, same_paragraph)):
        return None
    nxt = ctx.paragraphs[para.number]
    text = nxt.text.strip()
    if (
        len(nxt.sentences) != 1
        or not at_most_words(text, CREDIT_WORDS)
        or _SENTENCE_END_RE.search(text)
        or any(c in text for c in '“”"')
        or ctx.pat.verbs.search(text)
    ):
        return None
    lead = nxt.start + len(nxt.text) - len(nxt.text.lstrip(" \t\n—–-"))
    who = ctx.person_in(nxt.start, nxt.start + len(nxt.text))
    if who is None or who.kind != "name" or who.start != lead:
        return None
    return ctx.speaker(who)


def org_speaker(ctx: QuoteContext, text: str, position: int = -1) -> str | None:
    """An unnamed or institutional speaker: "the Pentagon said" → Pentagon; "an official" → None.

    A document as the subject ("the statement said") speaks for its authors (see
    issuers.document_authors); `position` is where the attribution stands.
    """
    doc = ctx.pat.doc_subject.match(text.strip())
    if doc is not None and position >= 0:
        return document_authors(ctx, doc.group("noun"), position)
    if text.strip().casefold() == "it" and position >= 0:
        # "It said, “…”" right after a sentence about a statement: the statement
        k = bisect.bisect_right(ctx.starts, position) - 1
        if k > 0 and ctx.pat.doc_noun.search(ctx.plain(ctx.sentences[k - 1])):
            return document_authors(ctx, None, ctx.sentences[k - 1].end, True)
        return None
    words = text.strip().split()
    while words and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    out = []
    for w in words:
        if not w[:1].isupper():
            break
        out.append(w.strip(",.;:"))
    return " ".join(out) or None
