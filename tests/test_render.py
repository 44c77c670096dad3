"""Rendering: text for terminals, embed pages within Discord's limits, no mentions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answer, DocRef, Line, Section
from bot.errors import UserError
from bot.models import Source
from bot.render import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FOOTER_LIMIT,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    defuse,
    render_error,
    render_pages,
    render_text,
    render_text_pages,
    split_message,
)

SRC = Source("doc", 3, "The sentence behind the fact.")


def answer(n_lines: int, text: str = "A fact", title: str = "Title") -> Answer:
    lines = tuple(Line(f"{text} {i}", SRC) for i in range(n_lines))
    return Answer(
        "people", title, "Intro", (Section("Group", lines),), (DocRef("doc", "Doc", "2023"),)
    )


def test_text_shows_fact_source_sentence_and_citation() -> None:
    out = render_text(answer(1))
    assert "A fact 0" in out and "The sentence behind the fact." in out
    assert "[1 ¶3]" in out and "Sources: [1] Doc (2023)" in out


def test_pages_split_by_line_count() -> None:
    pages = render_pages(answer(20), lines_per_page=8)
    assert len(pages) == 3
    assert "page 1/3" in pages[0].footer and "page 3/3" in pages[2].footer
    assert "Intro" in pages[0].description and "Intro" not in pages[1].description
    assert "(cont.)" in pages[1].description


def _fits(page) -> bool:
    return (
        len(page.title) <= TITLE_LIMIT
        and len(page.description) <= DESCRIPTION_LIMIT
        and len(page.footer) <= FOOTER_LIMIT
        and page.total <= EMBED_TOTAL_LIMIT
    )


def test_huge_answer_stays_within_limits() -> None:
    big = answer(300, text="x" * 5000, title="T" * 1000)
    pages = render_pages(big, lines_per_page=50)
    assert pages and all(_fits(p) for p in pages)


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(max_size=400),
    text=st.text(max_size=3000),
    n=st.integers(0, 40),
    per_page=st.integers(1, 30),
)
def test_any_answer_fits_and_never_mentions(title: str, text: str, n: int, per_page: int) -> None:
    a = answer(n, text=text + " @everyone <@123>", title=title)
    for page in render_pages(a, lines_per_page=per_page):
        assert _fits(page)
        for part in (page.title, page.description, page.footer):
            assert "@everyone" not in part and "<@123>" not in part
    for message in render_text_pages(a):
        assert 0 < len(message) <= MESSAGE_LIMIT and "@everyone" not in message


def test_defuse_breaks_every_mention_form() -> None:
    for raw in ("@everyone", "@here", "@Here", "@EVERYONE", "<@123>", "<@!123>", "<@&456>"):
        assert defuse(raw) != raw and defuse(raw).startswith(raw[0:1])


def test_split_message_cuts_long_lines() -> None:
    parts = split_message("a" * 5000 + "\nb", limit=2000)
    assert all(len(p) <= 2000 for p in parts) and parts[-1] == "b"


def test_error_message_has_suggestions_usage_and_listing() -> None:
    err = UserError(
        "No topic matches “zz”.",
        usage="commitments [topic]",
        suggestions=("defense",),
        details=("defense (3)", "energy (1)"),
    )
    out = render_error(err, "!")
    assert "Did you mean" in out and "defense" in out
    assert "`!commitments [topic]`" in out and "energy (1)" in out
    long = render_error(UserError("x" * 10_000, details=tuple("y" * 500 for _ in range(100))))
    assert len(long) <= MESSAGE_LIMIT


def test_a_shared_source_sentence_is_quoted_once() -> None:
    a = answer(3)  # three facts read from one sentence
    assert render_text(a).count(SRC.sentence) == 1
    pages = render_pages(a, lines_per_page=2)
    assert [p.description.count(SRC.sentence) for p in pages] == [1, 1]
