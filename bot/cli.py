"""The command line: `python -m bot {console,ask,add,check,extract,export,run}`.

Exit codes: 0 done, 1 errors in config or seeds (check) or an unexpected failure, 2 a user
mistake (bad command or argument), so scripts can tell the cases apart.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.config import load_lexicon, load_settings
from bot.errors import BriefbotError, ConfigError, SeedError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _extract(args: argparse.Namespace) -> int:
    from bot.extract import extract_document
    from bot.extract_json import facts_to_json
    from bot.seeds import parse_document

    settings = load_settings(args.config)
    lexicon = load_lexicon(settings.config_dir)
    results = {}
    for name in args.files:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            print(f"{name}: cannot read ({exc.strerror})", file=sys.stderr)
            return EXIT_USAGE
        document = parse_document(path, raw)
        results[name] = facts_to_json(extract_document(document, lexicon))
    out = results[args.files[0]] if len(args.files) == 1 else results
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=None if len(args.files) == 1 else 1)
        sys.stdout.write("\n")
    else:
        for name, facts in results.items():
            print(f"== {name}")
            for kind in ("people", "quotes", "commitments", "events"):
                print(f"{kind}:")
                for item in facts[kind]:
                    print("  ", json.dumps(item, ensure_ascii=False))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from bot.check import run_check

    report = run_check(args.config)
    print(report.text)
    return EXIT_ERRORS if report.errors else EXIT_OK


def _ask(args: argparse.Namespace) -> int:
    from bot.console import ask_once

    return ask_once(" ".join(args.command), config_path=args.config)


def _add(args: argparse.Namespace) -> int:
    from bot.console import ask_once

    return ask_once(f"add {args.url}", config_path=args.config, who="command line")


def _console(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return run_console(config_path=args.config)


def _export(args: argparse.Namespace) -> int:
    from bot.export import run_export_cli

    kind, value = next(
        ((k, v) for k in ("topic", "country", "document") if (v := getattr(args, k))), ("", "")
    )
    return run_export_cli(args.config, args.format, kind, value, args.output)


def _run(args: argparse.Namespace) -> int:
    from bot.discord_app import run_discord

    return run_discord(config_path=args.config)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Briefbot: ask questions about policy briefings in seeds/.",
    )
    parser.add_argument("--config", help="path to bot.yaml (default: config/bot.yaml)")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="cmd", metavar="COMMAND")
    commands = (
        ("console", _console, "ask the bot in a terminal (Ctrl-D leaves)",
         "A prompt where every command works as on Discord (`ministers` or `!ministers`);"
         " `reload` re-reads seeds/. Ctrl-D or `quit` leaves."),
        ("ask", _ask, "one answer on stdout, e.g. ask '!commitments defense'",
         "Print one answer and exit: 0 for an answer, 2 for a mistake in the question (the"
         " message goes to stderr)."),
        ("add", _add, "fetch a web article into seeds/ and reload",
         "Fetch the page at URL, save its article text as a .md document in seeds/ (title,"
         " date, source and site in its front matter) and reload; exit 2 with the reason when"
         " the link is refused (private address, not a web page, too large, already added)."),
        ("check", _check, "validate config and seeds; per-file fact counts",
         "Read config/ and every file in seeds/ as a reload would (limits, ids, extraction),"
         " print each file's fact counts or its error with the line, and exit 1 on any error."),
        ("extract", _extract, "print the facts extracted from documents",
         "Extract facts from document files (anywhere, not only seeds/) and print them; with"
         " --json, one JSON object per file."),
        ("export", _export, "write the facts to a file: Markdown, JSON or CSV",
         "Write a Markdown briefing, or the facts as JSON or CSV (one row per fact), for"
         " everything or one topic, country or document; -o - writes to stdout."),
        ("run", _run, "run the Discord bot (needs DISCORD_TOKEN)",
         "Connect to Discord with the token from DISCORD_TOKEN (or .env) and answer there until"
         " stopped; exits 1 when it cannot start or stops on an unexpected error."),
    )  # fmt: skip
    for name, func, summary, description in commands:
        p = sub.add_parser(name, help=summary, description=description)
        p.set_defaults(func=func)
        if name == "ask":
            p.add_argument("command", nargs="+", help="the command, with or without the prefix")
        if name == "add":
            p.add_argument("url", help="an http:// or https:// link to a web article")
        if name == "extract":
            p.add_argument("files", nargs="+", help="document files (.md or .txt)")
            p.add_argument("--json", action="store_true", help="print JSON")
        if name == "export":
            p.add_argument("--format", choices=("md", "json", "csv"), default="md")
            only = p.add_mutually_exclusive_group()
            for kind in ("topic", "country", "document"):
                only.add_argument(f"--{kind}", default="", help=f"only this {kind}")
            p.add_argument(
                "-o", "--output", help="file (default ./briefbot-export-<filter>.<format>)"
            )
    return parser


class _VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked (importlib.metadata costs
    every other command ~30 ms of imports)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib import metadata  # ~30 ms of imports: only --version reads it

    try:
        return metadata.version("briefbot")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _readable(text: str) -> str:
    """An argument as text any output can carry: bytes that were not UTF-8 become '�'."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # an ASCII or Latin-1 locale must not end the answer
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args([_readable(a) for a in (sys.argv[1:] if argv is None else argv)])
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows now, inside this try, not at interpreter exit
        return code
    except BrokenPipeError:  # `ask '!people' | head`: the reader left; leave quietly too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (ConfigError, SeedError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except BriefbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
