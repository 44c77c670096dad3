"""Subject phrases: the name-like run of words that acts as a verb's subject.

Without a parser, a subject is read next to its verb: capitalised words, the joiners between
them ("of", "and", "the"), actor nouns ("both countries") and pronouns. In "On Wednesday, the
Ministry of Economy, Trade and Industry said it would", the main subject is "the Ministry of
Economy, Trade and Industry": the intro phrase is skipped and the commas inside the name kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.tokens import POSSESSIVE_RE, Token

if TYPE_CHECKING:
    from bot.extract.actors import ActorWords


def _np_word(tok: Token, w: ActorWords) -> bool:
    """A word that can belong to a name-like subject phrase."""
    if tok.text in "()":
        return True
    if not tok.word:
        return False
    low = tok.low
    return (
        tok.capitalised
        or low in w.joiners
        or low in w.actor_nouns
        or POSSESSIVE_RE.sub("", low) in w.actor_nouns
        or low in w.pronouns
    )


def _name_comma(toks: list[Token], i: int) -> bool:
    """A comma inside a name ("Ministry of Economy, Trade and Industry") or a list of names
    ("Kenya, the U.K. and Peru": "the" and a name, with "and" a few words on)."""
    if not 0 < i < len(toks) - 1 or not toks[i - 1].capitalised:
        return False
    if toks[i + 1].capitalised:
        return True
    return (
        toks[i + 1].low == "the"
        and i + 2 < len(toks)
        and toks[i + 2].capitalised
        and any(t.low == "and" for t in toks[i + 3 : i + 8])
    )


def _trim(toks: list[Token], first: int, last: int, w: ActorWords) -> tuple[int, int] | None:
    """Drop intro phrases and dangling joiners at the ends of a phrase ("On Wednesday, X")."""
    for k in range(first, last + 1):
        if toks[k].text == "," and toks[first].low in w.intro:
            first = k + 1
            break
    leading = w.conjunctions | (w.prepositions & w.joiners) | {"&"}
    while first <= last and (toks[first].low in leading or toks[first].text in ",("):
        first += 1
    while last >= first and (toks[last].low in w.joiners or toks[last].text in ",("):
        last -= 1
    if first > last:
        return None
    return toks[first].start, toks[last].end


def subject_before(
    toks: list[Token], index: int, w: ActorWords
) -> tuple[str, tuple[int, int] | None]:
    """The subject of the verb at token `index`, read backwards ("Sato also wants").

    Returns ("np", span) for a phrase right before the verb; ("coordinate", None) when the verb
    follows a comma or "and" (its subject is the sentence's main one); ("relative", None) after
    "which"/"who"/"that" (see relative_before).
    """
    i = index - 1
    while i >= 0 and toks[i].low in w.skip and not toks[i].capitalised:
        i -= 1
    if i < 0 or toks[i].text in ",;:—–" or toks[i].low in w.conjunctions:
        return "coordinate", None
    if toks[i].low in w.relatives:
        return "relative", None
    if toks[i].low in w.pronouns or toks[i].low in w.non_actor:
        return "np", (toks[i].start, toks[i].end)
    end = i
    if not _np_word(toks[i], w):
        # A common noun phrase ("another frigate", "the new roadmap"): back to its determiner.
        while i > 0 and end - i < 8 and toks[i - 1].word:
            if toks[i].low in w.determiners or toks[i - 1].low in w.relatives:
                break
            i -= 1
        return "np", (toks[i].start, toks[end].end)
    depth = 0
    while i >= 0:
        t = toks[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth > 0:
            pass
        elif t.text == ",":
            if not _name_comma(toks, i):
                break
        elif not _np_word(t, w) or t.low in w.relatives:
            break
        i -= 1
    return "np", _trim(toks, i + 1, end, w)


def _skip_intro(toks: list[Token], w: ActorWords) -> int:
    """The index after intro phrases: "In the future,", "So, make no mistake,", "As major
    consuming countries, which together account for half the world,"."""
    i = 0
    n = len(toks)
    while i < n and toks[i].text in '“"(':
        i += 1
    for _ in range(4):
        if i >= n or toks[i].low in w.pronouns:
            break
        if toks[i].low in w.intro or (toks[i].low in w.relatives and i > 0):
            comma = next((k for k in range(i, min(n, i + 20)) if toks[k].text == ","), None)
            if comma is None:
                break
            i = comma + 1
        else:
            break
    return i


def main_subject(toks: list[Token], w: ActorWords) -> tuple[int, int] | None:
    """The subject at the start of the sentence, after intro phrases."""
    n = len(toks)
    i = _skip_intro(toks, w)
    if i < n and toks[i].low in w.pronouns:
        return toks[i].start, toks[i].end
    start = i
    depth = 0
    while i < n:
        t = toks[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth > 0:
            pass
        elif t.text == ",":
            if not _name_comma(toks, i):
                break
        elif not _np_word(t, w) or (i > start and t.low in w.pronouns):
            break
        i += 1
    if i == start:
        # A common noun phrase ("another frigate will be sent"): up to its verb, roughly.
        while i < n and i - start < 6 and toks[i].word and toks[i].low not in w.skip:
            i += 1
        if i == start:
            return None
    return _trim(toks, start, i - 1, w)


def relative_before(toks: list[Token], index: int, w: ActorWords) -> tuple[int, int] | None:
    """For "..., which will": the antecedent phrase before the comma, from its determiner."""
    i = index - 1
    while i >= 0 and toks[i].low in w.skip:
        i -= 1
    if i < 1 or toks[i].low not in w.relatives:
        return None
    j = i - 1
    if toks[j].text == ",":
        j -= 1
    end = j
    while j > 0 and end - j < 12 and toks[j].low not in w.determiners:
        if toks[j].text in ",;:":
            j += 1
            break
        j -= 1
    j = max(j, 0)
    return toks[j].start, toks[end].end


def reported_it(toks: list[Token], index: int, w: ActorWords) -> bool:
    """Whether the "it" before token `index` follows a reporting verb ("Japan said it would"):
    then "it" is the speaker, an actor."""
    i = index - 1
    while i >= 0 and toks[i].low in w.skip:
        i -= 1
    if i < 1 or toks[i].low != "it":
        return False
    j = i - 1
    if toks[j].low == "that":
        j -= 1
    return j >= 0 and toks[j].low in w.reporting
