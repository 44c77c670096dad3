"""The rules for links (bot.urls), the `fetch` config section, and naming articles' files."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.add_link import find_source, free_name
from bot.article import Article, article_document
from bot.config import load_settings
from bot.errors import ConfigError, UserError
from bot.seeds import parse_document
from bot.urls import FetchSettings, address_problem, check_url, url_key
from tests.conftest import CONFIG


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.31.255.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public"),
        ("::ffff:192.168.0.1", "private"),
        ("2002:c0a8:0101::1", "private"),  # 6to4 around 192.168.1.1
    ],
)
def test_addresses_the_bot_must_not_reach(address: str, kind: str) -> None:
    problem = address_problem(ipaddress.ip_address(address))
    assert problem is not None and kind in problem


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def test_allow_private_lets_an_ip_literal_through() -> None:
    assert check_url(" <http://10.0.0.1:8080/a> ", True) == "http://10.0.0.1:8080/a"
    with pytest.raises(UserError):
        check_url("http://10.0.0.1:8080/a", False)


@pytest.mark.parametrize(
    "url",
    ["", "x" * 2001, "http://[::1/", "https://example.org:0/", "data:text/html,<p>hi</p>"],
)
def test_unusable_links_are_refused(url: str) -> None:
    with pytest.raises(UserError) as raised:
        check_url(url, True)
    assert raised.value.message


LINKISH = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda scheme, rest: f"{scheme}://{rest}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "file", ""]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    ),
)


@given(LINKISH, st.booleans())
def test_any_text_as_a_link_is_accepted_or_refused_with_a_reason(text: str, allow: bool) -> None:
    try:
        url = check_url(text, allow)
    except UserError as exc:
        assert exc.message and len(exc.message) < 600
    else:
        assert url.casefold().startswith(("http://", "https://"))
    assert isinstance(url_key(text), str)


def test_link_keys_ignore_what_does_not_change_the_page() -> None:
    key = url_key("https://example.org/news/a?b=2&a=1")
    same = [
        "http://example.org/news/a?a=1&b=2",
        "HTTPS://WWW.Example.org:443/news/a/?a=1&b=2#top",
        "https://example.org/news/a?a=1&utm_source=mail&b=2&fbclid=x",
        "<https://example.org/news/a?b=2&a=1>",
    ]
    assert all(url_key(u) == key for u in same)
    different = [
        "https://example.org/news/b?a=1&b=2",
        "https://example.org/news/a?a=1",
        "https://example.org:8443/news/a?a=1&b=2",
        "https://example.net/news/a?a=1&b=2",
    ]
    assert all(url_key(u) != key for u in different)


def test_the_fetch_section_is_read_and_checked(tmp_path: Path) -> None:
    shipped = load_settings(CONFIG / "bot.yaml").fetch
    assert shipped == FetchSettings()  # the shipped file says what the defaults are
    assert shipped.allow_private is False
    path = tmp_path / "bot.yaml"
    path.write_text("fetch:\n  allow_private: true\n  timeout_seconds: 5\n  max_redirects: 0\n")
    fetch = load_settings(path).fetch
    assert fetch.allow_private and fetch.timeout == 5.0 and fetch.max_redirects == 0
    for bad, key in [
        ("fetch:\n  allow_private: yes please\n", "allow_private"),
        ("fetch:\n  timeout_seconds: 0\n", "timeout_seconds"),
        ("fetch:\n  max_redirects: -1\n", "max_redirects"),
        ("fetch:\n  follow: true\n", "follow"),
    ]:
        path.write_text(bad)
        with pytest.raises(ConfigError) as raised:
            load_settings(path)
        assert raised.value.key == key and raised.value.line == 2


def test_the_document_round_trips_through_the_seed_reader(tmp_path: Path) -> None:
    article = Article(
        url="https://news.example/a",
        title='He said: "no" — then left',
        text="First paragraph of the article.\n\nSecond one.",
        date="2024-05-14",
        site="News: Example",
    )
    data = article_document(article, "https://news.example/a", "ada (1)", "2024-05-15T10:00Z")
    document = parse_document(tmp_path / "a.md", data)
    assert document.title == article.title and document.date == "2024-05-14"
    assert document.source == "https://news.example/a" and document.text == article.text
    assert dict(document.extra) == {
        "site": "News: Example",
        "added_by": "ada (1)",
        "added_at": "2024-05-15T10:00Z",
    }


def test_names_come_from_the_title_and_never_take_a_used_one(tmp_path: Path) -> None:
    article = Article("https://news.example/a", "Ferries: the new timetable", "Text.")
    assert free_name(tmp_path, article) == "ferries-the-new-timetable.md"
    (tmp_path / "Ferries the new timetable.txt").write_text("Another document.\n")
    assert free_name(tmp_path, article) == "ferries-the-new-timetable-2.md"
    untitled = Article("https://news.example/world/2024/ferry", "!!!", "Text.")
    assert free_name(tmp_path, untitled) == "news-example-world-2024-ferry.md"
    long_title = Article("https://news.example/a", "word " * 60, "Text.")
    assert len(free_name(tmp_path, long_title)) <= 100


def test_a_source_is_found_in_front_matter_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\nsource: https://news.example/a\n---\nText.\n")
    (tmp_path / "b.txt").write_text("Text that mentions https://news.example/b in passing.\n")
    (tmp_path / "c.md").write_text("---\ntitle: [broken\n---\nText.\n")
    (tmp_path / "d.md").write_text(
        "---\ntitle: Ferries: a plan\nurl: 'https://news.example/d'\n---\nT.\n"
    )
    assert find_source(tmp_path, ["http://www.news.example/a/"]) == "a.md"
    assert find_source(tmp_path, ["https://news.example/b"]) is None
    assert find_source(tmp_path, ["https://news.example/d"]) == "d.md"  # YAML refuses it as is
    assert find_source(tmp_path / "missing", ["https://news.example/a"]) is None
