"""Per-generation lookups the answers read, so an answer is a lookup plus one page of lines.

Built lazily from one FactBase (and memoised with its FactIndex): who is in government, each
person's quotes and best source sentence, and a word index over commitment sentences, so
`who Pistorius` reads the few commitments that hold every word of the name instead of running
a regular expression over every commitment.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress
from operator import attrgetter, itemgetter, not_
from typing import Any, Protocol, TypeVar

from bot.extract.lexicon import Lexicon
from bot.folding import fold
from bot.models import Commitment, Person, Quote, Source

_WORD_RE = re.compile(r"\w+")
_ID = attrgetter("id")
_SENTENCE = attrgetter("sentence")
_SECOND = itemgetter(1)
T = TypeVar("T")
E = TypeVar("E", bound=tuple)
# Letters outside ASCII that a case-insensitive regular expression takes for ASCII ones
# (Kelvin sign, long s, dotted and dotless i): 'ſcholz' matches r'\bscholz\b' under IGNORECASE.
_ASCII_LOOKALIKES = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})


#: Per lexicon, each role wording read through its synonyms once (kept across generations: the
#: same lexicon reads 'Outside' the same way every time).
_CANONICAL: weakref.WeakKeyDictionary[Lexicon, dict[str, str]] = weakref.WeakKeyDictionary()


def canonical_role(lexicon: Lexicon, role: str) -> str:
    """`lexicon.canonical_role(role)`, worked out once per lexicon and role wording."""
    table = _CANONICAL.get(lexicon)
    if table is None:
        table = _CANONICAL[lexicon] = {}
    found = table.get(role)
    if found is None:
        found = table[role] = lexicon.canonical_role(role)
    return found


def _match_word(word: str) -> str:
    """A word as the commitment index keys it: 'Pistorius' → 'pistorius', 'ſcholz' → 'scholz'."""
    return word.lower() if word.isascii() else word.translate(_ASCII_LOOKALIKES).casefold()


@lru_cache(maxsize=1 << 15)
def _sentence_words(sentence: str) -> tuple[str, ...]:
    """A commitment sentence's distinct words as the index keys them (memoised per sentence)."""
    return tuple(dict.fromkeys(_match_word(w) for w in _WORD_RE.findall(sentence)))


def name_pattern(names: list[str]) -> re.Pattern[str]:
    """Any of the names as whole words, case-insensitive; a pattern that never matches if none."""
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names) or r"(?!)", re.IGNORECASE)


def name_pattern_exact(words: list[str]) -> re.Pattern[str]:
    """Any of the words as whole words, case as given: ['minister'] finds 'defense minister'."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or r"(?!)")


def names_of(person: Person) -> list[str]:
    """The names a person is found by in text: name and aliases longer than three letters."""
    return _long_names(person.name, person.aliases)


def _long_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    return [n for n in (name, *aliases) if len(n) > 3]


def lend_by_identity(
    items: Sequence[T], lent: dict[int, E] | None, make: Callable[[T], E]
) -> tuple[list[E], dict[int, E]]:
    """`make(item)` for each item (a truthy entry that holds the item), in order, and the
    entries by id(item): an item `lent` has (the very same object) takes its entry from there.

    `lent` is the dict this returned for the last generation: its entries hold their items, so
    no id in it can name a new object. Native passes but for the items that are new objects.
    """
    ids = list(map(id, items))
    found = list(map((lent or {}).get, ids))
    by_id = dict(zip(ids, found, strict=True))
    for item in compress(items, map(not_, found)):
        by_id[id(item)] = make(item)
    if not all(found):
        found = list(map(by_id.__getitem__, ids))
    return found, by_id  # type: ignore[return-value]


def _postings(
    new: Iterable[str], gone: Iterable[str], lent: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Word → sentences: `lent` without the sentences `gone` and with the sentences `new`."""
    added: dict[str, list[str]] = defaultdict(list)
    for sentence in new:
        for w in _sentence_words(sentence):
            added[w].append(sentence)
    removed: dict[str, set[str]] = defaultdict(set)
    for sentence in gone:
        for w in _sentence_words(sentence):
            removed[w].add(sentence)
    if not added and not removed:
        return lent
    out = dict(lent)
    for w in added.keys() | removed.keys():
        kept = out.get(w, ())
        if w in removed:
            kept = tuple(s for s in kept if s not in removed[w])
        kept = (*kept, *added.get(w, ()))
        if kept:
            out[w] = kept
        else:
            out.pop(w, None)
    return out


def person_source(p: Person) -> Source | None:
    """The sentence that best shows who they are: one naming a role, else the first."""
    for s in p.sources:
        text = fold(s.sentence)
        if any(fold(r) in text for r in p.roles) and (p.party is None or fold(p.party) in text):
            return s
    for s in p.sources:
        if any(fold(r) in fold(s.sentence) for r in p.roles):
            return s
    return p.sources[0] if p.sources else None


class FactLists(Protocol):
    """What the lookups read: a FactBase, or the three lists on their own (`_Lists`)."""

    @property
    def people(self) -> tuple[Person, ...]: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...
    @property
    def commitments(self) -> tuple[Commitment, ...]: ...


