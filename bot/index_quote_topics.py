"""The topics of each quote, for answers that list quotes by topic.

Extraction stores each quote's topics with its document, so building the table reads them
rather than classifying every quote again; a quote a correction rewrote, or one of a document
stored without topics, is classified here. A reload that kept the same quotes with the same
stored topics keeps the previous table. Example: a quote 'We will build the bridge.' stored
with ('infrastructure',) reads `table[(doc_id, 'We will build the bridge.')] == ('infrastructure',)`.
"""

from __future__ import annotations

from functools import partial
from itertools import chain, compress
from operator import attrgetter, is_, itemgetter

from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase
from bot.lending import lend_by_identity
from bot.models import DocumentFacts, Quote

#: (document id, quote text) → topics.
QuoteTopics = dict[tuple[str, str], tuple[str, ...]]
#: id(document's facts) → (those facts, ((document id, text, sentence), topics) of each quote).
StoredTopics = dict[int, tuple[DocumentFacts, tuple]]

_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_MISSING = partial(is_, None)
_QUOTE_KEY = (attrgetter("source.doc_id"), attrgetter("text"), attrgetter("source.sentence"))


def quote_topic_table(
    facts: FactBase,
    lexicon: Lexicon,
    previous: FactBase | None,
    lent_stored: StoredTopics | None,
    lent: QuoteTopics | None,
) -> tuple[QuoteTopics, StoredTopics]:
    """The quote topics of `facts`, and each document's stored topics (lent to the next index).

    `previous` is the last generation's facts, `lent_stored` and `lent` what this returned for
    them: documents the merge kept as the very same object lend their stored topics, and the
    whole table is lent when the quotes are equal and the documents that came and went stored
    the same topics for them.
    """
    found, now = lend_by_identity(facts.per_document, lent_stored, _stored_topics)
    if lent is not None and previous is not None and previous.quotes == facts.quotes:
        before = lent_stored or {}
        gone = dict(chain.from_iterable(before[i][1] for i in before.keys() - now.keys()))
        new = dict(chain.from_iterable(now[i][1] for i in now.keys() - before.keys()))
        if gone == new:  # the same quotes with the same stored topics (ids are unique)
            return lent, now
    stored = dict(chain.from_iterable(map(_SECOND, found)))
    return _quote_topics(facts.quotes, stored, lexicon), now


def _stored_topics(f: DocumentFacts) -> tuple[DocumentFacts, tuple]:
    """A document's ((document id, text, sentence), topics) of each quote, if it stored them."""
    if len(f.quote_topics) != len(f.quotes):
        return f, ()
    return f, tuple(zip(_quote_keys(f.quotes), f.quote_topics, strict=True))


def _quote_topics(
    quotes: tuple[Quote, ...],
    stored: dict[tuple[str, str, str], tuple[str, ...]],
    lexicon: Lexicon,
) -> QuoteTopics:
    """(document id, quote text) → topics, as extraction stored them (`stored`).

    A quote a correction rewrote, or one from a document stored without topics, is classified
    here, from the quote and its sentence, as extraction would have.
    """
    from bot.extract.topics import quote_topics  # only for facts stored without topics

    keys = _quote_keys(quotes)
    topics = list(map(stored.get, keys))
    missing = list(compress(range(len(topics)), map(_MISSING, topics)))
    read = quote_topics(((keys[i][1], keys[i][2]) for i in missing), lexicon)
    for i, found in zip(missing, read, strict=True):
        topics[i] = found
    pairs = zip(map(_FIRST, keys), map(_SECOND, keys), strict=True)
    return dict(zip(pairs, topics, strict=True))


def _quote_keys(quotes: tuple[Quote, ...]) -> list[tuple[str, str, str]]:
    """(document id, text, sentence) of each quote."""
    return list(zip(*(map(get, quotes) for get in _QUOTE_KEY), strict=True))
