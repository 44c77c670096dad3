"""Curated facts: what an admin writes in seeds/*.yaml, checked key by key.

Each rule names the file and line of a mistake (SeedError), so an admin editing YAML on a
server never reads a traceback: `people: [{aliases: [x]}]` → "each person needs a name".
"""

from __future__ import annotations

from typing import Any

from bot.errors import SeedError
from bot.models import Correction, CuratedPerson
from bot.yamlfile import LineDict, line_of

CURATED_KEYS = {"people", "role_synonyms", "corrections"}
CORRECTION_KINDS = {"quote", "commitment", "event", "person"}
CORRECTION_FIELDS = {
    "quote": {"text", "speaker"},
    "commitment": {"actors", "topics", "when"},
    "event": {"when", "what"},
    "person": {"roles", "party", "country", "former"},
}


def str_list(file: str, data: LineDict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise SeedError(file, line_of(data, key), f"{key} must be a list of text")
    return tuple(str(v) for v in value)


def opt_str(file: str, data: LineDict, key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise SeedError(file, line_of(data, key), f"{key} must be text")
    return str(value).strip() or None


def check_keys(file: str, data: LineDict, allowed: set[str], what: str) -> None:
    for key in data:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise SeedError(file, line_of(data, key), f"unknown key {key!r} in {what}; use {known}")


def curated_person(file: str, item: Any, line: int | None) -> CuratedPerson:
    if not isinstance(item, dict):
        raise SeedError(file, line, "each person must be a mapping with at least a name")
    allowed = {"name", "aliases", "roles", "party", "country", "former"}
    check_keys(file, item, allowed, "a person")
    name = opt_str(file, item, "name")
    if not name:
        raise SeedError(file, line_of(item), "each person needs a name")
    former = item.get("former")
    if former is not None and not isinstance(former, bool):
        raise SeedError(file, line_of(item, "former"), "former must be true or false")
    return CuratedPerson(
        name=name,
        aliases=str_list(file, item, "aliases"),
        roles=str_list(file, item, "roles"),
        party=opt_str(file, item, "party"),
        country=opt_str(file, item, "country"),
        former=former,
        file=file,
        line=line_of(item) or 0,
    )


def correction(file: str, item: Any, line: int | None) -> Correction:
    if not isinstance(item, dict):
        raise SeedError(file, line, "each correction must be a mapping: kind, match, drop or set")
    check_keys(file, item, {"kind", "match", "drop", "set"}, "a correction")
    kind = opt_str(file, item, "kind")
    if kind not in CORRECTION_KINDS:
        kinds = ", ".join(sorted(CORRECTION_KINDS))
        raise SeedError(file, line_of(item, "kind"), f"kind must be one of {kinds}")
    match = opt_str(file, item, "match")
    if not match:
        raise SeedError(file, line_of(item), "a correction needs `match`: text the fact contains")
    drop = item.get("drop", False)
    if not isinstance(drop, bool):
        raise SeedError(file, line_of(item, "drop"), "drop must be true or false")
    changes = item.get("set") or {}
    if not isinstance(changes, dict):
        raise SeedError(file, line_of(item, "set"), "set must be a mapping of field: value")
    for key in changes:
        if key not in CORRECTION_FIELDS[kind]:
            allowed = ", ".join(sorted(CORRECTION_FIELDS[kind]))
            raise SeedError(
                file, line_of(changes, key), f"a {kind} has no field {key!r}; use {allowed}"
            )
    if not drop and not changes:
        raise SeedError(file, line_of(item), "a correction needs `drop: true` or `set: {...}`")
    frozen = tuple((str(k), tuple(v) if isinstance(v, list) else v) for k, v in changes.items())
    return Correction(kind, match, drop, frozen, file, line_of(item) or 0)
