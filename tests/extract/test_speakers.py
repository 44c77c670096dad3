"""Speakers: who said each quotation, read again beside the marks and through the text.

Every document here is written for the test, with invented people.
"""

from __future__ import annotations

import pytest

from bot.extract import extract_document
from bot.extract.lexicon import Lexicon
from bot.extract.people import extract_people
from bot.extract.speaker_text import SpeakerText
from bot.extract.speaker_words import mask_stops, speaker_cues
from bot.extract.text import segment
from bot.models import Document


def speakers_of(text: str, lexicon: Lexicon) -> list[tuple[str | None, str]]:
    """(speaker name or group, quote text) for each quotation of a document."""
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    facts = extract_document(doc, lexicon)
    names = {p.id: p.name for p in facts.people}
    return [(names.get(q.speaker, q.speaker), q.text) for q in facts.quotes]


def speaker_of(text: str, quote_start: str, lexicon: Lexicon) -> str | None:
    hits = [s for s, q in speakers_of(text, lexicon) if q.startswith(quote_start)]
    assert hits, f"no quotation starting {quote_start!r}"
    return hits[0]


def surname(speaker: str | None) -> str:
    return (speaker or "").split()[-1] if speaker else ""


# --- names beside the marks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an honorific with its full stop inside the subject
        ("Tomas Okafor runs the port. “We will wait for the vote,” Mr. Okafor said.", "Okafor"),
        # a party tag and an apposition between the name and the verb
        (
            "“The hearing went on far too long,” Rep. Dana Whitlock (R-Ore.), a member of the "
            "panel, said in an interview.",
            "Whitlock",
        ),
        # titles before a name the register may not hold
        ("“We will find who did it,” city police Chief Arlo Brandt said Monday.", "Brandt"),
        # the verb first, the name and its apposition after
        (
            "“The numbers do not add up,” said Mina Sorensen, a senior fellow at a research "
            "institute.",
            "Sorensen",
        ),
        # a credit line under the quotation
        ("“I have never been so worried about a vote.” ― Tomas Ferreira", "Ferreira"),
        # an introductory phrase before the subject
        ("In a radio interview on Tuesday, Okafor said: “The port stays open.”", "Okafor"),
        # a participle: the clause's subject speaks
        (
            "Lina Maret attacked the budget plan on Monday, saying, “It hurts the poorest "
            "families most.”",
            "Maret",
        ),
        # "of ..." after a name is not part of it
        ("“The fees are fair to every ship,” Mr. Varga of the harbor board said.", "Varga"),
    ],
)
def test_names_beside_the_marks(text: str, want: str, lexicon: Lexicon) -> None:
    got = speakers_of(text, lexicon)
    assert got, "no quotation found"
    assert surname(got[0][0]) == want


def test_a_possessive_before_the_name_is_not_the_speaker(lexicon: Lexicon) -> None:
    text = "Nora Basset leads the union. “The strike goes on,” Basset's deputy, Colm Reilly, said."
    assert surname(speaker_of(text, "The strike", lexicon)) == "Reilly"


# --- pronouns --------------------------------------------------------------------------------


def test_she_skips_a_nearer_man(lexicon: Lexicon) -> None:
    text = (
        "Ms. Greta Lund, the agency's director, met Mr. Pavel Okonkwo on Monday.\n\n"
        "Mr. Okonkwo praised the new rules at the meeting.\n\n"
        "“We cannot wait another year for this,” she said."
    )
    assert surname(speaker_of(text, "We cannot wait", lexicon)) == "Lund"


def test_he_is_the_last_to_speak_not_the_last_named(lexicon: Lexicon) -> None:
    text = (
        "Rafe Dunmore, a spokesman for the ministry, told reporters the talks had gone well.\n\n"
        "The delegation from Sweden, led by Anton Berg, left on Friday.\n\n"
        "“Nobody expected an agreement this quickly,” he said."
    )
    assert surname(speaker_of(text, "Nobody expected", lexicon)) == "Dunmore"


def test_he_never_stands_for_a_body(lexicon: Lexicon) -> None:
    text = (
        "Elias Varga said the new rules were long overdue.\n\n"
        "The Harbor Commission announced the rules on Monday.\n\n"
        "“This should have happened five years ago,” he said."
    )
    assert surname(speaker_of(text, "This should have", lexicon)) == "Varga"


