"""Hostile input: any text as a command's argument gives an answer or a friendly error.

Never an exception, never output over Discord's limits, never a mention that could ping.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import briefing
from bot.errors import UserError
from bot.render import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    render_error,
    render_pages,
    render_text_pages,
)

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "@everyone", "@here", "<@123456>", "<@&42>", "<#1>", "```", "*" * 50, "\x00", "‮",
            "a" * 5000, "../../etc/passwd", "'; DROP TABLE facts; --", "%s%s%n", "😀" * 400,
            "NOT AND OR", '"', "\\", "   ", "2023-13", "9999", "-1",
        ]
    ),
)  # fmt: skip
NAMES = st.sampled_from([c for c in briefing.COMMANDS if briefing.COMMANDS[c].handler] + ["xyz"])


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=NAMES, arg=NASTY)
def test_any_argument_gives_an_answer_or_a_friendly_error(seed_facts, seed_index, name, arg):
    try:
        answer = briefing.answer(seed_facts, seed_index, name, arg)
    except UserError as exc:
        message = render_error(exc)
        assert 0 < len(message) <= MESSAGE_LIMIT
        assert "@everyone" not in message and "@here" not in message and "<@1" not in message
        return
    for page in render_pages(answer, lines_per_page=8):
        assert len(page.title) <= TITLE_LIMIT and len(page.description) <= DESCRIPTION_LIMIT
        assert page.total <= EMBED_TOTAL_LIMIT
        for part in (page.title, page.description, page.footer):
            assert "@everyone" not in part and "@here" not in part and "<@1" not in part
    for message in render_text_pages(answer):
        assert len(message) <= MESSAGE_LIMIT
