"""Names: tokens, the word lists a name is read with, and how a name is parsed and written.

A person's name is recognised by its shape (capitalised words, initials, particles, suffixes)
and by what it is not (a title, a portfolio word, a country, a calendar word): no list of first
names is needed, so names from any country work. The word lists come from config/lexicon.yaml
and config/roles.yaml and are compiled once per lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from bot.extract.alternation import WordScan, word_scan
from bot.extract.lexicon import Lexicon

#: Words, dotted abbreviations (U.S.) and single punctuation marks. Apostrophes and hyphens stay
#: inside a word ("Hamada's", "Do-hoon"); a dot after a single letter is its own token, so an
#: initial reads as "J" + ".".
_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth", re.IGNORECASE)
POSSESSIVE = ("'s", "’s")
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on"})
#: How many words Vocab.name_shaped remembers before it starts afresh (bounds its memory).
_WORD_MEMO = 50_000


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the document body.

    A named tuple, not a dataclass: a document has tens of thousands of tokens, and a tuple
    is made in a third of the time a frozen dataclass takes.
    """

    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The word without a possessive ending: "Modi's" → "Modi"."""
        return self.text[:-2] if self.text.endswith(POSSESSIVE) else self.text

    @property
    def possessive(self) -> bool:
        return self.text.endswith(POSSESSIVE)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`, offsets shifted by `offset` (the text's place in the body)."""
    if not offset:
        return [_new_tuple(Token, (m.group(), *m.span())) for m in _TOKEN_RE.finditer(text)]
    return [
        _new_tuple(Token, (m.group(), m.start() + offset, m.end() + offset))
        for m in _TOKEN_RE.finditer(text)
    ]


