"""Speakers: groups, statements, communiqués and joint declarations, and quotations carried
on over sentences and paragraphs.

Every document here is written for the test, with invented people and bodies.
"""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_speakers import speakers_of


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a group and its joint statement, the verb before the quotation
        (
            "The G-7 leaders said in a joint statement that they would “stand together against "
            "any attempt to move borders by force.”",
            "G-7 leaders",
        ),
        # the same, the attribution after the quotation
        (
            "“We will stand together against any attempt to move borders by force,” the G-7 "
            "leaders said in a joint statement.",
            "G-7 leaders",
        ),
        # a group whose head a post-modifier follows: not the last country in it
        (
            "In a joint declaration, the foreign ministers of Norway and Chile said: “Fisheries "
            "must be managed together.”",
            "foreign ministers of Norway and Chile",
        ),
        (
            "“Fisheries must be managed together,” the foreign ministers of Norway and Chile "
            "said in a joint declaration.",
            "foreign ministers of Norway and Chile",
        ),
        # a document speaks for the issuer it names after "by" or "from"
        (
            "“We are ready to act,” the statement by the Andean finance ministers read.",
            "Andean finance ministers",
        ),
        (
            "A joint statement from the Nordic trade ministers said: “Tariffs hurt everyone.”",
            "Nordic trade ministers",
        ),
        # a communiqué named in the sentence before speaks for its issuer
        (
            "The leaders of the Pacific Forum issued a communiqué on Sunday. “We are united in "
            "our support for the islands,” the communiqué said.",
            "Pacific Forum",
        ),
        # "It said" right after a sentence about a joint statement: its issuers
        (
            "The Harbor Commission and Chile released a joint statement on Friday. It said the "
            "two sides would “deepen cooperation on shipping.”",
            "Harbor Commission and Chile",
        ),
    ],
)
def test_groups_and_their_documents_speak_as_the_text_names_them(
    text: str, want: str, lexicon: Lexicon
) -> None:
    got = speakers_of(text, lexicon)
    assert got, "no quotation found"
    assert got[0][0] == want


def test_it_with_no_document_before_names_no_one(lexicon: Lexicon) -> None:
    text = (
        "The new bridge opened on Friday. It said the two towns would “share the costs of its "
        "upkeep.”"
    )
    assert speakers_of(text, lexicon)[0][0] is None


def test_a_groups_quotation_continues_over_sentences_and_paragraphs(lexicon: Lexicon) -> None:
    text = (
        "The foreign ministers of Norway and Chile said in a joint statement: “Fisheries must "
        "be managed together.” They added: “No one will be left behind.”\n\n"
        "“The sea does not know borders,” the ministers said. “Our fleets will share their "
        "data.”\n\n"
        "“Every catch will be counted."
    )
    got = speakers_of(text, lexicon)
    assert len(got) == 5
    assert {s for s, _ in got} == {"foreign ministers of Norway and Chile"}


def test_a_persons_quotation_continues_over_paragraphs(lexicon: Lexicon) -> None:
    text = (
        "“We will not wait for the vote,” said Ana Paz, the harbor director. “The plan is "
        "ready.”\n\n"
        "“Every ship will pay the same fee.”\n\n"
        "Tomas Ruiz, the president of the pilots' union, disagreed with Paz.\n\n"
        "“The fees will drive ships away,” he said."
    )
    got = dict((q, s) for s, q in speakers_of(text, lexicon))
    assert got["The plan is ready."] == "Ana Paz"
    assert got["Every ship will pay the same fee."] == "Ana Paz"
    assert got["The fees will drive ships away"] == "Tomas Ruiz"


def test_they_is_the_group_a_sentence_before_opens_with(lexicon: Lexicon) -> None:
    text = (
        "Federal officials said the plan was sound.\n\n"
        "Critics of the port plan, like Ana Paz and Tomas Ruiz, see the vote as a chance to fix "
        "it. They sent a letter on Thursday to the board.\n\n"
        "“The plan is full of holes,” they wrote."
    )
    got = speakers_of(text, lexicon)
    assert got[0][0] == "Critics of the port plan"


def test_they_is_the_last_group_that_spoke_after_any_group_named_before(
    lexicon: Lexicon,
) -> None:
    text = (
        "Critics of the port plan met on Monday.\n\n"
        "The harbor workers said the plan would cost them their jobs.\n\n"
        "“Nobody asked us before the vote,” they said."
    )
    assert speakers_of(text, lexicon)[0][0] == "harbor workers"
