"""The per-text memo: results are remembered for short texts only, and callers get copies."""

from __future__ import annotations

from bot.config import load_lexicon
from bot.extract.countries import find_countries
from bot.extract.memo import clear, per_text
from bot.extract.text import quote_spans, segment


def test_a_short_text_is_worked_out_once_and_a_long_one_each_time() -> None:
    calls: list[str] = []

    @per_text(max_chars=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("quiet") == "QUIET"
    assert shout("quiet") == "QUIET"
    assert calls == ["quiet"]
    long = "a much longer text"
    assert shout(long) == shout(long) == long.upper()
    assert calls == ["quiet", long, long]
    clear()
    shout("quiet")
    assert calls == ["quiet", long, long, "quiet"]


def test_a_caller_changing_its_list_does_not_change_the_next_callers() -> None:
    body = "“We will build it,” said Ana Paz. Germany agreed."
    paragraph = segment(body)[0]
    first = quote_spans(body, paragraph)
    first.clear()
    assert [s.text for s in quote_spans(body, paragraph)] == ["We will build it,"]
    lexicon = load_lexicon()
    countries = find_countries(body, lexicon)
    countries.append(countries[0])
    assert [c.country for c in find_countries(body, lexicon)] == ["Germany"]
