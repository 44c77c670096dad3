"""People: name shapes (honorifics, initials, hyphens, particles), credit lines, appositions, and
words that are not people, on short sentences written for the test (invented names).
"""

from __future__ import annotations

import pytest

from bot.extract.lexicon import Lexicon
from tests.extract.test_people import names, person, register_of

# --- shapes and speech --------------------------------------------------------------------


def test_honorifics_initials_and_reporting_verbs_make_people(lexicon: Lexicon) -> None:
    text = (
        "Ms. Rossi arrived first. George K. Brandt followed. “It went well,” said Okafor. "
        "Lindqvist said nothing."
    )
    assert set(names(register_of(text, lexicon))) == {
        "Rossi",
        "George K. Brandt",
        "Okafor",
        "Lindqvist",
    }


def test_organisations_and_calendar_words_are_not_people(lexicon: Lexicon) -> None:
    text = (
        "General Motors announced a plant. Samsung Electronics said it would invest. Reuters "
        "reported the deal. Officials said on Tuesday that Washington said yes. The Pentagon "
        "said so too, said Monday's statement."
    )
    assert names(register_of(text, lexicon)) == []


def test_surname_and_full_name_are_one_person(lexicon: Lexicon) -> None:
    text = "Defense Secretary Lena Ward met Hiro Sato. Ward said it was useful. Sato agreed."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Lena Ward", "Hiro Sato"]
    ward = person(reg, "Lena Ward")
    assert len(ward.sources) == 2
    assert all(src.sentence in text for src in ward.sources)


def test_different_given_names_with_one_surname_are_two_people(lexicon: Lexicon) -> None:
    text = "President Ana Kim met Minister of Trade Bo Kim. Ana Kim spoke first."
    assert names(register_of(text, lexicon)) == ["Ana Kim", "Bo Kim"]


def test_hyphenated_surname_alone_joins_the_full_name(lexicon: Lexicon) -> None:
    text = "Press Secretary Lena Saint-Clair spoke first. The talks were long, Saint-Clair added."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Lena Saint-Clair"]
    assert person(reg, "Lena Saint-Clair").roles == ("Press Secretary",)
    assert reg.resolve("Saint-Clair", text.rindex("Saint-Clair")) == person(reg, "Lena Saint-Clair")


