"""One generation's quotes by speaker and by paragraph, each table built on first use.

`who`, `quotes <person>` and `compare` read a person's quotes, and the commitment and event
lines read the quotes of the paragraph a fact came from (to tell who said a quoted clause); a
table answers each in one lookup instead of a pass over every quote.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from bot.models import Person, Quote, Source
from bot.naming import name_pattern, names_of


class QuoteTables:
    """Quotes by speaker and by paragraph over `quotes`, given the generation's person ids.

    `previous` (the last generation's tables) lends its speaker table when its quotes and person
    ids are these: a reload that changed no quote and no person keeps it. Example: a reload that
    only edited a commitment's sentence builds no speaker table.
    """

    def __init__(
        self,
        quotes: tuple[Quote, ...],
        person_ids: frozenset[str],
        previous: QuoteTables | None = None,
    ) -> None:
        self.quotes = quotes
        self.person_ids = person_ids
        self._previous = previous

    @cached_property
    def by_speaker(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Quote positions by person id, and by speaker text for speakers that are no person."""
        previous, self._previous = self._previous, None  # lent once; no chain of generations
        if (
            previous is not None
            and "by_speaker" in previous.__dict__
            and previous.person_ids == self.person_ids
            and previous.quotes == self.quotes
        ):
            return previous.__dict__["by_speaker"]
        ids = self.person_ids
        by_id: dict[str, list[int]] = defaultdict(list)
        by_text: dict[str, list[int]] = defaultdict(list)
        for i, q in enumerate(self.quotes):
            if q.speaker in ids:
                by_id[q.speaker].append(i)
            elif q.speaker:
                by_text[q.speaker].append(i)
        return by_id, by_text

    @cached_property
    def _by_paragraph(self) -> dict[tuple[str, int], list[Quote]]:
        out: dict[tuple[str, int], list[Quote]] = defaultdict(list)
        for q in self.quotes:
            out[(q.source.doc_id, q.source.paragraph)].append(q)
        return out

    def at(self, source: Source) -> list[Quote]:
        """The quotes of the paragraph a fact was read from."""
        return self._by_paragraph.get((source.doc_id, source.paragraph), [])

    def by(self, person: Person) -> list[Quote]:
        """A person's quotes, including joint ones whose speaker is a text such as "A and B"."""
        by_id, by_text = self.by_speaker
        pattern = name_pattern(names_of(person))
        positions = list(by_id.get(person.id, ()))
        for speaker, found in by_text.items():
            if pattern.search(speaker):
                positions.extend(found)
        return [self.quotes[i] for i in sorted(positions)]
