"""find_cues calls a cue rule only when the sentence's words allow one of the patterns the rule
finds its cues by (finding._RULES): the cues must be those found calling every rule and
running every pattern (no words given), on invented sentences.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments import commitment_doc, finding
from bot.extract.commitments.context import CommitmentDoc, Cue
from bot.extract.commitments.triggers import cue_triggers
from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.text import segment
from bot.models import Document

#: Cue words of every rule (intentions, conditionals, acts, phrases, purposes, praise,
#: possessives, modals), blockers, actors and plain words.
_PIECES = (
    "will", "would", "’ll", "agreed", "to", "pledged", "wants", "plans", "hope", "called",
    "on", "should", "be", "passed", "by", "the", "summer", "signed", "a", "memorandum",
    "welcomed", "opening", "of", "consulate", "announced", "joint", "forum", "reaffirmed",
    "commitment", "looked", "forward", "hosting", "visited", "met", "boost", "ties", "that",
    "experts", "meet", "praised", "Kenya's", "resolve", "talks", "ended", "with", "our",
    "sought", "closer", "partnership", "initiative", "advance", "decisions", "taken", "Japan",
    "Kenya", "Ruiz", "he", "we", "demand", "expand", "in", "May", "2031", ",", ".", "?", "“",
    "”", "and", "as", "send", "frigate", "not",
)  # fmt: skip


def _doc(body: str, lexicon: Lexicon) -> tuple[CommitmentDoc, list]:
    document = Document(
        id="t", title="Talks", path="t.txt", text=body, sha256="", date="2030-05-02"
    )
    paragraphs = segment(body)
    register = extract_people(document, paragraphs, lexicon)
    doc = commitment_doc(document, paragraphs, register, lexicon)
    return doc, [s for p in paragraphs for s in p.sentences]


def _every_rule(sentence, doc: CommitmentDoc, monkeypatch: pytest.MonkeyPatch) -> list[Cue]:
    """find_cues with no words given: every rule called, every pattern run."""
    with monkeypatch.context() as m:
        m.setattr(finding, "sentence_words", lambda text: None)
        return finding.find_cues(sentence, doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), max_size=3))
def test_cues_found_calling_the_rules_the_words_allow_are_those_of_every_rule(
    lexicon: Lexicon, sentences: list[list[str]]
) -> None:
    body = " ".join(" ".join(words).capitalize() + "." for words in sentences) or "Talks."
    doc, read = _doc(body, lexicon)
    with pytest.MonkeyPatch.context() as monkeypatch:
        for sentence in read:
            assert finding.find_cues(sentence, doc) == _every_rule(sentence, doc, monkeypatch)


#: A sentence for each rule's patterns, with the kinds of the cues it gives.
_WRITTEN = {
    "Japan pledged to open talks.": ["strong"],
    "Kenya and Japan agreed that experts would follow up.": ["conditional", "modal"],
    "Chile sought a closer partnership with Japan.": ["strong"],
    "The act should be passed by the summer.": ["strong"],
    "The two governments signed a memorandum on trade.": ["strong"],
    "Japan welcomed the opening of the consulate.": ["strong"],
    "Kenya welcomed the historic announcements from the joint committee.": ["strong"],
    "Kenya announced a joint forum.": ["strong"],
    "Japan reaffirmed the ironclad commitment to Kenya.": ["strong"],
    "Japan looked forward to hosting the summit.": ["strong"],
    "The decisions to be taken at Madrid matter.": ["strong"],
    "Japan launched a new initiative to advance trade.": ["strong", "strong"],
    "“That's the purpose of being here: to reassure,” Ruiz said.": ["strong"],
    "Japan visited Kenya today to boost ties.": ["purpose"],
    "Kenya applauded Japan's resolve to bolster ties.": ["strong", "strong"],
    "The talks ended with a commitment to trade.": ["strong"],
    "America's commitment to Kenya is firm.": ["possessive"],
    "Japan will send a frigate.": ["modal"],
}


@pytest.mark.parametrize("text", list(_WRITTEN))
def test_each_rule_finds_its_cues_as_when_every_rule_is_called(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    doc, read = _doc(text, lexicon)
    found = finding.find_cues(read[0], doc)
    assert [c.kind for c in found] == _WRITTEN[text]
    assert found == _every_rule(read[0], doc, monkeypatch)


def test_every_cue_pattern_is_read_by_a_rule(lexicon: Lexicon) -> None:
    """Each pattern the triggers gate belongs to a rule of _RULES, the modal rule or the
    blocker's: no pattern is left out of the dispatch."""
    read = {name for _, names in finding._RULES for name in names}
    read |= {"modal", "blocker", "exhortation", "praise"}
    assert read == set(cue_triggers(lexicon).needs)


def test_a_sentence_with_one_cue_family_calls_only_its_rule(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    rules = tuple(
        (lambda s, rule=rule: called.append(rule.__name__) or rule(s), names)
        for rule, names in finding._RULES
    )
    monkeypatch.setattr(finding, "_RULES", rules)
    doc, read = _doc("Japan pledged to open talks.", lexicon)
    assert [c.kind for c in finding.find_cues(read[0], doc)] == ["strong"]
    assert called == ["intention_cues"]
