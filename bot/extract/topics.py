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
from bisect import bisect_left
from collections.abc import Iterable
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


#: One match of the topic alternation: (start, end, term index, matched text).
_Match = tuple[int, int, int, str]
#: One topic hit: (slug, offset, matched text, the configured term).
_Hit = tuple[str, int, str, str]


@per_text()
def _matches(text: str, lexicon: Lexicon) -> tuple[_Match, ...]:
    """Every match of the topic alternation in `text`, left to right, neutral phrases and
    lower-cased capital terms included: each covers its stretch, so no other term matches
    inside it. Remembered per text: a paragraph's matches also give its sentences' hits."""
    if not lexicon.topics:
        return ()
    m = _matcher(lexicon)
    return tuple(
        (hit.start(), hit.end(), index, hit.group(0)) for hit, index in m.alternation.finditer(text)
    )


def _kept(matches: tuple[_Match, ...], lexicon: Lexicon, shift: int = 0) -> tuple[_Hit, ...]:
    """The matches that are topic hits, offsets moved back by `shift`: no neutral phrase
    ("in defense of its interests"), no capital term written otherwise ("ai" is not "AI")."""
    m = _matcher(lexicon)
    out = []
    for start, _, index, surface in matches:
        term, _, slug = m.terms[index]
        if not slug:
            continue
        if index in m.exact_terms and surface.upper() != surface:
            continue
        out.append((slug, start - shift, surface, term))
    return tuple(out)


@per_text()
def _hits(text: str, lexicon: Lexicon) -> tuple[_Hit, ...]:
    """(slug, offset, matched text, the configured term) for every topic term in `text`.

    Remembered per text: a sentence's topics are asked for by its commitment and its quotes.
    """
    return _kept(_matches(text, lexicon), lexicon)


#: Characters a term may not follow (the alternation's look-behind) or precede (look-ahead).
_BEFORE_TERM_RE = re.compile(r"[\w-]")
_AFTER_TERM_RE = re.compile(r"\w")


@dataclass(frozen=True)
class ScannedText:
    """A text scanned for topic terms once, whose stretches are classified from that scan.

    A paragraph's commitment sentences and their clauses are stretches of it: their hits are
    the paragraph's matches inside the stretch, the same as scanning the stretch alone when
    no match crosses its ends, no word character (or hyphen) stands right before it and none
    right after it (the terms' look-behind and look-ahead read there). Otherwise the stretch
    is scanned alone. Example: in "Energy security matters. Japan will build ports.", the
    second sentence's hits are those of the paragraph from offset 25 on (none).
    """

    text: str
    matches: tuple[_Match, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, lexicon: Lexicon) -> ScannedText:
        matches = _matches(text, lexicon)
        return cls(text, matches, tuple(m[0] for m in matches))

    def hits(self, start: int, end: int, lexicon: Lexicon) -> tuple[_Hit, ...]:
        """_hits(text[start:end]), offsets into the stretch."""
        text, matches = self.text, self.matches
        end = min(end, len(text))
        if start <= 0 and end == len(text):
            return _kept(matches, lexicon)
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        if (
            (lo > 0 and matches[lo - 1][1] > start)
            or (hi > lo and matches[hi - 1][1] > end)
            or (start > 0 and _BEFORE_TERM_RE.match(text, start - 1))
            or (end < len(text) and _AFTER_TERM_RE.match(text, end))
        ):
            return _hits(text[start:end], lexicon)
        return _kept(matches[lo:hi], lexicon, start)

    def topics(self, start: int, end: int, lexicon: Lexicon) -> tuple[str, ...]:
        """classify_topics(text[start:end]), read from the scan (see the class doc)."""
        return _ranked(_scores(self.hits(start, end, lexicon), lexicon))


