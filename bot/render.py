"""Answers → plain text (console) or embed pages (Discord), always within Discord's limits.

The pages are plain data (EmbedPage); bot.discord_app turns each into a discord.Embed, so this
module, like the rest of the core, never imports discord. Limits are enforced here for every
answer, whatever the seeds hold: a page is cut before it can be refused by Discord.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers import Answer, Line, remember
from bot.errors import UserError
from bot.models import Source

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
MESSAGE_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000

# Our own budgets, below the limits, so pages stay readable and the sum stays under 6000.
DESCRIPTION_BUDGET = 3600
FOOTER_BUDGET = 1500
LINE_BUDGET = 900
SOURCE_BUDGET = 400

COLOURS = {
    "people": 0x2B6CB0,
    "who": 0x2C7A7B,
    "quotes": 0x805AD5,
    "commitments": 0x2F855A,
    "topics": 0x38A169,
    "timeline": 0xD69E2E,
    "search": 0x718096,
    "sources": 0x4A5568,
    "brief": 0x3182CE,
    "help": 0x4299E1,
    "reload": 0xDD6B20,
    "error": 0xE53E3E,
}

_MENTION_RE = re.compile(r"@(everyone|here|[!&]?\d+>)", re.IGNORECASE)
_ZWSP = "\u200b"


@dataclass(frozen=True, slots=True)
class EmbedPage:
    """One page of an answer: what a discord.Embed needs, already within the limits."""

    title: str
    description: str
    footer: str
    colour: int

    @property
    def total(self) -> int:
        return len(self.title) + len(self.description) + len(self.footer)


def defuse(text: str) -> str:
    """No mention can ping: '@everyone' and '@Here' → '@\u200beveryone', '@\u200bHere';
    '<@123>' → '<@\u200b123>'."""
    return _MENTION_RE.sub(lambda m: "@" + _ZWSP + m.group(1), text)


def clip(text: str, limit: int) -> str:
    """Cut to `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


MAX_ALSO = 2  # merged sources quoted under a line; more are cited by number only


_last_numbers: list[tuple[Answer, dict[str, int]]] = []


def _numbers(answer: Answer) -> dict[str, int]:
    """Document id → citation number for the answer being rendered, worked out once per answer
    (a long answer cites hundreds of documents on hundreds of lines)."""
    if not _last_numbers or _last_numbers[0][0] is not answer:
        table = {d.id: d.number or i for i, d in reversed(list(enumerate(answer.documents, 1)))}
        _last_numbers[:] = [(answer, table)]
    return _last_numbers[0][1]


def _cite_source(answer: Answer, source: Source) -> str:
    """'[3 ¶8]': the document's fixed number and the paragraph; the id if it is not numbered."""
    n = _numbers(answer).get(source.doc_id)
    return f"[{n} ¶{source.paragraph}]" if n else f"[{source.doc_id} ¶{source.paragraph}]"


def _cite(answer: Answer, line: Line) -> str:
    if not line.source:
        return ""
    return " ".join(_cite_source(answer, s) for s in (line.source, *line.also[MAX_ALSO:]))


def _also_block(answer: Answer, line: Line, markdown: bool, shown: set) -> str:
    """The sentences of copies merged into the line, each under it with its citation."""
    out = []
    for s in line.also[:MAX_ALSO]:
        if s in shown:
            out.append(f"{'> ' if markdown else '      ↳ '}(also {_cite_source(answer, s)})")
            continue
        shown.add(s)
        sentence = clip(s.sentence, SOURCE_BUDGET)
        lead = "> " if markdown else "      ↳ "
        out.append(f"{lead}{sentence} {_cite_source(answer, s)}")
    return "".join("\n" + x for x in out)


def _line_block(answer: Answer, line: Line, markdown: bool, shown: set) -> str:
    """A fact line with its citation; the source sentence under it the first time it is cited.

    `shown` collects the sources already quoted (per answer in text, per page in embeds), so a
    list read from one sentence does not repeat that sentence under every name.
    """
    text = clip(line.text, LINE_BUDGET)
    cite = _cite(answer, line)
    if not markdown:
        text = text.replace("**", "").replace("`", "").replace("\n", "\n    ")
    bullet = "• " if markdown else "  • "
    also = _also_block(answer, line, markdown, shown)
    if line.source and line.quote_source and line.source not in shown:
        shown.add(line.source)
        sentence = clip(line.source.sentence, SOURCE_BUDGET)
        if markdown:
            return f"{bullet}{text}\n> {sentence} {cite}{also}"
        return f"{bullet}{text}\n      ↳ {sentence} {cite}{also}"
    return (f"{bullet}{text} {cite}" if cite else f"{bullet}{text}") + also


def _sources_line(answer: Answer) -> str:
    parts = []
    for i, d in enumerate(answer.documents, 1):
        date = f" ({d.date})" if d.date else ""
        parts.append(f"[{d.number or i}] {d.title}{date}")
    return "Sources: " + "; ".join(parts) if parts else ""


