"""People: titles before names (country adjectives, complements, ranks, formal styles), office
countries, and names written family-first.

Unit tests on short sentences written for the test (invented names).
"""

from __future__ import annotations

from bot.extract.lexicon import Lexicon
from tests.extract.test_people import names, person, register_of

# --- titles before names ------------------------------------------------------------------


def test_title_with_country_adjective(lexicon: Lexicon) -> None:
    reg = register_of("Japanese Defense Minister Taro Yamada met reporters on Monday.", lexicon)
    p = person(reg, "Taro Yamada")
    assert p.roles == ("Defense Minister",)
    assert p.country == "Japan"
    assert p.id == "taro-yamada"
    assert "Yamada" in p.aliases


def test_title_with_complement_splits_before_the_name(lexicon: Lexicon) -> None:
    text = (
        "Minister of Defense Arjun Mehta and U.S. Under Secretary of State for Economic Growth, "
        "Energy, and the Environment Maria L. Ortiz met in Delhi."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Arjun Mehta").roles == ("Minister of Defense",)
    ortiz = person(reg, "Maria L. Ortiz")
    assert ortiz.roles == (
        "Under Secretary of State for Economic Growth, Energy, and the Environment",
    )
    assert ortiz.country == "United States"


def test_japanese_family_name_in_capitals_is_written_given_name_first(lexicon: Lexicon) -> None:
    text = "Minister of Economy, Trade and Industry of Japan SATO Kenji met the press."
    p = person(register_of(text, lexicon), "Kenji Sato")
    assert p.roles == ("Minister of Economy, Trade and Industry",)
    assert p.country == "Japan"
    assert {"Sato", "SATO Kenji"} <= set(p.aliases)


def test_korean_name_keeps_its_order_and_family_name_alias(lexicon: Lexicon) -> None:
    text = "Republic of Korea (ROK) 2nd Vice Minister of Foreign Affairs Park Min-jun spoke."
    p = person(register_of(text, lexicon), "Park Min-jun")
    assert p.roles == ("2nd Vice Minister of Foreign Affairs",)
    assert p.country == "South Korea"
    assert "Park" in p.aliases


def test_several_titled_names_in_one_sentence(lexicon: Lexicon) -> None:
    text = (
        "President Alvarez welcomed Japanese Prime Minister Hoshino and National Security "
        "Advisor Ravi Kumar and Minister of Defense Lena Berg to the summit."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Alvarez", "Hoshino", "Ravi Kumar", "Lena Berg"]
    assert person(reg, "Ravi Kumar").roles == ("National Security Advisor",)
    assert person(reg, "Hoshino").country == "Japan"


def test_particles_suffixes_and_diacritics_stay_in_the_name(lexicon: Lexicon) -> None:
    text = (
        "Commissioner Ilse von der Brück met President Pedro A. Gómez Jr. in Brussels. "
        "Gómez said little."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Ilse von der Brück").aliases[0] == "von der Brück"
    assert person(reg, "Pedro A. Gómez Jr.").aliases[0] == "Gómez"
    assert len(reg.people) == 2


def test_ranks_are_left_out_of_the_name_and_give_a_role(lexicon: Lexicon) -> None:
    text = (
        "Chairman of the Joint Chiefs of Staff Army Gen. Ana B. Lopez spoke. "
        "The exercise went well, the general said."
    )
    reg = register_of(text, lexicon)
    p = person(reg, "Ana B. Lopez")
    assert p.roles == ("Chairman of the Joint Chiefs of Staff", "General")
    assert reg.resolve("the general", text.index("the general")) == p


def test_former_title_marks_a_former_office_holder(lexicon: Lexicon) -> None:
    reg = register_of("Former President Hal Jensen criticised the plan.", lexicon)
    assert person(reg, "Hal Jensen").former


def test_coordinated_titles_and_a_counterpart_apposition(lexicon: Lexicon) -> None:
    text = (
        "Secretary of Defense Carl Voss met his Australian counterpart, Deputy Prime Minister "
        "and Minister of Defence Tom Hale, today. The Secretary and Minister Hale spoke."
    )
    reg = register_of(text, lexicon)
    hale = person(reg, "Tom Hale")
    assert hale.roles == ("Deputy Prime Minister", "Minister of Defence")
    assert hale.country == "Australia"
    assert person(reg, "Carl Voss").roles == ("Secretary of Defense",)


def test_complement_ending_in_unknown_words_keeps_a_two_word_name(lexicon: Lexicon) -> None:
    text = (
        "Under Secretary of State for Civilian Security, Democracy, and Human Rights Ida Moe "
        "spoke. Ambassador Lia Voss, U.S. Chief Negotiator for the Ocean Accord, listened."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ida Moe", "Lia Voss"]
    assert person(reg, "Lia Voss").roles == (
        "Ambassador",
        "Chief Negotiator for the Ocean Accord",
    )


def test_complement_ends_before_words_that_name_no_one(lexicon: Lexicon) -> None:
    text = (
        "U.S. Secretary of Energy Ana M. Ruiz and the Republic of Chile's Minister of Mining, "
        "Tomas Vidal, met. Republic of Korea Minister of Unification Kim Ji-ho on Monday "
        "joined Secretary of Commerce Ben Ota of the United States."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ana M. Ruiz", "Tomas Vidal", "Kim Ji-ho", "Ben Ota"]
    assert person(reg, "Ana M. Ruiz").roles == ("Secretary of Energy",)
    assert person(reg, "Kim Ji-ho").roles == ("Minister of Unification",)
    assert person(reg, "Kim Ji-ho").country == "South Korea"
    assert person(reg, "Ben Ota").roles == ("Secretary of Commerce",)
    assert person(reg, "Ben Ota").country == "United States"


def test_roman_numeral_suffix_before_a_full_stop(lexicon: Lexicon) -> None:
    text = "This is new, said Secretary of Defense Carl B. Voss III. He left."
    p = person(register_of(text, lexicon), "Carl B. Voss III")
    assert "Carl B. Voss III." not in p.aliases


def test_name_of_country_is_a_person_from_that_country(lexicon: Lexicon) -> None:
    text = "She met Jean-Luc Le Brun of France and Marta Rossi of Italy. Le Brun spoke."
    reg = register_of(text, lexicon)
    assert person(reg, "Jean-Luc Le Brun").country == "France"
    assert person(reg, "Jean-Luc Le Brun").aliases[0] == "Le Brun"
    assert person(reg, "Marta Rossi").country == "Italy"
    assert names(register_of("The Bank of Japan and Harbor Group of Canada met.", lexicon)) == []


def test_two_ranks_make_one_role(lexicon: Lexicon) -> None:
    text = "Pentagon Press Secretary Air Force Brig. Gen. Pat Reyes briefed reporters."
    p = person(register_of(text, lexicon), "Pat Reyes")
    assert p.roles == ("Press Secretary", "Brigadier General")
    assert p.country == "United States"


def test_people_listed_with_titles_after_their_names(lexicon: Lexicon) -> None:
    text = (
        "She joined Ann Lee Ford, President of the Harbor City Sharks, Tim Vale, President and "
        "CEO of Vale Power, and President-elect Sam Otto."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ann Lee Ford", "Tim Vale", "Sam Otto"]
    assert person(reg, "Ann Lee Ford").roles == ("President of the Harbor City Sharks",)
    assert person(reg, "Tim Vale").roles == ("President",)
    assert person(reg, "Sam Otto").roles == ("President-elect",)


def test_role_reference_prefers_the_latest_holder_over_a_bare_title(lexicon: Lexicon) -> None:
    text = (
        "Secretary of Energy Jo Park spoke. The Secretary then left.\n\n"
        "“Biofuels matter,” Secretary Lim said."
    )
    reg = register_of(text, lexicon)
    assert reg.resolve("The Secretary", text.index("The Secretary")) == person(reg, "Jo Park")


def test_family_name_in_capitals_alone_after_a_title(lexicon: Lexicon) -> None:
    text = "Minister SAITO held a meeting with Secretary Lane. Minister Saito thanked him."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Saito", "Lane"]
    assert person(reg, "Saito").roles == ("Minister",)
    assert names(register_of("Minister of Defense NATO spoke.", lexicon)) == []


def test_formal_styles_before_a_name_after_a_title(lexicon: Lexicon) -> None:
    text = (
        "The Minister for Foreign Affairs of Japan, H.E. Mr. Taro Aso, met the Secretary of "
        "State for Defence of the United Kingdom of Great Britain and Northern Ireland, the "
        "Rt Hon Ann Pike MP, and Admiral Tom Reed, First Sea Lord."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Taro Aso", "Ann Pike", "Tom Reed"]
    assert person(reg, "Taro Aso").roles == ("Minister for Foreign Affairs",)
    assert person(reg, "Taro Aso").country == "Japan"
    pike = person(reg, "Ann Pike")
    assert pike.roles == ("Secretary of State for Defence",)
    assert pike.country == "United Kingdom"
    assert person(reg, "Tom Reed").roles == ("Admiral",)


def test_protocol_style_names_with_titles_after_them(lexicon: Lexicon) -> None:
    text = (
        "Mr. KATO Ken, Prime Minister of Japan, met the Honorable Sam T. Reed, Jr., President "
        "of the United States of America and H.E. Mr. PARK Min Soo, President of the Republic "
        "of Korea (ROK). Park Min-soo of South Korea spoke first."
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Ken Kato", "Sam T. Reed Jr.", "Park Min Soo"]
    assert [(p.roles, p.country) for p in reg.people] == [
        (("Prime Minister",), "Japan"),
        (("President",), "United States"),
        (("President",), "South Korea"),
    ]
    assert "Park Min-soo" in person(reg, "Park Min Soo").aliases


def test_office_gives_the_country_among_those_the_document_is_about(lexicon: Lexicon) -> None:
    text = (
        "Germany and Japan held talks. Japan and Germany agreed. Japan will host the next round. "
        "“We are close,” said Meier. Prime Minister Aki Mori agreed, and the Chancellor smiled."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Aki Mori").country == "Japan"
    assert person(reg, "Meier").roles == ("Chancellor",)
    assert person(reg, "Meier").country == "Germany"
    text = "France and South Korea met. President Alain Roux and President Kim Sun spoke."
    reg = register_of(text, lexicon)
    assert [p.country for p in reg.people] == [None, None]  # both countries have a President


def test_office_country_is_not_a_country_the_person_travels_to(lexicon: Lexicon) -> None:
    text = (
        "Prime Minister Aki Mori arrived in Paris on Monday. France and Japan agreed on a plan. "
        "France will host the next round, and France welcomed the plan."
    )
    assert person(register_of(text, lexicon), "Aki Mori").country is None
    text = (
        "Prime Minister Aki Mori welcomed the Dutch king. France and Japan agreed on a plan. "
        "France will host the next round, and France welcomed the plan."
    )
    assert person(register_of(text, lexicon), "Aki Mori").country == "France"


def test_office_country_named_once_is_too_weak_for_a_common_office(lexicon: Lexicon) -> None:
    text = "Prime Minister Aki Mori said Russia should act."
    assert person(register_of(text, lexicon), "Aki Mori").country is None
    text = "Secretary of Defense Ann Lee said the United States would act."
    assert person(register_of(text, lexicon), "Ann Lee").country == "United States"


def test_names_in_title_case_headings_only_join_people_of_the_body(lexicon: Lexicon) -> None:
    text = (
        "Secretary Lund Concludes Oslo Visit\n\nSecretary of State Mary Lund left Oslo today.\n\n"
        "President Kane Hosts Summit Dinner"
    )
    reg = register_of(text, lexicon)
    assert names(reg) == ["Mary Lund"]
    assert "Lund Concludes" not in person(reg, "Mary Lund").aliases


# --- family-first names --------------------------------------------------------------------


def test_family_first_name_is_a_person_when_the_family_name_stands_alone_later(
    lexicon: Lexicon,
) -> None:
    text = "Envoys came for the swearing-in of Choi Min Jun on Monday. Choi thanked them."
    reg = register_of(text, lexicon)
    p = person(reg, "Choi Min Jun")
    assert p.aliases[0] == "Choi"
    assert reg.resolve("Choi", text.index("Choi thanked")) == p


def test_a_name_shaped_phrase_without_evidence_is_not_a_person(lexicon: Lexicon) -> None:
    text = "Envoys came for the opening of Park Avenue Hall on Monday and Lee Brandt Road."
    assert register_of(text, lexicon).people == ()


def test_hyphenated_korean_given_name_after_a_family_name_is_a_person(lexicon: Lexicon) -> None:
    text = "The two leaders discussed a meeting with Kim Sung-ho in Hanoi."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Kim Sung-ho"]
    assert person(reg, "Kim Sung-ho").aliases[0] == "Kim"


def test_a_short_last_syllable_of_a_family_first_name_is_kept(lexicon: Lexicon) -> None:
    text = "President Baek Ha In and President Jo Ellis met in May."
    assert "Baek Ha In" in names(register_of(text, lexicon))


def test_two_people_sharing_a_family_name_are_told_apart_by_title(lexicon: Lexicon) -> None:
    text = (
        "Minister of Energy Han Sung Ho met Secretary Ann Vale. They followed a pledge by "
        "President Han Jae Won.\n\nMinister Han said the plan would work. President Han "
        "agreed."
    )
    reg = register_of(text, lexicon)
    minister, president = person(reg, "Han Sung Ho"), person(reg, "Han Jae Won")
    assert president.roles == ("President",)
    assert reg.resolve("Han", text.index("Han said")) == minister
    assert reg.resolve("Han", text.rindex("Han")) == president


def test_an_unnamed_leader_title_does_not_go_to_someone_named_once_in_passing(
    lexicon: Lexicon,
) -> None:
    text = (
        "The Prime Minister called President Ray Stone. They looked forward to talks with "
        "Kim Sung-ho. The Prime Minister thanked him."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Kim Sung-ho").roles == ()


def test_an_office_before_a_comma_and_a_titled_name_is_also_theirs(lexicon: Lexicon) -> None:
    reg = register_of(
        "Peru’s Minister for Foreign Affairs, Senator Marco Reyes, met Ana Paz in Lima.", lexicon
    )
    reyes = person(reg, "Marco Reyes")
    assert reyes.roles == ("Minister for Foreign Affairs", "Senator")
    assert reyes.country == "Peru"


def test_a_counterpart_holds_the_office_of_the_titled_person_named_before(
    lexicon: Lexicon,
) -> None:
    reg = register_of(
        "The talks were between Prime Minister Marco Reyes and his Chilean counterpart Ana Paz.",
        lexicon,
    )
    assert person(reg, "Ana Paz").roles == ("Prime Minister",)
    assert person(reg, "Ana Paz").country == "Chile"


def test_styles_between_a_title_and_a_name(lexicon: Lexicon) -> None:
    reg = register_of(
        "Chile’s Minister for Defence, Senator the Hon Ana Paz, met Defence Minister the Rt Hon "
        "Marco Reyes. Mr. Sato and first lady Dr. Lena Sato hosted them.",
        lexicon,
    )
    assert person(reg, "Ana Paz").roles == ("Minister for Defence", "Senator")
    assert person(reg, "Marco Reyes").roles == ("Defence Minister",)
    assert person(reg, "Lena Sato").roles == ("first lady",)
