"""How each command is called, shared by the command modules and the command table.

The front-ends read parameter names from these lines (`who <name>` → a `name` slash option),
so they name the argument's main kind; the docstrings of the commands tell the others.
"""

from __future__ import annotations

USAGE = {
    "help": "help [command]",
    "ministers": "ministers [country|party]",
    "people": "people",
    "who": "who <name>",
    "quotes": "quotes [person|topic]",
    "commitments": "commitments [topic|country]",
    "topics": "topics",
    "timeline": "timeline [year]",
    "search": "search <words>",
    "sources": "sources",
    "brief": "brief [document]",
    "compare": "compare <a> <b>",
    "export": "export [topic|country|document] [md|json|csv]",
    "reload": "reload",
    "add": "add <url>",
    "follow": "follow <topic|person|country|party>",
    "unfollow": "unfollow <topic|person|country|party|all>",
    "following": "following",
    "changes": "changes [since]",
}


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 commitment', '2 commitments', '1 quote'; `many` for irregular plurals ('people')."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
