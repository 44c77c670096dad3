"""The one tokenisation (tokens.py): the tokens the name rules read and the words the actor
rules read, on invented sentences."""

from __future__ import annotations

import random

from bot.extract.tokens import (
    CLAUSE_MARKS,
    INNER_MARKS,
    Token,
    index_at,
    tokens,
    tokens_at,
    word_texts,
    words,
)


def texts(toks: list[Token] | tuple[Token, ...]) -> list[str]:
    return [t.text for t in toks]


def test_tokens_keep_dotted_abbreviations_whole_and_split_initials() -> None:
    assert texts(tokens("The U.S. envoy J. Reyes met Dr. Paz.")) == [
        "The", "U.S.", "envoy", "J", ".", "Reyes", "met", "Dr", ".", "Paz", ".",
    ]  # fmt: skip


def test_tokens_split_ampersands_and_keep_hyphens_and_apostrophes_inside_words() -> None:
    assert texts(tokens("AT&T's co-chair Lee Do-hoon won't")) == [
        "AT", "&", "T's", "co-chair", "Lee", "Do-hoon", "won't",
    ]  # fmt: skip
    assert texts(tokens("Sato’s plan")) == ["Sato’s", "plan"]


def test_tokens_make_each_other_mark_a_token_and_skip_underscores() -> None:
    assert texts(tokens("“Yes,” she said (twice) — well… a_b")) == [
        "“", "Yes", ",", "”", "she", "said", "(", "twice", ")", "—", "well", "…", "a", "b",
    ]  # fmt: skip


def test_token_offsets_and_properties() -> None:
    toks = tokens("Ana Paz's U.S. trip")
    assert [(t.start, t.end) for t in toks] == [(0, 3), (4, 9), (10, 14), (15, 19)]
    paz = toks[1]
    assert (paz.bare, paz.possessive, paz.capitalised, paz.word) == ("Paz", True, True, True)
    assert toks[2].low == "u.s"
    assert not tokens("(x")[0].word


def test_tokens_at_reads_a_paragraph_with_offsets_into_the_body() -> None:
    body = "Intro.\n\nJ. Sato's U.S. trip.\n\nAT&T said"
    start, end = body.index("J."), body.index(".\n\nAT") + 1
    para = tokens_at(body[start:end], start)
    assert texts(para) == ["J", ".", "Sato's", "U.S.", "trip", "."]
    assert para[0] == Token("J", start, start + 1)
    assert [body[t.start : t.end] for t in para] == texts(para)
    assert tokens_at("Sato", 0) == list(tokens("Sato"))


def test_words_join_abbreviations_ampersands_and_keep_clause_marks() -> None:
    sentence = "The U.S.-Japan panel and AT&T's unit (2024) said: “act” now."
    assert texts(words(sentence)) == [
        "The", "U.S.-Japan", "panel", "and", "AT&T's", "unit", "(", "2024", ")", "said", ":",
        "“", "act", "”", "now",
    ]  # fmt: skip
    for w in words(sentence):
        assert sentence[w.start : w.end] == w.text


def test_words_end_on_a_letter_digit_or_apostrophe() -> None:
    assert texts(words("The U.S. and the allies' 3.5% share-")) == [
        "The", "U.S", "and", "the", "allies'", "3.5", "share",
    ]  # fmt: skip
    assert texts(words("'Quoted' a.&b ...x")) == ["Quoted'", "a.&b", "x"]
    assert texts(words("They said ‘All Bets Are Off.’")) == [
        "They",
        "said",
        "All",
        "Bets",
        "Are",
        "Off.’",
    ]


def joined_words(text: str) -> list[Token]:
    """The actor words by the rule, token by token: a word goes on over each next token that
    touches it and is a word or an inner mark, then drops the dots, ampersands and hyphens it
    ends with; of the other marks only clause marks stay."""
    out: list[Token] = []
    run: list[Token] = []
    for tok in [*tokens(text), Token(" ", len(text) + 1, len(text) + 1)]:
        if run and tok.start == run[-1].end and (tok.word or tok.text in INNER_MARKS):
            run.append(tok)
            continue
        if run:
            word = text[run[0].start : run[-1].end].rstrip(".&-")
            out.append(Token(word, run[0].start, run[0].start + len(word)))
            run = []
        if tok.word:
            run = [tok]
        elif tok.text in CLAUSE_MARKS:
            out.append(tok)
    return out


def test_words_equal_the_rule_applied_token_by_token() -> None:
    samples = [
        "Plain words, one (two): three “four” — five; six.",
        "The U.S.-Japan pact, AT&T's bid and the allies' 3.5% cut.",
        "Mr. Paz met Dr. J. Reyes at 10 a.m. in Lee Do-hoon's office.",
        "a--b c-'d e_f g.’ h'' i.& j x'.y U.S.A.-led",
    ]
    shuffled = random.Random(7)
    marks = "aB1 ._&'’-()“”\",;:—!?é\u0301"
    samples += ["".join(shuffled.choice(marks) for _ in range(12)) for _ in range(3000)]
    for text in samples:
        assert words(text) == joined_words(text), text
        assert word_texts(text) == texts(joined_words(text)), text


def test_words_read_initials_as_a_letter_without_its_dot() -> None:
    assert texts(words("Marco J. Reyes")) == ["Marco", "J", "Reyes"]


def test_words_give_a_new_list_each_call_and_tokens_are_remembered() -> None:
    text = "Both sides will act."
    first = words(text)
    first.clear()
    assert texts(words(text)) == ["Both", "sides", "will", "act"]
    assert tokens(text) is tokens(text)


def test_index_at_finds_the_first_token_at_or_after_an_offset() -> None:
    toks = words("Japan will act soon")
    assert index_at(toks, 0) == 0
    assert index_at(toks, 6) == 1
    assert index_at(toks, 7) == 2
    assert index_at(toks, 99) == len(toks)
