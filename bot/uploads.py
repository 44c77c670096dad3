"""Checking and saving an uploaded seed file: a refusal says why and changes nothing.

An upload is untrusted: its name may try to leave seeds/, shadow another document or be one the
loader ignores; its bytes may be huge, not text, or not parse. Every check runs before anything
is written, and the write itself is atomic (a temporary file renamed into place).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from bot.config import Settings
from bot.errors import SeedError, UserError
from bot.seeds import (
    CURATED_SUFFIXES,
    DOCUMENT_SUFFIXES,
    IGNORED_NAMES,
    SEED_SUFFIXES,
    check_limits,
    parse_curated,
    parse_document,
    slugify,
)

#: The longest name an uploaded file may have once made safe (file systems allow 255 bytes).
MAX_NAME = 100


def safe_display(name: str) -> str:
    """A file name fit for a message or log line: plain characters only, at most 80."""
    return re.sub(r"[^\w.\- ]", "?", name)[:80]


def _refuse_name(filename: str, base: str) -> None:
    if not base or base.startswith(".") or ".." in filename or "\x00" in filename:
        raise UserError(f"“{safe_display(filename)}” is not an acceptable file name.")
    if base.casefold() in IGNORED_NAMES:
        raise UserError(
            f"“{safe_display(base)}” is a name the bot ignores (README files describe the folder);"
            " rename it to upload it as a document."
        )


def _clash(folder: Path, name: str) -> str | None:
    """Another document file in `folder` with the same id as `name` (same name is a replace)."""
    doc_id = slugify(Path(name).stem)
    if not folder.is_dir():
        return None
    for other in folder.iterdir():
        if other.name == name or other.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        if other.name.casefold() not in IGNORED_NAMES and slugify(other.stem) == doc_id:
            return other.name
    return None


def check_upload(filename: str, data: bytes, settings: Settings) -> str:
    """The safe file name for an upload, or UserError saying why it is refused.

    Only the base name is kept (no folders, no `..`), made of plain characters and at most
    MAX_NAME long; its document id must be free; the content must be within the limits, UTF-8,
    and parse as the kind of seed its suffix says.
    `check_upload("My Notes (v2).MD", b"Text.", settings)` → "my-notes-v2.md".
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    _refuse_name(filename, base)
    stem, dot, suffix = base.rpartition(".")
    suffix = f".{suffix.casefold()}" if dot else ""
    if suffix not in SEED_SUFFIXES:
        allowed = ", ".join(SEED_SUFFIXES)
        raise UserError(f"Only {allowed} files can be uploaded, not “{safe_display(base)}”.")
    name = slugify(stem) + suffix
    if len(name) > MAX_NAME:
        raise UserError(
            f"The file name is {len(name)} characters long once made safe; the limit is"
            f" {MAX_NAME}. Please shorten it."
        )
    if not data:
        raise UserError("The file is empty.")
    if len(data) > settings.upload_max_bytes:
        raise UserError(
            f"The file is {len(data):,} bytes; the limit is {settings.upload_max_bytes:,}."
        )
    if suffix in DOCUMENT_SUFFIXES and (other := _clash(settings.seeds_dir, name)):
        raise UserError(
            f"{name} would have the same document id as {other}, which is already in seeds/."
            f" Upload it as {other} to replace it, or give it another name."
        )
    path = Path(name)
    try:
        check_limits(name, data, settings.limits)
        if suffix in CURATED_SUFFIXES:
            parse_curated(path, data)
        else:
            parse_document(path, data)
    except SeedError as exc:
        where = f" (line {exc.line})" if exc.line else ""
        raise UserError(f"{name}{where}: {exc.reason}") from None
    return name


def write_atomically(folder: Path, name: str, data: bytes) -> None:
    """Write `data` as folder/name all at once; UserError if the disk refuses."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    except OSError as exc:
        raise UserError(f"Could not save {name} into seeds/ ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / name)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"Could not save {name} into seeds/ ({exc.strerror}).") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["check_upload", "safe_display", "write_atomically"]
