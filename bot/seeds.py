"""Reading seeds/: documents (.md, .txt with optional YAML front matter) and curated YAML.

Each file is read on its own and fails on its own with a SeedError (file, line, reason), so that
one broken file never costs the facts of the others; bot.service keeps its last good version.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.curated import CURATED_KEYS, check_keys, correction, curated_person, str_list
from bot.errors import SeedError
from bot.front_matter import date_value, first_full_date, read_front_matter, title_from_body
from bot.limits import Limits
from bot.models import CuratedFacts, Document
from bot.yamlfile import LineDict, YamlProblem, line_of, parse_yaml

DOCUMENT_SUFFIXES = (".md", ".txt")
CURATED_SUFFIXES = (".yaml", ".yml")
SEED_SUFFIXES = DOCUMENT_SUFFIXES + CURATED_SUFFIXES
#: Files that describe the folder rather than brief anyone.
IGNORED_NAMES = frozenset({"readme.md", "readme.txt"})
FRONT_MATTER_KEYS = {"title", "date", "published", "source", "url", "kind"}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeedFile:
    """A file in seeds/ and the hash of its bytes, to tell changed files from unchanged ones."""

    path: Path
    sha256: str

    @functools.cached_property
    def name(self) -> str:
        """The file's name (kept: a listing reuses the same SeedFile from reload to reload)."""
        return self.path.name

    @functools.cached_property
    def is_document(self) -> bool:
        return os.path.splitext(self.name)[1].lower() in DOCUMENT_SUFFIXES

    @functools.cached_property
    def is_curated(self) -> bool:
        """A curated YAML file an admin wrote (people, aliases, corrections), not a document."""
        return os.path.splitext(self.name)[1].lower() in CURATED_SUFFIXES

    @functools.cached_property
    def doc_id(self) -> str:
        """The id of the document this file holds: the slug of its name without the suffix."""
        return slugify(self.path.stem)


