"""The commitment cue patterns, compiled once per lexicon from config/cues.yaml.

Every word list a commitment rule matches lives in config/cues.yaml; this module only turns
them into patterns. `cue_patterns(lexicon).strong` matches the intention cues ("want to",
"pledged", "agreed in principle to", "is also planning"), `.modal` the modals ("will",
"would", "'ll"), `.blocker` the phrases that make what follows a hope or a demand on others
("hope", "called on"), and so on: each field says what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.extract.alternation import Alternation, WordScan
from bot.extract.lexicon import Lexicon
from bot.extract.phrase_scan import PhraseScan, phrase_scan

_NEVER = r"(?!x)x"


def alternation(words: tuple[str, ...]) -> str:
    """One regex alternation of literal phrases, longest first (never matching when empty)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or _NEVER


def _phrase_re(words: tuple[str, ...]) -> PhraseScan:
    """Whole-word phrases, ignoring case; phrases may start with an apostrophe ("'ll"). Run
    by first letter (phrase_scan.py): dozens of phrases tried at every place are slow."""
    phrases = sorted(set(words), key=len, reverse=True)
    return phrase_scan(phrases, r"(?:(?<![\w])|(?=['’]))")


@dataclass(frozen=True)
class CuePatterns:
    """The compiled cue patterns; each field says what it reads."""

    strong: WordScan  # run by first letter: a thousand cues tried at every word is slow
    agreed_on: frozenset[str]  # "agreed on": a cue only before a plan (`agreed_on_object`)
    agreed_on_object: re.Pattern[str]  # "a plan", "the need to", within a few words
    conditional: PhraseScan
    plan_after: re.Pattern[str]
    modal: PhraseScan
    actor_only: frozenset[str]
    possessive: re.Pattern[str]
    possessive_strict: re.Pattern[str]  # the same, its owner only at a word's start
    blocker: PhraseScan
    passive: re.Pattern[str]
    modal_blocking: frozenset[str]
    noun_will: frozenset[str]
    verb_after: re.Pattern[str]  # the verb after a modal, past its adverbs ("will also send")
    forward: re.Pattern[str]  # "looked forward to" + a gerund or a scheduled thing
    courtesy: re.Pattern[str]  # an intention cue's verb that makes it a courtesy
    praise: PhraseScan
    restated: re.Pattern[str]  # "the commitment of X to develop"
    meeting: PhraseScan
    purpose: re.Pattern[str]  # "to boost", "to reaffirm"
    purpose_noun: re.Pattern[str]  # "a new initiative to advance"
    stated_purpose: re.Pattern[str]  # "“That's the purpose of being here: to reassure"
    agenda: re.Pattern[str]  # "decisions to be taken"
    priority: re.Pattern[str]  # "be the cornerstone of", "be a priority for"
    assessment: frozenset[str]
    new_clause: re.Pattern[str]  # "as he and Park agreed": a clause with its own subject
    cue_nouns: frozenset[str]
    discussed: re.Pattern[str]  # "discussed Kenya's", "focused on the": before a cue noun
    looking_back: PhraseScan  # "back then", "at the time": the sentence tells of the past
    owner: re.Pattern[str]  # "Kenya's", "the U.S.'s": a cue noun's owner right before it
    criticism: PhraseScan
    object_aim: re.Pattern[str]  # "sought a closer partnership", "would like more time"
    deadline: re.Pattern[str]  # "should be passed by"
    signing: re.Pattern[str]  # "signed a memorandum"
    welcome: re.Pattern[str]  # "welcomed the signing of"
    welcome_plan: re.Pattern[str]  # "welcomed the historic announcements from"
    announce: re.Pattern[str]  # "announced a joint forum"
    restate: re.Pattern[str]  # "reaffirmed the ironclad commitment", "reaffirm to deepen"
    restate_blocking: PhraseScan  # "underscored the importance of the commitment"
    predicate_cues: frozenset[str]  # "ready to" only as a predicate ("is ready to")
    predicate_before: re.Pattern[str]  # "is", "would be", "remain fully" right before the cue
    negated_before: re.Pattern[str]  # "does not" right before a cue
    praised: re.Pattern[str]  # "applauded Japan's resolve to bolster"
    outcome: re.Pattern[str]  # "the talks ended with a commitment to"
    effect: re.Pattern[str]  # after a modal: "open other doors", "lead to", "bring"
    conversation: re.Pattern[str]  # after a modal: "confirm this in a moment"
    talk_verb: re.Pattern[str]  # a verb of the conversation itself: "go into", "comment"
    social: re.Pattern[str]  # after a modal's verb: "attend the dinner hosted for ..."
    exhortation: re.Pattern[str]  # "we should stay focused"


