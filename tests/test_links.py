"""Fetching a page for `add <url>` (bot.links) against a local site on 127.0.0.1.

The site is the tests' own (tests/links_site.py). The happy paths need `allow_private` (the
site is on this machine); the tests of the default check that it refuses 127.0.0.1 itself.
Where a test needs the real rules for every address but the site's, it swaps in rules that let
127.0.0.1 through and judge the rest as the bot does, so nothing leaves this machine.
"""

from __future__ import annotations

import socket
import time

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

import bot.urls
from bot.errors import UserError
from bot.links import CheckingResolver, fetch_page
from bot.urls import FetchSettings
from tests.links_site import ARTICLE_TITLE, HUGE_TOTAL, PDF, Site, site

__all__ = ["site"]  # the fixture, imported for pytest

CAP = 64 * 1024
OPEN = FetchSettings(allow_private=True, timeout=10.0, read_timeout=2.0, max_redirects=3)


def only_site_allowed(monkeypatch: pytest.MonkeyPatch) -> FetchSettings:
    """The bot's address rules, except that the test site's 127.0.0.1 may be fetched."""
    real = bot.urls.address_problem
    monkeypatch.setattr(
        bot.urls, "address_problem", lambda ip: None if str(ip) == "127.0.0.1" else real(ip)
    )
    return FetchSettings(allow_private=False, timeout=10.0, read_timeout=2.0, max_redirects=3)


class FixedLookup(AbstractResolver):
    """Answers every name with fixed addresses, as a DNS server under test would."""

    def __init__(self, *addresses: str) -> None:
        self.addresses = addresses
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        return [
            ResolveResult(
                hostname=host,
                host=a,
                port=port,
                family=socket.AF_INET6 if ":" in a else socket.AF_INET,
                proto=0,
                flags=0,
            )
            for a in self.addresses
        ]

    async def close(self) -> None:
        return None


async def test_an_article_page_is_fetched_with_its_type_and_charset(site: Site) -> None:
    page = await fetch_page(site.at("/news/ferry-timetable"), OPEN, CAP)
    assert page.url == site.at("/news/ferry-timetable")
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert ARTICLE_TITLE.encode() in page.body


async def test_the_default_settings_refuse_this_machine(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/news/ferry-timetable"), FetchSettings(), CAP)
    assert "127.0.0.1" in raised.value.message and "loopback" in raised.value.message
    assert site.hits["/news/ferry-timetable"] == 0


async def test_a_host_name_for_this_machine_is_refused_by_default(site: Site) -> None:
    port = site.url.rsplit(":", 1)[1]
    with pytest.raises(UserError) as raised:
        await fetch_page(f"http://localhost:{port}/news/ferry-timetable", FetchSettings(), CAP)
    assert "localhost resolves to" in raised.value.message
    assert site.hits["/news/ferry-timetable"] == 0


@pytest.mark.parametrize("path", ["/moved", "/moved-permanently"])
async def test_a_redirect_to_the_article_is_followed(site: Site, path: str) -> None:
    page = await fetch_page(site.at(path), OPEN, CAP)
    assert page.url == site.at("/news/ferry-timetable")
    assert site.hits[path] == 1 and site.hits["/news/ferry-timetable"] == 1


@pytest.mark.parametrize(
    ("path", "shown"),
    [("/to-private", "10.0.0.1"), ("/to-metadata", "169.254.169.254")],
)
async def test_a_redirect_to_a_private_address_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch, path: str, shown: str
) -> None:
    fetch = only_site_allowed(monkeypatch)
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at(path), fetch, CAP)
    assert shown in raised.value.message and "public addresses" in raised.value.message
    assert site.hits[path] == 1


