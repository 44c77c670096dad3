"""Reading the article out of a fetched page (bot.article), in its own process under a limit."""

from __future__ import annotations

import pytest

from bot.article import MIN_WORDS, extract_article
from bot.article_process import extract_in_process
from bot.errors import UserError
from bot.links import Page
from tests.links_site import ARTICLE, ARTICLE_TITLE, EMPTY, PLAIN

URL = "https://gazette.example/news/ferry-timetable"


def html(text: str, charset: str | None = "utf-8") -> Page:
    return Page(URL, "text/html", charset, text.encode())


def test_the_article_keeps_its_text_and_metadata_and_drops_the_rest() -> None:
    article = extract_article(html(ARTICLE))
    assert article.title == ARTICLE_TITLE and article.date == "2024-05-14"
    assert article.site == "Testport Gazette" and article.url == URL
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The Harbour Council of Testport agreed")
    assert "Opposition" in paragraphs and "Cookie settings" not in article.text


def test_a_charset_python_does_not_know_is_read_from_the_page() -> None:
    article = extract_article(html(ARTICLE, charset="no-such-charset"))
    assert article.title == ARTICLE_TITLE
    plain = extract_article(Page(URL, "text/plain", "no-such-charset", PLAIN.encode()))
    assert plain.title.startswith("Minutes of the Testport Harbour Council")


def test_a_page_without_an_article_is_refused_with_the_word_count() -> None:
    with pytest.raises(UserError) as raised:
        extract_article(html(EMPTY))
    assert (
        "No article text" in raised.value.message and f"{MIN_WORDS} words" in raised.value.message
    )


def test_the_process_returns_the_same_article() -> None:
    assert extract_in_process(html(ARTICLE), 60) == extract_article(html(ARTICLE))


def test_the_process_passes_a_refusal_on() -> None:
    with pytest.raises(UserError) as raised:
        extract_in_process(html(EMPTY), 60)
    assert "No article text" in raised.value.message


def test_the_process_is_stopped_at_the_time_limit() -> None:
    with pytest.raises(UserError) as raised:
        extract_in_process(html(ARTICLE), 0.001)  # far less than a process needs to start
    assert "took over 0.001 s and was stopped" in raised.value.message
