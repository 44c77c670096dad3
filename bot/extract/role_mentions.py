"""Mentions of people by role: "the Chancellor", "the secretary", "Japan's prime minister".

A role reference goes to the person whose roles contain all its words, the one mentioned most
recently first. A head-of-government title nobody in the document holds goes to the
most-mentioned untitled person: in a report about a visit, the untitled person everyone
quotes is the one the title belongs to.
"""

from __future__ import annotations

from bot.extract.countries import find_countries
from bot.extract.evidence import RoleRef
from bot.extract.lexicon import Lexicon
from bot.extract.mentions import Mention, MentionText
from bot.extract.merging import Draft, party_country
from bot.extract.names import vocab
from bot.extract.titles import RolePhrase, role_words
from bot.models import Person


def parse_role_reference(text: str, lexicon: Lexicon) -> tuple[frozenset[str], str | None] | None:
    """The title words and country of a role reference ("Japan's prime minister"), or None.

    The country is taken out of the words, and a reference needs a title head (or both words
    of a compound head such as "First Lady"): "Japan's prime minister" gives
    ({"prime", "minister"}, "Japan"); "Japan's economy" gives None.
    """
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


def role_candidates(
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


def role_mentions(
    t: MentionText,
    refs: list[RoleRef],
    drafts: list[Draft],
    mentions: list[Mention],
) -> list[Mention]:
    """The name mentions with the role references added, in text order.

    Each reference goes to the fitting person mentioned last before it ("Vogt met Hale. The
    Chancellor said ..." is Vogt when only Vogt is a chancellor), or the first fitting
    person when none was mentioned yet. "the SPD politician" goes to a member of that party.
    A reference also gives its person the party and country it names, and becomes an alias.
    References inside quotations are skipped.
    """
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
            titled = role_candidates(drafts, ph.words, ph.country, t.v.distinct, t.v.equivalents)
            generic = ph.head in t.v.generic_heads
            cands = members if generic else [i for i in titled if i in members]
            if not cands:
                continue
        else:
            cands = role_candidates(drafts, ph.words, ph.country, t.v.distinct, t.v.equivalents)
        if not cands:
            idx = attach_leader(t, ph, drafts, counts)
            if idx is None:
                continue
            cands = [idx]
        prior = [c for c in cands if c in last_seen]
        idx = max(prior, key=lambda c: last_seen[c]) if prior else cands[0]
        last_seen[idx] = start
        d = drafts[idx]
        if party and not d.party:
            d.party = party
            d.country = d.country or party_country(party, t.v)
        d.country = d.country or ph.country
        text = t.document.text[start : ph.end]
        d.role_aliases.append(" ".join(text.split()))
        out.append(Mention(idx, start, ph.end, "role", text, False))
    out.sort(key=lambda m: m.start)
    return out


def attach_leader(
    t: MentionText, ph: RolePhrase, drafts: list[Draft], counts: list[int]
) -> int | None:
    """A head-of-government title nobody holds goes to the most-mentioned untitled person
    (named twice, or quoted).

    "said the Chancellor" in a report that names Lena Vogt three times without a title
    makes Vogt the Chancellor; someone named once in passing gets no title this way.
    """
    key = " ".join(ph.text.split()).casefold()
    if key not in t.v.leaders and ph.head not in t.v.leaders:
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
    drafts[idx].add_role(role, t.v.heads)
    drafts[idx].titled = True
    return idx