def test_a_pronoun_learns_gender_from_the_pronoun_after_a_name(lexicon: Lexicon) -> None:
    text = (
        "Mayor Ilse Maren opened the session. She has chaired the council since 2019.\n\n"
        "Jonas Pell, a council member, voted against the plan.\n\n"
        "“The plan is fair to everyone,” she said."
    )
    assert surname(speaker_of(text, "The plan is fair", lexicon)) == "Maren"


def test_they_is_the_last_group_that_spoke(lexicon: Lexicon) -> None:
    text = (
        "The farm workers union said the new rules would hurt small growers.\n\n"
        "“Nobody asked us before the vote,” they said."
    )
    assert speaker_of(text, "Nobody asked", lexicon) == "farm workers union"


# --- descriptions and groups -----------------------------------------------------------------


def test_a_description_goes_to_the_person_so_described(lexicon: Lexicon) -> None:
    text = (
        "Ana Okoro, a spokeswoman for the water agency, said the dam was safe.\n\n"
        "Engineers inspected it again on Friday.\n\n"
        "“There is no danger to anyone downstream,” the spokeswoman said."
    )
    assert surname(speaker_of(text, "There is no danger", lexicon)) == "Okoro"


def test_a_group_speaks_as_the_text_names_it(lexicon: Lexicon) -> None:
    text = (
        "The summit ended on Sunday.\n\n"
        "“We stand together against this aggression,” the G-7 leaders said in a joint "
        "declaration."
    )
    assert speaker_of(text, "We stand together", lexicon) == "G-7 leaders"


# --- continuation ----------------------------------------------------------------------------


def test_a_quote_after_an_attributed_one_keeps_its_speaker(lexicon: Lexicon) -> None:
    text = (
        "Mayor Ruth Calloway opened the new bridge on Monday.\n\n"
        "“It took ten years to build,” Mr. Dario Fenn of the builders' guild said. "
        "“Every one of them was worth it.”"
    )
    got = speakers_of(text, lexicon)
    assert [surname(s) for s, _ in got] == ["Fenn", "Fenn"]


def test_a_paragraph_opening_with_a_quote_continues_the_last_speaker(lexicon: Lexicon) -> None:
    text = (
        "Mayor Ruth Calloway opened the new bridge on Monday.\n\n"
        "“It took ten years to build,” Mr. Dario Fenn of the builders' guild said.\n\n"
        "“Every one of those years was worth it.”"
    )
    got = dict((q, s) for s, q in speakers_of(text, lexicon))
    assert surname(got["Every one of those years was worth it."]) == "Fenn"


def test_a_common_given_name_tells_the_gender(lexicon: Lexicon) -> None:
    text = (
        "Senator Mary Lund visited the old bridge on Monday.\n\n"
        "Brian Holt, a city engineer, said repairs would start soon.\n\n"
        "“The cracks are not dangerous to anyone,” she said."
    )
    assert surname(speaker_of(text, "The cracks", lexicon)) == "Lund"


def test_credit_lines_in_one_paragraph_each_name_their_own_quote(lexicon: Lexicon) -> None:
    text = (
        "Readers wrote in about the debate.\n\n"
        "“I was not convinced by either of them.”\u00a0― Ines Carvalho\u00a0\n"
        "“It was the best debate in years.” ― Tomas Ferreira."
    )
    got = [surname(s) for s, _ in speakers_of(text, lexicon)]
    assert got == ["Carvalho", "Ferreira"]


def test_a_partial_quote_takes_its_sentences_subject(lexicon: Lexicon) -> None:
    text = (
        "The vote was delayed again.\n\n"
        "Senator Ivo Brandt accused the board of “reckless haste” on Tuesday."
    )
    assert surname(speaker_of(text, "reckless haste", lexicon)) == "Brandt"


def test_a_quote_after_a_line_ending_in_a_colon_is_that_lines_speaker(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt spoke to the farmers in March.\n\n"
        "On May 2, Brandt made the following remark:\n\n"
        "“For young farmers the rules are a wall, not a ladder, and we should pull it down.”"
    )
    assert surname(speaker_of(text, "For young farmers", lexicon)) == "Brandt"


def test_a_description_without_an_apposition_is_the_last_to_speak(lexicon: Lexicon) -> None:
    text = (
        "Kara Vance said on Monday that the plan would fail.\n\n"
        "“It is a mistake,” Vance's former campaign strategist said."
    )
    assert surname(speaker_of(text, "It is a mistake", lexicon)) == "Vance"


def _speaker_text(text: str, lexicon: Lexicon) -> SpeakerText:
    """The speaker pass's view of `text`: its paragraphs, people, cues and masked stops."""
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    paragraphs = segment(text)
    cues = speaker_cues(lexicon)
    register = extract_people(doc, paragraphs, lexicon)
    return SpeakerText(text, mask_stops(text, cues), paragraphs, register, cues, [])


