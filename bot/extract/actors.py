"""Who acts in a sentence: subjects as noun phrases, and noun phrases as countries.

Without a parser, a subject is read as the run of name-like words next to its verb: capitalised
words, the joiners between them ("of", "and", "the"), actor nouns ("both countries", "the
Leaders") and pronouns. A phrase names countries directly (find_countries: names, demonyms,
bodies such as METI or the Bundeswehr), through people (the register gives their country), or
as a group ("both countries", "the three sides", "they") that stands for the document's main
participants. Every word list is in config/cues.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, islice
from operator import itemgetter

from bot.extract.countries import find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister

# Tokens and subject phrases live in their own modules; the rules in commitments/ read them
# through this module, so they are re-exported here. The actor rules read tokens.words, under
# the name `tokens` their importers use.
from bot.extract.subject_phrases import main_subject as main_subject
from bot.extract.subject_phrases import relative_before as relative_before
from bot.extract.subject_phrases import reported_it as reported_it
from bot.extract.subject_phrases import subject_before as subject_before
from bot.extract.text import Paragraph
from bot.extract.tokens import POSSESSIVE_RE, word_texts
from bot.extract.tokens import Token as Token
from bot.extract.tokens import index_at as index_at
from bot.extract.tokens import words as tokens
from bot.extract.triggers import Requirement, list_requirement, text_words
from bot.models import Document

#: A word of a group phrase: "both", "three-country".
_GROUP_WORD_RE = re.compile(r"[\w-]+")

_NEVER = r"(?!x)x"


def _set(lexicon: Lexicon, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.word_list(key))


@dataclass(frozen=True)
class ActorWords:
    """The cue lists subjects and actors are read with, folded once per lexicon."""

    actor_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    non_actor: frozenset[str]
    pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    joiners: frozenset[str]
    skip: frozenset[str]
    intro: frozenset[str]
    determiners: frozenset[str]
    conjunctions: frozenset[str]
    relatives: frozenset[str]
    prepositions: frozenset[str]
    reporting: frozenset[str]
    group_re: re.Pattern[str]
    sizes: Mapping[str, int]
    size_re: re.Pattern[str]
    size_gate: re.Pattern[str]  # what a text needs for size_re to match in it


@lru_cache(maxsize=8)
def actor_words(lexicon: Lexicon) -> ActorWords:
    raw_sizes = lexicon.words.get("group_sizes") or {}
    sizes = {str(k).casefold(): int(v) for k, v in dict(raw_sizes).items()}
    groups = sorted(lexicon.word_list("group_phrases"), key=len, reverse=True)
    group_alt = "|".join(re.escape(g) for g in groups) or _NEVER
    suffixes = "|".join(re.escape(s) for s in lexicon.word_list("group_size_suffixes")) or _NEVER
    size_words = "|".join(re.escape(s) for s in sorted(sizes, key=len, reverse=True)) or _NEVER
    size_re = re.compile(
        rf"\b(?P<n>{size_words}|\d)-(?:{suffixes})\b|\b(?P<lateral>\w+lateral)\b", re.IGNORECASE
    )
    # What every size_re match holds: a hyphen and a suffix ("-country"), or "lateral". Both
    # open with a literal, which `re` finds fast; size_re's own openings are tried everywhere.
    size_gate = re.compile(rf"-(?:{suffixes})\b|lateral", re.IGNORECASE)
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
        determiners=_set(lexicon, "determiners"),
        conjunctions=_set(lexicon, "conjunctions"),
        relatives=_set(lexicon, "relative_pronouns"),
        prepositions=_set(lexicon, "head_prepositions"),
        reporting=_set(lexicon, "reporting_verbs"),
        group_re=re.compile(rf"(?<![\w-])(?:{group_alt})(?![\w-])", re.IGNORECASE),
        sizes=sizes,
        size_re=size_re,
        size_gate=size_gate,
    )


# --- classification -------------------------------------------------------------------------


def head_word(phrase: str, w: ActorWords) -> str:
    """The phrase's head noun: its last word before a preposition ("Demand for minerals")."""
    head = ""
    for tok in tokens(phrase):
        if not tok.word:
            continue
        if tok.low in w.prepositions and head:
            break
        head = tok.low
    return POSSESSIVE_RE.sub("", head)


