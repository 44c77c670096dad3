"""Topics of a sentence from the keywords and synonyms in config/topics.yaml.

All terms of all topics go into one alternation, longest first, so one regex pass finds them
and a longer term wins over the shorter one inside it: "energy security" counts for energy,
not for security; "economic security" for economic-security. A term ending in `*` matches any
ending ("armament*" → armaments). Matching ignores case, except for short all-capital terms
("AI", "LNG"), which must be written that way so that they do not match ordinary words.
Weak terms (cues.yaml `weak_topic_terms`, words with another common sense such as "deployment")
count only when their topic is named otherwise too or no other topic is. Neutral phrases
(cues.yaml `neutral_topic_phrases`: "in defense of its interests") hide the keyword inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.alternation import Alternation
from bot.extract.lexicon import Lexicon
from bot.extract.memo import per_text

#: Terms up to this length written in capitals match only in capitals ("AI" is not "ai").
_CASE_SENSITIVE_MAX = 4


@dataclass(frozen=True)
class _TopicMatcher:
    alternation: Alternation  # the terms longest first, tried by their first letter
    terms: tuple[tuple[str, bool, str], ...]  # group order: (folded term, is-prefix, slug)
    exact_terms: frozenset[int]  # the terms (by index) that must be written in capitals


def _term_regex(term: str) -> str:
    prefix = term.endswith("*")
    word = term.rstrip("*").strip()
    body = r"\s+".join(re.escape(part) for part in word.split())
    return body + (r"[\w-]*" if prefix else "")


@lru_cache(maxsize=8)
def _matcher(lexicon: Lexicon) -> _TopicMatcher:
    seen: dict[str, tuple[str, bool, str]] = {}
    exact: set[str] = set()
    for phrase in lexicon.word_list("neutral_topic_phrases"):
        key = phrase.casefold().strip()
        if key:
            seen[key] = (key, False, "")  # matched so that it hides its keyword; no topic
    for topic in lexicon.topics:
        # Synonyms are words users type for a topic; in text only the slug's words, the label
        # and the keywords classify ("power" as a synonym of energy must not tag "air power").
        for term in (topic.slug.replace("-", " "), topic.label, *topic.keywords):
            key = term.casefold().strip()
            if not key or key in seen:
                continue
            seen[key] = (key, key.endswith("*"), topic.slug)
            plain = term.rstrip("*").strip()
            if len(plain) <= _CASE_SENSITIVE_MAX and plain.isupper():
                exact.add(plain)
    ordered = sorted(seen.values(), key=lambda t: len(t[0].rstrip("*")), reverse=True)
    ordered = [t for t in ordered if t[0].rstrip("*").strip()]  # "*" alone names no word
    terms = tuple((term.rstrip("*").strip()[0], _term_regex(term)) for term, _, _ in ordered)
    alternation = Alternation(terms, r"(?<![\w-])", r"(?![\w])", re.IGNORECASE)
    folded = frozenset(e.casefold() for e in exact)
    exact_terms = frozenset(
        i for i, (term, _, _) in enumerate(ordered) if term.rstrip("*").strip() in folded
    )
    return _TopicMatcher(alternation, tuple(ordered), exact_terms)


def topic_hits(text: str, lexicon: Lexicon) -> list[tuple[str, int, str]]:
    """(slug, offset, matched text) for every topic term in `text`, left to right."""
    return [(slug, offset, surface) for slug, offset, surface, _ in _hits(text, lexicon)]


@per_text()
def _hits(text: str, lexicon: Lexicon) -> tuple[tuple[str, int, str, str], ...]:
    """(slug, offset, matched text, the configured term) for every topic term in `text`.

    Remembered per text: a sentence's topics are asked for by its commitment and its quotes.
    """
    if not lexicon.topics:
        return ()
    m = _matcher(lexicon)
    out = []
    for hit, index in m.alternation.finditer(text):
        term, _, slug = m.terms[index]
        if not slug:
            continue  # a neutral phrase ("in defense of its interests")
        surface = hit.group(0)
        if index in m.exact_terms and surface.upper() != surface:
            continue  # "ai" is not "AI"
        out.append((slug, hit.start(), surface, term))
    return tuple(out)


@lru_cache(maxsize=8)
def _weak_terms(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(t.casefold().strip() for t in lexicon.word_list("weak_topic_terms"))


def topic_scores(text: str, lexicon: Lexicon) -> dict[str, tuple[int, int]]:
    """slug → (number of hits, offset of the first hit).

    A weak term (cues.yaml `weak_topic_terms`: "deployment" in "deployment of clean energy")
    counts only when its topic has a plain hit too, or no other topic has one.
    """
    weak = _weak_terms(lexicon)
    strong: dict[str, tuple[int, int]] = {}
    loose: dict[str, tuple[int, int]] = {}
    for slug, offset, _, term in _hits(text, lexicon):
        table = loose if term in weak else strong
        count, first = table.get(slug, (0, offset))
        table[slug] = (count + 1, first)
    scores = dict(strong)
    for slug, (count, first) in loose.items():
        if slug in strong:
            scores[slug] = (strong[slug][0] + count, min(first, strong[slug][1]))
        elif not strong:
            scores[slug] = (count, first)
    return scores


def classify_topics(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The topics `text` is about, best first: most hits, then the earliest mention."""
    scores = topic_scores(text, lexicon)
    return tuple(sorted(scores, key=lambda s: (-scores[s][0], scores[s][1])))
