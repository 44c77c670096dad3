"""People named in a document, and the register that resolves later mentions to them.

Evidence that a capitalised phrase is a person: a title before it ("Defense Minister Boris
Pistorius"), a parenthesis with a party or portfolio after it ("Robert Habeck (Vice Chancellor
and Economy, Greens)"), an honorific ("Ms. Baerbock"), a middle initial ("Lloyd J. Austin"), a
reporting verb next to it ("said Scholz"), a predecessor list ("his predecessors, Angela Merkel
(CDU) and ..."), an apposition ("Marles, who also serves as defense minister,"). Every piece of
evidence is an occurrence; occurrences with the same surname and compatible given names make
one person. The register then finds every later mention: surnames and full names, role
references ("the Chancellor", "the secretary", "Japan's prime minister") and pronouns, so quotes
and commitments can ask who a mention at a given offset is.

A role reference to a head of government whom the document never names ("said the
Chancellor", "The Chancellor (SPD)") goes to the most-mentioned person who has no title yet:
in a report about a visit, the untitled person everyone quotes is the one the title belongs to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from bot.extract.countries import CountryMention, find_countries
from bot.extract.lexicon import Lexicon
from bot.extract.names import (
    NameReader,
    NameSpan,
    Token,
    Vocab,
    display_name,
    family_first,
    name_words,
    surname,
    tokenize,
    vocab,
)
from bot.extract.text import Paragraph, Sentence, quote_spans
from bot.extract.titles import RolePhrase, TitleFinder, role_words
from bot.models import Document, Person, Source
from bot.seeds import slugify

#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_REACH = 4


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text refers to a person: by name, by role, or by pronoun."""

    person: int  # index into PeopleRegister.people
    start: int
    end: int
    kind: str  # "name", "role" or "pronoun"
    text: str
    in_quote: bool = False


@dataclass(frozen=True)
class PeopleRegister:
    """The people of one document and a way to resolve a mention to one of them."""

    people: tuple[Person, ...] = ()
    all_mentions: tuple[Mention, ...] = field(default=(), repr=False, compare=False)
    lexicon: Lexicon | None = field(default=None, repr=False, compare=False)
    aliases: Mapping[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)
    mention_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def person(self, person_id: str) -> Person | None:
        """The person with this id, if the document names them."""
        return next((p for p in self.people if p.id == person_id), None)

    def mention_spans(self, start: int, end: int) -> list[Mention]:
        """Mentions that start between two body offsets, in text order."""
        starts = self.mention_starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return list(self.all_mentions[lo:hi])

    def mentions(self, start: int, end: int) -> list[tuple[Person, int]]:
        """People mentioned between two body offsets, with the offset of each mention."""
        return [(self.people[m.person], m.start) for m in self.mention_spans(start, end)]

    def resolve(self, mention: str, position: int) -> Person | None:
        """The person a mention ("Scholz", "the Chancellor", "he") at body offset refers to."""
        text = mention.strip().strip(",.;:!?\"“”'’").strip()
        if not text or self.lexicon is None:
            return None
        for m in self.mention_spans(position, position + max(len(mention), 1)):
            if m.text.casefold() in text.casefold() or text.casefold() in m.text.casefold():
                return self.people[m.person]
        v = vocab(self.lexicon)
        if text.casefold() in v.pronouns:
            idx = self._antecedent(position)
            return self.people[idx] if idx is not None else None
        idx = self._by_name(text, v)
        if idx is None:
            idx = self._by_role(text, position)
        return self.people[idx] if idx is not None else None

    def _by_name(self, text: str, v: Vocab) -> int | None:
        tokens = tokenize(text)
        reader = NameReader(tokens, [False] * len(tokens), v)
        for i in range(len(tokens)):
            if reader.is_name_word(i):
                span = reader.forward(i)
                if span is None:
                    continue
                for key in (span.surface, display_name(span.parts, v.suffixes)):
                    hit = self.aliases.get(key.casefold())
                    if hit:
                        return hit[0]
                hit = self.aliases.get(surname(span.surface, v).casefold())
                if hit:
                    return hit[0]
        return None

    def _by_role(self, text: str, position: int) -> int | None:
        assert self.lexicon is not None
        ref = parse_role_reference(text, self.lexicon)
        if ref is None:
            return None
        words, country = ref
        cands = _role_candidates(self.people, words, country, vocab(self.lexicon).distinct)
        if not cands:
            return None
        before = [m for m in self.mention_spans(0, position) if m.person in cands]
        if before:
            return before[-1].person
        return min(cands)

    def _antecedent(self, position: int) -> int | None:
        """The person a pronoun at `position` stands for (see _resolve_pronouns)."""
        starts = [s for s, _ in self.sentences]
        si = bisect.bisect_right(starts, position) - 1
        for back in range(PRONOUN_REACH + 1):
            k = si - back
            if k < 0:
                break
            s, e = self.sentences[k]
            hi = position if back == 0 else e
            cands = [m for m in self.mention_spans(s, hi) if not m.in_quote]
            if cands:
                return cands[0].person
        return None


