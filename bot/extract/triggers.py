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
#: For an ASCII byte string: capitals lower-cased, letters, digits and "_" kept (the ASCII
#: \w), every other byte a space, so `split()` gives the ASCII words.
_ASCII_WORDS = (
    bytes(c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(128))
    + b" " * 128
)


@per_text()
def sentence_words(text: str) -> frozenset[str]:
    """text_words, remembered per text: dates and commitments both read each sentence."""
    return text_words(text)


def text_words(text: str) -> frozenset[str]:
    """The plain ASCII words of `text`, lower-cased, and the ASCII pieces of other words ("We’ll
    SIGN" gives we, ll, sign; "ſigned" gives signed; "café" gives caf): a pattern that ignores
    case matches an ASCII word there only if it is one of these.

    Each character other than an ASCII letter, digit or "_" is read as a space: that keeps
    every ASCII word a `\\w+` scan finds whole (a character next to it is no word character
    or not ASCII) and adds only pieces of words that are not plain ASCII, which no pattern
    needs (phrase_words). The text is encoded and translated in C, several times cheaper than
    a `\\w+` scan. A text with one of the four letters that match an ASCII letter when case is
    ignored is read word by word instead, each folded to that letter."""
    if text.isascii():
        return frozenset(text.encode().translate(_ASCII_WORDS).decode().split())
    if _ODD_CASE_RE.search(text) is None:
        # Only "İ" and the Kelvin sign lower-case to an ASCII letter, and both are odd folds.
        spaced = text.encode("ascii", "replace").translate(_ASCII_WORDS)
        return frozenset(spaced.decode().split())
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


#: How many sets of met requirements a Triggers remembers the possible patterns of.
_SEEN_MAX = 4096


class Triggers:
    """For each pattern name, the requirements every match meets (none: always run it).

    `possible(words)` names the patterns a sentence of these words may match, worked out once
    per sentence. Each requirement is one bit: the sentence's words that are a key of some
    requirement ("pledged", "agreed", "be") set the bits of the requirements they meet, alone
    ("pledged") or with the other words of a phrase ("agreed" with "to"). A pattern may match
    when all its bits are set. Words given as None stand for a sentence not looked at: every
    pattern runs.

    Few sets of met requirements occur (sentences meet the same few ones), so the patterns of
    each set are worked out once and remembered (at most _SEEN_MAX sets, then forgotten).

    Most sentences allow no pattern, though many hold a common key ("the" for "restated"
    that also needs a `commitment_nouns` word). A pattern needs all its requirements, so a
    sentence that holds no key of one chosen requirement of each pattern (the one whose
    shortest key is longest: common words are short) allows only the patterns that need
    nothing: one set test (`_gate`) tells such sentences, with no bits worked out.
    """

    def __init__(self, needs: Mapping[str, tuple[Requirement, ...]]) -> None:
        self.needs = dict(needs)
        alone: dict[str, int] = {}
        longer: dict[str, list[tuple[int, frozenset[str]]]] = {}
        masks: dict[str, int] = {}
        bit = 1
        for name, requirements in self.needs.items():
            masks[name] = 0
            for need in requirements:
                masks[name] |= bit
                for key in need.alone:
                    alone[key] = alone.get(key, 0) | bit
                for key in need.longer:
                    phrases = need.by_key[key]
                    longer.setdefault(key, []).extend((bit, p) for p in phrases if len(p) > 1)
                bit <<= 1
        #: For each key: the bits it meets alone, and the longer phrases filed under it.
        self._by_key = {
            key: (alone.get(key, 0), tuple(longer.get(key, ()))) for key in {*alone, *longer}
        }
        self._keys = frozenset(self._by_key)
        self._masks = tuple(masks.items())
        #: What the patterns that need nothing give (a sentence of no key allows just them).
        self._always = frozenset(name for name, mask in self._masks if mask == 0)
        self._gate = frozenset(
            key
            for requirements in self.needs.values()
            if requirements
            for key in max(requirements, key=lambda r: min(map(len, r.keys))).keys
        )
        self._gates: dict[frozenset[str], frozenset[str] | None] = {}
        self._seen: dict[int, frozenset[str]] = {}
        #: The last sentence's words and their possible patterns, replaced in one assignment
        #: (threads extracting other documents may share this object).
        self._last: tuple[frozenset[str], frozenset[str]] | None = None

    def possible(self, words: frozenset[str]) -> frozenset[str]:
        """The patterns a sentence of these words may match: with "signing" needing "signed"
        and "memorandum", possible(sentence_words("They signed a memorandum.")) holds it."""
        last = self._last
        if last is not None and last[0] is words:
            return last[1]
        if self._gate.isdisjoint(words):
            self._last = (words, self._always)
            return self._always
        met = 0  # the bits of the requirements the words meet
        by_key = self._by_key
        for key in self._keys.intersection(words):
            bits, phrases = by_key[key]
            met |= bits
            for bit, phrase in phrases:
                if not met & bit and phrase <= words:
                    met |= bit
        found = self._seen.get(met)
        if found is None:
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            found = self._seen[met] = frozenset(
                name for name, mask in self._masks if mask & met == mask
            )
        self._last = (words, found)
        return found

    def may_any(self, patterns: frozenset[str], words: frozenset[str]) -> bool:
        """False when none of `patterns` can match a sentence of these words, told by one set
        test: the words hold no key of any of their requirements. True otherwise, also where
        possible(words) would still allow none: with "rel_day" needing "today" or "tomorrow",
        may_any({"rel_day"}, sentence_words("Talks were held.")) is False."""
        if patterns not in self._gates:
            needs = [self.needs.get(name, ()) for name in patterns]
            always = any(not requirements for requirements in needs)  # a pattern needs nothing
            keys = frozenset(k for r in needs for need in r for k in need.keys)
            self._gates[patterns] = None if always else keys
        keys = self._gates[patterns]
        return keys is None or not keys.isdisjoint(words)

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
