"""One sentence as the commitment cue rules read it (finding.py, intentions.py).

Every cue family asks the same things of a sentence: the matches of one cue pattern before
the blocker ("We hope Japan will join": nothing after "hope" counts), and the subject of a cue
("Japan" for "wants to" in "Japan wants to send a frigate"). CueScan answers both, skipping a
pattern's scan when the sentence lacks the words it needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.extract.actors import ActorWords, index_at, main_subject, subject_before
from bot.extract.commitments.context import CommitmentDoc, LazyTokens
from bot.extract.commitments.cue_patterns import CuePatterns
from bot.extract.text import Sentence
from bot.extract.triggers import Finder, Triggers


@dataclass(frozen=True, slots=True)
class CueScan:
    """One sentence as its cues are looked for: the patterns, the words it holds (to skip
    scans that could find nothing), its tokens (made on first use) and where a blocker starts
    (no cue from there on counts)."""

    sentence: Sentence
    doc: CommitmentDoc
    cues: CuePatterns
    trig: Triggers
    words: frozenset[str] | None
    toks: LazyTokens
    w: ActorWords
    blocked_from: int

    @property
    def text(self) -> str:
        return self.sentence.text

    def matches(self, name: str, pattern: Finder) -> Iterator[re.Match[str]]:
        """The matches of cue pattern `name` that start before the blocker (all of them
        when the sentence has no blocker)."""
        found = self.trig.scan(name, pattern, self.text, self.words)
        if self.blocked_from > len(self.text):
            return found
        return (m for m in found if m.start() < self.blocked_from)

    def subject_at(self, offset: int) -> tuple[int, int] | None:
        """The subject of a cue at `offset`: the noun phrase before it, else the main subject."""
        toks = self.toks()
        how, span = subject_before(toks, index_at(toks, offset), self.w)
        return span if how == "np" else main_subject(toks, self.w)