def parse_role_reference(text: str, lexicon: Lexicon) -> tuple[frozenset[str], str | None] | None:
    """The title words and country of a role reference ("Japan's prime minister"), or None."""
    v = vocab(lexicon)
    country = None
    rest = text
    for c in find_countries(text, lexicon):
        country = country or c.country
        rest = rest.replace(c.text + "'s", " ").replace(c.text + "’s", " ").replace(c.text, " ")
    words = role_words(rest) - {"the", "a", "an", "his", "her", "its", "their"}
    if not words or not any(w in v.heads for w in words):
        return None
    return words, country


def _role_candidates(
    people: tuple[Person, ...] | list[_Draft],
    words: frozenset[str],
    country: str | None,
    distinct: frozenset[str],
) -> list[int]:
    """People whose roles contain every word of a role reference.

    "the secretary" fits "Secretary of Defense", but "the chancellor" does not fit "Vice
    Chancellor": the `distinct` modifiers (vice, deputy, prime ...) name another office.
    """
    out = []
    for i, p in enumerate(people):
        if country and p.country and p.country != country:
            continue
        for role in p.roles:
            rw = role_words(role)
            if words <= rw and not (rw - words) & distinct:
                out.append(i)
                break
    return out


# --- evidence -----------------------------------------------------------------------------


@dataclass
class _Occurrence:
    """One piece of evidence that a name is a person, with what it says about them."""

    span: NameSpan
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    party: str | None = None
    former: bool = False
    titled: bool = False  # the evidence gives a current title
    gender: str | None = None  # "m" or "f" when an honorific says so ("Ms. Rossi")
    weak: bool = False  # read in a title-case heading: joins a known person or nobody


@dataclass(frozen=True)
class _Ref:
    """A role reference in the text: "the Chancellor", "Japan's prime minister", "the SPD
    politician" (`member_of` the SPD), "The Chancellor (SPD)" (`party` told in brackets)."""

    phrase: RolePhrase
    start: int
    party: str | None = None
    quoted: bool = False
    member_of: str | None = None


@dataclass
class _Draft:
    """A person while the document is read: mutable, turned into a frozen Person at the end."""

    parts: tuple[str, ...]
    first_pos: int
    surfaces: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    party: str | None = None
    party_country: str | None = None
    titled: bool = False
    former_evidence: bool = False
    role_aliases: list[str] = field(default_factory=list)
    gender: str | None = None

    @property
    def former(self) -> bool:
        return self.former_evidence and not self.titled

    def add_role(self, role: str, heads: frozenset[str]) -> None:
        """Add a role in the document's wording; a bare "Minister" adds nothing to "Minister of
        Defense", and a fuller title replaces a bare one."""
        role = " ".join(role.split())
        if not role or role.casefold() in {r.casefold() for r in self.roles}:
            return
        words = role_words(role)

        def bare(ws: frozenset[str]) -> bool:
            return len(ws) == 1 and next(iter(ws)) in heads

        if bare(words) and any(words < role_words(r) for r in self.roles):
            return
        self.roles = [r for r in self.roles if not (bare(role_words(r)) and role_words(r) < words)]
        self.roles.append(role)

    def absorb(self, occ: _Occurrence, heads: frozenset[str]) -> None:
        if not occ.weak:
            if len(occ.span.parts) > len(self.parts):
                self.parts = occ.span.parts
            self.surfaces.append(occ.span.surface)
        self.first_pos = min(self.first_pos, occ.span.start)
        for r in occ.roles:
            self.add_role(r, heads)
        self.country = self.country or occ.country
        if occ.party and not self.party:
            self.party = occ.party
        self.titled = self.titled or occ.titled
        self.former_evidence = self.former_evidence or occ.former
        self.gender = self.gender or occ.gender