def phrase_kind(phrase: str, lexicon: Lexicon, proper_words: Container[str]) -> str:
    """ "actor", "plan" or "none": can this subject commit to something? `proper_words` are
    the document's names (proper_words, or ProperWords to work them out only if asked)."""
    w = actor_words(lexicon)
    head = head_word(phrase, w)
    if not head or head in w.non_actor:
        return "none"
    if head in w.pronouns or head in w.actor_nouns or w.group_re.search(phrase):
        return "actor"
    if find_countries(phrase, lexicon):
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
            if not sentence.heading:
                out |= _sentence_proper_words(sentence.text)
    return frozenset(out)


def _sentence_proper_words(text: str) -> frozenset[str]:
    """The capitalised words of one sentence that do not open it or a phrase inside it:
    "Talks with Sato (Kenya) began." gives Sato (Talks opens it, Kenya follows a bracket)."""
    words = word_texts(text)
    # The capitalised words are found in C (a token is never empty, so its first character
    # decides); only they are looked at with the token before them.
    capitals = compress(count(1), map(str.isupper, map(_FIRST, islice(words, 1, None))))
    return frozenset(words[i] for i in capitals if words[i - 1] not in _OPENERS)


class ProperWords:
    """`word in proper_words(paragraphs)`, answered word by word: only the sentences that
    hold the word's text after their first character are tokenised (a proper word of a
    sentence is a stretch of its text after its first token), and most subjects are told
    apart before their names are asked about ("Japan" is a country, "the meeting" a plan),
    so most sentences are never tokenised for this. Example: `"Sato" in
    ProperWords(paragraphs)` tokenises only the sentences holding "Sato" after their start.

    Each word asked reads every sentence's text, so after _WORD_BY_WORD words the whole set
    is worked out instead: a document of many subjects stays linear in its length."""

    __slots__ = ("_all", "_answers", "_paragraphs", "_seen", "_sentences")

    def __init__(self, paragraphs: Iterable[Paragraph]) -> None:
        self._paragraphs = paragraphs
        self._sentences: list[str] = []  # the sentences' texts (no headings), listed when asked
        self._seen: dict[int, frozenset[str]] = {}  # a sentence's proper words, by position
        self._answers: dict[str, bool] = {}
        self._all: frozenset[str] | None = None  # every proper word, once many are asked

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._all is not None:
            return word in self._all
        answer = self._answers.get(word)
        if answer is None:
            if not self._answers:
                self._sentences = [
                    s.text for p in self._paragraphs for s in p.sentences if not s.heading
                ]
            elif len(self._answers) >= _WORD_BY_WORD:
                self._all = frozenset().union(*map(self._words_of, range(len(self._sentences))))
                return word in self._all
            # A sentence's proper word is a token after its first, so it stands at offset 1 or
            # later ("The" opening most sentences does not send them all to be tokenised).
            # A sentence where it stands as a whole word after another is not tokenised either.
            plain = word.isalnum() and word[:1].isupper()
            answer = self._answers[word] = any(
                (plain and _stands_proper(text, word)) or word in self._words_of(i)
                for i, text in enumerate(self._sentences)
                if text.find(word, 1) >= 0
            )
        return answer

    def _words_of(self, i: int) -> frozenset[str]:
        """The proper words of sentence `i`, worked out once."""
        found = self._seen.get(i)
        if found is None:
            found = self._seen[i] = _sentence_proper_words(self._sentences[i])
        return found


def _stands_proper(text: str, word: str) -> bool:
    """Whether `word` (capitalised, letters and digits only) is a proper word of sentence
    `text` by what stands around it, without tokenising: "met Sato in" and "met Sato. Then"
    are, "met Sato's aide" and "“Sato" are not told so (they may still be, by the tokens).

    Where a space follows a letter or digit, the word after it is a token of its own that a
    word token precedes (no opener); ending before the text's end, a space, or a mark that
    joins nothing (not "-", "'", "’", "&", "_" nor "." before a letter or digit), it is the
    whole token (tokens.words). Each place the word stands is looked at once: linear."""
    k = text.find(word, 2)
    while k >= 0:
        end = k + len(word)
        after = text[end : end + 1]
        if text[k - 1].isspace() and text[k - 2].isalnum():
            if not after or after.isspace() or after in _ENDING_MARKS:
                return True
            if after == "." and not text[end + 1 : end + 2].strip():
                return True  # a full stop before a space or the end joins nothing
        k = text.find(word, k + 1)
    return False


#: Marks after a word that end its token: none joins it to what follows (tokens.words).
_ENDING_MARKS = frozenset(',;:!?()[]"“”')