def test_a_shared_surname_does_not_give_one_person_the_others_gender(lexicon: Lexicon) -> None:
    text = (
        "Police stopped Keith Rowan on Monday near his home.\n\n"
        "Odile Rowan can be heard yelling to the officers that her husband was unarmed.\n\n"
        "Rowan was taken to a hospital. He died there.\n\n"
        "Rowan said little after that. He went home."
    )
    view = _speaker_text(text, lexicon)
    genders = {p.name: view.gender_of(i) for i, p in enumerate(view.register.people)}
    assert genders.get("Keith Rowan") == "m"
    assert genders.get("Odile Rowan") is None


def test_a_transcript_label_names_the_speaker(lexicon: Lexicon) -> None:
    text = (
        "Governor Ivo Brandt spoke to a radio host on Sunday. A partial transcript follows:\n\n"
        "“HOST: Will you run again?\n\n"
        "“BRANDT: I have not decided, and I will not decide before the spring.”"
    )
    got = speakers_of(text, lexicon)
    assert surname(got[-1][0]) == "Brandt"


def test_a_line_ending_in_a_colon_gives_no_speaker_when_it_names_no_one(lexicon: Lexicon) -> None:
    text = (
        "The hearing lasted four hours.\n\n"
        "Partial transcript as follows:\n\n"
        "“I have not decided, and I will not decide before the spring.”"
    )
    assert speakers_of(text, lexicon)[0][0] is None


def test_a_pronouns_own_paragraph_beats_an_older_speaker(lexicon: Lexicon) -> None:
    text = (
        "Odile Ortiz announced the new budget on Monday.\n\n"
        "Minister Tomas Berg minced no words about the deficit. “We cannot go on like this,” "
        "he said."
    )
    assert surname(speaker_of(text, "We cannot go on", lexicon)) == "Berg"


def test_a_description_is_not_matched_against_itself(lexicon: Lexicon) -> None:
    text = (
        "Lars Moe, a businessman from Oslo, said on Monday that taxes were too high.\n\n"
        "He was followed by Senator Ines Karlsen. “Taxes must come down,” the Oslo businessman said."
    )
    assert surname(speaker_of(text, "Taxes must come down", lexicon)) == "Moe"


def test_a_document_speaks_for_its_issuer(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt spoke on Monday.\n\n"
        "The Harbor Board released a report on Tuesday.\n\n"
        "“Traffic will double by 2030,” the report said."
    )
    assert speaker_of(text, "Traffic will double", lexicon) == "Harbor Board"


def test_it_is_the_last_body_that_spoke(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt spoke on Monday.\n\n"
        "The Harbor Board said on Tuesday that fees would rise.\n\n"
        "“We have no other choice this year,” it said."
    )
    assert speaker_of(text, "We have no other choice", lexicon) == "Harbor Board"


def test_a_document_with_its_issuer_in_the_subject_speaks_for_it(lexicon: Lexicon) -> None:
    text = "Fees rose.\n\n“Traffic will double by 2030,” the Harbor Board report said on Monday."
    assert speaker_of(text, "Traffic will double", lexicon) == "Harbor Board"


def test_a_quotation_left_open_runs_into_the_next_paragraph(lexicon: Lexicon) -> None:
    text = (
        "Mayor Ruth Calloway opened the session on Monday.\n\n"
        "“We will not wait,” Mr. Dario Fenn of the builders' guild said. “The plan is ready, "
        "and the vote is set.\n\n"
        "“It will pass before the summer, whatever the council decides.”"
    )
    got = dict((q, s) for s, q in speakers_of(text, lexicon))
    assert surname(got["It will pass before the summer, whatever the council decides."]) == "Fenn"


def test_a_clause_after_the_marks_is_not_their_attribution(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt and Governor Kara Lind met at the harbor on Monday.\n\n"
        "A video shows Brandt telling the crowd at the pier, “The port will stay open,” "
        "while Lind argued with him about the fees."
    )
    assert surname(speaker_of(text, "The port will stay open", lexicon)) == "Brandt"


def test_a_person_right_before_a_participle_says_the_quotation(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt and Governor Kara Lind met at the harbor on Monday.\n\n"
        "Lind's new video shows Brandt warning the crowd at the pier, “The port will stay "
        "open,” to loud cheers."
    )
    assert surname(speaker_of(text, "The port will stay open", lexicon)) == "Brandt"