def slugify(text: str) -> str:
    """A stable, URL- and command-friendly id: "German–Japanese 2023.md" → german-japanese-2023."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "document"


def is_ignored_name(name: str) -> bool:
    """Names the loader skips: hidden files, README, and suffixes that are not seeds."""
    suffix = os.path.splitext(name)[1].lower()
    return name.startswith(".") or name.lower() in IGNORED_NAMES or suffix not in SEED_SUFFIXES


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symlinks followed, stays within `folder` (`seeds/a.txt -> /etc/passwd`
    does not)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _digest(path: Path, size: int, limits: Limits) -> str:
    """The file's sha256, read in chunks; an oversized file is not read: its size stands in."""
    if size > limits.file_bytes:
        return f"oversized-{size}"
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def list_seed_files(
    seeds_dir: Path,
    limits: Limits | None = None,
    known: dict[str, tuple[int, int, int, str]] | None = None,
    made: dict[str, SeedFile] | None = None,
) -> list[SeedFile]:
    """Every seed file, sorted by name, with its hash; a missing folder is an empty one.

    A symlink that leads out of the folder is skipped with a warning: seeds/ is what admins
    curate, and a link must not serve files from elsewhere on the host. `known` remembers each
    file's (size, mtime, inode, hash) between calls, so a file whose size, modification time and
    inode are unchanged is not read again, and `made` keeps its SeedFile, so the same file is
    the same object from one listing to the next: listing 1,000 unchanged files costs one
    directory read and 1,000 `stat` calls.
    """
    limits = limits or Limits()
    try:
        with os.scandir(seeds_dir) as it:
            entries = sorted(it, key=_entry_name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    out = []
    for entry in entries:
        name = entry.name
        seed = made.get(name) if made is not None else None
        if seed is None and is_ignored_name(name):
            continue
        try:
            if entry.is_symlink() and not _inside(Path(entry.path), seeds_dir):
                log.warning("skipped %s: a symlink that leads outside %s", name, seeds_dir)
                continue
            st = entry.stat()  # follows a link; one system call, the only one per file
        except FileNotFoundError:  # removed meanwhile, or a link to nothing
            continue
        except OSError as exc:
            log.warning("skipped %s: cannot read it (%s)", name, exc.strerror)
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        seen = known.get(name) if known is not None else None
        stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
        if seen and seen[:3] == stamp:
            digest = seen[3]
        else:
            try:
                digest = _digest(Path(entry.path), st.st_size, limits)
            except OSError as exc:
                log.warning("skipped %s: cannot read it (%s)", name, exc.strerror)
                continue
            if known is not None:
                known[name] = (*stamp, digest)
        if seed is None or seed.sha256 != digest:
            seed = SeedFile(Path(entry.path), digest)
            if made is not None:
                made[name] = seed
        out.append(seed)
    return out


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def check_size(file: str, size: int, limits: Limits) -> None:
    """Refuse a file over the cap before reading it: `check_size("a.txt", 2**21, Limits())`."""
    if size > limits.file_bytes:
        raise SeedError(
            file,
            None,
            f"the file is {size:,} bytes; a seed file may have at most {limits.file_bytes:,}"
            " (limits.file_bytes in config/bot.yaml)",
        )


def check_limits(file: str, raw: bytes, limits: Limits) -> None:
    """Refuse, before any parsing, a file bigger than the cap or holding a run of characters
    longer than any real word (the shape that makes text processing slow and useless).

    Both checks are one pass over the bytes.
    `check_limits("a.txt", b"x" * 600, Limits(word_chars=500))` raises SeedError at line 1.
    """
    check_size(file, len(raw), limits)
    if max(map(len, raw.split()), default=0) <= limits.word_chars:
        return
    for match in re.finditer(rb"\S+", raw):
        if len(match.group()) > limits.word_chars:
            line = raw.count(b"\n", 0, match.start()) + 1
            raise SeedError(
                file,
                line,
                f"a run of {len(match.group()):,} characters without a space; no word or link is"
                f" that long (the limit is {limits.word_chars:,}: limits.word_chars)",
            )


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SeedError(path.name, line, "the file is not UTF-8 text") from None
    if "\x00" in text:
        raise SeedError(path.name, None, "the file looks binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None, text, 1


def parse_document(path: Path, raw: bytes) -> Document:
    """A Document from a file's bytes; SeedError for anything a reader could not use."""
    text = _decode(path, raw)
    fm, body, body_line = split_front_matter(text)
    meta: LineDict = LineDict()
    if fm is not None:
        data = read_front_matter(path, fm)
        if data is not None and not isinstance(data, dict):
            raise SeedError(path.name, 2, "front matter must be `key: value` lines")
        meta = data if isinstance(data, LineDict) else LineDict(data or {})
    if not body.strip():
        raise SeedError(path.name, body_line, "the document has no text after its front matter")
    for key in ("title", "source", "url", "kind"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str | int | float):
            raise SeedError(path.name, line_of(meta, key), f"{key} must be plain text")
    date = date_value(path.name, meta, "date") or date_value(path.name, meta, "published")
    inferred = date is None and (date := first_full_date(body)) is not None
    title = str(meta.get("title") or "").strip() or title_from_body(body, path)
    source = meta.get("source") or meta.get("url")
    extra = tuple(
        (str(k), str(v)) for k, v in meta.items() if k not in FRONT_MATTER_KEYS and v is not None
    )
    return Document(
        id=slugify(path.stem),
        title=title,
        path=str(path),
        text=body.strip("\n"),
        sha256=hashlib.sha256(raw).hexdigest(),
        date=date,
        source=str(source).strip() if source else None,
        kind=str(meta["kind"]).strip() if meta.get("kind") else None,
        extra=extra,
        date_inferred=inferred,
    )


def parse_curated(path: Path, raw: bytes) -> CuratedFacts:
    """Curated facts from one YAML file; SeedError with the line of the first mistake."""
    file = path.name
    try:
        data = parse_yaml(_decode(path, raw))
    except YamlProblem as exc:
        raise SeedError(file, exc.line, exc.reason) from None
    if data is None:
        return CuratedFacts(files=(file,))
    if not isinstance(data, dict):
        raise SeedError(
            file, 1, "a curated file must be a mapping: people, role_synonyms, corrections"
        )
    check_keys(file, data, CURATED_KEYS, "a curated file")
    people_raw = data.get("people") or []
    if not isinstance(people_raw, list):
        raise SeedError(file, line_of(data, "people"), "people must be a list")
    people = tuple(
        curated_person(file, p, line_of(people_raw, i)) for i, p in enumerate(people_raw)
    )
    syn_raw = data.get("role_synonyms") or {}
    if not isinstance(syn_raw, dict):
        raise SeedError(
            file, line_of(data, "role_synonyms"), "role_synonyms must map a role to a list"
        )
    synonyms = tuple((str(k), str_list(file, syn_raw, k)) for k in syn_raw)
    corr_raw = data.get("corrections") or []
    if not isinstance(corr_raw, list):
        raise SeedError(file, line_of(data, "corrections"), "corrections must be a list")
    corrections = tuple(correction(file, c, line_of(corr_raw, i)) for i, c in enumerate(corr_raw))
    return CuratedFacts(
        people=people, role_synonyms=synonyms, corrections=corrections, files=(file,)
    )


def read_seed(seed: SeedFile, limits: Limits | None = None) -> Document | CuratedFacts:
    """Read and validate one seed file, refusing it before parsing if it breaks the limits."""
    limits = limits or Limits()
    try:
        check_size(seed.name, seed.path.stat().st_size, limits)
        raw = seed.path.read_bytes()
    except OSError as exc:
        raise SeedError(seed.name, None, f"cannot read the file ({exc.strerror})") from None
    check_limits(seed.name, raw, limits)
    if seed.is_document:
        return parse_document(seed.path, raw)
    return parse_curated(seed.path, raw)


def merge_curated(parts: list[CuratedFacts]) -> CuratedFacts:
    """One CuratedFacts from several files, in file-name order (later files add to earlier)."""
    return CuratedFacts(
        people=tuple(p for c in parts for p in c.people),
        role_synonyms=tuple(s for c in parts for s in c.role_synonyms),
        corrections=tuple(x for c in parts for x in c.corrections),
        files=tuple(f for c in parts for f in c.files),
    )


def id_clashes(documents: list[SeedFile], known: set[str]) -> dict[str, SeedError]:
    """Files whose document id (the slug of the name) another file already has, with the error.

    Two files with one id would mix or replace each other's facts. The file the caller already
    knows keeps the id; among new files, the first by name: with `a.txt` loaded, a new `A.md`
    is refused, never the other way round.
    """
    owner: dict[str, str] = {}
    refused: dict[str, SeedError] = {}
    for s in sorted(documents, key=lambda s: (s.name not in known, s.name)):
        doc_id = s.doc_id
        if doc_id in owner:
            reason = (
                f"its document id “{doc_id}” is already {owner[doc_id]}'s; rename or remove one"
            )
            refused[s.name] = SeedError(s.name, None, reason)
        else:
            owner[doc_id] = s.name
    return refused
