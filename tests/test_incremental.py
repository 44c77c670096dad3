"""A fact base and index built reload after reload, reusing what did not change, equal the ones
built from scratch: random sequences of documents added, changed, re-read and removed.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot import briefing, fact_delta, render
from bot.changes import KINDS, FactChanges, all_facts, change_counts, diff_facts
from bot.config import FuzzySettings, load_lexicon
from bot.errors import UserError
from bot.extract.lexicon import Topic
from bot.factbase import FactBase, MergeCache, build_factbase, fact_key
from bot.models import (
    Commitment,
    Correction,
    CuratedFacts,
    Document,
    DocumentFacts,
    Person,
    Quote,
    Source,
)
from bot.search import FactIndex
from bot.seeds import slugify
from tests.incremental_corpus import CURATED, edited_document, random_document

LEXICON = load_lexicon()
FUZZY = FuzzySettings()


#: A lexicon in which "bridge" and "harbour" are one topic: restated facts meet differently.
OTHER_LEXICON = replace(
    LEXICON, topics=(*LEXICON.topics, Topic("works", "Public works", ("bridge", "harbour")))
)
#: Curated facts with other corrections: every merged fact is worked out again.
OTHER_CURATED = replace(
    CURATED,
    corrections=(
        Correction("commitment", "rail bridge", set=(("topics", ["energy", "energy"]),)),
        Correction("person", "Lind", drop=True),
        Correction("quote", "every mile", set=(("speaker", "Berg"),)),
    ),
)


def _steps(seed: int, count: int, rules: bool = False):
    """(documents, curated, lexicon) after each of `count` random changes to a small corpus;
    with `rules`, the curated facts and the lexicon change now and then too."""
    rng = random.Random(seed)
    docs: dict[str, DocumentFacts] = {}
    curated = CURATED if seed % 2 else CuratedFacts()
    lexicon = LEXICON
    for step in range(count):
        op = rng.random()
        if op < 0.3 or len(docs) < 2:
            doc_id = f"doc-{rng.randrange(12):02d}"
            docs[doc_id] = random_document(rng, doc_id)
        elif op < 0.5:
            doc_id = rng.choice(sorted(docs))
            docs[doc_id] = random_document(rng, doc_id)
        elif op < 0.6:  # edited: some facts kept in their places, some added or dropped
            doc_id = rng.choice(sorted(docs))
            docs[doc_id] = edited_document(rng, docs[doc_id])
        elif op < 0.72:
            del docs[rng.choice(sorted(docs))]
        elif op < 0.88:  # re-read: equal facts in new objects
            doc_id = rng.choice(sorted(docs))
            docs[doc_id] = replace(docs[doc_id])
        elif rules and op < 0.94:
            curated = rng.choice((CuratedFacts(), CURATED, OTHER_CURATED))
        elif rules:
            lexicon = OTHER_LEXICON if lexicon is LEXICON else LEXICON
        elif step % 7 == 3:
            curated = CuratedFacts() if curated.people else CURATED
        items = list(docs.values())
        rng.shuffle(items)  # the merge sorts documents by id: arrival order must not matter
        yield items, curated, lexicon


def _answers(facts: FactBase, index: FactIndex) -> list[str]:
    """Rendered answers to a battery of commands, each person and topic by name."""
    asks = [("people", ""), ("ministers", ""), ("quotes", ""), ("commitments", "")]
    asks += [("timeline", ""), ("topics", ""), ("sources", ""), ("search", "frigate bridge")]
    asks += [("search", "harbor"), ("quotes", "defense"), ("commitments", "energy")]
    asks += [("who", p.name) for p in facts.people[:12]]
    asks += [("who", p.name.split()[-1][:-1]) for p in facts.people[:6]]
    asks += [("quotes", p.name) for p in facts.people[:6]]
    asks += [("ministers", "norland"), ("brief", "doc-03"), ("timeline", "2024")]
    out = []
    for name, arg in asks:
        try:
            answer = briefing.answer(facts, index, name, arg)
        except UserError as exc:
            out.append(f"{name} {arg}: error {exc.message}")
            continue
        out.append(render.render_text(answer))
    return out


@pytest.mark.parametrize("seed", range(16))
def test_incremental_merge_equals_a_full_build(seed: int) -> None:
    cache = MergeCache()
    for documents, curated, lexicon in _steps(seed, 40, rules=seed >= 8):
        incremental = build_factbase(documents, curated, lexicon, cache=cache)
        assert incremental == build_factbase(documents, curated, lexicon)


def _keyed_diff(before: FactBase, after: FactBase) -> FactChanges:
    """diff_facts as its definition reads: every fact of both generations keyed."""
    old = {fact_key(f) for f in all_facts(before)}
    new = {fact_key(f) for f in all_facts(after)}
    return FactChanges(
        added=tuple(f for f in all_facts(after) if fact_key(f) not in old),
        removed=tuple(f for f in all_facts(before) if fact_key(f) not in new),
    )


@pytest.mark.parametrize("seed", range(8))
def test_changes_between_incremental_builds_equal_a_full_key_diff(seed: int) -> None:
    """The diff that keys only the facts that are not the same objects in both generations
    finds what keying every fact finds, in the same order; so do the report's counts."""
    cache = MergeCache()
    before = FactBase()
    for documents, curated, _lexicon in _steps(200 + seed, 24):
        after = build_factbase(documents, curated, LEXICON, cache=cache)
        for old, new in ((before, after), (build_factbase(documents, curated, LEXICON), after)):
            changes, expected = diff_facts(old, new), _keyed_diff(old, new)
            assert changes == expected
            keys = {k: {fact_key(f) for f in getattr(old, k)} for k in KINDS}
            now = {k: {fact_key(f) for f in getattr(new, k)} for k in KINDS}
            added = {k: len(now[k] - keys[k]) for k in KINDS if now[k] - keys[k]}
            assert change_counts(changes)[0] == added
        before = after


