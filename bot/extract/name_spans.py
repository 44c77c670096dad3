"""Reading a name out of a token list: where it starts, which tokens it takes, where it ends.

NameReader (names.py) answers what each token is (an initial, a particle, an honorific, a
name word); these rules walk the tokens with those answers. `read_forward` reads a name from
its first token ("Dr. Marco J. Reyes III said" → Marco J. Reyes III), `backward_start` finds
the first token of a name that ends at a given token, and `rank_role` reads the abbreviated
ranks before a name ("Brig. Gen." → Brigadier General).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from bot.extract.name_forms import syllabic
from bot.extract.tokens import POSSESSIVE

if TYPE_CHECKING:
    from bot.extract.names import NameReader


class NameSpan(NamedTuple):
    """A name as printed: its parts ("Marco", "J.", "Reyes", "III") and body offsets.

    A named tuple, not a frozen dataclass: every name a rule reads is one, and a tuple is
    made without a call per field (as tokens.Token)."""

    parts: tuple[str, ...]
    start: int
    end: int
    first: int  # index of the first name token
    stop: int  # index after the last token

    @property
    def surface(self) -> str:
        return " ".join(self.parts)


def read_forward(
    r: NameReader, i: int, skip_honorifics: bool = True, family_caps: bool = False
) -> NameSpan | None:
    """The name starting at token `i` (after any honorifics and ranks), or None.

    Initials ("J."), particles ("von der") and a suffix ("Jr.", "III") join the name; a line
    break, a double space or a possessive ("Reyes's") ends it, and more than five words is
    no name. A name all in capitals is an acronym, except with `family_caps` (right after a
    title, where "Minister KIHARA" is a Japanese family name printed in capitals).
    """
    t, n = r.tokens, len(r.tokens)
    k = i
    if skip_honorifics:
        k += r.service_then_rank(k)
    if skip_honorifics and k + 1 < n and t[k].text == "the" and r.is_honorific(k + 1):
        k += 1  # "Senator the Hon Ana Paz", "Minister the Rt Hon Ana Paz"
    while skip_honorifics and k < n and r.is_honorific(k):
        k += 2 if r.adjacent_dot(k) else 1
    first = k
    parts: list[str] = []
    words = 0
    # Each test below is asked only of the tokens it can hold for: an initial is one letter,
    # a particle is listed, the last syllable is the third part (the reader's flags and
    # lists, read directly: this loop runs for every name every rule reads).
    name_word, particles, suffixes = r.name_word_flags, r.v.particles, r.v.suffixes
    while k < n:
        if parts and t[k].start - t[k - 1].end > 1:  # (a part read, k is past `first`)
            break  # a name does not run over a line break or a double space
        text = t[k].text
        if len(text) == 1 and r.is_initial(k):
            parts.append(text + ".")
            k += 2
            continue
        if not parts and len(text) == 1 and r.is_bare_initial(k):
            parts.append(text)  # "Dr S Rao": an initial printed without its dot
            k += 1
            continue
        if parts and text in particles and r.is_particle(k):
            parts.append(text)
            k += 1
            continue
        if (
            words
            and text == ","
            and k + 1 < n
            and r.is_dotted_suffix(k + 1)
            and t[k + 1].text.rstrip(".").casefold() in {"jr", "sr"}
        ):
            k += 1  # "Joseph R. Biden, Jr."
            text = t[k].text
        if words and text.rstrip(".").casefold() in suffixes:  # r.is_suffix(k)
            # "Jr." keeps its dot; after "III" a dot ends the sentence
            dot = r.adjacent_dot(k) and r.is_dotted_suffix(k)
            parts.append(t[k].text + ("." if dot else ""))
            k += 2 if dot else 1
            break
        if name_word[k] or (len(parts) == 2 and last_syllable(r, k, parts)):
            words += 1
            k += 1
            if text.endswith(POSSESSIVE):  # "Reyes's" ends the name, read as "Reyes"
                parts.append(text[:-2])
                break
            parts.append(text)
            continue
        break
    while parts and (parts[-1] in r.v.particles):
        parts.pop()
        k -= 1
    if not words or words > 5:
        return None
    if all(map(str.isupper, parts)) and 1 not in map(len, parts):  # capitals, no initial
        caps_name = family_caps and words == 1 and len(parts[0]) >= 3
        if not caps_name or not re.search(r"[AEIOUY]", parts[0][1:]):
            return None
    end_tok = k - 1
    return NameSpan(tuple(parts), t[first].start, t[end_tok].end, first, k)


def last_syllable(r: NameReader, k: int, parts: list[str]) -> bool:
    """A short word that ends a family-first name although it reads as an English word:
    "President Baek Ha In and ..." (a capital "In" mid-sentence is no preposition).

    Only after a listed family name and one syllabic given word, one space away, and not
    followed by another capitalised word."""
    t = r.tokens
    w = t[k].bare
    return (
        len(parts) == 2
        and parts[0].casefold() in r.v.family_names
        and syllabic(parts[1])
        and len(w) <= 3
        and w[:1].isupper()
        and w[1:].islower()
        and syllabic(w)
        and t[k].start - t[k - 1].end == 1
        and not (k + 1 < len(t) and t[k + 1].capitalised)
    )


def backward_start(r: NameReader, j: int, lo: int) -> int | None:
    """The first token of a name that ends at token `j` (not before `lo`), or None.

    Walks back over name words, initials and particles, after a suffix ("Biden, Jr."):
    in "met Marco J. Reyes", from "Reyes" it gives the index of "Marco". A name ends on a
    name word, an initial's dot or a suffix: any other token ("said", ",") gives None at
    once, without the walk (most tokens the rules ask about are such words).
    """
    if not r.name_word_flags[j] and not name_end(r.tokens[j].text, r.v.suffixes):
        return None
    return walk_back(r, j, lo)


def name_end(text: str, suffixes: frozenset[str]) -> bool:
    """Whether a token other than a name word may end a name: an initial's dot ("J.") or a
    suffix ("Jr", "III"). backward_start's first test; the evidence rules ask it from the
    token texts before calling backward_start, as most tokens they ask about (before a
    comma, before "said") end no name."""
    return text == "." or text.rstrip(".").casefold() in suffixes


def walk_back(r: NameReader, j: int, lo: int) -> int | None:
    """backward_start without its first check: the walk itself."""
    t = r.tokens
    k = j
    if t[k].text == "." and k > lo and r.is_dotted_suffix(k - 1):
        k -= 1
    if r.is_suffix(k) and k > lo and not r.is_initial(k):
        k -= 1
        if t[k].text == "," and k > lo:
            k -= 1  # "Joseph R. Biden, Jr."
    start = None
    while k >= lo:
        if r.is_name_word(k) and not (k < j and t[k].possessive):
            start = k
        elif t[k].text == "." and k > lo and r.is_initial(k - 1):
            k -= 1
            start = k
        elif t[k].text in r.v.particles and start is not None:
            pass
        else:
            break
        k -= 1
    return start


def rank_role(reader: NameReader, first: int) -> str | None:
    """The role the abbreviated titles before a name give: "Brig. Gen." → Brigadier General."""
    t = reader.tokens
    k = first - 1
    words: list[str] = []
    while k >= 0:
        if t[k].text == "." and k > 0:
            k -= 1
            continue
        w = t[k].text.casefold()
        if not reader.is_honorific(k):
            break
        if not reader.adjacent_dot(k) and k > 0 and t[k - 1].text.casefold() in reader.v.heads:
            break  # "Secretary General Jens Stoltenberg": General ends the title
        full = reader.v.abbreviations.get(w) or (
            t[k].text if w in reader.v.abbreviated_titles else None
        )
        if full:
            words.insert(0, full)
        k -= 1
    return " ".join(words) or None
