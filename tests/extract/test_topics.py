"""Topic classification from config/topics.yaml, on short sentences written for the test."""

from __future__ import annotations

from bot.extract.lexicon import Lexicon, Topic
from bot.extract.topics import classify_topics, topic_hits

TAXONOMY = {
    "defense", "raw-materials", "economic-security", "energy", "climate", "trade",
    "technology", "diplomacy", "security", "health", "migration", "finance",
}  # fmt: skip


def test_the_shipped_taxonomy_has_every_slug_with_keywords(lexicon: Lexicon) -> None:
    slugs = {t.slug for t in lexicon.topics}
    assert slugs >= TAXONOMY
    assert all(t.keywords for t in lexicon.topics)


def test_british_spelling_and_wildcards(lexicon: Lexicon) -> None:
    assert classify_topics("The defence ministers met.", lexicon)[0] == "defense"
    assert "defense" in classify_topics("A deal on armaments was signed.", lexicon)


def test_the_longest_keyword_wins(lexicon: Lexicon) -> None:
    assert classify_topics("They spoke about energy security.", lexicon) == ("energy",)
    assert classify_topics("Economic security was the focus.", lexicon) == ("economic-security",)


def test_best_topic_first(lexicon: Lexicon) -> None:
    text = "Gas and oil prices dominated the talks on energy."
    topics = classify_topics(text, lexicon)
    assert topics[0] == "energy"
    assert "diplomacy" in topics[1:]


def test_short_capital_terms_match_only_in_capitals(lexicon: Lexicon) -> None:
    assert "technology" in classify_topics("Both sides will cooperate on AI.", lexicon)
    assert "technology" not in classify_topics("The sailors shouted ai ai.", lexicon)


def test_synonyms_only_match_queries(lexicon: Lexicon) -> None:
    energy = lexicon.topic_by_slug["energy"]
    assert "power" in energy.synonyms
    assert "energy" not in classify_topics("The power of example matters.", lexicon)


def test_nothing_to_classify(lexicon: Lexicon) -> None:
    assert classify_topics("The weather was fine.", lexicon) == ()
    assert classify_topics("", lexicon) == ()


def test_a_new_topic_in_config_needs_no_code() -> None:
    lexicon = Lexicon(topics=(Topic("space", "Space", keywords=("satellite*", "orbit")),))
    assert classify_topics("Two satellites reached orbit.", lexicon) == ("space",)
    hits = topic_hits("Two satellites reached orbit.", lexicon)
    assert [h[2] for h in hits] == ["satellites", "orbit"]


def test_a_weak_keyword_yields_to_the_sentence_context(lexicon: Lexicon) -> None:
    text = "They will speed up the development and deployment of clean energy solutions."
    assert classify_topics(text, lexicon) == ("energy",)
    assert classify_topics("The deployment of troops was delayed.", lexicon) == ("defense",)
    assert classify_topics("The deployment of troops and energy aid.", lexicon)[0] == "defense"


def test_the_longer_security_term_beats_the_defense_word(lexicon: Lexicon) -> None:
    assert classify_topics("It must never build a nuclear weapon.", lexicon) == ("security",)


def test_domestic_politics_is_other(lexicon: Lexicon) -> None:
    text = "The three parties finalised a coalition agreement."
    assert classify_topics(text, lexicon) == ("other",)
    assert "other" in {t.slug for t in lexicon.topics}


def test_working_closely_is_diplomacy_and_in_defense_of_is_no_topic(lexicon: Lexicon) -> None:
    assert "diplomacy" in classify_topics("Both will keep working closely with Peru.", lexicon)
    assert classify_topics("Chile will act firmly in defense of its interests.", lexicon) == ()
    assert "defense" in classify_topics("Chile will raise its defense budget.", lexicon)


def test_a_stretch_reads_the_same_topics_as_when_scanned_alone(lexicon: Lexicon) -> None:
    """ScannedText gives every stretch of a text the hits that scanning the stretch alone
    gives: stretches that cut a term, a word ("gas" of "gasoline", of "biogas") or a neutral
    phrase, or end before a longer term ("energy" before "security"), included."""
    from bot.extract.topics import ScannedText, _hits

    text = (
        "Energy security and AI chips: in defense of frigates, the ai-led navy.\n"
        "Oil-fired LNG armaments\tsupply chains; nuclear energy; biogas, gasoline, coalition."
    )
    scan = ScannedText.of(text, lexicon)
    derived = 0
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert scan.hits(start, end, lexicon) == _hits(text[start:end], lexicon)
            derived += 1
    assert derived > 5000 and scan.topics(0, len(text), lexicon) == classify_topics(text, lexicon)
