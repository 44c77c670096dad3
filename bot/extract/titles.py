"""Titles in running text: "Japanese Defense Minister Yasukazu Hamada", "the secretary".

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
from functools import lru_cache

from bot.extract.countries import CountryMention
from bot.extract.memo import per_text
from bot.extract.names import (
    CONNECTORS,
    POSSESSIVE,
    NameReader,
    NameSpan,
    Token,
    Vocab,
    is_ordinal,
    name_words,
    party_ending,
)

_DROP_CAP_RE = re.compile(r"[A-Z]{2}[a-z]{2,}")
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
    return frozenset(w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in _ROLE_STOP)


@lru_cache(maxsize=4096)
def _fold(word: str) -> tuple[str, bool]:
    """A title word folded for lookup, and whether it carried a former-marker prefix.

    "then-Secretary" is a former Secretary; "President-elect" and "Secretary-designate" read
    as their title. Remembered per word: every token of every paragraph is looked up.
    """
    w = word.casefold()
    for suffix in ("-elect", "-designate", "-nominee"):
        if w.endswith(suffix) and len(w) > len(suffix):
            w = w[: -len(suffix)]
    if w.startswith("co-") and len(w) > 3:
        w = w[3:]  # "co-leader", "Co-Chair": the head is the word after
    for prefix in ("then-", "ex-", "former-"):
        if w.startswith(prefix) and len(w) > len(prefix):
            return w[len(prefix) :], True
    return w, False


class TitleFinder:
    """Finds RolePhrases in one paragraph's tokens."""

    def __init__(
        self,
        tokens: list[Token],
        blocked: list[bool],
        countries: list[CountryMention],
        v: Vocab,
    ) -> None:
        self.t = tokens
        self.blocked = blocked
        self.v = v
        self.reader = NameReader(tokens, blocked, v)
        self.country_end: dict[int, CountryMention] = {c.end: c for c in countries}

    def _is_head(self, i: int) -> bool:
        tok = self.t[i]
        w, _ = _fold(tok.bare)
        if self.blocked[i] or (w not in self.v.head_words and "-" not in w):
            return False
        if w in self.v.heads or self._compound_head(w):
            return True
        if i > 0 and (self.t[i - 1].text.casefold(), w) in self.v.compound_heads:
            return True  # "First Lady": its first word is read as the title's modifier
        # "the general said": a rank names its holder only in lower case after "the".
        return (
            w in self.v.rank_nouns
            and not tok.capitalised
            and i > 0
            and self.t[i - 1].text.casefold() == "the"
        )

    def _compound_head(self, word: str) -> bool:
        """A head joined to its modifiers by hyphens: "vice-chairman", "deputy-leader"."""
        if "-" not in word:
            return False
        *mods, head = word.split("-")
        return bool(mods) and head in self.v.heads and all(m in self.v.modifiers for m in mods)

    def _is_modifier(self, i: int, capital: bool) -> bool:
        tok = self.t[i]
        if self.blocked[i] or tok.possessive:
            return False
        if is_ordinal(tok.text):
            return True
        if capital and not tok.capitalised:
            return False
        w, _ = _fold(self._word(i))
        return (
            w in self.v.modifiers or w in self.v.office or w in self.v.heads or is_ordinal(tok.text)
        )

    def _word(self, i: int) -> str:
        """A token's word, without a drop cap that scraping doubled at a paragraph's start
        ("BEconomics Minister" is "Economics Minister")."""
        w = self.t[i].text
        if i == 0 and _DROP_CAP_RE.fullmatch(w) and self.v.is_title_word(w[1:]):
            return w[1:]
        return w

    def _country_before(self, k: int) -> tuple[CountryMention | None, int]:
        """A country mention ending at token k (possibly possessive) and its first token."""
        if k < 0:
            return None, k
        tok = self.t[k]
        mention = self.country_end.get(tok.end) or (
            self.country_end.get(tok.end - 2) if tok.possessive else None
        )
        if mention is None:
            return None, k
        j = k
        while j > 0 and self.t[j - 1].end > mention.start:
            j -= 1
        return mention, j

    def find(self) -> list[RolePhrase]:
        t, n = self.t, len(self.t)
        heads: list[tuple[int, int, int, bool]] = []  # (first modifier, head, head end, former)
        heads_any = self.v.head_words
        # The tokens that may be a head, in one pass: a word without a hyphen whose fold is
        # no head word is none (folding such a word only lower-cases it).
        cands = [
            k
            for k, tok in enumerate(t)
            if "-" in tok.text
            or (tok.text[:-2] if tok.text.endswith(POSSESSIVE) else tok.text).casefold()
            in heads_any
        ]
        i = 0
        for c in cands:
            if c < i:
                continue
            i = c
            if not self._is_head(i):
                continue
            capital = t[i].capitalised
            end = i
            if i + 1 < n and _fold(t[i + 1].text)[0] in self.v.tails and t[i + 1].capitalised:
                end = i + 1
            # "Foreign minister nominee", "Prime Minister designate": still the title
            if end + 1 < n and _fold(t[end + 1].text)[0] in self.v.status:
                end += 1
            k = i
            while k > 0 and self._is_modifier(k - 1, capital) and not self._is_head(k - 1):
                k -= 1
            former = any(_fold(t[j].text)[1] for j in range(k, end + 1))
            heads.append((k, i, end, former))
            i = end + 1
        firsts = [self._prefix(k)[0] for k, _, _, _ in heads]
        phrases: list[RolePhrase] = []
        for idx, (k, head, end, former) in enumerate(heads):
            limit = firsts[idx + 1] if idx + 1 < len(heads) else n
            phrases.append(self._phrase(k, head, end, former, limit))
        return phrases

    def _prefix(self, k: int) -> tuple[int, CountryMention | None]:
        """The first token of a title starting at modifier k, with the country before it."""
        t = self.t
        j = k - 1
        if j >= 2 and t[j].text == ")" and t[j - 2].text == "(":
            j -= 3  # "Republic of Korea (ROK) President Yoon"
        mention, cfirst = self._country_before(j)
        if mention is not None:
            return cfirst, mention
        return k, None

    def _phrase(self, k: int, head: int, end: int, former: bool, limit: int) -> RolePhrase:
        t = self.t
        capital = t[head].capitalised
        first, country = self._prefix(k)
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
            if plain and k != head and not self._portfolio_run(k - 1, k, head):
                hit = None
            if hit is not None and not any(self.blocked[x] for x in range(hit[1], k)):
                party = hit[0]
                cfirst, country = self._prefix(hit[1])
                if country is not None:
                    first = cfirst
        if first > 0 and _fold(t[first - 1].text)[0] in self.v.former:
            former = True
        name: NameSpan | None = None
        last = end
        nxt = end + 1
        if nxt < limit and t[nxt].text in ("of", "for") and t[nxt].start - t[end].end == 1:
            last, name = self._complement(nxt + 1, limit)
            if last < nxt + 1:
                last = end
        elif nxt < limit and t[nxt].start - t[end].end == 1:
            name = self.reader.forward(nxt, family_caps=capital)
            if name is not None and name.first != nxt and not capital:
                name = None
            if name is not None and not capital and len(name.parts) < 2:
                name = None
        # A trailing "of Japan" / "of the UK" names the country, not the office.
        title_last = last
        trailing = self._trailing_country(end, last)
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
            head=" ".join(_fold(t[x].bare)[0] for x in range(head, end + 1)),
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

    def _portfolio_run(self, party: int, a: int, head: int) -> bool:
        """Whether a one-word party at token `party` stands after "the" and before portfolio
        words a..head-1 that no institution's name ends in: "the Green Environment Minister"."""
        t = self.t
        return (
            party > 0
            and t[party - 1].text.casefold() == "the"
            and all(
                t[x].text.casefold() in self.v.office
                and t[x].text.casefold() not in self.v.organisations
                for x in range(a, head)
            )
        )

    def _trailing_country(self, end: int, last: int) -> tuple[int, CountryMention] | None:
        """The last office token before a country that ends a complement, and the country.

        "of Japan", "of the United Kingdom", "of the Republic of Chile", "of the Italian
        Republic": the state's formal name ("Republic", "Kingdom" ...) belongs to the country.
        """
        t = self.t
        x = last
        formal = x > end + 1 and not self.blocked[x] and t[x].text.casefold() in self.v.state_nouns
        if formal:
            x -= 1  # "the Italian Republic"
        if x <= end + 1 or not self.blocked[x]:
            return None
        c = self._country_ending_at(x)
        if c is None:
            return None
        j = x
        while j > end and t[j].start >= c.start:
            j -= 1
        if (
            not formal
            and j - 2 > end
            and t[j].text == "of"
            and t[j - 1].text.casefold() in self.v.state_nouns
        ):
            j -= 2  # "of the Republic of Chile"
        if t[j].text == "the" and j - 1 >= end + 1:
            j -= 1  # "of the United Kingdom"
        if t[j].text == "of" and j >= end + 1:
            return j - 1, c
        return None

    def _country_ending_at(self, j: int) -> CountryMention | None:
        tok = self.t[j]
        return self.country_end.get(tok.end)

    def _text(self, a: int, b: int) -> str:
        """The printed text of tokens a..b, spacing as in the body, trailing ", and" dropped."""
        t = self.t
        while b > a and (t[b].text in (",", "(", ")") or t[b].text in CONNECTORS):
            b -= 1
        out = [self._word(a)]
        for x in range(a + 1, b + 1):
            if t[x].start > t[x - 1].end:
                out.append(" ")
            out.append(t[x].text)
        return "".join(out).strip()

    def _complement(self, j: int, limit: int) -> tuple[int, NameSpan | None]:
        """The last token of a title's complement and the name at its end, if any."""
        t = self.t
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
            and_name = k + 2 < limit and self.reader.is_name_word(k + 2)
            joins = (tok.text in CONNECTORS and (k > j or tok.text == "the")) or (
                tok.text == ","
                and k + 1 < limit
                and (
                    (t[k + 1].text == "and" and not and_name)
                    or self.blocked[k + 1]
                    or self.v.is_title_word(t[k + 1].text)
                )
            )
            if tok.capitalised or is_ordinal(tok.text):
                last = k
            elif joins:
                pass
            elif tok.text == "." and self.reader.is_initial(k - 1):
                last = k
            elif tok.text == "." and self.reader.is_honorific(k - 1):
                pass  # "Army Gen. Mark A. Milley"
            elif tok.text == "." and self.reader.is_dotted_suffix(k - 1):
                last = k
                k += 1
                break
            elif (
                tok.text == "("
                and k + 2 < limit
                and t[k + 2].text == ")"
                and t[k + 1].text.isupper()
            ):
                k += 3
                continue
            else:
                break
            k += 1
        if last < j:
            return last, None
        found = self._complement_name(j, last)
        if found is not None:
            return found
        # "Secretary of Energy Ana M. Ruiz and the Republic of Chile's ...", "Minister of
        # Defense Kim Ji-ho on Monday": the words after a connector name no one, so the
        # complement may end before it, with a full name there.
        for cut in reversed(cuts):
            found = self._complement_name(j, cut)
            name = found[1] if found is not None else None
            if name is not None and len(name_words(name.surface, self.v.suffixes)) >= 2:
                return found
        return last, None

    def _complement_name(self, j: int, last: int) -> tuple[int, NameSpan | None] | None:
        """The title's last token and the name of a complement ending at token `last`; None
        when no name ends there (the caller may try a shorter complement)."""
        t = self.t
        # At least one complement word stands before the name: "for the Pandemic Accord" is
        # all complement, "of the Joint Chiefs of Staff Army Gen. Mark Milley" is not.
        start = self.reader.backward_start(last, j)
        if start is None:
            return None
        # A complement may end in words no list knows ("Human Rights Uzra Zeya"): a name of
        # four words or more keeps its last two.
        words = [
            x
            for x in range(start, last + 1)
            if self.reader.is_name_word(x)
            and not self.reader.is_initial(x)
            and not self.reader.is_suffix(x)
        ]
        if len(words) >= 4:
            start = words[-2]
        if t[start - 1].text in CONNECTORS or t[start - 1].text == ",":
            return last, None  # "of the Las Vegas Raiders": a name of a thing, not a person
        b = start - 1
        while b > j and (self.reader.is_honorific(b) or t[b].text == "."):
            b -= 1
        if b < start - 1 and (t[b].text in CONNECTORS or t[b].text == ","):
            # "President of the United States and H.E. Mr. Yoon": a second person
            return b - 1, None
        name = self.reader.forward(start, skip_honorifics=False, family_caps=True)
        if name is None:
            return None
        # The title ends before the name (and before ranks such as "Gen." in front of it).
        title_last = start - 1
        ranked = False
        while title_last >= j and (
            self.reader.is_honorific(title_last) or t[title_last].text == "."
        ):
            ranked = True
            title_last -= 1
        while ranked and title_last >= j and t[title_last].text.casefold() in self.v.services:
            title_last -= 1
        return title_last, name