@pytest.mark.parametrize("seed", range(6))
def test_counts_and_diff_read_from_the_merge_delta_equal_a_full_count(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached merge says what it changed (`delta`): the per-document counts patched from the
    last fact base's and the diff read from it equal the ones counted and keyed over every
    fact; a change of rules (seeds 3-5) leaves a merge without a delta, and it counts anew.
    The countries and parties in order of first mention, read with the delta only until every
    one that can occur is met (a fact at a time here), equal the ones read from every fact."""
    monkeypatch.setattr(fact_delta, "SEEN_CHUNK", 1)
    cache = MergeCache()
    before: FactBase | None = None
    used = 0
    for documents, curated, lexicon in _steps(300 + seed, 24, rules=seed >= 3):
        after = build_factbase(documents, curated, lexicon, cache=cache)
        fresh = build_factbase(documents, curated, lexicon)
        assert after.counts_by_document == fresh.counts_by_document
        assert after.person_by_id == fresh.person_by_id
        assert after._merged_sources == fresh._merged_sources
        assert after.countries_seen == fresh.countries_seen
        assert after.parties_seen == fresh.parties_seen
        if before is not None and after.delta is not None and after.delta.is_from(before):
            used += 1
            assert diff_facts(before, after) == _keyed_diff(before, after)
        before = after
    assert used >= 6


@pytest.mark.parametrize("seed", range(4))
def test_incremental_index_answers_as_a_fresh_one(seed: int) -> None:
    cache = MergeCache()
    previous: FactIndex | None = None
    for documents, curated, _lexicon in _steps(100 + seed, 16):
        facts = build_factbase(documents, curated, LEXICON, cache=cache)
        index = FactIndex(facts, LEXICON, FUZZY, previous=previous)
        fresh = FactIndex(build_factbase(documents, curated, LEXICON), LEXICON, FUZZY)
        assert _answers(facts, index) == _answers(fresh.facts, fresh)
        assert _key_pools(index) == _key_pools(fresh)  # the keys lent by person and document
        previous = index


def _key_pools(index: FactIndex) -> list[tuple]:
    """Every name, role and document key the index searches, with its owner and label."""
    pools = [index.pool("people"), index.pool("documents"), index.persons.roles]
    return [(keys.keys, keys.owners, keys.labels) for keys in pools]


def test_the_corpus_has_the_cases_the_merge_must_handle() -> None:
    """The generated documents do merge people, restated facts and corrections."""
    merged = restated = 0
    for documents, curated, _lexicon in _steps(1, 30):
        facts = build_factbase(documents, curated, LEXICON)
        merged += sum(len({s.doc_id for s in p.sources}) > 1 for p in facts.people)
        restated += len(facts.merged)
    assert merged > 10 and restated > 10


SENTENCES = (
    "Harbour Commissioner Mara Lind said Norland will send another frigate to the northern sea.",
    "“We will defend every mile of this coast together,” said Lind.",
    "Finance Minister Ivo Berg said Sudmark agreed to build a new rail bridge across the river.",
    "In 2024, the harbour opened for container ships, Berg recalled.",
    "Chancellor Lena Holm wants to raise the budget for wind power next year.",
    "“Prices for energy must come down this winter,” Holm said.",
    "Anja Sten, the Defence Minister, said the treaty on fishing rights was signed in May 2023.",
)


def _write(path, rng: random.Random) -> None:
    paragraphs = [" ".join(rng.sample(SENTENCES, k=rng.randint(1, 3))) for _ in range(3)]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


async def test_service_reloads_equal_a_full_build(tmp_path) -> None:
    """Files added, edited and removed between reloads: the live facts and answers are the
    ones a build from scratch over the same documents gives."""
    from bot.config import load_settings
    from bot.service import BriefingService

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    rng = random.Random(5)
    for n in range(4):
        _write(seeds / f"note-{n}.txt", rng)
    settings = replace(load_settings(), seeds_dir=seeds, database=tmp_path / "db.sqlite3")
    service = BriefingService(settings)
    await service.start()
    try:
        for step in range(8):
            files = sorted(seeds.glob("*.txt"))
            if step % 3 == 2 and len(files) > 2:
                files[rng.randrange(len(files))].unlink()
            else:
                _write(seeds / f"note-{rng.randrange(6)}.txt", rng)
            await service.reload("test")
            facts, index = service.facts, service.index
            full = build_factbase(facts.per_document, facts.curated, index.lexicon)
            assert facts == full and facts.people and facts.quotes
            fresh = FactIndex(full, index.lexicon, service.settings.fuzzy)
            assert _answers(facts, index) == _answers(full, fresh)
    finally:
        await service.close()


def _doc(doc_id: str, paragraphs: list[str], names=(), quotes=(), plans=()) -> DocumentFacts:
    """A hand-made document: `names` are (paragraph, name) of people, `quotes` (paragraph,
    words, local speaker id) and `plans` (paragraph, sentence, actors) of commitments."""
    text = "\n\n".join(paragraphs)
    src = lambda n: Source(doc_id, n, paragraphs[n - 1])  # noqa: E731
    return DocumentFacts(
        Document(doc_id, doc_id, f"seeds/{doc_id}.txt", text, f"sha-{text}"),
        tuple(Person(slugify(name), name, sources=(src(n),)) for n, name in names),
        tuple(Quote(words, speaker, src(n)) for n, words, speaker in quotes),
        tuple(Commitment(s, actors, ("defense",), src(n)) for n, s, actors in plans),
    )


def _merged_in_steps(steps: list[list[DocumentFacts]], lexicons=None) -> list[FactBase]:
    """Each step merged with one cache, checked against a merge without one."""
    cache, out = MergeCache(), []
    for n, documents in enumerate(steps):
        lexicon = lexicons[n] if lexicons else LEXICON
        facts = build_factbase(documents, CuratedFacts(), lexicon, cache=cache)
        assert facts == build_factbase(documents, CuratedFacts(), lexicon)
        out.append(facts)
    return out


def test_a_person_renamed_by_an_earlier_namesake_takes_the_quotes_along() -> None:
    """'Ivo Berg Holm' and 'Ivo Berg-Holm' never merge (other name words) but share the id
    ivo-berg-holm: a document adding the second one earlier renames the first one to
    ivo-berg-holm-2, and that person's quotes in an untouched document follow."""
    later = _doc(
        "doc-b",
        ["“The bridge is a promise we intend to keep,” said Ivo Berg Holm."],
        names=[(1, "Ivo Berg Holm")],
        quotes=[(1, "The bridge is a promise we intend to keep", "ivo-berg-holm")],
    )
    earlier = _doc("doc-a", ["Ivo Berg-Holm visited the harbour."], names=[(1, "Ivo Berg-Holm")])
    alone, both, again = _merged_in_steps([[later], [earlier, later], [later]])
    assert [q.speaker for q in alone.quotes] == ["ivo-berg-holm"]
    assert [q.speaker for q in both.quotes] == ["ivo-berg-holm-2"]
    assert again == alone


def test_a_bare_surname_joins_and_splits_the_people_it_names() -> None:
    """A bare 'Vogel' puts 'Anna Vogel' and 'Ivo Vogel' in one group; 'Anna Vogel' also joins
    the one-word names 'Anna' and 'Vogel'. Added and removed, the merge follows."""
    anna = _doc("doc-a", ["Anna Vogel spoke."], names=[(1, "Anna Vogel")])
    ivo = _doc("doc-b", ["Ivo Vogel spoke."], names=[(1, "Ivo Vogel")])
    bare = _doc(
        "doc-c",
        ["“The bridge is a promise we intend to keep,” said Vogel."],
        names=[(1, "Vogel")],
        quotes=[(1, "The bridge is a promise we intend to keep", "vogel")],
    )
    given = _doc("doc-d", ["Anna agreed."], names=[(1, "Anna")])
    steps = [[anna, ivo], [anna, ivo, bare], [anna, bare], [given, bare], [anna, given, bare]]
    steps += [[anna, ivo, given], [ivo, given, replace(bare)]]
    merged = _merged_in_steps(steps)
    assert len(merged[0].people) == 2 and len(merged[2].people) == 1  # 'Vogel' is Anna there


def test_a_headline_that_stops_being_one_changes_what_merges() -> None:
    """The same facts in their places, but a heading in between becomes a sentence: the body
    sentence is now under the first headline, and the two merge."""
    paragraphs = [
        "Norland sends a frigate north",
        "Harbour news",
        "Norland will send another frigate to the northern sea next spring.",
    ]
    plans = [(1, paragraphs[0], ("Norland",)), (3, paragraphs[2], ("Norland",))]
    before = _doc("doc-a", paragraphs, plans=plans)
    paragraphs[1] += "."
    after = _doc("doc-a", paragraphs, plans=plans)
    first, second = _merged_in_steps([[before], [after]])
    assert not first.merged and len(second.merged) == 1


def test_a_new_lexicon_merges_everything_anew() -> None:
    """Topic keywords decide which words restate a fact: with a lexicon where 'bridge' and
    'harbour' are one topic, two plans meet that did not before, and back again."""
    docs = [
        _doc("doc-a", ["Sudmark will build the rail bridge soon."],
             plans=[(1, "Sudmark will build the rail bridge soon.", ("Sudmark",))]),
        _doc("doc-b", ["Sudmark will build the rail harbour soon."],
             plans=[(1, "Sudmark will build the rail harbour soon.", ("Sudmark",))]),
    ]  # fmt: skip
    lexicons = [LEXICON, OTHER_LEXICON, LEXICON]
    plain, joined, again = _merged_in_steps([docs, docs, docs], lexicons)
    assert len(plain.commitments) == 2 and len(joined.commitments) == 1 and again == plain


def test_a_quote_restated_in_a_new_document_is_cited_by_the_kept_one() -> None:
    """A body's words quoted again in a document added later: the earlier quote, in a document
    that did not change, cites the new one; the document gone, it no longer does."""
    words = "We will defend every mile of this coast together"
    first = _doc(
        "doc-a", [f"“{words},” the harbour board said."], quotes=[(1, words, "the harbour board")]
    )
    again = _doc(
        "doc-b", [f"“{words},” the harbour board wrote."], quotes=[(1, words, "the harbour board")]
    )
    alone, both, gone = _merged_in_steps([[first], [first, again], [first]])
    assert [m.others[0].doc_id for m in both.merged] == ["doc-b"]
    assert not alone.merged and not gone.merged and len(both.quotes) == 1
