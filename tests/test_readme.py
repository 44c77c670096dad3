"""The README's promises: its two commands, and CI running the same test command."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_starts_with_try_it_then_test_it() -> None:
    first, second = commands()[:2]
    assert "python -m bot console" in first and "pip install" in first
    assert "pytest" in second and "'.[test]'" in second


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()


def test_every_command_in_the_table_exists() -> None:
    from bot.briefing import COMMANDS

    documented = set(re.findall(r"^\| `(\w+)", README, flags=re.MULTILINE))
    assert documented == set(COMMANDS)
