"""One fact, one line: facts that state the same plan, event or quote become one.

A news text states its plans twice: a section headline ("In 2024, another frigate will be sent
to the Pacific region") and the body sentence under it ("In the coming year, the Bundeswehr
wants to send another warship to the Pacific region, ..."); two documents quote the same words.
Extraction reads each sentence alone, so merging is where the copies meet. The kept fact is the
fuller sentence (a body sentence over its headline); the others are kept as extra sources in
`MergedFact` records, so an answer can cite every sentence the fact was read from.

Comparison is conservative and linear-ish: facts are bucketed (commitments by actor and topic,
events by year, quotes by their words) and each fact is compared with at most `WINDOW` earlier
facts of its bucket, never all pairs of the base.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from bot.extract.lexicon import Lexicon
from bot.folding import STOPWORDS, words
from bot.models import Commitment, DocumentFacts, Event, Quote, Source

WINDOW = 16  # earlier facts of a bucket each fact is compared with (bounds the cost per fact)
HEADING_WORDS = 15  # a one-sentence paragraph this short, without a full stop, is a heading
_END_MARKS = ".!?:;\"”’'»)…"
# Words that date a statement rather than say what it is about: the `when` is compared apart.
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "year years month months week weeks today tomorrow yesterday coming next last".split()
)


@dataclass(frozen=True, slots=True)
class MergedFact:
    """A kept fact's other sources: `kind` (commitment, event, quote), the kept fact's text and
    source, and the sources of the copies merged into it (a headline, a second document)."""

    kind: str
    text: str
    source: Source
    others: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    position: int
    doc_id: str
    paragraph: int
    words: frozenset[str]
    heading: bool


def headings(per_document: Sequence[DocumentFacts]) -> dict[str, tuple[int, ...]]:
    """Document id → its heading paragraphs, in order.

    A heading is a paragraph of one short sentence with no closing mark: "Scholz is back in
    Japan in May" is one, "Japan chairs the G7." is not.
    """
    from bot.text_segments import sentence_spans  # reads text: only a merge needs it

    out: dict[str, tuple[int, ...]] = {}
    for f in per_document:
        spans, _terms = sentence_spans(f)
        count: dict[int, int] = {}
        last: dict[int, tuple[int, int]] = {}
        for para, start, end in spans:
            count[para] = count.get(para, 0) + 1
            last[para] = (start, end)
        found = []
        for para, n in count.items():
            text = f.document.text[last[para][0] : last[para][1]].strip()
            if (
                n == 1
                and text
                and text[-1] not in _END_MARKS
                and len(text.split()) <= HEADING_WORDS
            ):
                found.append(para)
        out[f.document.id] = tuple(sorted(found))
    return out


def content_words(text: str, lexicon: Lexicon | None) -> frozenset[str]:
    """The words that say what a fact is about, topic keywords read as their topic.

    'In 2024, another frigate will be sent to the Pacific region' → {another, §defense, sent,
    pacific, region}: stop words, numbers and date words go; 'frigate' and 'warship' both read
    as §defense, so a headline and its body sentence can meet on different words.
    """
    keywords = _keyword_table(lexicon)
    seen = _WORD_KEYS.setdefault(id(keywords), {})
    out = set()
    for w in words(text):
        key = seen.get(w, _UNSEEN)
        if key is _UNSEEN:
            skip = w in STOPWORDS or w in _DATE_WORDS or w.isdigit() or len(w) < 3
            key = seen[w] = None if skip else (keywords.get(w) or _prefixed(w, keywords) or w)
        if key is not None:
            out.add(key)
    return frozenset(out)


_UNSEEN = object()
#: Per keyword table, each word's key once worked out (a corpus has far fewer distinct words
#: than word occurrences, and the prefix search is the costly part).
_WORD_KEYS: dict[int, dict[str, str | None]] = {}


_TABLES: dict[int, dict[str, str]] = {}


def _keyword_table(lexicon: Lexicon | None) -> dict[str, str]:
    """One-word topic keywords → '§slug'; a keyword ending in * is kept as 'prefix*'."""
    if lexicon is None:
        return {}
    table = _TABLES.get(id(lexicon))
    if table is None:
        table = {}
        for t in lexicon.topics:
            for k in t.keywords:
                k = k.casefold()
                if " " not in k:
                    table.setdefault(k, f"§{t.slug}")
        _TABLES.clear()
        _WORD_KEYS.clear()
        _TABLES[id(lexicon)] = table
    return table


def _prefixed(word: str, keywords: dict[str, str]) -> str | None:
    for n in range(len(word), 2, -1):
        found = keywords.get(word[:n] + "*")
        if found:
            return found
    return None


def _under_heading(item: _Item, heading: _Item, heads: tuple[int, ...]) -> bool:
    """The item is in the section the heading opens: after it, before the next heading."""
    if item.doc_id != heading.doc_id or item.paragraph <= heading.paragraph:
        return False
    return not any(heading.paragraph < h <= item.paragraph for h in heads)


def _same_fact(a: _Item, b: _Item, heads: dict[str, tuple[int, ...]]) -> float:
    """How surely two facts are one (0: not the same), from their content words.

    A headline and a sentence of its section are one when at least half the headline's words
    (and two or more) are in the sentence; any other pair when 80% of the shorter one's words
    are in the other and the word sets are close (token-set ratio 90 or more). When one set is
    within the other the ratio is 100 and is not worked out: 'summit tokyo energy' in
    'summit tokyo energy treaty' (a paragraph restated word for word, or with a word added).
    """
    shared = len(a.words & b.words)
    if not shared:
        return 0.0
    na, nb = len(a.words), len(b.words)
    jaccard = shared / (na + nb - shared)  # the union's size, without building it
    if a.heading != b.heading and shared >= 2:
        head, body = (a, b) if a.heading else (b, a)
        if shared / len(head.words) >= 0.5 and _under_heading(body, head, heads.get(a.doc_id, ())):
            return 1.0 + jaccard
    small = min(na, nb)
    if shared / small >= 0.8 and small >= 3:
        if shared == small:  # one's words all in the other: token_set_ratio is 100
            return 1.0 + jaccard
        ratio = fuzz.token_set_ratio(" ".join(sorted(a.words)), " ".join(sorted(b.words)))
        if ratio >= 90:
            return 1.0 + jaccard
    return 0.0


def may_be_same(item: _Item, others: Sequence[_Item]) -> list[int]:
    """The indexes of `others` that `_same_fact` may find the same as `item`, in order.

    `_same_fact` needs two shared words or more, and for two facts of one kind (both headings
    or neither) 80% of the smaller one's words: most pairs of a bucket fail that, and telling
    it takes a set intersection each, without the two calls a pair costs. Example: "frigate
    pacific sent" and "frigate ports" share one word, so they are never compared.
    """
    words, heading, n = item.words, item.heading, len(item.words)
    out = []
    for k, other in enumerate(others):
        shared = len(words & other.words)
        if shared >= 2 and (heading != other.heading or 5 * shared >= 4 * min(n, len(other.words))):
            out.append(k)
    return out


def _compatible_when(a: str | None, b: str | None) -> bool:
    """Dates agree when equal, one is unknown, or one is within the other (2024, 2024-05)."""
    if a is None or b is None or a == b:
        return True
    return a.startswith(b) or b.startswith(a)


def _groups(
    items: list[_Item],
    buckets: Callable[[int], Sequence[object]],
    compatible: Callable[[int, int], bool],
    heads: dict[str, tuple[int, ...]],
) -> dict[int, int]:
    """Position → the position of the fact it is a copy of (each copy points at its best match)."""
    seen: dict[object, list[int]] = {}
    best: dict[int, tuple[float, int]] = {}
    for item in items:
        for key in buckets(item.position):
            earlier = seen.setdefault(key, [])
            window = [items[j] for j in earlier[-WINDOW:]]
            for k in may_be_same(item, window):
                other = window[k]
                if not compatible(item.position, other.position):
                    continue
                score = _same_fact(item, other, heads)
                if not score:
                    continue
                # The one merged away is the headline, else the later (shorter) statement.
                drop, keep = (item, other) if _weaker(item, other) else (other, item)
                if score > best.get(drop.position, (0.0, -1))[0]:
                    best[drop.position] = (score, keep.position)
            earlier.append(item.position)
    return _roots({d: k for d, (_s, k) in best.items()})


def _weaker(a: _Item, b: _Item) -> bool:
    if a.heading != b.heading:
        return a.heading
    return len(a.words) <= len(b.words)


def _roots(parent: dict[int, int]) -> dict[int, int]:
    """Follow copy → kept chains to the fact finally kept (cycles broken at the smaller index)."""
    out = {}
    for start in parent:
        node, steps = start, 0
        while node in parent and steps <= len(parent):
            node, steps = parent[node], steps + 1
        out[start] = node if node != start else min(start, parent[start])
    return {k: v for k, v in out.items() if k != v}


def _items(
    facts: Sequence[tuple[Source, str]], heads: dict[str, tuple[int, ...]], lexicon: Lexicon | None
) -> list[_Item]:
    """One comparable item per (source, text): its content words, and whether it is a heading."""
    return [
        _Item(
            i,
            src.doc_id,
            src.paragraph,
            content_words(text, lexicon),
            src.paragraph in heads.get(src.doc_id, ()),
        )
        for i, (src, text) in enumerate(facts)
    ]


def commitment_buckets(c: Commitment) -> list[Hashable]:
    """The buckets a commitment is compared in: its first actor with each of its topics."""
    return [(a, t) for a in (c.actors[:1] or ("",)) for t in (c.topics or ("",))]


def commitments_compatible(a: Commitment, b: Commitment) -> bool:
    """Two commitments can state one plan: a shared actor (or neither names one), dates agree."""
    shared_actor = set(a.actors) & set(b.actors) or not (a.actors or b.actors)
    return bool(shared_actor) and _compatible_when(a.when, b.when)


def event_buckets(e: Event) -> list[Hashable]:
    """The bucket an event is compared in: its year."""
    return [e.when[:4]]


def events_compatible(a: Event, b: Event) -> bool:
    return _compatible_when(a.when, b.when)


def joined_commitment(c: Commitment, group: Sequence[Commitment]) -> tuple[Commitment, MergedFact]:
    """The kept commitment with its copies' actors, topics and fullest `when` joined, and the
    record citing the copies (`group`, in the facts' order)."""
    whens = [x.when for x in (c, *group) if x.when]
    c = replace(
        c,
        actors=tuple(dict.fromkeys(a for x in (c, *group) for a in x.actors)),
        topics=tuple(dict.fromkeys(t for x in (c, *group) for t in x.topics)),
        when=max(whens, key=len) if whens else None,
    )
    return c, MergedFact("commitment", c.sentence, c.source, tuple(x.source for x in group))


def dedupe_commitments(
    commitments: Sequence[Commitment],
    heads: dict[str, tuple[int, ...]],
    lexicon: Lexicon | None,
) -> tuple[list[Commitment], list[MergedFact]]:
    """Commitments stating one plan merged into the fullest one (actors, topics, `when` joined)."""
    items = _items([(c.source, c.sentence) for c in commitments], heads, lexicon)
    copies = _groups(
        items,
        lambda i: commitment_buckets(commitments[i]),
        lambda i, j: commitments_compatible(commitments[i], commitments[j]),
        heads,
    )
    merged: dict[int, list[int]] = {}
    for copy, kept in copies.items():
        merged.setdefault(kept, []).append(copy)
    out: list[Commitment] = []
    records: list[MergedFact] = []
    for i, c in enumerate(commitments):
        if i in copies:
            continue
        if i in merged:
            c, record = joined_commitment(c, [commitments[j] for j in sorted(merged[i])])
            records.append(record)
        out.append(c)
    return out, records


def dedupe_events(
    events: Sequence[Event], heads: dict[str, tuple[int, ...]], lexicon: Lexicon | None
) -> tuple[list[Event], list[MergedFact]]:
    """Events of one date saying the same thing (two documents, headline and body) become one."""
    items = _items([(e.source, e.what) for e in events], heads, lexicon)
    copies = _groups(
        items,
        lambda i: event_buckets(events[i]),
        lambda i, j: events_compatible(events[i], events[j]),
        heads,
    )
    return _keep(events, copies, "event", lambda e: e.what)


def dedupe_quotes(quotes: Sequence[Quote]) -> tuple[list[Quote], list[MergedFact]]:
    """The same words quoted twice by one speaker (two documents, or a longer and a shorter
    quotation of one statement): one quote, the longer, citing both.

    Words are compared folded, punctuation ignored: '“New impetus”' and '"new impetus,"' match,
    and 'The Japanese will double their budget' is within 'The chance is clear. The Japanese
    will double their budget'. A shorter quote needs five words to be merged into a longer one.
    Quotes of different speakers never meet: each speaker's are compared on their own.
    """
    by_speaker: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        by_speaker.setdefault(q.speaker or "", []).append(i)
    copies: dict[int, int] = {}
    for positions in by_speaker.values():
        found = _roots(quote_copies([quotes[i] for i in positions]))
        copies.update((positions[c], positions[k]) for c, k in found.items())
    return _keep(quotes, copies, "quote", lambda q: q.text)


def quote_copies(quotes: Sequence[Quote]) -> dict[int, int]:
    """One speaker's quotes in order: each copy → the quote it is within (see dedupe_quotes)."""
    keys = [_quote_key(q.text) for q in quotes]
    parent: dict[int, int] = {}
    for i in range(len(quotes)):
        for j in range(max(0, i - WINDOW), i):
            a, b = keys[i], keys[j]
            if not a or not b:
                continue
            short, long_ = (i, j) if len(a) <= len(b) else (j, i)
            if a == b or (
                len(keys[short].split()) >= 5 and f" {keys[short]} " in f" {keys[long_]} "
            ):
                parent.setdefault(short, long_)
                break
    return parent


@lru_cache(maxsize=1 << 16)
def _quote_key(text: str) -> str:
    """A quote's words, folded and space-joined (memoised: quotes recur every reload)."""
    return " ".join(words(text))


def _keep(facts: Sequence, copies: dict[int, int], kind: str, text_of) -> tuple[list, list]:
    merged: dict[int, list[int]] = {}
    for copy, kept in copies.items():
        merged.setdefault(kept, []).append(copy)
    out, records = [], []
    for i, fact in enumerate(facts):
        if i in copies:
            continue
        if i in merged:
            others = tuple(facts[j].source for j in sorted(merged[i]))
            records.append(MergedFact(kind, text_of(fact), fact.source, others))
        out.append(fact)
    return out, records
