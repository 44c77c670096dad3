"""A document's front matter read into its metadata: dates, the title, values YAML would
misread, and the first full date in the text when the front matter gives none.

Example: `title: Scholz in Tokyo: what Germany wants` is read as that title (YAML alone refuses
it), and a document without `date:` that opens "On June 27, 2023, ..." is dated 2023-06-27.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from bot.errors import SeedError
from bot.yamlfile import LineDict, YamlProblem, line_of, parse_yaml

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_value(file: str, meta: LineDict, key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if text.casefold() in ("", "unknown", "none", "n/a"):
        return None
    if not _DATE_RE.match(text):
        raise SeedError(file, line_of(meta, key), f"{key} must look like 2023-03-18, not {text!r}")
    try:
        parts = [int(p) for p in text.split("-")]
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise SeedError(file, line_of(meta, key), f"{key} {text!r} is not a real date") from None
    return text


def title_from_body(body: str, path: Path) -> str:
    for line in body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


_PLAIN_VALUE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^'\"\[{|>&*!%@`#\s].*?)[ \t]*$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_FULL_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b"
)


def _quote_plain_values(front_matter: str) -> str:
    """Front matter with each top-level `key: value` whose value holds ': ' put in quotes.

    Admins write `title: Scholz in Tokyo: what Germany wants`, which YAML reads as a nested
    mapping and refuses; quoted, it is the title they meant.
    """
    out = []
    for line in front_matter.split("\n"):
        m = _PLAIN_VALUE.match(line)
        if m and (": " in m.group(2) or m.group(2).endswith(":")):
            line = f"{m.group(1)}: {json.dumps(m.group(2), ensure_ascii=False)}"
        out.append(line)
    return "\n".join(out)


def first_full_date(text: str) -> str | None:
    """The first complete calendar date in the text, as ISO: "On June 27, 2023, …" → 2023-06-27.

    A document without a `date:` still has one when its text states it; relative dates ("on
    Saturday") then resolve from it. Only dates with day, month and year count.
    """
    for m in _FULL_DATE.finditer(text):
        if m.group("y1"):
            year, month, day = (
                m.group("y1"),
                _MONTHS.split("|").index(m.group("m1")) + 1,
                m.group("d1"),
            )
        elif m.group("y2"):
            year, month, day = (
                m.group("y2"),
                _MONTHS.split("|").index(m.group("m2")) + 1,
                m.group("d2"),
            )
        else:
            year, month, day = m.group("y3"), m.group("m3"), m.group("d3")
        try:
            return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def read_front_matter(path: Path, fm: str) -> object:
    try:
        return parse_yaml(fm, first_line=2)
    except YamlProblem as exc:
        problem = exc
    try:
        return parse_yaml(_quote_plain_values(fm), first_line=2)
    except YamlProblem:
        raise SeedError(path.name, problem.line, f"front matter: {problem.reason}") from None
