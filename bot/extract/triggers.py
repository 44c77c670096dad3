"""Skipping a pattern scan that could find nothing, told from the words a sentence holds.

Many extraction patterns need phrases of config lists in every match, each standing as whole
words: the commitment pattern for signings needs a `signing_verbs` phrase ("signed") and an
`agreement_nouns` one ("memorandum"), the date pattern for relative days a `relative_days`
phrase ("the day after tomorrow"). Such a pattern can only match a sentence that holds every
word of one phrase of each list, so a sentence without them ("The weather was fine.") is not
scanned for it. Skipping a scan that would have found nothing leaves the result the same.

Words are compared lower-cased, and only plain ASCII words are looked for. Four letters match
an ASCII letter when case is ignored but do not lower-case to it ("ſ" matches "s", "İ"
matches "i"): in a sentence's words they are folded to that letter first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from bot.extract.memo import per_text


class Finder(Protocol):
    """What `Triggers.scan` runs: a compiled pattern, or a scan with its matches
    (alternation.WordScan)."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


class Searcher(Protocol):
    """What `Triggers.search` runs: a compiled pattern, or a scan with its first match
    (phrase_scan.PhraseScan)."""

    def search(self, text: str) -> re.Match[str] | None: ...


#: Letters that match an ASCII letter when case is ignored but do not lower-case to it, and
#: that letter: dotted capital I, dotless i, long s, Kelvin sign.
ODD_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
ODD_CASE = frozenset(ODD_FOLDS)
_ODD_CASE_RE = re.compile(f"[{''.join(ODD_FOLDS)}]")  # finds one in C, faster than a set
_FOLD = str.maketrans(ODD_FOLDS)
_WORD_RE = re.compile(r"\w+")


@per_text()
def sentence_words(text: str) -> frozenset[str]:
    """text_words, remembered per text: dates and commitments both read each sentence."""
    return text_words(text)


def text_words(text: str) -> frozenset[str]:
    """The words of `text`, lower-cased ("We’ll SIGN" gives we, ll, sign; "ſigned" gives
    signed): a pattern that ignores case matches an ASCII word there only if it is one of
    these.

    Without those four letters, lower-casing keeps each character's place and \\w-ness, so
    the text is lower-cased once instead of word by word (only "Σ" may lower-case otherwise
    in a word, and no word with it is plain ASCII)."""
    if text.isascii() or _ODD_CASE_RE.search(text) is None:
        return frozenset(_WORD_RE.findall(text.lower()))
    return frozenset(w.translate(_FOLD).lower() for w in _WORD_RE.findall(text))


def phrase_words(phrase: str) -> frozenset[str]:
    """The plain words a phrase needs, lower-cased: "the day after tomorrow" gives the, day,
    after, tomorrow; "'ll" gives ll; "außen" gives none (not plain ASCII)."""
    return frozenset(w.lower() for w in _WORD_RE.findall(phrase) if w.isascii())


@dataclass(frozen=True)
class Requirement:
    """One phrase of a list stands in every match of a pattern: met by a sentence that holds
    every word of one of the phrases. The phrases are filed under their longest word, so a
    sentence is checked against the few phrases whose longest word it holds."""

    by_key: Mapping[str, tuple[frozenset[str], ...]]
    keys: frozenset[str]
    #: The keys that are a whole phrase by themselves ("pledged"): holding one is enough.
    alone: frozenset[str]
    #: The keys of phrases of more than one word ("agreed" of "agreed to").
    longer: frozenset[str]

    def met(self, words: frozenset[str]) -> bool:
        """Whether `words` hold every word of some phrase: "agreed to" is met by a sentence
        holding "agreed" and "to", not by one holding "agreed" only."""
        if not self.alone.isdisjoint(words):
            return True
        if self.longer.isdisjoint(words):
            return False
        return any(need <= words for key in self.longer & words for need in self.by_key[key])


def requirement(phrases: Iterable[frozenset[str]]) -> Requirement | None:
    """The requirement that a sentence hold all the words of one of the phrases (each given by
    its words), or None (always met) when some phrase has no word to look for."""
    by_key: dict[str, list[frozenset[str]]] = {}
    for need in phrases:
        if not need:
            return None
        key = max(sorted(need), key=len)  # the longest word, the rarest in other sentences
        by_key.setdefault(key, []).append(need)
    if not by_key:
        return None
    alone = frozenset(k for k, needs in by_key.items() if frozenset({k}) in needs)
    longer = frozenset(k for k, needs in by_key.items() if any(len(n) > 1 for n in needs))
    by = {k: tuple(v) for k, v in by_key.items()}
    return Requirement(by, frozenset(by_key), alone, longer)