@lru_cache(maxsize=8)
def _weak_terms(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(t.casefold().strip() for t in lexicon.word_list("weak_topic_terms"))


def topic_scores(text: str, lexicon: Lexicon) -> dict[str, tuple[int, int]]:
    """slug → (number of hits, offset of the first hit).

    A weak term (cues.yaml `weak_topic_terms`: "deployment" in "deployment of clean energy")
    counts only when its topic has a plain hit too, or no other topic has one.
    """
    return _scores(_hits(text, lexicon), lexicon)


def _scores(hits: tuple[_Hit, ...], lexicon: Lexicon) -> dict[str, tuple[int, int]]:
    """topic_scores from a text's hits."""
    return _weighed(*_tallies(hits, lexicon))


#: slug → (number of hits, offset of the first hit), for a text's plain or its weak hits.
_Tally = dict[str, tuple[int, int]]


def _tallies(hits: tuple[_Hit, ...], lexicon: Lexicon) -> tuple[_Tally, _Tally]:
    """The hits counted by topic: (plain terms, weak terms)."""
    weak = _weak_terms(lexicon)
    strong: _Tally = {}
    loose: _Tally = {}
    for slug, offset, _, term in hits:
        table = loose if term in weak else strong
        count, first = table.get(slug, (0, offset))
        table[slug] = (count + 1, first)
    return strong, loose


def _weighed(strong: _Tally, loose: _Tally) -> dict[str, tuple[int, int]]:
    """The scores of plain and weak tallies: a weak topic counts beside a plain hit of its
    own topic, or when no topic has a plain hit."""
    scores = dict(strong)
    for slug, (count, first) in loose.items():
        if slug in strong:
            scores[slug] = (strong[slug][0] + count, min(first, strong[slug][1]))
        elif not strong:
            scores[slug] = (count, first)
    return scores


def _joined(first: _Tally, second: _Tally, shift: int) -> _Tally:
    """The tally of two texts read one after the other, the second's offsets moved by `shift`."""
    out = dict(first)
    for slug, (count, offset) in second.items():
        before = out.get(slug)
        out[slug] = (count, offset + shift) if before is None else (before[0] + count, before[1])
    return out


def quote_topics(
    quotes: Iterable[tuple[str, str]], lexicon: Lexicon
) -> tuple[tuple[str, ...], ...]:
    """The topics of each (quote, sentence it stands in), read from the quote and then the
    sentence, best first.

    A term counts where it stands in the quote or in the sentence, never across the two (the
    quote's last word and the sentence's first are not a phrase). Each sentence is counted
    once, however many quotes it holds, so a long sentence of many quotes costs its length
    once. Example: ("we will buy frigates", "“We will buy frigates,” Ruiz said.") reads
    "frigates" in both: two hits for the topic that names frigates.

    A quote is a stretch of its sentence, so its hits are read from the sentence's scan
    (ScannedText.hits, which scans the quote alone where the stretch's ends need it): one
    scan per sentence instead of one more per quote. A sentence's quotes come in text order,
    so each is looked for after the one before (`after`, by sentence): a sentence of many
    quotes is searched once through, and once a quote is not found there (a quote written
    otherwise than its sentence has it), its later quotes are scanned alone.
    """
    counted: dict[str, tuple[ScannedText, _Tally, _Tally]] = {}
    after: dict[str, int] = {}  # where a sentence's next quote is looked for (-1: not)
    out = []
    for quote, sentence in quotes:
        read = counted.get(sentence)
        if read is None:
            scan = ScannedText.of(sentence, lexicon)
            read = counted[sentence] = (scan, *_tallies(_kept(scan.matches, lexicon), lexicon))
        scan, plain, weak = read
        at = after.get(sentence, 0)
        if at >= 0:
            at = after[sentence] = sentence.find(quote, at)
        if at >= 0:
            after[sentence] = at + len(quote)
            hits = scan.hits(at, at + len(quote), lexicon)
        else:
            hits = _hits(quote, lexicon)
        strong, loose = _tallies(hits, lexicon)
        shift = len(quote) + 1
        scores = _weighed(_joined(strong, plain, shift), _joined(loose, weak, shift))
        out.append(_ranked(scores))
    return tuple(out)


def classify_topics(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The topics `text` is about, best first: most hits, then the earliest mention."""
    return _ranked(topic_scores(text, lexicon))


def _ranked(scores: dict[str, tuple[int, int]]) -> tuple[str, ...]:
    return tuple(sorted(scores, key=lambda s: (-scores[s][0], scores[s][1])))
