"""Which links the bot may fetch, and when two links name the same page.

A link an admin pastes is untrusted: it may point at the bot's own host (`http://127.0.0.1`),
the private network it runs in, or a cloud metadata service (`169.254.169.254`). These rules
refuse such addresses unless `fetch.allow_private` says otherwise; bot.links applies them to
the link, to every address its host resolves to, and to every redirect. No I/O here.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from bot.errors import UserError

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
#: Query parameters that only track where a reader came from; the page is the same without them.
TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref_src"})
MAX_URL = 2000  # characters: longer links are refused before any parsing work

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchSettings:
    """config/bot.yaml `fetch`: how `add <url>` fetches a page.

    `timeout` bounds the whole fetch (every redirect and the body); `read_timeout` bounds the
    wait for each piece of the body, so a server that stalls is dropped early. With
    `allow_private` false (the default) no address on the bot's own host or network is fetched.
    """

    allow_private: bool = False
    timeout: float = 20.0
    read_timeout: float = 10.0
    max_redirects: int = 5
    user_agent: str = "briefbot/0.1 (+add <url>; a Discord bot for policy briefings)"


def short(url: str, limit: int = 120) -> str:
    """A link fit for a message or log line: at most `limit` characters, no backticks."""
    url = url.replace("`", "'").strip()
    return url if len(url) <= limit else url[: limit - 1] + "…"


def address_problem(ip: Address) -> str | None:
    """Why the bot must not connect to `ip` (its kind of network), or None for a public address.

    An IPv6 address that carries an IPv4 one (`::ffff:127.0.0.1`, 6to4, Teredo) is judged by
    the IPv4 address inside. `address_problem(ip_address("10.1.2.3"))` → "a private address".
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return address_problem(inner)
    checks = (
        (ip.is_loopback, "a loopback address (this machine)"),
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    )
    return next((why for bad, why in checks if bad), None)


def check_address(host: str, address: str, allow_private: bool) -> None:
    """UserError unless `address` (what `host` resolved to) is one the bot may connect to."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        raise UserError(f"{host} resolved to “{short(address, 60)}”, not an address.") from None
    problem = None if allow_private else address_problem(ip)
    if problem:
        what = "is" if _same_address(host, ip) else f"resolves to {ip}, which is"
        raise UserError(
            f"{host} {what} {problem}; the bot only fetches public addresses"
            " (fetch.allow_private in config/bot.yaml)."
        )


def _same_address(host: str, ip: Address) -> bool:
    """Whether `host` is `ip` written out ("0:0:0:0:0:0:0:1" is ::1), not a name for it."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]) == ip
    except ValueError:
        return False


def check_url(url: str, allow_private: bool) -> str:
    """The link, trimmed, if its form is one the bot may fetch; UserError saying why not.

    Only http and https, with a host name and no user name or password; a host written as an
    IP address is checked here (host names are checked when they resolve, in bot.links).
    `check_url("file:///etc/passwd", False)` → UserError naming the scheme.
    """
    url = url.strip().strip("<>")  # Discord users wrap links in <> to stop the preview
    if not url:
        raise UserError("Give the link of a web page, e.g. https://example.org/article.")
    if len(url) > MAX_URL:
        raise UserError(f"The link is {len(url):,} characters long; the limit is {MAX_URL:,}.")
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        raise UserError(f"“{short(url)}” is not a link the bot can read ({exc}).") from None
    scheme = parts.scheme.casefold()
    if scheme not in SCHEMES:
        if not scheme or "." in scheme:  # "example.org/a", "example.org:8080/a"
            raise UserError(
                f"“{short(url)}” does not start with http:// or https://;"
                f" write it in full, e.g. https://{short(url, 80)}."
            )
        raise UserError(
            f"“{short(url)}” uses {scheme}:; the bot fetches only http:// and https:// links."
        )
    if not host:
        raise UserError(f"“{short(url)}” has no host name.")
    if parts.username is not None or parts.password is not None:
        raise UserError("Links with a user name or password are not fetched.")
    if port == 0:
        raise UserError(f"“{short(url)}” names port 0, which no server listens on.")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        check_address(host, str(literal), allow_private)
    return url


def url_key(url: str) -> str:
    """What a link means for telling duplicates apart: scheme, `www.`, default port, fragment,
    tracking parameters, query order and a trailing slash do not change the page.

    `url_key("HTTPS://www.Example.org:443/a/?utm_source=x&b=2&a=1#top")` → "example.org/a?a=1&b=2".
    """
    try:
        parts = urlsplit(url.strip().strip("<>"))
        host = (parts.hostname or "").casefold().rstrip(".")
        port = parts.port
    except ValueError:
        return url.strip()
    host = host.removeprefix("www.")
    scheme = parts.scheme.casefold()
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.casefold().startswith(TRACKING_PREFIXES) and k.casefold() not in TRACKING_NAMES
    )
    path = parts.path.rstrip("/")
    return host + path + (f"?{urlencode(query)}" if query else "")


__all__ = ["FetchSettings", "address_problem", "check_address", "check_url", "short", "url_key"]
