"""Fetching one web page for `add <url>`, safely: a refusal says why and nothing is kept.

Every step that could reach somewhere it should not is checked (rules in bot.urls):

- the link's scheme and, for an IP address written in the link, that address;
- every address the host name resolves to, in the connector's resolver: aiohttp connects to the
  addresses the resolver returns and looks nothing up again, so the checked address is the one
  connected to and a DNS answer that changes between check and connect cannot slip through;
- each redirect, followed here one hop at a time (at most `fetch.max_redirects`) and checked
  like the link itself;
- the answer: a web page or text, its Content-Length and then the bytes actually read against
  the size cap (reading stops at the cap), the whole fetch within `fetch.timeout` seconds and
  each read within `fetch.read_timeout`.
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass
from urllib.parse import urljoin

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import UserError
from bot.urls import FetchSettings, check_address, check_url, short

REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Content types the bot reads as a page; anything else (PDF, images, JSON) is refused.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Page:
    """The bytes of one fetched page: `url` is where it was found, after any redirects."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


class CheckingResolver(AbstractResolver):
    """Resolves host names like aiohttp's own resolver, then refuses the lookup unless every
    address it found is one the bot may connect to (one private address among public ones is
    enough to refuse: the connector could pick it). `lookup` does the lookups (aiohttp's
    threaded resolver unless a test gives a fixed one)."""

    def __init__(self, allow_private: bool, lookup: AbstractResolver | None = None) -> None:
        self.allow_private = allow_private
        self._inner = lookup or aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        try:
            found = await self._inner.resolve(host, port, family)
        except OSError:
            raise UserError(f"The host {short(host, 80)} could not be found.") from None
        for result in found:
            check_address(host, result["host"], self.allow_private)
        if not found:
            raise UserError(f"The host {short(host, 80)} has no address.")
        return found

    async def close(self) -> None:
        await self._inner.close()


def _check_type(response: aiohttp.ClientResponse, url: str) -> None:
    kind = response.content_type.casefold()
    if kind not in PAGE_TYPES:
        shown = short(kind, 60) if response.headers.get("Content-Type") else "of no stated type"
        raise UserError(
            f"{short(url)} is {shown}, not a web page or text; only HTML and plain text pages"
            " can be added (upload other documents as .md or .txt)."
        )


async def _read_capped(response: aiohttp.ClientResponse, url: str, max_bytes: int) -> bytes:
    """The body, or UserError as soon as it passes `max_bytes` (the rest is never read)."""
    size = response.content_length
    if size is not None and size > max_bytes:
        raise UserError(
            f"{short(url)} is {size:,} bytes; the limit is {max_bytes:,} (limits.file_bytes)."
        )
    body = bytearray()
    async for chunk in response.content.iter_chunked(CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise UserError(
                f"{short(url)} is larger than the limit of {max_bytes:,} bytes"
                " (limits.file_bytes); reading stopped there."
            )
    return bytes(body)


async def _get(session: aiohttp.ClientSession, url: str, fetch: FetchSettings, cap: int) -> Page:
    """Follow redirects one hop at a time, checking each target before connecting to it."""
    for _hop in range(fetch.max_redirects + 1):
        async with session.get(url, allow_redirects=False) as response:
            if response.status in REDIRECTS:
                location = response.headers.get("Location", "").strip()
                if not location:
                    raise UserError(f"{short(url)} redirects without saying where to.")
                url = check_url(urljoin(url, location), fetch.allow_private)
                continue
            if response.status != 200:
                reason = f" {short(response.reason, 60)}" if response.reason else ""
                raise UserError(
                    f"{short(url)} answered {response.status}{reason}, not the page itself."
                )
            _check_type(response, url)
            body = await _read_capped(response, url, cap)
            return Page(url, response.content_type.casefold(), response.charset, body)
    raise UserError(
        f"The link redirects more than {fetch.max_redirects} times (fetch.max_redirects)."
    )


async def fetch_page(
    url: str, fetch: FetchSettings, max_bytes: int, lookup: AbstractResolver | None = None
) -> Page:
    """The page at `url`, checked as the module docstring says; UserError says why not.

    `await fetch_page("https://example.org/news/1", FetchSettings(), 1 << 20)` → Page.
    """
    url = check_url(url, fetch.allow_private)
    timeout = aiohttp.ClientTimeout(
        total=fetch.timeout, sock_connect=fetch.timeout, sock_read=fetch.read_timeout
    )
    connector = aiohttp.TCPConnector(
        resolver=CheckingResolver(fetch.allow_private, lookup),
        use_dns_cache=False,
        force_close=True,
    )
    headers = {"User-Agent": fetch.user_agent, "Accept": "text/html, text/plain;q=0.8"}
    try:
        async with (
            aiohttp.ClientSession(
                connector=connector, timeout=timeout, headers=headers, trust_env=False
            ) as session,
            asyncio.timeout(fetch.timeout),
        ):
            return await _get(session, url, fetch, max_bytes)
    except TimeoutError:
        raise UserError(
            f"{short(url)} did not answer in time: the limits are {fetch.timeout:g} s in all"
            f" and {fetch.read_timeout:g} s per read (fetch.timeout_seconds,"
            " fetch.read_timeout_seconds)."
        ) from None
    except aiohttp.ClientError as exc:
        raise UserError(f"Could not fetch {short(url)}: {_describe(exc)}.") from None


def _describe(exc: aiohttp.ClientError) -> str:
    """A short reason for a failed fetch, without a traceback."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"could not connect ({exc.os_error.strerror or type(exc.os_error).__name__})"
    if isinstance(exc, aiohttp.InvalidURL):
        why = exc.description if isinstance(exc.description, str) else None
        return f"the link is not valid ({short(why, 80)})" if why else "the link is not valid"
    text = str(exc) or type(exc).__name__
    return short(text.splitlines()[0], 150)


__all__ = ["CheckingResolver", "Page", "fetch_page"]
