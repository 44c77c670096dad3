"""The fact model shared by every layer.

Facts are frozen so that a FactBase handed to readers can never change under them: a reload
builds new objects and swaps one reference. Every fact keeps the Source it came from, because
the bot never shows a fact it cannot cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def _pickled_as_fields(cls: type[T]) -> type[T]:
    """Pickles each instance as (its class, its field values): unpickling calls the class.

    A frozen dataclass with slots otherwise unpickles through a `__setstate__` that looks up
    the class's fields again for every object, and the facts of a thousand documents cross
    from the extraction workers as some 40,000 objects: this halves their unpickling in the
    parent (0.45 -> 0.2 s) and their pickling in the workers. Example:
    `pickle.loads(pickle.dumps(Source("d", 1, "s")))` calls `Source("d", 1, "s")`.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    values = attrgetter(*names)
    single = len(names) == 1  # attrgetter of one name gives the value, not a tuple

    def reduce(self: T) -> tuple[type[T], tuple[Any, ...]]:
        got = values(self)
        return cls, ((got,) if single else got)

    cls.__reduce__ = reduce  # type: ignore[assignment,method-assign]
    return cls


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact was read: the document, the paragraph (1-based) and the sentence itself."""

    doc_id: str
    paragraph: int
    sentence: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One seed document, body without its front matter."""

    id: str
    title: str
    path: str
    text: str
    sha256: str
    date: str | None = None
    source: str | None = None
    kind: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    date_inferred: bool = False  # the date is the text's first full date, not front matter


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the documents.

    `roles` keep the document's own wording ("Defense Minister", "Outside"); `offices` are the
    same roles read through the role synonyms ("Foreign Affairs"), for answers and matching.
    `former` marks people the text names only as predecessors or ex-office holders, so that
    `!ministers` can leave them out.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    party: str | None = None
    country: str | None = None
    former: bool = False
    sources: tuple[Source, ...] = ()


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """A directly quoted span; `speaker` is a Person id or, for a body or document, its name."""

    text: str
    speaker: str | None
    source: Source


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Commitment:
    """A sentence saying what an actor wants, will, plans, agreed or decided to do."""

    sentence: str
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    source: Source
    when: str | None = None


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement; `when` is ISO-like: `2024`, `2023-05`, `2023-03-18` or a range `A/B`."""

    when: str
    what: str
    source: Source


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """Everything extracted from one document, before documents are merged.

    The last three fields are what the search index needs of the document, worked out once at
    extraction so that building an index is a matter of reading them:
    `sentences` are (paragraph, start, end) offsets into `document.text`, in order
    ((1, 0, 54) is the first sentence of paragraph 1); `sentence_words` holds, for each of them,
    the folded words it is found by, space-joined ("frigate pacific"); `quote_topics` holds the
    topic slugs of each quote, in the order of `quotes` (("defense", "security"),). A document
    stored before these existed has them empty, and the index works them out again.
    """

    document: Document
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    events: tuple[Event, ...] = ()
    sentences: tuple[tuple[int, int, int], ...] = ()
    sentence_words: tuple[str, ...] = ()
    quote_topics: tuple[tuple[str, ...], ...] = ()


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class CuratedPerson:
    """An admin's word about a person: full name, aliases, and fields that override extraction."""

    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    party: str | None = None
    country: str | None = None
    former: bool | None = None
    file: str = ""
    line: int = 0


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Correction:
    """An admin's fix for one extracted fact: drop it, or replace some of its fields.

    `match` is text the fact must contain (a quote's text, a commitment's sentence, an event's
    `what`); `kind` is one of quote, commitment, event, person.
    """

    kind: str
    match: str
    drop: bool = False
    set: tuple[tuple[str, object], ...] = ()
    file: str = ""
    line: int = 0


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class CuratedFacts:
    """All curated YAML files in seeds/, merged."""

    people: tuple[CuratedPerson, ...] = ()
    role_synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    corrections: tuple[Correction, ...] = ()
    files: tuple[str, ...] = field(default=())
