"""Sending answers to Discord: embeds (or plain text), and Previous/Next pages for long ones.

Only the person who asked can turn the pages: in a busy channel anyone else pressing would yank
the page from under the reader. After the timeout the buttons are removed, so nobody presses a
button that no longer answers. Sizes are already within Discord's limits (bot.render makes
sure); this module only decides how to deliver them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.render import MESSAGE_LIMIT, EmbedPage, render_pages, render_text_pages

if TYPE_CHECKING:
    from discord.ext import commands

    from bot.answers import Answer
    from bot.config import Settings

log = logging.getLogger(__name__)

Page = discord.Embed | str
NOT_YOURS = (
    "Only the person who asked can turn these pages. "
    "Ask the same question yourself to get your own copy."
)
# Room left in a text page for nothing but safety: the counter lives on a button.
TEXT_PAGE_LIMIT = MESSAGE_LIMIT - 50


def to_embed(page: EmbedPage) -> discord.Embed:
    embed = discord.Embed(title=page.title, description=page.description, colour=page.colour)
    if page.footer:
        embed.set_footer(text=page.footer)
    return embed


def page_kwargs(page: Page) -> dict[str, Any]:
    """What `send` or `edit` needs to show one page (an edit must clear the other kind)."""
    if isinstance(page, discord.Embed):
        return {"content": None, "embed": page}
    return {"content": page, "embed": None}


def _send_kwargs(page: Page) -> dict[str, Any]:
    return {k: v for k, v in page_kwargs(page).items() if v is not None}


class PagesView(discord.ui.View):
    """Previous / page counter / Next under a message; only `owner_id` may press."""

    def __init__(self, pages: Sequence[Page], owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a paged answer needs at least one page")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.current = 0
        self.message: discord.Message | None = None
        self._refresh()

    def _refresh(self) -> None:
        last = len(self.pages) - 1
        self.previous_page.disabled = self.current == 0
        self.next_page.disabled = self.current == last
        self.counter.label = f"{self.current + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def show(self, interaction: discord.Interaction, index: int) -> None:
        self.current = max(0, min(index, len(self.pages) - 1))
        self._refresh()
        await interaction.response.edit_message(**page_kwargs(self.pages[self.current]), view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous_page(self, interaction: discord.Interaction, _button: discord.ui.Button):
        await self.show(interaction, self.current - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, _button: discord.ui.Button):
        # Disabled: a label, never pressed; Discord needs a callback all the same.
        await interaction.response.defer()

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.primary)
    async def next_page(self, interaction: discord.Interaction, _button: discord.ui.Button):
        await self.show(interaction, self.current + 1)

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        try:
            await self.message.edit(view=None)
        except discord.HTTPException as exc:  # deleted meanwhile, or no access: nothing to undo
            log.debug("could not remove the page buttons: %s", exc)
        except Exception:  # the view's timeout task must not die silently with a stray error
            log.exception("could not remove the page buttons")


def embed_pages(answer: Answer, settings: Settings) -> list[discord.Embed]:
    return [to_embed(p) for p in render_pages(answer, settings.page_lines)]


def text_pages(answer: Answer) -> list[str]:
    return render_text_pages(answer, TEXT_PAGE_LIMIT)


async def send_pages(
    ctx: commands.Context, pages: Sequence[Page], timeout: float, *, ephemeral: bool = False
) -> discord.Message:
    """One page: a plain message. More: the first page with the buttons."""
    if len(pages) == 1:
        return await ctx.send(**_send_kwargs(pages[0]), ephemeral=ephemeral)
    view = PagesView(pages, ctx.author.id, timeout)
    view.message = await ctx.send(**_send_kwargs(pages[0]), view=view, ephemeral=ephemeral)
    return view.message


async def send_answer(
    ctx: commands.Context, answer: Answer, settings: Settings, *, ephemeral: bool = False
) -> discord.Message:
    """Embeds where the bot may embed links; plain messages (<= 2000 characters) elsewhere.

    The pages are rendered off the event loop: a long answer (every quote of thousands of
    documents) makes hundreds of pages, tens of milliseconds of work."""
    if ctx.bot_permissions.embed_links:
        embeds = await asyncio.to_thread(embed_pages, answer, settings)
        try:
            return await send_pages(ctx, embeds, settings.page_timeout, ephemeral=ephemeral)
        except discord.Forbidden:
            # Permissions can change between the check and the send; words still get through.
            log.info("embeds refused in channel %s; sending text", getattr(ctx.channel, "id", "?"))
    texts = await asyncio.to_thread(text_pages, answer)
    return await send_pages(ctx, texts, settings.page_timeout, ephemeral=ephemeral)
