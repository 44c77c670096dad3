"""Fact texts a reader can follow: whole clauses, balanced quote marks, named speakers and actors.

Extraction keeps a commitment's clause and an event's statement as it cut them from a sentence;
a clause that ends inside a quotation keeps the closing mark ('…five years,” said Defense
Minister Boris Pistorius.'), and an event can lose words from its middle or open with a pronoun
('It was the first Asian country he visited'). These rules decide what a line shows instead:
the quoted words with who said them, the whole sentence, or the sentence with the one before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.folding import words
from bot.models import Quote, Source

_OPEN = "“‘«"
_CLOSE = "”’»"
# Impersonal subjects that name no one; the actor pronouns come from config/cues.yaml.
_IMPERSONAL = ("it", "this", "these", "those")


def unmatched_close(text: str) -> int | None:
    """Where a closing quotation mark with no opening one stands, or None.

    '…five years,” said X.' → the position of ”; 'So, make no mistake, … region."' → the
    position of the final straight mark (an odd straight mark after the first character closes).
    """
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            if depth == 0:
                return i
            depth -= 1
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2 == 1 and straight[0] > 0:
        return straight[0]
    return None


def balanced(text: str) -> str:
    """The text without quotation marks that open or close nothing.

    'The Japanese will double it,” said X.' → 'The Japanese will double it, said X.'
    """
    at = unmatched_close(text)
    if at is not None:
        text = (text[:at] + text[at + 1 :]).replace(" ,", ",")
    opens = [i for i, ch in enumerate(text) if ch in "“«"]
    closes = [i for i, ch in enumerate(text) if ch in "”»"]
    if len(opens) > len(closes) and opens:
        text = text[: opens[-1]] + text[opens[-1] + 1 :]
    if text.count('"') % 2 == 1:
        i = text.index('"')
        text = text[:i] + text[i + 1 :]
    return re.sub(r"\s{2,}", " ", text).strip()


def _folded_words(text: str) -> str:
    return " ".join(words(text))


def quoted_statement(
    text: str, quotes: Sequence[Quote], speaker_name: Callable[[Quote], str]
) -> str | None:
    """A clause said inside a quotation, shown as the quoted words and who said them.

    'The Japanese will double their defense budget in the next five years,” said Defense
    Minister Boris Pistorius.' → '“The Japanese will double their defense budget in the next
    five years.” — Boris Pistorius', when one of `quotes` (those of the same paragraph) holds
    the words before the stray closing mark. None when no quote holds them.
    """
    at = unmatched_close(text)
    if at is None:
        return None
    core = text[:at].strip().rstrip(",;:").strip()
    key = _folded_words(core)
    if len(key.split()) < 3:
        return None
    for q in quotes:
        if key in _folded_words(q.text):
            end = "" if core[-1:] in ".!?…" else "."
            return f"“{core}{end}” — {speaker_name(q)}"
    return None


def is_whole(part: str, sentence: str) -> bool:
    """The part is one unbroken run of the sentence's words (no words cut from its middle).

    'The trip to Beijing followed' is whole in 'The trip to Beijing followed in November.';
    'they already existed with …Israel and, also with Russia' is not in '…Israel and, until
    2012, also with Russia.'
    """
    p, s = _folded_words(part), _folded_words(sentence)
    return bool(p) and f" {p} " in f" {s} "


def opens_with_pronoun(text: str, pronouns: Sequence[str]) -> bool:
    """The statement's subject is a pronoun: its first word, or the first after an opening phrase.

    'It was the first Asian country he visited' and 'In the past, for example, they …' all do;
    'The Japanese will double their budget' does not (a possessive inside the sentence names
    no subject).
    """
    stop = set(pronouns) | set(_IMPERSONAL)
    for clause in text.split(",")[:4]:
        clause_words = words(clause)
        if clause_words and clause_words[0] in stop:
            return True
        if len(clause_words) > 4:  # past the opening phrases ('In the past, for example,')
            return False
    return False


def event_text(
    what: str,
    source: Source,
    previous: Callable[[Source], str | None],
    quotes: Sequence[Quote],
    speaker_name: Callable[[Quote], str],
    pronouns: Sequence[str],
) -> tuple[str, bool]:
    """What a timeline entry shows, and whether that is the source sentence itself.

    The event's own words when they are a whole clause that names its subject; else the whole
    sentence (quoted words with their speaker); and when that sentence's subject is a pronoun,
    the sentence before it in the paragraph too, so 'it' and 'he' have something to stand for.
    """
    sentence = source.sentence.strip()
    if is_whole(what, sentence) and not opens_with_pronoun(what, pronouns):
        said = quoted_statement(what, quotes, speaker_name)
        return (said or balanced(what)), False
    said = quoted_statement(sentence, quotes, speaker_name)
    if said:
        return said, False
    text = balanced(sentence)
    if opens_with_pronoun(sentence, pronouns):
        before = previous(source)
        if before:
            return f"{balanced(before)} {text}", False
    return text, True
