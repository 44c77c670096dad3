"""Pages: embeds or text, Previous/Next only for the asker, buttons gone after the timeout."""

from __future__ import annotations

import threading

import discord
import pytest

import bot.pages
from bot.answers import Answer, Line, Section
from bot.pages import NOT_YOURS, PagesView, send_answer, to_embed
from bot.render import EmbedPage, render_pages
from tests.helpers import MockContext, MockInteraction, MockMember, MockMessage, make_settings

SETTINGS = make_settings(page_lines=5, page_timeout=60)


def long_answer(lines: int = 23) -> Answer:
    return Answer(
        "quotes",
        "A long answer",
        "Intro text.",
        (Section("Lines", tuple(Line(f"fact number {i}") for i in range(lines))),),
    )


async def press(view: PagesView, button: discord.ui.Button, interaction: MockInteraction) -> None:
    """What discord.py does on a click: the view's check, then the button's callback."""
    if await view.interaction_check(interaction):
        await button.callback(interaction)


def test_to_embed_keeps_title_description_footer_and_colour() -> None:
    embed = to_embed(EmbedPage("Title", "Body", "Sources: [1] Doc", 0x123456))
    assert (embed.title, embed.description, embed.footer.text) == (
        "Title",
        "Body",
        "Sources: [1] Doc",
    )
    assert embed.colour.value == 0x123456


async def test_a_short_answer_is_one_embed_without_buttons() -> None:
    ctx = MockContext()
    await send_answer(ctx, long_answer(3), SETTINGS)
    (sent,) = ctx.sent()
    assert isinstance(sent["embed"], discord.Embed)
    assert "view" not in sent


async def test_a_long_answer_sends_the_first_page_with_the_buttons() -> None:
    ctx = MockContext()
    answer = long_answer()
    await send_answer(ctx, answer, SETTINGS)
    (sent,) = ctx.sent()
    view = sent["view"]
    expected = render_pages(answer, SETTINGS.page_lines)
    assert len(view.pages) == len(expected) > 1
    assert sent["embed"].description == expected[0].description
    assert view.owner_id == ctx.author.id
    assert view.timeout == SETTINGS.page_timeout
    assert view.message is ctx.send.return_value or view.message is not None
    assert view.previous_page.disabled and not view.next_page.disabled
    assert view.counter.label == f"1/{len(expected)}"


@pytest.mark.parametrize("embed_links", [True, False])
async def test_pages_are_rendered_off_the_event_loop(monkeypatch, embed_links: bool) -> None:
    """A long answer's hundreds of pages are worked out in a thread, not on the loop."""
    loop_thread, threads = threading.get_ident(), []
    for name in ("embed_pages", "text_pages"):
        made = getattr(bot.pages, name)

        def recorded(*args, made=made):
            threads.append(threading.get_ident())
            return made(*args)

        monkeypatch.setattr(bot.pages, name, recorded)
    ctx = MockContext(embed_links=embed_links)
    await send_answer(ctx, long_answer(), SETTINGS)
    assert len(ctx.sent()) == 1
    assert len(threads) == 1 and threads[0] != loop_thread


async def test_without_embed_links_the_answer_is_plain_text_within_2000() -> None:
    ctx = MockContext(embed_links=False)
    await send_answer(ctx, long_answer(200), SETTINGS)
    (sent,) = ctx.sent()
    assert "embed" not in sent
    pages = sent["view"].pages
    assert all(isinstance(p, str) and 0 < len(p) <= 2000 for p in pages)
    assert "fact number 199" in "".join(pages)


async def test_a_refused_embed_falls_back_to_text() -> None:
    ctx = MockContext()
    forbidden = discord.Forbidden(_response(403), "Missing Permissions")
    replies: list[dict] = []

    def send(*args, **kwargs):
        if "embed" in kwargs:
            raise forbidden
        replies.append(kwargs)
        return MockMessage()

    ctx.send.side_effect = send
    await send_answer(ctx, long_answer(3), SETTINGS)
    assert len(replies) == 1 and "fact number 2" in replies[0]["content"]


def _response(status: int):
    class Response:
        reason = "Forbidden"

    r = Response()
    r.status = status
    return r


async def test_the_asker_turns_pages_forward_and_back() -> None:
    pages = [to_embed(p) for p in render_pages(long_answer(), SETTINGS.page_lines)]
    owner = MockMember()
    view = PagesView(pages, owner.id, timeout=60)
    click = MockInteraction(user=owner)
    await press(view, view.next_page, click)
    click.response.edit_message.assert_awaited_once()
    kwargs = click.response.edit_message.call_args.kwargs
    assert kwargs["embed"] is pages[1] and kwargs["view"] is view
    assert view.current == 1 and view.counter.label == f"2/{len(pages)}"
    assert not view.previous_page.disabled

    back = MockInteraction(user=owner)
    await press(view, view.previous_page, back)
    assert back.response.edit_message.call_args.kwargs["embed"] is pages[0]
    assert view.previous_page.disabled


async def test_the_last_page_disables_next_and_stays_put() -> None:
    pages = ["one", "two"]
    owner = MockMember()
    view = PagesView(pages, owner.id, timeout=60)
    await press(view, view.next_page, MockInteraction(user=owner))
    assert view.next_page.disabled and view.current == 1
    again = MockInteraction(user=owner)
    await view.show(again, view.current + 1)  # a stale click past the end
    assert view.current == 1
    assert again.response.edit_message.call_args.kwargs["content"] == "two"


async def test_someone_else_gets_a_polite_private_refusal_and_the_page_stays() -> None:
    owner, other = MockMember(), MockMember()
    view = PagesView(["one", "two"], owner.id, timeout=60)
    click = MockInteraction(user=other)
    await press(view, view.next_page, click)
    click.response.send_message.assert_awaited_once_with(NOT_YOURS, ephemeral=True)
    click.response.edit_message.assert_not_awaited()
    assert view.current == 0


async def test_the_timeout_removes_the_buttons() -> None:
    # discord.py calls on_timeout once the view has been idle for `timeout` seconds; that it
    # fires for real is checked end to end in test_dpytest.py.
    view = PagesView(["one", "two"], owner_id=1, timeout=60)
    view.message = MockMessage()
    await view.on_timeout()
    view.message.edit.assert_awaited_once_with(view=None)


async def test_a_deleted_message_at_timeout_is_not_an_error() -> None:
    view = PagesView(["one", "two"], owner_id=1, timeout=60)
    view.message = MockMessage()
    view.message.edit.side_effect = discord.NotFound(_response(404), "Unknown Message")
    await view.on_timeout()
    view.message.edit.assert_awaited_once()


async def test_any_error_at_timeout_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    view = PagesView(["one", "two"], owner_id=1, timeout=60)
    view.message = MockMessage()
    view.message.edit.side_effect = RuntimeError("the session is closed")
    await view.on_timeout()
    assert "could not remove the page buttons" in caplog.text


async def test_a_view_needs_pages() -> None:
    with pytest.raises(ValueError):
        PagesView([], owner_id=1, timeout=1)