def render_text(answer: Answer) -> str:
    """The whole answer for a terminal: no paging, no markdown."""
    out = [answer.title, "=" * min(len(answer.title), 70)]
    if answer.intro:
        out.append(answer.intro.replace("**", "").replace("`", ""))
    shown: set = set()
    for section in answer.sections:
        out.append("")
        out.append(section.heading)
        out.extend(_line_block(answer, line, False, shown) for line in section.lines)
    if answer.documents:
        out.append("")
        out.append(_sources_line(answer))
    if answer.footer:
        out.append(answer.footer)
    return "\n".join(out)


#: The pages of the last few answers rendered, by (answer, lines per page): an answer asked
#: again is the same object (bot.briefing keeps a generation's answers), and its pages too.
_PAGES: dict[tuple[int, int], tuple[Answer, tuple[EmbedPage, ...]]] = {}
_KEEP_PAGES = 8


def render_pages(answer: Answer, lines_per_page: int = 8) -> list[EmbedPage]:
    """The answer as embed pages: at most `lines_per_page` facts and the size budgets a page."""
    key = (id(answer), lines_per_page)
    found = _PAGES.get(key)
    if found is not None and found[0] is answer:
        return list(found[1])
    pages = _render_pages(answer, lines_per_page)
    remember(_PAGES, key, (answer, tuple(pages)), _KEEP_PAGES)
    return pages


def _render_pages(answer: Answer, lines_per_page: int) -> list[EmbedPage]:
    title = clip(defuse(answer.title), TITLE_LIMIT)
    colour = COLOURS.get(answer.kind, 0x4A5568)
    intro = clip(defuse(answer.intro), 1000) if answer.intro else ""
    chunks: list[list[str]] = [[]]
    sizes = [len(intro)]
    counts = [0]
    shown: set = set()
    for section in answer.sections:
        heading = f"**{clip(defuse(section.heading), 200)}**"
        first_of_section = True
        for line in section.lines:
            block = defuse(_line_block(answer, line, True, shown))
            parts = [heading, block] if first_of_section else [block]
            size = sum(len(p) + 1 for p in parts)
            if counts[-1] >= lines_per_page or sizes[-1] + size > DESCRIPTION_BUDGET:
                chunks.append([])
                sizes.append(0)
                counts.append(0)
                shown = set()  # a new page quotes its sources afresh
                block = defuse(_line_block(answer, line, True, shown))
                parts = [heading + " (cont.)" if not first_of_section else heading, block]
                size = sum(len(p) + 1 for p in parts)
            chunks[-1].extend(parts)
            sizes[-1] += size
            counts[-1] += 1
            first_of_section = False
    sources = clip(defuse(_sources_line(answer)), FOOTER_BUDGET - 40)
    pages = []
    total = len(chunks)
    for i, chunk in enumerate(chunks):
        body = "\n".join(chunk)
        if i == 0 and intro:
            body = intro + ("\n\n" + body if body else "")
        body = clip(body or "(nothing to show)", DESCRIPTION_LIMIT)
        footer = sources
        if total > 1:
            footer = (footer + " · " if footer else "") + f"page {i + 1}/{total}"
        if answer.footer:
            footer = (footer + "\n" if footer else "") + defuse(answer.footer)
        footer = clip(footer, FOOTER_BUDGET)
        pages.append(EmbedPage(title, body, footer, colour))
    return pages


def render_text_pages(answer: Answer, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Plain messages of at most `limit` characters (for channels where embeds are off)."""
    return split_message(defuse(render_text(answer)), limit)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at line breaks where possible; a single over-long line is cut."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = clip(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            out.append(current)
            current = line
        else:
            current = candidate
    if current or not out:
        out.append(current or "…")
    return out


def render_error(error: UserError, prefix: str = "!") -> str:
    """A user mistake as a short friendly message: what went wrong, usage, did you mean."""
    parts = [clip(error.message, 500)]
    if error.suggestions:
        parts.append(
            "Did you mean: " + ", ".join(f"**{clip(s, 80)}**" for s in error.suggestions) + "?"
        )
    if error.details:
        listing = ", ".join(clip(d, 80) for d in error.details[:30])
        more = f" … (+{len(error.details) - 30})" if len(error.details) > 30 else ""
        parts.append(f"Try one of: {listing}{more}")
    if error.usage:
        usage = error.usage if error.usage.startswith(prefix) else f"{prefix}{error.usage}"
        parts.append(f"Usage: `{clip(usage, 200)}`")
    return clip(defuse("\n".join(parts)), MESSAGE_LIMIT)


def render_error_text(error: UserError, prefix: str = "!") -> str:
    """The same message for a terminal, without markdown."""
    return render_error(error, prefix).replace("**", "").replace("`", "").replace(_ZWSP, "")
