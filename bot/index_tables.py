"""The tables a FactIndex answers from, each built from one FactBase on first use.

Building every table of a thousand documents takes about a second; an answer needs one or two
of them (`ministers` reads the government list, `search` the sentence index). So each table is
built when first asked for, and `prepare()` builds them all at once where that is wanted: off
the event loop, before a new generation goes live. `previous` (the live generation's index)
lends the parts of its tables that did not change: the rows of a person, a document or a
document's sentences the merge kept as the very same object (or an equal person in a new
object), and a whole table whose inputs are the same; a name pool with a few changed rows is
the previous pool's tables patched for those rows. So a reload that changed one document of a
thousand works out that document's entries and makes native passes over the rest. An index of
another lexicon lends nothing (keys, offices and topics are read through the lexicon).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Self

from bot.config import FuzzySettings
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.index_keys import Keys
from bot.index_quote_topics import QuoteTopics, quote_topic_table
from bot.lookups import AnswerLookups
from bot.name_pools import (
    all_country_pool,
    countries_seen,
    country_pool,
    document_pool,
    parties_seen,
    party_pool,
    topic_pool,
)
from bot.person_pools import PersonPools

if TYPE_CHECKING:
    from bot.text_index import TextIndex

#: The tables `prepare` builds.
_TABLES = (
    "persons",
    "_topics",
    "_documents",
    "_countries",
    "_parties",
    "_all_countries",
    "quote_topics",
    "text",
    "lookups",
)


class IndexTables:
    """Name pools, quote topics, the sentence index and the answers' lookups of one FactBase.

    Each table is a cached property built on first use by a function of bot.name_pools,
    bot.person_rows, bot.index_quote_topics, bot.text_index or bot.lookups, given the parts
    the previous index lends. Example: `IndexTables(facts, lexicon, fuzzy).quote_topics`.
    """

    def __init__(
        self,
        facts: FactBase,
        lexicon: Lexicon,
        fuzzy: FuzzySettings,
        *,
        previous: IndexTables | None = None,
    ) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.fuzzy = fuzzy
        # lends its tables' unchanged parts (dropped by prepare()); an index of another lexicon
        # lends nothing, since keys, offices and topics are read through the lexicon
        self._previous = previous if previous is not None and previous.lexicon is lexicon else None

    def prepare(self) -> Self:
        """Build every table now (off the event loop, in the service), not on first use."""
        for name in _TABLES:
            getattr(self, name)
        self.persons.prepare()
        for keys in (self._topics, self._documents):
            keys.prepare()
        self.lookups.prepare()
        facts = self.facts  # the fact base's own lookups, so no answer builds one on the loop
        for name in (
            "person_by_id",
            "document_by_id",
            "topic_by_slug",
            "counts_by_document",
            "_merged_sources",
        ):
            getattr(facts, name)
        self._previous = None
        return self

    def _lent(self, table: str) -> Any:
        """A table the previous index built, or None; a table it never built is not built for
        lending."""
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def persons(self) -> PersonPools:
        """The people's names, roles and offices pools (see bot.person_pools)."""
        return PersonPools(self.facts, self.lexicon, self._lent("persons"))

    @cached_property
    def _topics(self) -> Keys:
        lent = self._lent("_topics")
        if lent is not None and self._previous.facts.topics == self.facts.topics:  # type: ignore[union-attr]
            return lent
        return topic_pool(self.facts.topics)

    @cached_property
    def _documents(self) -> Keys:
        keys, self.__dict__["_document_lent"] = document_pool(
            self.facts.documents, self._lent("_document_lent"), self._lent("_documents")
        )
        return keys

    @cached_property
    def _countries(self) -> Keys:
        lent = self._lent("_countries")
        if lent is not None and self._previous._countries_seen == self._countries_seen:  # type: ignore[union-attr]
            return lent
        return country_pool(self._countries_seen, self.lexicon)

    @cached_property
    def _parties(self) -> Keys:
        lent = self._lent("_parties")
        if lent is not None and self._previous._parties_seen == self._parties_seen:  # type: ignore[union-attr]
            return lent
        return party_pool(self._parties_seen, self.lexicon)

    @cached_property
    def _all_countries(self) -> Keys:
        lent = self._lent("_all_countries")
        return lent if lent is not None else all_country_pool(self.lexicon)

    @cached_property
    def quote_topics(self) -> QuoteTopics:
        """(document id, quote text) → topics (see bot.index_quote_topics)."""
        previous = self._previous.facts if self._previous is not None else None
        table, self.__dict__["_stored_topics"] = quote_topic_table(
            self.facts,
            self.lexicon,
            previous,
            self._lent("_stored_topics"),
            self._lent("quote_topics"),
        )
        return table

    @cached_property
    def text(self) -> TextIndex:
        """Every sentence, for `search`; the previous index lends unchanged documents' parts."""
        from bot.text_index import TextIndex  # reads text: `search` needs it, `ministers` not

        return TextIndex(self.facts.per_document, self._lent("text")).prepare()

    @cached_property
    def lookups(self) -> AnswerLookups:
        """Per-generation tables for answers: government, quotes by person, commitment words."""
        return AnswerLookups.of(self.facts, self.lexicon, self._lent("lookups"))

    def countries(self) -> list[str]:
        """Countries the facts mention (people's countries and commitment actors), in order."""
        return list(self._countries_seen)

    @cached_property
    def _countries_seen(self) -> tuple[str, ...]:
        return countries_seen(self.facts)

    def parties(self) -> list[str]:
        """Parties of the people, in order of first member."""
        return list(self._parties_seen)

    @cached_property
    def _parties_seen(self) -> tuple[str, ...]:
        return parties_seen(self.facts)
