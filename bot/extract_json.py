"""The `extract --json` output: one document's facts in the shape ../shared/eval/score.py reads."""

from __future__ import annotations

from typing import Any

from bot.models import DocumentFacts


def facts_to_json(facts: DocumentFacts) -> dict[str, Any]:
    """People by name (speakers too), so the output stands without the fact base's ids."""
    names = {p.id: p.name for p in facts.people}
    return {
        "document": {"id": facts.document.id, "title": facts.document.title},
        "people": [
            {
                "name": p.name,
                "roles": list(p.roles),
                "party": p.party,
                "country": p.country,
                "former": p.former,
            }
            for p in facts.people
        ],
        "quotes": [
            {"speaker": names.get(q.speaker, q.speaker) if q.speaker else None, "text": q.text}
            for q in facts.quotes
        ],
        "commitments": [
            {
                "sentence": c.sentence,
                "actors": list(c.actors),
                "topics": list(c.topics),
                "when": c.when,
            }
            for c in facts.commitments
        ],
        "events": [{"when": e.when, "what": e.what} for e in facts.events],
    }
