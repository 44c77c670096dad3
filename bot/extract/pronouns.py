"""Mentions of people by pronoun: "he", "she", "his" resolved to a person named nearby."""

from __future__ import annotations

from itertools import compress, count

from bot.extract.mentions import Mention, MentionText
from bot.extract.merging import Draft

#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_REACH = 4


def pronoun_mentions(t: MentionText, mentions: list[Mention], drafts: list[Draft]) -> list[Mention]:
    """Pronouns resolved left to right: the subject (first mention) of the nearest sentence.

    The same sentence counts first (only what stands before the pronoun), then up to
    PRONOUN_REACH sentences back; mentions inside quotations are skipped, since a name in
    someone's quoted words is rarely who "he said" refers to. Example: "Vogt met Hale. She
    said ..." makes "She" Vogt, unless Vogt is known to be "he" (from an honorific or an
    earlier pronoun), in which case it goes to Hale.
    """
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        si = t.sentence_index(m.start)
        if si is not None and not m.in_quote:
            by_sentence.setdefault(si, []).append(m)
    out = list(mentions)
    gender = {i: d.gender for i, d in enumerate(drafts) if d.gender}
    pronouns, male, female = t.v.pronouns, t.v.male, t.v.female
    for p in t.paras:
        if pronouns.isdisjoint(p.folded_words):
            continue
        folded = p.folded
        # the pronouns' places, found in one C pass over the folded tokens
        for k in compress(count(), map(pronouns.__contains__, folded)):
            if p.quoted[k]:
                continue
            word, tok = folded[k], p.tokens[k]
            si = t.sentence_index(tok.start)
            if si is None:
                continue  # between sentences
            g = "m" if word in male else "f" if word in female else None
            found = None
            for back in range(PRONOUN_REACH + 1):
                # the first mention (by start) of the sentence, before the pronoun in its own;
                # "she" skips a person known to be "he" (from an honorific or an earlier
                # pronoun), and the other way round.
                for m in by_sentence.get(si - back, ()):
                    if back == 0 and m.start >= tok.start:
                        continue
                    if g and gender.get(m.person, g) != g:
                        continue
                    if found is None or m.start < found.start:
                        found = m
                if found is not None:
                    break
            if found is None:
                continue
            if g:
                gender.setdefault(found.person, g)
            m = Mention(found.person, tok.start, tok.end, "pronoun", tok.text, False)
            by_sentence.setdefault(si, []).append(m)
            out.append(m)
    out.sort(key=lambda m: m.start)
    return out
