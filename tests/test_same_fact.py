"""The restated-fact rule's shortcuts (one word set within the other, the union's size worked
out from the intersection) score every pair as the plain rule does."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from bot.dedupe import _Item, _same_fact, _under_heading

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