@lru_cache(maxsize=16)
def verb_re(lexicon: Lexicon, key: str = "reporting_verbs") -> re.Pattern[str]:
    """One alternation of a verb list, longest first, whole words, case as written."""
    verbs = sorted(lexicon.word_list(key), key=len, reverse=True)
    if not verbs:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b")


@dataclass
class _Para:
    """A paragraph read for people: tokens, country flags, quote flags and titles."""

    paragraph: Paragraph
    tokens: list[Token]
    blocked: list[bool]
    quoted: list[bool]
    countries: list[CountryMention]
    quotes: list[tuple[int, int]]
    phrases: list[RolePhrase]
    reader: NameReader


def _flags(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside one of the (sorted) spans: one linear pass."""
    out = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] <= tok.start < spans[k][1])
    return out


def _read_paragraph(body: str, para: Paragraph, lexicon: Lexicon, v: Vocab) -> _Para:
    tokens = tokenize(para.text, para.start)
    countries = [
        CountryMention(c.country, c.start + para.start, c.end + para.start, c.kind, c.text)
        for c in find_countries(para.text, lexicon)
    ]
    blocked = _flags(tokens, [(c.start, c.end) for c in countries])
    quotes = [(q.start, q.end) for q in quote_spans(body, para)]
    quoted = _flags(tokens, quotes)
    phrases = TitleFinder(tokens, blocked, countries, v).find()
    return _Para(
        para, tokens, blocked, quoted, countries, quotes, phrases, NameReader(tokens, blocked, v)
    )


class _Collector:
    """Reads every paragraph for evidence of people and for role references."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.v = vocab(lexicon)
        self.occurrences: list[_Occurrence] = []
        self.candidates: list[NameSpan] = []  # name-shaped phrases awaiting confirmation
        self.alone: dict[str, list[int]] = {}  # capitalised words standing alone -> offsets
        # role references: (phrase, offset, party in a parenthesis after it, inside a quote)
        self.refs: list[_Ref] = []

    def read(self, p: _Para) -> None:
        start = len(self.occurrences)
        self._read(p)
        for occ in self.occurrences[start:]:
            occ.weak = p.paragraph.heading
            occ.gender = occ.gender or self._honorific_gender(p, occ.span.first)
            rank = p.reader.rank_role(occ.span.first)
            if rank and rank.casefold() not in {r.casefold() for r in occ.roles}:
                occ.roles.append(rank)
                occ.titled = occ.titled or not occ.former

    def _honorific_gender(self, p: _Para, first: int) -> str | None:
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

    def _read(self, p: _Para) -> None:
        claimed: set[int] = set()  # tokens already read as part of a name
        phrases = p.phrases
        by_last = {ph.last: ph for ph in phrases}
        links = self._coordinated(p)
        named: dict[int, _Occurrence] = {}  # first token of a titled name's phrase chain -> it
        for idx, ph in enumerate(phrases):
            if ph.name is None:
                continue
            chain = [phrases[k] for k in sorted(k for k, v in links.items() if v == idx)]
            roles = [c.text for c in chain] + [ph.text]
            country = ph.country or next((c.country for c in chain if c.country), None)
            occ = _Occurrence(ph.name, roles, country, None, ph.former, not ph.former)
            self.occurrences.append(occ)
            claimed.update(range(ph.name.first, ph.name.stop))
            named[(chain[0] if chain else ph).first] = occ
        for idx, ph in enumerate(phrases):
            if ph.name is None and idx not in links:
                self._bare_title(p, ph, named)
        self._parentheses(p, by_last, claimed)
        self._predecessors(p, claimed)
        self._honorifics_and_initials(p, claimed)
        self._reporting_verbs(p, claimed)
        self._full_names(p, claimed)

    @staticmethod
    def _coordinated(p: _Para) -> dict[int, int]:
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

    def _bare_title(self, p: _Para, ph: RolePhrase, named: dict[int, _Occurrence]) -> None:
        """A title with no name after it: an apposition, or a role reference."""
        t = p.tokens
        nxt = ph.last + 1
        # "his Australian counterpart, Deputy Prime Minister ... Richard Marles,": the country
        if nxt + 1 < len(t) and t[nxt].text == "," and (nxt + 1) in named:
            occ = named[nxt + 1]
            occ.country = occ.country or ph.country
            return
        follows_ok = (
            nxt >= len(t)
            or t[nxt].text in {",", ".", ";", "(", ")", "—", "–", ":"}
            or (t[nxt].text in {"and", "who", "said", "says"})
        )
        # "Richard Marles, who also serves as defense minister," / "Olaf Scholz, the chancellor,"
        k = ph.first - 1
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
                self.occurrences.append(_Occurrence(span, [ph.text], ph.country, None, False, True))
                return
        # "the German chancellor, Olaf Scholz,", "the Minister of Defence, H.E. Mr. Gen Ito,"
        before = t[ph.first - 1].text if ph.first > 0 else ""
        determiner = before.casefold() in {"the", "his", "her", "their", "its"}
        k = nxt + 1
        if k < len(t) and t[k].text == "the":
            k += 1
        honoured = k < len(t) and p.reader.is_honorific(k)
        if (
            (determiner or t[ph.first].possessive or (honoured and ph.capital))
            and nxt + 1 < len(t)
            and t[nxt].text == ","
        ):
            span = p.reader.forward(k, skip_honorifics=True)
            if (
                span is not None
                and len(span.parts) >= (1 if honoured else 2)
                and (
                    span.stop >= len(t)
                    or t[span.stop].text in {",", ".", ";", "and", "in", "at", "on", "of"}
                    or t[span.stop].text.isupper()  # post-nominals: "Philip Hammond MP"
                )
            ):
                self.occurrences.append(
                    _Occurrence(span, [ph.text], ph.country, None, ph.former, not ph.former)
                )
                return
        possessive = ph.first < len(t) and t[ph.first].possessive and ph.country is not None
        if before.casefold() == "the" or possessive:
            start = t[ph.first - 1].start if before.casefold() == "the" else ph.start
            self.refs.append(_Ref(ph, start, quoted=p.quoted[ph.first]))
            return
        # "the SPD politician", "the Green minister": a member of that party
        party = self.v.party_of(before) if before else None
        if party and ph.first >= 2 and t[ph.first - 2].text.casefold() == "the":
            self.refs.append(
                _Ref(ph, t[ph.first - 2].start, quoted=p.quoted[ph.first], member_of=party[0])
            )

    def _parentheses(self, p: _Para, by_last: dict[int, RolePhrase], claimed: set[int]) -> None:
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
            ph = by_last.get(i - 1)
            if ph is not None and ph.name is None:
                before = t[ph.first - 1].text if ph.first > 0 else ""
                if before.casefold() == "the" and party:
                    start = t[ph.first - 1].start
                    self.refs = [r for r in self.refs if r.phrase is not ph]
                    self.refs.append(_Ref(ph, start, party, p.quoted[ph.first]))
                continue
            start = p.reader.backward_start(i - 1, 0)
            if start is None:
                continue
            span = p.reader.forward(start, skip_honorifics=False)
            if span is None or span.stop != i:
                continue
            if party is None and len(span.parts) < 2:
                continue
            self.occurrences.append(_Occurrence(span, roles, country, party, False, bool(roles)))
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

    def _predecessors(self, p: _Para, claimed: set[int]) -> None:
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
                self.occurrences.append(_Occurrence(span, [role], None, None, True, False))
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

    def _honorifics_and_initials(self, p: _Para, claimed: set[int]) -> None:
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
                self.occurrences.append(_Occurrence(span))
                claimed.update(range(span.first, span.stop))
                i = span.stop
                continue
            i += 1

    def _full_names(self, p: _Para, claimed: set[int]) -> None:
        """Name-shaped phrases of two or three words ("met Hiro Sato"): people only if their
        last word also stands alone somewhere (see `confirm_full_names`)."""
        t = p.tokens
        r = p.reader
        i = 0
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
            of_country = (
                stop + 1 < len(t)
                and t[stop].text == "of"
                and p.blocked[stop + 1]
                and not p.blocked[stop]
            )
            if clean and of_country:  # "met with Annalena Baerbock of Germany"
                country = next(
                    c.country for c in p.countries if c.start <= t[stop + 1].start < c.end
                )
                self.occurrences.append(_Occurrence(span, country=country))
                claimed.update(range(span.first, span.stop))
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

    def confirm_full_names(self) -> None:
        """Keep the name-shaped phrases whose surname also appears alone: "Sato agreed"."""
        known = {o.span.start for o in self.occurrences}
        for span in self.candidates:
            last = name_words(span.surface, self.v.suffixes)[-1]
            elsewhere = [
                pos for pos in self.alone.get(last, ()) if not span.start <= pos < span.end
            ]
            if elsewhere and span.start not in known:
                self.occurrences.append(_Occurrence(span))
                known.add(span.start)

    @staticmethod
    def _inside_phrase(p: _Para, span: NameSpan) -> bool:
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

    def _reporting_verbs(self, p: _Para, claimed: set[int]) -> None:
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
            if m.group(0) in inverted and j < len(t) and j not in claimed:
                span = r.forward(j, skip_honorifics=False)
                if span is not None and span.first == j:
                    cands.append(span)
            if i > 0 and (i - 1) not in claimed:
                start = r.backward_start(i - 1, 0)
                span = r.forward(start, skip_honorifics=False) if start is not None else None
                if span is not None and span.stop == i and not self._inside_phrase(p, span):
                    cands.append(span)
            for span in cands:
                if any(x in self.v.not_people for x in span.parts) or any(
                    x.rstrip(".").casefold() in self.v.organisations for x in span.parts
                ):
                    continue
                self.occurrences.append(_Occurrence(span))
                claimed.update(range(span.first, span.stop))


# --- merging evidence into people ---------------------------------------------------------


def _merge_key(name: str, v: Vocab) -> str:
    """The surname a name is filed under; "Suk-yeol" and "Suk Yeol" file alike."""
    return surname(name.replace("-", " "), v).casefold()


def _compatible(a: tuple[str, ...], b: tuple[str, ...], v: Vocab) -> bool:
    """Two printed names of one person: same surname, and given names that do not clash."""
    na, nb = display_name(a, v.suffixes), display_name(b, v.suffixes)
    if na.replace("-", " ").casefold() == nb.replace("-", " ").casefold():
        return True
    if _merge_key(na, v) != _merge_key(nb, v):
        return False
    wa, wb = name_words(na, v.suffixes), name_words(nb, v.suffixes)
    if len(wa) < 2 or len(wb) < 2:
        return True
    return wa[0].casefold() == wb[0].casefold()


def _merge(occurrences: list[_Occurrence], v: Vocab) -> list[_Draft]:
    """Occurrences → people: full names first, then single words join the person whose
    surname (or, for family-first names, first word) they are. Indexed by surname, so the
    cost grows with the number of occurrences, not with people × occurrences."""
    drafts: list[_Draft] = []
    by_surname: dict[str, list[_Draft]] = {}
    by_first: dict[str, list[_Draft]] = {}

    def words(o: _Occurrence) -> int:
        return len(name_words(" ".join(o.span.parts), v.suffixes))

    def new_draft(occ: _Occurrence) -> _Draft:
        d = _Draft(occ.span.parts, occ.span.start)
        drafts.append(d)
        name = _name(d, v)
        by_surname.setdefault(_merge_key(name, v), []).append(d)
        first = (name_words(name, v.suffixes) or [""])[0].casefold()
        by_first.setdefault(first, []).append(d)
        fam = family_first(name, v)
        if fam and fam.casefold() != first:
            by_first.setdefault(fam.casefold(), []).append(d)
        return d

    strong = [o for o in occurrences if not o.weak]
    full = sorted((o for o in strong if words(o) >= 2), key=lambda o: o.span.start)
    single = sorted((o for o in strong if words(o) < 2), key=lambda o: o.span.start)
    for occ in full:
        same = by_surname.get(_merge_key(display_name(occ.span.parts, v.suffixes), v), [])
        d = next((d for d in same if _compatible(d.parts, occ.span.parts, v)), None)
        (d or new_draft(occ)).absorb(occ, v.heads)
    for occ in single:
        word = name_words(" ".join(occ.span.parts), v.suffixes)
        key = (word[0] if word else occ.span.surface).casefold()
        pool = by_surname.get(key) or by_first.get(key)
        if pool:
            before = [d for d in pool if d.first_pos <= occ.span.start] or pool
            d = max(before, key=lambda d: (bool(d.roles), d.first_pos))
        else:
            d = new_draft(occ)
        d.absorb(occ, v.heads)
    # Title-case headings ("Secretary Austin Concludes India Visit") cannot show where a name
    # ends: their names only join people the body names, by any one of their words.
    for occ in (o for o in occurrences if o.weak):
        for w in reversed(name_words(occ.span.surface, v.suffixes)):
            pool = by_surname.get(w.casefold()) or by_first.get(w.casefold())
            if pool:
                pool[0].absorb(occ, v.heads)
                break
    for d in drafts:
        if d.party and not d.country:
            d.country = _party_country(d.party, v)
    drafts.sort(key=lambda d: d.first_pos)
    return drafts


def _party_country(party: str, v: Vocab) -> str | None:
    hit = v.parties.get(party.casefold())
    return hit[1] if hit else None


def _name(d: _Draft, v: Vocab) -> str:
    return display_name(d.parts, v.suffixes)


def _aliases(drafts: list[_Draft], v: Vocab) -> dict[str, list[int]]:
    """Every form a person is written in (as printed, full name, surname) → people."""
    table: dict[str, list[int]] = {}
    for idx, d in enumerate(drafts):
        name = _name(d, v)
        forms = {name, *d.surfaces, surname(name, v)}
        for s in d.surfaces:
            forms.add(surname(s, v))
            words = name_words(s, v.suffixes)
            forms.update(w for w in words if w.isupper() and len(w) > 1)
        fam = family_first(name, v)
        if fam:
            forms.add(fam)
        for form in forms:
            if len(form) < 2 or form.casefold() in v.not_names:
                continue
            table.setdefault(form, [])
            if idx not in table[form]:
                table[form].append(idx)
    return table


# --- the register -------------------------------------------------------------------------


class _Builder:
    """Turns the collected evidence and the text into a PeopleRegister."""

    def __init__(self, document: Document, paras: list[_Para], lexicon: Lexicon) -> None:
        self.document = document
        self.paras = paras
        self.lexicon = lexicon
        self.v = vocab(lexicon)
        self.sentences: list[Sentence] = [s for p in paras for s in p.paragraph.sentences]
        self.sentence_starts = [s.start for s in self.sentences]
        self.quotes = sorted(q for p in paras for q in p.quotes)
        self.countries = [c for p in paras for c in p.countries]
        self.quote_starts = [q[0] for q in self.quotes]

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]

    def sentence_index(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return k
        return None

    def build(self, collector: _Collector) -> PeopleRegister:
        drafts = _merge(collector.occurrences, self.v)
        table = _aliases(drafts, self.v)
        mentions = self._name_mentions(table, drafts)
        mentions = self._role_mentions(collector.refs, drafts, mentions)
        self._office_countries(drafts)
        mentions = self._pronoun_mentions(mentions, drafts)
        people = self._people(drafts, mentions)
        aliases = {k.casefold(): tuple(v) for k, v in table.items()}
        for idx, d in enumerate(drafts):
            for ra in d.role_aliases:
                aliases.setdefault(ra.casefold(), (idx,))
        return PeopleRegister(
            people=tuple(people),
            all_mentions=tuple(mentions),
            mention_starts=tuple(m.start for m in mentions),
            lexicon=self.lexicon,
            aliases=aliases,
            sentences=tuple((s.start, s.end) for s in self.sentences),
        )

    def _name_mentions(self, table: dict[str, list[int]], drafts: list[_Draft]) -> list[Mention]:
        if not table:
            return []
        forms = sorted(table, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
            + r")(?![\w-])"
        )
        out: list[Mention] = []
        last_full: dict[int, int] = {}
        for m in pattern.finditer(self.document.text):
            text = " ".join(m.group(0).split())
            cands = table.get(text) or []
            if not cands:
                continue
            if len(cands) == 1:
                idx = cands[0]
            else:  # a shared surname: a titled person first, then the one last named in full
                idx = max(
                    cands,
                    key=lambda c: (
                        bool(drafts[c].roles),
                        last_full.get(c, -1),
                        -drafts[c].first_pos,
                    ),
                )
            if len(text.split()) > 1:
                last_full[idx] = m.start()
            out.append(Mention(idx, m.start(), m.end(), "name", text, self.in_quote(m.start())))
        return out

    def _role_mentions(
        self,
        refs: list[_Ref],
        drafts: list[_Draft],
        mentions: list[Mention],
    ) -> list[Mention]:
        counts = [0] * len(drafts)
        for m in mentions:
            counts[m.person] += 1
        out = list(mentions)
        last_seen: dict[int, int] = {}  # person -> offset of their latest mention so far
        k = 0
        for ref in sorted(refs, key=lambda r: r.start):
            ph, start, party = ref.phrase, ref.start, ref.party
            while k < len(mentions) and mentions[k].start < start:
                last_seen[mentions[k].person] = mentions[k].start
                k += 1
            if ref.quoted:
                continue
            if ref.member_of:
                members = [i for i, d in enumerate(drafts) if d.party == ref.member_of]
                titled = _role_candidates(drafts, ph.words, ph.country, self.v.distinct)
                generic = ph.head in self.v.generic_heads
                cands = members if generic else [i for i in titled if i in members]
                if not cands:
                    continue
            else:
                cands = _role_candidates(drafts, ph.words, ph.country, self.v.distinct)
            if not cands:
                idx = self._attach_leader(ph, drafts, counts)
                if idx is None:
                    continue
                cands = [idx]
            prior = [c for c in cands if c in last_seen]
            idx = max(prior, key=lambda c: last_seen[c]) if prior else cands[0]
            last_seen[idx] = start
            d = drafts[idx]
            if party and not d.party:
                d.party = party
                d.country = d.country or _party_country(party, self.v)
            d.country = d.country or ph.country
            text = self.document.text[start : ph.end]
            d.role_aliases.append(" ".join(text.split()))
            out.append(Mention(idx, start, ph.end, "role", text, False))
        out.sort(key=lambda m: m.start)
        return out

    def _office_countries(self, drafts: list[_Draft]) -> None:
        """A country for a titled person the text gives none: the country, among those the
        document is about, whose office the title names ("Prime Minister" in a report on Germany
        and Japan is Japan's). Only when one such country clearly leads the document's country
        mentions (twice as many as the next); otherwise the country stays unknown."""
        table = self.v.office_countries
        if not table or all(d.country or d.former for d in drafts):
            return
        counts: dict[str, int] = {}
        for c in self.countries:
            counts[c.country] = counts.get(c.country, 0) + 1
        for d in drafts:
            if d.country or d.former:
                continue
            for role in d.roles:
                ranked = sorted(
                    ((counts[c], c) for c in table.get(role.casefold(), ()) if counts.get(c)),
                    reverse=True,
                )
                if ranked and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
                    d.country = ranked[0][1]
                    break

    def _attach_leader(self, ph: RolePhrase, drafts: list[_Draft], counts: list[int]) -> int | None:
        """A head-of-government title nobody holds goes to the most-mentioned untitled person."""
        key = " ".join(ph.text.split()).casefold()
        if key not in self.v.leaders and ph.head not in self.v.leaders:
            return None
        pool = [
            i
            for i, d in enumerate(drafts)
            if not d.roles
            and not d.former
            and (ph.country is None or d.country in (None, ph.country))
        ]
        if not pool:
            return None
        idx = max(pool, key=lambda i: (counts[i], -drafts[i].first_pos))
        role = ph.text if ph.capital else ph.text[:1].upper() + ph.text[1:]
        drafts[idx].add_role(role, self.v.heads)
        drafts[idx].titled = True
        return idx

    def _pronoun_mentions(self, mentions: list[Mention], drafts: list[_Draft]) -> list[Mention]:
        """Pronouns resolved left to right: the subject (first mention) of the nearest sentence.

        The same sentence counts first (only what stands before the pronoun), then up to
        PRONOUN_REACH sentences back; mentions inside quotations are skipped, since a name in
        someone's quoted words is rarely who "he said" refers to.
        """
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            si = self.sentence_index(m.start)
            if si is not None and not m.in_quote:
                by_sentence.setdefault(si, []).append(m)
        out = list(mentions)
        gender = {i: d.gender for i, d in enumerate(drafts) if d.gender}
        for p in self.paras:
            for k, tok in enumerate(p.tokens):
                word = tok.text.casefold()
                if p.quoted[k] or word not in self.v.pronouns:
                    continue
                si = self.sentence_index(tok.start)
                if si is None:
                    continue
                g = "m" if word in self.v.male else "f" if word in self.v.female else None
                found = None
                for back in range(PRONOUN_REACH + 1):
                    cands = by_sentence.get(si - back, [])
                    if back == 0:
                        cands = [m for m in cands if m.start < tok.start]
                    # "she" skips a person known to be "he" (from an honorific or an earlier
                    # pronoun), and the other way round.
                    cands = [m for m in cands if not (g and gender.get(m.person, g) != g)]
                    if cands:
                        found = min(cands, key=lambda m: m.start).person
                        break
                if found is None:
                    continue
                if g:
                    gender.setdefault(found, g)
                m = Mention(found, tok.start, tok.end, "pronoun", tok.text, False)
                by_sentence.setdefault(si, []).append(m)
                out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def _people(self, drafts: list[_Draft], mentions: list[Mention]) -> list[Person]:
        sources: dict[int, list[Source]] = {}
        for m in mentions:
            if m.kind == "pronoun":
                continue
            si = self.sentence_index(m.start)
            if si is None:
                continue
            s = self.sentences[si]
            src = Source(self.document.id, s.paragraph, s.text)
            lst = sources.setdefault(m.person, [])
            if src not in lst:
                lst.append(src)
        people = []
        seen_ids: set[str] = set()
        for idx, d in enumerate(drafts):
            name = _name(d, self.v)
            pid = slugify(name)
            n = 2
            while pid in seen_ids:
                pid = f"{slugify(name)}-{n}"
                n += 1
            seen_ids.add(pid)
            sur = family_first(name, self.v) or surname(name, self.v)
            aliases: list[str] = []
            for a in [sur, *d.surfaces, *d.role_aliases]:
                if a != name and a.casefold() not in {x.casefold() for x in aliases}:
                    aliases.append(a)
            people.append(
                Person(
                    id=pid,
                    name=name,
                    aliases=tuple(aliases),
                    roles=tuple(d.roles),
                    offices=tuple(dict.fromkeys(self.lexicon.canonical_role(r) for r in d.roles)),
                    party=d.party,
                    country=d.country,
                    former=d.former,
                    sources=tuple(sources.get(idx, ())),
                )
            )
        return people


def extract_people(
    document: Document, paragraphs: tuple[Paragraph, ...], lexicon: Lexicon
) -> PeopleRegister:
    """The document's people and a register that resolves their later mentions."""
    v = vocab(lexicon)
    paras = [_read_paragraph(document.text, p, lexicon, v) for p in paragraphs]
    collector = _Collector(lexicon)
    for p in paras:
        collector.read(p)
    collector.confirm_full_names()
    return _Builder(document, paras, lexicon).build(collector)