#: How many words ProperWords answers one by one before it works out the whole set.
_WORD_BY_WORD = 16


#: Tokens after which a capital opens a phrase, as a sentence start does: “, (, —, :.
_OPENERS = frozenset('“"(—–:;')
_FIRST = itemgetter(0)


# --- participants ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Participants:
    """The document's main countries, most central first, and the group size it names."""

    ranked: tuple[str, ...] = ()
    scores: tuple[int, ...] = ()
    size: int | None = None

    def group(self, n: int | None = None) -> tuple[str, ...]:
        """The n main participants; without n the size the document names, or the leaders
        (every country scoring at least half the top score, at least two)."""
        if n:
            return self.ranked[:n]
        if self.size:
            return self.ranked[: self.size]
        if len(self.ranked) < 2:
            return self.ranked
        top = self.scores[0]
        keep = [c for c, s in zip(self.ranked, self.scores, strict=True) if s * 2 >= top]
        return tuple(keep) if len(keep) >= 2 else self.ranked[:2]


def participants(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> Participants:
    """Rank countries by where they are named: title and lead count most, people count too.
    An international body (cues.yaml `international_bodies`) counts only in the title and the
    lead: "other NATO members" further down makes NATO no participant. A country named as what
    the text is about ("support for Ukraine", "the war in Ukraine": cues.yaml
    `topic_contexts`) counts nowhere."""
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    position = 0
    bodies = frozenset(lexicon.word_list("international_bodies"))
    about = _topic_context_re(lexicon)
    need = _topic_context_need(lexicon)

    def add(text: str, weight: int, lead: bool = True) -> None:
        nonlocal position
        for hit in find_countries(text, lexicon):
            if not lead and hit.country in bodies:
                continue  # "other NATO members" further down: no main participant
            # A stretch without a topic context phrase's words ("support", "for") holds no
            # such phrase: it is not searched.
            before = max(0, hit.start - 40)
            if (need is None or need.met(text_words(text[before : hit.start]))) and about.search(
                text, before, hit.start
            ):
                continue  # "support for Ukraine", "the war in Ukraine": a topic
            score[hit.country] += weight
            first.setdefault(hit.country, position + hit.start)
        position += len(text) + 1

    add(document.title or "", 3)
    lead_seen = False
    for paragraph in paragraphs:
        if paragraph.heading:
            add(paragraph.text, 1)
            continue
        add(paragraph.text, 1 if lead_seen else 2, lead=not lead_seen)
        lead_seen = True
    for person in register.people:
        if person.country and not person.former:
            score[person.country] += 2
            first.setdefault(person.country, position)
    ranked = sorted(score, key=lambda c: (-score[c], first.get(c, 0)))
    return Participants(
        tuple(ranked), tuple(score[c] for c in ranked), group_size(document, paragraphs, lexicon)
    )


@lru_cache(maxsize=8)
def _topic_context_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A phrase (cues.yaml `topic_contexts`) that ends right before a country's name, perhaps
    with "the", an owner or an adjective between ("support for the Ukrainian people" is not a
    country; "the war in Ukraine" is, and names a topic)."""
    words = "|".join(
        r"\s+".join(re.escape(x) for x in w.split())
        for w in sorted(lexicon.word_list("topic_contexts"), key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{words or _NEVER})\s+(?:the\s+)?(?:[\w’'-]+\s+)?$", re.I)


@lru_cache(maxsize=8)
def _topic_context_need(lexicon: Lexicon) -> Requirement | None:
    """The words a text must hold for _topic_context_re to match in it: all the words of one
    topic context phrase ("support" and "for"). The phrases stand as whole words (a word
    boundary before, spaces between and after), so triggers.list_requirement applies."""
    return list_requirement(lexicon.word_list("topic_contexts"))


def group_size(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> int | None:
    """The size of the meeting the title or the lead names: "trilateral", "Five-Country".

    Only there: "building on recent trilateral engagements" further down is another meeting.
    """
    w = actor_words(lexicon)
    lead = next((p.text for p in paragraphs if not p.heading), "")
    for text in (document.title or "", lead):
        if not w.size_gate.search(text):
            continue  # no "-country", no "lateral": size_re would find nothing
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
    for word in _GROUP_WORD_RE.findall(phrase.casefold()):
        if word in w.sizes:
            return parts.group(w.sizes[word])
    return parts.group()


def unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
