"""`export`: the facts as a file, built as plain data (name and bytes) for any front-end.

Discord attaches the file, the console and `python -m bot ask` write it into the current
folder (`./briefbot-export-<filter>.<format>`) and say where, and `python -m bot export` writes
it where `-o` says. Which facts go in is bot.export_select's business; how they are written,
bot.export_formats'. A file bigger than `max_bytes` (Discord's upload limit) is refused with a
UserError that says how to narrow it; the writers stop as soon as they pass the limit.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.answers import Answer
from bot.commands_facts import topics_with_commitments
from bot.errors import UserError
from bot.export_formats import Budget, ExportTooLarge, write_csv, write_json, write_markdown
from bot.export_select import FORMATS, ExportFilter, find_filter, parse_request, select
from bot.factbase import FactBase
from bot.search import FactIndex
from bot.store_records import utc_now
from bot.usage import USAGE, plural

#: Discord's upload limit where a server gives none (8 MiB, as for servers without boosts).
UPLOAD_LIMIT = 8 * 1024 * 1024
MEDIA_TYPES = {"md": "text/markdown", "json": "application/json", "csv": "text/csv"}


@dataclass(frozen=True)
class ExportFile:
    """An export as plain data: what to call the file and what it holds."""

    filename: str
    data: bytes
    format: str
    filter: ExportFilter
    facts: int
    documents: int

    def describe(self) -> str:
        """'12 facts from 1 document (3.4 KB)'."""
        return (
            f"{plural(self.facts, 'fact')} from {plural(self.documents, 'document')} "
            f"({size_text(len(self.data))})"
        )


def size_text(n: int) -> str:
    """'812 bytes', '3.4 KB', '8.0 MB' (powers of 1024, as Discord counts its limit)."""
    if n < 1024:
        return plural(n, "byte")
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def filename_for(chosen: ExportFilter, fmt: str) -> str:
    """'briefbot-export-topic-defense.json': only letters, digits and dashes before the dot."""
    return f"briefbot-export-{chosen.slug}.{fmt}"


def export_file(
    facts: FactBase,
    index: FactIndex,
    chosen: ExportFilter,
    fmt: str,
    max_bytes: int | None = None,
    exported: str | None = None,
) -> ExportFile:
    """The export of the facts `chosen` names, as `fmt` (md, json or csv).

    A UserError when nothing matches the filter, or when the file would pass `max_bytes`.
    """
    if fmt not in FORMATS:
        raise UserError(f"“{fmt}” is no export format: md, json or csv.", usage=USAGE["export"])
    selection = select(facts, index, chosen)
    if not selection.fact_count:
        what = "the documents" if chosen.kind == "all" else f"{chosen.kind} {chosen.label}"
        raise UserError(f"Nothing to export: no facts for {what}.", usage=USAGE["export"])
    out = Budget(max_bytes)
    stamp = exported or utc_now()
    try:
        if fmt == "json":
            write_json(out, selection, facts, index, stamp)
        elif fmt == "csv":
            write_csv(out, selection, facts, index)
        else:
            write_markdown(out, selection, facts, index, stamp)
    except ExportTooLarge:
        limit = size_text(max_bytes or 0)
        raise ExportTooLarge(
            f"The {fmt} export of {chosen.label} is over {limit}, the largest file I can send "
            f"here. Narrow it to one topic, country or document: `export <topic> {fmt}`.",
            usage=USAGE["export"],
            details=topics_with_commitments(facts),
        ) from None
    return ExportFile(
        filename_for(chosen, fmt),
        out.data(),
        fmt,
        chosen,
        selection.fact_count,
        len(selection.documents),
    )


def build_export(
    facts: FactBase,
    index: FactIndex,
    arg: str,
    max_bytes: int | None = None,
    exported: str | None = None,
) -> ExportFile:
    """`export [topic|country|document] [md|json|csv]` as a file (see bot.export_select)."""
    chosen, fmt = parse_request(index, arg)
    return export_file(facts, index, chosen, fmt, max_bytes, exported)


# -- the console and the command line ------------------------------------------------------


def save(file: ExportFile, folder: Path) -> Path:
    """Write the file into `folder` under its own name (replacing an older export of it)."""
    path = folder / file.filename
    path.write_bytes(file.data)
    return path


async def export_answer(facts: FactBase, index: FactIndex, arg: str, folder: Path) -> Answer:
    """The console's `export`: build and write the file off the event loop, say where it is."""
    file = await asyncio.to_thread(build_export, facts, index, arg)
    try:
        path = await asyncio.to_thread(save, file, folder)
    except OSError as exc:  # a read-only folder, a name taken by a folder: say so, write nothing
        raise UserError(
            f"Cannot write {folder / file.filename}: {exc.strerror or exc}.",
            usage=USAGE["export"],
        ) from None
    shown = f"./{path.name}" if path.parent == Path() else str(path)
    return Answer("export", f"Export: {file.filter.label}", f"Wrote {file.describe()} to {shown}.")


async def _export_cli(
    config_path: str | None, fmt: str, kind: str, value: str, output: str | None
) -> int:
    from bot.config import load_settings
    from bot.render import render_error_text
    from bot.service import BriefingService

    service = BriefingService(load_settings(config_path))
    await service.start(prepare=False)  # one export: build only the index tables it reads
    try:
        snap = service.snapshot
        chosen = find_filter(snap.index, value, (kind,)) if kind else ExportFilter()
        file = await asyncio.to_thread(export_file, snap.facts, snap.index, chosen, fmt)
    except UserError as exc:
        print(render_error_text(exc, service.settings.prefix), file=sys.stderr)
        return 2
    finally:
        await service.close()
    if output == "-":
        sys.stdout.buffer.write(file.data)
        sys.stdout.flush()
        return 0
    path = Path(output) if output else Path(file.filename)
    try:
        path.write_bytes(file.data)
    except OSError as exc:
        print(f"cannot write {path}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {file.describe()} to {path}.")
    return 0


def run_export_cli(
    config_path: str | None, fmt: str, kind: str, value: str, output: str | None
) -> int:
    """`python -m bot export`: 0 written, 1 cannot write, 2 a filter that names nothing."""
    return asyncio.run(_export_cli(config_path, fmt, kind, value, output))
