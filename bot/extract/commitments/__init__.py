"""Commitments: sentences saying what an actor wants, will, plans, decided or agreed to do.

A sentence is a commitment when it carries a cue (config/cues.yaml) that no earlier phrase in
the sentence turns into a hope, a demand on others or a framing. "Germany wants to send a
frigate" commits Germany; "We hope Germany will send a frigate" commits no one. Sentences
inside quotes count too: "we" there is the speaker's side. Where each rule lives:

- finding.py: the cues of a sentence and the blockers that cancel them ("hope", "called on",
  "we should stay focused"), read through cue_scan.py;
- intentions.py: intention cues ("want to", "pledged", "agreed Thursday to") and conditional
  ones ("agreed that experts would follow up");
- readings.py: what turns a cue into a view ("agreed on the unique role ..."), history
  ("had planned to", "In 2012, Kenya decided to"), a discussion ("discussed plans to") or a
  thing's agenda ("the first day centered on X's commitment");
- modals.py: "will"/"would" whose subject can act, not forecasts ("demand will expand") or
  assessments ("the dialogue will serve as a platform");
- acts.py: plans told by an actor's act: an aim with an object, a deadline, a signing, a
  welcomed start, an announced body, a restated commitment;
- schedules.py: plans with no cue word: a headline ("Canada to open embassy"), the purpose of
  a meeting ("visited Japan today to boost ties"), an actor dated after the document;
- actor_assignment.py: the countries a commitment's subjects name;
- sentence_topics.py: the topics, with the paragraph, the speaker or the subject as fallbacks;
- datelines.py: a glued heading line or dateline cut from a paragraph's first sentence;
- cue_patterns.py: the compiled patterns; triggers.py: the words a sentence must hold for
  each pattern to be worth scanning; context.py: what every rule reads.

Not commitments: questions, "would welcome"-style wishes, courtesies ("would like to express my
gratitude"), praise of another's commitment ("praised the Czech Republic's commitments"), a
plan's assessment, and a speaker's forecast about a country outside the document's main
participants ("Reyes said China will keep up the pressure").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extract.actors import ProperWords, participants
from bot.extract.commitments.actor_assignment import ActorState, sentence_actors
from bot.extract.commitments.context import CommitmentDoc
from bot.extract.commitments.datelines import strip_dateline
from bot.extract.commitments.finding import find_cues
from bot.extract.commitments.sentence_topics import (
    PersonTopics,
    choose_topics,
    completion,
    context_texts,
    speaker_topics,
    subject_topics,
)
from bot.extract.dates import PartialDate, sentence_dates
from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister
from bot.extract.quote_index import QuoteIndex
from bot.extract.text import Paragraph, Sentence, quote_spans
from bot.extract.topics import ScannedText, classify_topics
from bot.models import Commitment, Document, Source

#: A content word: four letters or more.
_CONTENT_WORD_RE = re.compile(r"[A-Za-z]{4,}")


def commitment_doc(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> CommitmentDoc:
    """What every commitment rule reads of one document: its participants, its proper words
    (worked out only if asked), its date and every sentence's dates."""
    return CommitmentDoc(
        document=document,
        lexicon=lexicon,
        register=register,
        parts=participants(document, paragraphs, register, lexicon),
        proper=ProperWords(paragraphs),
        anchor=PartialDate.parse(document.date),
        dates=sentence_dates(document, paragraphs, lexicon),
    )