def _adverbial(lexicon: Lexicon) -> str:
    """What may stand between a cue verb and its infinitive: "Thursday", "on May 5", "in
    principle" (cues.yaml `cue_adverbials`, `weekdays`, `months`)."""
    months = [str(f) for forms in lexicon.words.get("months") or () for f in forms]
    day = rf"(?:{alternation(tuple(months))})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    weekday = alternation(lexicon.word_list("weekdays"))
    words = alternation(lexicon.word_list("cue_adverbials"))
    return rf"(?:(?:on\s+)?(?:{weekday}|{day})|{words})"


_BE_FORMS = frozenset(("is", "are", "am", "was", "were"))


def _strong_re(lexicon: Lexicon) -> WordScan:
    """The intention cues; a two-word "<verb> to" cue lets adverbials stand between its words
    ("agreed Thursday to", "agreed in principle to"), and a cue opening with "is"/"are" one
    after that word ("is also planning")."""
    adverbial = _adverbial(lexicon)
    spread: list[str] = []
    plain: list[str] = []
    for cue in sorted(set(lexicon.word_list("commitment_cues")), key=lambda c: (-len(c), c)):
        words = cue.split()
        if len(words) == 2 and words[1].casefold() == "to" and words[0].casefold() not in _BE_FORMS:
            spread.append(rf"{re.escape(words[0])}(?:,?\s+{adverbial},?)*\s+to")
        elif len(words) > 1 and words[0].casefold() in _BE_FORMS:
            # "is also planning", "are now set to": an adverbial after the "be" of the cue.
            rest = r"\s+".join(re.escape(x) for x in words[1:])
            spread.append(rf"{re.escape(words[0])}(?:\s+{adverbial})?\s+{rest}")
        else:
            plain.append(re.escape(cue))
    # The spread cues first: "agreed on Monday to" is one cue, not "agreed on".
    parts = spread + plain
    source = rf"(?<![\w])(?:{'|'.join(parts) or _NEVER})(?![\w])"
    # Each cue opens with its first letter, so the scan may try only the cues that open with
    # the letter it stands on (alternation.py); a cue opening otherwise, or holding a group
    # of its own, keeps the plain pattern. The cues are escaped words and the adverbial,
    # wrapped in non-capturing groups, so the adverbial alone tells whether a cue holds a
    # group, and no cue is compiled alone.
    grouped = bool(spread) and re.compile(adverbial).groups > 0
    if not parts or grouped or any(not p[:1].isalnum() for p in parts):
        return WordScan(source, re.IGNORECASE, None)
    terms = tuple((p[0], p) for p in parts)
    return WordScan(
        source, re.IGNORECASE, Alternation(terms, r"(?<![\w])", r"(?![\w])", re.IGNORECASE)
    )


def _possessive_re(possessives: str, nouns: str, owner_start: str) -> re.Pattern[str]:
    """A possessive before a commitment noun: "our commitment", "America's firm pledge".

    `owner_start` may bar the owner from starting inside a word (see linear.run_start_finditer).
    """
    return re.compile(
        rf"(?:\b(?P<pron>{possessives})|{owner_start}(?P<owner>[\w.]+(?:['’]s|s['’])))"
        rf"\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b",
        re.IGNORECASE,
    )


#: A character of a possessive's owner ("U.S.'s"): the run its pattern opens with.
OWNER_CHAR_RE = re.compile(r"[\w.]")


