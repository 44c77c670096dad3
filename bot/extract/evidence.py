"""Evidence that a capitalised phrase is a person, read paragraph by paragraph.

A title before it ("Defense Minister Boris Pistorius"), a parenthesis with a party or portfolio
after it ("Robert Habeck (Vice Chancellor and Economy, Greens)"), an honorific ("Ms. Baerbock"),
a middle initial ("Lloyd J. Austin"), a reporting verb next to it ("said Scholz"), a predecessor
list ("his predecessors, Angela Merkel (CDU) and ..."), an apposition ("Marles, who also serves
as defense minister,", "Ana Paz, U.S. Ambassador to Peru,", "Jonas Kern, head of the transport
department,"), a country after it ("Annalena Baerbock of Germany"), a party told around it
("who belongs to the Greens", "the FDP man Jonas Kern", "his party leader ..."). Each is an
Occurrence; titles with no name after them ("the Chancellor", "the SPD politician") are role
references the register resolves once everyone is known.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from bot.extract.countries import CountryMention, find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.names import (
    NameReader,
    NameSpan,
    Token,
    Vocab,
    family_first,
    name_words,
    party_ending,
    tokenize,
    vocab,
)
from bot.extract.text import Paragraph, quote_spans
from bot.extract.titles import RolePhrase, TitleFinder, role_words

THE = frozenset({"the", "The"})
_PHRASE_END = frozenset([*",.;:()—–", *"and in on at to for of who from during".split()])
_DETERMINERS = frozenset({"the", "his", "her", "their", "its"})
_HOSTING = frozenset({"hosted", "hosts", "welcomed", "welcomes"})
#: Words that show a stretch after a name is a clause, not a role set off by commas.
_NOT_IN_ROLES = frozenset(
    "is are was were be been has have had will would can could may might must shall should "
    "who which that said says told he she they we it this".split()
)


def _fold_word(word: str) -> str:
    """A word folded for list lookups: "then-Secretary" → "then-secretary", "Gen." → "gen"."""
    return word.rstrip(".").casefold()


@dataclass
class Occurrence:
    """One piece of evidence that a name is a person, with what it says about them."""

    span: NameSpan
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    party: str | None = None
    former: bool = False
    titled: bool = False  # the evidence gives a current title
    gender: str | None = None  # "m" or "f" when an honorific says so ("Ms. Rossi")
    weak: bool = False  # read in a title-case heading: joins a known person or nobody
    spoke: bool = False  # found next to a reporting verb ("said Meier")
    distinct: bool = False  # "President Ito and Mrs. Ito": the same surname, another person


@dataclass(frozen=True)
class RoleRef:
    """A role reference in the text: "the Chancellor", "Japan's prime minister", "the SPD
    politician" (`member_of` the SPD), "The Chancellor (SPD)" (`party` told in brackets)."""

    phrase: RolePhrase
    start: int
    party: str | None = None
    quoted: bool = False
    member_of: str | None = None


@lru_cache(maxsize=16)
def verb_re(lexicon: Lexicon, key: str = "reporting_verbs") -> re.Pattern[str]:
    """One alternation of a verb list, longest first, whole words, case as written."""
    verbs = sorted(lexicon.word_list(key), key=len, reverse=True)
    if not verbs:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b")


@dataclass
class ParagraphView:
    """A paragraph read for people: tokens, country flags, quote flags and titles."""

    paragraph: Paragraph
    tokens: list[Token]
    blocked: list[bool]
    quoted: list[bool]
    countries: list[CountryMention]
    quotes: list[tuple[int, int]]
    phrases: list[RolePhrase]
    reader: NameReader


