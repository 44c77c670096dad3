"""A paragraph's first sentence without what news layout glues before it, so a commitment
cites the sentence itself: a heading line kept inside the paragraph ("Defence Cooperation\n
Germany will ...") and a dateline ("New Delhi: Three parties ...", "WASHINGTON, June 20 --").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.text import Sentence

#: A short line with no final punctuation glued before a sentence that starts with a capital (a
#: heading kept inside the paragraph; a hard-wrapped line ends in a small word or goes on in
#: lower case), or a "City:" or "CITY, Month D --" dateline ("New Delhi: Three parties ...").
_LEAD_LINE_RE = re.compile(r"([^\n.!?,;]{1,80})\n\s*(?=[A-Z“\"])")
_DATELINE_RE = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}:\s+(?=[A-Z“\"])"
    # "WASHINGTON, June 20 -- ": a double hyphen, which the segmenter leaves in the sentence
    r"|[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?\s*--\s+(?=[A-Z“\"])"
)


@lru_cache(maxsize=8)
def _small_words(lexicon: Lexicon) -> frozenset[str]:
    """The words a title-case line may keep in lower case (config `heading_small_words`)."""
    return frozenset(lexicon.word_list("heading_small_words"))


def strip_dateline(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """A paragraph's first sentence without a glued heading line or a "City:" dateline, so a
    commitment cites the sentence itself: "Defence Cooperation\nGermany will send ..." cites
    "Germany will send ...", and so does "BERLIN: Germany will send ..."."""
    text = sentence.text
    if "\n" not in text and ":" not in text and "--" not in text:
        return sentence  # each pattern needs one: a line break, a colon or a double hyphen
    cut = 0
    line = _LEAD_LINE_RE.match(text)
    small = _small_words(lexicon)
    if line and all(w[:1].isupper() or w[:1].isdigit() or w in small for w in line[1].split()):
        cut = line.end()  # a title-case line, not a hard-wrapped one ("... met Prime Minister")
    m = _DATELINE_RE.match(text, cut)
    if m and m.end() < len(text):
        cut = m.end()
    if not cut:
        return sentence
    return replace(sentence, text=text[cut:], start=sentence.start + cut)
