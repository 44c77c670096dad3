"""`python -m bot check`: validate config and seeds without starting anything.

Meant for admins before a reload and for CI: every file with its fact counts, every error with
file, line and reason, exit 1 when there is any.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import load_lexicon, load_settings
from bot.errors import ConfigError, SeedError
from bot.extract import extract_document
from bot.models import CuratedFacts, Document
from bot.seeds import list_seed_files, read_seed


@dataclass(frozen=True)
class CheckReport:
    text: str
    errors: tuple[str, ...]


def run_check(config_path: str | None = None) -> CheckReport:
    lines: list[str] = []
    errors: list[str] = []
    try:
        settings = load_settings(config_path)
        lexicon = load_lexicon(settings.config_dir)
    except ConfigError as exc:
        return CheckReport(f"config: ERROR {exc}", (str(exc),))
    lines.append(f"config: ok ({settings.config_dir})")
    seeds = list_seed_files(settings.seeds_dir)
    lines.append(f"seeds: {len(seeds)} file(s) in {settings.seeds_dir}")
    if not seeds:
        lines.append("  (no .md, .txt or .yaml files: the bot will know nothing)")
    for seed in seeds:
        try:
            result = read_seed(seed)
        except SeedError as exc:
            errors.append(str(exc))
            lines.append(f"  {seed.name}: ERROR line {exc.line or '-'}: {exc.reason}")
            continue
        if isinstance(result, Document):
            facts = extract_document(result, lexicon)
            lines.append(
                f"  {seed.name}: ok: {len(facts.people)} people, {len(facts.quotes)} quotes, "
                f"{len(facts.commitments)} commitments, {len(facts.events)} events"
                + ("" if result.date else " (no date: relative dates stay unresolved)")
            )
        elif isinstance(result, CuratedFacts):
            lines.append(
                f"  {seed.name}: ok (curated): {len(result.people)} people, "
                f"{len(result.role_synonyms)} role synonyms, {len(result.corrections)} corrections"
            )
    lines.append(f"{len(errors)} error(s)" if errors else "all good")
    return CheckReport("\n".join(lines), tuple(errors))


__all__ = ["CheckReport", "run_check"]
