"""Titles in running text: "Japanese Defense Minister Kenji Sato", "the secretary".

A title is built around a head word (Minister, Secretary, President ...) with modifiers and
portfolio words before it ("Deputy Prime", "2nd Vice", "National Security"), an optional
complement after it ("of Economy, Trade and Industry of Japan"), and an optional country before
it ("Republic of Korea (ROK)", "U.K.", "Japan's"). What follows a title is a name when it has a
name's shape; in a complement the name is the run of name-shaped words at its end, so
"Minister of Defense Rajnath Singh" splits after Defense. A title with no name after it
("the Chancellor", "the secretary said") is a role reference the register resolves later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.countries import CountryMention
from bot.extract.memo import per_text
from bot.extract.names import CONNECTORS, NameReader, NameSpan, Vocab, party_ending
from bot.extract.title_complements import complement
from bot.extract.title_heads import drop_cap_word, find_heads, fold_title_word
from bot.extract.title_qualifiers import portfolio_run, title_prefix, trailing_country
from bot.extract.tokens import Token

#: A run of letters.
_LETTERS_RE = re.compile(r"[^\W\d_]+")

_ROLE_STOP = frozenset({"of", "for", "the", "and", "&", "on"})


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A title in the text and, when one follows it, the name it introduces."""

    text: str  # the title as printed, without a country before it: "Defense Minister"
    head: str  # folded head word: "minister", "secretary general"
    start: int  # body offset, country prefix included
    title_start: int  # body offset of the title itself
    end: int  # end of the title (the name, if any, comes after)
    first: int  # index of the first token (country prefix included)
    last: int  # index of the last title token
    country: str | None
    former: bool
    capital: bool  # the head is capitalised ("Minister", not "minister")
    name: NameSpan | None
    party: str | None = None  # a party named before the title: "FDP leader", "Green Party co-chair"

    @property
    def words(self) -> frozenset[str]:
        return role_words(self.text)


@per_text(maxsize=1024)
def role_words(text: str) -> frozenset[str]:
    """The folded content words of a title, for comparing "the secretary" with a role."""
    return frozenset(w for w in _LETTERS_RE.findall(text.casefold()) if w not in _ROLE_STOP)


class TitleFinder:
    """Finds RolePhrases in one paragraph's tokens."""

    def __init__(
        self,
        tokens: list[Token],
        blocked: list[bool],
        countries: list[CountryMention],
        v: Vocab,
        reader: NameReader | None = None,
    ) -> None:
        self.t = tokens
        self.blocked = blocked
        self.v = v
        # the paragraph's reader when given one: the names it reads are read once
        self.reader = reader or NameReader(tokens, blocked, v)
        self.country_end: dict[int, CountryMention] = {c.end: c for c in countries}

    def find(self, cands: list[int] | None = None) -> list[RolePhrase]:
        """The paragraph's titles, left to right; each title's name stops where the next
        title's country or modifiers begin. `cands` are the tokens that may be a head, when
        the caller has found them (title_heads.head_candidates)."""
        n = len(self.t)
        heads = find_heads(self.t, self.blocked, self.v, self.reader.texts, cands)
        firsts = [title_prefix(self.t, h.first, self.country_end)[0] for h in heads]
        phrases: list[RolePhrase] = []
        for idx, h in enumerate(heads):
            limit = firsts[idx + 1] if idx + 1 < len(heads) else n
            phrases.append(self._phrase(h.first, h.head, h.end, h.former, limit))
        return phrases

    def _phrase(self, k: int, head: int, end: int, former: bool, limit: int) -> RolePhrase:
        t = self.t
        capital = t[head].capitalised
        first, country = title_prefix(t, k, self.country_end)
        party = None
        if country is None:
            # "FDP leader Jonas Kern", "German Green Party co-leader Anna Berg"
            hit = party_ending(t, k - 1, self.v)
            # A one-word name that is also an ordinary word ("Green", "Left") counts right
            # before the head ("Green leader") or before portfolio words after "the" ("the
            # Green Environment Minister"), not before an institution's name ("Green Climate
            # Fund Director").
            plain = (
                hit is not None
                and hit[1] == k - 1
                and not t[k - 1].text.isupper()
                and len(t[k - 1].text) > 1
            )
            if plain and k != head and not portfolio_run(t, k - 1, k, head, self.v):
                hit = None
            if hit is not None and True not in self.blocked[hit[1] : k]:
                party = hit[0]
                cfirst, country = title_prefix(t, hit[1], self.country_end)
                if country is not None:
                    first = cfirst
        if first > 0 and fold_title_word(t[first - 1].text)[0] in self.v.former:
            former = True
        name: NameSpan | None = None
        last = end
        nxt = end + 1
        if nxt < limit and t[nxt].text in ("of", "for") and t[nxt].start - t[end].end == 1:
            last, name = complement(t, self.blocked, self.reader, nxt + 1, limit, self.v)
            if last < nxt + 1:
                last = end
        elif nxt < limit and t[nxt].start - t[end].end == 1:
            name = self.reader.forward(nxt, family_caps=capital)
            if (
                name is not None
                and name.first != nxt
                and not capital
                and not self._styles(nxt, name.first)
            ):
                name = None  # a lower-case title takes a name right after it or after styles
            if name is not None and not capital and len(name.parts) < 2:
                name = None
        # A trailing "of Japan" / "of the UK" names the country, not the office.
        title_last = last
        trailing = trailing_country(t, self.blocked, end, last, self.country_end, self.v)
        if trailing is not None:
            title_last = trailing[0]
            country = country or trailing[1]
        if party is None and name is None and title_last > end + 2:
            # "leader of the SPD", "vice-chairman of the Liberals": the party the office is in
            hit = party_ending(t, title_last, self.v)
            if hit is not None and [x.text for x in t[hit[1] - 2 : hit[1]]] == ["of", "the"]:
                party = hit[0]
        text = self._text(k, title_last)
        return RolePhrase(
            text=text,
            head=" ".join(fold_title_word(t[x].bare)[0] for x in range(head, end + 1)),
            start=t[first].start,
            title_start=t[k].start,
            end=t[last].end,
            first=first,
            last=last,
            country=country.country if country else None,
            former=former,
            capital=capital,
            name=name,
            party=party,
        )

    def _styles(self, a: int, b: int) -> bool:
        """Whether tokens a..b-1 are only styles before a name: "Dr.", "the Hon", "Rt"; not
        ranks ("General"), which make an office of their own."""
        t = self.t
        return all(
            t[k].text in {".", "the"} or t[k].text.rstrip(".").casefold() in self.v.honorifics
            for k in range(a, b)
        )

    def _text(self, a: int, b: int) -> str:
        """The printed text of tokens a..b, spacing as in the body, trailing ", and" dropped."""
        t = self.t
        while b > a and (t[b].text in (",", "(", ")") or t[b].text in CONNECTORS):
            b -= 1
        out = [drop_cap_word(t, a, self.v)]
        for x in range(a + 1, b + 1):
            if t[x].start > t[x - 1].end:
                out.append(" ")
            out.append(t[x].text)
        return "".join(out).strip()