def test_coordinated_titles_with_one_surname_are_two_people(lexicon: Lexicon) -> None:
    text = (
        "President Ruiz and First Lady Ana Ruiz will host Prime Minister Tom Kell. "
        "Ruiz will also meet President Ruiz's cabinet. Later the first lady will speak."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ruiz", "Ana Ruiz", "Tom Kell"]
    assert person(reg, "Ruiz").roles == ("President",)
    assert person(reg, "Ana Ruiz").roles == ("First Lady",)
    assert reg.resolve("Ruiz", text.index("Ruiz will")) == person(reg, "Ruiz")
    assert reg.resolve("the first lady", text.index("the first")) == person(reg, "Ana Ruiz")


def test_a_compound_title_needs_both_words(lexicon: Lexicon) -> None:
    reg = register_of("Lady Ana Ruiz met First Lady Eva Kell in Lima.", lexicon)
    assert person(reg, "Ana Ruiz").roles == ()
    assert person(reg, "Eva Kell").roles == ("First Lady",)


# --- words that are not people ---------------------------------------------------------------


def test_an_inverted_reporting_verb_names_a_speaker_only_after_a_quote_or_comma(
    lexicon: Lexicon,
) -> None:
    reg = register_of("The ministers met and noted Baltic concerns about energy.", lexicon)
    assert reg.people == ()
    reg = register_of("“We are ready,” noted Varga. The talks went on.", lexicon)
    assert names(reg) == ["Varga"]


def test_news_outlets_and_companies_saying_something_are_not_people(lexicon: Lexicon) -> None:
    reg = register_of("Nikkei said the deal was close, and Asahi reported delays.", lexicon)
    assert reg.people == ()
    reg = register_of("Lockheed Martin said it would deliver the jets. Martin agreed.", lexicon)
    assert reg.people == ()
    reg = register_of(
        "The Hokuto said the talks failed, and the Daily Ardent reported it.", lexicon
    )
    assert reg.people == ()


@pytest.mark.parametrize(
    "text, person",
    [
        ("Unlike Moreno, the senator voted yes. Moreno said nothing.", "Moreno"),
        ("Neither Tanaka nor Rossi came. Tanaka said he was ill.", "Tanaka"),
        ("Despite Okafor's warning, the vote went ahead. Okafor said so.", "Okafor"),
        ("Alongside Varga, the envoy signed. Varga said it was fair.", "Varga"),
        ("Democrat Ana Paz said the plan was bad. Paz left early.", "Ana Paz"),
        ("Citing Okafor's report, the envoy left. Okafor said so.", "Okafor"),
        ("Rival Marco J. Reyes said so, and Reyes left.", "Marco J. Reyes"),
    ],
)
def test_a_word_opening_the_sentence_is_no_given_name(
    text: str, person: str, lexicon: Lexicon
) -> None:
    assert names(register_of(text, lexicon))[0] == person


# --- appositions, credit lines and undotted initials ---------------------------------------


def test_a_credit_line_under_a_block_quote_names_a_person(lexicon: Lexicon) -> None:
    text = (
        "The ministers met in Bergen.\n\n"
        '"We are ready to act."\n\n'
        "Lena Holm, Deputy Minister for Trade of Norway and chair of the meeting\n"
    )
    p = person(register_of(text, lexicon), "Lena Holm")
    assert "Deputy Minister for Trade" in p.roles
    assert p.country == "Norway"


def test_a_name_in_a_title_case_heading_is_still_weak(lexicon: Lexicon) -> None:
    reg = register_of("Secretary Holm Visits Bergen Port\n\nThe talks went well.\n", lexicon)
    assert reg.people == ()


def test_a_determiner_several_words_before_a_title_makes_an_apposition(
    lexicon: Lexicon,
) -> None:
    text = "The deputy parliamentary group leader of the SPD, Lena Holm, told the paper so."
    p = person(register_of(text, lexicon), "Lena Holm")
    assert p.roles == ("deputy parliamentary group leader of the SPD",)
    assert p.party == "SPD"


def test_a_hyphenated_head_and_a_party_in_the_complement(lexicon: Lexicon) -> None:
    text = "The press director and vice-chairman of the Greens, Ravi Rao, defended the plan."
    p = person(register_of(text, lexicon), "Ravi Rao")
    assert p.roles == ("press director", "vice-chairman of the Greens")
    assert p.party == "Greens"


def test_a_capitalised_title_set_off_by_commas_before_a_full_name(lexicon: Lexicon) -> None:
    text = "He also met Special Representative for Trade and Security Policy, Marta Lopez Garcia."
    p = person(register_of(text, lexicon), "Marta Lopez Garcia")
    assert p.roles == ("Special Representative for Trade and Security Policy",)


def test_an_initial_without_a_dot_after_an_honorific(lexicon: Lexicon) -> None:
    reg = register_of("Foreign Minister Dr K Singh met the press. Dr. Singh was brief.", lexicon)
    assert names(reg) == ["K Singh"]
    assert person(reg, "K Singh").roles == ("Foreign Minister",)


def test_a_capital_article_is_no_initial(lexicon: Lexicon) -> None:
    reg = register_of("A Japanese official met Minister Singh. A Holm said no.", lexicon)
    assert "A Holm" not in names(reg)


def test_a_surname_with_a_particle_after_a_title_joins_the_full_name(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Ana Paz met Jean-Luc De Silva, France's foreign minister. "
        "Minister De Silva thanked Minister Paz."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ana Paz", "Jean-Luc De Silva"]
    assert person(reg, "Jean-Luc De Silva").roles == ("foreign minister",)


def test_a_different_given_name_with_the_same_surname_stays_apart(lexicon: Lexicon) -> None:
    reg = register_of("Minister Jan de Vries met Minister Piet de Vries in Utrecht.", lexicon)
    assert names(reg) == ["Jan de Vries", "Piet de Vries"]


def test_a_person_noun_introduces_a_list_of_names(lexicon: Lexicon) -> None:
    text = "The minister asked Oslo to free American citizens Hiro Sato and Ana Paz soon."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Hiro Sato", "Ana Paz"]
    assert {p.country for p in reg.people} == {"United States"}


def test_what_happens_to_a_person_names_them(lexicon: Lexicon) -> None:
    reg = register_of("They raised the health of Ivan Petrov and other issues.", lexicon)
    assert names(reg) == ["Ivan Petrov"]


def test_a_place_after_of_is_not_a_person(lexicon: Lexicon) -> None:
    reg = register_of("They discussed the future of Port Moresby and other issues.", lexicon)
    assert names(reg) == []


def test_an_honorific_and_the_same_surname_after_and_is_another_person(
    lexicon: Lexicon,
) -> None:
    text = "Prime Minister Taro Ito thanked President Ana Vega and Dr. Vega. Vega smiled."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Taro Ito", "Ana Vega", "Dr. Vega"]
    assert person(reg, "Ana Vega").roles == ("President",)
    assert [m.person for m in reg.all_mentions if m.text == "Vega"] == [1]


def test_a_doubled_drop_cap_at_a_paragraph_start_is_read_as_the_word(lexicon: Lexicon) -> None:
    reg = register_of("BEconomics Minister Ana Paz (Greens) spoke on Monday.", lexicon)
    assert person(reg, "Ana Paz").roles == ("Economics Minister",)


def test_a_name_after_a_country_possessive_is_that_country_s_person(lexicon: Lexicon) -> None:
    reg = register_of(
        "Chile's Ana Paz, Peru's Marco J. Reyes and Japan's Kenji Sato discussed trade.", lexicon
    )
    assert {p.name: p.country for p in reg.people} == {
        "Ana Paz": "Chile",
        "Marco J. Reyes": "Peru",
        "Kenji Sato": "Japan",
    }


def test_a_place_or_institution_after_a_country_possessive_is_no_person(lexicon: Lexicon) -> None:
    reg = register_of(
        "Japan's Mount Kita erupted. Chile's National Assembly voted. Peru's Pacific Fleet sailed.",
        lexicon,
    )
    assert reg.people == ()


def test_a_titled_surname_before_a_namesake_with_another_office_is_someone_else(
    lexicon: Lexicon,
) -> None:
    reg = register_of(
        "President Ruiz met the envoy on Monday. Later, First Lady Ana Ruiz opened a school. "
        "“It is good,” Mr. Ruiz said.",
        lexicon,
    )
    assert {p.name: p.roles for p in reg.people} == {
        "Ruiz": ("President",),
        "Ana Ruiz": ("First Lady",),
    }
