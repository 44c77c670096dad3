"""Title heads: the word a title is built around and the modifiers before it.

A head is a word such as "Minister", "Secretary" or "President"; modifiers and portfolio words
("Deputy Prime", "2nd Vice", "Defense") stand before it, a tail ("General") or a status word
("designate") may follow it. "Japanese Defense Minister nominee" has the modifier "Defense",
the head "Minister" and the status word "nominee".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains, itemgetter

from bot.extract.names import Vocab, is_ordinal
from bot.extract.tokens import Token

_TEXT = itemgetter(0)  # a Token's text
_DROP_CAP_RE = re.compile(r"[A-Z]{2}[a-z]{2,}")


@dataclass(frozen=True, slots=True)
class HeadSpan:
    """The tokens of a title's head: its first modifier, head word, last head token, and
    whether a word in it marks a former holder ("then-Secretary")."""

    first: int
    head: int
    end: int
    former: bool


@lru_cache(maxsize=4096)
def fold_title_word(word: str) -> tuple[str, bool]:
    """A title word folded for lookup, and whether it carried a former-marker prefix.

    "then-Secretary" is a former Secretary; "President-elect" and "Secretary-designate" read
    as their title. Remembered per word: every token of every paragraph is looked up.
    """
    w = word.casefold()
    for suffix in ("-elect", "-designate", "-nominee"):
        if w.endswith(suffix) and len(w) > len(suffix):
            w = w[: -len(suffix)]
    if w.startswith("co-") and len(w) > 3:
        w = w[3:]  # "co-leader", "Co-Chair": the head is the word after
    for prefix in ("then-", "ex-", "former-"):
        if w.startswith(prefix) and len(w) > len(prefix):
            return w[len(prefix) :], True
    return w, False


def compound_head(word: str, v: Vocab) -> bool:
    """Whether a word is a head joined to its modifiers by hyphens: "vice-chairman",
    "deputy-leader". Such a word is one token, so the modifier rule cannot see its parts."""
    if "-" not in word:
        return False
    *mods, head = word.split("-")
    return bool(mods) and head in v.heads and all(m in v.modifiers for m in mods)


def is_head(t: list[Token], blocked: list[bool], i: int, v: Vocab) -> bool:
    """Whether token i is a title's head word.

    A listed head ("Minister"), a hyphenated compound ("vice-chairman"), the second word of a
    compound head ("First Lady"), or a rank in lower case after "the" ("the general said"):
    a rank names its holder only there.
    """
    tok = t[i]
    w, _ = fold_title_word(tok.bare)
    if blocked[i] or (w not in v.head_words and "-" not in w):
        return False
    if w in v.heads or compound_head(w, v):
        return True
    if i > 0 and (t[i - 1].text.casefold(), w) in v.compound_heads:
        return True  # "First Lady": its first word is read as the title's modifier
    # "the general said": a rank names its holder only in lower case after "the".
    return w in v.rank_nouns and not tok.capitalised and i > 0 and t[i - 1].text.casefold() == "the"


def drop_cap_word(t: list[Token], i: int, v: Vocab) -> str:
    """A token's word, without a drop cap that scraping doubled at a paragraph's start
    ("BEconomics Minister" is "Economics Minister")."""
    w = t[i].text
    if i == 0 and _DROP_CAP_RE.fullmatch(w) and v.is_title_word(w[1:]):
        return w[1:]
    return w


def is_modifier(t: list[Token], blocked: list[bool], i: int, capital: bool, v: Vocab) -> bool:
    """Whether token i may stand before a head as part of the title.

    Ordinals ("2nd Vice"), modifiers ("Deputy"), portfolio words ("Defense") and other heads
    ("Prime Minister") do; under a capitalised head only capitalised words do, so "the new
    Defense Minister" keeps "new" out of the title.
    """
    tok = t[i]
    if blocked[i] or tok.possessive:
        return False
    if is_ordinal(tok.text):
        return True
    if capital and not tok.capitalised:
        return False
    w, _ = fold_title_word(drop_cap_word(t, i, v))
    return w in v.modifiers or w in v.office or w in v.heads or is_ordinal(tok.text)


def head_candidates(
    texts: list[str], folded: list[str], words: frozenset[str], hyphen: bool, v: Vocab
) -> list[int]:
    """The indexes of the tokens for which v.may_head holds, found from the paragraph's
    folded tokens (`folded`, as a set `words`) and whether its text holds a hyphen.

    A token may be a head when it holds a hyphen or, its possessive dropped, folds to a head
    word; its fold is then one of v.head_keys. So a paragraph whose folded words miss every
    key and whose text has no hyphen has no candidate, told by one set test in C: "Ana Paz
    met the envoy" gives [] at once, "the Minister's plan" gives [2].
    """
    keys = v.head_keys
    cands = (
        [] if words.isdisjoint(keys) else list(compress(count(), map(keys.__contains__, folded)))
    )
    if hyphen:
        hyphenated = compress(count(), map(contains, texts, repeat("-")))
        cands = sorted(set(cands).union(hyphenated))
    may_head = v.may_head
    return [i for i in cands if may_head(texts[i])]


def find_heads(
    t: list[Token],
    blocked: list[bool],
    v: Vocab,
    texts: list[str] | None = None,
    cands: list[int] | None = None,
) -> list[HeadSpan]:
    """The heads of a paragraph's titles, left to right, each with its modifiers.

    "Deputy Prime Minister designate" is one span: modifiers "Deputy Prime", head "Minister",
    status word "designate". Scanning resumes after each span, so a head never sits inside the
    previous title. `texts` are the tokens' texts when the caller has listed them already,
    `cands` the tokens that may be a head when it has found them (head_candidates).
    """
    n = len(t)
    heads: list[HeadSpan] = []
    if cands is None:
        # The tokens that may be a head, in one pass: a word without a hyphen whose fold is
        # no head word is none (folding such a word only lower-cases it).
        words = texts if texts is not None else list(map(_TEXT, t))  # the tokens' texts
        cands = list(compress(count(), v.may_heads(words)))
    i = 0
    for c in cands:
        if c < i:
            continue
        i = c
        if not is_head(t, blocked, i, v):
            continue
        capital = t[i].capitalised
        end = i
        if i + 1 < n and fold_title_word(t[i + 1].text)[0] in v.tails and t[i + 1].capitalised:
            end = i + 1
        # "Foreign minister nominee", "Prime Minister designate": still the title
        if end + 1 < n and fold_title_word(t[end + 1].text)[0] in v.status:
            end += 1
        k = i
        while (
            k > 0
            and is_modifier(t, blocked, k - 1, capital, v)
            and not is_head(t, blocked, k - 1, v)
        ):
            k -= 1
        former = any(fold_title_word(t[j].text)[1] for j in range(k, end + 1))
        heads.append(HeadSpan(k, i, end, former))
        i = end + 1
    return heads
