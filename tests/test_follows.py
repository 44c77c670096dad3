"""Follows in the core: what an argument names, what a follow matches, and the digests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.briefing import COMMANDS, help_answer
from bot.changes import all_facts
from bot.config import load_settings
from bot.errors import UserError
from bot.extract.lexicon import Lexicon
from bot.factbase import FactBase, build_factbase
from bot.follows import (
    MAX_DIGEST_LINES,
    Follow,
    digests,
    fact_id,
    find_followed,
    following_answer,
    resolve_target,
    suggest_followed,
)
from bot.models import Commitment, Document, DocumentFacts, Event, Person, Quote, Source
from bot.render import (
    EMBED_TOTAL_LIMIT,
    MESSAGE_LIMIT,
    render_error,
    render_pages,
    render_text_pages,
)
from bot.search import FactIndex

# A document written for these tests: one person of a party and country, their quote, a
# commitment by the country that names them, an event that names them, and a stranger's quote.
PARAGRAPHS = (
    "Ana Roe of the Blue Party spoke in Oslo.",
    "Norway will build two frigates by 2027, Ana Roe said.",
    "“We stand together on the armed forces,” Ana Roe said.",
    "In 2027 Ana Roe opens the new harbour.",
    "“Trade must stay open,” said Ben Coe.",
)


def _handmade(lexicon: Lexicon, topic: str) -> tuple[FactBase, FactIndex]:
    doc = "test-note"
    src = [Source(doc, i, text) for i, text in enumerate(PARAGRAPHS, 1)]
    document = Document(doc, "Test note", f"seeds/{doc}.md", "\n\n".join(PARAGRAPHS), "0" * 64)
    facts = DocumentFacts(
        document=document,
        people=(
            Person(
                "ana-roe",
                "Ana Roe",
                ("Roe",),
                ("Minister",),
                (),
                "Blue Party",
                "Norway",
                sources=(src[0],),
            ),
            Person("ben-coe", "Ben Coe", ("Coe",), country="Japan", sources=(src[4],)),
        ),
        quotes=(
            Quote("We stand together on the armed forces", "ana-roe", src[2]),
            Quote("Trade must stay open", "ben-coe", src[4]),
        ),
        commitments=(Commitment(src[1].sentence, ("Norway",), (topic,), src[1], "2027"),),
        events=(Event("2027", "Ana Roe opens the new harbour", src[3]),),
    )
    base = build_factbase([facts], None, lexicon)
    return base, FactIndex(base, lexicon, load_settings().fuzzy)


@pytest.fixture(scope="module")
def handmade(lexicon: Lexicon) -> tuple[FactBase, FactIndex]:
    return _handmade(lexicon, lexicon.topics[0].slug)


def follow(kind: str, key: str, channel: int = 7) -> Follow:
    return Follow(1, channel, kind, key, key)


def taken(found, channel: int = 7) -> set[str]:
    """The fact ids a channel's digest covers."""
    return {i for d in found if d.channel == channel for i in d.fact_ids}


# -- what an argument names --------------------------------------------------------------------


def test_each_kind_resolves_by_its_name(handmade) -> None:
    facts, index = handmade
    topic = facts.topics[0]
    assert resolve_target(index, topic.synonyms[0]).key == topic.slug
    assert (resolve_target(index, "roe").kind, resolve_target(index, "roe").key) == (
        "person",
        "ana-roe",
    )
    assert resolve_target(index, "Norway").kind == "country"
    assert resolve_target(index, "blue party").kind == "party"


def test_an_unknown_name_gets_did_you_mean(handmade) -> None:
    _facts, index = handmade
    with pytest.raises(UserError) as raised:
        resolve_target(index, "Norwey party of zzz")
    assert raised.value.usage.startswith("!follow")
    with pytest.raises(UserError) as typo:  # too far to be read as Norway, near enough to offer
        resolve_target(index, "Norwey")
    assert "Norway" in typo.value.suggestions
    with pytest.raises(UserError) as empty:
        resolve_target(index, "  ")
    assert empty.value.details  # the topics, to pick from


def test_unfollow_finds_a_follow_by_label_key_or_typo(handmade) -> None:
    _facts, index = handmade
    mine = [
        Follow(1, 7, "person", "ana-roe", "Ana Roe"),
        Follow(1, 7, "country", "Norway", "Norway"),
    ]
    assert find_followed(mine, index, "ana roe") is mine[0]
    assert find_followed(mine, index, "ana-roe") is mine[0]
    assert find_followed(mine, index, "Roe") is mine[0]  # resolves to the followed person
    assert find_followed(mine, index, "Japan") is None
    assert suggest_followed(mine, "norwy") == ("Norway",)


def test_following_lists_the_follows_or_says_how_to_follow() -> None:
    empty = following_answer([], "!")
    assert not empty.sections and "`!follow" in empty.intro
    listed = following_answer([follow("topic", "energy")], "/")
    assert listed.sections[0].lines[0].text.startswith("**energy** (topic)")


def test_help_lists_the_new_commands() -> None:
    text = " ".join(line.text for s in help_answer("!").sections for line in s.lines)
    for name in ("follow", "unfollow", "following", "changes"):
        assert f"`!{COMMANDS[name].usage}`" in text


