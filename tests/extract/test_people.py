"""People: names, titles, parties, countries, role references and pronouns.

Unit tests use short sentences written for the test (the names are invented); the seed tests
derive what they expect from the seed's own text with small independent patterns.
"""

from __future__ import annotations

import re

import pytest

from bot.extract.lexicon import Lexicon
from bot.extract.people import PeopleRegister, extract_people
from bot.extract.text import segment
from bot.models import Document, Person
from bot.seeds import parse_document
from tests.conftest import seed_documents


def register_of(text: str, lexicon: Lexicon) -> PeopleRegister:
    doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
    return extract_people(doc, segment(text), lexicon)


def person(reg: PeopleRegister, name: str) -> Person:
    hits = [p for p in reg.people if p.name == name]
    assert hits, f"{name!r} not in {[p.name for p in reg.people]}"
    return hits[0]


def names(reg: PeopleRegister) -> list[str]:
    return [p.name for p in reg.people]


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


# --- parentheses, appositions, predecessors ------------------------------------------------


def test_parenthesis_with_portfolios_and_party(lexicon: Lexicon) -> None:
    text = (
        "Also present were Anna Muster (Vice Chancellor and Economy, Greens), "
        "Karl Beispiel (Finance, FDP) and Eva Probe (Outside, SPD)."
    )
    reg = register_of(text, lexicon)
    muster = person(reg, "Anna Muster")
    assert muster.roles == ("Vice Chancellor", "Economy")
    assert muster.party == "Greens"
    assert muster.country == "Germany"
    assert person(reg, "Karl Beispiel").party == "FDP"
    probe = person(reg, "Eva Probe")
    assert probe.offices == ("Foreign Affairs",)


def test_parenthesis_that_is_not_about_a_person_is_ignored(lexicon: Lexicon) -> None:
    reg = register_of(
        "The Small Modular Reactors (SMRs) and the Statement of Intent (SOI).", lexicon
    )
    assert reg.people == ()


def test_us_party_and_state_in_a_parenthesis(lexicon: Lexicon) -> None:
    p = person(register_of("Sen. Jo Reed (D-R.I.) said he agreed.", lexicon), "Jo Reed")
    assert p.party == "Democrat"
    assert p.roles == ("Senator",)


