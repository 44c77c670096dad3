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


def token_matches(
    text: str,
    tokens: list[Token],
    base: int,
    texts: list[str],
    firsts: frozenset[str] | None,
    by_letter: dict[str, re.Pattern[str]],
    lowered: list[str] | None = None,
) -> list[re.Match[str]] | None:
    """The matches of the forms in `text` (whose tokens are `tokens`, offsets from `base`,
    reading `texts`, lower-cased in `lowered` when the caller has them), left to right, never
    overlapping; None when only a scan finds them (odd case folds in the text, or forms a
    token does not read whole)."""
    if firsts is None:
        return None
    low = text.lower()
    if len(low) != len(text) or _ODD_FOLDS[0] in text or _ODD_FOLDS[1] in text:
        return None
    opens = map(firsts.__contains__, lowered if lowered is not None else map(str.lower, texts))
    return matches_at(text, low, token_places(text, tokens, base, opens), by_letter)
