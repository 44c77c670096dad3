"""Direct quotations and who said them.

Every quoted stretch (text.quote_spans) is read in three steps:

1. Attribution next to the marks: `“…,” said X`, `“…,” X said`, `X said: “…”`, `X said that
   “…”`, `according to X, “…”`, a credit line under a block quotation ("Ana Paz, Minister of
   Finance"); X is looked up in the people register, so a surname, a title ("said the
   Chancellor"), a pronoun ("he said") all resolve to one person. A document as the subject
   ("the statement said") speaks for whoever the text says issued it.
2. Is it a quote at all? Document titles (“Draft Future Nuclear Energy Guidelines”, a statement
   titled “Partners for the Future”), terms (so-called “two-plus-two” talks) and scare quotes with
   no speech around them are not.
3. Speakers for the rest: words quoted from a document go to the body that issued it ("the 2022
   International Energy Agency Communique to “…”"); a partial quote takes the subject of the
   sentence's reporting verb ("Austin emphasized …, saying it includes “…”"); a quoted
   subheading goes to the quote that repeats its words; a quote with no attribution continues
   the paragraph's current speaker (`“A,” he said. “B.”`), or the previous paragraph's when
   the paragraph names no one else (news reports run a statement over paragraphs).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.lexicon import Lexicon
from bot.extract.people import Mention, PeopleRegister
from bot.extract.text import Paragraph, QuoteSpan, Sentence, quote_spans
from bot.models import Document, Quote, Source

#: A quote of this many words or fewer needs speech around it to count (else it is a term).
SHORT_QUOTE_WORDS = 4
#: A quote alone on a line of at most this many words may be a pull quote (a subheading).
PULL_QUOTE_WORDS = 16
#: How many sentences back "the statement said" looks for where the statement was named.
DOCUMENT_REACH = 12
#: A name of a body or person: capitalised words, "of"/"for" inside ("Ministry of Trade").
_ORG_RUN = r"(?!(?:The|This|That|These|Its|Their|A|An|In|On|At)\b)[A-Z][\w&.’'-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+)?[A-Z][\w&.’'-]*){0,5}"
#: Several of them: "the United States, India, and Brazil", "Ito and Paz".
_ORG_LIST = rf"(?:[Tt]he\s+)?{_ORG_RUN}(?:,\s+(?:and\s+)?(?:the\s+)?{_ORG_RUN})*(?:,?\s+and\s+(?:the\s+)?{_ORG_RUN})?"
#: A relative clause after a subject: "Rao, who met Holm on Monday, said".
_RELATIVE_RE = re.compile(r",\s+(?:who|whose|which)\b")
#: Capitalised words that open a sentence, not a body's name.
_NOT_ISSUERS = frozenset("It They We He She This That Its Their Our".split())
_SMALL_WORDS = frozenset(
    "a an and as at by for from in of on or the to with among between into over under per via "
    "against about than toward towards upon within without through after before nor but".split()
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]ll|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
#: An institution as the subject of a verb: "the Ministry of Foreign Affairs said", "the
#: Foreign, Commonwealth and Development Office said".
_BODY_BEFORE_RE = re.compile(
    r"\b[Tt]he\s+(?P<body>[A-Z][\w'’.-]*(?:,?\s+(?:of|for|and|on|the|[A-Z][\w'’.-]*))*)\s*$"
)


@dataclass(frozen=True)
class _Patterns:
    after_inverted: re.Pattern[str]  # `, said X` right after the closing mark
    after_subject: re.Pattern[str]  # `, X said` right after the closing mark
    before: re.Pattern[str]  # `X said:` right before the opening mark
    source: re.Pattern[str]  # `according to X,` right before the opening mark
    document: re.Pattern[str]  # `the 2022 IEA Communique to` right before the opening mark
    term: re.Pattern[str]  # `so-called` right before the opening mark
    verbs: re.Pattern[str]
    intro: re.Pattern[str]  # a paragraph ending `X said:` before a block quotation
    doc_subject: re.Pattern[str]  # `the joint statement` as the subject of a reporting verb
    doc_noun: re.Pattern[str]  # a document noun anywhere: `a joint statement`
    issued: re.Pattern[str]  # `the White House released a statement`
    issued_by: re.Pattern[str]  # `a statement released by the White House`
    owner: re.Pattern[str]  # `the IEA communique`, `Japan's statement`


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> _Patterns:
    verbs = _alternation(lexicon.word_list("reporting_verbs"))
    inverted = _alternation(lexicon.word_list("inverted_reporting_verbs"))
    sources = _alternation(lexicon.word_list("source_phrases"))
    docs = _alternation(lexicon.word_list("document_nouns"))
    issuing = _alternation(lexicon.word_list("issuing_verbs"))
    terms = _alternation(lexicon.word_list("term_markers"))
    lead = r"^[\s,.!?;:]*(?:[—–-]+\s*)?"
    return _Patterns(
        after_inverted=re.compile(lead + rf"(?:{inverted})\b\s+(?=\S)"),
        after_subject=re.compile(lead + rf"(?P<subj>[^.!?;:\"“”]{{1,80}}?)\s+(?:{verbs})\b"),
        before=re.compile(
            rf"(?P<subj>[^.!?;:\"“”]{{1,80}}?)\s+(?:{verbs})"
            r"(?:(?:\s+(?:that|to\s+\w+(?:\s+\w+)?|reporters|on\s+\w+))?\s*[:,]?"
            r"|[^.!?;:\"“”]{0,60}:)\s*$"
        ),
        source=re.compile(rf"\b(?i:{sources})\s+(?P<subj>[^.!?;:\"“”]{{1,80}}?)\s*[:,]?\s*$"),
        document=re.compile(
            r"(?:\b[Tt]he\s+)?(?:\d{4}\s+)?(?P<org>(?:[A-Z][\w&'’.-]*\s+){1,8}?)"
            rf"(?:{docs})\b(?P<tail>[^.!?\"“”]{{0,40}})$"
        ),
        term=re.compile(rf"(?:^|\W)(?:{terms})\s*$", re.IGNORECASE),
        verbs=re.compile(rf"\b(?:{verbs})\b"),
        intro=re.compile(
            rf"(?P<subj>[^.!?;:\"“”]{{1,100}}?)\s+(?:{verbs})"
            r"(?:\s+(?:reporters|journalists|today|in\s+a\s+statement))?\s*:\s*$"
        ),
        doc_subject=re.compile(
            rf"(?i:the|this|that|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>(?i:{docs}))$"
        ),
        doc_noun=re.compile(rf"\b(?P<noun>(?i:joint\s+)?(?i:{docs}))\b"),
        issued=re.compile(
            rf"(?P<org>{_ORG_LIST})\s+(?:has\s+|have\s+|had\s+|jointly\s+)?(?:{issuing})\s+"
            rf"(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{docs})\b"
        ),
        issued_by=re.compile(
            rf"(?i:{docs})\s+(?:[\w'’-]+\s+){{0,2}}?(?:by|from)\s+(?P<org>{_ORG_LIST})"
        ),
        owner=re.compile(
            rf"(?:\b[Tt]he\s+)?(?:\d{{4}}\s+)?(?P<org>{_ORG_RUN})(?:['’]s)?\s+"
            rf"(?:(?i:joint|leaders['’]?|final|official|written)\s+)?(?i:{docs})\b"
        ),
    )


@dataclass
class _Item:
    """A quoted span while it is read."""

    span: QuoteSpan
    paragraph: Paragraph
    text: str
    speaker: str | None = None
    attributed: bool = False  # an explicit attribution was found (even if unresolved)
    kind: str = "quote"  # "quote", "term" or "title"
    chain: int = -1  # index of the first span of a quote running over paragraphs


def _norm(text: str) -> str:
    """Words only, folded: for finding one quote's words inside another."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def _clean(text: str) -> str:
    """The quote as printed, without the one trailing comma before `,” he said`."""
    out = text.strip()
    if out.endswith(","):
        out = out[:-1].rstrip()
    return out


