"""Countries in text: names, aliases, demonyms and institutions (config/countries.yaml).

Sentences written for the test.
"""

from __future__ import annotations

from bot.extract.countries import find_countries
from bot.extract.lexicon import Lexicon


def countries(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    return [(c.country, c.kind) for c in find_countries(text, lexicon)]


def test_names_aliases_and_demonyms(lexicon: Lexicon) -> None:
    text = "Japanese officials met the U.S. envoy and East Timor's minister in Timor Leste."
    assert [c for c, _ in countries(text, lexicon)] == [
        "Japan",
        "United States",
        "Timor-Leste",
        "Timor-Leste",
    ]


def test_an_institution_with_its_country_after_it_is_that_country_s(lexicon: Lexicon) -> None:
    text = (
        "The Ministry of Defence of the Russian Federation and the Ministry of Defence of "
        "the Islamic Republic of Pakistan signed it."
    )
    assert [c for c, _ in countries(text, lexicon)] == ["Russia", "Pakistan"]


def test_an_institution_alone_is_the_country_the_config_gives_it(lexicon: Lexicon) -> None:
    assert countries("The Ministry of Defence will buy ships.", lexicon) == [
        ("United Kingdom", "body")
    ]


def test_dotless_and_dotted_i_spellings_read_as_the_form(lexicon: Lexicon) -> None:
    """A regex ignoring case matches "ıran" and "İran" to the form "Iran" although their
    casefolds differ from its key; they read as that form instead of failing the document."""
    text = "Envoys from ıran met İran's minister and IRAN's delegation."
    assert [c for c, _ in countries(text, lexicon)] == ["Iran", "Iran", "Iran"]


def test_no_form_fails_when_its_i_is_written_dotless_or_dotted(lexicon: Lexicon) -> None:
    """Every configured form, its i written as ı and its I as İ, is found or skipped, never
    an error (a hostile document could hold any of them)."""
    forms = [f for c in lexicon.countries for f in (c.name, *c.aliases, *c.demonyms, *c.bodies)]
    odd = [f.replace("i", "\u0131").replace("I", "\u0130") for f in forms if "i" in f.lower()]
    names = {c.name for c in lexicon.countries}
    assert odd
    for form in odd:
        found = find_countries(f"The talks with {form} went on.", lexicon)
        assert {m.country for m in found} <= names
