"""A bounded memo for per-text results that several extractors ask for.

People, quotes, commitments and actors read the same paragraphs, sentences and phrases: the
country mentions of a paragraph, the quoted stretches in it, the topics of a sentence. A rule
that depends on the text alone is worked out once and remembered for the next caller.

The memo is small (the texts of the last few documents) and skips long texts, so what it keeps
alive stays bounded whatever the input: at most `maxsize` entries of at most `max_chars`
characters each. Example: `@per_text(lambda p: len(p.text))` over `f(paragraph)` remembers
f for paragraphs up to 4,000 characters and recomputes it for longer ones.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Texts longer than this are worked out again on each call instead of being kept.
MAX_CHARS = 4000

_MEMOS: list[Any] = []


def clear() -> None:
    """Forget every remembered result (benchmarks use it to time documents cold)."""
    for memo in _MEMOS:
        memo.cache_clear()


class BoundedMemo(dict):
    """A dict of remembered results that empties itself when it holds `maxsize` entries,
    and that `clear` empties with the other memos. For a memo keyed otherwise than per_text
    keys it: `memo = BoundedMemo(4096)`, then `memo.get(key)` and `memo.put(key, value)`."""

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize
        _MEMOS.append(self)

    def put(self, key: Any, value: Any) -> None:
        if len(self) >= self.maxsize:
            self.clear()
        self[key] = value

    def cache_clear(self) -> None:
        self.clear()


def per_text(
    size: Callable[[Any], int] = len, maxsize: int = 256, max_chars: int = MAX_CHARS
) -> Callable[[F], F]:
    """Memoise a pure function of hashable arguments whose first one is (or holds) a text.

    `size` measures the first argument (len of the text by default); calls whose text is
    longer than `max_chars` go straight to the function. The results must not be mutated by
    callers: return tuples or frozen values.
    """

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(cached)

        @wraps(fn)
        def call(first: Any, *rest: Any) -> Any:
            if size(first) > max_chars:
                return fn(first, *rest)
            return cached(first, *rest)

        if size is len and _one_argument(fn):
            # The common case (a function of one text), called without packing arguments:
            # most of these calls are answered from the cache, so the wrapper is their cost.
            @wraps(fn)
            def call(first: Any) -> Any:  # type: ignore[misc]
                if len(first) > max_chars:
                    return fn(first)
                return cached(first)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap


def _one_argument(fn: Callable[..., Any]) -> bool:
    """Whether `fn` takes exactly one argument, passed by position: `f(text)`."""
    params = list(inspect.signature(fn).parameters.values())
    return len(params) == 1 and params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
