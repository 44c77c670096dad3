"""Which commitments name a person: a word index over commitment sentences.

`who Pistorius` reads the few commitments whose sentence holds every word of the name, then
checks them with a regular expression, instead of running one over every commitment. The index
of a generation is the last one's, patched for the sentences and people that differ.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any

from bot.folding import fold
from bot.models import Commitment, Person

_WORD_RE = re.compile(r"\w+")
_SENTENCE = attrgetter("sentence")
# Letters outside ASCII that a case-insensitive regular expression takes for ASCII ones
# (Kelvin sign, long s, dotted and dotless i): 'ſcholz' matches r'\bscholz\b' under IGNORECASE.
_ASCII_LOOKALIKES = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})


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


def names_of(person: Person) -> list[str]:
    """The names a person is found by in text: name and aliases longer than three letters."""
    return _long_names(person.name, person.aliases)


def _long_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    return [n for n in (name, *aliases) if len(n) > 3]


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


@dataclass(frozen=True)
class NamingChange:
    """What changed from the generation a CommitmentsNaming is patched from: the people only
    one of the two has, and the commitments that differ (before and after; the others are the
    same objects in both). Example: from `FactBase.delta`."""

    people_gone: Sequence[Person]
    people_new: Sequence[Person]
    commitments_before: Sequence[Commitment]
    commitments_after: Sequence[Commitment]


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
        change: NamingChange | None = None,
    ) -> None:
        self.people = people
        self.commitments = commitments
        self._previous = previous
        self._change = change if previous is not None else None

    def prepare(self) -> CommitmentsNaming:
        """The tables a reload can patch from the last generation's (the commitments' positions
        are worked out by the first answer that needs them: every position may have moved)."""
        _ = self._word_sentences, self._shared_names
        self._previous = self._change = None
        return self

    def _lent(self, table: str) -> Any:
        return self._previous.__dict__.get(table) if self._previous is not None else None

    @cached_property
    def _sentences(self) -> dict[str, int]:
        """Each distinct commitment sentence, with how many commitments have it (the last
        generation's counts patched, given what changed from it)."""
        lent, change = self._lent("_sentences"), self._change
        if lent is None or change is None:
            return Counter(map(_SENTENCE, self.commitments))
        counts = Counter(lent)
        counts.subtract(map(_SENTENCE, change.commitments_before))
        counts.update(map(_SENTENCE, change.commitments_after))
        for sentence in {*map(_SENTENCE, change.commitments_before)}:
            if counts[sentence] <= 0:
                del counts[sentence]
        return counts

    @cached_property
    def _word_sentences(self) -> dict[str, tuple[str, ...]]:
        """Word (as `_sentence_words` keys it) → the distinct sentences holding it."""
        lent, before = self._lent("_word_sentences"), self._lent("_sentences")
        now = self._sentences
        if lent is None or before is None:
            return _postings(now, {}, {})
        change = self._change
        if change is not None:  # only the changed commitments' sentences can come or go
            maybe = {*map(_SENTENCE, change.commitments_before)}
            maybe.update(map(_SENTENCE, change.commitments_after))
            new = [x for x in maybe if x in now and x not in before]
            return _postings(new, [x for x in maybe if x in before and x not in now], lent)
        return _postings(now.keys() - before.keys(), before.keys() - now.keys(), lent)

    @cached_property
    def _sentence_list(self) -> list[str]:
        return list(map(_SENTENCE, self.commitments))

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        """Sentence → the positions of the commitments that have it, ascending (the previous
        generation's, when its commitments have the same sentences in the same order)."""
        lent = self._lent("_positions")
        if lent is not None and self._lent("_sentence_list") == self._sentence_list:
            return lent
        out: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(self._sentence_list):
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
        lent, shared = self._lent("_folded_counts"), self._lent("_shared_names")
        change = self._change
        if change is not None and lent is not None and shared is not None:
            came, went = change.people_new, change.people_gone
            counts = dict(lent)
        else:
            now, before = self._people_by_id, self._lent("_people_by_id")
            if before is None or lent is None or shared is None:
                before, counts, shared = {}, {}, frozenset()
            else:
                counts = dict(lent)
            came = [now[i] for i in now.keys() - before.keys()]
            went = [before[i] for i in before.keys() - now.keys()]
        changes: Counter[tuple[str, tuple[str, ...]]] = Counter()
        for p in came:
            changes[(p.name, p.aliases)] += 1
        for p in went:
            changes[(p.name, p.aliases)] -= 1
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
