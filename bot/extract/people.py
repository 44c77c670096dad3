"""People named in a document, and the register that resolves later mentions to them.

evidence.py reads each paragraph for evidence that a phrase is a person (titles, parentheses,
honorifics, reporting verbs ...); merging.py makes one person of the occurrences that share a
surname. The register then finds every later mention: surnames and full names, role references
("the Chancellor", "the secretary", "Japan's prime minister") and pronouns, so quotes and
commitments can ask who a mention at a given offset is.

A role reference to a head of government whom the document never names ("said the
Chancellor", "The Chancellor (SPD)") goes to the most-mentioned person who has no title yet:
in a report about a visit, the untitled person everyone quotes is the one the title belongs to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.extract.countries import find_countries
from bot.extract.evidence import Collector, ParagraphView, RoleRef, read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.merging import (
    Draft,
    alias_table,
    draft_name,
    merge_people,
    party_country,
    same_office,
)
from bot.extract.name_scan import find_forms
from bot.extract.names import (
    NameReader,
    Vocab,
    display_name,
    family_first,
    surname,
    tokenize,
    vocab,
)
from bot.extract.text import Paragraph, Sentence
from bot.extract.titles import RolePhrase, role_words
from bot.models import Document, Person, Source
from bot.seeds import slugify

_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]+$")
#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_REACH = 4
#: How far after a travel word ("arrived in", "visit to") its destination may stand.
TRAVEL_REACH = 30


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
        v = vocab(self.lexicon)
        cands = _role_candidates(self.people, words, country, v.distinct, v.equivalents)
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
    compound = any(set(pair) <= words for pair in v.compound_heads)  # "the First Lady"
    if not words or not (compound or any(w in v.heads for w in words)):
        return None
    return words, country


def _role_candidates(
    people: tuple[Person, ...] | list[Draft],
    words: frozenset[str],
    country: str | None,
    distinct: frozenset[str],
    equivalents: tuple[tuple[str, str], ...] = (),
) -> list[int]:
    """People whose roles contain every word of a role reference.

    "the secretary" fits "Secretary of Defense", but "the chancellor" does not fit "Vice
    Chancellor": the `distinct` modifiers (vice, deputy, prime ...) name another office. A
    role also fits in the other words of `equivalents` ("the Prime Minister" fits "Premier"),
    but only when no role fits as printed.
    """
    exact: list[int] = []
    other: list[int] = []
    for i, p in enumerate(people):
        if country and p.country and p.country != country:
            continue
        forms = [role_words(role) for role in p.roles]
        if any(words <= rw and not (rw - words) & distinct for rw in forms):
            exact.append(i)
            continue
        alt = [
            (rw - role_words(a)) | role_words(b)
            for rw in forms
            for x, y in equivalents
            for a, b in ((x, y), (y, x))
            if role_words(a) <= rw
        ]
        if any(words <= rw and not (rw - words) & distinct for rw in alt):
            other.append(i)
    return exact or other


class _Builder:
    """Turns the collected evidence and the text into a PeopleRegister."""

    def __init__(self, document: Document, paras: list[ParagraphView], lexicon: Lexicon) -> None:
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

    def build(self, collector: Collector) -> PeopleRegister:
        drafts = merge_people(collector.occurrences, self.v)
        table = alias_table(drafts, self.v)
        mentions = self._name_mentions(table, drafts)
        mentions = self._role_mentions(collector.refs, drafts, mentions)
        mentions = self._pronoun_mentions(mentions, drafts)
        self._office_countries(drafts, mentions)
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

    def _name_mentions(self, table: dict[str, list[int]], drafts: list[Draft]) -> list[Mention]:
        if not table:
            return []
        forms = sorted(table, key=len, reverse=True)
        body = self.document.text
        out: list[Mention] = []
        last_full: dict[int, int] = {}
        for start, end in find_forms(body, forms):
            text = " ".join(body[start:end].split())
            cands = table.get(text) or []
            if not cands:
                continue
            if len(cands) > 1:
                # "Minister Han" and "President Han": the title before a shared name decides
                title = self._title_before(start)
                cands = [c for c in cands if same_office(drafts[c].roles, title, self.v)] or cands
            if len(cands) == 1:
                idx = cands[0]
            else:  # a shared surname: a titled person first, then one known by the surname
                # alone ("President Ruiz and First Lady Ana Ruiz"), then the one last named in full
                idx = max(
                    cands,
                    key=lambda c: (
                        bool(drafts[c].roles),
                        draft_name(drafts[c], self.v) == text,
                        last_full.get(c, -1),
                        -drafts[c].first_pos,
                    ),
                )
            if len(text.split()) > 1:
                last_full[idx] = start
            out.append(Mention(idx, start, end, "name", text, self.in_quote(start)))
        return out

    def _title_before(self, pos: int) -> list[str]:
        """The title word printed right before a name at `pos` ("Minister" in "Minister Han")."""
        m = _WORD_BEFORE_RE.search(self.document.text, max(0, pos - 40), pos)
        if m and m.group(1).casefold() in self.v.heads:
            return [m.group(1)]
        return []

    def _role_mentions(
        self,
        refs: list[RoleRef],
        drafts: list[Draft],
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
                titled = _role_candidates(
                    drafts, ph.words, ph.country, self.v.distinct, self.v.equivalents
                )
                generic = ph.head in self.v.generic_heads
                cands = members if generic else [i for i in titled if i in members]
                if not cands:
                    continue
            else:
                cands = _role_candidates(
                    drafts, ph.words, ph.country, self.v.distinct, self.v.equivalents
                )
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
                d.country = d.country or party_country(party, self.v)
            d.country = d.country or ph.country
            text = self.document.text[start : ph.end]
            d.role_aliases.append(" ".join(text.split()))
            out.append(Mention(idx, start, ph.end, "role", text, False))
        out.sort(key=lambda m: m.start)
        return out

    def _office_countries(self, drafts: list[Draft], mentions: list[Mention]) -> None:
        """A country for a titled person the text gives none: the country, among those the
        document is about, whose office the title names ("Prime Minister" in a report on Germany
        and Japan is Japan's). Only when one such country clearly leads the document's country
        mentions (twice as many as the next, and more than once for an office many countries
        have); otherwise the country stays unknown. A country
        the person travels to ("X arrived in Paris", "during his visit to France") is not
        theirs: in a visit report the host country leads the mentions."""
        table = self.v.office_countries
        if not table or all(d.country or d.former for d in drafts):
            return
        counts: dict[str, int] = {}
        for c in self.countries:
            counts[c.country] = counts.get(c.country, 0) + 1
        visited = self._visited(mentions)
        for idx, d in enumerate(drafts):
            if d.country or d.former:
                continue
            away = visited.get(idx, set())
            for role in d.roles:
                holders = table.get(role.casefold(), ())
                ranked = sorted(
                    ((counts[c], c) for c in holders if counts.get(c) and c not in away),
                    reverse=True,
                )
                # An office many countries have needs a country named more than once.
                least = 1 if len(holders) == 1 else 2
                if (
                    ranked
                    and ranked[0][0] >= least
                    and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0])
                ):
                    d.country = ranked[0][1]
                    break

    def _visited(self, mentions: list[Mention]) -> dict[int, set[str]]:
        """Person -> countries they travel to: the country named right after a travel word
        (config `travel_words`: visit, arrived in ...) goes to the person named last before
        it in the sentence. One pass over the travel words, each looked up by bisection."""
        out: dict[int, set[str]] = {}
        if not self.v.travel.pattern.pattern or not mentions:
            return out
        starts = [m.start for m in mentions]
        cstarts = [c.start for c in self.countries]
        for m in self.v.travel.finditer(self.document.text):
            si = self.sentence_index(m.start())
            if si is None or self.in_quote(m.start()):
                continue
            sent = self.sentences[si]
            k = bisect.bisect_left(starts, m.start()) - 1
            while k >= 0 and mentions[k].in_quote:
                k -= 1
            if k < 0 or mentions[k].start < sent.start:
                continue
            c = bisect.bisect_left(cstarts, m.end())
            if c >= len(self.countries):
                continue
            country = self.countries[c]
            if country.kind in {"name", "alias"} and country.start - m.end() <= TRAVEL_REACH:
                out.setdefault(mentions[k].person, set()).add(country.country)
        return out

    def _attach_leader(self, ph: RolePhrase, drafts: list[Draft], counts: list[int]) -> int | None:
        """A head-of-government title nobody holds goes to the most-mentioned untitled person
        (named twice, or quoted)."""
        key = " ".join(ph.text.split()).casefold()
        if key not in self.v.leaders and ph.head not in self.v.leaders:
            return None
        pool = [
            i
            for i, d in enumerate(drafts)
            if not d.roles
            and not d.former
            # named once in passing, and not as a speaker: not who the report is about
            and (counts[i] >= 2 or d.spoke)
            and (ph.country is None or d.country in (None, ph.country))
        ]
        if not pool:
            return None
        idx = max(pool, key=lambda i: (counts[i], -drafts[i].first_pos))
        role = ph.text if ph.capital else ph.text[:1].upper() + ph.text[1:]
        drafts[idx].add_role(role, self.v.heads)
        drafts[idx].titled = True
        return idx

    def _pronoun_mentions(self, mentions: list[Mention], drafts: list[Draft]) -> list[Mention]:
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
            if self.v.pronouns.isdisjoint(p.folded_words):
                continue
            folded = p.folded
            for k, tok in enumerate(p.tokens):
                word = folded[k]
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

    def _people(self, drafts: list[Draft], mentions: list[Mention]) -> list[Person]:
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
            name = draft_name(d, self.v)
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
    paras = [read_paragraph(document.text, p, lexicon, v) for p in paragraphs]
    collector = Collector(lexicon)
    for p in paras:
        collector.read(p)
    collector.confirm_full_names()
    return _Builder(document, paras, lexicon).build(collector)