def _intention_patterns(lexicon: Lexicon) -> dict[str, Any]:
    """The patterns finding.py scans with: intention, conditional, phrase, praise, outcome and
    possessive cues, and the blockers and exceptions around them."""
    markers = lexicon.word_list("plan_markers")
    plan_words = [re.escape(m) for m in markers if m.casefold() != "to"]
    infinitive = r"|\bto\s+(?!the\b|a\b|an\b)[a-z]+" if "to" in markers else ""
    possessives = alternation(lexicon.word_list("possessives"))
    nouns = alternation(lexicon.word_list("commitment_nouns"))
    participles = alternation(lexicon.word_list("irregular_participles"))
    return dict(
        strong=_strong_re(lexicon),
        agreed_on=frozenset(w.casefold() for w in lexicon.word_list("agreed_on_cues")),
        agreed_on_object=re.compile(
            rf"(?:\s+(?:[\w’'-]+\s+){{0,3}}?(?:"
            rf"{alternation((*lexicon.word_list('agreed_on_objects'), *lexicon.word_list('plan_nouns')))})"
            rf"(?![\w-])|\s+(?:[\w’'()-]+\s+){{1,3}}to\s+(?!the\b|a\b|an\b)[a-z]+\b)",
            re.IGNORECASE,
        ),
        conditional=_phrase_re(lexicon.word_list("conditional_cues")),
        plan_after=re.compile(rf"\b(?:{'|'.join(plan_words) or _NEVER})\b{infinitive}", re.I),
        possessive=_possessive_re(possessives, nouns, ""),
        possessive_strict=_possessive_re(possessives, nouns, r"(?<![\w.])"),
        blocker=_phrase_re(lexicon.word_list("noncommitment_cues")),
        forward=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('forward_cues'))})\s+"
            rf"(?:(?:{alternation(lexicon.word_list('forward_gerunds'))})\b"
            rf"|(?:[\w.’'-]+\s+){{0,4}}?(?:{alternation(lexicon.word_list('forward_nouns'))})\b)",
            re.IGNORECASE,
        ),
        courtesy=re.compile(
            rf"\s*(?:(?:{alternation(lexicon.word_list('courtesy_verbs'))})\b"
            rf"|(?:{alternation(lexicon.word_list('courtesy_offer_verbs'))})\s+"
            rf"(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(lexicon.word_list('courtesy_nouns'))})\b)",
            re.IGNORECASE,
        ),
        praise=_phrase_re(lexicon.word_list("praise_verbs")),
        restated=re.compile(
            rf"\b(?:{nouns})\s+(?:{alternation(lexicon.word_list('owner_markers'))})\s+"
            rf"(?:[^\s.;:]+\s+){{1,16}}?to\s+(?!the\b|a\b|an\b)(?-i:[a-z]+)\b",
            re.IGNORECASE,
        ),
        purpose_noun=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('purpose_nouns'))})\s+to\s+"
            rf"(?:{alternation(lexicon.word_list('purpose_verbs'))})\b",
            re.IGNORECASE,
        ),
        stated_purpose=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('purpose_owners'))})\s+"
            rf"(?:{alternation(lexicon.word_list('purpose_statement_nouns'))})\b"
            rf"(?:\s+of\s+[^.:;—–]{{1,60}}?)?(?:\s+(?:is|was)|\s*[:—–])\s+to\s+"
            rf"(?!(?:{alternation(lexicon.word_list('purpose_blocked_verbs'))})\b)[a-z]+\b",
            re.IGNORECASE,
        ),
        agenda=re.compile(
            rf"\b(?!(?:{alternation(lexicon.word_list('agenda_blocking_words'))})\b)"
            rf"[a-z]+\s+to\s+be\s+(?:{alternation(lexicon.word_list('agenda_participles'))})\b"
        ),
        new_clause=re.compile(
            rf"(?:;|\b(?:{alternation(lexicon.word_list('clause_conjunctions'))}))\s+"
            rf"(?=(?:{alternation(lexicon.word_list('actor_pronouns'))}"
            rf"|{alternation(lexicon.word_list('group_phrases'))})\b|[A-Z])"
        ),
        cue_nouns=frozenset(w.casefold() for w in lexicon.word_list("cue_nouns")),
        discussed=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('discussion_verbs'))})\s+"
            rf"(?:[\w.’'-]+\s+){{0,3}}$",
            re.IGNORECASE,
        ),
        looking_back=_phrase_re(lexicon.word_list("looking_back_times")),
        owner=re.compile(r"(?<![\w.])[A-Z][\w.’'-]*?(?:['’]s|s['’])\s+(?:[a-z][\w-]*\s+)?$"),
        criticism=_phrase_re(lexicon.word_list("criticism_words")),
        predicate_cues=frozenset(w.casefold() for w in lexicon.word_list("predicate_cues")),
        predicate_before=_predicate_re(lexicon),
        negated_before=re.compile(
            rf"(?:\b|(?=['’])|(?=n['’]t))(?:{alternation(lexicon.word_list('negations'))})\s+$",
            re.I,
        ),
        praised=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('praise_verbs'))})\s+[^.;:]{{0,80}}?"
            rf"(?P<owner>\b[\w.]+(?:['’]s|s['’]))\s+(?:[\w-]+,?\s+){{0,2}}"
            rf"(?:{alternation(lexicon.word_list('praised_plan_nouns'))})\s+to\s+"
            rf"(?!(?:{alternation(lexicon.word_list('determiners'))})\b)(?-i:[a-z]+)\b",
            re.IGNORECASE,
        ),
        outcome=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('outcome_verbs'))})\s+"
            rf"(?:[\w’'-]+,?\s+){{0,3}}?(?:{alternation(lexicon.word_list('outcome_nouns'))})"
            rf"\s+to\b",
            re.IGNORECASE,
        ),
        exhortation=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('exhortation_modals'))})\s+"
            rf"(?:(?:{alternation(lexicon.word_list('modal_adverbs'))})\s+)*"
            rf"(?:{alternation(lexicon.word_list('exhortation_verbs'))})\b"
            # "should be passed by": a passive plan; "should stay focused" is no passive
            rf"(?!(?<=\bbe)\s+(?:[a-z]+ed|[a-z]+en|{participles})\b)",
            re.IGNORECASE,
        ),
    )


