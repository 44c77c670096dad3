"""People: parties told in other ways, roles set off by commas after a name, double
surnames and Japanese names printed family-first in ordinary capitals.

Every sentence is written for the test; the names are invented.
"""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from tests.extract.test_people import names, person, register_of

# --- parties -------------------------------------------------------------------------------


def test_who_belongs_to_a_party(lexicon: Lexicon) -> None:
    text = "Environment Minister Lena Vogt, who belongs to the Greens, defended the plan."
    p = person(register_of(text, lexicon), "Lena Vogt")
    assert p.party == "Greens"
    assert p.roles == ("Environment Minister",)


def test_who_is_a_member_of_a_party_finds_the_person(lexicon: Lexicon) -> None:
    reg = register_of("Jonas Kern, who is a member of the SPD, said the plan was sound.", lexicon)
    assert person(reg, "Jonas Kern").party == "SPD"


def test_a_member_of_the_party_with_lower_case_party(lexicon: Lexicon) -> None:
    reg = register_of("Jonas Kern, a member of the Free Democratic party, spoke.", lexicon)
    assert person(reg, "Jonas Kern").party == "FDP"


def test_member_of_a_longer_name_is_no_party(lexicon: Lexicon) -> None:
    reg = register_of("Jonas Kern, a member of the Green Energy Council, spoke.", lexicon)
    assert all(p.party is None for p in reg.people)


def test_party_adjective_before_a_title(lexicon: Lexicon) -> None:
    text = "The Social Democratic Interior Minister Lena Vogt said the police were ready."
    p = person(register_of(text, lexicon), "Lena Vogt")
    assert p.party == "SPD"
    assert p.roles == ("Interior Minister",)
    assert p.country == "Germany"


def test_one_word_party_adjective_before_portfolio_words(lexicon: Lexicon) -> None:
    reg = register_of("The Liberal Finance Minister Jonas Kern spoke.", lexicon)
    kern = person(reg, "Jonas Kern")
    # "Liberal" names parties in many countries: a party of its own, giving no country.
    assert (kern.party, kern.country) == ("Liberal", None)
    reg = register_of("The Green Environment Minister Lena Vogt spoke.", lexicon)
    assert person(reg, "Lena Vogt").party == "Greens"


def test_one_word_party_before_an_institution_is_no_party(lexicon: Lexicon) -> None:
    reg = register_of("The Green Climate Fund Director Lena Vogt spoke.", lexicon)
    assert person(reg, "Lena Vogt").party is None


def test_party_and_a_person_noun_before_a_name(lexicon: Lexicon) -> None:
    reg = register_of("The FDP man Jonas Kern defended the law. Kern said it was fine.", lexicon)
    p = person(reg, "Jonas Kern")
    assert p.party == "FDP"
    assert names(reg) == ["Jonas Kern"]