def _fold_all(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(i.rstrip(".").casefold() for i in items)


@dataclass(frozen=True)
class Vocab:
    """The word lists of the name and title rules, folded for lookup."""

    heads: frozenset[str]
    compound_heads: frozenset[tuple[str, str]]  # folded ("first", "lady"): both words needed
    equivalents: tuple[tuple[str, str], ...]  # folded titles naming one office: premier, ...
    tails: frozenset[str]
    status: frozenset[str]  # words after a title that qualify it: nominee, designate, elect
    state_nouns: frozenset[str]  # a state's formal name: Republic, Kingdom, Commonwealth
    family_names: frozenset[str]  # folded East Asian family names written first: kim, wang
    modifiers: frozenset[str]
    office: frozenset[str]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    not_people: frozenset[str]
    organisations: frozenset[str]  # words that end company and institution names
    pronouns: frozenset[str]
    male: frozenset[str]  # folded pronouns and honorifics that say "he": he, his, mr
    female: frozenset[str]  # and "she": she, her, ms, mrs
    former: frozenset[str]
    leaders: frozenset[str]
    distinct: frozenset[str]  # modifiers that make another office: vice, deputy, prime
    generic_heads: frozenset[str]  # "the SPD politician": any member of the party
    office_countries: dict[str, tuple[str, ...]]  # folded title -> countries that have it
    services: frozenset[str]  # words of armed-service names: army, air, force
    abbreviations: dict[str, str]  # folded "sen" -> "Senator", "gen" -> "General"
    rank_nouns: frozenset[str]  # folded "general", "admiral": "the general said"
    parties: dict[str, tuple[str, str | None]]  # folded alias -> (party name, country)
    short_parties: frozenset[str]  # aliases that must match exactly, as spelled (D, R, AfD)
    travel: WordScan  # travel words: "visit to", "arrived in" (destination after them)

    def name_shaped(self, word: str) -> bool:
        """Whether a word (possessive stripped) may be part of a name whatever stands around it:
        capitalised, with a letter, and in no list of words that name no one ("Minister",
        "He", "Mr"). Remembered per word, as every capitalised token is asked about."""
        memo = self._name_shaped
        known = memo.get(word)
        if known is None:
            if len(memo) >= _WORD_MEMO:
                memo.clear()
            known = memo[word] = self._read_name_shaped(word)
        return known

    def _read_name_shaped(self, w: str) -> bool:
        if not w[:1].isupper() or not any(c.isalpha() for c in w):
            return False
        f = w.casefold()
        if f in self.not_names or f in self.pronouns or self.is_title_word(w):
            return False
        return not (w in self.not_people or f in self.ranks or f in self.honorifics)

    @cached_property
    def _name_shaped(self) -> dict[str, bool]:
        return {}

    @cached_property
    def head_words(self) -> frozenset[str]:
        """Every folded word a title's head may be without a hyphen: the heads, the second
        words of compound heads ("lady" of "first lady") and the ranks read as heads."""
        return self.heads | {b for _, b in self.compound_heads} | self.rank_nouns

    def is_title_word(self, word: str) -> bool:
        """A word that builds titles and never names a person."""
        w = word.rstrip(".").casefold()
        return (
            w in self.heads
            or w in self.modifiers
            or w in self.office
            or w in self.tails
            or w in self.status
            or w in self.state_nouns
        )

    def party_of(self, text: str) -> tuple[str, str | None] | None:
        """The party a short phrase names ("SPD", "Greens", "D-Calif."), or None."""
        t = text.strip().strip(".").strip()
        for cand in (t, t.split("-")[0].strip()):
            key = cand.casefold()
            if key in self.parties and (len(cand) > 3 or cand in self.short_parties):
                return self.parties[key]
        return None


@lru_cache(maxsize=8)
def vocab(lexicon: Lexicon) -> Vocab:
    """The folded word lists of one lexicon (cached: lexicons hash by identity)."""
    office = set(_fold_all(lexicon.word_list("office_words")))
    for p in lexicon.portfolios:
        for phrase in (p.name, *p.synonyms):
            office.update(w.casefold() for w in re.findall(r"[^\W\d_]+", phrase))
    office -= {"minister", "secretary", "and", "of", "for", "the"}
    raw = lexicon.words.get("title_abbreviations") or {}
    abbreviations = (
        {str(k).rstrip(".").casefold(): str(val) for k, val in raw.items()}
        if isinstance(raw, dict)
        else {}
    )
    ranks = _fold_all(lexicon.word_list("ranks"))
    raw_eq = lexicon.words.get("title_equivalents") or {}
    equivalents = (
        tuple((str(k).casefold(), str(val).casefold()) for k, val in raw_eq.items())
        if isinstance(raw_eq, dict)
        else ()
    )
    raw_offices = lexicon.words.get("office_countries") or {}
    offices = (
        {str(k).casefold(): tuple(str(c) for c in (val or ())) for k, val in raw_offices.items()}
        if isinstance(raw_offices, dict)
        else {}
    )
    parties: dict[str, tuple[str, str | None]] = {}
    short: set[str] = set()
    for entry in lexicon.words.get("parties") or ():
        if not isinstance(entry, dict) or not entry.get("name"):
            continue
        name = str(entry["name"])
        country = entry.get("country")
        for alias in (name, *(str(a) for a in entry.get("aliases") or ())):
            parties.setdefault(alias.casefold(), (name, str(country) if country else None))
            if len(alias) <= 3:
                short.add(alias)
    return Vocab(
        heads=_fold_all(lexicon.word_list("title_heads")),
        compound_heads=frozenset(
            (ws[0], ws[1])
            for ws in (h.casefold().split() for h in lexicon.word_list("compound_title_heads"))
            if len(ws) == 2
        ),
        equivalents=equivalents,
        tails=_fold_all(lexicon.word_list("title_tails")),
        status=_fold_all(lexicon.word_list("title_status_words")),
        state_nouns=_fold_all(lexicon.word_list("state_nouns")),
        family_names=_fold_all(lexicon.word_list("family_first_surnames")),
        modifiers=_fold_all(lexicon.word_list("title_modifiers")),
        office=frozenset(office),
        ranks=ranks,
        honorifics=_fold_all(lexicon.word_list("honorifics")),
        particles=frozenset(lexicon.word_list("name_particles")),
        suffixes=_fold_all(lexicon.word_list("name_suffixes")),
        not_names=_fold_all(lexicon.word_list("not_names")),
        not_people=frozenset(lexicon.word_list("not_people")),
        organisations=_fold_all(lexicon.word_list("organisation_words")),
        pronouns=_fold_all(lexicon.word_list("person_pronouns")),
        male=_fold_all(lexicon.word_list("male_words")),
        female=_fold_all(lexicon.word_list("female_words")),
        former=frozenset(m.casefold().rstrip("-") for m in lexicon.former_markers),
        leaders=_fold_all(lexicon.word_list("leader_titles")),
        distinct=_fold_all(lexicon.word_list("distinct_office_modifiers")),
        generic_heads=_fold_all(lexicon.word_list("party_member_nouns")),
        office_countries=offices,
        services=frozenset(w.casefold() for s in lexicon.word_list("services") for w in s.split()),
        abbreviations=abbreviations,
        rank_nouns=frozenset(r.casefold() for r in abbreviations.values() if r.casefold() in ranks),
        parties=parties,
        short_parties=frozenset(short),
        travel=word_scan(lexicon.word_list("travel_words")),
    )


def party_ending(tokens: list[Token], j: int, v: Vocab) -> tuple[str, int] | None:
    """The party named by capitalised tokens ending at token `j`, and its first token.

    "FDP leader", "Green Party co-leader", "Christian Democrat (CDU) Lena Vogt": the longest
    run of up to four words that a party alias names wins, so "Green Party" is read whole. A
    parenthesised short name ("(SPD)") counts too, with the long name before it.
    """
    if j < 0:
        return None
    if j >= 2 and tokens[j].text == ")" and tokens[j - 2].text == "(":
        hit = v.party_of(tokens[j - 1].text)
        if hit is None:
            return None
        longer = party_ending(tokens, j - 3, v)
        if longer is not None and longer[0] == hit[0]:
            return longer
        return hit[0], j - 2
    for size in (4, 3, 2, 1):
        a = j - size + 1
        if a < 0 or not all(tokens[x].capitalised for x in range(a, j + 1)):
            continue
        phrase = "".join(
            (" " if x > a and tokens[x].start > tokens[x - 1].end else "") + tokens[x].bare
            for x in range(a, j + 1)
        )
        hit = v.party_of(phrase)
        if hit is not None:
            return hit[0], a
    return None


def is_ordinal(word: str) -> bool:
    return bool(_ORDINAL_RE.fullmatch(word))


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name as printed: its parts ("Lloyd", "J.", "Austin", "III") and body offsets."""

    parts: tuple[str, ...]
    start: int
    end: int
    first: int  # index of the first name token
    stop: int  # index after the last token

    @property
    def surface(self) -> str:
        return " ".join(self.parts)


class NameReader:
    """Parses names in one token list; `blocked` marks tokens inside country mentions."""

    def __init__(self, tokens: list[Token], blocked: list[bool], v: Vocab) -> None:
        self.tokens = tokens
        self.blocked = blocked
        self.v = v

    def _adjacent_dot(self, i: int) -> bool:
        t = self.tokens
        return i + 1 < len(t) and t[i + 1].text == "." and t[i + 1].start == t[i].end

    def is_initial(self, i: int) -> bool:
        w = self.tokens[i].text
        return len(w) == 1 and w.isupper() and self._adjacent_dot(i)

    def is_bare_initial(self, i: int) -> bool:
        """A capital letter without a dot before a name word: "S" in "Dr S Rao"."""
        t = self.tokens
        w = t[i].text
        return (
            len(w) == 1
            and w.isupper()
            and w.casefold() not in self.v.not_names
            and not self.blocked[i]
            and i + 1 < len(t)
            and t[i + 1].start - t[i].end == 1
            and len(t[i + 1].text) > 1
            and self.is_name_word(i + 1)
        )

    def is_suffix(self, i: int) -> bool:
        return self.tokens[i].text.rstrip(".").casefold() in self.v.suffixes

    def is_dotted_suffix(self, i: int) -> bool:
        """A suffix written with a dot ("Jr."), not a Roman numeral before a full stop."""
        return self.is_suffix(i) and not set(self.tokens[i].text) <= set("IVX")

    def is_honorific(self, i: int) -> bool:
        tok = self.tokens[i]
        if not tok.text[:1].isupper():
            return False
        w = tok.text.rstrip(".").casefold()
        return w in self.v.honorifics or w in self.v.ranks

    def is_name_word(self, i: int) -> bool:
        text = self.tokens[i].text
        if not text[:1].isupper():  # the possessive-free word starts the same
            return False
        w = self.tokens[i].bare
        if not w[:1].isupper() or self.blocked[i] or not self.v.name_shaped(w):
            return False
        return not (len(w) == 1 and not self._adjacent_dot(i))

    def rank_role(self, first: int) -> str | None:
        """The role the abbreviated titles before a name give: "Brig. Gen." → Brigadier General."""
        t = self.tokens
        k = first - 1
        words: list[str] = []
        while k >= 0:
            if t[k].text == "." and k > 0:
                k -= 1
                continue
            w = t[k].text.casefold()
            if not self.is_honorific(k):
                break
            if not self._adjacent_dot(k) and k > 0 and t[k - 1].text.casefold() in self.v.heads:
                break  # "Secretary General Jens Stoltenberg": General ends the title
            full = self.v.abbreviations.get(w) or (
                t[k].text if w in {a.casefold() for a in self.v.abbreviations.values()} else None
            )
            if full:
                words.insert(0, full)
            k -= 1
        return " ".join(words) or None

    def is_particle(self, i: int) -> bool:
        """A particle inside a name: "von der" in "Ursula von der Leyen"."""
        t = self.tokens
        k = i
        while k < len(t) and t[k].text in self.v.particles:
            k += 1
        return k > i and k < len(t) and self.is_name_word(k)

    def _service_then_rank(self, i: int) -> int:
        """Tokens to skip before a name: "Army Gen.", "Air Force Brig. Gen." (0 if none).

        Service words count only when a rank follows them, so "Air Force" alone stays a title
        word and never becomes part of a name.
        """
        t = self.tokens
        k = i
        while k < len(t) and t[k].text.casefold() in self.v.services and t[k].capitalised:
            k += 1
        if k == i or k >= len(t) or not self.is_honorific(k):
            return 0
        return k - i

    def forward(
        self, i: int, skip_honorifics: bool = True, family_caps: bool = False
    ) -> NameSpan | None:
        """The name starting at token `i` (after any honorifics and ranks), or None.

        A name all in capitals is an acronym, except with `family_caps` (right after a title,
        where "Minister KIHARA" is a Japanese family name printed in capitals).
        """
        t, n = self.tokens, len(self.tokens)
        k = i
        if skip_honorifics:
            k += self._service_then_rank(k)
        while skip_honorifics and k < n and self.is_honorific(k):
            k += 2 if self._adjacent_dot(k) else 1
        first = k
        parts: list[str] = []
        words = 0
        while k < n:
            if parts and k > first and t[k].start - t[k - 1].end > 1:
                break  # a name does not run over a line break or a double space
            if self.is_initial(k):
                parts.append(t[k].text + ".")
                k += 2
                continue
            if not parts and self.is_bare_initial(k):
                parts.append(t[k].text)  # "Dr S Rao": an initial printed without its dot
                k += 1
                continue
            if parts and self.is_particle(k):
                parts.append(t[k].text)
                k += 1
                continue
            if (
                words
                and t[k].text == ","
                and k + 1 < n
                and self.is_dotted_suffix(k + 1)
                and t[k + 1].text.rstrip(".").casefold() in {"jr", "sr"}
            ):
                k += 1  # "Joseph R. Biden, Jr."
            if words and self.is_suffix(k):
                # "Jr." keeps its dot; after "III" a dot ends the sentence
                dot = self._adjacent_dot(k) and self.is_dotted_suffix(k)
                parts.append(t[k].text + ("." if dot else ""))
                k += 2 if dot else 1
                break
            if self.is_name_word(k) or self._last_syllable(k, parts):
                parts.append(t[k].bare)
                words += 1
                k += 1
                if t[k - 1].possessive:
                    break
                continue
            break
        while parts and (parts[-1] in self.v.particles):
            parts.pop()
            k -= 1
        if not words or words > 5:
            return None
        if all(p.isupper() and len(p) > 1 for p in parts):
            caps_name = family_caps and words == 1 and len(parts[0]) >= 3
            if not caps_name or not re.search(r"[AEIOUY]", parts[0][1:]):
                return None
        end_tok = k - 1
        return NameSpan(tuple(parts), t[first].start, t[end_tok].end, first, k)

    def _last_syllable(self, k: int, parts: list[str]) -> bool:
        """A short word that ends a family-first name although it reads as an English word:
        "President Baek Ha In and ..." (a capital "In" mid-sentence is no preposition)."""
        t = self.tokens
        w = t[k].bare
        return (
            len(parts) == 2
            and parts[0].casefold() in self.v.family_names
            and syllabic(parts[1])
            and len(w) <= 3
            and w[:1].isupper()
            and w[1:].islower()
            and syllabic(w)
            and t[k].start - t[k - 1].end == 1
            and not (k + 1 < len(t) and t[k + 1].capitalised)
        )

    def backward_start(self, j: int, lo: int) -> int | None:
        """The first token of a name that ends at token `j` (not before `lo`), or None."""
        t = self.tokens
        k = j
        if t[k].text == "." and k > lo and self.is_dotted_suffix(k - 1):
            k -= 1
        if self.is_suffix(k) and k > lo and not self.is_initial(k):
            k -= 1
            if t[k].text == "," and k > lo:
                k -= 1  # "Joseph R. Biden, Jr."
        start = None
        while k >= lo:
            if self.is_name_word(k) and not (k < j and t[k].possessive):
                start = k
            elif t[k].text == "." and k > lo and self.is_initial(k - 1):
                k -= 1
                start = k
            elif t[k].text in self.v.particles and start is not None:
                pass
            else:
                break
            k -= 1
        return start


def display_name(parts: tuple[str, ...], suffixes: frozenset[str]) -> str:
    """A name written given-name first: "NISHIMURA Yasutoshi" → "Yasutoshi Nishimura".

    Japanese official texts print the family name in capitals before the given name; any other
    order is kept as printed (Korean and Chinese names put the family name first already).
    """

    def shouting(p: str) -> bool:
        return len(p) > 1 and p.isalpha() and p.isupper() and p.casefold() not in suffixes

    caps = [p for p in parts if shouting(p)]
    if caps and len(caps) == len(parts) == 1:
        return caps[0].title()  # "Minister KIHARA"
    if caps and len(parts) - len(caps) > 1:
        # "YOON Suk Yeol": a two-part given name is Korean, and Korean order stays
        return " ".join(p.title() if shouting(p) else p for p in parts)
    if caps and len(caps) < len(parts):
        rest = [p for p in parts if not shouting(p)]
        return " ".join([*rest, *(c.title() for c in caps)])
    return " ".join(parts)


def name_words(name: str, suffixes: frozenset[str]) -> list[str]:
    """The words of a name without initials and suffixes: "Lloyd J. Austin III" → Lloyd, Austin.

    An initial printed without its dot ("S Rao") is an initial too.
    """
    out = []
    for w in name.split():
        bare = w.rstrip(".")
        if len(bare) == 1 or bare.casefold() in suffixes:  # "J." and an undotted "S"
            continue
        out.append(w)
    return out


@lru_cache(maxsize=8)
def _folded(words: frozenset[str]) -> frozenset[str]:
    """The words case-folded, once per list: surname reads the particles for every name."""
    return frozenset(w.casefold() for w in words)


def surname(name: str, v: Vocab) -> str:
    """The family name used alone for later mentions: last word, with its particles."""
    words = name_words(name, v.suffixes)
    if not words:
        return name
    out = [words[-1]]
    folded = _folded(v.particles)
    for w in reversed(words[1:-1]):  # "Le Drian", "von der Leyen", "Di Maio"
        if w.casefold() not in folded:
            break
        out.insert(0, w)
    return " ".join(out)


#: One romanised Chinese, Korean or Vietnamese syllable: an optional initial, a vowel group,
#: an optional final ("jin", "ping", "wook", "yeol", "hsien", "trong").
_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tr|ph|th|kh|ng|nh|gi|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxyz])?"
    r"(?:iao|ian|uai|uan|yae|yeo|wae|ae|ai|ao|au|ei|eo|eu|ia|ie|io|iu|oe|oi|oo|ou|ua|ue|ui|uo"
    r"|wa|wo|we|wi|ya|ye|yo|yu|[aeiouy])"
    r"(?:ng|n|m|k|l|p|t)?"
)
_GIVEN_RE = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")


def syllabic(word: str) -> bool:
    """Whether a word reads as a romanised East Asian given name of one to three syllables."""
    parts = word.casefold().split("-")
    return 0 < len(parts) <= 3 and all(_GIVEN_RE.fullmatch(p) for p in parts)


def family_first(name: str, v: Vocab) -> str | None:
    """The family name of an East Asian name printed family-first ("Lee Do-hoon" → "Lee").

    Recognised by a hyphenated given name with a lower-case second part, the usual romanisation
    of Korean given names, or by a common family name (config `family_first_surnames`) before a
    given name of romanised syllables ("Xi Jinping", "Han Sung Ho"), which "Kim Darroch" or
    "Lee Brandt" are not.
    """
    words = name_words(name, v.suffixes)
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
        return words[0]
    if (
        2 <= len(words) <= 3
        and words[0].casefold() in v.family_names
        and all(syllabic(w) for w in words[1:])
    ):
        return words[0]
    return None
