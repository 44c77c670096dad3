"""Evidence that a name is a person, one rule family at a time (bot/extract/evidence/): titles,
party and country, appositions, brackets and predecessor lists, name shapes.

These read the Collector's occurrences directly, before the register merges them; every
sentence is written for the test and the names are invented.
"""

from __future__ import annotations

from bot.extract.evidence import Collector, Occurrence, read_paragraph
from bot.extract.lexicon import Lexicon
from bot.extract.names import vocab
from bot.extract.text import segment


def collect(text: str, lexicon: Lexicon) -> Collector:
    collector = Collector(lexicon)
    for paragraph in segment(text):
        collector.read(read_paragraph(text, paragraph, lexicon, vocab(lexicon)))
    collector.confirm_full_names()
    return collector


def found(text: str, lexicon: Lexicon, name: str) -> list[Occurrence]:
    """The occurrences of one name (as printed) in `text`."""
    return [o for o in collect(text, lexicon).occurrences if o.span.surface == name]


# --- titled.py ----------------------------------------------------------------------------------


def test_a_title_before_a_name(lexicon: Lexicon) -> None:
    (occ,) = found("Defense Minister Hiro Sato arrived.", lexicon, "Hiro Sato")
    assert occ.roles == ["Defense Minister"] and occ.titled and not occ.former


def test_titles_joined_by_and_belong_to_the_name_after_them(lexicon: Lexicon) -> None:
    text = "Deputy Prime Minister and Minister of Defence Hiro Sato arrived."
    (occ,) = found(text, lexicon, "Hiro Sato")
    assert occ.roles == ["Deputy Prime Minister", "Minister of Defence"]


def test_a_title_with_no_name_is_a_role_reference(lexicon: Lexicon) -> None:
    collector = collect("The talks went well, the Chancellor said.", lexicon)
    assert [r.phrase.text for r in collector.refs] == ["Chancellor"]
    assert collector.occurrences == []


def test_a_title_set_off_before_a_full_name_is_that_persons(lexicon: Lexicon) -> None:
    (occ,) = found("The German chancellor, Lena Vogt, arrived.", lexicon, "Lena Vogt")
    assert occ.country == "Germany" and occ.titled


# --- affiliation.py -----------------------------------------------------------------------------


def test_a_party_told_after_a_name(lexicon: Lexicon) -> None:
    (occ,) = found("Lena Vogt, who belongs to the Greens, spoke.", lexicon, "Lena Vogt")
    assert occ.party == "Greens"


def test_a_party_noun_before_a_name(lexicon: Lexicon) -> None:
    (occ,) = found("The FDP man Jonas Kern spoke.", lexicon, "Jonas Kern")
    assert occ.party == "FDP"


def test_a_country_after_a_name(lexicon: Lexicon) -> None:
    (occ,) = found("Lena Vogt of Germany spoke.", lexicon, "Lena Vogt")
    assert occ.country == "Germany"


def test_a_title_after_the_word_party_is_held_in_the_party_named_last(lexicon: Lexicon) -> None:
    text = "The Greens won the vote in Hesse.\n\nHer party leader Lena Vogt spoke after it."
    (occ,) = found(text, lexicon, "Lena Vogt")
    assert occ.party == "Greens"


def test_a_longer_name_after_the_party_word_is_no_party(lexicon: Lexicon) -> None:
    text = "Jonas Kern, a member of the Green Energy Council, spoke."
    assert all(o.party is None for o in collect(text, lexicon).occurrences)


# --- appositions.py -----------------------------------------------------------------------------


def test_a_role_set_off_by_commas(lexicon: Lexicon) -> None:
    text = "Jonas Kern, head of the transport department, said the road was safe."
    (occ,) = found(text, lexicon, "Jonas Kern")
    assert occ.roles == ["head of the transport department"]


def test_a_clause_set_off_by_commas_is_no_role(lexicon: Lexicon) -> None:
    text = "Jonas Kern, who met the minister, said the road was safe."
    assert all(o.roles == [] for o in found(text, lexicon, "Jonas Kern"))


# --- brackets.py --------------------------------------------------------------------------------


def test_a_bracket_with_roles_and_a_party(lexicon: Lexicon) -> None:
    text = "Lena Vogt (Vice Chancellor and Economy, Greens) spoke."
    (occ,) = found(text, lexicon, "Lena Vogt")
    assert occ.roles == ["Vice Chancellor", "Economy"] and occ.party == "Greens"


def test_a_bracket_of_something_else_says_nothing(lexicon: Lexicon) -> None:
    assert found("Lena Vogt (pictured) spoke.", lexicon, "Lena Vogt") == []


def test_predecessors_are_former_holders(lexicon: Lexicon) -> None:
    text = "Her predecessors, Jonas Kern (SPD) and Lena Vogt (CDU), disagreed."
    occs = collect(text, lexicon).occurrences
    assert {(o.span.surface, o.former, o.party) for o in occs} >= {
        ("Jonas Kern", True, None),
        ("Lena Vogt", True, None),
    }


# --- name_shapes.py -----------------------------------------------------------------------------


def test_an_honorific_gives_a_name_and_a_gender(lexicon: Lexicon) -> None:
    (occ,) = found("The talks ended, and Ms. Vogt left.", lexicon, "Vogt")
    assert occ.gender == "f"


def test_a_middle_initial_is_a_persons_name(lexicon: Lexicon) -> None:
    assert len(found("The envoy met Jonas P. Kern in Oslo.", lexicon, "Jonas P. Kern")) == 1


def test_a_reporting_verb_next_to_a_name_makes_a_speaker(lexicon: Lexicon) -> None:
    (occ,) = found("“We are ready,” said Kern.", lexicon, "Kern")
    assert occ.spoke


def test_an_institution_before_said_is_no_speaker(lexicon: Lexicon) -> None:
    assert found("The Kremlin said the talks failed.", lexicon, "Kremlin") == []


def test_a_full_name_waits_for_its_surname_to_stand_alone(lexicon: Lexicon) -> None:
    assert found("The envoy saw Hiro Sato in Oslo.", lexicon, "Hiro Sato") == []
    text = "The envoy saw Hiro Sato in Oslo. Sato agreed to return."
    assert len(found(text, lexicon, "Hiro Sato")) == 1


def test_a_meeting_verb_before_a_name_makes_a_person(lexicon: Lexicon) -> None:
    assert len(found("The envoy met with Hiro Sato in Oslo.", lexicon, "Hiro Sato")) == 1
