"""Facts cross from the extraction workers pickled: each model pickles as its field values."""

from __future__ import annotations

import dataclasses
import pickle

import bot.models as models
from bot.factbase import FactBase

MODELS = [
    c
    for c in vars(models).values()
    if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == models.__name__
]


def test_every_model_pickles_as_a_call_of_its_class_with_its_fields() -> None:
    assert len(MODELS) >= 10
    source = models.Source("doc", 2, "The bridge opens.")
    for cls in MODELS:
        assert cls.__reduce__ is not object.__reduce__, cls.__name__
    assert source.__reduce__() == (models.Source, ("doc", 2, "The bridge opens."))


def test_a_documents_facts_survive_the_round_trip(seed_facts: FactBase) -> None:
    for facts in seed_facts.per_document:
        again = pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == facts
        assert repr(again) == repr(facts)
        assert again.document.date_inferred == facts.document.date_inferred
    curated = models.CuratedFacts(files=("people.yaml",))
    assert pickle.loads(pickle.dumps(curated)) == curated
