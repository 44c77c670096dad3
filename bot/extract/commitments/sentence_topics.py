"""Which topics a commitment is about.

A sentence's own topics come first; a lead-in ending in ":" takes its topics from the list
items that complete it. A sentence with none takes its paragraph's (or for a heading, its
section's) main topic, then the latest topic of its speaker (a quote) or of its person subject,
and `other` last: a coalition deal is not diplomacy because the document also talks about a
pandemic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from bot.extract.commitments.actor_assignment import singular_pronouns
from bot.extract.commitments.context import CommitmentDoc, Cue
from bot.extract.lexicon import Lexicon
from bot.extract.quote_index import QuoteIndex
from bot.extract.text import Paragraph, Sentence
from bot.extract.topics import ScannedText, classify_topics

#: At most this many topics per commitment, best first.
MAX_TOPICS = 3


#: The topic of last resort (config/topics.yaml lists it).
DEFAULT_TOPIC = "other"


_PRONOUN_AFTER_RE = re.compile(r"[\s,”\"’']*(\w+)")


def speaker_topics(
    sentence: Sentence,
    doc: CommitmentDoc,
    quotes: QuoteIndex,
    person_topics: Mapping[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """For a quoted sentence with no topic of its own or of its paragraph ("And that's why
    we'll keep coming back," Reyes said): the topics of the latest paragraph that named its
    speaker, who goes on with the same subject. A "he said" speaker is the person it refers to."""
    offset = sentence.start + len(sentence.text) - len(sentence.text.lstrip("“\"'‘ "))
    speaker, quote = quotes.speaker_of(offset)
    if quote is None:
        return ()
    if speaker is None:
        m = _PRONOUN_AFTER_RE.match(doc.document.text, quote[1])
        if m and m.group(1).casefold() in singular_pronouns(doc.lexicon):
            speaker = doc.register.resolve(m.group(1), m.start(1))
    return person_topics.get(speaker.id, ()) if speaker else ()


def subject_topics(
    sentence: Sentence,
    cues: list[Cue],
    doc: CommitmentDoc,
    person_topics: Mapping[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """For a sentence with no topic of its own or of its paragraph whose subject is a person
    ("The Secretary also reiterated ..."): the topics of the latest paragraph that named that
    person. A country or a group subject gives none: what it does next is a new subject."""
    for cue in cues:
        if cue.subject is None:
            continue
        start, end = sentence.start + cue.subject[0], sentence.start + cue.subject[1]
        people = doc.register.mentions(start, end)
        if not people:
            word = sentence.text[cue.subject[0] : cue.subject[1]].strip()
            if word.casefold() in singular_pronouns(doc.lexicon):
                person = doc.register.resolve(word, start)
                people = [(person, start)] if person is not None else []
        for person, _ in people:
            if person.id in person_topics:
                return person_topics[person.id]
    return ()


class PersonTopics(Mapping[str, tuple[str, ...]]):
    """Each person's topics (by person id): those of the latest paragraph read so far that
    names them and has topics. Paragraphs are added as the document is read; a question
    classifies only the asked person's paragraphs, newest first, until one has topics: most
    commitments take topics of their own, and most paragraphs never need classifying here
    ("Talks on energy went on." names no one). The answers are those of a table filled
    paragraph by paragraph. Each paragraph's people are listed once and each paragraph is
    classified at most once (`context_topics`, paragraph number → topics, is shared with the
    caller), and a person's paragraphs already looked at are not looked at again."""

    def __init__(
        self,
        contexts: dict[int, str],
        context_topics: dict[int, tuple[str, ...]],
        doc: CommitmentDoc,
    ) -> None:
        self._contexts = contexts
        self._context_topics = context_topics
        self._doc = doc
        self._unread: list[Paragraph] = []
        #: person id → the numbers of the paragraphs naming them, in text order
        self._naming: dict[str, list[int]] = {}
        #: person id → how many of their paragraphs were looked at, and the answer then
        self._answers: dict[str, tuple[int, tuple[str, ...] | None]] = {}

    def add(self, paragraph: Paragraph) -> None:
        """A paragraph read: its people are listed at the next question."""
        self._unread.append(paragraph)

    def _list_people(self) -> None:
        """File the paragraphs added since the last question under the people they name."""
        for paragraph in self._unread:
            end = paragraph.start + len(paragraph.text)
            people = self._doc.register.mentions(paragraph.start, end)
            for person_id in dict.fromkeys(person.id for person, _ in people):
                self._naming.setdefault(person_id, []).append(paragraph.number)
        self._unread.clear()

    def _topics(self, number: int) -> tuple[str, ...]:
        """The topics of paragraph `number`'s context, classified once."""
        topics = self._context_topics
        if number not in topics:
            topics[number] = classify_topics(self._contexts[number], self._doc.lexicon)
        return topics[number]

    def __getitem__(self, person_id: str) -> tuple[str, ...]:
        self._list_people()
        numbers = self._naming.get(person_id, [])
        seen, answer = self._answers.get(person_id, (0, None))
        for number in reversed(numbers[seen:]):  # the newest paragraph with topics wins
            topics = self._topics(number)
            if topics:
                answer = topics
                break
        self._answers[person_id] = (len(numbers), answer)
        if answer is None:
            raise KeyError(person_id)
        return answer

    def __iter__(self) -> Iterator[str]:
        self._list_people()
        return iter([person_id for person_id in list(self._naming) if person_id in self])

    def __len__(self) -> int:
        return sum(1 for _ in self)


def context_texts(paragraphs: tuple[Paragraph, ...]) -> dict[int, str]:
    """Each paragraph's context for topics: itself, or for a heading its section below (the
    paragraphs up to the next heading, one a line). Each heading reads only its own section,
    so a document of many headings is read in linear time."""
    headings = [p.heading for p in paragraphs]
    out: dict[int, str] = {}
    for i, paragraph in enumerate(paragraphs):
        if not headings[i]:
            out[paragraph.number] = paragraph.text
            continue
        end = i + 1
        while end < len(paragraphs) and not headings[end]:
            end += 1
        out[paragraph.number] = "\n".join([p.text for p in paragraphs[i + 1 : end]])
    return out


def completion(sentence: Sentence, paragraph: Paragraph, text: str) -> str:
    """The list items that complete a lead-in sentence ("... will deepen cooperation on:"
    followed by bullets): the paragraph's later sentences, each on a line of its own."""
    if not sentence.text.rstrip().endswith(":"):
        return ""
    items = []
    end = sentence.end
    for nxt in paragraph.sentences:
        if nxt.start < sentence.end:
            continue
        if "\n" not in text[end : nxt.start]:
            break
        items.append(nxt.text)
        end = nxt.end
    return "\n".join(items)


def choose_topics(
    scan: ScannedText,
    stretch: tuple[int, int],
    around: tuple[str, ...],
    lexicon: Lexicon,
    completion: str = "",
    plan_from: int = 0,
) -> tuple[str, ...]:
    """The sentence's own topics; a sentence with none takes its paragraph's main topic, and
    without that `other` (a coalition deal is not diplomacy because the document also talks
    about a pandemic). A sentence about meeting only ("agreed for talks to take place") also
    takes what its paragraph is about. A lead-in's list items come first: they say what the
    cooperation is about, the lead-in only that there is some. The clause that states the plan
    (from `plan_from`, the first cue) weighs before the rest: "X said supply chains face
    dependency risks and pledged to strengthen nuclear deterrence" is defense first.

    The sentence is `scan.text[stretch[0]:stretch[1]]` (its paragraph, scanned once)."""
    generic = _generic_topics(lexicon)
    start, end = stretch
    listed = classify_topics(completion, lexicon) if completion else ()
    own = tuple(t for t in listed if t not in generic)
    plan = scan.topics(start + plan_from, end, lexicon) if plan_from > 0 else ()
    own += tuple(t for t in plan if t not in generic and t not in own)
    own += tuple(t for t in scan.topics(start, end, lexicon) + listed if t not in own)
    topics = tuple(dict.fromkeys(own))[:MAX_TOPICS]
    if not topics:
        return around[:1] or (DEFAULT_TOPIC,)
    if set(topics) <= generic:
        topics += tuple(t for t in around if t not in generic)[:1]
    return topics


@lru_cache(maxsize=8)
def _generic_topics(lexicon: Lexicon) -> frozenset[str]:
    """The topics that say little alone (cues.yaml `generic_topics`), read once per lexicon."""
    return frozenset(lexicon.word_list("generic_topics"))
