"""Reload steps without a service: which documents to read, and taking extraction outcomes."""

from __future__ import annotations

from pathlib import Path

from bot.errors import SeedError
from bot.reload_steps import ReloadState, documents_to_read, take_outcomes
from bot.seeds import SeedFile
from bot.stored_facts import FileState


def seed(name: str, sha: str) -> SeedFile:
    return SeedFile(Path("/seeds") / name, sha)


def test_only_documents_whose_bytes_or_rules_changed_are_read() -> None:
    old = {"a.md": FileState("a.md", "1", None, "ka"), "b.md": FileState("b.md", "2", None, "kb")}
    state = ReloadState(old)
    todo = documents_to_read(state, [seed("a.md", "1"), seed("b.md", "3")], True, lambda s: "")
    assert [s.name for s in todo] == ["b.md"]
    assert state.new_files == {"a.md": old["a.md"]}
    # other rules: a document is read again unless its stored key is the same
    state = ReloadState(old)
    todo = documents_to_read(state, [seed("a.md", "1")], False, lambda s: "other")
    assert [s.name for s in todo] == ["a.md"]


def test_a_failed_document_keeps_its_last_good_reading_and_its_error_is_reported() -> None:
    old = {"b.md": FileState("b.md", "2", None, "kb")}
    state = ReloadState(old)
    error = SeedError("b.md", None, "too slow")
    take_outcomes(state, [seed("b.md", "3"), seed("c.md", "4")], [error, error], "rules")
    assert state.new_files == {"b.md": old["b.md"]}
    assert state.kept == ["b.md"]
    assert state.errors == [error, error]


async def test_a_store_that_cannot_be_written_is_logged_and_nothing_else(caplog) -> None:
    from bot.reload_logging import record_action

    class Broken:
        async def log_reload(self, entry) -> None:
            raise OSError("read-only")

    await record_action(Broken(), "2026-12-07T00:00:00+00:00", "ana", "upload refused", "x.md")
    assert "could not write the reload log" in caplog.text
    await record_action(None, "2026-12-07T00:00:00+00:00", "ana", "upload refused", "x.md")
