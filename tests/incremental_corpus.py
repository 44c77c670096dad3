"""Small invented documents for the incremental-merge tests: names that recur, share a surname,
appear alone or with a title, in two countries; restated plans, events and quotes; headings.

Every sentence here is invented. `random_document(rng, doc_id)` gives one DocumentFacts whose
facts cite sentences of its own text, so the search index and the merge see the same document.
"""

from __future__ import annotations

import random
from dataclasses import replace

from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    CuratedPerson,
    Document,
    DocumentFacts,
    Event,
    Person,
    Quote,
    Source,
)
from bot.seeds import slugify

GIVEN = ("Mara", "Ivo", "Lena", "Tomas", "Anja", "Sten")  # "Sten" is a surname too
SURNAMES = ("Lind", "Berg", "Holm", "Vik", "Sten")
COUNTRIES = (None, None, "Norland", "Sudmark")
ROLES = ("Defence Minister", "Finance Minister", "Chancellor", "Harbour Commissioner", "Outside")
PARTIES = (None, None, "Blue Party", "Green League")
BODIES = ("the harbour board", "Lind and Berg", "the ministry")
PLANS = (
    "Norland will send another frigate to the northern sea",
    "Norland plans to send a second frigate to the northern sea next year",
    "Sudmark agreed to build a new rail bridge across the river",
    "Sudmark will build the rail bridge across the river by spring",
    "the council decided to raise the budget for wind power",
    "the council wants to raise the wind power budget again",
)
EVENTS = (
    "the harbour opened for container ships",
    "the harbour was opened to container ships",
    "the treaty on fishing rights was signed",
    "the minister visited the northern islands",
)
QUOTES = (
    "We will defend every mile of this coast together",
    "We will defend every mile of this coast together with our partners",
    "The bridge is a promise we intend to keep",
    "Prices for energy must come down this winter",
)
WHENS = ("2023", "2024", "2024-05", "2024-05-02", "2025")
CURATED = CuratedFacts(
    people=(
        CuratedPerson("Mara Lind", aliases=("Lind",), country="Norland"),
        CuratedPerson("Ivo Berg", roles=("Foreign Minister",)),
    ),
    corrections=(
        Correction("commitment", "wind power budget again", drop=True),
        Correction("event", "fishing rights", set=(("when", "2022"),)),
        Correction("quote", "promise we intend", set=(("speaker", "Lena Holm"),)),
        Correction("person", "Anja Sten", set=(("party", "Green League"),)),
    ),
)


def _name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    shape = rng.random()
    if shape < 0.05:
        return rng.choice(GIVEN)  # a given name alone: it meets every name that starts with it
    if shape < 0.3:
        return surname
    if shape < 0.4:
        return f"Dr. {rng.choice(GIVEN)} {surname}"
    return f"{rng.choice(GIVEN)} {surname}"


def random_document(rng: random.Random, doc_id: str) -> DocumentFacts:
    """One document of a few paragraphs, with people, quotes, plans and events citing it."""
    paragraphs: list[list[str]] = []
    people: list[Person] = []
    quotes: list[Quote] = []
    commitments: list[Commitment] = []
    events: list[Event] = []
    for number in range(1, rng.randint(2, 6) + 1):
        if rng.random() < 0.25:
            heading = rng.choice(PLANS).capitalize().split(" to ")[0]
            paragraphs.append([heading])
            continue
        sentences = []
        for _ in range(rng.randint(1, 3)):
            name = _name(rng)
            kind = rng.random()
            if kind < 0.3:
                quote = rng.choice(QUOTES)
                sentence = f"“{quote},” said {name}."
                speaker = slugify(name) if rng.random() < 0.8 else rng.choice(BODIES)
                quotes.append(Quote(quote, speaker, Source(doc_id, number, sentence)))
            elif kind < 0.6:
                plan = rng.choice(PLANS)
                sentence = f"{name} said {plan}."
                actors = tuple(c for c in ("Norland", "Sudmark") if c in plan) or ()
                topics = tuple(
                    t for t, w in (("defense", "frigate"), ("energy", "wind")) if w in plan
                )
                commitments.append(
                    Commitment(
                        sentence,
                        actors,
                        topics,
                        Source(doc_id, number, sentence),
                        rng.choice((None, *WHENS)),
                    )
                )
            else:
                when = rng.choice(WHENS)
                sentence = f"In {when[:4]}, {rng.choice(EVENTS)}, {name} recalled."
                events.append(Event(when, sentence, Source(doc_id, number, sentence)))
            sentences.append(sentence)
            if rng.random() < 0.9:
                people.append(
                    Person(
                        id=slugify(name),
                        name=name,
                        aliases=(name.split()[-1],) if rng.random() < 0.3 else (),
                        roles=(rng.choice(ROLES),) if rng.random() < 0.8 else (),
                        offices=(),
                        party=rng.choice(PARTIES),
                        country=rng.choice(COUNTRIES),
                        former=rng.random() < 0.15,
                        sources=(Source(doc_id, number, sentence),),
                    )
                )
        paragraphs.append(sentences)
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    document = Document(doc_id, f"Report {doc_id}", f"seeds/{doc_id}.txt", text, f"sha-{doc_id}")
    local: dict[str, Person] = {}
    for p in people:  # one entry per local id, as extraction gives
        local.setdefault(p.id, p)
    return DocumentFacts(
        document, tuple(local.values()), tuple(quotes), tuple(commitments), tuple(events)
    )


def edited_document(rng: random.Random, facts: DocumentFacts) -> DocumentFacts:
    """The document read again after an edit: a headline given a full stop, one of its
    commitments or events dropped or changed, or a paragraph with a new event added at the end. The other facts stay equal in
    their places (as new objects, as a new reading gives)."""
    doc_id = facts.document.id
    commitments, events = list(facts.commitments), list(facts.events)
    own: list = commitments if rng.random() < 0.5 else events
    document = facts.document
    paragraphs = document.text.split("\n\n")
    headings = [i for i, p in enumerate(paragraphs) if not p.endswith(".")]
    if headings and rng.random() < 0.3:  # a headline gets a full stop: no longer a heading
        paragraphs[rng.choice(headings)] += "."
        document = replace(document, text="\n\n".join(paragraphs))
    elif own and rng.random() < 0.4:
        del own[rng.randrange(len(own))]
    elif own and rng.random() < 0.5:
        i = rng.randrange(len(own))
        if own is events:
            own[i] = replace(own[i], when=rng.choice(WHENS))
        else:
            own[i] = replace(own[i], topics=(), when=rng.choice(WHENS))
    else:
        when = rng.choice(WHENS)
        sentence = f"In {when[:4]}, {rng.choice(EVENTS)}, the report added."
        number = document.text.count("\n\n") + 2
        document = replace(document, text=f"{document.text}\n\n{sentence}")
        events.append(Event(when, sentence, Source(doc_id, number, sentence)))
    return replace(
        facts,
        document=document,
        commitments=tuple(replace(c) for c in commitments),
        events=tuple(replace(e) for e in events),
        people=tuple(replace(p) for p in facts.people),
        quotes=tuple(replace(q) for q in facts.quotes),
    )
