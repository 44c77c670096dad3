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
