"""`lazy`: an attribute worked out on first use and then kept on the instance.

functools.cached_property does the same behind a lock (Python 3.11), which costs more than
the small per-paragraph lists the people rules keep this way (a paragraph view works out five
of them, for every paragraph of every document). The instances that use it (a paragraph view,
a name reader) are made and read inside one extraction call and never shared between threads,
so no lock is needed; were two threads to race, both would store the same value.

Example: `class View: @lazy def folded(self): return [...]`; `view.folded` runs the function
once, stores the list in `view.__dict__["folded"]`, and later reads find it there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class lazy(Generic[T]):
    """A non-data descriptor: the first read runs the function and stores its value under
    the same name in the instance's __dict__, where every later read finds it."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T | lazy[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value
