"""What every quotation rule reads: the quoted spans of a document as they are read
(`QuoteItem`), and the document around them (`QuoteContext`): its sentences, the people
register, and the text of each paragraph with its quotations blanked out.

`QuoteContext.who` names the speaker of a subject phrase: its last person before any relative
clause ("Rao, who met Holm, said" is Rao), two people joined by "and" together ("Holm and Rao
said" gives one speaker, "Ana Holm and Ravi Rao"); a name in the possessive ("Holm's
spokesperson said") never speaks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.extract.lexicon import Lexicon
from bot.extract.people import Mention, PeopleRegister
from bot.extract.quotes.patterns import patterns
from bot.extract.text import Paragraph, QuoteSpan, Sentence
from bot.models import Document, Source

#: A relative clause after a subject: "Rao, who met Holm on Monday, said".
_RELATIVE_RE = re.compile(r",\s+(?:who|whose|which)\b")


@dataclass
class QuoteItem:
    """A quoted span while it is read."""

    span: QuoteSpan
    paragraph: Paragraph
    text: str
    speaker: str | None = None
    attributed: bool = False  # an explicit attribution was found (even if unresolved)
    kind: str = "quote"  # "quote", "term" or "title"
    chain: int = -1  # index of the first span of a quote running over paragraphs
    words: list[str] | None = None  # the first words of `text`, read once (kinds.quote_words)


def clean_quote(text: str) -> str:
    """The quote as printed, without the one trailing comma before `,” he said`."""
    out = text.strip()
    if out.endswith(","):
        out = out[:-1].rstrip()
    return out


class QuoteContext:
    """One document as its quotations are read, and the lookups every rule shares."""

    def __init__(
        self,
        document: Document,
        paragraphs: tuple[Paragraph, ...],
        register: PeopleRegister,
        lexicon: Lexicon,
    ) -> None:
        self.body = document.text
        self.doc_id = document.id
        self.register = register
        self.lexicon = lexicon
        self.pat = patterns(lexicon)
        self.sentences: list[Sentence] = [s for p in paragraphs for s in p.sentences]
        self.starts = [s.start for s in self.sentences]
        self.paragraphs = paragraphs
        self.by_para: dict[int, list[QuoteItem]] = {}  # every quoted span, by paragraph number
        self._quote_starts: dict[int, list[int]] = {}  # by_para's starts, made on first use
        self.by_paragraph: dict[int, list[QuoteItem]] = {}  # the spans read as quotes
        self.plain_cache: dict[int, str] = {}
        self.reporter_cache: dict[int, list[tuple[int, str]]] = {}

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding body offset `pos` (the next one when `pos` falls between two)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and pos <= self.sentences[k].end:
            return self.sentences[k]
        return self.sentences[k + 1] if k + 1 < len(self.sentences) else None

    def source(self, item: QuoteItem) -> Source:
        """Where a quote stands: its first sentence, through its last if in the same paragraph."""
        lo = bisect.bisect_right(self.starts, item.span.start) - 1
        hi = bisect.bisect_right(self.starts, max(item.span.end - 1, item.span.start)) - 1
        lo, hi = max(lo, 0), max(hi, 0)
        first, last = self.sentences[lo], self.sentences[hi]
        if first.paragraph != last.paragraph:
            last = first
        return Source(self.doc_id, first.paragraph, self.body[first.start : last.end])

    def person_in(self, start: int, end: int, last: bool = False) -> Mention | None:
        """The first (or with `last` the last) person named between two body offsets, leaving out
        names in the possessive."""
        cands = [
            m
            for m in self.register.mention_spans(start, end)
            if (m.end <= end or last) and not self.possessor(m)
        ]
        if not cands:
            return None
        return cands[-1] if last else cands[0]

    def quote_starts(self, paragraph: int) -> list[int]:
        """The body offsets where the paragraph's quotations start, in text order (made once
        per paragraph)."""
        found = self._quote_starts.get(paragraph)
        if found is None:
            items = self.by_para.get(paragraph, ())
            found = self._quote_starts[paragraph] = [it.span.start for it in items]
        return found

    def possessor(self, m: Mention) -> bool:
        """ "Holm's spokesperson said", "said Holm's counterpart, Rao": a name in the possessive
        is not the one who speaks."""
        return self.body[m.end : m.end + 2] in {"'s", "’s"}

    def who(self, start: int, end: int) -> str | None:
        """The speaker a subject phrase (text before a reporting verb) names: its last person,
        before any relative clause ("Rao, who met Holm, said"); two people joined by "and"
        ("Holm and Rao said") speak together."""
        rel = _RELATIVE_RE.search(self.body, start, end)
        if rel is not None:
            end = rel.start()
        who = self.person_in(start, end + 1, last=True)
        if who is None or who.in_quote:
            return None
        prior = self.person_in(start, who.start)
        if (
            prior is not None
            and prior.person != who.person
            and re.fullmatch(r",?\s+and\s+", self.body[prior.end : who.start])
            and not self.person_in(start, prior.start)
        ):
            return self.joint([prior.person, who.person])
        return self.speaker(who)

    def speaker(self, m: Mention) -> str:
        """The id of the person a mention names."""
        return self.register.people[m.person].id

    def people_in(self, start: int, end: int) -> list[int]:
        """The people named by name or title (not pronoun) outside quotes between two offsets."""
        out: list[int] = []
        for m in self.register.mention_spans(start, end):
            if not m.in_quote and m.kind != "pronoun" and m.person not in out:
                out.append(m.person)
        return out

    def authors(self, people: list[int], label: str) -> str:
        """One author ("ana-paz") or several with the document's label ("A and B (joint
        statement)")."""
        if len(people) == 1:
            return self.register.people[people[0]].id
        return f"{self.joint(people)} ({label})"

    def joint(self, people: list[int]) -> str:
        """One speaker for several people: "A, B and C"."""
        names = [self.register.people[i].name for i in people]
        return f"{', '.join(names[:-1])} and {names[-1]}"

    def plain(self, sent: Sentence) -> str:
        """A sentence with its quoted stretches blanked out (offsets kept)."""
        para = self.paragraphs[sent.paragraph - 1]
        outside = self.plain_cache.get(para.number)
        if outside is None:
            outside = self.outside_quotes(para, self.by_para.get(para.number, []))
            self.plain_cache[para.number] = outside
        return outside[sent.start - para.start : sent.end - para.start]

    def outside_quotes(self, para: Paragraph, quotes: list[QuoteItem]) -> str:
        """A paragraph's text with the given quotes blanked out, offsets kept."""
        text = para.text
        for q in quotes:
            if q.paragraph is para:
                a = q.span.start - para.start
                b = q.span.end - para.start
                text = text[:a] + " " * (b - a) + text[b:]
        return text
