"""Names: the word lists a name is read with, and how a name is parsed and written.

A person's name is recognised by its shape (capitalised words, initials, particles, suffixes)
and by what it is not (a title, a portfolio word, a country, a calendar word): no list of first
names is needed, so names from any country work. The word lists come from config/lexicon.yaml
and config/roles.yaml and are compiled once per lexicon (vocab.py).

This module holds NameReader, which says what each token (tokens.py) is; name_spans.py reads
a whole name with those answers and name_forms.py says how a found name is written. Their
public names are importable from here as well.
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import itemgetter

from bot.extract.lazy import lazy
from bot.extract.name_forms import (
    display_name,
    family_first,
    name_words,
    surname,
    syllabic,
)
from bot.extract.name_spans import NameSpan, backward_start, read_forward
from bot.extract.tokens import POSSESSIVE, TOKEN_TEXT, Token
from bot.extract.vocab import Vocab, vocab

__all__ = [
    "CONNECTORS",
    "NameReader",
    "NameSpan",
    "Vocab",
    "display_name",
    "family_first",
    "is_ordinal",
    "name_words",
    "party_ending",
    "surname",
    "syllabic",
    "vocab",
]

_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth", re.IGNORECASE)
_FIRST_CHAR = itemgetter(0)  # a text's first character
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on"})


def party_ending(tokens: list[Token], j: int, v: Vocab) -> tuple[str, int] | None:
    """The party named by capitalised tokens ending at token `j`, and its first token.

    "FDP leader", "Green Party co-leader", "Christian Democrat (CDU) Lena Vogt": the longest
    run of up to four words that a party alias names wins, so "Green Party" is read whole. A
    parenthesised short name ("(SPD)") counts too, with the long name before it.
    """
    if j < 0:
        return None
    if j >= 2 and tokens[j].text == ")" and tokens[j - 2].text == "(":
        hit = v.party_of(tokens[j - 1].text)
        if hit is None:
            return None
        longer = party_ending(tokens, j - 3, v)
        if longer is not None and longer[0] == hit[0]:
            return longer
        return hit[0], j - 2
    run = 0  # how many capitalised tokens (up to four) end at j: the sizes worth reading
    while run < 4 and j - run >= 0 and tokens[j - run].text[:1].isupper():
        run += 1
    for size in range(run, 0, -1):
        a = j - size + 1
        phrase = "".join(
            (" " if x > a and tokens[x].start > tokens[x - 1].end else "") + tokens[x].bare
            for x in range(a, j + 1)
        )
        hit = v.party_of(phrase)
        if hit is not None:
            return hit[0], a
    return None


def is_ordinal(word: str) -> bool:
    return bool(_ORDINAL_RE.fullmatch(word))


class NameReader:
    """Parses names in one token list; `blocked` marks tokens inside country mentions.

    The names read forward are remembered: the title, honorific, reporting-verb and
    full-name rules read the same places of a paragraph (a third of the reads repeat one).
    The tokens and flags never change once read, and a NameSpan is frozen."""

    def __init__(self, tokens: list[Token], blocked: list[bool], v: Vocab) -> None:
        self.tokens = tokens
        self.blocked = blocked
        self.v = v
        self._forward: dict[int, NameSpan | None] = {}  # by 4 * i + 2 * skip + caps

    def adjacent_dot(self, i: int) -> bool:
        """Whether a dot follows token `i` with no space: "J" in "J. Reyes"."""
        t = self.tokens
        return i + 1 < len(t) and t[i + 1].text == "." and t[i + 1].start == t[i].end

    def is_initial(self, i: int) -> bool:
        w = self.tokens[i].text
        return len(w) == 1 and w.isupper() and self.adjacent_dot(i)

    def is_bare_initial(self, i: int) -> bool:
        """A capital letter without a dot before a name word: "S" in "Dr S Rao"."""
        t = self.tokens
        w = t[i].text
        return (
            len(w) == 1
            and w.isupper()
            and w.casefold() not in self.v.not_names
            and not self.blocked[i]
            and i + 1 < len(t)
            and t[i + 1].start - t[i].end == 1
            and len(t[i + 1].text) > 1
            and self.is_name_word(i + 1)
        )

    def is_suffix(self, i: int) -> bool:
        return self.tokens[i].text.rstrip(".").casefold() in self.v.suffixes

    def is_dotted_suffix(self, i: int) -> bool:
        """A suffix written with a dot ("Jr."), not a Roman numeral before a full stop."""
        return self.is_suffix(i) and not set(self.tokens[i].text) <= set("IVX")

    def is_honorific(self, i: int) -> bool:
        tok = self.tokens[i]
        if not tok.text[:1].isupper():
            return False
        w = tok.text.rstrip(".").casefold()
        return w in self.v.honorifics or w in self.v.ranks

    def is_name_word(self, i: int) -> bool:
        """Whether token `i` may be part of a name (see name_word_flags): "Hiro" in "met Hiro"."""
        return self.name_word_flags[i]

    @lazy
    def capitals(self) -> list[int]:
        """The indexes of the tokens that start with a capital ("Hiro", "Ms."): only they
        may be name words or honorifics. Found in one pass in C, worked out once for the
        list (the name flags and the paragraph's rules walk these, not every token)."""
        # A token is never empty: its first character decides.
        return list(compress(count(), map(str.isupper, map(_FIRST_CHAR, self.texts))))

    @lazy
    def texts(self) -> list[str]:
        """The tokens' texts, listed once: the paragraph's rules read them in C passes
        (capitals, folds, title heads), each of which would otherwise list them again."""
        return list(map(TOKEN_TEXT, self.tokens))

    @lazy
    def name_word_flags(self) -> list[bool]:
        """For each token, whether it may be part of a name, worked out once for the list:
        the name rules ask about most tokens, some twice. A word (possessive stripped) that
        starts with a capital, is name-shaped, lies in no country name and is no lone letter
        without its dot: "Hiro" and "J." in "met J. Hiro" are, "met" and the "J" of "J Hiro"
        are not. Only the capitalised tokens are read (one pass in C finds them), and the
        vocabulary is asked whether they are name-shaped in one pass too."""
        toks, blocked, caps = self.tokens, self.blocked, self.capitals
        n = len(toks)
        out = [False] * n
        words = list(map(self.texts.__getitem__, caps))
        if any(map(str.endswith, words, repeat(POSSESSIVE))):  # "Sato's" is read as "Sato"
            words = [w[:-2] if w.endswith(POSSESSIVE) else w for w in words]
        # the capitalised words that are name-shaped, asked of the vocabulary in one pass
        for i, w in compress(zip(caps, words, strict=True), self.v.names_shaped(words)):
            if blocked[i]:
                continue
            if len(w) == 1 and not (
                i + 1 < n and toks[i + 1].text == "." and toks[i + 1].start == toks[i].end
            ):
                continue
            out[i] = True
        return out

    def is_particle(self, i: int) -> bool:
        """A particle inside a name: "von der" in "Ursula von der Leyen"."""
        t = self.tokens
        k = i
        while k < len(t) and t[k].text in self.v.particles:
            k += 1
        return k > i and k < len(t) and self.is_name_word(k)

    def service_then_rank(self, i: int) -> int:
        """Tokens to skip before a name: "Army Gen.", "Air Force Brig. Gen." (0 if none).

        Service words count only when a rank follows them, so "Air Force" alone stays a title
        word and never becomes part of a name.
        """
        t = self.tokens
        k = i
        while k < len(t) and t[k].text.casefold() in self.v.services and t[k].capitalised:
            k += 1
        if k == i or k >= len(t) or not self.is_honorific(k):
            return 0
        return k - i

    def forward(
        self, i: int, skip_honorifics: bool = True, family_caps: bool = False
    ) -> NameSpan | None:
        """The name starting at token `i` (after any honorifics and ranks), or None: see
        name_spans.read_forward ("Minister KIHARA" is read with `family_caps`)."""
        # the key packs the arguments in one int: no tuple made and hashed per call
        key = 4 * i + 2 * bool(skip_honorifics) + bool(family_caps)
        memo = self._forward
        if key in memo:
            return memo[key]
        found = memo[key] = read_forward(self, i, skip_honorifics, family_caps)
        return found

    def backward_start(self, j: int, lo: int) -> int | None:
        """The first token of a name that ends at token `j` (not before `lo`), or None: see
        name_spans.backward_start."""
        return backward_start(self, j, lo)
