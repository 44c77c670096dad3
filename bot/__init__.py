"""Briefbot: a fact base built from policy briefing documents, asked from Discord or a terminal.

`create_bot` is loaded lazily so that the core (seeds, extraction, fact base, answers) can be
imported without discord.py doing any work.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_bot"]


def __getattr__(name: str) -> Any:
    if name == "create_bot":
        from bot.discord_app import create_bot

        return create_bot
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