def extract_commitments(
    document: Document,
    paragraphs: tuple[Paragraph, ...],
    register: PeopleRegister,
    lexicon: Lexicon,
) -> list[Commitment]:
    """Every commitment in the document, in text order, with actors, topics and date."""
    doc = commitment_doc(document, paragraphs, register, lexicon)
    contexts = context_texts(paragraphs)
    context_topics: dict[int, tuple[str, ...]] = {}  # each paragraph classified once
    state = ActorState()
    out: list[Commitment] = []
    section = 0  # the heading paragraph each commitment falls under
    sections: list[int] = []
    guessed_headings: list[int] = []
    named: list[bool] = []
    # a person's latest paragraph with topics, worked out only if a commitment asks
    person_topics = PersonTopics(contexts, context_topics, doc)
    for paragraph in paragraphs:
        scan: ScannedText | None = None  # the paragraph's topic terms, scanned once
        quotes: QuoteIndex | None = None  # the paragraph's quotations, indexed at its first cue
        if paragraph.heading:
            section = paragraph.number
        for sentence in paragraph.sentences:
            if sentence is paragraph.sentences[0]:
                sentence = strip_dateline(sentence, lexicon)
            cues = find_cues(sentence, doc)
            if not cues:
                continue
            if quotes is None:
                quotes = _quote_index(paragraph, doc)
            actors, guessed = sentence_actors(sentence, cues, paragraph, doc, state, quotes)
            if paragraph.heading and guessed:
                guessed_headings.append(len(out))
            sections.append(section)
            named.append(not guessed)
            dates = doc.dates.get(sentence.index) or []
            scan = scan or ScannedText.of(paragraph.text, lexicon)
            if paragraph.number not in context_topics:
                context_topics[paragraph.number] = _context_topics(
                    contexts[paragraph.number], scan, lexicon
                )
            around = context_topics[paragraph.number]
            if not around:
                around = speaker_topics(sentence, doc, quotes, person_topics)
            if not around:
                around = subject_topics(sentence, cues, doc, person_topics)
            out.append(
                Commitment(
                    sentence=sentence.text,
                    actors=actors,
                    topics=choose_topics(
                        scan,
                        _stretch(sentence, paragraph),
                        around,
                        lexicon,
                        completion(sentence, paragraph, document.text),
                        plan_from=cues[0].start,
                    ),
                    source=Source(document.id, sentence.paragraph, sentence.text),
                    when=dates[0].when if dates else None,
                )
            )
            state.previous = actors
            state.previous_paragraph = paragraph.number
        person_topics.add(paragraph)
    _heading_actors(out, sections, named, guessed_headings)
    return out


def _quote_index(paragraph: Paragraph, doc: CommitmentDoc) -> QuoteIndex:
    """The quotations of a paragraph and who speaks them (quote_index.py)."""
    spans = [(q.start, q.end) for q in quote_spans(doc.document.text, paragraph)]
    return QuoteIndex.build(spans, paragraph, doc.register)


def _context_topics(context: str, scan: ScannedText, lexicon: Lexicon) -> tuple[str, ...]:
    """The topics of a paragraph's context: read from the paragraph's scan when the context
    is the paragraph itself, else (a heading's section) scanned on its own."""
    if context is scan.text:
        return scan.topics(0, len(context), lexicon)
    return classify_topics(context, lexicon)


def _stretch(sentence: Sentence, paragraph: Paragraph) -> tuple[int, int]:
    """Where a sentence stands in its paragraph's text (both are stretches of the body)."""
    start = sentence.start - paragraph.start
    return start, start + len(sentence.text)


def _heading_actors(
    out: list[Commitment], sections: list[int], named: list[bool], headings: list[int]
) -> None:
    """A heading whose actors were only guessed summarises its section: it takes the actors
    of the section's commitment with named actors that shares most words with it ("Another
    frigate to the Pacific region" over "the Bundeswehr wants to send another warship to the
    Pacific region" is Germany's); the earlier one wins a tie."""
    by_section: dict[int, list[int]] = {}
    for i, has_names in enumerate(named):
        if has_names:
            by_section.setdefault(sections[i], []).append(i)
    for h in headings:
        same = [i for i in by_section.get(sections[h], ()) if i != h]
        if same:
            best = max(same, key=lambda i: (_overlap(out[h].sentence, out[i].sentence), -i))
            out[h] = replace(out[h], actors=out[best].actors)


def _overlap(a: str, b: str) -> int:
    """Content words two sentences share (words of four letters or more)."""

    def words(s: str) -> set[str]:
        return {w.casefold() for w in _CONTENT_WORD_RE.findall(s)}

    return len(words(a) & words(b))


__all__ = ["extract_commitments", "find_cues", "strip_dateline"]
