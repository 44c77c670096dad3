"""Start-up from an empty database: the extraction workers start before the documents are
sorted out, all of them, so their start-up overlaps the parent's listing."""

from __future__ import annotations

from dataclasses import replace

from bot.config import Settings
from bot.service import BriefingService


async def test_a_start_from_an_empty_database_starts_every_worker(workdir: Settings) -> None:
    settings = replace(workdir, limits=replace(workdir.limits, workers=3))
    service = BriefingService(settings)
    try:
        report = await service.start()
        assert not report.from_store and report.totals["documents"] >= 1
        # fewer documents than workers: only prestarting starts all three
        assert len(service.extract_pool.workers.live) == 3
    finally:
        await service.close()
        service.extract_pool.close()


async def test_a_start_from_the_store_starts_no_worker(workdir: Settings) -> None:
    settings = replace(workdir, limits=replace(workdir.limits, workers=5))
    first = BriefingService(settings)
    await first.start()
    await first.close()
    first.extract_pool.close()
    service = BriefingService(settings)
    try:
        report = await service.start()
        assert report.from_store
        assert "extract_pool" not in vars(service)  # the pool was never even taken
    finally:
        await service.close()