def token_flags(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside one of the (sorted) spans: one linear pass."""
    out = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] <= tok.start < spans[k][1])
    return out


def read_paragraph(body: str, para: Paragraph, lexicon: Lexicon, v: Vocab) -> ParagraphView:
    tokens = tokenize(para.text, para.start)
    countries = [
        CountryMention(c.country, c.start + para.start, c.end + para.start, c.kind, c.text)
        for c in find_countries(para.text, lexicon)
    ]
    blocked = token_flags(tokens, [(c.start, c.end) for c in countries])
    quotes = [(q.start, q.end) for q in quote_spans(body, para)]
    quoted = token_flags(tokens, quotes)
    phrases = TitleFinder(tokens, blocked, countries, v).find()
    return ParagraphView(
        para, tokens, blocked, quoted, countries, quotes, phrases, NameReader(tokens, blocked, v)
    )


class Collector:
    """Reads every paragraph for evidence of people and for role references."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.v = vocab(lexicon)
        self.occurrences: list[Occurrence] = []
        self.candidates: list[NameSpan] = []  # name-shaped phrases awaiting confirmation
        self.alone: dict[str, list[int]] = {}  # capitalised words standing alone -> offsets
        # role references: (phrase, offset, party in a parenthesis after it, inside a quote)
        self.refs: list[RoleRef] = []
        self.meeting = [v.casefold().split() for v in lexicon.word_list("person_meeting_verbs")]
        self.person_nouns = {w.casefold() for w in lexicon.word_list("person_nouns")}
        self.person_of_nouns = {w.casefold() for w in lexicon.word_list("person_of_nouns")}
        self.membership = sorted(
            (w.casefold().split() for w in lexicon.word_list("party_membership_phrases")),
            key=len,
            reverse=True,
        )
        self.party_nouns = {w.casefold() for w in lexicon.word_list("party_person_nouns")}
        self.apposition_heads = self.v.heads | {
            w.casefold() for w in lexicon.word_list("apposition_heads")
        }
        self.reporting = {w.casefold() for w in lexicon.word_list("reporting_verbs")}
        self.last_party: str | None = None  # the party the paragraphs read so far named last

    def read(self, p: ParagraphView) -> None:
        start = len(self.occurrences)
        self._read(p)
        for occ in self.occurrences[start:]:
            occ.weak = p.paragraph.heading and not self._credit_line(p, occ.span)
            occ.gender = (
                occ.gender
                or self._honorific_gender(p, occ.span.first)
                or self._title_gender(occ.roles)
            )
            rank = p.reader.rank_role(occ.span.first)
            if rank and rank.casefold() not in {r.casefold() for r in occ.roles}:
                occ.roles.append(rank)
                occ.titled = occ.titled or not occ.former
            if occ.party is None:
                occ.party = self._party_after(p, occ.span.stop)
            if occ.country is None:
                occ.country = self._country_after(p, occ.span.stop)

    @staticmethod
    def _credit_line(p: ParagraphView, span: NameSpan) -> bool:
        """Whether a heading-like line is a credit line: "Ana Paz, Minister of Finance" under a
        block quotation. A name that opens the line and is set off by a comma or a bracket has
        clear bounds, unlike a name in a title-case heading ("Secretary Paz Visits Oslo")."""
        t = p.tokens
        k = 0
        while k < len(t) and t[k].text in {"—", "–", "-"}:
            k += 1
        return span.first == k and span.stop < len(t) and t[span.stop].text in {",", "("}

    @staticmethod
    def _country_after(p: ParagraphView, k: int) -> str | None:
        """ "President Ana Paz of the Republic of Chile": the country right after a name."""
        t = p.tokens
        if k >= len(t) or t[k].text != "of" or p.blocked[k]:
            return None
        k += 1
        if k + 1 < len(t) and t[k].text == "the" and not p.blocked[k]:
            k += 1
            if (
                k + 2 < len(t)
                and not p.blocked[k]
                and t[k].text.casefold() in p.reader.v.state_nouns
                and t[k + 1].text == "of"
            ):
                k += 2  # "of the Republic of Chile"
        if k >= len(t) or not p.blocked[k]:
            return None
        return next((c.country for c in p.countries if c.start <= t[k].start < c.end), None)

    def _party_after(self, p: ParagraphView, k: int) -> str | None:
        """A party told right after a name: "Lars Berg, a Social Democrat,", "Ida Holm of the
        Greens", "Tom Reid, an SPD lawmaker,", "Ana Paz, who belongs to the Greens," (config
        `party_membership_phrases`)."""
        t = p.tokens
        member = self._membership_end(t, k)
        if member is not None:
            return self._party_at(t, member)
        apposition = k + 1 < len(t) and t[k].text == "," and t[k + 1].text.casefold() in {"a", "an"}
        if apposition:
            k += 2
        elif k + 1 < len(t) and t[k].text == "of":
            k += 2 if t[k + 1].text.casefold() == "the" else 1
        else:
            return None
        for j in range(min(k + 3, len(t) - 1), k - 1, -1):
            hit = party_ending(t, j, self.v)
            if hit is None or hit[1] != k:
                continue
            nxt = t[j + 1] if j + 1 < len(t) else None
            if nxt is not None and nxt.capitalised and nxt.text.casefold() not in self.v.heads:
                return None  # "of the Green Energy Agency": a longer name
            if (
                not apposition  # "of the Greens": the party whatever follows
                or nxt is None
                or nxt.text in {",", ".", ";", ")", "who", "and", "from", "in", "at"}
                or nxt.text.casefold() in self.v.heads
            ):
                return hit[0]
        return None

    def _membership_end(self, t: list[Token], k: int) -> int | None:
        """The token after a membership phrase ("who belongs to the") that follows a name
        ending before token `k`, or None."""
        if k < len(t) and t[k].text == ",":
            k += 1
        for phrase in self.membership:
            n = len(phrase)
            if [x.text.casefold() for x in t[k : k + n]] == phrase:
                j = k + n
                return j + 1 if j < len(t) and t[j].text.casefold() == "the" else j
        return None

    def _party_at(self, t: list[Token], k: int) -> str | None:
        """The party whose name starts at token `k` and ends the phrase there ("the Greens",
        "the Free Democratic Party", "the Green party"), or None."""
        for j in range(min(k + 3, len(t) - 1), k - 1, -1):
            hit = party_ending(t, j, self.v)
            if hit is None or hit[1] != k:
                continue
            nxt = t[j + 1] if j + 1 < len(t) else None
            if (
                nxt is not None
                and nxt.capitalised
                and nxt.text.casefold() not in self.v.heads
                and nxt.text.casefold() != "party"
            ):
                return None  # "a member of the Green Energy Council": a longer name
            return hit[0]
        return None

    def _title_gender(self, roles: list[str]) -> str | None:
        """ "Chairwoman", "Queen" say "f"; "Chairman", "King" say "m" (config male/female_words)."""
        words = {w.casefold() for r in roles for w in re.findall(r"[^\W\d_]+", r)}
        if words & self.v.female:
            return "f"
        if words & self.v.male:
            return "m"
        return None

    def _honorific_gender(self, p: ParagraphView, first: int) -> str | None:
        """ "Mr." before a name says "m", "Ms."/"Mrs." says "f"."""
        k = first - 1
        if k >= 0 and p.tokens[k].text == ".":
            k -= 1
        if k < 0:
            return None
        w = p.tokens[k].text.casefold()
        if w in self.v.male:
            return "m"
        if w in self.v.female:
            return "f"
        return None

    def _read(self, p: ParagraphView) -> None:
        claimed: set[int] = set()  # tokens already read as part of a name
        phrases = p.phrases
        by_last = {ph.last: ph for ph in phrases}
        links = self._coordinated(p)
        named: dict[int, Occurrence] = {}  # first token of a titled name's phrase chain -> it
        for idx, ph in enumerate(phrases):
            if ph.name is None:
                continue
            chain = [phrases[k] for k in sorted(k for k, v in links.items() if v == idx)]
            roles = [c.text for c in chain] + [ph.text]
            country = ph.country or next((c.country for c in chain if c.country), None)
            party = ph.party or next((c.party for c in chain if c.party), None)
            party = party or self._party_of_party_word(p, ph.first)
            occ = Occurrence(ph.name, roles, country, party, ph.former, not ph.former)
            self.occurrences.append(occ)
            claimed.update(range(ph.name.first, ph.name.stop))
            named[(chain[0] if chain else ph).first] = occ
        self._same_surname_pair(p, named)
        consumed: set[int] = set()
        for idx in reversed(range(len(phrases))):
            ph = phrases[idx]
            if ph.name is not None or idx in links or idx in consumed:
                continue
            # "the Deputy Prime Minister and Minister of Defence of Poland, Jan Kowal,": the
            # titles joined by "and" belong to the one name after the last of them.
            j = idx
            while (
                j > 0
                and phrases[j - 1].name is None
                and (j - 1) not in links
                and [x.text for x in p.tokens[phrases[j - 1].last + 1 : phrases[j].first]]
                in (["and"], [",", "and"])
            ):
                j -= 1
            if j < idx and self._bare_title(p, ph, named, phrases[j:idx]):
                consumed.update(range(j, idx))
                continue
            self._bare_title(p, ph, named)
        self._party_nouns(p, claimed)
        self._appositions(p, claimed)
        self._parentheses(p, by_last, claimed)
        self._predecessors(p, claimed)
        self._honorifics_and_initials(p, claimed)
        self._reporting_verbs(p, claimed)
        self._full_names(p, claimed)
        parties = self._parties_named(p, len(p.tokens))
        if parties:
            self.last_party = parties[-1]

    def _parties_named(self, p: ParagraphView, stop: int) -> list[str]:
        """The parties the paragraph names before token `stop`, in text order. Letters alone
        ("D", "R") are left out: they name a party only next to a name."""
        out: list[str] = []
        t = p.tokens
        for j in range(stop):
            hit = party_ending(t, j, self.v) if t[j].capitalised and not p.quoted[j] else None
            if hit is None or (j == hit[1] and len(t[j].bare) < 2):
                continue
            longer = party_ending(t, j + 1, self.v) if j + 1 < stop else None
            if longer is None or longer[1] > hit[1]:  # "Social Democratic Party" counts once
                out.append(hit[0])
        return out

    def _party_of_party_word(self, p: ParagraphView, first: int) -> str | None:
        """ "his party leader Ana Paz", "Green party colleague Ana Paz": a title after the word
        "party" is held in the party named right before that word or, failing that, in the one
        the text named last (this paragraph first, then the ones before)."""
        t = p.tokens
        k = first - 1
        if k < 0 or t[k].text.casefold() != "party" or not t[k].text.islower():
            return None
        hit = party_ending(t, k - 1, self.v)
        if hit is not None:
            return hit[0]
        before = self._parties_named(p, k)
        return before[-1] if before else self.last_party

    def _party_nouns(self, p: ParagraphView, claimed: set[int]) -> None:
        """ "the FDP man Jonas Kern", "Green politician Ana Paz": a party and a noun for one of
        its people (config `party_person_nouns`) before a name give that name the party."""
        t = p.tokens
        for i in range(1, len(t) - 1):
            if t[i].text.casefold() not in self.party_nouns or p.quoted[i]:
                continue
            hit = party_ending(t, i - 1, self.v)
            if hit is None or any(p.blocked[x] for x in range(hit[1], i)):
                continue
            span = p.reader.forward(i + 1, skip_honorifics=False)
            if span is None or span.first != i + 1:
                continue
            known = [o for o in self.occurrences if o.span.start == span.start]
            if known:
                for o in known:
                    o.party = o.party or hit[0]
            elif not any(j in claimed for j in range(span.first, span.stop)):
                self.occurrences.append(Occurrence(span, party=hit[0]))
                claimed.update(range(span.first, span.stop))

    def _appositions(self, p: ParagraphView, claimed: set[int]) -> None:
        """ "Ana Paz, U.S. Ambassador to Chile, and Hiro Sato, Chief of Staff to the Secretary
        of State, ...", "Jonas Kern, head of the transport department, said": a full name
        followed by a role set off by commas. The role opens with a country or a title word
        (capitalised), or with a lower-case head ("head", "minister"); it holds a head word,
        names no one and has no verb. A country before the title is the person's; one after
        "to" is where they serve."""
        t = p.tokens
        for i, tok in enumerate(t):
            if tok.text != "," or i == 0 or p.quoted[i]:
                continue
            start = p.reader.backward_start(i - 1, 0)
            span = p.reader.forward(start, skip_honorifics=False) if start is not None else None
            if (
                span is None
                or span.stop != i
                or len(name_words(span.surface, self.v.suffixes)) < 2
                or self._inside_phrase(p, span)
                or any(x in self.v.not_people for x in span.parts)
                or any(x.rstrip(".").casefold() in self.v.organisations for x in span.parts)
            ):
                continue
            found = self._apposition_role(p, i + 1)
            if found is None:
                continue
            role, country, former, a, b = found
            self.refs = [r for r in self.refs if not a <= r.start < b]
            known = [o for o in self.occurrences if o.span.start == span.start]
            if known:  # a title before the name, or a role another rule read here already
                for o in known:
                    if not any(role_words(r) & role_words(role) for r in o.roles):
                        o.roles.append(role)
                        o.titled = o.titled or not former
                    o.country = o.country or country
                continue
            if any(j in claimed for j in range(span.first, span.stop)):
                continue
            self.occurrences.append(Occurrence(span, [role], country, None, former, not former))
            claimed.update(range(span.first, span.stop))

    def _apposition_role(
        self, p: ParagraphView, j: int
    ) -> tuple[str, str | None, bool, int, int] | None:
        """The role set off by commas from token `j`: (role, country, former, start, end
        offsets), or None when the words there are no role."""
        t, v = p.tokens, self.v
        n = len(t)
        if j < n and t[j].text == "the" and j + 1 < n and not t[j + 1].capitalised:
            j += 1  # "Ana Paz, the head of the agency,"
        country = None
        k = j
        while k < n and p.blocked[k]:
            k += 1
        if k > j:
            hit = next((c for c in p.countries if c.start <= t[j].start < c.end), None)
            if hit is None or hit.kind not in {"name", "alias", "demonym"}:
                return None
            country = hit.country
        former = False
        if k < n and _fold_word(t[k].text) in v.former:
            former = True
            k += 1
        first = k
        e = k
        head = False
        while e < n and e - first <= 14:
            x = t[e]
            w = x.text.casefold()
            if x.text in {".", ";", ")", "(", "—", "–", ":", "“", "”", '"'} or p.quoted[e]:
                break
            if x.text == ",":
                nxt = t[e + 1] if e + 1 < n else None
                if nxt is None or not (p.blocked[e + 1] or v.is_title_word(nxt.text)):
                    break
            elif w in self.apposition_heads or _fold_word(x.text) in v.heads:
                head = True
            elif (
                w in _NOT_IN_ROLES or w in self.reporting or (w.endswith("ed") and x.text.islower())
            ):
                return None
            e += 1
        if not head or e == first or e - first > 14:
            return None
        w0 = t[first].text
        if w0[:1].isupper():
            if not v.is_title_word(w0) and _fold_word(w0) not in v.heads:
                return None
        elif w0.casefold() not in self.apposition_heads and not (
            v.is_title_word(w0) and first + 1 < e and t[first + 1].text.casefold() in v.heads
        ):
            return None
        if any(ph.name is not None and first <= ph.last < e for ph in p.phrases):
            return None  # "Ana Paz, Defense Minister Hiro Sato": a list of people
        last = e - 1
        # "Minister of Finance of Chile": a country that ends the role is the person's
        if last - 1 > first and p.blocked[last]:
            c = next((c for c in p.countries if c.start <= t[last].start < c.end), None)
            b = last
            while b > first and p.blocked[b - 1]:
                b -= 1
            b2 = b - 1 if t[b - 1].text == "the" else b
            if c is not None and t[b2 - 1].text == "of":
                country = country or c.country
                last = b2 - 2
        if last < first:
            return None
        text = p.paragraph.text[
            t[first].start - p.paragraph.start : t[last].end - p.paragraph.start
        ]
        return " ".join(text.split()), country, former, t[j].start, t[e - 1].end

    def _same_surname_pair(self, p: ParagraphView, named: dict[int, Occurrence]) -> None:
        """ "President Ruiz and First Lady Ana Ruiz": two titles joined by "and", each before
        its own name, one a bare surname and the other a full name with that surname, are two
        people of one family; the bare surname is kept apart from the full name."""
        t = p.tokens
        firsts = sorted(named)
        for ka, kb in pairwise(firsts):
            a, b = named[ka], named[kb]
            if [x.text for x in t[a.span.stop : kb]] not in (["and"], [",", "and"]):
                continue
            (n_one, one), (n_full, _) = sorted(
                ((name_words(o.span.surface, self.v.suffixes), o) for o in (a, b)),
                key=lambda x: len(x[0]),
            )
            if len(n_one) != 1 or len(n_full) < 2 or n_one[0] != n_full[-1]:
                continue
            if role_words(" ".join(a.roles)) != role_words(" ".join(b.roles)):
                one.distinct = True

    @staticmethod
    def _coordinated(p: ParagraphView) -> dict[int, int]:
        """Titles joined to a titled name by "and": "Deputy Prime Minister and Minister of
        Defence Richard Marles" gives Marles both. Nameless phrase index -> named phrase index."""
        phrases, t = p.phrases, p.tokens
        links: dict[int, int] = {}
        for idx, ph in enumerate(phrases):
            if ph.name is None:
                continue
            j = idx
            while j > 0:
                prev, cur = phrases[j - 1], phrases[j]
                gap = [x.text for x in t[prev.last + 1 : cur.first]]
                if prev.name is not None or gap not in (["and"], [",", "and"]):
                    break
                if prev.first > 0 and t[prev.first - 1].text.casefold() == "the":
                    break  # "The Secretary and Minister Singh" are two people
                links[j - 1] = idx
                j -= 1
        return links

    def _bare_title(
        self,
        p: ParagraphView,
        ph: RolePhrase,
        named: dict[int, Occurrence],
        chain: list[RolePhrase] | None = None,
    ) -> bool:
        """A title with no name after it: an apposition, or a role reference.

        With `chain` (titles joined to this one by "and"), only an apposition is read, and it
        gets every title of the chain; True when it found a name.
        """
        t = p.tokens
        nxt = ph.last + 1
        lead = chain[0] if chain else ph
        roles = [c.text for c in chain or ()] + [ph.text]
        country = ph.country or next((c.country for c in chain or () if c.country), None)
        party = ph.party or next((c.party for c in chain or () if c.party), None)
        # "his Australian counterpart, Deputy Prime Minister ... Richard Marles,": the country
        if not chain and nxt + 1 < len(t) and t[nxt].text == "," and (nxt + 1) in named:
            occ = named[nxt + 1]
            occ.country = occ.country or ph.country
            return True
        follows_ok = (
            nxt >= len(t)
            or t[nxt].text in {",", ".", ";", "(", ")", "—", "–", ":"}
            or (t[nxt].text in {"and", "who", "said", "says"})
        )
        # "Richard Marles, who also serves as defense minister," / "Olaf Scholz, the chancellor,"
        k = lead.first - 1
        if k >= 0 and t[k].text in {"the", "a", "an"}:
            k -= 1
        if k >= 0 and t[k].text == "as":
            k -= 1
            while k >= 0 and t[k].text in {"serves", "is", "also", "currently", "now"}:
                k -= 1
        if k >= 0 and t[k].text == "who":
            k -= 1
        if follows_ok and k >= 1 and t[k].text == "," and not ph.former:
            start = p.reader.backward_start(k - 1, 0)
            span = p.reader.forward(start, skip_honorifics=False) if start is not None else None
            if span is not None and span.stop == k:
                self.occurrences.append(Occurrence(span, roles, country, party, False, True))
                return True
        # "the German chancellor, Olaf Scholz,", "the Minister of Defence, H.E. Mr. Gen Ito,"
        before = t[lead.first - 1].text if lead.first > 0 else ""
        # "The deputy parliamentary group leader of the SPD, Ana Paz,": the determiner may
        # stand a few lower-case words before the title, and those words belong to the role.
        d = self._determiner_before(p, lead.first)
        determiner = d is not None
        if d is not None and d + 1 < lead.first:
            roles[0] = " ".join(x.text for x in t[d + 1 : lead.first]) + " " + roles[0]
        k = nxt + 1
        if k < len(t) and t[k].text == "the":
            k += 1
        honoured = k < len(t) and p.reader.is_honorific(k)
        if nxt + 1 < len(t) and t[nxt].text == ",":
            span = p.reader.forward(k, skip_honorifics=True)
            stop = t[span.stop].text if span is not None and span.stop < len(t) else ""
            # "European Union High Representative for Trade, Ana Paz Vidal.": a capitalised
            # title set off by commas before a full name is that person's title
            capital = ph.capital and stop in {"", ",", ".", ";"}
            if (
                (determiner or t[lead.first].possessive or (honoured and ph.capital) or capital)
                and span is not None
                and len(span.parts) >= (1 if honoured else 2)
                and (
                    span.stop >= len(t)
                    or stop in {",", ".", ";", "and", "in", "at", "on", "of"}
                    or stop.isupper()  # post-nominals: "Philip Hammond MP"
                )
            ):
                self.occurrences.append(
                    Occurrence(span, roles, country, party, ph.former, not ph.former)
                )
                return True
        if chain:
            return False
        possessive = ph.first < len(t) and t[ph.first].possessive and ph.country is not None
        if before.casefold() == "the" or possessive:
            start = t[ph.first - 1].start if before.casefold() == "the" else ph.start
            self.refs.append(RoleRef(ph, start, quoted=p.quoted[ph.first]))
            return False
        # "the SPD politician", "the Green minister": a member of that party
        party = self.v.party_of(before) if before else None
        if party and ph.first >= 2 and t[ph.first - 2].text.casefold() == "the":
            self.refs.append(
                RoleRef(ph, t[ph.first - 2].start, quoted=p.quoted[ph.first], member_of=party[0])
            )
        return False

    @staticmethod
    def _determiner_before(p: ParagraphView, first: int) -> int | None:
        """The determiner ("the", "his" ...) before a title, over up to four lower-case words
        ("the deputy parliamentary group leader"), or None."""
        t = p.tokens
        k = first - 1
        while k >= 0 and first - k <= 5:
            w = t[k].text
            if w.casefold() in _DETERMINERS:
                return k
            if not (w.isalpha() and w.islower()) or w in _PHRASE_END or p.blocked[k]:
                return None
            k -= 1
        return None

    def _parentheses(
        self, p: ParagraphView, by_last: dict[int, RolePhrase], claimed: set[int]
    ) -> None:
        """ "Robert Habeck (Vice Chancellor and Economy, Greens)", "The Chancellor (SPD)"."""
        t = p.tokens
        for i, tok in enumerate(t):
            if tok.text != "(" or i == 0:
                continue
            close = next((j for j in range(i + 1, min(i + 30, len(t))) if t[j].text == ")"), None)
            if close is None:
                continue
            inner = p.paragraph.text[
                tok.end - p.paragraph.start : t[close].start - p.paragraph.start
            ]
            roles, party, country = self._paren_items(inner)
            if party is None and not roles:
                continue
            label = party_ending(t, i - 1, self.v)
            if label is not None and party is not None and label[0] == party and not roles:
                # "Christian Democrat (CDU) Lena Vogt": the bracket spells out a party's name,
                # it tells nothing about a person; a name right after it is that party's.
                span = p.reader.forward(close + 1, skip_honorifics=False)
                if (
                    span is not None
                    and span.first == close + 1
                    and len(span.parts) >= 2
                    and not any(j in claimed for j in range(span.first, span.stop))
                ):
                    self.occurrences.append(Occurrence(span, [], country, party))
                    claimed.update(range(span.first, span.stop))
                continue
            ph = by_last.get(i - 1)
            if ph is not None and ph.name is None:
                before = t[ph.first - 1].text if ph.first > 0 else ""
                if before.casefold() == "the" and party:
                    start = t[ph.first - 1].start
                    self.refs = [r for r in self.refs if r.phrase is not ph]
                    self.refs.append(RoleRef(ph, start, party, p.quoted[ph.first]))
                continue
            start = p.reader.backward_start(i - 1, 0)
            if start is None:
                continue
            span = p.reader.forward(start, skip_honorifics=False)
            if span is None or span.stop != i:
                continue
            if party is None and len(span.parts) < 2:
                continue
            self.occurrences.append(Occurrence(span, roles, country, party, False, bool(roles)))
            claimed.update(range(span.first, span.stop))

    def _paren_items(self, inner: str) -> tuple[list[str], str | None, str | None]:
        roles: list[str] = []
        party = country = None
        for raw in re.split(r"[,;]", inner):
            item = " ".join(raw.split())
            if not item:
                continue
            hit = self.v.party_of(item)
            if hit is not None:
                party = party or hit[0]
                country = country or hit[1]
                continue
            words = re.findall(r"[^\W\d_][\w-]*", item)
            if not words or len(words) > 8:
                return [], None, None
            if all(self.v.is_title_word(w) or w in {"and", "of", "for", "the"} for w in words):
                roles.extend(self._split_roles(item))
                continue
            return [], None, None  # something else in the parenthesis: not a person's details
        return roles, party, country

    def _split_roles(self, item: str) -> list[str]:
        """ "Vice Chancellor and Economy" → two roles; "Economy, Trade and Industry" stays one."""
        parts = item.split(" and ")
        if len(parts) == 2 and parts[0].split()[-1].casefold() in self.v.heads:
            return [parts[0].strip(), parts[1].strip()]
        return [item]

    def _predecessors(self, p: ParagraphView, claimed: set[int]) -> None:
        """ "his predecessors, Angela Merkel (CDU) and Gerhard Schröder (SPD)": former people."""
        t = p.tokens
        nouns = {w.casefold() for w in self.lexicon.word_list("predecessor_nouns")}
        for i, tok in enumerate(t):
            if tok.text.casefold() not in nouns:
                continue
            role = tok.text[:-1] if tok.text.endswith("s") else tok.text
            k = i + 1
            while k < len(t) and t[k].text in {",", ":"}:
                k += 1
            while k < len(t):
                span = p.reader.forward(k)
                if span is None:
                    break
                self.occurrences.append(Occurrence(span, [role], None, None, True, False))
                claimed.update(range(span.first, span.stop))
                k = span.stop
                if k < len(t) and t[k].text == "(":
                    k = next((j + 1 for j in range(k, min(k + 30, len(t))) if t[j].text == ")"), k)
                if k < len(t) and t[k].text == ",":
                    k += 1
                if k < len(t) and t[k].text in {"and", "or"}:
                    k += 1
                elif k > 0 and t[k - 1].text != ",":
                    break

    def _honorifics_and_initials(self, p: ParagraphView, claimed: set[int]) -> None:
        """ "Ms. Baerbock", "George W. Bush": shapes only a person's name has."""
        t = p.tokens
        r = p.reader
        i = 0
        while i < len(t):
            if i in claimed:
                i += 1
                continue
            span = None
            if r.is_honorific(i) and t[i].text.rstrip(".").casefold() in self.v.honorifics:
                span = r.forward(i)
            elif r.is_honorific(i) and t[i].text.casefold() in self.v.rank_nouns:
                cand = r.forward(i)  # "Admiral Antony Radakin", not "General Motors"
                if cand is not None and len(name_words(cand.surface, self.v.suffixes)) >= 2:
                    span = cand
            elif r.is_name_word(i) and (i == 0 or not r.is_name_word(i - 1)):
                cand = r.forward(i, skip_honorifics=False)
                if cand is not None and any(
                    len(x) == 2 and x.endswith(".") for x in cand.parts[1:-1]
                ):
                    span = cand
            if span is not None and not any(j in claimed for j in range(span.first, span.stop)):
                occ = Occurrence(span)
                if len(span.parts) == 1 and span.first > i and self._paired(p, i, span):
                    # "President Ito and Dr. Ito": the honorific is all that tells her apart
                    honorific = t[i].text + ("." if r.is_initial(i) or self._dot(p, i) else "")
                    occ = Occurrence(replace(span, parts=(honorific, *span.parts)), distinct=True)
                self.occurrences.append(occ)
                claimed.update(range(span.first, span.stop))
                i = span.stop
                continue
            i += 1

    @staticmethod
    def _dot(p: ParagraphView, i: int) -> bool:
        t = p.tokens
        return i + 1 < len(t) and t[i + 1].text == "." and t[i + 1].start == t[i].end

    @staticmethod
    def _paired(p: ParagraphView, i: int, span: NameSpan) -> bool:
        """Whether an honorific and surname at token `i` follow "<same surname> and": two
        people of one family named side by side ("the President Ito and Mrs. Ito")."""
        t = p.tokens
        return i >= 2 and t[i - 1].text == "and" and t[i - 2].bare == span.parts[-1]

    def _full_names(self, p: ParagraphView, claimed: set[int]) -> None:
        """Name-shaped phrases of two or three words ("met Hiro Sato"): people only if their
        last word also stands alone somewhere (see `confirm_full_names`)."""
        t = p.tokens
        r = p.reader
        i = 0
        listed = -1  # where a list of names introduced by a person noun goes on
        list_country: str | None = None
        while i < len(t):
            if i in claimed or not r.is_name_word(i) or (i > 0 and t[i - 1].capitalised):
                i += 1
                continue
            span = r.forward(i, skip_honorifics=False)
            if span is None or span.first != i:
                i += 1
                continue
            words = name_words(span.surface, self.v.suffixes)
            stop = span.stop
            clean = (
                2 <= len(words) <= 3
                and not (
                    stop < len(t) and t[stop].capitalised and t[stop].start - t[stop - 1].end == 1
                )
                and not any(w.casefold() in self.v.organisations for w in words)
                and not any(p.quoted[j] for j in range(span.first, span.stop))
            )
            of_country = self._country_after(p, stop)
            fam = family_first(span.surface, self.v) if clean else None
            if fam and fam.casefold() in self.v.family_names and "-" in span.parts[-1]:
                # "Kim Sung-ho": a listed family name and a hyphenated syllabic given name are
                # a person's name in any sentence
                self.occurrences.append(Occurrence(span))
                claimed.update(range(span.first, span.stop))
            elif clean and self._party_after(p, stop):  # "met Lars Berg, a Social Democrat,"
                self.occurrences.append(Occurrence(span))
                claimed.update(range(span.first, span.stop))
            elif clean and (of_country or self._meeting(p, span.first, stop)):
                # "Annalena Baerbock of Germany", "met with Hiro Sato", "Hiro Sato hosted"
                self.occurrences.append(Occurrence(span, country=of_country))
                claimed.update(range(span.first, span.stop))
            elif clean and (span.first == listed or self._introduced(p, span.first)):
                # "the jailed journalists Hiro Sato and Ana Paz", "the health of Ana Paz"
                if span.first != listed:
                    list_country = self._demonym_before(p, span.first)
                self.occurrences.append(Occurrence(span, country=list_country))
                claimed.update(range(span.first, span.stop))
                if stop < len(t) and t[stop].text in {",", "and"}:
                    listed = stop + (2 if stop + 1 < len(t) and t[stop + 1].text == "and" else 1)
            elif clean:
                self.candidates.append(span)
            i = max(stop, i + 1)
        for k, tok in enumerate(t):
            if r.is_name_word(k) and not (
                k > 0 and (t[k - 1].capitalised or t[k - 1].text == "the")
            ):
                nxt = t[k + 1] if k + 1 < len(t) else None
                if nxt is None or not (nxt.capitalised and nxt.start - tok.end == 1):
                    self.alone.setdefault(tok.bare, []).append(tok.start)

    def _introduced(self, p: ParagraphView, first: int) -> bool:
        """Whether a noun that only people take comes right before a name: "citizens Ana Paz",
        "the jailed critic Ana Paz", "the health of Ana Paz", "the release of Ana Paz"."""
        t = p.tokens
        if first < 1:
            return False
        word = t[first - 1].text.casefold()
        if word in self.person_nouns:
            return True
        return (
            word == "of"
            and first >= 3
            and t[first - 2].text.casefold() in self.person_of_nouns
            and t[first - 3].text.casefold() in {"the", "his", "her", "their"}
        )

    @staticmethod
    def _demonym_before(p: ParagraphView, first: int) -> str | None:
        """ "American citizens Ana Paz": the country of the nationality before a person noun."""
        k = first - 2
        if k < 0 or not p.blocked[k] or p.tokens[k].possessive:
            return None
        tok = p.tokens[k]
        hit = next((c for c in p.countries if c.start <= tok.start < c.end), None)
        return hit.country if hit is not None and hit.kind == "demonym" else None

    def _meeting(self, p: ParagraphView, first: int, stop: int) -> bool:
        """Whether a meeting verb stands right before or after a name ("met with Hiro Sato",
        "Hiro Sato hosted"): places and companies are visited and signed with, people met."""
        t = p.tokens
        # As an object the name ends its noun phrase ("met with Standard Chartered executives"
        # is about the executives); as a subject it does not host or welcome (places do).
        ends = stop >= len(t) or t[stop].text in _PHRASE_END
        for phrase in self.meeting:
            n = len(phrase)
            before = [x.text.casefold() for x in t[max(0, first - n) : first]]
            after = [x.text.casefold() for x in t[stop : stop + n]]
            if (before == phrase and ends) or (after == phrase and phrase[0] not in _HOSTING):
                return True
        return False

    def confirm_full_names(self) -> None:
        """Keep the name-shaped phrases whose surname also appears alone: "Sato agreed", or
        "Choi" for a family-first "Choi Min Jun"."""
        known = {o.span.start for o in self.occurrences}
        for span in self.candidates:
            last = name_words(span.surface, self.v.suffixes)[-1]
            fam = family_first(span.surface, self.v)
            elsewhere = [
                pos
                for word in (last, fam)
                if word
                for pos in self.alone.get(word, ())
                if not span.start <= pos < span.end
            ]
            if elsewhere and span.start not in known:
                self.occurrences.append(Occurrence(span))
                known.add(span.start)

    @staticmethod
    def _inside_phrase(p: ParagraphView, span: NameSpan) -> bool:
        """Whether a capitalised word runs into the name ("General Motors said"): then the name
        is the tail of a longer proper noun, not a person."""
        k = span.first - 1
        if k < 0:
            return False
        tok, v = p.tokens[k], p.reader.v
        word = tok.text.casefold()
        return (
            tok.capitalised
            and not tok.possessive
            and p.tokens[span.first].start - tok.end == 1
            and word not in v.heads
            and word not in v.not_names
        )

    def _reporting_verbs(self, p: ParagraphView, claimed: set[int]) -> None:
        """ "said Scholz", "Austin said": the name next to a reporting verb is a speaker."""
        t = p.tokens
        r = p.reader
        starts = [tok.start for tok in t]
        base = p.paragraph.start
        inverted = set(self.lexicon.word_list("inverted_reporting_verbs"))
        for m in verb_re(self.lexicon).finditer(p.paragraph.text):
            i = bisect.bisect_left(starts, m.start() + base)
            if i >= len(t) or p.quoted[i]:
                continue
            j = bisect.bisect_left(starts, m.end() + base)
            cands: list[NameSpan] = []
            # An inverted verb follows a quotation or a comma ("…,” said Ito", ", added
            # Ito"); elsewhere "noted Baltic concerns" names no speaker.
            after_quote = i > 0 and t[i - 1].text in {",", "”", '"', "’", "—", "–", ":"}
            if m.group(0) in inverted and after_quote and j < len(t) and j not in claimed:
                span = r.forward(j, skip_honorifics=False)
                if span is not None and span.first == j:
                    cands.append(span)
            if i > 0 and (i - 1) not in claimed:
                start = r.backward_start(i - 1, 0)
                span = r.forward(start, skip_honorifics=False) if start is not None else None
                # "the Nikkei said", "the Kremlin said": a name after "the" is an institution
                the = span is not None and span.first > 0 and t[span.first - 1].text in THE
                if (
                    span is not None
                    and span.stop == i
                    and not self._inside_phrase(p, span)
                    and not the
                ):
                    cands.append(span)
            for span in cands:
                if any(x in self.v.not_people for x in span.parts) or any(
                    x.rstrip(".").casefold() in self.v.organisations for x in span.parts
                ):
                    continue
                self.occurrences.append(Occurrence(span, spoke=True))
                claimed.update(range(span.first, span.stop))