def test_a_place_before_a_participle_says_nothing(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt spoke on Monday.\n\n"
        "Brandt praised the new bridge to Norway saying it would “carry our trade for a "
        "hundred years.”"
    )
    assert surname(speaker_of(text, "carry our trade", lexicon)) == "Brandt"


def test_it_after_a_document_is_left_to_the_document_reader(lexicon: Lexicon) -> None:
    text = (
        "The Harbor Board said on Monday that fees would rise.\n\n"
        "“Traffic will double by 2030,” the article read. “Fees will follow,” it added."
    )
    assert speaker_of(text, "Fees will follow", lexicon) != "Harbor Board"


def test_a_pronoun_right_before_the_verb_is_its_subject(lexicon: Lexicon) -> None:
    text = (
        "Senator Odile Ortiz said she would vote against the bill.\n\n"
        "The bill has four parts. The first sets fees. The second sets limits. The third sets "
        "dates. The fourth is about ports.\n\n"
        "Asked once more, she replied, “My answer has not changed.”"
    )
    assert surname(speaker_of(text, "My answer", lexicon)) == "Ortiz"


def test_words_that_name_no_one_are_no_speaker(lexicon: Lexicon) -> None:
    text = (
        "My uncle was a sailor.\n\n"
        "Once in my teens, on a long drive with my uncle, I smiled and answered, "
        '"Ships do not scare me." My uncle frowned, so I tried again: "Only the big ones do." '
        'To that he said, "Then you will never be a sailor."'
    )
    got = [s for s, _ in speakers_of(text, lexicon)]
    assert len(got) == 3 and not {"To", "Once"} & set(got)


def test_a_title_with_a_country_goes_to_that_countrys_office_holder(lexicon: Lexicon) -> None:
    text = (
        "German Chancellor Lena Vogt met French President Ana Moreau in Paris on Monday.\n\n"
        "Moreau spoke first about energy prices and the new grid.\n\n"
        "“Our two countries will build it together,” the German chancellor said."
    )
    assert surname(speaker_of(text, "Our two countries", lexicon)) == "Vogt"


def test_a_contracted_it_is_still_it(lexicon: Lexicon) -> None:
    text = (
        "Senator Ivo Brandt spoke on Monday.\n\n"
        "The Harbor Board announced higher fees on Monday. It’s warning that “the port will close by "
        "winter without them.”"
    )
    assert speaker_of(text, "the port will close", lexicon) == "Harbor Board"


# --- offices read as capitalised names ------------------------------------------------------


def test_a_name_before_its_office_apposition_speaks(lexicon: Lexicon) -> None:
    text = (
        "The council met in Lisbon.\n\n"
        "Ilse Varnholt, Council Vice-President and Harbour Commissioner, said:\n\n"
        "“We will open the new berths next spring.”"
    )
    assert surname(speaker_of(text, "We will open", lexicon)) == "Varnholt"


def test_the_office_speaks_for_its_holder(lexicon: Lexicon) -> None:
    text = (
        "Foreign Secretary Oren Talvik met the visiting delegation in Riga.\n\n"
        "“Trade between us must grow,” the Foreign Secretary said."
    )
    assert surname(speaker_of(text, "Trade between us", lexicon)) == "Talvik"


def test_a_name_that_ends_like_an_office_stays_a_name(lexicon: Lexicon) -> None:
    text = "“Turnout makes the difference,” said Bram King, a council member from the north."
    assert surname(speaker_of(text, "Turnout makes", lexicon)) == "King"


def test_the_resolver_lists_who_spoke_when_first_asked_the_same_as_up_front(
    lexicon: Lexicon,
) -> None:
    from bot.extract.speaker_phrases import Subject
    from bot.extract.speakers import SpeakerResolver

    text = (
        "Mayor Ivo Brandt met Dana Varos on Monday. Brandt said the port stays open.\n\n"
        "Varos told reporters she agreed. He said the talks went well."
    )

    def resolver() -> SpeakerResolver:
        return SpeakerResolver(_speaker_text(text, lexicon))

    up_front = resolver()
    events, resolved = list(up_front.events), list(up_front.resolved)
    assert [who for _, who, _ in events][:2] == ["ivo-brandt", "dana-varos"]
    later = resolver()
    assert later._events is None  # nothing read yet: not listed yet
    start = text.index("Brandt said")
    name = Subject("name", "Brandt", start, start + 6, None, ((start, start + 6, "Brandt"),))
    assert later.speaker(name) == ("ivo-brandt", True)
    assert later.events == events and later.resolved == resolved