@dataclass(frozen=True)
class _Lists:
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    commitments: tuple[Commitment, ...]


class AnswerLookups:
    """What answers look up in one generation; every table is built on first use."""

    def __init__(
        self,
        people: tuple[Person, ...],
        quotes: tuple[Quote, ...],
        commitments: tuple[Commitment, ...],
        lexicon: Lexicon,
    ) -> None:
        self._facts: FactLists = _Lists(people, quotes, commitments)
        self.lexicon = lexicon
        self._sources: dict[str, Source | None] = {}
        self._governing: dict[str, bool] = {}
        self._previous: AnswerLookups | None = None

    @classmethod
    def of(
        cls, facts: FactLists, lexicon: Lexicon, previous: AnswerLookups | None = None
    ) -> AnswerLookups:
        """Lookups over a fact base's people, quotes and commitments, each list read when a
        table first needs it: a fact base read from the store decodes a list on first read,
        and `ministers` needs the people only. `previous` (the last generation's lookups, of
        the same lexicon) lends what it worked out for people and sentences that recur."""
        lookups = cls((), (), (), lexicon)
        lookups._facts = facts
        if previous is not None and previous.lexicon is lexicon:
            lookups._previous = previous
            lookups._governing = previous._governing  # role → bool: the same for one lexicon
        return lookups

    def _lent(self, table: str) -> Any:
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return self._facts.people

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        return self._facts.quotes

    @cached_property
    def commitments(self) -> tuple[Commitment, ...]:
        return self._facts.commitments

    def prepare(self) -> AnswerLookups:
        """Build every table now (off the event loop, with the index), not on the first answer."""
        _ = self.government, self._quotes_by_speaker, self._naming.prepare()
        self._previous = None
        return self

    def canonical_role(self, role: str) -> str:
        """`Lexicon.canonical_role`, worked out once per role wording: 'Outside' → Foreign Affairs."""
        return canonical_role(self.lexicon, role)

    @cached_property
    def _government_words(self) -> tuple[frozenset[str], re.Pattern[str]]:
        portfolios = frozenset(fold(x.name) for x in self.lexicon.portfolios)
        titles = [fold(t) for t in self.lexicon.government_titles]
        return portfolios, name_pattern_exact(titles)

    def _is_government_role(self, role: str) -> bool:
        found = self._governing.get(role)
        if found is None:
            portfolios, titles = self._government_words
            r = fold(role)
            found = self._governing[role] = r in portfolios or bool(titles.search(r))
        return found

    def is_government(self, p: Person) -> bool:
        """A current member of government: a portfolio or a government title among their roles.

        'Defense Minister' and 'Chancellor' count; a predecessor ('former') does not.
        """
        return not p.former and any(self._is_government_role(r) for r in (*p.roles, *p.offices))

    @cached_property
    def government(self) -> tuple[Person, ...]:
        """Members of government, in the order of the people."""
        people = self.people
        found, self.__dict__["_governs"] = lend_by_identity(
            people, self._lent("_governs"), lambda p: (p, self.is_government(p))
        )
        return tuple(compress(people, map(_SECOND, found)))

    def source_of(self, p: Person) -> Source | None:
        """`person_source`, worked out once per person and generation."""
        if p.id not in self._sources:
            self._sources[p.id] = person_source(p)
        return self._sources[p.id]

    @cached_property
    def _person_ids(self) -> frozenset[str]:
        return frozenset(map(_ID, self.people))

    @cached_property
    def _quotes_by_speaker(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Quote positions by person id, and by speaker text for speakers that are no person;
        the previous generation's, when its quotes and person ids are these."""
        ids, lent = self._person_ids, self._lent("_quotes_by_speaker")
        previous = self._previous
        if lent is not None and previous is not None:
            before = previous.__dict__.get("quotes")
            if previous.__dict__.get("_person_ids") == ids and before == self.quotes:
                return lent
        by_id: dict[str, list[int]] = defaultdict(list)
        by_text: dict[str, list[int]] = defaultdict(list)
        for i, q in enumerate(self.quotes):
            if q.speaker in ids:
                by_id[q.speaker].append(i)
            elif q.speaker:
                by_text[q.speaker].append(i)
        return by_id, by_text

    @cached_property
    def _quotes_by_paragraph(self) -> dict[tuple[str, int], list[Quote]]:
        out: dict[tuple[str, int], list[Quote]] = defaultdict(list)
        for q in self.quotes:
            out[(q.source.doc_id, q.source.paragraph)].append(q)
        return out

    def quotes_at(self, source: Source) -> list[Quote]:
        """The quotes of the paragraph a fact was read from, to tell who said a quoted clause."""
        return self._quotes_by_paragraph.get((source.doc_id, source.paragraph), [])

    @cached_property
    def pronouns(self) -> tuple[str, ...]:
        """Pronouns that stand for an actor (config/cues.yaml), to spot unnamed subjects."""
        keys = ("actor_pronouns", "plural_pronouns", "singular_pronouns")
        lexicon = self.lexicon
        found = (w.casefold() for k in keys for w in lexicon.word_list(k)) if lexicon else ()
        return tuple(dict.fromkeys(found))

    def quotes_by(self, person: Person) -> list[Quote]:
        """A person's quotes, including joint ones whose speaker is a text such as "A and B"."""
        by_id, by_text = self._quotes_by_speaker
        pattern = name_pattern(names_of(person))
        positions = list(by_id.get(person.id, ()))
        for speaker, found in by_text.items():
            if pattern.search(speaker):
                positions.extend(found)
        return [self.quotes[i] for i in sorted(positions)]

    @cached_property
    def _naming(self) -> CommitmentsNaming:
        return CommitmentsNaming(self.people, self.commitments, self._lent("_naming"))

    def commitments_naming(self, person: Person) -> list[Commitment]:
        """Commitments whose sentence names the person (see CommitmentsNaming)."""
        return self._naming.of(person)


class CommitmentsNaming:
    """Commitments by the people their sentences name, through a word index of the sentences.

    Example: with two secretaries known, "the secretary" tells no one apart, so it finds no one's
    commitments; "Ana Paz" finds the sentences holding both "ana" and "paz", then checks them.
    `previous` (the last generation's) lends its tables, patched for the sentences and names
    that differ: a reload that changed one document reads that document's sentences.
    """

    def __init__(
        self,
        people: tuple[Person, ...],
        commitments: tuple[Commitment, ...],
        previous: CommitmentsNaming | None = None,
    ) -> None:
        self.people = people
        self.commitments = commitments
        self._previous = previous

    def prepare(self) -> CommitmentsNaming:
        _ = self._word_sentences, self._positions, self._shared_names, self._people_by_id
        self._previous = None
        return self

    def _lent(self, table: str) -> Any:
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def _sentences(self) -> dict[str, int]:
        """Each distinct commitment sentence, with how many commitments have it."""
        return Counter(map(_SENTENCE, self.commitments))

    @cached_property
    def _word_sentences(self) -> dict[str, tuple[str, ...]]:
        """Word (as `_sentence_words` keys it) → the distinct sentences holding it."""
        lent, before = self._lent("_word_sentences"), self._lent("_sentences")
        now = self._sentences
        if lent is None or before is None:
            return _postings(now, {}, {})
        return _postings(now.keys() - before.keys(), before.keys() - now.keys(), lent)

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        """Sentence → the positions of the commitments that have it, ascending."""
        out: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(map(_SENTENCE, self.commitments)):
            out[sentence].append(i)
        return out

    def _candidates(self, name: str) -> set[int] | None:
        """Commitments holding every word of an ASCII name; None: the name needs a full scan."""
        name_words = _WORD_RE.findall(name)
        if not name.isascii() or not name_words:
            return None
        found: set[str] | None = None
        for w in name_words:
            sentences = self._word_sentences.get(w.lower(), ())
            found = set(sentences) if found is None else found & set(sentences)
            if not found:
                return set()
        positions = self._positions
        return {i for sentence in found or () for i in positions[sentence]}

    @cached_property
    def _people_by_id(self) -> dict[int, Person]:
        return dict(zip(map(id, self.people), self.people, strict=True))

    @cached_property
    def _shared_names(self) -> frozenset[str]:
        """Names and aliases (folded) that several people go by: "the secretary" when two
        secretaries are known. Such a name tells no one apart, so it finds no one's facts.

        Counted per folded name (`_folded_counts`); the previous generation's counts are
        patched for the people that are not the same objects in both."""
        now, before = self._people_by_id, self._lent("_people_by_id")
        lent, shared = self._lent("_folded_counts"), self._lent("_shared_names")
        if before is None or lent is None or shared is None:
            before, counts, shared = {}, {}, frozenset()
        else:
            counts = dict(lent)
        changes: Counter[tuple[str, tuple[str, ...]]] = Counter()
        for i in now.keys() - before.keys():
            changes[(now[i].name, now[i].aliases)] += 1
        for i in before.keys() - now.keys():
            changes[(before[i].name, before[i].aliases)] -= 1
        touched: set[str] = set()
        for (name, aliases), delta in changes.items():
            if not delta:
                continue  # an equal person in a new object
            for n in {fold(n) for n in _long_names(name, aliases)}:
                counts[n] = counts.get(n, 0) + delta
                touched.add(n)
        for n in touched:
            if counts[n] <= 0:
                del counts[n]
        self.__dict__["_folded_counts"] = counts
        return (shared - touched) | {n for n in touched if counts.get(n, 0) > 1}

    def of(self, person: Person) -> list[Commitment]:
        """Commitments whose sentence names the person (name or alias as whole words); an alias
        other people share ("the minister" of two ministers) is left out, unless it is the
        person's own name."""
        shared = self._shared_names
        names = [n for n in names_of(person) if n == person.name or fold(n) not in shared]
        positions: set[int] = set()
        for name in names:
            found = self._candidates(name)
            positions |= set(range(len(self.commitments))) if found is None else found
        pattern = name_pattern(names)
        return [
            self.commitments[i]
            for i in sorted(positions)
            if pattern.search(self.commitments[i].sentence)
        ]