def _modal_patterns(lexicon: Lexicon) -> dict[str, Any]:
    """The patterns modals.py reads a "will"/"would" with: the modals, the verb after one, and
    the verbs and phrases that make it a forecast, an assessment or a priority."""
    participles = alternation(lexicon.word_list("irregular_participles"))
    return dict(
        modal=_phrase_re(lexicon.word_list("modal_cues")),
        actor_only=frozenset(w.casefold() for w in lexicon.word_list("actor_only_modals")),
        passive=re.compile(rf"\s+(?:not\s+)?be\s+(?:[a-z]+ed|[a-z]+en|{participles})\b"),
        modal_blocking=frozenset(w.casefold() for w in lexicon.word_list("modal_blocking_verbs")),
        noun_will=frozenset(w.casefold() for w in lexicon.word_list("noun_will_words")),
        verb_after=re.compile(
            rf"\s+(?:(?:{alternation(lexicon.word_list('modal_adverbs'))})\s+)*([a-z][a-z-]*)\b"
        ),
        assessment=frozenset(w.casefold() for w in lexicon.word_list("assessment_verbs")),
        priority=re.compile(
            rf"\s+be\s+(?:(?:a|an|the|one\s+of\s+the|our|its|their|his|her|top|main|key|"
            rf"new|central|first|major)\s+)*"
            rf"(?:{alternation(lexicon.word_list('priority_nouns'))})\b",
            re.IGNORECASE,
        ),
        effect=re.compile(
            rf"(?:{alternation(lexicon.word_list('effect_verbs'))})\b"
            rf"(?!\s*(?:[,;.]|$|(?:{alternation(lexicon.word_list('scheduled_after'))})\b))",
            re.IGNORECASE,
        ),
        social=re.compile(
            rf"[a-z]+\s+(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(lexicon.word_list('social_events'))})\b",
            re.IGNORECASE,
        ),
        talk_verb=re.compile(
            rf"\s*(?:{alternation(lexicon.word_list('conversation_verbs'))})\b", re.IGNORECASE
        ),
        conversation=re.compile(
            rf"(?:{alternation(lexicon.word_list('conversation_verbs'))})\b"
            rf"(?:\s+[\w’'-]+){{0,6}}?\s+"
            rf"(?:{alternation(lexicon.word_list('conversation_times'))})\b",
            re.IGNORECASE,
        ),
    )


