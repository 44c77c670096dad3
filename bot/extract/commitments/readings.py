"""Readings that turn a commitment cue into something else: a view, history, a discussion or
a thing's agenda.

"agreed on the unique role the group plays" shares a view ("agreed on a plan to" is one);
"Ghana had planned to open a consulate" and "In 2012, Kenya decided to build a port" (in a
2023 text) tell history; "the ministers discussed plans to expand ferry links" reports talk;
"The first day of the ministerial centered on the alliance's commitment to ..." says what a
day was about. finding.py asks these before it keeps a cue.
"""

from __future__ import annotations

import re

from bot.extract.actors import ActorWords, Token, actor_words, index_at, main_subject, tokens
from bot.extract.commitments.context import CommitmentDoc, background, subject_kind
from bot.extract.commitments.cue_patterns import CuePatterns
from bot.extract.countries import find_countries
from bot.extract.text import Sentence


def discussed(cues: CuePatterns, text: str, offset: int) -> bool:
    """Whether a cue noun at `offset` is what a talk was about: "the ministers discussed plans
    to expand ferry links", "the talks focused on Ghana's plan to open its ports" report a
    discussion, no plan made (cues.yaml `discussion_verbs`)."""
    return bool(cues.discussed.search(text, max(0, offset - 40), offset))


def shared_view(cues: CuePatterns, text: str, m: re.Match[str]) -> bool:
    """ "agreed on" before no plan within a few words shares a view: "agreed on the unique
    role the group plays" commits no one, "agreed on a plan to share data" and "agreed on the
    need to expand rail links" do (cues.yaml `agreed_on_objects`, `plan_nouns`)."""
    if " ".join(m.group(0).casefold().split()) not in cues.agreed_on:
        return False
    return not cues.agreed_on_object.match(text, m.end())


#: Before a cue verb: the past perfect ("had planned to") or a state ("is committed to").
_HAD_BEFORE_RE = re.compile(r"\bhad\s+(?:[a-z]+ly\s+|already\s+|once\s+|also\s+)?$")
_STATE_BEFORE_RE = re.compile(r"\b(?:is|are|am|be|been|being|remains?|remained)\s+(?:\w+\s+)?$")


def history(cues: CuePatterns, sentence: Sentence, m: re.Match[str], doc: CommitmentDoc) -> bool:
    """A plan told as history: the past perfect ("Ghana had planned to open a consulate, but
    ..."; not in reported speech, "Owusu said the leaders had agreed to ..."), or a past cue
    verb in a sentence dated wholly in earlier years ("In 2012, Kenya decided to build a new
    port" in a 2023 text) or looking back ("Back then, Kenya wanted to lead the talks";
    cues.yaml `looking_back_times`). "Kenya is committed to ..." is a state, and "Kenya plans
    to build the port first proposed in 2012" a present plan."""
    before = sentence.text[max(0, m.start() - 30) : m.start()]
    if _HAD_BEFORE_RE.search(before):
        # "She said leaders had agreed to ...": reported speech shifts "have agreed" back
        reporting = actor_words(doc.lexicon).reporting
        window = sentence.text[max(0, m.start() - 200) : m.start()]
        return not any(t.low in reporting for t in tokens(window))
    verb = m.group(0).split()[0].casefold()
    if not verb.endswith("ed") or _STATE_BEFORE_RE.search(before):
        return False
    return looks_back(cues, sentence, doc)


def looks_back(cues: CuePatterns, sentence: Sentence, doc: CommitmentDoc) -> bool:
    """Whether a sentence tells of earlier times: a looking-back phrase ("Back then") or every
    date in a year before the document's. It depends on the sentence alone, so it is read once
    per sentence: a run-on sentence of a thousand past cue verbs ("... agreed to ... agreed
    to ...") scans its text once, not once per cue (which grew with the square of its length).
    """
    known = doc.looking_back.get(sentence.index)
    if known is None:
        known = bool(cues.looking_back.search(sentence.text)) or background(sentence, doc)
        doc.looking_back[sentence.index] = known
    return known


def thing_subject_end(
    sentence: Sentence, toks: list[Token], w: ActorWords, doc: CommitmentDoc
) -> int | None:
    """Where the sentence's subject ends when it is a thing that can hold no plan, else None:
    "The first day of the ministerial centered on the alliance's commitment to ..." tells what
    a day was about, so no commitment after the subject counts. Only the subject's head counts
    (the words before "of", "in", ...), so a name after it ("of the Ministerial") makes no
    actor; "The statement reaffirmed Japan's commitment" (a plan noun) and "Reyes stressed
    America's commitment" (a person) still commit."""
    span = main_subject(toks, w)
    if span is None and toks and toks[0].low in w.determiners:
        # "The first day of ...": a common noun phrase the name-run reader leaves out
        last = next((k for k, t in enumerate(toks[:8]) if not t.word), min(len(toks), 8))
        span = (toks[0].start, toks[last - 1].end) if last > 1 else None
    if span is None:
        return None
    head_end = span[1]
    for tok in toks[index_at(toks, span[0]) :]:
        if tok.start >= span[1]:
            break
        if tok.low in w.prepositions and tok.start > span[0]:
            head_end = tok.start
            break
    head = (span[0], head_end)
    if subject_kind(sentence, head, doc) != "none":
        return None
    if find_countries(sentence.text[span[0] : span[1]], doc.lexicon):
        return None
    return span[1]


#: A possessive pronoun right before a cue noun ("his plan to").
_PRONOUN_OWNER_RE = re.compile(r"\b(his|her)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


def outsiders_plan(
    sentence: Sentence, offset: int, before: str, owner: re.Match[str] | None, doc: CommitmentDoc
) -> bool:
    """Whether a plan noun belongs to someone outside the document's main participants: "days
    after President Paz [Peru] presented his plan to end the war" in a Kenya-Ghana text
    mentions Peru's plan, no commitment of the text's actors. The owner is a name before the
    noun ("Peru's plan") or "his"/"her" for the person named last; `before` is the text before
    the noun, from sentence offset `offset`."""
    start = sentence.start + offset  # where `before` starts in the document
    countries: set[str] = set()
    if owner is not None:
        named = owner.group(0)
        countries = {h.country for h in find_countries(named, doc.lexicon)}
        at = start + owner.start()
        countries |= {p.country for p, _ in doc.register.mentions(at, at + len(named)) if p.country}
    else:
        pron = _PRONOUN_OWNER_RE.search(before)
        if pron is None:
            return False
        person = doc.register.resolve(pron.group(1), start + pron.start())
        if person is not None and person.country:
            countries = {person.country}
    main = set(doc.parts.group())
    return bool(countries) and not countries & main


#: A time clause with its own past verb before a cue: "just days after President Paz
#: presented his plan to ...", bounded to the clause (no comma between).
_PAST_CLAUSE_RE = re.compile(
    r"\b(?:after|before|since|when|once|until)\s+[^,;:]{0,60}?\b[a-z]{3,}ed\s+[^,;:]{0,30}$"
)


def past_clause(text: str, offset: int) -> bool:
    """Whether a cue noun at `offset` sits in a time clause about an earlier act: "..., just
    days after President Paz presented his plan to end the war" dates the declaration, it
    states no plan. "Kenya decided after long talks to ..." has no past verb in the clause."""
    return bool(_PAST_CLAUSE_RE.search(text, max(0, offset - 100), offset))
