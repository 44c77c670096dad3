"""Title qualifiers: the country and party a title names around its office words.

A country may stand before a title ("Republic of Korea (ROK) President", "Japan's Foreign
Minister") or close its complement ("Minister of Defence of Japan"); a party may stand before
it ("FDP leader") or close its complement ("leader of the SPD"). These words qualify the
office and are kept apart from its printed text.
"""

from __future__ import annotations

from bot.extract.countries import CountryMention
from bot.extract.names import Vocab
from bot.extract.tokens import Token


def country_before(
    t: list[Token], k: int, country_end: dict[int, CountryMention]
) -> tuple[CountryMention | None, int]:
    """A country mention ending at token k (possibly possessive) and its first token.

    "Japan's Foreign Minister": the mention "Japan" ends two characters before the end of the
    token "Japan's", so the possessive form is looked up without its "'s".
    """
    if k < 0:
        return None, k
    tok = t[k]
    mention = country_end.get(tok.end) or (country_end.get(tok.end - 2) if tok.possessive else None)
    if mention is None:
        return None, k
    j = k
    while j > 0 and t[j - 1].end > mention.start:
        j -= 1
    return mention, j


def title_prefix(
    t: list[Token], k: int, country_end: dict[int, CountryMention]
) -> tuple[int, CountryMention | None]:
    """The first token of a title starting at modifier k, with the country before it.

    A bracketed short form between the country and the title is skipped: in "Republic of
    Korea (ROK) President Yoon" the title starts at "Republic".
    """
    j = k - 1
    if j >= 2 and t[j].text == ")" and t[j - 2].text == "(":
        j -= 3  # "Republic of Korea (ROK) President Yoon"
    mention, cfirst = country_before(t, j, country_end)
    if mention is not None:
        return cfirst, mention
    return k, None


def portfolio_run(t: list[Token], party: int, a: int, head: int, v: Vocab) -> bool:
    """Whether a one-word party at token `party` stands after "the" and before portfolio
    words a..head-1 that no institution's name ends in: "the Green Environment Minister".

    Such a party name is also an ordinary word, so it counts only where an institution's name
    ("Green Climate Fund Director") cannot be meant.
    """
    return (
        party > 0
        and t[party - 1].text.casefold() == "the"
        and all(
            t[x].text.casefold() in v.office and t[x].text.casefold() not in v.organisations
            for x in range(a, head)
        )
    )


def trailing_country(
    t: list[Token],
    blocked: list[bool],
    end: int,
    last: int,
    country_end: dict[int, CountryMention],
    v: Vocab,
) -> tuple[int, CountryMention] | None:
    """The last office token before a country that ends a complement, and the country.

    "of Japan", "of the United Kingdom", "of the Republic of Chile", "of the Italian
    Republic": the state's formal name ("Republic", "Kingdom" ...) belongs to the country.
    """
    x = last
    formal = x > end + 1 and not blocked[x] and t[x].text.casefold() in v.state_nouns
    if formal:
        x -= 1  # "the Italian Republic"
    if x <= end + 1 or not blocked[x]:
        return None
    c = country_end.get(t[x].end)
    if c is None:
        return None
    j = x
    while j > end and t[j].start >= c.start:
        j -= 1
    if (
        not formal
        and j - 2 > end
        and t[j].text == "of"
        and t[j - 1].text.casefold() in v.state_nouns
    ):
        j -= 2  # "of the Republic of Chile"
    if t[j].text == "the" and j - 1 >= end + 1:
        j -= 1  # "of the United Kingdom"
    if t[j].text == "of" and j >= end + 1:
        return j - 1, c
    return None
