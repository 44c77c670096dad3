"""MergedSaver: the latest generation's merged facts are stored after a pause, or at close."""

from __future__ import annotations

import asyncio

from bot.factbase import FactBase
from bot.merged_saver import MergedSaver


class FakeStore:
    def __init__(self, fail: bool = False) -> None:
        self.saved: list[int] = []
        self.fail = fail

    async def save_merged(self, generation: int, facts: FactBase) -> None:
        if self.fail:
            raise OSError("disk full")
        self.saved.append(generation)


async def test_a_newer_generation_supersedes_one_still_waiting() -> None:
    store = FakeStore()
    saver = MergedSaver(lambda: store, delay=60)
    saver.schedule(1, FactBase())
    saver.schedule(2, FactBase())
    await saver.flush()
    assert store.saved == [2]
    await saver.flush()  # nothing left
    assert store.saved == [2]


async def test_the_save_comes_after_the_pause() -> None:
    store = FakeStore()
    saver = MergedSaver(lambda: store, delay=0.01)
    saver.schedule(3, FactBase())
    assert store.saved == []
    await asyncio.sleep(0.1)
    assert store.saved == [3]


async def test_a_failed_save_is_logged_and_no_store_saves_nothing(caplog) -> None:
    saver = MergedSaver(lambda: FakeStore(fail=True), delay=60)
    saver.schedule(4, FactBase())
    await saver.flush()
    assert "could not store the merged facts of generation 4" in caplog.text
    none = MergedSaver(lambda: None, delay=60)
    none.schedule(5, FactBase())
    await none.flush()
