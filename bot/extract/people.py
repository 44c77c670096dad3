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
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from bot.extract.evidence import Collector, read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.mentions import Mention, MentionText
from bot.extract.merging import Draft, alias_table, draft_name, merge_people
from bot.extract.name_mentions import name_mentions
from bot.extract.names import (
    NameReader,
    Vocab,
    display_name,
    family_first,
    surname,
    vocab,
)
from bot.extract.office_countries import TRAVEL_REACH, office_countries
from bot.extract.pronouns import PRONOUN_REACH, pronoun_mentions
from bot.extract.role_mentions import parse_role_reference, role_candidates, role_mentions
from bot.extract.text import Paragraph
from bot.extract.tokens import tokens
from bot.extract.vocab import remember
from bot.models import Document, Person, Source
from bot.seeds import slugify

__all__ = [
    "PRONOUN_REACH",
    "TRAVEL_REACH",
    "Mention",
    "PeopleRegister",
    "extract_people",
    "parse_role_reference",
]


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
        """The person a mention ("Paz", "the Chancellor", "he") at body offset refers to."""
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
        toks = list(tokens(text))
        reader = NameReader(toks, [False] * len(toks), v)
        for i in range(len(toks)):
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
        cands = role_candidates(self.people, words, country, v.distinct, v.equivalents)
        if not cands:
            return None
        before = [m for m in self.mention_spans(0, position) if m.person in cands]
        if before:
            return before[-1].person
        return min(cands)

    def _antecedent(self, position: int) -> int | None:
        """The person a pronoun at `position` stands for (see pronouns.pronoun_mentions)."""
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


_START = attrgetter("start")  # a mention's start, read in C
_END = attrgetter("end")  # a sentence's end


def _build(t: MentionText, collector: Collector) -> PeopleRegister:
    """Turns the collected evidence and the text into a PeopleRegister.

    Name mentions come first, then role references (which may give a person a title, party
    or country), then pronouns, then office countries; the order matters, as each rule reads
    what the ones before it found.
    """
    drafts = merge_people(collector.occurrences, t.v)
    table = alias_table(drafts, t.v)
    mentions = name_mentions(t, table, drafts)
    mentions = role_mentions(t, collector.refs, drafts, mentions)
    mentions = pronoun_mentions(t, mentions, drafts)
    office_countries(t, drafts, mentions)
    people = _people(t, drafts, mentions)
    aliases = {k.casefold(): tuple(v) for k, v in table.items()}
    for idx, d in enumerate(drafts):
        for ra in d.role_aliases:
            aliases.setdefault(ra.casefold(), (idx,))
    return PeopleRegister(
        people=tuple(people),
        all_mentions=tuple(mentions),
        mention_starts=tuple(map(_START, mentions)),
        lexicon=t.lexicon,
        aliases=aliases,
        sentences=tuple(zip(t.sentence_starts, map(_END, t.sentences), strict=True)),
    )


def _people(t: MentionText, drafts: list[Draft], mentions: list[Mention]) -> list[Person]:
    """The Person records of the merged drafts, with their sources and aliases.

    Each person's sources are the sentences that name them or refer to them by role (not by
    pronoun); the id is the slug of the name, numbered when two people share it
    ("lena-vogt", "lena-vogt-2"); the aliases are the surname, the printed forms and the role
    references, each once.
    """
    # each person's sentences by index, once each, in order: ints are hashed, not Sources
    # (whose hash reads the sentence), and the Sources are made once per sentence
    sentences: dict[int, dict[int, None]] = {}
    by_sentence: dict[int, Source] = {}  # the Source of each sentence
    for m in mentions:
        if m.kind == "pronoun":
            continue
        si = t.sentence_index(m.start)
        if si is None:
            continue
        if si not in by_sentence:
            s = t.sentences[si]
            by_sentence[si] = Source(t.document.id, s.paragraph, s.text)
        sentences.setdefault(m.person, {})[si] = None
    people = []
    seen_ids: set[str] = set()
    slugs = t.v.name_memos["slug"]  # the slug of each name (slugify normalises per character)
    for idx, d in enumerate(drafts):
        name = draft_name(d, t.v)
        slug = slugs.get(name)
        if slug is None:
            slug = remember(slugs, name, slugify(name))
        pid = slug
        n = 2
        while pid in seen_ids:
            pid = f"{slug}-{n}"
            n += 1
        seen_ids.add(pid)
        sur = family_first(name, t.v) or surname(name, t.v)
        aliases: list[str] = []
        folded: set[str] = set()  # the aliases so far, case-folded
        for a in [sur, *d.surfaces, *d.role_aliases]:
            key = a.casefold()
            if a != name and key not in folded:
                aliases.append(a)
                folded.add(key)
        people.append(
            Person(
                id=pid,
                name=name,
                aliases=tuple(aliases),
                roles=tuple(d.roles),
                offices=tuple(dict.fromkeys(t.lexicon.canonical_role(r) for r in d.roles)),
                party=d.party,
                country=d.country,
                former=d.former,
                # two sentences of a paragraph that read alike are one source
                sources=tuple(dict.fromkeys(map(by_sentence.__getitem__, sentences.get(idx, ())))),
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
    return _build(MentionText.of(document, paras, lexicon), collector)
