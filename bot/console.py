"""The terminal front-end: a REPL (`python -m bot console`) and one-shot `python -m bot ask`.

It talks to the same BriefingService as the Discord bot, so what works here works there. Input
is read in a worker thread, so the event loop stays free while the prompt waits.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from bot import seed_intake
from bot.answers import Answer
from bot.briefing import split_command
from bot.config import load_settings
from bot.errors import UserError
from bot.follows import CONSOLE_CHANNEL, Digest
from bot.reload_listeners import ReloadResult
from bot.reload_report import ReloadReport, counted
from bot.render import render_error_text, render_text
from bot.service import BriefingService
from bot.usage import USAGE

EXIT_OK, EXIT_USAGE = 0, 2
LEAVE = {"quit", "exit", "q"}


async def dispatch(service: BriefingService, line: str, who: str = "console") -> Answer:
    """One command line → an Answer; `reload` and `add <url>` are allowed here (the terminal is
    the admin), and so are follows: they are kept for the console's own pseudo-channel, and a
    reload shows what it would post there."""
    prefix = service.settings.prefix
    name, arg = split_command(line, prefix)
    follows = service.follows
    if name == "reload":
        return await _reload(service, who)
    if name == "add":
        return await _add(service, arg, who)
    if name == "follow":
        return await follows.follow(0, CONSOLE_CHANNEL, arg, who, prefix)
    if name == "unfollow":
        return await follows.unfollow(CONSOLE_CHANNEL, arg, prefix)
    if name == "following":
        return await follows.following(CONSOLE_CHANNEL, prefix)
    if name == "changes":
        return await follows.changes(arg)
    if name == "export":  # a file, written into the current folder
        snap = service.snapshot
        from bot.export import export_answer  # writers load only when a file is asked for

        return await export_answer(snap.facts, snap.index, arg, Path())
    return service.ask(name, arg)


async def _add(service: BriefingService, url: str, who: str) -> Answer:
    """`add <url>`: the article saved, then the reload's report as `_reload` gives it."""
    if not url:
        raise UserError("Give the link of a web page to add.", usage=USAGE["add"])
    saved: list[str] = []

    async def add() -> ReloadReport:
        name, report = await seed_intake.add_link(service, url, who)
        saved.append(name)
        return report

    answer = await _reload(service, who, add)
    return replace(answer, intro=f"Saved `{saved[0]}` into seeds/. {answer.intro}".strip())


async def _reload(
    service: BriefingService,
    who: str,
    run: Callable[[], Awaitable[ReloadReport]] | None = None,
) -> Answer:
    """The reload report (of `run`, an add, when given), then what the console's follows
    receive (recorded as posted)."""
    got: list[Digest] = []

    async def collect(result: ReloadResult) -> None:
        got.extend(await service.follows.digests(result, service.settings.prefix, console=True))

    off = service.on_reload(collect)
    try:
        report = await (run() if run else service.reload(who))
    finally:
        off()
    answer = report.to_answer()
    for digest in got:
        await service.follows.mark_posted(digest)
        posted = digest.answer
        answer = replace(
            answer,
            sections=answer.sections
            + tuple(replace(s, heading=f"Followed here: {s.heading}") for s in posted.sections),
            documents=posted.documents,
        )
    return answer


def _banner(service: BriefingService) -> str:
    counts = service.facts.counts()
    bits = ", ".join(counted(v, k) for k, v in counts.items())
    lines = [f"Briefbot console: {bits}.", "Type `help` (or `!help`); Ctrl-D leaves."]
    for e in service.errors:
        lines.append(f"warning: {e}")
    return "\n".join(lines)


async def _console(service: BriefingService) -> int:
    await service.start()
    print(_banner(service))
    for digest in service.follows.take_startup_digests(console=True):
        await service.follows.mark_posted(digest)  # seeds changed since the console last ran
        print(render_text(digest.answer))
    try:
        while True:
            try:
                line = await asyncio.to_thread(input, "briefbot> ")
            except EOFError:
                print()
                return EXIT_OK
            if not line.strip():
                continue
            if line.strip().lstrip(service.settings.prefix).casefold() in LEAVE:
                return EXIT_OK
            try:
                print(render_text(await dispatch(service, line)))
            except UserError as exc:
                print(render_error_text(exc, service.settings.prefix))
    finally:
        await service.close()


def run_console(config_path: str | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    service = BriefingService(load_settings(config_path))
    try:
        return asyncio.run(_console(service))
    except KeyboardInterrupt:
        print()
        return EXIT_OK


async def _ask(service: BriefingService, line: str, who: str = "console") -> int:
    await service.start(prepare=False)  # one answer: build only the index tables it reads
    try:
        print(render_text(await dispatch(service, line, who)))
        return EXIT_OK
    except UserError as exc:
        print(render_error_text(exc, service.settings.prefix), file=sys.stderr)
        return EXIT_USAGE
    finally:
        await service.close()


def ask_once(line: str, config_path: str | None = None, who: str = "console") -> int:
    """Print one answer; a user mistake prints a friendly message and returns 2."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not line.strip():
        print("Ask something, e.g. python -m bot ask '!ministers'", file=sys.stderr)
        return EXIT_USAGE
    return asyncio.run(_ask(BriefingService(load_settings(config_path)), line, who))