def _act_patterns(lexicon: Lexicon) -> dict[str, Any]:
    """The patterns acts.py and schedules.py read an actor's act with: aims, deadlines,
    signings, welcomes, announcements, restated commitments, meetings and their purpose."""
    participles = alternation(lexicon.word_list("irregular_participles"))
    return dict(
        object_aim=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('object_aim_cues'))})\s+"
            rf"(?=(?:{alternation(lexicon.word_list('object_aim_openers'))})\b)",
            re.IGNORECASE,
        ),
        deadline=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('deadline_modals'))})\s+be\s+"
            rf"(?:[a-z]+ed|[a-z]+en|{participles})\b"
        ),
        signing=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('signing_verbs'))})\s+"
            rf"(?:(?:[\w’'-]+\s+){{0,4}}?|the\s+(?:(?:[A-Z][\w.’'-]*|of|and|for|on|[-–])\s+){{1,10}}?)"
            rf"(?i:{alternation(lexicon.word_list('agreement_nouns'))})\b"
        ),
        welcome=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('welcome_verbs'))})\s+the\s+"
            rf"(?:{alternation(lexicon.word_list('welcome_nouns'))})\s+of\b"
        ),
        welcome_plan=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('welcome_verbs'))})\s+the\s+"
            rf"(?:[a-z][\w-]*\s+){{0,3}}?(?:{alternation(lexicon.word_list('welcome_plan_nouns'))})"
            rf"\b(?:\s+(?:from|by|of)\s+(?P<owner>[^,;]{{1,60}}))?"
        ),
        announce=re.compile(
            rf"\b(?:{alternation(lexicon.word_list('announce_verbs'))})\s+"
            rf"(?:[\w’'-]+\s+){{0,4}}?(?i:{alternation(lexicon.word_list('announce_nouns'))})\b"
        ),
        restate=_restate_re(lexicon),
        restate_blocking=_phrase_re(lexicon.word_list("restate_blocking_words")),
        meeting=_phrase_re(lexicon.word_list("meeting_verbs")),
        purpose=re.compile(rf"\bto\s+(?:{alternation(lexicon.word_list('purpose_verbs'))})\b"),
    )


@lru_cache(maxsize=8)
def cue_patterns(lexicon: Lexicon) -> CuePatterns:
    """The cue patterns of `lexicon`, compiled once (cached per lexicon object)."""
    return CuePatterns(
        **_intention_patterns(lexicon), **_modal_patterns(lexicon), **_act_patterns(lexicon)
    )


def _predicate_re(lexicon: Lexicon) -> re.Pattern[str]:
    """What must stand right before a predicate-only cue ("ready to"): a form of "be" or of a
    linking verb, perhaps with adverbs between ("is now fully ready to")."""
    verbs = alternation(lexicon.word_list("predicate_verbs"))
    skip = alternation(
        (*lexicon.word_list("subject_skip_words"), *lexicon.word_list("modal_adverbs"))
    )
    return re.compile(rf"(?:\b|(?=['’]))(?:{verbs})(?:\s+(?:{skip}|[a-z]+ly))*\s+$", re.IGNORECASE)


def _restate_re(lexicon: Lexicon) -> re.Pattern[str]:
    """A restated commitment: a restating verb, then within six words a commitment or goal
    noun, or straight away an infinitive that is no audience ("reiterated to reporters")."""
    verbs = alternation(lexicon.word_list("restate_verbs"))
    nouns = alternation(lexicon.word_list("restate_nouns"))
    audiences = alternation((*lexicon.word_list("restate_audiences"), "the", "a", "an"))
    return re.compile(
        rf"\b(?:{verbs})\s+(?:(?:[\w.’'-]+,?\s+){{0,6}}?(?:{nouns})\b"
        rf"|to\s+(?!(?:{audiences})\b)(?-i:[a-z]+)\b)",
        re.IGNORECASE,
    )
