"""`add <url>`: fetch an article, make it a seed document, save it into seeds/ under a new name.

The steps, each of which may refuse with a reason before anything is written:
1. the link has a form the bot may fetch (bot.urls.check_url) and is not already the source of
   a document in seeds/ (links compared by `url_key`, so `www.`, a fragment or tracking
   parameters make no new link);
2. the page is fetched safely (bot.links) within the size cap `limits.file_bytes`;
3. the page it landed on is not already a source either (a redirect to a known article);
4. the article is extracted (bot.article) in a process of its own, under the time limit
   `limits.extract_seconds` (bot.article_process), and drafted as a document that
   passes the checks of an upload (bot.uploads.check_upload: name, limits, front matter);
5. the service checks the draft's extraction in its pool, then `save_draft` checks for the link
   once more, picks a name no file in seeds/ has, and writes the file atomically.
"""

from __future__ import annotations

import asyncio
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.article import Article, article_document, fallback_title
from bot.article_process import extract_in_process
from bot.config import Settings
from bot.errors import UserError
from bot.links import fetch_page
from bot.seeds import DOCUMENT_SUFFIXES, is_ignored_name, slugify, split_front_matter
from bot.uploads import MAX_NAME, check_upload, write_atomically
from bot.urls import check_url, short, url_key
from bot.yamlfile import YamlProblem, parse_yaml

#: How much of each seed file is read to find its front matter when looking for a link.
HEAD_BYTES = 16 * 1024
SOURCE_KEYS = ("source", "url", "fetched_from")
_SOURCE_LINE = re.compile(r"^(source|url|fetched_from):[ \t]*(\S+)[ \t]*$", re.MULTILINE)
_save_lock = threading.Lock()  # one add at a time picks a name and writes it


def _sources(path: Path) -> list[str]:
    """The links a document's front matter names (source, url, fetched_from); [] for none.

    Front matter that YAML refuses (an admin's `title: A: B`, which the seed reader repairs)
    is read line by line: `source: https://a.org/x` → ["https://a.org/x"].
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    front, _body, _line = split_front_matter(head.replace("\r\n", "\n"))
    if front is None or not any(key in front for key in SOURCE_KEYS):
        return []
    try:
        meta = parse_yaml(front)
    except YamlProblem:
        return [m.group(2).strip("'\"") for m in _SOURCE_LINE.finditer(front)]
    if not isinstance(meta, dict):
        return []
    return [str(meta[k]) for k in SOURCE_KEYS if isinstance(meta.get(k), str | int | float)]


def find_source(folder: Path, urls: list[str]) -> str | None:
    """The name of the document in `folder` whose front matter links to one of `urls`.

    Blocking (reads the head of every document file): run it in a worker thread.
    `find_source(seeds, ["https://www.a.org/x/"])` → "x.md" when x.md has `source: http://a.org/x`.
    """
    wanted = {url_key(u) for u in urls}
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if is_ignored_name(path.name) or path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        if any(url_key(s) in wanted for s in _sources(path)):
            return path.name
    return None


def _already(name: str, url: str) -> UserError:
    return UserError(f"{short(url)} is already in seeds/: {name} has it as its source.")


def _taken(folder: Path) -> set[str]:
    """Document ids and file names already in `folder` (a new file must clash with neither)."""
    if not folder.is_dir():
        return set()
    out = set()
    for path in folder.iterdir():
        out.add(path.name.casefold())
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            out.add(slugify(path.stem))
    return out


def free_name(folder: Path, article: Article) -> str:
    """A .md name from the title (or host and path) that no file or document id in `folder` has:
    "ferry-timetable.md", else "ferry-timetable-2.md", and so on."""
    slug = slugify(article.title)
    if slug == "document":
        slug = slugify(fallback_title(article.url))
    slug = slug[: MAX_NAME - 12].rstrip("-")  # room for "-NNN" and ".md"
    taken = _taken(folder)
    for n in range(1, 1000):
        stem = slug if n == 1 else f"{slug}-{n}"
        if stem not in taken and f"{stem}.md" not in taken:
            return f"{stem}.md"
    raise UserError(f"There are already too many documents named {slug} in seeds/.")


@dataclass(frozen=True)
class Draft:
    """A fetched article as the seed file it would be: `name` is free when drafted and is
    chosen again when saved, in case another file took it meanwhile."""

    source: str
    article: Article
    name: str
    data: bytes


async def draft_link(url: str, who: str, when: str, settings: Settings) -> Draft:
    """Steps 1-4 of the module docstring; UserError with the reason for any refusal.

    `await draft_link("https://news.example/ferries", "ada (1)", now, settings)` → a Draft
    named "harbour-council-agrees-new-ferry-timetable.md" (the slug of the page's title).
    """
    url = check_url(url, settings.fetch.allow_private)
    if (name := await asyncio.to_thread(find_source, settings.seeds_dir, [url])) is not None:
        raise _already(name, url)
    page = await fetch_page(url, settings.fetch, settings.limits.file_bytes)
    if page.url != url:
        found = await asyncio.to_thread(find_source, settings.seeds_dir, [page.url])
        if found is not None:
            raise _already(found, page.url)
    article = await asyncio.to_thread(extract_in_process, page, settings.limits.extract_seconds)
    data = article_document(article, url, who, when)
    name = await asyncio.to_thread(free_name, settings.seeds_dir, article)
    name = await asyncio.to_thread(check_upload, name, data, settings)
    return Draft(url, article, name, data)


def save_draft(draft: Draft, settings: Settings) -> str:
    """Step 5: check again that the link is new, pick a free name, check, write atomically;
    the name it was saved as.

    Blocking; one call at a time, so two adds of one link, or of two articles with one title,
    cannot both pass the checks and then write over each other.
    """
    with _save_lock:
        urls = [draft.source, draft.article.url]
        if (name := find_source(settings.seeds_dir, urls)) is not None:
            raise _already(name, draft.source)
        name = check_upload(free_name(settings.seeds_dir, draft.article), draft.data, settings)
        write_atomically(settings.seeds_dir, name, draft.data)
    return name


__all__ = ["Draft", "draft_link", "find_source", "free_name", "save_draft"]
