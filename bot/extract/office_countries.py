"""The country of a titled person the text names no country for, read from their office.

"Prime Minister" in a report on Germany and Japan is Japan's prime minister when Japan leads
the document's country mentions; a country the person travels to is never theirs.
"""

from __future__ import annotations

import bisect

from bot.extract.mentions import Mention, MentionText
from bot.extract.merging import Draft

#: How far after a travel word ("arrived in", "visit to") its destination may stand.
TRAVEL_REACH = 30


def office_countries(t: MentionText, drafts: list[Draft], mentions: list[Mention]) -> None:
    """A country for a titled person the text gives none: the country, among those the
    document is about, whose office the title names ("Prime Minister" in a report on Germany
    and Japan is Japan's). Only when one such country clearly leads the document's country
    mentions (twice as many as the next, and more than once for an office many countries
    have); otherwise the country stays unknown. A country
    the person travels to ("X arrived in Paris", "during his visit to France") is not
    theirs: in a visit report the host country leads the mentions."""
    table = t.v.office_countries
    if not table or all(d.country or d.former for d in drafts):
        return
    counts: dict[str, int] = {}
    for c in t.countries:
        counts[c.country] = counts.get(c.country, 0) + 1
    away_of: dict[int, set[str]] | None = None  # read when an office first has a country
    for idx, d in enumerate(drafts):
        if d.country or d.former:
            continue
        for role in d.roles:
            holders = table.get(role.casefold(), ())
            if not any(counts.get(c) for c in holders):
                continue  # no holder of the office is named: nothing to rank
            if away_of is None:
                away_of = visited(t, mentions)
            away = away_of.get(idx, set())
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


def visited(t: MentionText, mentions: list[Mention]) -> dict[int, set[str]]:
    """Person -> countries they travel to: the country named right after a travel word
    (config `travel_words`: visit, arrived in ...) goes to the person named last before
    it in the sentence. One pass over the travel words, each looked up by bisection.

    "Vogt arrived in France on Monday" gives Vogt {"France"}; a travel word inside a
    quotation, or with no person named before it in its sentence, gives nothing."""
    out: dict[int, set[str]] = {}
    if not t.v.travel.source or not mentions:
        return out
    starts = [m.start for m in mentions]
    cstarts = [c.start for c in t.countries]
    for m in t.v.travel.finditer(t.document.text):
        si = t.sentence_index(m.start())
        if si is None or t.in_quote(m.start()):
            continue
        sent = t.sentences[si]
        k = bisect.bisect_left(starts, m.start()) - 1
        while k >= 0 and mentions[k].in_quote:
            k -= 1
        if k < 0 or mentions[k].start < sent.start:
            continue
        c = bisect.bisect_left(cstarts, m.end())
        if c >= len(t.countries):
            continue
        country = t.countries[c]
        if country.kind in {"name", "alias"} and country.start - m.end() <= TRAVEL_REACH:
            out.setdefault(mentions[k].person, set()).add(country.country)
    return out
