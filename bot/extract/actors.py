"""Who acts in a sentence: subjects as noun phrases, and noun phrases as countries.

Without a parser, a subject is read as the run of name-like words next to its verb: capitalised
words, the joiners between them ("of", "and", "the"), actor nouns ("both countries", "the
Leaders") and pronouns. A phrase names countries directly (find_countries: names, demonyms,
bodies such as METI or the Bundeswehr), through people (the register gives their country), or
as a group ("both countries", "the three sides", "they") that stands for the document's main
participants. Word lists are in config/cues.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.countries import find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.text import Paragraph
from bot.models import Document

_TOKEN_RE = re.compile(r"[\w][\w.’'&-]*[\w’']|[\w]|[(),;:—–“”\"]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.casefold().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _set(lexicon: Lexicon, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.word_list(key))


@dataclass(frozen=True)
class ActorWords:
    """The cue lists actors are read with, folded once per lexicon."""

    actor_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    non_actor: frozenset[str]
    pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    joiners: frozenset[str]
    skip: frozenset[str]
    intro: frozenset[str]
    prepositions: frozenset[str]
    group_re: re.Pattern[str]
    sizes: Mapping[str, int]
    size_re: re.Pattern[str]


@lru_cache(maxsize=8)
def actor_words(lexicon: Lexicon) -> ActorWords:
    sizes_raw = lexicon.words.get("group_sizes") or {}
    sizes = {str(k).casefold(): int(v) for k, v in dict(sizes_raw).items()}
    groups = sorted(lexicon.word_list("group_phrases"), key=len, reverse=True)
    group_alt = "|".join(re.escape(g) for g in groups) or r"(?!x)x"
    suffixes = "|".join(re.escape(s) for s in lexicon.word_list("group_size_suffixes"))
    size_words = "|".join(re.escape(s) for s in sorted(sizes, key=len, reverse=True))
    size_re = re.compile(
        rf"\b(?P<n>{size_words}|\d)(?:-(?:{suffixes or '(?!x)x'})\b|(?=\s+(?:{suffixes or '(?!x)x'})s?\b))"
        rf"|\b(?P<lateral>\w+lateral)\b",
        re.IGNORECASE,
    )
    return ActorWords(
        actor_nouns=_set(lexicon, "actor_nouns"),
        plan_nouns=_set(lexicon, "plan_nouns"),
        non_actor=_set(lexicon, "non_actor_words"),
        pronouns=_set(lexicon, "actor_pronouns"),
        speaker_pronouns=_set(lexicon, "speaker_pronouns"),
        plural_pronouns=_set(lexicon, "plural_pronouns"),
        joiners=_set(lexicon, "subject_joiners"),
        skip=_set(lexicon, "subject_skip_words"),
        intro=_set(lexicon, "intro_words"),
        prepositions=frozenset({"of", "for", "on", "from", "in", "with", "between", "at"}),
        group_re=re.compile(rf"(?<![\w-])(?:{group_alt})(?![\w-])", re.IGNORECASE),
        sizes=sizes,
        size_re=size_re,
    )


# --- noun phrases ---------------------------------------------------------------------------


def _np_word(tok: Token, w: ActorWords) -> bool:
    """A word that can belong to a subject phrase."""
    if tok.text in "()":
        return True
    if not tok.text[:1].isalnum():
        return False
    low = tok.low
    base = re.sub(r"(?:['’]s|s['’])$", "", low)
    return (
        tok.capitalised
        or low in w.joiners
        or low in w.actor_nouns
        or base in w.actor_nouns
        or low in w.pronouns
        or bool(w.group_re.fullmatch(low))
    )


def subject_before(
    text: str, toks: list[Token], index: int, w: ActorWords
) -> tuple[str, tuple[int, int] | None]:
    """The subject of the verb at token `index`, read backwards ("Hamada also wants").

    Returns ("np", span) for a phrase right before the verb; ("coordinate", None) when the verb
    follows a comma or "and" (its subject is the sentence's main one); ("relative", None) after
    "which"/"who"/"that" (see relative_before).
    """
    i = index - 1
    while i >= 0 and toks[i].low in w.skip and not toks[i].capitalised:
        i -= 1
    if i < 0 or toks[i].text in ",;:—–" or toks[i].low in _CONJUNCTIONS:
        return "coordinate", None
    if toks[i].low in {"which", "that", "who"}:
        return "relative", None
    if toks[i].low in w.pronouns or toks[i].low in w.non_actor:
        return "np", (toks[i].start, toks[i].end)
    end = i
    if not _np_word(toks[i], w):
        # A common noun phrase ("another frigate", "the new roadmap"): back to its determiner.
        while i > 0 and end - i < 8 and toks[i - 1].text[:1].isalnum():
            if toks[i].low in _DETERMINERS or toks[i - 1].low in {"that", "which", "who"}:
                break
            i -= 1
        return "np", (toks[i].start, toks[end].end)
    depth = 0
    while i >= 0:
        t = toks[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth > 0:
            pass
        elif t.text == ",":
            # "Economy, Trade and Industry": a comma between two capitalised words.
            if not (i > 0 and toks[i - 1].capitalised and toks[i + 1].capitalised):
                break
        elif not _np_word(t, w) or t.low in {"that", "which", "who"}:
            break
        i -= 1
    return "np", _trim(toks, i + 1, end, w)


_CONJUNCTIONS = frozenset({"and", "or", "but"})
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "its",
        "their",
        "our",
        "another",
        "his",
        "her",
        "each",
        "every",
        "any",
        "some",
    }
)


#: Joiners that cannot open a subject ("and Japan" is the tail of "Germany and Japan").
_LEADING_DROP = frozenset({"and", "of", "for", "on", "from", "&", "or"})


def _trim(toks: list[Token], first: int, last: int, w: ActorWords) -> tuple[int, int] | None:
    """Drop joiners and intro words at the ends of a phrase ("and", "On Wednesday,")."""
    # An intro before a comma ("On Wednesday, Marles and Austin") is not part of the subject.
    for k in range(first, last + 1):
        if toks[k].text == "," and toks[first].low in w.intro:
            first = k + 1
            break
    while first <= last and (toks[first].low in _LEADING_DROP or toks[first].text in ",("):
        first += 1
    while last >= first and (toks[last].low in w.joiners or toks[last].text in ",("):
        last -= 1
    if first > last:
        return None
    return toks[first].start, toks[last].end


def main_subject(text: str, toks: list[Token], w: ActorWords) -> tuple[int, int] | None:
    """The subject at the start of the sentence, after intro phrases ("In the future, ...")."""
    i = 0
    n = len(toks)
    while i < n and toks[i].text in '“"(':
        i += 1
    # Skip intro phrases: "In the future,", "On Wednesday,", "So, make no mistake,".
    for _ in range(4):
        if i < n and toks[i].low in w.intro and not _starts_group(toks, i, w):
            comma = next((k for k in range(i, min(n, i + 16)) if toks[k].text == ","), None)
            if comma is None:
                break
            i = comma + 1
        else:
            break
    if i < n and toks[i].low in w.pronouns:
        return toks[i].start, toks[i].end
    start = i
    depth = 0
    while i < n:
        t = toks[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth > 0:
            pass
        elif t.text == ",":
            if not (
                i > start and toks[i - 1].capitalised and i + 1 < n and toks[i + 1].capitalised
            ):
                break
        elif not _np_word(t, w) or (i > start and t.low in w.pronouns):
            break
        i += 1
    if i == start:
        # A common noun phrase ("another frigate will be sent"): up to its verb, roughly.
        while i < n and i - start < 6 and toks[i].text[:1].isalnum() and toks[i].low not in w.skip:
            i += 1
        if i == start:
            return None
    return _trim(toks, start, i - 1, w)


def _starts_group(toks: list[Token], i: int, w: ActorWords) -> bool:
    return toks[i].low in w.pronouns


def relative_before(toks: list[Token], index: int, w: ActorWords) -> tuple[int, int] | None:
    """For "..., which will": the antecedent phrase before the comma, from its determiner."""
    i = index - 1
    while i >= 0 and toks[i].low in w.skip:
        i -= 1
    if i < 1 or toks[i].low not in {"which", "that", "who"}:
        return None
    j = i - 1
    if toks[j].text == ",":
        j -= 1
    end = j
    while j >= 0 and end - j < 12:
        if toks[j].low in {"the", "a", "an", "this", "these", "its", "their", "our", "another"}:
            break
        if toks[j].text in ",;:":
            j += 1
            break
        j -= 1
    j = max(j, 0)
    return toks[j].start, toks[end].end


# --- classification -------------------------------------------------------------------------


def _head(phrase: str, w: ActorWords) -> str:
    """The phrase's head noun: its last word before a preposition ("Demand for minerals")."""
    words = [t.low for t in tokens(phrase) if t.text[:1].isalnum()]
    head = ""
    for word in words:
        if word in w.prepositions and head:
            break
        head = word
    return re.sub(r"(?:['’]s|s['’])$", "", head)


def phrase_kind(
    phrase: str,
    lexicon: Lexicon,
    proper_words: frozenset[str],
    register: PeopleRegister | None = None,
    span: tuple[int, int] | None = None,
) -> str:
    """ "actor", "plan" or "none": can this subject commit to something?"""
    w = actor_words(lexicon)
    head = _head(phrase, w)
    low_words = [t.low for t in tokens(phrase)]
    if head in w.non_actor or (low_words and low_words[0] in w.non_actor and len(low_words) == 1):
        return "none"
    if head in w.pronouns or head in w.actor_nouns or w.group_re.search(phrase):
        return "actor"
    if find_countries(phrase, lexicon):
        return "actor"
    if register is not None and span is not None and register.mentions(*span):
        return "actor"
    if head in w.plan_nouns:
        return "plan"
    if any(t.text in proper_words for t in tokens(phrase) if t.capitalised):
        return "actor"
    return "none"


def proper_words(paragraphs: Iterable[Paragraph]) -> frozenset[str]:
    """Capitalised words the document also writes mid-sentence: names, not sentence starts."""
    out: set[str] = set()
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            if sentence.heading:
                continue
            toks = tokens(sentence.text)
            for k, t in enumerate(toks[1:], start=1):
                if t.capitalised and toks[k - 1].text not in '“"(—–:;':
                    out.add(t.text)
    return frozenset(out)


# --- participants ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Participants:
    """The document's main countries, most central first, and the group size it names."""

    ranked: tuple[str, ...] = ()
    scores: tuple[int, ...] = ()
    size: int | None = None

    def group(self, n: int | None = None) -> tuple[str, ...]:
        """The n main participants; without n the size the document names, or the leaders."""
        if n:
            return self.ranked[:n]
        if self.size:
            return self.ranked[: self.size]
        if not self.ranked:
            return ()
        top = self.scores[0]
        keep = [c for c, s in zip(self.ranked, self.scores, strict=True) if s * 2 >= top]
        return tuple(keep[: max(2, len(keep))]) if len(self.ranked) > 1 else self.ranked[:1]


def participants(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> Participants:
    """Rank countries by where they are named: title and lead count most, people count too."""
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    position = 0

    def add(text: str, weight: int) -> None:
        nonlocal position
        for hit in find_countries(text, lexicon):
            score[hit.country] += weight
            first.setdefault(hit.country, position + hit.start)
        position += len(text) + 1

    add(document.title or "", 3)
    lead_seen = False
    for paragraph in paragraphs:
        if paragraph.heading:
            add(paragraph.text, 1)
            continue
        add(paragraph.text, 1 if lead_seen else 2)
        lead_seen = True
    for person in register.people:
        if person.country and not person.former:
            score[person.country] += 2
            first.setdefault(person.country, position)
    ranked = sorted(score, key=lambda c: (-score[c], first.get(c, 0)))
    return Participants(
        tuple(ranked), tuple(score[c] for c in ranked), group_size(document, lexicon)
    )


def group_size(document: Document, lexicon: Lexicon) -> int | None:
    """The size of the meeting a document names: "trilateral", "Five-Country", "two-way"."""
    w = actor_words(lexicon)
    for text in (document.title or "", document.text):
        for m in w.size_re.finditer(text):
            word = (m["n"] or m["lateral"] or "").casefold()
            if word.isdigit():
                return int(word)
            if word in w.sizes:
                return w.sizes[word]
    return None


def group_of(phrase: str, parts: Participants, lexicon: Lexicon) -> tuple[str, ...]:
    """The countries a group phrase stands for ("both countries" → the two main ones)."""
    w = actor_words(lexicon)
    for word in re.findall(r"[\w-]+", phrase.casefold()):
        if word in w.sizes:
            return parts.group(w.sizes[word])
    return parts.group()


def unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
