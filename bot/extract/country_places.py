"""Country forms matched where a paragraph's tokens may open one, instead of a text scan.

countries.py finds the forms of config/countries.yaml with one alternation, ignoring case,
between `(?<![\\w.])` and `(?!\\w|\\.\\w)`; a scan of a paragraph tries it at every place
after a mark or a space. A form opens with a letter or digit, and no letter or dot may stand
before it, so it can only start where a token starts or right after a joint inside a word (the
hyphen of "pro-Kenya", the apostrophe of "Kenya's"). A token with no joint that opens a form
reads the form's first word whole ("kenya", "united" of "United States", "u.s." of "U.S."), so
the places worth trying are: those tokens, and the start and each piece of a word with a joint.
There the forms that open with the place's letter are tried, longest first: the matches are
those of the scan, since the same regex decides at each place.

Example: in "Kenya's envoy met U.S. officials", the tokens "U.S." and the joined word
"Kenya's" give the places; the matches are "Kenya" and "U.S.", as the scan finds them.
"""

from __future__ import annotations

import re

from bot.extract.token_places import matches_at, token_places
from bot.extract.tokens import Token

#: A form's first word as a token reads it whole: a word (with joints), or a dotted
#: abbreviation ("u.s."), lower-cased.
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|(?:[^\W\d_]\.){2,}")
#: Characters whose case is folded by a regex ignoring case in ways lower() does not
#: ("ſ" matches "s", "ı" matches "i"): a text with one is scanned. Each is looked for by
#: str `in` (a memory scan; none at all in a text of narrower characters).
_ODD_FOLDS = ("\u0131", "\u017f")


def first_words(forms: list[str]) -> tuple[frozenset[str] | None, dict[str, re.Pattern[str]]]:
    """The lower-cased first words of the forms (lower-cased, longest first), and for each
    first letter the alternation of the forms that open with it, in their order; (None, {})
    when a form is not words a token reads whole, joined by single spaces."""
    for form in forms:
        words = form.split(" ")
        if not form or not all(_WORD_RE.fullmatch(w) for w in words) or form != form.lower():
            return None, {}
    by_letter = {
        c: re.compile(
            r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms if f[0] == c) + r")(?!\w|\.\w)",
            re.IGNORECASE,
        )
        for c in {f[0] for f in forms}
    }
    return frozenset(f.split(" ")[0] for f in forms), by_letter


def form_rests(forms: list[str]) -> dict[str, tuple[str, ...]]:
    """For each first word that opens only longer forms, what must follow it and one space:
    "the" → ("hague", "netherlands", "philippines"). Such a word opens a match only where the
    text also holds one of its rests, so a paragraph without one need not try it ("the" of
    "the minister"). Words with a rest that is not ASCII are left out (always tried): an
    ASCII rest reads as the lower-cased text reads it wherever the regex matches it."""
    rests: dict[str, list[str]] = {}
    alone = {f for f in forms if " " not in f}
    for form in forms:
        first, _, rest = form.partition(" ")
        if rest and first not in alone:
            rests.setdefault(first, []).append(rest)
    return {w: tuple(r) for w, r in rests.items() if all(x.isascii() for x in r)}


def token_matches(
    text: str,
    tokens: list[Token],
    base: int,
    folded: list[str],
    words: frozenset[str],
    forms: tuple[frozenset[str] | None, dict[str, tuple[str, ...]], dict[str, re.Pattern[str]]],
) -> list[re.Match[str]] | None:
    """The matches of the forms in `text` (whose tokens are `tokens`, offsets from `base`,
    case-folded in `folded`, as a set in `words`), left to right, never overlapping; None when
    only a scan finds them (odd case folds in the text, or forms a token does not read whole).
    `forms` holds the forms' first words, their rests (form_rests) and patterns by letter.

    The first words the paragraph holds are found by one set intersection; one with rests
    counts only where the lower-cased text holds one of them. A token whose lower-cased text
    is a first word folds to it too (folding a lower-cased letter gives the letter's fold), so
    the folded tokens give every token that may open a form, and maybe a few more, which the
    patterns then turn down. "the Hague" opens at "the"; in "the minister spoke" nothing is
    tried, as no first word is left.
    """
    firsts, rests, by_letter = forms
    if firsts is None:
        return None
    low = None
    if not text.isascii():
        low = text.lower()
        if len(low) != len(text) or _ODD_FOLDS[0] in text or _ODD_FOLDS[1] in text:
            return None
    live = firsts.intersection(words)
    if live and not live.isdisjoint(rests):
        if low is None:
            low = text.lower()
        dead = [w for w in live if w in rests and not any(map(low.__contains__, rests[w]))]
        if dead:
            live = live.difference(dead)
    opens = map(live.__contains__, folded) if live else ()
    places = token_places(text, tokens, base, opens)
    if not places:
        return []
    if low is None:
        low = text.lower()
    return matches_at(text, low, places, by_letter)
