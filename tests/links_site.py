"""A small web site on 127.0.0.1 for the `add <url>` tests, with pages written for them.

Each path shows one case the fetcher must handle: an article, redirects (to the article, to a
private address, to a file: link, in a loop), a body over the cap (streamed, counting what was
sent), slow and stalling answers, a PDF, a page with no article, plain text. `site.hits` counts
requests per path, so a test can tell that a refused link was never fetched.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

ARTICLE_TITLE = "Harbour Council agrees new ferry timetable"
ARTICLE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{ARTICLE_TITLE} | Testport Gazette</title>
<meta property="og:title" content="{ARTICLE_TITLE}">
<meta property="og:site_name" content="Testport Gazette">
<meta name="date" content="2024-05-14">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>{ARTICLE_TITLE}</h1>
<p>The Harbour Council of Testport agreed on Tuesday to run ferries every twenty minutes from
June, the council's transport chair Mira Okonkwo said after the vote.</p>
<p>"We will double the morning service before the summer season starts," Okonkwo told
reporters outside the town hall. The council will buy two new boats by 2026.</p>
<h2>Opposition</h2>
<p>The opposition leader, Tomas Feld, said the plan came too late for commuters who had waited
years for a reliable service across the bay.</p>
</article>
<footer>Cookie settings. Subscribe to our newsletter. <a href="/privacy">Privacy</a></footer>
</body></html>
"""
#: A different article under the same title: its file must not replace the first one's.
SAME_TITLE = ARTICLE.replace("twenty minutes", "fifteen minutes").replace("Tuesday", "Monday")
EMPTY = """<!doctype html><html><head><title>Testport Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Loading…</p></body></html>"""
PLAIN = """Minutes of the Testport Harbour Council, 14 May 2024

The council agreed to run ferries every twenty minutes from June. The transport chair
said two new boats would be bought by 2026 for the bay crossing.

Members asked for a report on fares before the summer.
"""
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HUGE_CHUNK = 64 * 1024
HUGE_TOTAL = 64 * 1024 * 1024  # what /huge would send if the reader never stopped


@dataclass
class Site:
    """The running site: its base URL, request counts and how much /huge managed to send."""

    url: str
    hits: Counter[str] = field(default_factory=Counter)
    huge_sent: int = 0

    def at(self, path: str) -> str:
        return f"{self.url}{path}"


def _app(site: Site) -> web.Application:
    async def count(request: web.Request, handler):  # type: ignore[no-untyped-def]
        site.hits[request.path] += 1
        return await handler(request)

    def page(text: str, content_type: str = "text/html"):  # type: ignore[no-untyped-def]
        async def handler(_request: web.Request) -> web.Response:
            return web.Response(text=text, content_type=content_type, charset="utf-8")

        return handler

    def redirect(location: str, status: int = 302):  # type: ignore[no-untyped-def]
        async def handler(_request: web.Request) -> web.Response:
            return web.Response(status=status, headers={"Location": location})

        return handler

    async def huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"word " * (HUGE_CHUNK // 5 - 2) + b"</p>"
        try:
            while site.huge_sent < HUGE_TOTAL:
                await response.write(chunk)
                site.huge_sent += len(chunk)
        except (ConnectionError, RuntimeError):
            pass  # the reader hung up: that is what the test wants to see
        return response

    async def declared(_request: web.Request) -> web.Response:
        return web.Response(body=b"<p>x</p>" * 40_000, content_type="text/html")

    async def slow(_request: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.Response(text=ARTICLE, content_type="text/html")

    async def stall(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        await response.write(ARTICLE[:200].encode())
        await asyncio.sleep(30)
        return response

    async def trickle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        for _ in range(300):  # each piece well inside the read timeout, the whole far over
            await response.write(b"<p>more</p>")
            await asyncio.sleep(0.05)
        return response

    async def pdf(_request: web.Request) -> web.Response:
        return web.Response(body=PDF, content_type="application/pdf")

    app = web.Application(middlewares=[web.middleware(count)])
    app.router.add_get("/news/ferry-timetable", page(ARTICLE))
    app.router.add_get("/news/ferry-timetable-monday", page(SAME_TITLE))
    app.router.add_get("/moved", redirect("/news/ferry-timetable"))
    app.router.add_get("/moved-permanently", redirect("/news/ferry-timetable", 308))
    app.router.add_get("/to-private", redirect("http://10.0.0.1/secret"))
    app.router.add_get("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"))
    app.router.add_get("/to-file", redirect("file:///etc/passwd"))
    app.router.add_get("/loop", redirect("/loop"))
    app.router.add_get("/huge", huge)
    app.router.add_get("/declared-huge", declared)
    app.router.add_get("/slow", slow)
    app.router.add_get("/stall", stall)
    app.router.add_get("/trickle", trickle)
    app.router.add_get("/report.pdf", pdf)
    app.router.add_get("/empty", page(EMPTY))
    app.router.add_get("/minutes.txt", page(PLAIN, "text/plain"))
    app.router.add_get("/missing", redirect("/gone", 302))
    return app


@pytest.fixture()
async def site() -> AsyncIterator[Site]:
    """The site, served on 127.0.0.1 at a free port for one test."""
    holder = Site(url="")
    server = TestServer(_app(holder), host="127.0.0.1")
    await server.start_server()
    holder.url = str(server.make_url("")).rstrip("/")
    try:
        yield holder
    finally:
        await server.close()
