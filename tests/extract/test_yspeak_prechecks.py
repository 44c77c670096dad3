"""The cheap pre-checks of the quotation and speaker rules skip only texts the full rule
would find nothing in: each is compared with the rule it guards on invented text."""

from __future__ import annotations

import random

from bot.config import load_lexicon
from bot.extract.quotes.patterns import patterns


def test_the_document_end_check_keeps_every_text_a_document_noun_ends() -> None:
    # `document` ("the 2022 Harbor Board Communique to “…”") is searched only when a noun's
    # last word stands near the end: any text it matches must pass the check.
    pat = patterns(load_lexicon())
    pieces = [
        "the ",
        "The ",
        "2022 ",
        "Harbor ",
        "Board ",
        "Communique",
        "Communiqué",
        "Joint  Statement",
        "Action\nPlan",
        "Statement",
        "Plan",
        "Plans",
        " to ",
        " on",
        " ",
        "\n",
        ".",
        "!",
        ",",
        "“",
        "x" * 9,
        "adopted by the council ",
    ]
    rng = random.Random(11)
    found = 0
    for _ in range(4000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 18)))
        full = pat.document.search(head)
        check = pat.document_end.search(head, max(0, len(head) - pat.document_reach))
        if full:
            found += 1
            assert check, head
    assert found > 100  # the invented texts do reach the full rule


def test_a_document_noun_far_from_the_mark_is_ruled_out() -> None:
    pat = patterns(load_lexicon())
    head = "The Harbor Board Communique was read aloud for many hours, and then everyone left the "
    assert not pat.document.search(head)
    assert not pat.document_end.search(head, max(0, len(head) - pat.document_reach))
    near = "the 2022 Harbor Board Communique to "
    assert pat.document.search(near).group("org").strip() == "Harbor Board"
    assert pat.document_end.search(near, max(0, len(near) - pat.document_reach))
