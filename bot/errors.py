"""Typed errors, so each front-end can turn them into a friendly message instead of a trace."""

from __future__ import annotations


class BriefbotError(Exception):
    """Base class: anything the bot raises on purpose."""


class SeedError(BriefbotError):
    """A seed file that cannot be read or does not follow the format; names file and line."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {reason}")


class ConfigError(BriefbotError):
    """A config file mistake; names file, line and key so an admin can fix it."""

    def __init__(self, file: str, line: int | None, key: str | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
        where = f"{file}:{line}" if line else file
        what = f" ({key})" if key else ""
        super().__init__(f"{where}{what}: {reason}")


class UserError(BriefbotError):
    """A mistake in what the user asked: bad arguments, nothing found.

    `suggestions` are "did you mean" choices; `usage` is the command's usage line.
    """

    def __init__(
        self,
        message: str,
        *,
        usage: str | None = None,
        suggestions: tuple[str, ...] = (),
        details: tuple[str, ...] = (),
    ) -> None:
        self.message = message
        self.usage = usage
        self.suggestions = suggestions
        self.details = details  # what there is instead (e.g. the topics), one item per entry
        super().__init__(message)
