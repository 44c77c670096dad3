"""Tokens: the words and marks of a text with their offsets, read once per text.

`tokens` is the one tokenisation every extractor reads. Apostrophes and hyphens stay inside a
word ("Sato's", "Do-hoon"), a dotted abbreviation is one token with its dots ("U.S."), a dot
after a single letter is a token of its own (an initial reads "J" + "."), and every other mark
is a token of its own ("AT&T" is AT, &, T). Underscores and spaces separate tokens and are
none. The name rules read these tokens as they are (names.py): an initial needs its dot, a
sentence end its full stop.

`words` is what the actor rules read: the same tokens, with touching words joined through the
marks that sit inside a word (`.`, `&`, apostrophes, hyphens) and every mark dropped except
the clause marks a subject phrase stops at (brackets, commas, colons, dashes, quotation marks).
"AT&T's plan (2024)." reads AT&T's, plan, (, 2024, ): a joined word ends on a letter, digit
or apostrophe, so "U.S." reads "U.S" and "countries'" keeps its apostrophe.

Both are remembered per text (memo.py), so a sentence that several rules read is tokenised
once; `tokens_at` gives a paragraph's tokens with offsets into the document body.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

from bot.extract.memo import per_text

#: A word: letters and digits with inner apostrophes and hyphens ("Sato's", "Do-hoon").
_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
#: Dotted abbreviations (U.S.), words, single marks: the regex
#: `(?:[^\W\d_]\.){2,}|WORD|[^\w\s]`, written to open with the character it stands on
#: (`\S`) and then pick its branch by that character (a look-behind): `re` then skips the
#: spaces in C instead of trying three branches at each one. A letter or digit is looked
#: behind once for both its branches (a dot after a letter opens U.S., else the word runs
#: on), and the runs are possessive (`*+`): nothing follows them that could make them give
#: back a character, so `re` keeps no places to backtrack to. The same tokens, a third faster.
TOKEN_RE = re.compile(
    r"\S(?:(?<=[^\W_])"  # a letter or digit, then:
    r"(?:\.(?<=[^\W\d_]\.)(?:[^\W\d_]\.)++"  # U.S.: a letter and a dot, twice or more
    r"|[^\W_]*+(?:[-'’][^\W_]++)*+)"  # a word: _WORD from its second character
    r"|(?<=[^\w\s]))"  # a mark
)
#: A possessive ending as the name rules read it: "Modi's" is Modi's, "Jones'" is not.
POSSESSIVE = ("'s", "’s")
#: A possessive ending as the actor rules strip it from a head word: "ministry's", "allies'".
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
#: Marks a word reads through when they touch a word on each side ("U.S.-Japan", "AT&T").
INNER_MARKS = frozenset(".’'&-")
#: Marks the actor rules keep: a subject phrase stops at them or reads them ("(CDU)").
CLAUSE_MARKS = frozenset('(),;:—–“”"')
#: Where `words` joins tokens: inner marks between letters or digits other than the single
#: hyphen or apostrophe a token keeps ("U.S", "AT&T", "3.5", "a--b"), or an apostrophe that
#: ends a word ("allies'", "Off.'"). A text without one has each word as one token. The match
#: starts at the first mark after a letter or digit, so a text is scanned fast for marks.
_JOIN_RE = re.compile(
    r"""[.&’'-](?<=[^\W_].)  # a mark right after a letter or digit, then:
    (?: (?<=[.&])[.’'&-]*[^\W_]  # a dot or ampersand and marks before a word: U.S, AT&T
      | (?<=[-'’])[.’'&-]+[^\W_]  # a hyphen or apostrophe and more marks: a--b
      | (?<=['’])(?![^\W_])  # an apostrophe ending the word: allies'
      | [.’'&-]*['’](?![^\W_])  # marks ending in an apostrophe: Off.'
    )""",
    re.VERBOSE,
)
#: The tokens `words` keeps or joins: words and clause marks, the regex
#: `WORD|[(),;:—–“”"]` opened by `\S` as TOKEN_RE is (a look-behind picks the branch), so
#: `re` skips spaces and other marks in C, its runs possessive as TOKEN_RE's: the same
#: matches, in half the time.
_PLAIN_RE = re.compile(
    r"\S(?:(?<=[^\W_])[^\W_]*+(?:[-'’][^\W_]++)*+"  # a word: _WORD from its second character
    r"|(?<=[(),;:—–“”\"]))"  # a clause mark
)
_INNER_RUN_RE = re.compile(r"[.’'&-]*")


class Token(NamedTuple):
    """A word or mark with its offsets (into the text tokenised, or the body: `tokens_at`).

    A named tuple, not a dataclass: a document has tens of thousands of tokens, and a tuple
    is made in a third of the time a frozen dataclass takes.
    """

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """The word case-folded without a final dot: "U.S." → "u.s"."""
        return self.text.casefold().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        """Whether the token is a word (starts with a letter or digit), not a mark."""
        return self.text[:1].isalnum()

    @property
    def bare(self) -> str:
        """The word without a possessive ending: "Modi's" → "Modi"."""
        return self.text[:-2] if self.text.endswith(POSSESSIVE) else self.text

    @property
    def possessive(self) -> bool:
        return self.text.endswith(POSSESSIVE)


#: A Token's text and start as fields of its tuple, read in C by map: list(map(TOKEN_START, toks)).
TOKEN_TEXT, TOKEN_START = itemgetter(0), itemgetter(1)
_new = tuple.__new__  # a Token made without NamedTuple's argument checks
#: Each scanning pattern as `re.split` reads it: the whole match as its one group, and the
#: same with ASCII classes (re.ASCII), for ASCII texts.
_SPLITTERS: dict[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]]] = {}
#: The ASCII characters that Unicode `\s` matches and ASCII `\s` does not (the information
#: separators): an ASCII text without them reads `\w`, `\d` and `\s` alike in both modes.
_UNICODE_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def _ascii_classes(text: str) -> bool:
    """Whether the regex classes read `text` the same with re.ASCII as without: an ASCII
    text without an information separator ("Ana met Sato." does; "Zoë" does not). In such a
    text the ASCII classes are cheaper to test, and the tokens are the same."""
    if not text.isascii():
        return False
    a, b, c, d = _UNICODE_SPACES
    return a not in text and b not in text and c not in text and d not in text


def _scan(pattern: re.Pattern[str], text: str, offset: int = 0) -> list[Token]:
    """The matches of `pattern` in `text` as tokens, offsets shifted by `offset`.

    `re.split` on the pattern as one group lists the text as gap, match, gap, ..., gap, and
    the running sum of their lengths (from `offset`) gives each match's start and end: "Sato
    met" splits as "", Sato, " ", met, "" and sums to 0, 0, 4, 5, 8, 8, so (Sato, 0, 4), (met,
    5, 8). All of it runs in C (split, map, accumulate, zip): no match objects and no Python
    loop per token. The patterns match at least one character, so each gap lies between two
    matches.
    """
    return _scan_texts(pattern, text, offset)[0]


def _scan_texts(pattern: re.Pattern[str], text: str, offset: int) -> tuple[list[Token], list[str]]:
    """_scan, and the tokens' texts as the split lists them (no second pass to list them)."""
    splitters = _SPLITTERS.get(pattern)
    if splitters is None:
        assert not pattern.groups, "split would list the groups of the pattern too"
        group = f"({pattern.pattern})"
        splitters = _SPLITTERS[pattern] = (
            re.compile(group, pattern.flags),
            re.compile(group, (pattern.flags & ~re.UNICODE) | re.ASCII),
        )
    parts = splitters[_ascii_classes(text)].split(text)
    texts = parts[1::2]
    # the running sums after the offset: each token's start, then its end, then the next
    # token's start, ...; zip draws a token's text, start and end in turn from one iterator
    # (no list of sums, no slices of it), and leaves the last sum (the text's end) unread
    sums = accumulate(map(len, parts), initial=offset)
    next(sums)  # the offset itself: the first gap starts there
    toks = list(map(_new, repeat(Token), zip(texts, sums, sums, strict=False)))
    return toks, texts


@per_text(maxsize=256)
def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of `text`: "J. Reyes's plan" → J, ., Reyes's, plan (see the module doc)."""
    return tuple(_scan(TOKEN_RE, text))


def tokens_at(text: str, offset: int) -> list[Token]:
    """The tokens of `text` with offsets shifted by `offset` (a paragraph's place in the
    document body). A paragraph is read once per document, so they are not remembered.
    """
    return _scan(TOKEN_RE, text, offset)


def tokens_and_texts_at(text: str, offset: int) -> tuple[list[Token], list[str]]:
    """tokens_at, and the tokens' texts listed by the same scan: "Ana met" at 10 gives
    [(Ana, 10, 13), (met, 14, 17)] and [Ana, met]."""
    return _scan_texts(TOKEN_RE, text, offset)


def words(text: str) -> list[Token]:
    """The actor rules' tokens: "Japan's plan (2024)" → Japan's, plan, (, 2024, ) (a new list
    each call; see the module doc)."""
    return list(_words(text))


def word_texts(text: str) -> list[str]:
    """The texts of `words(text)`, without making tokens: "U.S. aid (2024)." → U.S, aid, (,
    2024, ) (for a pass over every sentence of a document, such as actors.proper_words)."""
    if _JOIN_RE.search(text) is None:
        return _PLAIN_RE.findall(text)
    return list(map(TOKEN_TEXT, _words(text)))


@per_text(maxsize=128, max_chars=2000)  # sentences and phrases: their tokens weigh most
def _words(text: str) -> tuple[Token, ...]:
    """The words and clause marks of `text`, by the rule in the module doc.

    One scan reads the word tokens and clause marks (`tokens` without the other marks: the
    same word pattern); then at each place _JOIN_RE finds, the word before it is joined with
    the words its inner marks link, up to the last letter, digit or apostrophe: "U.S. aid"
    scans as U, S, aid, and U joins S into "U.S". Most sentences hold no such place.
    tests/extract/test_tokens.py checks this equals the rule applied to `tokens` one by one.
    """
    plain = _scan(_PLAIN_RE, text)
    first = _JOIN_RE.search(text)
    if first is None:
        return tuple(plain)
    out: list[Token] = []
    done = 0  # the plain tokens before this index are in `out` or joined
    n = len(plain)
    for site in _JOIN_RE.finditer(text, first.start()):
        k = bisect.bisect_left(plain, site.start(), key=_token_start) - 1  # the word before
        if k < done:
            continue  # a place inside a word already joined
        out += plain[done:k]
        start, end, j = plain[k].start, plain[k].end, k + 1
        while True:
            stop = _INNER_RUN_RE.match(text, end).end()  # the inner marks after the word
            if stop > end and j < n and plain[j].start == stop and plain[j].text[0].isalnum():
                end, j = plain[j].end, j + 1
            else:
                break
        word = text[start:stop].rstrip(".&-")
        out.append(_new(Token, (word, start, start + len(word))))
        done = j
    out += plain[done:]
    return tuple(out)


def index_at(toks: list[Token], offset: int) -> int:
    """The index of the first token at or after a character offset (a binary search: tokens
    are in text order, so a sentence of many cues is not rescanned per cue)."""
    return bisect.bisect_left(toks, offset, key=_token_start)


def _token_start(token: Token) -> int:
    return token.start
