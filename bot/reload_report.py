"""What a reload did, for the admin who asked and for the reload log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.answers import Answer, Line, Section
from bot.errors import ConfigError, SeedError


@dataclass(frozen=True)
class ReloadReport:
    """What a reload did: files added, changed, removed; facts added and removed; errors."""

    who: str
    action: str
    when: str
    seconds: float
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    facts_added: dict[str, int] = field(default_factory=dict)
    facts_removed: dict[str, int] = field(default_factory=dict)
    errors: tuple[SeedError | ConfigError, ...] = ()
    kept: tuple[str, ...] = ()  # files whose last good facts were kept despite an error
    generation: int | None = None
    from_store: bool = False
    saved: bool = True
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.added or self.changed or self.removed or self.facts_added or self.facts_removed
        )

    def summary(self) -> str:
        """One line for logs and the reload log."""
        parts = []
        if self.from_store:
            parts.append("loaded the stored generation (seeds unchanged)")
        for label, files in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            if files:
                parts.append(f"{label} {', '.join(files)}")
        if not (self.added or self.changed or self.removed) and not self.from_store:
            parts.append(f"no file changed ({self.unchanged} unchanged)")
        delta = _delta_text(self.facts_added, self.facts_removed)
        if delta:
            parts.append(delta)
        if self.errors:
            parts.append(f"{len(self.errors)} error(s)")
        if not self.saved:
            parts.append("not saved to the database")
        return "; ".join(parts)

    def to_answer(self) -> Answer:
        lines = [Line(f"Documents added: {', '.join(self.added)}")] if self.added else []
        if self.changed:
            lines.append(Line(f"Changed: {', '.join(self.changed)}"))
        if self.removed:
            lines.append(Line(f"Removed: {', '.join(self.removed)}"))
        if not (self.added or self.changed or self.removed):
            lines.append(Line(f"No file changed ({self.unchanged} unchanged)."))
        facts = [
            Line(f"{kind}: +{self.facts_added.get(kind, 0)} / −{self.facts_removed.get(kind, 0)}")
            for kind in ("people", "quotes", "commitments", "events")
            if self.facts_added.get(kind) or self.facts_removed.get(kind)
        ] or [Line("No facts added or removed.")]
        errors = [Line(f"{where(e)}: {e.reason}") for e in self.errors]
        if self.kept:
            errors.append(Line(f"Kept the last good facts of: {', '.join(self.kept)}"))
        totals = ", ".join(counted(v, k) for k, v in self.totals.items())
        intro = f"Reloaded in {self.seconds:.1f}s. Now: {totals}." if totals else ""
        if not self.saved:
            intro += " The database could not be written; the facts are live in memory only."
        return Answer(
            "reload",
            "Reload: errors" if self.errors else "Reload done",
            intro,
            tuple(
                s
                for s in (
                    Section("Files", tuple(lines)),
                    Section("Facts", tuple(facts)),
                    Section("Errors", tuple(errors)),
                )
                if s.lines
            ),
        )


_SINGULAR = {"documents": "document", "people": "person", "quotes": "quote",
             "commitments": "commitment", "events": "event"}  # fmt: skip


def counted(n: int, kind: str) -> str:
    """`counted(1, "documents")` → "1 document"; `counted(3, "people")` → "3 people"."""
    return f"{n} {_SINGULAR.get(kind, kind) if n == 1 else kind}"


def where(e: SeedError | ConfigError) -> str:
    return f"{Path(e.file).name}:{e.line}" if e.line else Path(e.file).name


def _delta_text(added: dict[str, int], removed: dict[str, int]) -> str:
    bits = []
    for kind in ("people", "quotes", "commitments", "events"):
        a, r = added.get(kind, 0), removed.get(kind, 0)
        if a or r:
            bits.append(f"{kind} +{a}/−{r}")
    return ", ".join(bits)
