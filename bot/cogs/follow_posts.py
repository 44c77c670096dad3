"""Posting follow digests to their channels after a reload.

Each digest goes to one followed channel as embeds (or plain text where the bot may not embed
links), cut to `MAX_POST_PAGES` messages with a pointer to `changes` for the rest. A channel
that is gone or refuses the post is logged and skipped, and its facts stay unposted so a later
digest can still carry them; the other channels still get theirs. Posts never ping: every send
passes `NO_MENTIONS`, and the text is defused by bot.render. Example: a digest of 9 pages with
`MAX_POST_PAGES` 6 is sent as 5 pages and "… and 4 more pages: `!changes` lists them all."
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.follows import Digest
from bot.pages import Page, embed_pages, text_pages

if TYPE_CHECKING:
    from bot.discord_app import Briefbot

log = logging.getLogger(__name__)
#: Messages one digest may take in a channel; a digest is cut well before (bot.follows).
MAX_POST_PAGES = 6
NO_MENTIONS = discord.AllowedMentions.none()
POSTABLE = (discord.TextChannel, discord.Thread, discord.VoiceChannel)


def digest_pages(bot: Briefbot, digest: Digest, channel: discord.abc.GuildChannel) -> list[Page]:
    """The messages of one digest: embeds where the bot may embed links, text otherwise, and
    never more than `MAX_POST_PAGES` (the last one then says how to see the rest)."""
    me = channel.guild.me
    if me is not None and channel.permissions_for(me).embed_links:
        pages: list[Page] = list(embed_pages(digest.answer, bot.settings))
    else:
        pages = list(text_pages(digest.answer))
    if len(pages) > MAX_POST_PAGES:  # a small `lines_per_page`: the rest is one line away
        rest = len(pages) - MAX_POST_PAGES + 1
        more = f"… and {rest} more pages: `{bot.settings.prefix}changes` lists them all."
        pages = [*pages[: MAX_POST_PAGES - 1], more]
    return pages


async def post_digest(bot: Briefbot, digest: Digest) -> bool:
    """Send one digest to its channel; False (logged) when the channel is gone or refuses."""
    channel = bot.get_channel(digest.channel)
    if not isinstance(channel, POSTABLE):
        log.warning(
            "followed channel %s (server %s) is gone or not a text channel; not posted",
            digest.channel,
            digest.guild,
        )
        return False
    try:
        for page in digest_pages(bot, digest, channel):
            if isinstance(page, discord.Embed):
                await channel.send(embed=page, allowed_mentions=NO_MENTIONS)
            else:
                await channel.send(page, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not post to followed channel %s: %s", digest.channel, exc)
        return False
    return True


async def post_digests(bot: Briefbot, digests: list[Digest]) -> None:
    """Post each digest and record what was sent; one that fails is logged, the rest still go."""
    for digest in digests:
        try:
            if await post_digest(bot, digest):
                await bot.service.follows.mark_posted(digest)
        except Exception:
            log.exception("could not post the follows of channel %s", digest.channel)