async def test_a_redirect_to_a_file_link_is_refused(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/to-file"), OPEN, CAP)
    assert "file:" in raised.value.message and "http" in raised.value.message


async def test_redirects_stop_at_the_limit(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/loop"), OPEN, CAP)
    assert "more than 3 times" in raised.value.message
    assert site.hits["/loop"] == OPEN.max_redirects + 1


async def test_a_body_over_the_cap_is_refused_and_reading_stops(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/huge"), OPEN, CAP)
    assert f"{CAP:,}" in raised.value.message and "reading stopped" in raised.value.message
    # The server could only send what the socket buffers took after the reader hung up.
    assert site.huge_sent < HUGE_TOTAL // 4


async def test_a_declared_length_over_the_cap_is_refused_before_reading(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/declared-huge"), OPEN, CAP)
    assert "320,000 bytes" in raised.value.message and f"{CAP:,}" in raised.value.message


@pytest.mark.parametrize("path", ["/slow", "/stall", "/trickle"])
async def test_a_slow_page_times_out(site: Site, path: str) -> None:
    fetch = FetchSettings(allow_private=True, timeout=1.0, read_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at(path), fetch, CAP)
    assert "did not answer in time" in raised.value.message
    assert "1 s in all and 0.3 s per read" in raised.value.message
    assert time.monotonic() - started < 10  # stopped by the limit, not by the server finishing


async def test_a_pdf_is_refused(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/report.pdf"), OPEN, CAP)
    assert "application/pdf" in raised.value.message
    assert len(PDF) < CAP  # refused for its type, not its size


async def test_a_missing_page_is_refused_with_the_status(site: Site) -> None:
    with pytest.raises(UserError) as raised:
        await fetch_page(site.at("/missing"), OPEN, CAP)
    assert "404" in raised.value.message


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/report.txt",
        "javascript:alert(1)",
        "example.org/no-scheme",
        "http:///no-host",
        "http://user:secret@example.org/",
    ],
)
async def test_links_of_the_wrong_form_are_refused_without_a_request(url: str) -> None:
    lookup = FixedLookup("127.0.0.1")  # never asked; were it asked, nothing leaves the machine
    with pytest.raises(UserError) as raised:
        await fetch_page(url, OPEN, CAP, lookup=lookup)
    assert raised.value.message
    assert lookup.asked == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/",
        "http://192.168.0.1/admin",
        "http://172.16.5.4:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
    ],
)
async def test_ip_addresses_in_private_ranges_are_refused(url: str) -> None:
    lookup = FixedLookup("127.0.0.1")
    with pytest.raises(UserError) as raised:
        await fetch_page(url, FetchSettings(), CAP, lookup=lookup)
    assert "public addresses" in raised.value.message
    assert lookup.asked == []


@pytest.mark.parametrize(
    "url", ["http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://017700000001/"]
)
async def test_old_numeric_forms_of_this_machine_are_refused(url: str) -> None:
    """Forms the C library reads as 127.0.0.1; the lookup answers as the system's would."""
    with pytest.raises(UserError) as raised:
        await fetch_page(url, FetchSettings(), CAP, lookup=FixedLookup("127.0.0.1"))
    assert "loopback" in raised.value.message or "not valid" in raised.value.message


async def test_one_private_address_among_public_ones_refuses_the_host() -> None:
    """Checked on the resolver itself, so no test ever connects to the public address."""
    resolver = CheckingResolver(False, FixedLookup("93.184.215.14", "10.0.0.7"))
    with pytest.raises(UserError) as raised:
        await resolver.resolve("mixed.example", 443)
    assert "mixed.example resolves to 10.0.0.7" in raised.value.message


async def test_the_connection_goes_to_the_checked_address(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up name that only the checked lookup knows: the page comes back, so the connector
    connected to the address the check saw, without a lookup of its own."""
    fetch = only_site_allowed(monkeypatch)
    port = site.url.rsplit(":", 1)[1]
    lookup = FixedLookup("127.0.0.1")
    page = await fetch_page(f"http://pinned.invalid:{port}/moved", fetch, CAP, lookup=lookup)
    assert ARTICLE_TITLE.encode() in page.body
    assert lookup.asked == ["pinned.invalid", "pinned.invalid"]  # the link, then the redirect


async def test_a_lookup_that_changes_to_a_private_address_is_refused() -> None:
    resolver = CheckingResolver(False, FixedLookup("93.184.215.14"))
    assert (await resolver.resolve("news.example", 443))[0]["host"] == "93.184.215.14"
    resolver = CheckingResolver(False, FixedLookup("192.168.1.20"))
    with pytest.raises(UserError):
        await resolver.resolve("news.example", 443)
