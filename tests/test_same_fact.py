"""The restated-fact rule's shortcuts (one word set within the other, the union's size worked
out from the intersection) score every pair as the plain rule does."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from bot.dedupe import _Item, _same_fact, _under_heading, may_be_same

WORDS = ["frigate", "pacific", "summit", "tokyo", "berlin", "energy", "hydrogen", "treaty"]


def _plain(a: _Item, b: _Item, heads: dict[str, tuple[int, ...]]) -> float:
    """The rule as written out: headline under its section, else close word sets."""
    shared = len(a.words & b.words)
    if not shared:
        return 0.0
    small = min(len(a.words), len(b.words))
    jaccard = shared / len(a.words | b.words)
    doc_heads = heads.get(a.doc_id, ())
    for head, body in ((a, b), (b, a)):
        under = head.heading and not body.heading and _under_heading(body, head, doc_heads)
        if under and shared >= 2 and shared / len(head.words) >= 0.5:
            return 1.0 + jaccard
    if shared / small >= 0.8 and small >= 3:
        ratio = fuzz.token_set_ratio(" ".join(sorted(a.words)), " ".join(sorted(b.words)))
        if ratio >= 90:
            return 1.0 + jaccard
    return 0.0


def _item(rng: random.Random, position: int) -> _Item:
    words = frozenset(rng.sample(WORDS, rng.randint(1, 6)))
    return _Item(position, rng.choice("ab"), rng.randint(0, 4), words, rng.random() < 0.3)


def test_the_shortcuts_score_as_the_plain_rule() -> None:
    rng = random.Random(5)
    heads = {"a": (0, 2), "b": (1,)}
    same = scored = 0
    for i in range(4000):
        a, b = _item(rng, 2 * i), _item(rng, 2 * i + 1)
        if rng.random() < 0.3:  # restated word for word
            b = _Item(b.position, b.doc_id, b.paragraph, a.words, b.heading)
        assert _same_fact(a, b, heads) == _plain(a, b, heads), (a, b)
        same += (a.words <= b.words or b.words <= a.words) and min(len(a.words), len(b.words)) >= 3
        scored += _plain(a, b, heads) > 0
    assert same > 100 and scored > 500  # both the shortcut and the scores were met


def test_the_window_filter_keeps_every_pair_the_rule_finds_the_same() -> None:
    """may_be_same skips pairs before _same_fact reads them: it must never skip one that
    _same_fact scores, and it does skip pairs (one shared word, or word sets far apart)."""
    rng = random.Random(11)
    heads = {"a": (0, 2), "b": (1,)}
    skipped = same = 0
    for _ in range(400):
        item = _item(rng, 0)
        window = [_item(rng, k + 1) for k in range(16)]
        kept = may_be_same(item, window)
        assert kept == sorted(kept)
        for k, other in enumerate(window):
            if k not in kept:
                skipped += 1
                assert _same_fact(item, other, heads) == 0.0, (item, other)
            else:
                same += _same_fact(item, other, heads) > 0
    assert skipped > 1000 and same > 100  # both kinds of pair were met


def test_the_window_filter_skips_a_pair_sharing_one_word() -> None:
    item = _Item(0, "a", 1, frozenset({"frigate", "pacific", "sent"}), False)
    others = [
        _Item(1, "a", 2, frozenset({"frigate", "ports"}), False),
        _Item(2, "a", 3, frozenset({"frigate", "pacific", "sent", "navy"}), False),
    ]
    assert may_be_same(item, others) == [1]
