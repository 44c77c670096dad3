"""Pronouns as speakers: whom a "he said", "she said" or "they said" stands for.

- a "he" or "she" (or a gendered description) is the last person of that gender, or of
  unknown gender, whom a reporting verb made speak, unless its own paragraph names someone of
  that gender after them; with no such speaker in its paragraph it goes to a person named
  before it (antecedents.py): "Paz met no one. ¶ Holm minced no words. “…,” he said." is Holm;
- a "they" is the last group that spoke, or the group a sentence just before opens with.

What each resolves is kept in the resolver's `resolved` list, which later pronouns read.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from bot.extract.antecedents import antecedent, group_subject, newcomer

if TYPE_CHECKING:
    from bot.extract.speakers import SpeakerResolver


def they_speaker(r: SpeakerResolver, pos: int) -> str | None:
    """A "they": the last group that spoke, unless the paragraph before or this one opens
    a sentence with a group after it spoke (antecedents.group_subject)."""
    event = r.last_event(pos, "group")
    since = event[0] + 1 if event else 0
    return group_subject(r.text, pos, since) or (event[1] if event else None)


def gendered_speaker(r: SpeakerResolver, pos: int, gender: str) -> tuple[str | None, bool]:
    """A "he"/"she" (or a gendered description) at `pos`: the last speaker of that gender,
    unless the pronoun's own paragraph names someone of it after that speaker spoke
    ("Paz met no one. ¶ Holm minced no words. “…,” he said." is Holm)."""
    event = r.last_event(pos, gender)
    since = r.text.paragraph_start(pos)
    fresh = newcomer(r.text, pos, gender, event[0] if event else -1)
    if fresh is not None:
        bisect.insort(r.resolved, (pos, fresh))
        return r.text.pid(fresh), True
    if event is None or event[0] < since:
        person = antecedent(r.text, r.resolved, pos, gender, since)
        if person is None and event is None:
            person = antecedent(r.text, r.resolved, pos, gender)
        if person is None and event is None:
            person = antecedent(r.text, r.resolved, pos, gender, quoted=True)
        if person is not None:
            bisect.insort(r.resolved, (pos, person))
            return r.text.pid(person), True
    if event is not None:
        return event[1], event[1] in r.index
    return None, False
