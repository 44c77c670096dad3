"""What stored facts depend on: every extraction module, sub-packages included."""

from __future__ import annotations

from bot.generation_keys import BOT_DIR, EXTRACTION_CODE, MERGE_CODE, doc_key


def test_the_extraction_version_covers_every_extraction_module() -> None:
    modules = set(EXTRACTION_CODE)
    assert set((BOT_DIR / "extract").rglob("*.py")) <= modules
    assert BOT_DIR / "extract" / "commitments" / "finding.py" in modules


def test_every_merge_module_exists() -> None:
    assert all(p.is_file() for p in MERGE_CODE)


def test_a_document_key_changes_with_the_bytes_and_with_the_rules() -> None:
    assert doc_key("aa", "r1") == doc_key("aa", "r1")
    assert len({doc_key("aa", "r1"), doc_key("ab", "r1"), doc_key("aa", "r2")}) == 3
