"""find_cue's shortcuts read what the full rules read, on invented text: whether a quotation
ends attached, read from its end, and the patterns after the marks tried only where a verb of
the list (or a hyphen) stands after them."""

from __future__ import annotations

import random

from bot.extract.lexicon import Lexicon
from bot.extract.speaker_cues import (
    _ATTACHED_END_RE,
    _ATTACHED_START_RE,
    _LINE_OR_MARK_RE,
    Cue,
    _ends_attached,
    _last_index,
    _last_of,
    _subject_ok,
    before_match,
    find_cue,
)
from bot.extract.speaker_subjects import reporting_subject
from bot.extract.speaker_words import MARKS, SUBJECT_REACH, SpeakerCues, mask_stops, speaker_cues

_PIECES = [
    "said",
    "says",
    "pointed out",
    "told",
    "also",
    "later",
    "Ana",
    "Paz",
    "the",
    "spokesman",
    "Rep\u2024",
    "(R-Ore\u2024)",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "?",
    "—",
    "–",
    "-",
    "―",
    "“",
    "”",
    '"',
    "'",
    "é",
    "x",
    "SAID",
    "unsaid",
]


def _texts(seed: int, count: int, longest: int = 12) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def test_a_quotation_ends_attached_as_the_regex_reads_it() -> None:
    for text in [*_texts(1, 5000), "", "\n", ",\n", ",\n\n", "a,", "a.", "—\n"]:
        assert _ends_attached(text) == bool(_ATTACHED_END_RE.search(text)), repr(text)


def test_an_attribution_after_the_marks_holds_a_verb_the_scan_finds_or_a_hyphen(
    lexicon: Lexicon,
) -> None:
    cues = speaker_cues(lexicon)
    matched = 0
    for text in _texts(2, 20000):
        if cues.after_inverted.match(text) or cues.after_subject.match(text):
            matched += 1
            assert cues.verbs.search(text) or "-" in text, repr(text)
    assert matched > 500  # the patterns were tried where they match


def _find_cue_written_out(
    masked: str, start: int, end: int, closed: bool, para_end: int, cues: SpeakerCues
) -> Cue | None:
    """find_cue with both patterns after the marks tried whenever the quotation attaches."""
    inner = masked[start:end].rstrip()
    if closed:
        rest = masked[end + 1 : min(para_end, end + 1 + SUBJECT_REACH + 40)]
        m = cues.credit.match(rest)
        if m and m.group("subj").strip():
            a = end + 1 + m.start("subj")
            return Cue("credit", a, a + len(m.group("subj").rstrip()))
        # `“…,” Paz said` / `“…?” asked Paz` / `“…” — Paz said`; not a partial quote inside a
        # sentence (`called it “a con” and urged ...`), nor one that ends its sentence
        inner = inner.rstrip("'’\"”")  # a quotation closing a nested one: ",'” said Paz"
        attached = bool(_ATTACHED_END_RE.search(inner)) or bool(_ATTACHED_START_RE.match(rest))
        if attached:
            for pattern in (cues.after_inverted, cues.after_subject):
                m = pattern.match(rest)
                if m and _subject_ok(m.group("subj"), pattern is cues.after_subject):
                    a = end + 1 + m.start("subj")
                    return Cue("after", a, a + len(m.group("subj").rstrip(" ,")))
    open_at = start - 1
    lo = max(0, open_at - SUBJECT_REACH - 60)
    head = masked[lo:open_at]
    cut = max(head.rfind("\n"), *(head.rfind(c) for c in MARKS))
    m = before_match(head, cut, cues)
    if m is None:
        return None
    verb, verb_end = lo + m.start("verb"), lo + m.end("verb")
    found = reporting_subject(masked, lo + m.start("subj"), verb, verb_end, open_at, cues)
    if found is None:
        return None
    return Cue("before", found.start, found.end, found)


def test_a_cue_is_found_as_with_both_patterns_always_tried(lexicon: Lexicon) -> None:
    cues = speaker_cues(lexicon)
    rng = random.Random(3)
    found = 0
    for _ in range(6000):
        before, inner, after = (
            "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, n))) for n in (6, 5, 9)
        )
        inner += rng.choice([",", "", "?", "—", ".", ",\n"])  # most attach: "“…,” Paz said"
        after = rng.choice(["", " ", " Paz", " the spokesman", " said", " -said", "-"]) + after
        text = mask_stops(f"{before}“{inner}”{after}", cues)
        start = len(before) + 1
        end = start + len(inner)
        for closed in (True, False):
            want = _find_cue_written_out(text, start, end, closed, len(text), cues)
            assert find_cue(text, start, end, closed, len(text), cues) == want, repr(text)
            found += want is not None and want.where == "after"
    assert found > 50  # the patterns after the marks were read


def test_the_last_mark_or_break_is_the_last_of_the_reverse_scans() -> None:
    for text in _texts(4, 5000):
        want = max(text.rfind("\n"), *(text.rfind(c) for c in MARKS))
        assert _last_index(_LINE_OR_MARK_RE, text) == want, repr(text)
        for chars in (".!?;:" + MARKS, ".:", "]^\\-", "—"):
            assert _last_index(_last_of(chars), text) == max(map(text.rfind, chars)), repr(text)