def test_his_party_leader_takes_the_party_named_before(lexicon: Lexicon) -> None:
    text = (
        "The bill was drafted by the FDP.\n\n"
        "His party leader Jonas Kern said it would pass. Lena Vogt, the party chair, disagreed."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Jonas Kern").party == "FDP"


def test_party_leader_with_no_party_named_has_none(lexicon: Lexicon) -> None:
    reg = register_of("His party leader Jonas Kern said it would pass.", lexicon)
    assert person(reg, "Jonas Kern").party is None


# --- roles set off by commas after a name -------------------------------------------------


def test_roles_after_names_in_a_list(lexicon: Lexicon) -> None:
    text = (
        "Tom Reid, U.S. Ambassador to Peru, and Ana Ruiz, Chief of Staff to the Secretary of "
        "State, met on Monday."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Tom Reid", "Ana Ruiz"]
    reid = person(reg, "Tom Reid")
    assert reid.roles == ("Ambassador to Peru",)
    assert reid.country == "United States"
    assert person(reg, "Ana Ruiz").roles == ("Chief of Staff to the Secretary of State",)


def test_lower_case_role_after_a_name(lexicon: Lexicon) -> None:
    text = "Jonas Kern, head of the transport department, said the roads were fine."
    p = person(register_of(text, lexicon), "Jonas Kern")
    assert p.roles == ("head of the transport department",)


def test_role_after_a_titled_name_is_added(lexicon: Lexicon) -> None:
    text = "Minister Jonas Kern, head of the transport department, said the roads were fine."
    p = person(register_of(text, lexicon), "Jonas Kern")
    assert p.roles == ("Minister", "head of the transport department")


def test_country_that_ends_a_role_after_a_name(lexicon: Lexicon) -> None:
    p = person(register_of("Ana Ruiz, Minister of Finance of Chile, said no.", lexicon), "Ana Ruiz")
    assert p.roles == ("Minister of Finance",)
    assert p.country == "Chile"


def test_a_clause_after_a_name_is_no_role(lexicon: Lexicon) -> None:
    text = "Jonas Kern, head of the agency that was created in May, said no."
    assert all(not p.roles for p in register_of(text, lexicon).people)


def test_a_list_of_titled_people_is_not_one_role(lexicon: Lexicon) -> None:
    text = "Jonas Kern, Defense Minister Lena Vogt and others met."
    reg = register_of(text, lexicon)
    assert person(reg, "Lena Vogt").roles == ("Defense Minister",)
    assert all(not p.roles for p in reg.people if p.name != "Lena Vogt")


def test_title_complement_ends_before_and_a_name(lexicon: Lexicon) -> None:
    text = (
        "The talks included Tom J. Reid III, Secretary of Defense, and Ana Ruiz, Secretary of "
        "State."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Tom J. Reid III").roles == ("Secretary of Defense",)
    assert person(reg, "Ana Ruiz").roles == ("Secretary of State",)


def test_complement_list_with_and_before_a_portfolio_stays_whole(lexicon: Lexicon) -> None:
    reg = register_of("Minister of Economy, Trade, and Industry Ana Ruiz spoke.", lexicon)
    assert person(reg, "Ana Ruiz").roles == ("Minister of Economy, Trade, and Industry",)


# --- names --------------------------------------------------------------------------------


def test_first_of_two_surnames_alone_is_the_same_person(lexicon: Lexicon) -> None:
    text = "Chilean Energy Minister Pablo Ortega Brun met reporters. Minister Ortega said yes."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Pablo Ortega Brun"]
    assert "Ortega" in person(reg, "Pablo Ortega Brun").aliases


def test_japanese_family_first_name_turns_when_the_text_shows_the_order(
    lexicon: Lexicon,
) -> None:
    text = "Japanese Defense Minister Sato Hiroki met reporters. Minister Sato said yes."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Hiroki Sato"]
    assert person(reg, "Hiroki Sato").country == "Japan"


def test_japanese_name_keeps_its_order_without_evidence(lexicon: Lexicon) -> None:
    reg = register_of("Japanese Defense Minister Sato Hiroki met reporters.", lexicon)
    assert names(reg) == ["Sato Hiroki"]


def test_given_first_name_does_not_turn(lexicon: Lexicon) -> None:
    text = "Japanese Defense Minister Hiroki Sato met reporters. Minister Sato said yes."
    assert names(register_of(text, lexicon)) == ["Hiroki Sato"]
    text = "Foreign Minister Tom Reid met reporters. Minister Tom said yes."
    assert "Tom Reid" in names(register_of(text, lexicon))


def test_surname_with_title_alone_stays_a_surname(lexicon: Lexicon) -> None:
    reg = register_of("Secretary of State Ruiz said the talks were useful.", lexicon)
    assert names(reg) == ["Ruiz"]
    text = "Secretary of State Ana Ruiz met reporters. Secretary of State Ruiz said no."
    assert names(register_of(text, lexicon)) == ["Ana Ruiz"]