def test_apposition_after_a_name(lexicon: Lexicon) -> None:
    text = (
        "Australian Deputy Prime Minister Tom Hale, who also serves as defense minister, "
        "arrived. Ola Berg, the Norwegian foreign minister, joined him."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Tom Hale").roles == ("Deputy Prime Minister", "defense minister")
    berg = person(reg, "Ola Berg")
    assert berg.roles == ("foreign minister",)
    assert berg.country == "Norway"


def test_apposition_before_a_name(lexicon: Lexicon) -> None:
    reg = register_of("She met her Chinese counterpart, Wang Lei, on Tuesday.", lexicon)
    p = person(reg, "Wang Lei")
    assert p.country == "China"
    assert p.roles == ("counterpart",)


def test_predecessors_are_former_people_with_their_party(lexicon: Lexicon) -> None:
    text = (
        "Meier said he would go. He did not follow his predecessors, Anna Alt (CDU) and "
        "Bernd Bett (SPD), who went elsewhere."
    )
    reg = register_of(text, lexicon)
    for name, party in (("Anna Alt", "CDU"), ("Bernd Bett", "SPD")):
        p = person(reg, name)
        assert p.former and p.party == party and p.roles == ("predecessor",)
    assert not person(reg, "Meier").former


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


# --- resolving mentions -------------------------------------------------------------------


def test_role_reference_resolves_to_the_holder(lexicon: Lexicon) -> None:
    text = (
        "Secretary of Defense Carl Voss met Japanese Defense Minister Ken Ito. "
        "The secretary said the talks were good. Japan's defense minister agreed."
    )
    reg = register_of(text, lexicon)
    voss, ito = person(reg, "Carl Voss"), person(reg, "Ken Ito")
    assert reg.resolve("The secretary", text.index("The secretary")) == voss
    assert reg.resolve("Japan's defense minister", text.index("Japan's")) == ito
    assert reg.resolve("Voss", 0) == voss
    assert reg.resolve("Defense Minister Ken Ito", 0) == ito
    assert reg.resolve("the ambassador", len(text)) is None


def test_unheld_leader_title_goes_to_the_most_mentioned_untitled_person(
    lexicon: Lexicon,
) -> None:
    text = (
        "“We are ready,” said Meier. Vice Chancellor Jana Roth agreed. Meier smiled.\n\n"
        "“It is time,” said the Chancellor.\n\nThe Chancellor (SPD) flew home. Meier slept."
    )
    reg = register_of(text, lexicon)
    meier = person(reg, "Meier")
    assert meier.roles == ("Chancellor",)
    assert meier.party == "SPD"
    assert meier.country == "Germany"
    assert person(reg, "Jana Roth").roles == ("Vice Chancellor",)
    assert reg.resolve("the Chancellor", text.index("the Chancellor")) == meier


def test_party_member_reference_resolves_within_the_party(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Eva Roth (Greens) and Finance Minister Kai Berg (FDP) spoke. "
        "The Green politician was critical. Economy Minister Ina Lutz (Greens) agreed, and the "
        "FDP leader left. The SPD politician was absent."
    )
    reg = register_of(text, lexicon)
    got = {m.text: reg.people[m.person].name for m in reg.all_mentions if m.kind == "role"}
    assert got == {"The Green politician": "Eva Roth", "the FDP leader": "Kai Berg"}


def test_a_title_in_other_words_resolves_only_when_none_fits_as_printed(
    lexicon: Lexicon,
) -> None:
    text = (
        "Chancellor Ana Berg met Premier Wu Lan. "
        "The Federal Chancellor and the Prime Minister spoke."
    )
    reg = register_of(text, lexicon)
    assert reg.resolve("the Prime Minister", text.index("the Prime")) == person(reg, "Wu Lan")
    assert reg.resolve("The Federal Chancellor", text.index("The Federal")) == person(
        reg, "Ana Berg"
    )
    text = "Premier Wu Lan met Prime Minister Ida Moe. Later the Prime Minister left."
    reg = register_of(text, lexicon)
    assert reg.resolve("the Prime Minister", text.index("the Prime")) == person(reg, "Ida Moe")


def test_a_title_held_by_nobody_and_not_a_leader_stays_unresolved(lexicon: Lexicon) -> None:
    reg = register_of("“Fine,” said Meier. The ambassador left.", lexicon)
    assert person(reg, "Meier").roles == ()
    assert all(m.kind != "role" for m in reg.all_mentions)


def test_pronouns_resolve_to_the_subject_of_the_nearest_sentence(lexicon: Lexicon) -> None:
    text = (
        "Secretary of State Mary Lund met Foreign Minister Ken Oda. “Good,” Lund said to Oda.\n\n"
        "She noted progress. It was the first visit he made, officials said."
    )
    reg = register_of(text, lexicon)
    lund = person(reg, "Mary Lund")
    assert reg.resolve("She", text.index("She noted")) == lund
    pronouns = [
        (m.text, reg.people[m.person].name) for m in reg.all_mentions if m.kind == "pronoun"
    ]
    # "he" cannot be Lund once "She" has referred to her: the next person back is Oda.
    assert pronouns == [("She", "Mary Lund"), ("he", "Ken Oda")]


def test_pronoun_skips_a_person_of_the_other_gender(lexicon: Lexicon) -> None:
    text = (
        "Mr. Ken Oda met Ms. Mary Lund. She said it went well. He agreed.\n\n"
        "Lund then met Oda again, and she left."
    )
    reg = register_of(text, lexicon)
    got = [(m.text, reg.people[m.person].name) for m in reg.all_mentions if m.kind == "pronoun"]
    assert got == [("She", "Mary Lund"), ("He", "Ken Oda"), ("she", "Mary Lund")]


def test_a_gendered_title_gives_the_gender_pronouns_respect(lexicon: Lexicon) -> None:
    text = "Committee Chairman Ken Oda met Board Chairwoman Mary Lund. She said it went well."
    reg = register_of(text, lexicon)
    got = [(m.text, reg.people[m.person].name) for m in reg.all_mentions if m.kind == "pronoun"]
    assert got == [("She", "Mary Lund")]


def test_mentions_are_in_text_order_with_offsets(lexicon: Lexicon) -> None:
    text = "Prime Minister Ada Lane spoke. Lane then left, and she flew home."
    reg = register_of(text, lexicon)
    got = reg.mentions(0, len(text))
    lane = person(reg, "Ada Lane")
    assert [p for p, _ in got] == [lane, lane, lane]
    assert [off for _, off in got] == [
        text.index("Ada Lane"),
        text.index("Lane then"),
        text.index("she"),
    ]
    assert reg.mentions(text.index("Lane then"), len(text))[0][1] == text.index("Lane then")


def test_empty_document_has_no_people(lexicon: Lexicon) -> None:
    reg = register_of("", lexicon)
    assert reg.people == ()
    assert reg.resolve("he", 0) is None
    assert reg.mentions(0, 10) == []


# --- parties before names ----------------------------------------------------------------


def test_party_spelled_out_before_a_bracket_is_the_party_of_the_name_after_it(
    lexicon: Lexicon,
) -> None:
    text = "Christian Democrat (CDU) Lena Vogt, who hopes to lead the state, spoke first."
    reg = register_of(text, lexicon)
    assert names(reg) == ["Lena Vogt"]
    assert person(reg, "Lena Vogt").party == "CDU"
    assert person(reg, "Lena Vogt").country == "Germany"


def test_a_party_with_its_short_name_in_brackets_is_not_a_person(lexicon: Lexicon) -> None:
    text = "Envoys of the Free Democrats (FDP) and the Social Democrats (SPD) met on Monday."
    assert register_of(text, lexicon).people == ()


def test_party_before_a_title_gives_the_party(lexicon: Lexicon) -> None:
    text = "FDP leader Jonas Kern and Green Party co-leader Mira Sand spoke on Friday."
    reg = register_of(text, lexicon)
    kern, sand = person(reg, "Jonas Kern"), person(reg, "Mira Sand")
    assert (kern.party, kern.roles) == ("FDP", ("leader",))
    assert (sand.party, sand.roles) == ("Greens", ("co-leader",))


def test_country_right_after_a_titled_name(lexicon: Lexicon) -> None:
    text = "The US hosted President Ana Paz of the Republic of Chile at the White House."
    assert person(register_of(text, lexicon), "Ana Paz").country == "Chile"


def test_titles_after_a_name_joined_by_and_are_all_its_roles(lexicon: Lexicon) -> None:
    text = "Li Wen, Member of the State Council and Director of the Planning Office, met envoys."
    p = person(register_of(text, lexicon), "Li Wen")
    assert p.roles == ("Member of the State Council", "Director of the Planning Office")


def test_a_full_name_next_to_a_meeting_verb_is_a_person(lexicon: Lexicon) -> None:
    text = "The envoy met with Hiro Sato in Kobe. Later, Mira Dahl spoke with the press."
    assert sorted(names(register_of(text, lexicon))) == ["Hiro Sato", "Mira Dahl"]
    text = "The envoy met with Astra Nordic executives. Later, Camp Ardent hosted a dinner."
    assert register_of(text, lexicon).people == ()


def test_a_party_told_after_a_name(lexicon: Lexicon) -> None:
    text = (
        "Finance Minister Lars Berg, a Social Democrat, met Ida Holm of the AfD and Tom Reid, "
        "an FDP lawmaker, in Bonn. Anna Roth of the Green Energy Agency and Eva Lutz, a Green "
        "energy expert, joined. Berg, Reid, Roth and Lutz spoke."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Lars Berg").party == "SPD"
    assert person(reg, "Ida Holm").party == "AfD"
    assert person(reg, "Tom Reid").party == "FDP"
    assert person(reg, "Anna Roth").party is None
    assert person(reg, "Eva Lutz").party is None


def test_a_party_word_that_starts_an_office_name_is_not_a_party(lexicon: Lexicon) -> None:
    reg = register_of(
        "Green Climate Fund Director Ines Moll spoke. Green leader Ada Ott agreed.", lexicon
    )
    assert person(reg, "Ines Moll").party is None
    assert person(reg, "Ada Ott").party == "Greens"


def test_a_status_word_after_a_title_keeps_the_name_after_it(lexicon: Lexicon) -> None:
    text = (
        "Defense minister nominee Oh Min-seo met Prime Minister designate Ana Ruiz and "
        "Acting Ambassador Lee Brandt."
    )
    reg = register_of(text, lexicon)
    assert person(reg, "Oh Min-seo").roles == ("Defense minister nominee",)
    assert person(reg, "Ana Ruiz").roles == ("Prime Minister designate",)
    assert person(reg, "Lee Brandt").roles == ("Acting Ambassador",)


def test_titles_joined_by_and_before_a_comma_name_all_belong_to_it(lexicon: Lexicon) -> None:
    text = (
        "She met the Deputy Prime Minister and Minister of Finance of Norway, Ola Dahl, on Monday."
    )
    p = person(register_of(text, lexicon), "Ola Dahl")
    assert p.roles == ("Deputy Prime Minister", "Minister of Finance")
    assert p.country == "Norway"


def test_a_formal_state_name_is_the_country_not_a_person(lexicon: Lexicon) -> None:
    text = (
        "He will meet the President of the Italian Republic, Mr. Carlo Neri, and the Prime "
        "Minister of the Kingdom of Sweden, Mrs. Eva Lind, in June."
    )
    reg = register_of(text, lexicon)
    assert sorted(names(reg)) == ["Carlo Neri", "Eva Lind"]
    neri, lind = person(reg, "Carlo Neri"), person(reg, "Eva Lind")
    assert (neri.roles, neri.country) == (("President",), "Italy")
    assert (lind.roles, lind.country) == (("Prime Minister",), "Sweden")


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


# --- the shipped seeds --------------------------------------------------------------------

_PAREN_PERSON = re.compile(r"\b(?!The )([A-Z][\w-]+ [A-Z][\w-]+) \(([^()]*)\)")


@pytest.fixture(scope="module", params=seed_documents(), ids=lambda p: p.name)
def seed(request: pytest.FixtureRequest, lexicon: Lexicon) -> tuple[Document, PeopleRegister]:
    path = request.param
    doc = parse_document(path, path.read_bytes())
    return doc, extract_people(doc, segment(doc.text), lexicon)


def _parties(lexicon: Lexicon) -> dict[str, str]:
    out = {}
    for entry in lexicon.words.get("parties") or ():
        for alias in (entry["name"], *(entry.get("aliases") or ())):
            out[str(alias)] = str(entry["name"])
    return out


def test_seed_name_with_party_in_parenthesis_is_a_person_with_that_party(
    seed: tuple[Document, PeopleRegister], lexicon: Lexicon
) -> None:
    doc, reg = seed
    parties = _parties(lexicon)
    for name, inner in _PAREN_PERSON.findall(doc.text):
        last = inner.split(",")[-1].strip()
        if last in parties:
            assert person(reg, name).party == parties[last]


def test_seed_predecessors_are_former(seed: tuple[Document, PeopleRegister]) -> None:
    doc, reg = seed
    for m in re.finditer(r"predecessors?,? ([^.]*)", doc.text):
        for name, _ in _PAREN_PERSON.findall(m.group(1)):
            assert person(reg, name).former


def test_seed_speakers_next_to_quotes_are_people(seed: tuple[Document, PeopleRegister]) -> None:
    doc, reg = seed
    for m in re.finditer(r"[”\"],? said ((?:[A-Z][\w-]+ )*[A-Z][\w-]+)", doc.text):
        words = m.group(1).split()
        assert reg.resolve(words[-1], m.start(1)) is not None, m.group(0)


def test_seed_role_references_resolve_to_someone_titled(
    seed: tuple[Document, PeopleRegister],
) -> None:
    doc, reg = seed
    for m in re.finditer(
        r"\b[Tt]he (Chancellor|Prime Minister|President)\b(?! \w+ [A-Z])", doc.text
    ):
        who = reg.resolve(m.group(0), m.start())
        assert who is not None, m.group(0)
        assert any(m.group(1).casefold() == r.casefold() for r in who.roles)


def test_seed_people_cite_sentences_of_the_document(seed: tuple[Document, PeopleRegister]) -> None:
    doc, reg = seed
    assert reg.people
    for p in reg.people:
        assert p.sources, p.name
        assert all(s.sentence in doc.text and s.doc_id == doc.id for s in p.sources)
        assert p.id and p.name


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
