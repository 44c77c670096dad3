"""What a merge keeps between reloads, so the next one redoes only what its changes touch.

`build_factbase(documents, curated, lexicon, cache=cache)` equals the build without a cache,
whatever documents the earlier builds saw: every entry is keyed by the objects it was worked
out from, so a changed document misses and an unchanged one hits.
"""

from __future__ import annotations


class MergeCache:
    """Results of earlier merges, by the inputs they were worked out from."""
