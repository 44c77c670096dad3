"""The word lists the name and title rules read with, compiled once per lexicon.

Every list comes from config/lexicon.yaml and config/roles.yaml and is folded (case-folded,
trailing dot dropped) for lookup, so "Sen." and "sen" find the same entry. `vocab(lexicon)` is
cached: the lists are compiled once, not once per document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, count, repeat
from operator import is_
from typing import Any, TypeVar

from bot.extract.alternation import WordScan, word_scan
from bot.extract.lexicon import Lexicon
from bot.extract.tokens import POSSESSIVE

T = TypeVar("T")

#: How many words Vocab.name_shaped remembers before it starts afresh (bounds its memory).
_WORD_MEMO = 50_000


def _fold_all(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(i.rstrip(".").casefold() for i in items)


def remember(memo: dict[str, T], key: str, value: T) -> T:
    """Store `value` under `key` in a memo of name answers (Vocab.name_memos) and return it;
    a memo that holds _WORD_MEMO answers is emptied first, so memory stays bounded."""
    if len(memo) >= _WORD_MEMO:
        memo.clear()
    memo[key] = value
    return value


def _each_asked(memo: dict[str, bool], ask: Callable[[str], bool], words: list[str]) -> list[bool]:
    """ask(word) for each word: the answers `memo` remembers read in one pass (map, not a
    Python call per word), the words it does not hold asked one by one (`ask` remembers them).
    Example: with memo {"Lena": True}, ["Lena", "the"] reads one answer and asks for "the"."""
    known = list(map(memo.get, words))
    if None in known:
        for i in compress(count(), map(is_, known, repeat(None))):  # the missing ones
            known[i] = ask(words[i])
    return known  # type: ignore[return-value]


@dataclass(frozen=True)
class Vocab:
    """The word lists of the name and title rules, folded for lookup."""

    heads: frozenset[str]
    compound_heads: frozenset[tuple[str, str]]  # folded ("first", "lady"): both words needed
    equivalents: tuple[tuple[str, str], ...]  # folded titles naming one office: premier, ...
    tails: frozenset[str]
    status: frozenset[str]  # words after a title that qualify it: nominee, designate, elect
    state_nouns: frozenset[str]  # a state's formal name: Republic, Kingdom, Commonwealth
    family_names: frozenset[str]  # folded East Asian family names written first: kim, wang
    modifiers: frozenset[str]
    office: frozenset[str]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    not_people: frozenset[str]
    organisations: frozenset[str]  # words that end company and institution names
    pronouns: frozenset[str]
    male: frozenset[str]  # folded pronouns and honorifics that say "he": he, his, mr
    female: frozenset[str]  # and "she": she, her, ms, mrs
    former: frozenset[str]
    leaders: frozenset[str]
    distinct: frozenset[str]  # modifiers that make another office: vice, deputy, prime
    generic_heads: frozenset[str]  # "the SPD politician": any member of the party
    office_countries: dict[str, tuple[str, ...]]  # folded title -> countries that have it
    services: frozenset[str]  # words of armed-service names: army, air, force
    abbreviations: dict[str, str]  # folded "sen" -> "Senator", "gen" -> "General"
    rank_nouns: frozenset[str]  # folded "general", "admiral": "the general said"
    parties: dict[str, tuple[str, str | None]]  # folded alias -> (party name, country)
    short_parties: frozenset[str]  # aliases that must match exactly, as spelled (D, R, AfD)
    travel: WordScan  # travel words: "visit to", "arrived in" (destination after them)

    def name_shaped(self, word: str) -> bool:
        """Whether a word (possessive stripped) may be part of a name whatever stands around it:
        capitalised, with a letter, and in no list of words that name no one ("Minister",
        "He", "Mr"). Remembered per word, as every capitalised token is asked about."""
        memo = self._name_shaped
        known = memo.get(word)
        if known is None:
            if len(memo) >= _WORD_MEMO:
                memo.clear()
            known = memo[word] = self._read_name_shaped(word)
        return known

    def names_shaped(self, words: list[str]) -> list[bool]:
        """name_shaped for each word (see _each_asked)."""
        return _each_asked(self._name_shaped, self.name_shaped, words)

    def _read_name_shaped(self, w: str) -> bool:
        if not w[:1].isupper() or not any(c.isalpha() for c in w):
            return False
        f = w.casefold()
        if f in self.not_names or f in self.pronouns or self.is_title_word(w):
            return False
        return not (w in self.not_people or f in self.ranks or f in self.honorifics)

    @cached_property
    def _name_shaped(self) -> dict[str, bool]:
        return {}

    def may_head(self, word: str) -> bool:
        """Whether a token may be a title's head, told from its text alone: it holds a hyphen
        ("vice-chairman"), or without a possessive ending, folded, it is a head word
        ("Minister's"). Remembered per word, as every token of every paragraph is asked."""
        memo = self._may_head
        known = memo.get(word)
        if known is None:
            if len(memo) >= _WORD_MEMO:
                memo.clear()
            bare = word[:-2] if word.endswith(POSSESSIVE) else word
            known = memo[word] = "-" in word or bare.casefold() in self.head_words
        return known

    def may_heads(self, words: list[str]) -> list[bool]:
        """may_head for each word (see _each_asked)."""
        return _each_asked(self._may_head, self.may_head, words)

    @cached_property
    def _may_head(self) -> dict[str, bool]:
        return {}

    @cached_property
    def name_memos(self) -> defaultdict[str, dict[str, Any]]:
        """The remembered answers of each name rule (name_forms.surname, family_first) for
        this vocabulary: rule -> name -> answer. A rule reads its dict at each call (one
        lookup, no call) and stores a new answer with `remember`, which bounds its size:
        `memo = v.name_memos["surname"]`, then `memo.get(name)` or `remember(memo, name, ...)`."""
        return defaultdict(dict)

    @cached_property
    def honorific_words(self) -> frozenset[str]:
        """The folded honorifics and ranks: a token is an honorific when its word without a
        final dot is one of them ("Ms.", "Admiral")."""
        return self.honorifics | self.ranks

    @cached_property
    def abbreviated_titles(self) -> frozenset[str]:
        """The folded titles the abbreviations stand for: "general" for "Gen."."""
        return frozenset(a.casefold() for a in self.abbreviations.values())

    @cached_property
    def head_words(self) -> frozenset[str]:
        """Every folded word a title's head may be without a hyphen: the heads, the second
        words of compound heads ("lady" of "first lady") and the ranks read as heads."""
        return self.heads | {b for _, b in self.compound_heads} | self.rank_nouns

    @cached_property
    def head_keys(self) -> frozenset[str]:
        """The folded tokens that may_head answers for without a hyphen: the head words, and
        each with a possessive ending ("minister's"), so a paragraph's folded words show in one
        set test whether any token may be a head."""
        words = self.head_words
        return words | {w + end for w in words for end in POSSESSIVE}

    def is_title_word(self, word: str) -> bool:
        """A word that builds titles and never names a person."""
        w = word.rstrip(".").casefold()
        return (
            w in self.heads
            or w in self.modifiers
            or w in self.office
            or w in self.tails
            or w in self.status
            or w in self.state_nouns
        )

    def party_of(self, text: str) -> tuple[str, str | None] | None:
        """The party a short phrase names ("SPD", "Greens", "D-Calif."), or None."""
        t = text.strip().strip(".").strip()
        for cand in (t, t.split("-")[0].strip()):
            key = cand.casefold()
            if key in self.parties and (len(cand) > 3 or cand in self.short_parties):
                return self.parties[key]
        return None


@lru_cache(maxsize=8)
def vocab(lexicon: Lexicon) -> Vocab:
    """The folded word lists of one lexicon (cached: lexicons hash by identity)."""
    office = set(_fold_all(lexicon.word_list("office_words")))
    for p in lexicon.portfolios:
        for phrase in (p.name, *p.synonyms):
            office.update(w.casefold() for w in re.findall(r"[^\W\d_]+", phrase))
    office -= {"minister", "secretary", "and", "of", "for", "the"}
    raw = lexicon.words.get("title_abbreviations") or {}
    abbreviations = (
        {str(k).rstrip(".").casefold(): str(val) for k, val in raw.items()}
        if isinstance(raw, dict)
        else {}
    )
    ranks = _fold_all(lexicon.word_list("ranks"))
    raw_eq = lexicon.words.get("title_equivalents") or {}
    equivalents = (
        tuple((str(k).casefold(), str(val).casefold()) for k, val in raw_eq.items())
        if isinstance(raw_eq, dict)
        else ()
    )
    raw_offices = lexicon.words.get("office_countries") or {}
    offices = (
        {str(k).casefold(): tuple(str(c) for c in (val or ())) for k, val in raw_offices.items()}
        if isinstance(raw_offices, dict)
        else {}
    )
    parties: dict[str, tuple[str, str | None]] = {}
    short: set[str] = set()
    for entry in lexicon.words.get("parties") or ():
        if not isinstance(entry, dict) or not entry.get("name"):
            continue
        name = str(entry["name"])
        country = entry.get("country")
        for alias in (name, *(str(a) for a in entry.get("aliases") or ())):
            parties.setdefault(alias.casefold(), (name, str(country) if country else None))
            if len(alias) <= 3:
                short.add(alias)
    return Vocab(
        heads=_fold_all(lexicon.word_list("title_heads")),
        compound_heads=frozenset(
            (ws[0], ws[1])
            for ws in (h.casefold().split() for h in lexicon.word_list("compound_title_heads"))
            if len(ws) == 2
        ),
        equivalents=equivalents,
        tails=_fold_all(lexicon.word_list("title_tails")),
        status=_fold_all(lexicon.word_list("title_status_words")),
        state_nouns=_fold_all(lexicon.word_list("state_nouns")),
        family_names=_fold_all(lexicon.word_list("family_first_surnames")),
        modifiers=_fold_all(lexicon.word_list("title_modifiers")),
        office=frozenset(office),
        ranks=ranks,
        honorifics=_fold_all(lexicon.word_list("honorifics")),
        particles=frozenset(lexicon.word_list("name_particles")),
        suffixes=_fold_all(lexicon.word_list("name_suffixes")),
        not_names=_fold_all(lexicon.word_list("not_names")),
        not_people=frozenset(lexicon.word_list("not_people")),
        organisations=_fold_all(lexicon.word_list("organisation_words")),
        pronouns=_fold_all(lexicon.word_list("person_pronouns")),
        male=_fold_all(lexicon.word_list("male_words")),
        female=_fold_all(lexicon.word_list("female_words")),
        former=frozenset(m.casefold().rstrip("-") for m in lexicon.former_markers),
        leaders=_fold_all(lexicon.word_list("leader_titles")),
        distinct=_fold_all(lexicon.word_list("distinct_office_modifiers")),
        generic_heads=_fold_all(lexicon.word_list("party_member_nouns")),
        office_countries=offices,
        services=frozenset(w.casefold() for s in lexicon.word_list("services") for w in s.split()),
        abbreviations=abbreviations,
        rank_nouns=frozenset(r.casefold() for r in abbreviations.values() if r.casefold() in ranks),
        parties=parties,
        short_parties=frozenset(short),
        travel=word_scan(lexicon.word_list("travel_words")),
    )
