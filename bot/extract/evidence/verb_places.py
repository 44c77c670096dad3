"""Where a paragraph's reporting verbs stand, found from its tokens instead of a text scan.

`verb_re` is the regex `\\b(?:said|says|...)\\b`, case as written. Scanning a paragraph's text
with it tries every place a verb could start; but a verb of lower-case letters can only start
where a word or a piece of a joined word starts (after a hyphen or apostrophe inside a word:
"called" in "so-called"), so the places worth trying are few: the tokens that read a verb's
first word exactly ("said", "pointed" of "pointed out"), and in a paragraph with joined words,
the start of each such word and each piece after a joint. The regex is then matched at each
of those places, left to right, skipping places inside the last match: the same matches as its
scan of the whole text, as the regex alone decides at each place.

Example: in "Paz said the so-called plan", the tokens give "said" (token 1), and the joint of
"so-called" gives the places of "so" and "called": the matches are "said" and "called", as
`verb_re(...).finditer` finds them.

Most paragraphs hold no token that reads a verb's first word: one set test against the
paragraph's folded words tells so (a token that reads "said" folds to "said"), and then only
the joints are tried ("Paz met the so-called envoy": "so" and "called" alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.extract.evidence.view import ParagraphView, verb_re
from bot.extract.lexicon import Lexicon
from bot.extract.token_places import matches_at, token_places


@lru_cache(maxsize=16)
def verb_firsts(
    lexicon: Lexicon, key: str = "reporting_verbs"
) -> tuple[frozenset[str], dict[str, re.Pattern[str]]] | None:
    """The first words of the verbs ("said", "pointed" of "pointed out"), and for each first
    letter the regex of the verbs that open with it, longest first (at a place, only those
    can match, in the order `verb_re` tries them); None when a verb is not lower-case letters
    and spaces that case-folding keeps (then only the scan of the text finds them all)."""
    verbs = sorted(lexicon.word_list(key), key=len, reverse=True)  # verb_re's order
    if not verbs or not all(
        v.replace(" ", "").isalpha() and v.islower() and v.casefold() == v for v in verbs
    ):
        return None
    by_letter = {
        c: re.compile(r"\b(?:" + "|".join(re.escape(v) for v in verbs if v[0] == c) + r")\b")
        for c in {v[0] for v in verbs}
    }
    return frozenset(v.split()[0] for v in verbs), by_letter


def verb_matches(p: ParagraphView, lexicon: Lexicon) -> Iterable[re.Match[str]]:
    """The matches of `verb_re(lexicon)` in the paragraph's text, left to right, never
    overlapping: those of its `finditer` (see the module doc)."""
    text = p.paragraph.text
    found = verb_firsts(lexicon)
    if found is None:
        return verb_re(lexicon).finditer(text)
    firsts, by_letter = found
    # a token reading a first word folds to it (the words keep their case when folded): where
    # no folded word is one, no token opens a verb, and only the joints are tried
    opens = () if firsts.isdisjoint(p.folded_words) else map(firsts.__contains__, p.reader.texts)
    return matches_at(text, text, token_places(text, p.tokens, p.paragraph.start, opens), by_letter)
