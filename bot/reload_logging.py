"""Writing reloads and admin actions to the log and to the store's reload log.

Every reload's report goes to the log and, with a store, to its reload log (what `!reloads`
shows); so does an admin action that is not a reload, such as a refused upload. A store that
cannot be written is logged and changes nothing else. Example: `await log_report(store, report)`
after a reload that changed two files writes "reload by ana: 2 changed ..." to both.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.reload_report import ReloadReport, where
from bot.store import ReloadLogEntry

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)


async def log_report(store: Store | None, report: ReloadReport) -> None:
    """A reload's report, to the log and the store's reload log."""
    log.info("%s by %s: %s", report.action, report.who, report.summary())
    entry = ReloadLogEntry(
        when=report.when,
        who=report.who,
        action=report.action,
        summary=report.summary(),
        errors=tuple(f"{where(e)}: {e.reason}" for e in report.errors),
        generation=report.generation,
    )
    await _write(store, entry)


async def record_action(
    store: Store | None, when: str, who: str, action: str, summary: str
) -> None:
    """An admin action that is not a reload (a refusal, a rejected upload)."""
    log.info("%s by %s: %s", action, who, summary)
    await _write(store, ReloadLogEntry(when, who, action, summary))


async def _write(store: Store | None, entry: ReloadLogEntry) -> None:
    if store is None:
        return
    try:
        await store.log_reload(entry)
    except Exception:
        log.exception("could not write the reload log")
