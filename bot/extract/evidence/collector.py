"""The Collector: reads every paragraph for evidence of people and for role references.

Each paragraph is read by the rule families in turn (titled.py, affiliation.py,
appositions.py, brackets.py, name_shapes.py); each adds `Occurrence`s and `RoleRef`s here and
marks the tokens it read as a name (`claimed`), so a later rule does not read them again.
After the last paragraph, `confirm_full_names` keeps the bare name-shaped phrases whose surname
also stands alone somewhere ("met Hiro Sato" ... "Sato said").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.extract.evidence.affiliation import (
    country_after,
    country_before,
    parties_named,
    party_after,
    party_nouns,
    party_of_party_word,
)
from bot.extract.evidence.appositions import appositions
from bot.extract.evidence.brackets import parentheses, predecessors
from bot.extract.evidence.name_shapes import (
    credit_line,
    full_names,
    honorific_gender,
    honorifics_and_initials,
    reporting_verbs,
    title_gender,
)
from bot.extract.evidence.titled import (
    bare_title,
    coordinated,
    counterpart_office,
    same_surname_pair,
)
from bot.extract.evidence.view import Occurrence, ParagraphView, RoleRef
from bot.extract.lexicon import Lexicon
from bot.extract.name_spans import rank_role
from bot.extract.names import NameSpan, family_first, name_words, vocab


@dataclass(frozen=True)
class EvidenceWords:
    """The word lists the people rules read, folded once per lexicon (config/lexicon.yaml)."""

    meeting: list[list[str]]  # "met with", "hosted": verbs only people do
    # for each length of a meeting phrase: the phrases of that length (verbs before a name),
    # and those of them that may stand after a name (no hosting verbs: places host too)
    meeting_by_length: tuple[
        tuple[int, frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]], ...
    ]
    # the words the phrases end with ("with" of "met with"), and those the phrases that may
    # stand after a name open with: a name with neither next to it has no meeting phrase
    meeting_lasts: frozenset[str]
    meeting_after_firsts: frozenset[str]
    person_nouns: frozenset[str]  # "citizens", "journalist": nouns only people take
    person_of_nouns: frozenset[str]  # "the health of", "the release of"
    membership: list[list[str]]  # "who belongs to", longest first
    # the words they open with ("who", "a", "member"); None if a phrase is empty
    membership_firsts: frozenset[str] | None
    party_nouns: frozenset[str]  # "man", "politician" after a party ("the FDP man")
    apposition_heads: frozenset[str]  # words that make a comma-set stretch a role
    reporting: frozenset[str]  # "said", "told"
    predecessor_nouns: frozenset[str]  # "predecessors"
    inverted: frozenset[str]  # reporting verbs that may precede their subject ("said Ito")
    role_clause_words: frozenset[str]  # "who", "said": a clause after a name, not a role
    hosting_verbs: frozenset[str]  # "hosted": places do it too
    places: frozenset[str]  # "Mount", "Assembly": words of place and institution names
    # the folded honorifics and ranks, bare and with a final dot ("ms", "ms.", "admiral"):
    # a paragraph none of whose folded words is one holds no honorific (see name_shapes)
    honorific_forms: frozenset[str]


@lru_cache(maxsize=8)
def evidence_words(lexicon: Lexicon) -> EvidenceWords:
    """The folded word lists of `lexicon`."""
    v = vocab(lexicon)
    meeting = [w.casefold().split() for w in lexicon.word_list("person_meeting_verbs")]
    hosting = frozenset(w.casefold() for w in lexicon.word_list("hosting_verbs"))
    lengths = sorted({len(m) for m in meeting if m})
    return EvidenceWords(
        meeting=meeting,
        meeting_by_length=tuple(
            (
                n,
                frozenset(tuple(m) for m in meeting if len(m) == n),
                frozenset(tuple(m) for m in meeting if len(m) == n and m[0] not in hosting),
            )
            for n in lengths
        ),
        meeting_lasts=frozenset(m[-1] for m in meeting if m),
        meeting_after_firsts=frozenset(m[0] for m in meeting if m and m[0] not in hosting),
        person_nouns=frozenset(w.casefold() for w in lexicon.word_list("person_nouns")),
        person_of_nouns=frozenset(w.casefold() for w in lexicon.word_list("person_of_nouns")),
        membership=sorted(
            (w.casefold().split() for w in lexicon.word_list("party_membership_phrases")),
            key=len,
            reverse=True,
        ),
        membership_firsts=_first_words(lexicon.word_list("party_membership_phrases")),
        party_nouns=frozenset(w.casefold() for w in lexicon.word_list("party_person_nouns")),
        apposition_heads=frozenset(
            v.heads | {w.casefold() for w in lexicon.word_list("apposition_heads")}
        ),
        reporting=frozenset(w.casefold() for w in lexicon.word_list("reporting_verbs")),
        predecessor_nouns=frozenset(w.casefold() for w in lexicon.word_list("predecessor_nouns")),
        inverted=frozenset(lexicon.word_list("inverted_reporting_verbs")),
        role_clause_words=frozenset(w.casefold() for w in lexicon.word_list("role_clause_words")),
        hosting_verbs=hosting,
        places=frozenset(w.casefold() for w in lexicon.word_list("place_words")),
        honorific_forms=v.honorific_words | {w + "." for w in v.honorific_words},
    )


def _first_words(phrases: tuple[str, ...]) -> frozenset[str] | None:
    """The folded first words of phrases ("who belongs to" → "who"): where none stands, no
    phrase does. None when a phrase has no words (it stands everywhere)."""
    split = [p.casefold().split() for p in phrases]
    return frozenset(ws[0] for ws in split) if all(split) else None


class Collector:
    """Reads every paragraph for evidence of people and for role references."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.v = vocab(lexicon)
        self.words = evidence_words(lexicon)
        self.occurrences: list[Occurrence] = []
        self.candidates: list[NameSpan] = []  # name-shaped phrases awaiting confirmation
        self.alone: dict[str, list[int]] = {}  # capitalised words standing alone -> offsets
        # role references: (phrase, offset, party in a parenthesis after it, inside a quote)
        self.refs: list[RoleRef] = []
        self.read_so_far: list[ParagraphView] = []
        self._last_party: str | None = None  # the party read_so_far[: _party_read] named last
        self._party_read = 0

    def read(self, p: ParagraphView) -> None:
        """Read one paragraph, then fill in what each new occurrence's surroundings tell: a heading's
        names are weak (unless a credit line), gender from an honorific or title, rank, party
        and country told right after the name."""
        start = len(self.occurrences)
        self._read(p)
        for occ in self.occurrences[start:]:
            occ.weak = p.paragraph.heading and not credit_line(p, occ.span)
            occ.gender = (
                occ.gender
                or honorific_gender(self, p, occ.span.first)
                or title_gender(self, occ.roles)
            )
            rank = rank_role(p.reader, occ.span.first)
            if rank and rank.casefold() not in {r.casefold() for r in occ.roles}:
                occ.roles.append(rank)
                occ.titled = occ.titled or not occ.former
            if occ.party is None:
                occ.party = party_after(self, p, occ.span.stop)
            if occ.country is None:
                occ.country = country_after(p, occ.span.stop) or country_before(
                    p, occ.span.first - 1
                )

    def _read(self, p: ParagraphView) -> None:
        """Run the rule families over a paragraph, titled names first so later rules skip them.

        Only the titles and the brackets read a paragraph without name words ("The
        Chancellor (SPD) said"): every other rule reads a name, which holds one, so a
        paragraph without any skips them (one in eight)."""
        claimed: set[int] = set()  # tokens already read as part of a name
        if p.phrases:
            self._titled(p, claimed)
        names = True in p.name_word
        if names:
            party_nouns(self, p, claimed)
            appositions(self, p, claimed)
        parentheses(self, p, claimed)
        if names:
            predecessors(self, p, claimed)
            honorifics_and_initials(self, p, claimed)
            reporting_verbs(self, p, claimed)
            full_names(self, p, claimed)
        self.read_so_far.append(p)

    def _titled(self, p: ParagraphView, claimed: set[int]) -> None:
        """The title phrases: titled names ("Defense Minister Jonas Holm"), then the titles
        with no name after them (appositions and role references)."""
        phrases = p.phrases
        links = coordinated(p)
        named: dict[int, Occurrence] = {}  # first token of a titled name's phrase chain -> it
        first_here = len(self.occurrences)  # this paragraph's occurrences start here
        for idx, ph in enumerate(phrases):
            if ph.name is None:
                continue
            chain = [phrases[k] for k in sorted(k for k, v in links.items() if v == idx)]
            roles = [c.text for c in chain] + [ph.text]
            country = ph.country or next((c.country for c in chain if c.country), None)
            party = ph.party or next((c.party for c in chain if c.party), None)
            party = party or party_of_party_word(self, p, ph.first)
            if roles == ["counterpart"]:
                roles = counterpart_office(self.occurrences[first_here:], ph) or roles
            occ = Occurrence(ph.name, roles, country, party, ph.former, not ph.former)
            self.occurrences.append(occ)
            claimed.update(range(ph.name.first, ph.name.stop))
            named[(chain[0] if chain else ph).first] = occ
        if len(named) > 1:
            same_surname_pair(self, p, named)
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
            if j < idx and bare_title(self, p, ph, named, phrases[j:idx]):
                consumed.update(range(j, idx))
                continue
            bare_title(self, p, ph, named)

    def party_named_last(self) -> str | None:
        """The party the paragraphs read so far named last ("... the Greens. Their party
        leader Ana Paz": the Greens). Worked out only when a rule asks, which is rare, and each
        paragraph is searched once."""
        for p in self.read_so_far[self._party_read :]:
            parties = parties_named(self, p, len(p.tokens))
            if parties:
                self._last_party = parties[-1]
        self._party_read = len(self.read_so_far)
        return self._last_party

    def confirm_full_names(self) -> None:
        """Keep the name-shaped phrases whose surname also appears alone: "Sato agreed", or
        "Choi" for a family-first "Choi Min Jun"."""
        known = {o.span.start for o in self.occurrences}
        for span in self.candidates:
            if span.start in known:
                continue
            last = name_words(span.surface, self.v.suffixes)[-1]
            fam = family_first(span.surface, self.v)
            # one place outside the name will do: most surnames stand alone many times
            elsewhere = any(
                not span.start <= pos < span.end
                for word in (last, fam)
                if word
                for pos in self.alone.get(word, ())
            )
            if elsewhere:
                self.occurrences.append(Occurrence(span))
                known.add(span.start)
