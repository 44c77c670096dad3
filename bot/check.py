"""`python -m bot check`: validate config and seeds without starting anything.

Meant for admins before a reload and for CI: every file with its fact counts, every error with
file, line and reason, exit 1 when there is any. Documents go through the same limits, id
rules and extraction worker pool (with its time limit) as a reload, so `check` passing means a
reload will accept the same files.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.config import Settings, load_lexicon, load_settings
from bot.errors import ConfigError, SeedError
from bot.extraction_pool import ExtractionPool
from bot.models import CuratedFacts, DocumentFacts
from bot.seeds import id_clashes, list_seed_files, read_seed, slugify


@dataclass(frozen=True)
class CheckReport:
    text: str
    errors: tuple[str, ...]


def admin_summary(settings: Settings) -> str:
    """Who counts as an admin under this config, in one line (also logged at start-up)."""
    if not settings.home_guilds:
        return (
            "admins: the bot owner only (no home_guilds in config/bot.yaml: Manage Server and"
            " admin roles count in no server)"
        )
    ids = ", ".join(str(g) for g in settings.home_guilds)
    return f"admins: the bot owner, and Manage Server or an admin role in the home servers {ids}"


def _date_note(facts: DocumentFacts) -> str:
    if not facts.document.date:
        return " (no date: relative dates stay unresolved)"
    if facts.document.date_inferred:
        return f" (no date in front matter: {facts.document.date} read from the text)"
    return ""


def _document_line(name: str, facts: DocumentFacts) -> str:
    return (
        f"  {name}: ok: {len(facts.people)} people, {len(facts.quotes)} quotes, "
        f"{len(facts.commitments)} commitments, {len(facts.events)} events" + _date_note(facts)
    )


def run_check(config_path: str | None = None) -> CheckReport:
    lines: list[str] = []
    errors: list[str] = []
    try:
        settings = load_settings(config_path)
        lexicon = load_lexicon(settings.config_dir)
    except ConfigError as exc:
        return CheckReport(f"config: ERROR {exc}", (str(exc),))
    lines.append(f"config: ok ({settings.config_dir})")
    lines.append(admin_summary(settings))
    seeds = list_seed_files(settings.seeds_dir, settings.limits)
    lines.append(f"seeds: {len(seeds)} file(s) in {settings.seeds_dir}")
    if not seeds:
        lines.append("  (no .md, .txt or .yaml files: the bot will know nothing)")
    documents = [s for s in seeds if s.is_document]
    first: dict[str, str] = {}  # the file that had each id first keeps it, as on a reload
    for s in sorted(documents, key=lambda s: (s.path.stat().st_mtime_ns, s.name)):
        first.setdefault(slugify(s.path.stem), s.name)
    clashes = id_clashes(documents, set(first.values()))
    extracted = [d for d in documents if d.name not in clashes]
    pool = ExtractionPool(settings.limits.workers)
    try:
        outcomes = asyncio.run(
            pool.extract([s for s in documents if s.name not in clashes], lexicon, settings.limits)
        )
    finally:
        pool.close()
    by_name: dict[str, DocumentFacts | SeedError | CuratedFacts] = dict(clashes)
    by_name.update((s.name, o) for s, o in zip(extracted, outcomes, strict=True))
    for seed in seeds:
        if not seed.is_document:
            try:
                by_name[seed.name] = read_seed(seed, settings.limits)
            except SeedError as exc:
                by_name[seed.name] = exc
        result = by_name[seed.name]
        if isinstance(result, SeedError):
            errors.append(str(result))
            lines.append(f"  {seed.name}: ERROR line {result.line or '-'}: {result.reason}")
        elif isinstance(result, DocumentFacts):
            lines.append(_document_line(seed.name, result))
        else:
            lines.append(
                f"  {seed.name}: ok (curated): {len(result.people)} people, "
                f"{len(result.role_synonyms)} role synonyms, {len(result.corrections)} corrections"
            )
    lines.append(f"{len(errors)} error(s)" if errors else "all good")
    return CheckReport("\n".join(lines), tuple(errors))


__all__ = ["CheckReport", "admin_summary", "run_check"]
