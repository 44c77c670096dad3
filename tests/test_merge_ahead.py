"""Merging ahead while documents are extracted: the final merge and index equal a merge of
everything at once, only a few merges run, and a small reload merges nothing ahead."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.config import FuzzySettings, load_lexicon
from bot.errors import SeedError
from bot.factbase import MergeCache, build_factbase
from bot.merge_ahead import MergeAhead
from bot.search import FactIndex
from tests.incremental_corpus import CURATED, random_document
from tests.test_incremental import _answers

LEXICON = load_lexicon()
FUZZY = FuzzySettings()


def _documents(seed: int, count: int):
    rng = random.Random(seed)
    return [random_document(rng, f"doc-{n:02d}") for n in range(count)]


async def _feed(ahead: MergeAhead, outcomes) -> None:
    """Hand the outcomes over one by one, each after the merge under way is done (a pool
    slower than the merges: on a busy host a merge may outlast several outcomes, and which
    marks start one would depend on the host's speed)."""
    for outcome in outcomes:
        ahead.take(outcome)
        await asyncio.sleep(0)
        while ahead.running:
            await asyncio.sleep(0.001)


@pytest.mark.parametrize("seed", range(4))
async def test_the_merge_after_merging_ahead_equals_one_merge_of_everything(seed: int) -> None:
    documents = _documents(seed, 36)
    kept, extracted = documents[:6], documents[6:]
    cache = MergeCache()
    ahead = MergeAhead(cache, CURATED, LEXICON, FUZZY, kept, len(extracted), least=10)
    failed = SeedError("broken.md", None, "not a document")
    await _feed(ahead, [*extracted[:10], failed, *extracted[10:]])
    index = await ahead.settle()
    assert ahead.merges == 2  # at 70% and at 90% of the documents
    assert index is not None
    everything = [*kept, *extracted]
    final = build_factbase(everything, CURATED, LEXICON, cache=cache)
    fresh = build_factbase(everything, CURATED, LEXICON)
    assert final == fresh
    borrowed = FactIndex(final, LEXICON, FUZZY, previous=index).prepare()
    assert _answers(final, borrowed) == _answers(fresh, FactIndex(fresh, LEXICON, FUZZY))


async def test_a_reload_of_few_documents_merges_nothing_ahead() -> None:
    documents = _documents(1, 12)
    ahead = MergeAhead(MergeCache(), CURATED, LEXICON, FUZZY, [], len(documents), least=20)
    await _feed(ahead, documents)
    assert await ahead.settle() is None
    assert ahead.merges == 0


async def test_a_failing_merge_ahead_fails_the_settle_and_stop_only_waits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Broken(MergeCache):
        def use_rules(self, curated, lexicon) -> None:
            raise RuntimeError("a merge rule broke")

    documents = _documents(2, 20)
    for finish in ("settle", "stop"):
        ahead = MergeAhead(Broken(), CURATED, LEXICON, FUZZY, [], len(documents), least=10)
        await _feed(ahead, documents)
        if finish == "settle":
            with pytest.raises(RuntimeError, match="a merge rule broke"):
                await ahead.settle()
        else:
            await ahead.stop()
            assert "a merge ahead failed" in caplog.text
        assert ahead.merges == 0
