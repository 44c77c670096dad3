"""A fetched page → the article in it → a seed document (.md with YAML front matter).

trafilatura finds the main text of a web page (dropping menus, footers, comments) and its title,
date and site name; this module turns what it found into the document format of seeds/. Plain
text pages are taken as they are. Parsing is CPU work: callers run `extract_article` off the
event loop (bot.article_process runs it in a process of its own), on a body already bounded by
the size cap.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.errors import UserError
from bot.links import Page
from bot.urls import short

#: An article needs at least this many words; fewer is a menu, a cookie notice or an error page.
MIN_WORDS = 20
TITLE_CHARS = 150  # a plain text's first line longer than this is a paragraph, not a title
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Article:
    """What a page holds, ready to save: `text` is paragraphs separated by blank lines."""

    url: str
    title: str
    text: str
    date: str | None = None
    site: str | None = None


def _decode(page: Page) -> str | None:
    """The page as text when the server named a charset Python knows ("utf-8", not "bogus"),
    else None (trafilatura then reads the charset from the page itself)."""
    if page.charset:
        try:
            return page.body.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return None


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def fallback_title(url: str) -> str:
    """A title from the link when the page has none: `https://a.org/news/x-y` → "a.org/news/x-y"."""
    parts = urlsplit(url)
    return _one_line(f"{parts.hostname or ''}{parts.path.rstrip('/')}") or "untitled page"


def _first_line_title(text: str) -> str | None:
    """A plain text's first line, when it reads as a title: short, and more text follows.

    "Minutes of the Harbour Council\n\nThe council agreed …" → "Minutes of the Harbour Council".
    """
    first, _, rest = text.strip().partition("\n")
    first = _one_line(first)
    return first if first and len(first) <= TITLE_CHARS and rest.strip() else None


def _paragraphs(text: str, title: str) -> str:
    """trafilatura's text has one block (paragraph, heading, list item) per line; seeds/ keeps
    one paragraph per blank-line-separated block. A first line that repeats the title goes."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _plain_paragraphs(text: str, title: str) -> str:
    """A plain text's paragraphs are separated by blank lines; lines wrapped inside one are
    joined. A first paragraph that is the title goes."""
    blocks: list[str] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:  # one pass; a blank line ends a paragraph
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(" ".join(" ".join(current).split()))
            current = []
    if blocks and blocks[0].casefold() == title.casefold():
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def extract_article(page: Page) -> Article:
    """The article in a page; UserError when the page holds no article text.

    Blocking (parses the page): bot.article_process runs it in a process of its own.
    """
    if page.content_type == "text/plain":
        raw = _decode(page) or page.body.decode("utf-8", errors="replace")
        title = _first_line_title(raw) or fallback_title(page.url)
        text, date, site = _plain_paragraphs(raw, title), None, urlsplit(page.url).hostname
    else:
        import trafilatura  # imported here: only `add <url>` pays for loading it

        found = trafilatura.bare_extraction(
            _decode(page) or page.body,
            url=page.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
        if found is None or not found.text:
            raise _no_text(page.url, 0)
        title = _one_line(found.title) or fallback_title(page.url)
        text = _paragraphs(found.text, title)
        date = found.date if found.date and _DATE.match(found.date) else None
        site = _one_line(found.sitename or found.hostname) or None
    words = len(text.split())
    if words < MIN_WORDS:
        raise _no_text(page.url, words)
    return Article(url=page.url, title=title, text=text, date=date, site=site)


def _no_text(url: str, words: int) -> UserError:
    found = f"only {words} words" if words else "nothing"
    return UserError(
        f"No article text found at {short(url)} ({found}; an article needs {MIN_WORDS} words or"
        " more). Pages that build their text with scripts cannot be read."
    )


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML and escapes everything."""
    return json.dumps(value, ensure_ascii=False)


def article_document(article: Article, source: str, added_by: str, added_at: str) -> bytes:
    """The seed file for an article: front matter (title, date, source, site, added_by,
    added_at), then its paragraphs. `source` is the link the admin gave.

    `article_document(Article("https://a.org/x", "Ferries", "Text."), "https://a.org/x",
    "ada (1)", "2024-05-14T10:00:00Z")` starts `---\\ntitle: "Ferries"\\n`.
    """
    meta = [("title", _yaml_text(article.title))]
    if article.date:
        meta.append(("date", article.date))
    meta.append(("source", _yaml_text(source)))
    if article.url != source:
        meta.append(("fetched_from", _yaml_text(article.url)))
    if article.site:
        meta.append(("site", _yaml_text(article.site)))
    meta += [("added_by", _yaml_text(added_by)), ("added_at", _yaml_text(added_at))]
    front = "".join(f"{key}: {value}\n" for key, value in meta)
    return f"---\n{front}---\n\n{article.text}\n".encode()


__all__ = ["MIN_WORDS", "Article", "article_document", "extract_article", "fallback_title"]
