"""The subject reader's shortcuts read what the full rules read, on invented text: the last
clause cut found by one match, the lead of a subject phrase skipped when no lead can stand
there, and a phrase's modifier and document rules skipped when none of its words opens them."""

from __future__ import annotations

import random

from bot.extract.lexicon import Lexicon
from bot.extract.speaker_name_words import is_name_word, name_runs
from bot.extract.speaker_phrases import (
    _BRACKETS_RE,
    _DETERMINER_RE,
    _DETERMINERS,
    _GROUP_OPENERS,
    _MODIFIER_WORDS,
    _TOKEN_RE,
    PARTY_RE,
    Subject,
    _blank,
    _issued_by,
    _phrase_subject,
    _titled_name_after,
)
from bot.extract.speaker_subjects import _CLAUSE_CUTS, _LEAD_FIRSTS, _LEAD_RE, _last_cut
from bot.extract.speaker_words import STOP_MASK, SpeakerCues, speaker_cues

_PIECES = [
    "Ana",
    "letter",
    "from",
    "group",
    "Mr\u2024",
    "Chairman",
    "said",
    "also",
    "Paz",
    "the",
    "spokesman",
    "statement",
    "by",
    "of",
    "for",
    "and",
    "but",
    "andrew",
    "Rep\u2024",
    " ",
    "  ",
    "\n",
    ",",
    ";",
    ":",
    "—",
    "–",
    "―",
    "-",
    "“",
    "”",
    '"',
    "«",
    "(R-Ore\u2024)",
    "G-7",
    "leaders",
    "é",
    "\u00a0",
]


def _texts(seed: int, count: int, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def test_the_last_cut_is_the_last_of_any_cut_mark() -> None:
    for text in _texts(1, 4000):
        assert _last_cut(text) == max(map(text.rfind, _CLAUSE_CUTS)), text


def test_a_phrase_opening_with_no_lead_character_has_an_empty_lead() -> None:
    for text in _texts(2, 4000):
        if text and not (text[0] in _LEAD_FIRSTS or text[0].isspace()):
            lead = _LEAD_RE.match(text)
            assert lead is not None and lead.end() == 0, text


def test_only_a_phrase_with_a_document_word_in_its_first_four_names_an_issuer(
    lexicon: Lexicon,
) -> None:
    cues = speaker_cues(lexicon)
    for text in _texts(3, 3000):
        tokens = [(m.start(), m.group(0)) for m in _TOKEN_RE.finditer(text)]
        lows = [t.casefold() for _, t in tokens]
        if cues.documents.isdisjoint(lows[:4]):
            assert _issued_by(tokens, text, 0, cues) is None, text


def _phrase_written_out(text: str, offset: int, cues: SpeakerCues) -> Subject:
    """_phrase_subject with every word tested for a modifier, every phrase tried for an
    issuer and its core always made."""
    clean = _BRACKETS_RE.sub(_blank, text) if "(" in text else text  # "(R-Ore.)"
    clean = PARTY_RE.sub(_blank, clean) if "-" in clean else clean  # "R-Ore."
    tokens = [(m.start(), m.group(0)) for m in _TOKEN_RE.finditer(clean)]
    lows = [t.casefold() for _, t in tokens]  # each token folded once, read by every rule
    # where a post-modifier may start: "of", "on", "for" after the first word
    mods = [i for i, w in enumerate(lows) if i and w in _MODIFIER_WORDS]
    # trailing modifiers after a name: "Mr. Varga of the harbor board", "Paz on Monday"
    for i in mods:
        if any(is_name_word(x, cues) for _, x in tokens[:i]) and not _titled_name_after(
            tokens[i + 1 :], cues
        ):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and tokens[-1][1] in cues.adverbs:
        tokens = tokens[:-1]  # "the board is (defending)", "Paz has also (said)"
    if not tokens:
        return Subject("none", "", offset, offset)
    del lows[len(tokens) :]
    issuer = _issued_by(tokens, text, offset, cues)
    if issuer is not None:
        return issuer
    end = tokens[-1][0] + len(tokens[-1][1])
    names = name_runs(tokens, text, offset, cues)
    # the head noun stands before a post-modifier: "a spokesman for the ministry"
    head_at = mods[0] - 1 if mods and mods[0] < len(tokens) else len(tokens) - 1
    head_token = tokens[head_at][1]
    last = lows[head_at].strip(".\u2024")
    words = {w.strip(".\u2024") for w in lows}
    gender = "m" if words & cues.male else "f" if words & cues.female else None
    core = _DETERMINER_RE.sub("", text[:end].strip())
    core = core.replace(STOP_MASK, ".")
    first = tokens[0][1]
    grouped = first[:1].isupper() or first[:1].isdigit() or lows[0] in _GROUP_OPENERS
    # a group's head within its first six words, whatever modifies it after: "the foreign
    # ministers of Norway and Chile" is that group, not Chile
    if head_token[:1].islower() and last in cues.group_heads and grouped and head_at < 6:
        return Subject("group", core, offset, offset + end)
    described = lows[0] in _DETERMINERS and head_token[:1].islower()
    if head_token[:1].islower() and last in cues.documents:
        # "the Harbor Board report stated": a document speaks for its issuer (quotes.py finds them)
        issuer = [
            n for n in names if n[1] <= offset + tokens[head_at][0]
        ]  # "the Harbor Board report"
        return Subject("document", last, offset, offset + end, None, tuple(issuer))
    if described and not (last in cues.group_heads and grouped):
        # "a top Ruiz surrogate", "a member of the Harbor Council": a description, not
        # the name in it; one of a person only with a person's head noun
        kind = "description" if last in cues.person_heads or last in cues.titles else "none"
        return Subject(kind, last, offset, offset + end, gender)
    if names:
        # a run of two words or more first ("city police Chief Ana Paz" is Ana Paz), else the last
        best = max(names, key=lambda n: (" " in n[2], n[0]))
        return Subject("name", best[2], best[0], best[1], gender, tuple(names))
    if last in cues.person_heads or last in cues.titles:
        return Subject("description", last, offset, offset + end, gender)
    if last in cues.group_heads:
        return Subject("group", core, offset, offset + end)
    return Subject("none", core, offset, offset + end)


def test_a_phrase_reads_as_with_every_rule_tried(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    for text in _texts(4, 4000):
        assert _phrase_subject(text, 5, cues) == _phrase_written_out(text, 5, cues), text
    # a document word in each of the first places, then its issuer: "the new joint statement
    # by the G-7 leaders"
    rng = random.Random(6)
    words = ["the", "new", "joint", "Harbor", "of", "also"]
    for _ in range(400):
        lead = " ".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        issuer = rng.choice(["the G-7 leaders", "Ana Paz", "the spokesman", "it"])
        text = f"{lead} {rng.choice(['statement', 'letter'])} {rng.choice(['by', 'from'])} {issuer}"
        assert _phrase_subject(text, 0, cues) == _phrase_written_out(text, 0, cues), text
