"""The command table: one function per command, (FactBase, FactIndex, argument text) → Answer.

The commands live by area (bot.commands_people, bot.commands_facts, bot.commands_docs). Pure and
synchronous: the console, the Discord cogs and the tests all call these same
functions, and every fact line carries the Source it came from. A user mistake raises UserError
with usage and "did you mean" choices; it never reaches the user as a trace.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers import Answer, Line, Section, remember
from bot.errors import UserError
from bot.usage import USAGE

if TYPE_CHECKING:
    from bot.factbase import FactBase
    from bot.search import FactIndex

__all__ = ["COMMANDS", "Command", "answer", "help_answer", "split_command", "suggest_command"]

Handler = Callable[["FactBase", "FactIndex", str], Answer]

#: Each command's module (under bot/): a command's code is imported when it is first asked, so
#: one answer (`python -m bot ask '!ministers'`) loads the one module it runs.
_MODULES = {
    "ministers": "commands_people",
    "people": "commands_people",
    "who": "commands_people",
    "quotes": "commands_facts",
    "commitments": "commands_facts",
    "topics": "commands_facts",
    "timeline": "commands_docs",
    "search": "commands_docs",
    "sources": "commands_docs",
    "brief": "commands_docs",
    "compare": "compare",
}


#: Answers kept per generation: a question asked again (by several users, or a page of
#: buttons re-asked) is answered from the first reply; answers are frozen, so it is shared.
KEEP_ANSWERS = 32


def _command(name: str) -> Handler:
    """The function of command `name`, imported from its module on first call."""

    def run(facts: FactBase, index: FactIndex, arg: str) -> Answer:
        function: Handler = getattr(importlib.import_module(f"bot.{_MODULES[name]}"), name)
        return function(facts, index, arg)

    run.__name__ = run.__qualname__ = name
    return run


@dataclass(frozen=True)
class Command:
    """A command as users see it; `argument` names what its argument autocompletes from."""

    name: str
    usage: str
    summary: str
    handler: Handler | None  # None: handled by the service (reload) or a front-end (sync)
    argument: str | None = None  # "topic", "person", "document", "person-or-topic", ...
    admin: bool = False
    examples: tuple[str, ...] = ()


def _help(facts: FactBase, index: FactIndex, arg: str) -> Answer:
    return help_answer("!", arg)


def help_answer(prefix: str = "!", arg: str = "") -> Answer:
    """The commands, or one command in detail."""
    arg = arg.strip().lstrip(prefix).casefold()
    if arg:
        cmd = COMMANDS.get(arg)
        if not cmd:
            raise UserError(
                f"There is no command “{arg}”.",
                usage=f"{prefix}help [command]",
                suggestions=suggest_command(arg),
            )
        lines = [Line(f"`{prefix}{cmd.usage}` — {cmd.summary}")]
        lines += [Line(f"`{prefix}{e}`") for e in cmd.examples]
        if cmd.admin:
            lines.append(Line("Admins only: the bot owner, Manage Server, or a configured role."))
        return Answer("help", f"Help: {cmd.name}", "", (Section("Usage", tuple(lines)),))
    lines = tuple(
        Line(f"`{prefix}{c.usage}` — {c.summary}" + (" (admin)" if c.admin else ""))
        for c in COMMANDS.values()
    )
    intro = (
        "Ask about the briefing documents in seeds/. Every fact comes with the sentence it was "
        f"read from. Typos are fine: `{prefix}who pistorious`, `{prefix}commitments defence`."
    )
    return Answer("help", "Briefbot commands", intro, (Section("Commands", lines),))


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("help", USAGE["help"], "what the bot can do", _help, "command"),
        Command(
            "ministers",
            USAGE["ministers"],
            "members of government: heads, ministers, secretaries",
            _command("ministers"),
            "country-or-party",
            examples=("ministers", "ministers germany", "ministers spd"),
        ),
        Command("people", USAGE["people"], "everyone named in the documents", _command("people")),
        Command(
            "who",
            USAGE["who"],
            "one person: roles, party, country, quotes",
            _command("who"),
            "person",
            examples=("who scholz", "who pistorious"),
        ),
        Command(
            "quotes",
            USAGE["quotes"],
            "direct quotes, by speaker or topic",
            _command("quotes"),
            "person-or-topic",
            examples=("quotes", "quotes scholz", "quotes defense"),
        ),
        Command(
            "commitments",
            USAGE["commitments"],
            "what was agreed or planned; no topic: topics with counts",
            _command("commitments"),
            "topic",
            examples=("commitments", "commitments defence", "commitments minerals"),
        ),
        Command("topics", USAGE["topics"], "the topics, with counts", _command("topics")),
        Command(
            "timeline",
            USAGE["timeline"],
            "dated statements in order",
            _command("timeline"),
            "year",
            examples=("timeline", "timeline 2024"),
        ),
        Command(
            "search",
            USAGE["search"],
            "sentences that contain the words",
            _command("search"),
            "text",
            examples=("search frigate pacific",),
        ),
        Command("sources", USAGE["sources"], "the documents and their links", _command("sources")),
        Command("brief", USAGE["brief"], "one document in a screen", _command("brief"), "document"),
        Command(
            "compare",
            USAGE["compare"],
            "two countries, people or parties side by side",
            _command("compare"),
            "side",
            examples=("compare germany japan", 'compare "Olaf Scholz" japan'),
        ),
        Command(
            "export",
            USAGE["export"],
            "the facts as a file: a Markdown briefing, JSON or CSV",
            None,  # a file, not an answer: the front-ends write or attach it (bot.export)
            "export",
            examples=("export", "export defense json", "export japan csv"),
        ),
        Command(
            "reload",
            USAGE["reload"],
            "re-read seeds/ and report what changed",
            None,
            admin=True,
        ),
        Command(
            "add",
            USAGE["add"],
            "fetch a web article into seeds/ and reload",
            None,
            admin=True,
            examples=("add https://example.org/news/article",),
        ),
        # Follows and changes read the store: the service answers them (bot.follow_service).
        Command(
            "follow",
            USAGE["follow"],
            "post new facts on it here after each reload (Manage Channels or admins)",
            None,
            "followable",
            examples=("follow defense", "follow scholz", "follow germany"),
        ),
        Command(
            "unfollow",
            USAGE["unfollow"],
            "stop posting new facts on it here (Manage Channels or admins)",
            None,
            "followed",
        ),
        Command("following", USAGE["following"], "what this channel follows", None),
        Command(
            "changes",
            USAGE["changes"],
            "facts added and removed by the last reload, or since a date",
            None,
            "since",
            examples=("changes", "changes 2026-11-30"),
        ),
    )
}


def suggest_command(name: str) -> tuple[str, ...]:
    from rapidfuzz import process

    hits = process.extract(name, list(COMMANDS), limit=3, score_cutoff=60)
    return tuple(h[0] for h in hits)


def split_command(text: str, prefix: str = "!") -> tuple[str, str]:
    """'!commitments  defence' → ('commitments', 'defence'); the prefix is optional."""
    text = text.strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    name, _, rest = text.partition(" ")
    return name.casefold(), rest.strip()


def answer(
    facts: FactBase, index: FactIndex, name: str, arg: str = "", prefix: str = "!"
) -> Answer:
    """Run one command by name; an unknown name is a UserError with "did you mean"."""
    cmd = COMMANDS.get(name)
    if name == "help":
        return help_answer(prefix, arg)
    if cmd is None or cmd.handler is None:
        raise UserError(
            f"There is no command “{name}”.",
            usage=f"{prefix}help",
            suggestions=suggest_command(name),
        )
    kept = index.lookups.kept("answers", facts, dict)  # this generation's answers, by question
    found = kept.get((name, arg))
    if found is None:
        found = cmd.handler(facts, index, arg)  # a UserError is raised again each time it is asked
        remember(kept, (name, arg), found, KEEP_ANSWERS)
    return found
