"""New seed files from admins: an upload or a link, checked, saved into seeds/, then a reload.

Each is refused with the reason and nothing saved when it fails a check: the file's name,
size and kind (bot.uploads), the link's address and page (bot.add_link), or extraction itself
(run in the pool, under the time limit, before the file is saved). Example: an upload of
`notes.md` whose extraction takes longer than `limits.extract_seconds` is refused, and
seeds/ stays as it was.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import SeedError, UserError
from bot.seeds import DOCUMENT_SUFFIXES, SeedFile
from bot.store_records import utc_now
from bot.uploads import check_upload, safe_display, write_atomically
from bot.urls import short

if TYPE_CHECKING:
    from bot.reload_report import ReloadReport
    from bot.service import BriefingService, Progress


async def upload(
    service: BriefingService,
    filename: str,
    data: bytes,
    who: str,
    progress: Progress | None = None,
) -> tuple[str, ReloadReport]:
    """Check an uploaded seed, save it into seeds/, reload; UserError refuses it untouched."""
    settings = service.settings
    try:
        name = await asyncio.to_thread(check_upload, filename, data, settings)
        if Path(name).suffix in DOCUMENT_SUFFIXES:
            await try_extract(service, name, data)
        await asyncio.to_thread(write_atomically, settings.seeds_dir, name, data)
    except UserError as exc:
        await service.record(who, "upload refused", f"{safe_display(filename)}: {exc.message}")
        raise
    report = await service.reload(who, action=f"upload {name}", progress=progress)
    return name, report


async def add_link(
    service: BriefingService, url: str, who: str, progress: Progress | None = None
) -> tuple[str, ReloadReport]:
    """Fetch the article at `url`, save it into seeds/ as a document, reload; UserError
    refuses it with the reason and nothing saved (the steps are in bot.add_link)."""
    from bot.add_link import draft_link, save_draft  # loads aiohttp: only adds pay for it

    try:
        draft = await draft_link(url, who, utc_now(), service.settings)
        await try_extract(service, draft.name, draft.data)
        name = await asyncio.to_thread(save_draft, draft, service.settings)
    except UserError as exc:
        await service.record(who, "add refused", f"{short(url)}: {exc.message}")
        raise
    report = await service.reload(who, action=f"add {name}", progress=progress)
    return name, report


async def try_extract(service: BriefingService, name: str, data: bytes) -> None:
    """UserError if the document would fail extraction (too slow, a crash)."""
    with tempfile.TemporaryDirectory(prefix="briefbot-upload-") as folder:
        path = Path(folder) / name
        await asyncio.to_thread(path.write_bytes, data)
        seed = SeedFile(path, hashlib.sha256(data).hexdigest())
        (outcome,) = await service.extract_pool.extract(
            [seed], service.lexicon, service.settings.limits
        )
    if isinstance(outcome, SeedError):
        raise UserError(f"{name}: {outcome.reason}")