# -- what a follow matches ---------------------------------------------------------------------


def _ids(facts: FactBase, pick) -> set[str]:
    return {fact_id(f) for f in all_facts(facts) if pick(f)}


@pytest.mark.parametrize(
    ("kind", "key", "pick"),
    [
        # a person: their quote, and the commitment and event whose sentences name them
        ("person", "ana-roe", lambda f: "Ana Roe" in getattr(f, "sentence", "")
         or getattr(f, "speaker", None) == "ana-roe" or "Ana Roe" in getattr(f, "what", "")
         or getattr(f, "id", None) == "ana-roe"),
        # a country: its people, its people's quotes, the commitments it is an actor in
        ("country", "Norway", lambda f: getattr(f, "country", None) == "Norway"
         or getattr(f, "speaker", None) == "ana-roe" or "Norway" in getattr(f, "actors", ())),
        # a party: its members and their quotes
        ("party", "Blue Party", lambda f: getattr(f, "party", None) == "Blue Party"
         or getattr(f, "speaker", None) == "ana-roe"),
    ],
)  # fmt: skip
def test_a_follow_takes_the_new_facts_that_match_it(handmade, kind, key, pick) -> None:
    facts, index = handmade
    found = digests(list(all_facts(facts)), [follow(kind, key)], facts, index)
    expected = _ids(facts, pick)
    assert expected and taken(found) == expected


def test_a_topic_takes_its_commitments_and_quotes(handmade) -> None:
    facts, index = handmade
    slug = facts.topics[0].slug
    found = digests(list(all_facts(facts)), [follow("topic", slug)], facts, index)
    expected = {fact_id(c) for c in facts.commitments if slug in c.topics}
    expected |= {fact_id(q) for q in facts.quotes if slug in index.topics_of_quote(q)}
    assert expected and taken(found) == expected


def test_a_fact_two_follows_match_is_shown_once_under_the_first(handmade) -> None:
    facts, index = handmade
    mine = [follow("person", "ana-roe"), follow("country", "Norway")]
    (digest,) = digests(list(all_facts(facts)), mine, facts, index)
    texts = [line.text for s in digest.answer.sections for line in s.lines]
    assert len(texts) == len(set(texts)) == len(digest.fact_ids)
    assert digest.answer.sections[0].heading == "ana-roe (person)"


def test_posted_facts_and_quiet_channels_get_nothing(handmade) -> None:
    facts, index = handmade
    added = list(all_facts(facts))
    mine = [follow("person", "ana-roe", channel=7), follow("topic", "migration", channel=8)]
    first = digests(added, mine, facts, index)
    assert [d.channel for d in first] == [7]  # nothing new on migration: no digest
    again = digests(added, mine, facts, index, posted={7: set(first[0].fact_ids)})
    assert again == []


def test_a_digest_cites_its_sources_and_fits_discord(handmade) -> None:
    facts, index = handmade
    (digest,) = digests(list(all_facts(facts)), [follow("person", "ana-roe")], facts, index)
    answer = digest.answer
    assert [d.id for d in answer.documents] == ["test-note"]
    assert all(line.source for s in answer.sections for line in s.lines)
    for page in render_pages(answer):
        assert page.total <= EMBED_TOTAL_LIMIT
    assert all(len(m) <= MESSAGE_LIMIT for m in render_text_pages(answer))


def test_a_long_digest_is_cut_and_counts_the_rest(lexicon) -> None:
    """Every fact of many documents as new: the digest shows MAX_DIGEST_LINES and counts on."""
    many = [
        Commitment(f"Norway will build frigate number {i}.", ("Norway",), ("defense",),
                   Source("test-note", 2, f"Norway will build frigate number {i}."))
        for i in range(MAX_DIGEST_LINES + 15)
    ]  # fmt: skip
    facts, index = _handmade(lexicon, "defense")
    (digest,) = digests(many, [follow("country", "Norway")], facts, index)
    lines = digest.answer.sections[0].lines
    assert len(lines) == MAX_DIGEST_LINES + 1 and "15 more" in lines[-1].text
    assert len(digest.fact_ids) == len(many)  # all recorded as posted, shown or counted


def test_mentions_in_facts_never_reach_a_digest_as_pings(lexicon) -> None:
    facts, index = _handmade(lexicon, "defense")
    hostile = Quote("@everyone <@123456> look", "ana-roe", Source("test-note", 3, "@here"))
    (digest,) = digests([hostile], [follow("person", "ana-roe")], facts, index)
    for page in render_pages(digest.answer):
        text = page.title + page.description + page.footer
        assert "@everyone" not in text and "<@123456>" not in text and "@here" not in text


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    arg=st.one_of(
        st.text(max_size=300), st.sampled_from(["@everyone", "<@123>", "a" * 5000, "‮", "all"])
    )
)
def test_any_follow_argument_names_something_or_is_a_friendly_error(handmade, arg: str) -> None:
    _facts, index = handmade
    try:
        target = resolve_target(index, arg)
    except UserError as exc:
        message = render_error(exc)
        assert 0 < len(message) <= MESSAGE_LIMIT and "@everyone" not in message
        return
    assert target.kind in ("topic", "person", "country", "party") and target.label