class _Reader:
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
        self.pat = _patterns(lexicon)
        self.sentences: list[Sentence] = [s for p in paragraphs for s in p.sentences]
        self.starts = [s.start for s in self.sentences]
        self.paragraphs = paragraphs

    # --- places ---------------------------------------------------------------------------

    def _sentence_at(self, pos: int) -> Sentence | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and pos <= self.sentences[k].end:
            return self.sentences[k]
        return self.sentences[k + 1] if k + 1 < len(self.sentences) else None

    def _source(self, item: _Item) -> Source:
        lo = bisect.bisect_right(self.starts, item.span.start) - 1
        hi = bisect.bisect_right(self.starts, max(item.span.end - 1, item.span.start)) - 1
        lo, hi = max(lo, 0), max(hi, 0)
        first, last = self.sentences[lo], self.sentences[hi]
        if first.paragraph != last.paragraph:
            last = first
        return Source(self.doc_id, first.paragraph, self.body[first.start : last.end])

    def _person_in(self, start: int, end: int, last: bool = False) -> Mention | None:
        cands = [
            m
            for m in self.register.mention_spans(start, end)
            if (m.end <= end or last) and not self._possessor(m)
        ]
        if not cands:
            return None
        return cands[-1] if last else cands[0]

    def _possessor(self, m: Mention) -> bool:
        """ "Holm's spokesperson said", "said Holm's counterpart, Rao": a name in the possessive
        is not the one who speaks."""
        return self.body[m.end : m.end + 2] in {"'s", "’s"}

    def _who(self, start: int, end: int) -> str | None:
        """The speaker a subject phrase (text before a reporting verb) names: its last person,
        before any relative clause ("Rao, who met Holm, said"); two people joined by "and"
        ("Holm and Rao said") speak together."""
        rel = _RELATIVE_RE.search(self.body, start, end)
        if rel is not None:
            end = rel.start()
        who = self._person_in(start, end + 1, last=True)
        if who is None or who.in_quote:
            return None
        prior = self._person_in(start, who.start)
        if (
            prior is not None
            and prior.person != who.person
            and re.fullmatch(r",?\s+and\s+", self.body[prior.end : who.start])
            and not self._person_in(start, prior.start)
        ):
            return self._joint([prior.person, who.person])
        return self._speaker(who)

    # --- step 1: attribution next to the marks --------------------------------------------

    def _after(self, item: _Item) -> tuple[bool, str | None]:
        span = item.span
        if span.close_mark is None:
            return False, None
        close = span.end + 1
        para_end = item.paragraph.start + len(item.paragraph.text)
        rest = self.body[close : min(para_end, close + 160)]
        m = self.pat.after_inverted.match(rest)
        if m:
            who = self._person_in(close + m.end(), close + m.end() + 60)
            if who is not None and who.start <= close + m.end() + 40:
                return True, self._speaker(who)
            return True, self._org(rest[m.end() :], span.start)
        m = self.pat.after_subject.match(rest)
        # When the quote closed its sentence, only `“…?” Smith asked.` attributes it, not a new
        # sentence that happens to hold a verb ("The ministry said in a statement that ...").
        closed = re.search(r"[.!?]$", span.text.rstrip()) or re.match(r"\s*[.!?]", rest)
        if (
            m
            and closed
            and (
                not re.match(r"\s*(?:[.!?,;]|$)", rest[m.end() :])
                or len(m.group("subj").split()) > 4
            )
        ):
            m = None
        if m and len(m.group("subj").split()) <= 8:
            a, b = close + m.start("subj"), close + m.end("subj")
            said = self._who(a, b - 1)
            if said is not None:
                return True, said
            return True, self._org(m.group("subj"), span.start)
        return False, None

    def _before(self, item: _Item) -> tuple[bool, str | None]:
        span = item.span
        open_at = span.start - len(span.open_mark)
        sent = self._sentence_at(open_at)
        lo = max(item.paragraph.start, open_at - 200, sent.start if sent else 0)
        head = self.body[lo:open_at]
        for pattern in (self.pat.before, self.pat.source):
            m = pattern.search(head)
            if m:
                a, b = lo + m.start("subj"), lo + m.end("subj")
                said = self._who(a, b)
                if said is not None:
                    return True, said
                if pattern is self.pat.source:
                    return True, self._org(m.group("subj"), span.start)
                subj = re.sub(r"^.*,\s*", "", m.group("subj").strip())
                if self.pat.doc_subject.match(subj) or subj.casefold() == "it":
                    # "Adding more, the statement said, “…”"
                    return True, self._org(subj, span.start)
        return False, None

    def _credit(self, item: _Item, same_paragraph: list[_Item]) -> str | None:
        """The person a credit line under a block quotation names.

        Official pages set a statement off as a paragraph of quotation only, with the speaker
        on the next line and no verb: "Ana Paz, Minister of Finance". The line must be short,
        hold no quotation or reporting verb, and open with the person's name.
        """
        para = item.paragraph
        if para.number >= len(self.paragraphs):
            return None
        if re.search(r"[^\W\d_]", self._outside_quotes(para, same_paragraph)):
            return None
        nxt = self.paragraphs[para.number]
        text = nxt.text.strip()
        if (
            len(nxt.sentences) != 1
            or len(text.split()) > 30
            or re.search(r"[.!?]$", text)
            or any(c in text for c in '“”"')
            or self.pat.verbs.search(text)
        ):
            return None
        lead = nxt.start + len(nxt.text) - len(nxt.text.lstrip(" \t\n—–-"))
        who = self._person_in(nxt.start, nxt.start + len(nxt.text))
        if who is None or who.kind != "name" or who.start != lead:
            return None
        return self._speaker(who)

    def _speaker(self, m: Mention) -> str:
        return self.register.people[m.person].id

    def _org(self, text: str, position: int = -1) -> str | None:
        """An unnamed or institutional speaker: "the Pentagon said" → Pentagon; "an official" → None.

        A document as the subject ("the statement said") speaks for its authors (see
        _document_authors); `position` is where the attribution stands.
        """
        doc = self.pat.doc_subject.match(text.strip())
        if doc is not None and position >= 0:
            return self._document_authors(doc.group("noun"), position)
        if text.strip().casefold() == "it" and position >= 0:
            # "It said, “…”" right after a sentence about a statement: the statement
            k = bisect.bisect_right(self.starts, position) - 1
            if k > 0 and self.pat.doc_noun.search(self._plain(self.sentences[k - 1])):
                return self._document_authors(None, self.sentences[k - 1].end, True)
            return None
        words = text.strip().split()
        while words and words[0].casefold() in {"the", "a", "an"}:
            words = words[1:]
        out = []
        for w in words:
            if not w[:1].isupper():
                break
            out.append(w.strip(",.;:"))
        return " ".join(out) or None

    # --- step 2: quote or not -------------------------------------------------------------

    def _kind(self, item: _Item, speech_nearby: bool, speech_in_sentence: bool) -> str:
        span = item.span
        open_at = span.start - len(span.open_mark)
        words = _WORD_RE.findall(item.text)
        big = [w for w in words if w.casefold() not in _SMALL_WORDS]
        titled = (
            len(words) >= 2
            and bool(big)
            and all(w[:1].isupper() for w in big)
            and not re.search(r"[.!?]", item.text.rstrip(".!?"))
        )
        marked = bool(self.pat.term.search(self.body[max(0, open_at - 25) : open_at]))
        if marked and titled:
            # 'The statement, titled “Stronger Together,” said ...': the verb is the
            # statement's, the quoted words are its name
            return "title"
        if item.attributed:
            return "quote"
        if marked or not words:
            return "term"
        if titled:
            return "title"
        if len(words) <= SHORT_QUOTE_WORDS:
            after = self.body[span.end + 1 : span.end + 3] if span.close_mark else ""
            modifier = bool(re.match(r" [a-z]", after))
            compound = len(words) == 1 and ("-" in words[0] or words[0][:1].isupper())
            if modifier and (compound or not speech_in_sentence):
                return "term"  # used as a modifier: "two-plus-two" talks
            if not speech_nearby:
                return "term"
        return "quote"

    def _speech_in_sentence(self, item: _Item) -> bool:
        sent = self._sentence_at(item.span.start)
        if sent is None:
            return False
        text = self.body[sent.start : sent.end]
        a, b = item.span.start - sent.start, item.span.end - sent.start
        return bool(self.pat.verbs.search(text[: max(a, 0)]) or self.pat.verbs.search(text[b:]))

    # --- step 3: speakers without an attribution next to the marks ------------------------

    def _document_body(self, item: _Item) -> str | None:
        open_at = item.span.start - len(item.span.open_mark)
        head = self.body[max(item.paragraph.start, open_at - 160) : open_at]
        m = self.pat.document.search(head)
        if not m or len(m.group("tail").split()) > 4:
            return None
        org = m.group("org").strip()
        return org or None

    def _document_authors(
        self, noun: str | None, position: int, whole_first: bool = False
    ) -> str | None:
        """Who speaks through "the statement" (or communique, declaration ...) quoted at
        `position`: the authors named where the text speaks of that document.

        Sentences are read back from the quote's own (up to `position`, or all of it with
        `whole_first`), skipping quoted words, for the same kind of document (any kind when
        `noun` is None). The first that tells who issued it decides: an issuer before or after
        the noun ("the IEA communique", "the White House released a statement", "a statement
        from Japan and India", "Ito and Paz approved the statement"), else the people the
        sentence names ("The joint statement said Ito and Paz agreed ..."). Two or more give
        one speaker for them all, "A and B (joint statement)"; a body gives its name.
        """
        head = noun.split()[-1].casefold() if noun else None
        k = bisect.bisect_right(self.starts, position) - 1
        for back in range(DOCUMENT_REACH):
            if k - back < 0:
                break
            sent = self.sentences[k - back]
            end = position if back == 0 and not whole_first else sent.end
            text = self._plain(sent)[: max(0, end - sent.start)]
            hits = [
                m
                for m in self.pat.doc_noun.finditer(text)
                if head is None or m.group("noun").split()[-1].casefold() == head
            ]
            if not hits:
                continue
            label = " ".join(hits[-1].group("noun").casefold().split())
            found = self._issuer(sent, text, label)
            if found is not None:
                return found
            if back == 0 and not whole_first:
                continue  # the attribution's own sentence: its people are not the authors
            people = self._people_in(sent.start, sent.start + len(text))
            if people:
                return self._authors(people, label)
        return None

    def _issuer(self, sent: Sentence, text: str, label: str) -> str | None:
        """The issuer a sentence names for the document it mentions, or None."""
        for pattern in (self.pat.issued_by, self.pat.issued, self.pat.owner):
            for m in pattern.finditer(text):
                a, b = sent.start + m.start("org"), sent.start + m.end("org")
                people = self._people_in(a, b)
                if people:
                    return self._authors(people, label)
                org = re.sub(r"^(?:[Tt]he)\s+", "", m.group("org").strip())
                if org.endswith(".") and "." not in org.split()[-1][:-1]:
                    org = org[:-1]  # the sentence's full stop, not "U.S."
                if org.split()[0] not in _NOT_ISSUERS:
                    return org
        return None

    def _people_in(self, start: int, end: int) -> list[int]:
        out: list[int] = []
        for m in self.register.mention_spans(start, end):
            if not m.in_quote and m.kind != "pronoun" and m.person not in out:
                out.append(m.person)
        return out

    def _authors(self, people: list[int], label: str) -> str:
        if len(people) == 1:
            return self.register.people[people[0]].id
        return f"{self._joint(people)} ({label})"

    def _joint(self, people: list[int]) -> str:
        """One speaker for several people: "A, B and C"."""
        names = [self.register.people[i].name for i in people]
        return f"{', '.join(names[:-1])} and {names[-1]}"

    def _plain(self, sent: Sentence) -> str:
        """A sentence with its quoted stretches blanked out (offsets kept)."""
        para = self.paragraphs[sent.paragraph - 1]
        outside = self._plain_cache.get(para.number)
        if outside is None:
            outside = self._outside_quotes(para, self.by_para.get(para.number, []))
            self._plain_cache[para.number] = outside
        return outside[sent.start - para.start : sent.end - para.start]

    def _document_quote(self, item: _Item) -> str | None:
        """A quote whose own sentence names a document ("In the statement the leaders agreed
        “to ...”", "“...,” according to a statement from the ministry") quotes it."""
        sent = self._sentence_at(item.span.start)
        if sent is None or not self.pat.doc_noun.search(self._plain(sent)):
            return None
        return self._document_authors(None, sent.start, whole_first=True)

    def _reported(self, item: _Item) -> tuple[bool, str | None]:
        """The subject of the last reporting verb before a partial quote in its sentence.

        (True, None) when the sentence reports speech by someone unnamed ("a spokesperson
        described the talks as “candid”"): the quote then continues no one.
        """
        sent = self._sentence_at(item.span.start)
        if sent is None:
            return False, None
        open_at = item.span.start - len(item.span.open_mark)
        text = self.body[sent.start : open_at]
        verbs = list(self.pat.verbs.finditer(text))
        for v in reversed(verbs):
            said = self._who(sent.start, sent.start + v.start() - 1)
            if said is not None:
                return True, said
        if not verbs:
            return False, None
        # "the Chinese Ministry of Foreign Affairs said the talks were “…”"
        m = _BODY_BEFORE_RE.search(text[: verbs[-1].start()])
        return True, (m.group("body") if m else None)

    def _subject(self, item: _Item) -> str | None:
        """The first person named in the quote's sentence before it ("He called it “…”")."""
        sent = self._sentence_at(item.span.start)
        if sent is None:
            return None
        open_at = item.span.start - len(item.span.open_mark)
        cands = [m for m in self.register.mention_spans(sent.start, open_at) if not m.in_quote]
        return self._speaker(cands[0]) if cands else None

    # --- the whole document ---------------------------------------------------------------

    def read(self) -> list[Quote]:
        items: list[_Item] = []
        for para in self.paragraphs:
            for span in quote_spans(self.body, para):
                items.append(_Item(span, para, _clean(span.text)))
        self._chain(items)
        by_para: dict[int, list[_Item]] = {}
        for it in items:
            by_para.setdefault(it.paragraph.number, []).append(it)
        self.by_para = by_para
        self._plain_cache: dict[int, str] = {}
        for it in items:
            found, who = self._after(it)
            if not found:
                found, who = self._before(it)
            if not found:
                who = self._credit(it, by_para[it.paragraph.number])
                found = who is not None
            it.attributed, it.speaker = found, who
        chained = {it.chain for k, it in enumerate(items) if it.chain != k}
        # Speech nearby: a paragraph holding an attributed or a long quotation (titles aside).
        long_quote_in = {
            it.paragraph.number
            for it in items
            if it.attributed
            or (
                len(_WORD_RE.findall(it.text)) > SHORT_QUOTE_WORDS
                and self._kind(it, True, True) == "quote"
            )
        }
        for it in items:
            in_sentence = self._speech_in_sentence(it)
            nearby = it.paragraph.number in long_quote_in or in_sentence
            it.kind = self._kind(it, nearby, in_sentence)
            if it.span.close_mark is None or it.chain in chained:
                it.kind = "quote"  # a quotation running on past its paragraph is speech
        quotes = [it for it in items if it.kind == "quote" and it.text]
        self._fill(quotes)
        quotes.extend(self._block_quotes({it.paragraph.number for it in items}))
        quotes.sort(key=lambda it: it.span.start)
        return [Quote(it.text, it.speaker, self._source(it)) for it in quotes]

    # --- quotations set off as paragraphs, with no marks -----------------------------------

    def _block_quotes(self, marked: set[int]) -> list[_Item]:
        """Paragraphs quoted after a line that ends `The Foreign Secretary said:`.

        Official releases set a statement off as plain paragraphs after such a line. Each
        paragraph is one quote of that person, if it has no quotation marks of its own (a
        paragraph in `marked` holds some). The first paragraph after the line always counts; a
        further one only while it speaks in the first person ("I", "we", "our") and does not
        name the speaker in the third person, so the narrative that resumes ("The Foreign
        Secretary also met ...") is left out. An unnamed speaker ("A spokesperson said:")
        gives no quotes: the statement is a third-person readout, not someone's words.
        """
        out: list[_Item] = []
        paras = self.paragraphs
        for k, para in enumerate(paras[:-1]):
            if not para.sentences or para.number in marked:
                continue
            last = para.sentences[-1]
            m = self.pat.intro.search(last.text)
            if m is None:
                continue
            who = self._person_in(last.start + m.start("subj"), last.start + m.end("subj") + 1)
            if who is None or who.in_quote:
                continue
            for n, nxt in enumerate(paras[k + 1 :]):
                if (
                    nxt.number in marked
                    or not nxt.sentences
                    or nxt.heading
                    or self.pat.intro.search(nxt.sentences[-1].text)
                ):
                    break
                if n > 0 and not self._first_person_without(nxt, who.person):
                    break
                out.append(self._paragraph_item(nxt, self._speaker(who)))
        return out

    def _first_person_without(self, para: Paragraph, person: int) -> bool:
        """Whether a paragraph speaks as "I"/"we" and never names `person` by name or title."""
        if not _FIRST_PERSON_RE.search(para.text):
            return False
        end = para.start + len(para.text)
        return not any(
            m.person == person and m.kind != "pronoun"
            for m in self.register.mention_spans(para.start, end)
        )

    def _paragraph_item(self, para: Paragraph, speaker: str) -> _Item:
        text = para.text.strip()
        start = para.start + len(para.text) - len(para.text.lstrip())
        span = QuoteSpan(text, start, start + len(text), "", "")
        return _Item(span, para, text, speaker=speaker, attributed=True)

    def _chain(self, items: list[_Item]) -> None:
        """Link a quote left open at a paragraph's end to the one that opens the next."""
        for k, it in enumerate(items):
            it.chain = k
            if k == 0:
                continue
            prev = items[k - 1]
            para_text_start = it.paragraph.start + (
                len(it.paragraph.text) - len(it.paragraph.text.lstrip())
            )
            opens_paragraph = it.span.start - len(it.span.open_mark) <= para_text_start
            if (
                prev.span.close_mark is None
                and prev.paragraph.number + 1 == it.paragraph.number
                and opens_paragraph
            ):
                it.chain = prev.chain

    def _fill(self, quotes: list[_Item]) -> None:
        self._reporter_cache: dict[int, list[tuple[int, str]]] = {}
        self.by_paragraph: dict[int, list[_Item]] = {}
        for it in quotes:
            self.by_paragraph.setdefault(it.paragraph.number, []).append(it)
        # A quote running over paragraphs has one speaker, wherever its attribution stands.
        said: dict[int, str | None] = {}
        for it in quotes:
            if it.attributed and it.chain not in said:
                said[it.chain] = it.speaker
        for k, it in enumerate(quotes):
            if it.attributed:
                continue
            if it.chain in said:
                it.speaker = said[it.chain]
                continue
            body = self._document_body(it)
            if body:
                it.speaker = body
                continue
            reported, who = self._reported(it)
            if reported:
                it.speaker, it.attributed = who, True
                continue
            authors = self._document_quote(it)
            if authors is not None:
                it.speaker = authors
                continue
            if self._set_off(it):
                pulled = self._pull_quote(it, quotes, k)
                if pulled is not None:
                    it.speaker = pulled
                    continue
            it.speaker = self._subject(it) or self._continued(quotes, k)
        by_chain: dict[int, str] = {}
        for it in quotes:
            if it.speaker and it.chain not in by_chain:
                by_chain[it.chain] = it.speaker
        for it in quotes:
            if not it.speaker and not it.attributed:
                it.speaker = by_chain.get(it.chain)
        # `“A.” “B,” he said.`: an unattributed quote takes the next attributed one's speaker.
        for items in self.by_paragraph.values():
            following: _Item | None = None
            for it in reversed(items):
                if it.speaker is None and not it.attributed and following is not None:
                    it.speaker = following.speaker
                if it.attributed:
                    following = it

    def _continued(self, quotes: list[_Item], k: int) -> str | None:
        """The speaker an unattributed quote continues: the paragraph's current speaker.

        Within a paragraph that is whoever spoke last before the quote: the previous quote's
        speaker (`“A,” she said. “B.”`) or the person a later reporting verb names ("Rao called
        for a delay. The draft has “too little ...”"). A paragraph where no one has spoken yet
        continues the paragraph before it (its last quote's speaker, or the person its
        reporting verb gives) when it opens with the quote or names no one else: news
        reports run a statement on over paragraphs. A paragraph about someone else gives none.
        """
        it = quotes[k]
        para = it.paragraph
        open_at = it.span.start - len(it.span.open_mark)
        prev = quotes[k - 1] if k > 0 else None
        here = [r for r in self._reporters(para) if r[0] < open_at]
        if prev is not None and prev.paragraph is para:
            if here and here[-1][0] > prev.span.end:
                return here[-1][1]
            return prev.speaker
        if here:
            return here[-1][1]
        end = para.start + len(para.text)
        named = [m for m in self.register.mention_spans(para.start, end) if not m.in_quote]
        others = {self._speaker(m) for m in named if m.kind != "pronoun"}
        carried: str | None = None
        if para.number >= 2:
            before = self.paragraphs[para.number - 2]
            if prev is not None and prev.paragraph is before and prev.speaker:
                carried = prev.speaker
            else:
                said = self._reporters(before)
                carried = said[-1][1] if said else None
        outside = self._outside_quotes(para, self.by_paragraph[para.number])
        opens = not re.search(r"[^\W\d_]", outside[: open_at - para.start])
        if carried is not None and (opens or not others) and others <= {carried}:
            return carried
        # The paragraph is about someone else: its only person before the quote
        subjects = {self._speaker(m) for m in named if m.start < open_at}
        return subjects.pop() if len(subjects) == 1 else None

    def _set_off(self, item: _Item) -> bool:
        """Whether a quote stands alone as a one-line paragraph: a pull quote or subheading."""
        para = item.paragraph
        text = para.text.strip()
        return (
            "\n" not in text
            and len(text.split()) <= PULL_QUOTE_WORDS
            and not re.search(r"[^\W\d_]", self._outside_quotes(para, [item]))
        )

    def _pull_quote(self, item: _Item, quotes: list[_Item], k: int) -> str | None:
        """The speaker of a quote set off as its own line.

        A subheading quotes words said later in its section ("“We need a good law”" over a
        paragraph where Holm says "... because we need a good law"): the attributed quote that
        repeats its words names the speaker. A subheading with no closing full stop that
        repeats nothing looks ahead, to the first attributed quote of its section, since it
        introduces what follows.
        """
        key = _norm(item.text)
        if len(key.split()) >= 2:
            for other in quotes:
                if (
                    other is not item
                    and other.attributed
                    and other.speaker
                    and key in _norm(other.text)
                ):
                    return other.speaker
        if re.search(r"[.!?]\W*$", item.text):
            return None
        for other in quotes[k + 1 :]:
            if self._set_off(other) or other.paragraph.heading:
                break
            if other.attributed and other.speaker:
                return other.speaker
        return None

    def _reporters(self, para: Paragraph) -> list[tuple[int, str]]:
        """(offset, speaker) for each reporting verb of a paragraph outside quotation marks
        whose subject, the person named last before it in its sentence, is known."""
        cached = self._reporter_cache.get(para.number)
        if cached is not None:
            return cached
        outside = self._outside_quotes(para, self.by_paragraph.get(para.number, []))
        out: list[tuple[int, str]] = []
        for sent in para.sentences:
            a = sent.start - para.start
            for v in self.pat.verbs.finditer(outside, a, sent.end - para.start):
                who = self._person_in(sent.start, para.start + v.start(), last=True)
                if who is not None and not who.in_quote:
                    out.append((para.start + v.start(), self._speaker(who)))
        self._reporter_cache[para.number] = out
        return out

    def _outside_quotes(self, para: Paragraph, quotes: list[_Item]) -> str:
        text = para.text
        for q in quotes:
            if q.paragraph is para:
                a = q.span.start - para.start
                b = q.span.end - para.start
                text = text[:a] + " " * (b - a) + text[b:]
        return text


def extract_quotes(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Quote]:
    """Every direct quotation in the document, each with its speaker and source sentence."""
    return _Reader(document, paragraphs, register, lexicon).read()


__all__ = ["extract_quotes"]
