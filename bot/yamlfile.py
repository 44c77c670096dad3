"""YAML reading that remembers line numbers, so every mistake can point at file, line and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping that knows the line (1-based) of each key and of itself."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A list that knows the line (1-based) of each item and of itself."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and lists carry their source lines, and that refuses aliases.

    An alias (`*name`, and the `<<: *name` merge built on it) lets a few hundred bytes expand to
    gigabytes ("billion laughs"). Seeds and config never need one, so the first alias stops the
    parse at its line, before anything is built:
    `a: &x [1]` then `b: *x` → "YAML syntax: aliases (*name) are not allowed".
    """

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be plain text", key_node.start_mark
            ) from None
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


# Dates stay text: callers validate them with a clear message, and a bad date such as
# 2023-02-30 must not escape as a ValueError from inside the YAML parser.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLineLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """The same rules as _LineLoader, parsed by libyaml (about 10x faster: the word lists in
        config/ are read at every start). Aliases are refused by a scan of the parse events
        before anything is composed (see `_refuse_aliases`)."""

    _CLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
    _CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CLineLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
    )
    _FastLoader = _CLineLoader


def _refuse_aliases(text: str) -> None:
    """ComposerError at the first alias, read from libyaml's event stream (one linear pass)."""
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark
            )


def _load(text: str) -> Any:
    """libyaml when it is there; on any mistake, the pure-Python parser says where and why, as
    it words and places errors best (an unclosed `[` at its own line, not at the file's end)."""
    if _FastLoader is None:
        return yaml.load(text, Loader=_LineLoader)
    try:
        _refuse_aliases(text)
        return yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LineLoader)


class YamlProblem(Exception):
    """Raised with the line of a YAML syntax mistake; callers wrap it in their own error type."""

    def __init__(self, line: int | None, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(reason)


def parse_yaml(text: str, *, first_line: int = 1) -> Any:
    """Parse YAML text; LineDict/LineList carry lines offset by `first_line - 1`."""
    try:
        data = _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        reason = exc.problem or str(exc)
        raise YamlProblem(line, f"YAML syntax: {reason}") from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise YamlProblem(None, f"YAML: {exc}") from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        for value in data:
            _shift_lines(value, offset)


def read_yaml(path: Path) -> Any:
    """Read a YAML file as UTF-8; raise YamlProblem for unreadable or malformed files."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise YamlProblem(None, f"cannot read the file ({exc.strerror})") from None
    return parse_yaml(text)


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of `key` inside a LineDict/LineList, or of the container itself."""
    if isinstance(container, LineDict):
        if key is not None and key in container.key_lines:
            return container.key_lines[key]
        return container.line or None
    if isinstance(container, LineList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line or None
    return None
