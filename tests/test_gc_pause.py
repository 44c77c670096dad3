"""Threads switch sooner while a reload runs, and the interval comes back as it was."""

from __future__ import annotations

import sys

from bot.config import Settings
from bot.gc_pause import RELOAD_SWITCH_INTERVAL, quick_thread_switches
from bot.service import BriefingService


def test_overlapping_reloads_restore_the_switch_interval_when_the_last_ends() -> None:
    before = sys.getswitchinterval()
    first, second = quick_thread_switches(), quick_thread_switches()
    first.__enter__()
    assert sys.getswitchinterval() == RELOAD_SWITCH_INTERVAL != before
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends before the second
    assert sys.getswitchinterval() == RELOAD_SWITCH_INTERVAL
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


async def test_a_reload_merges_with_quick_switches_and_puts_the_interval_back(
    workdir: Settings,
) -> None:
    before = sys.getswitchinterval()
    seen: list[float] = []

    async def progress(message: str) -> None:
        seen.append(sys.getswitchinterval())

    service = BriefingService(workdir)
    await service.start()
    assert sys.getswitchinterval() == before
    (workdir.seeds_dir / "added.md").write_text("The harbour board met on 3 May 2024.\n")
    await service.reload("tester", progress=progress)
    assert seen and set(seen) == {RELOAD_SWITCH_INTERVAL}
    assert sys.getswitchinterval() == before
    await service.close()