def list_requirement(phrases: Iterable[str]) -> Requirement | None:
    """The requirement for a list of phrases matched as whole words: nothing of a word may
    stand right before or after the phrase, as `\\b`, `(?<![\\w])`, `\\s+` or a leading
    apostrophe in the pattern ensure."""
    return requirement(phrase_words(p) for p in phrases)


#: How many word sets a Triggers remembers the possible patterns of (memory stays bounded).
_SEEN_MAX = 4096


class Triggers:
    """For each pattern name, the requirements every match meets (none: always run it).

    `possible(words)` names the patterns a sentence of these words may match, worked out once
    per sentence: each pattern is filed under the words of its first requirement, so only the
    patterns filed under the sentence's words are checked. Words given as None stand for a
    sentence not looked at: every pattern runs.

    The answer depends only on the sentence's words that some requirement names (`_vocab`):
    those are few ("to", "will", "agreed"), and sentences share them, so each such set is
    worked out once and remembered (at most _SEEN_MAX sets, then forgotten).
    """

    def __init__(self, needs: Mapping[str, tuple[Requirement, ...]]) -> None:
        self.needs = dict(needs)
        filed: dict[str, set[str]] = {}
        for name, requirements in self.needs.items():
            for key in requirements[0].keys if requirements else ():
                filed.setdefault(key, set()).add(name)
        self._filed = {key: frozenset(names) for key, names in filed.items()}
        self._keys = frozenset(filed)
        self._always = frozenset(name for name, r in self.needs.items() if not r)
        self._vocab = frozenset(
            word
            for requirements in self.needs.values()
            for need in requirements
            for phrases in need.by_key.values()
            for phrase in phrases
            for word in phrase
        )
        self._seen: dict[frozenset[str], frozenset[str]] = {}
        #: The last sentence's words and their possible patterns, replaced in one assignment
        #: (threads extracting other documents may share this object).
        self._last: tuple[frozenset[str], frozenset[str]] | None = None

    def possible(self, words: frozenset[str]) -> frozenset[str]:
        """The patterns a sentence of these words may match: with "signing" needing "signed"
        and "memorandum", possible(sentence_words("They signed a memorandum.")) holds it."""
        last = self._last
        if last is not None and last[0] is words:
            return last[1]
        named = self._vocab.intersection(words)
        found = self._seen.get(named)
        if found is None:
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            found = self._seen[named] = self._possible(named)
        self._last = (words, found)
        return found

    def _possible(self, words: frozenset[str]) -> frozenset[str]:
        """possible(words), worked out: the candidates filed under the words, checked."""
        candidates = set(self._always)
        filed = self._filed
        for key in self._keys.intersection(words):
            candidates |= filed[key]
        needs = self.needs
        out = []
        for name in candidates:
            for need in needs[name]:
                if not need.met(words):
                    break
            else:
                out.append(name)
        return frozenset(out)

    def may_match(self, pattern: str, words: frozenset[str] | None) -> bool:
        """Whether `pattern` can match a sentence of these words: with "signing" needing
        "signed" and "memorandum", may_match("signing", sentence_words("They met.")) is False."""
        if pattern not in self.needs:
            raise KeyError(pattern)
        if words is None:
            return True
        last = self._last  # the same sentence's words as the last call: possible's answer
        if last is not None and last[0] is words:
            return pattern in last[1]
        return pattern in self.possible(words)

    def scan(
        self, pattern: str, regex: Finder, text: str, words: frozenset[str] | None
    ) -> Iterator[re.Match[str]]:
        """The matches of `regex` (the pattern named `pattern`) in `text`, or none without a
        scan when the sentence lacks the words the pattern needs."""
        return regex.finditer(text) if self.may_match(pattern, words) else iter(())

    def search(
        self, pattern: str, regex: Searcher, text: str, words: frozenset[str] | None
    ) -> re.Match[str] | None:
        """The first match of `regex` in `text`, or None without a scan when it cannot match."""
        return regex.search(text) if self.may_match(pattern, words) else None


def needs_of(*requirements: Requirement | None) -> tuple[Requirement, ...]:
    """The requirements that can be checked (None is always met)."""
    return tuple(r for r in requirements if r is not None)
