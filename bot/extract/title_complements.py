"""Title complements: the words after a title's head that name its office, and the name
that ends them.

"Minister of Economy, Trade and Industry of Japan" has the complement "Economy, Trade and
Industry of Japan"; in "Minister of Defense Rajnath Singh" the complement ends after
"Defense" and the run of name-shaped words at its end is the holder's name.
"""

from __future__ import annotations

from bot.extract.names import CONNECTORS, NameReader, NameSpan, Vocab, is_ordinal, name_words
from bot.extract.tokens import Token


def complement(
    t: list[Token],
    blocked: list[bool],
    reader: NameReader,
    j: int,
    limit: int,
    v: Vocab,
) -> tuple[int, NameSpan | None]:
    """The last token of a title's complement starting at token j, and the name at its end.

    The complement runs over capitalised words, ordinals, connectors and commas that continue
    a list of portfolios; when no name ends it, it may end before a connector instead:
    "Secretary of Energy Ana M. Ruiz and the Republic of Chile's ..." ends after "Ruiz".
    """
    k = j
    last = j - 1
    cuts: list[int] = []  # complement ends before a connector, latest last
    while k < limit:
        tok = t[k]
        if k > j and tok.start - t[k - 1].end > 1:
            break
        if tok.text in CONNECTORS and last == k - 1 and last >= j:
            cuts.append(last)
        # A comma continues a list of portfolios ("Economy, Trade and Industry"), not a
        # list of people ("President of the Raiders, Doug Cannon, ...").
        # ", and Ana Paz, ...": a name after the "and" starts the next person of a list
        and_name = k + 2 < limit and reader.is_name_word(k + 2)
        joins = (tok.text in CONNECTORS and (k > j or tok.text == "the")) or (
            tok.text == ","
            and k + 1 < limit
            and (
                (t[k + 1].text == "and" and not and_name)
                or blocked[k + 1]
                or v.is_title_word(t[k + 1].text)
            )
        )
        if tok.capitalised or is_ordinal(tok.text):
            last = k
        elif joins:
            pass
        elif tok.text == "." and reader.is_initial(k - 1):
            last = k
        elif tok.text == "." and reader.is_honorific(k - 1):
            pass  # "Army Gen. Mark A. Milley"
        elif tok.text == "." and reader.is_dotted_suffix(k - 1):
            last = k
            k += 1
            break
        elif tok.text == "(" and k + 2 < limit and t[k + 2].text == ")" and t[k + 1].text.isupper():
            k += 3
            continue
        else:
            break
        k += 1
    if last < j:
        return last, None
    found = complement_name(t, reader, j, last, v)
    if found is not None:
        return found
    # "Secretary of Energy Ana M. Ruiz and the Republic of Chile's ...", "Minister of
    # Defense Kim Ji-ho on Monday": the words after a connector name no one, so the
    # complement may end before it, with a full name there.
    for cut in reversed(cuts):
        found = complement_name(t, reader, j, cut, v)
        name = found[1] if found is not None else None
        if name is not None and len(name_words(name.surface, v.suffixes)) >= 2:
            return found
    return last, None


def complement_name(
    t: list[Token], reader: NameReader, j: int, last: int, v: Vocab
) -> tuple[int, NameSpan | None] | None:
    """The title's last token and the name of a complement ending at token `last`; None
    when no name ends there (the caller may try a shorter complement).

    "of the Joint Chiefs of Staff Army Gen. Mark Milley": the title ends at "Staff", before
    the service and rank in front of the name.
    """
    # At least one complement word stands before the name: "for the Pandemic Accord" is
    # all complement, "of the Joint Chiefs of Staff Army Gen. Mark Milley" is not.
    start = reader.backward_start(last, j)
    if start is None:
        return None
    # A complement may end in words no list knows ("Human Rights Uzra Zeya"): a name of
    # four words or more keeps its last two.
    words = [
        x
        for x in range(start, last + 1)
        if reader.is_name_word(x) and not reader.is_initial(x) and not reader.is_suffix(x)
    ]
    if len(words) >= 4:
        start = words[-2]
    if t[start - 1].text in CONNECTORS or t[start - 1].text == ",":
        return last, None  # "of the Las Vegas Raiders": a name of a thing, not a person
    b = start - 1
    while b > j and (reader.is_honorific(b) or t[b].text == "."):
        b -= 1
    if b < start - 1 and (t[b].text in CONNECTORS or t[b].text == ","):
        # "President of the United States and H.E. Mr. Yoon": a second person
        return b - 1, None
    name = reader.forward(start, skip_honorifics=False, family_caps=True)
    if name is None:
        return None
    # The title ends before the name (and before ranks such as "Gen." in front of it).
    title_last = start - 1
    ranked = False
    while title_last >= j and (reader.is_honorific(title_last) or t[title_last].text == "."):
        ranked = True
        title_last -= 1
    while ranked and title_last >= j and t[title_last].text.casefold() in v.services:
        title_last -= 1
    return title_last, name
