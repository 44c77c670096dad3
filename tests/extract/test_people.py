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
