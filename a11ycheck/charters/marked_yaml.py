"""YAML that remembers where things are: mappings and lists carry the line of each key and item, so a
charter's problems can be reported as FILE:LINE. Also catches what PyYAML lets pass silently (a key given
twice) or turns into a crash (an impossible date such as 2025-02-30).
"""

from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor


class LineMap(dict):
    """A YAML mapping; `line` is where it starts, `key_lines[key]` where each key is."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML list; `line` is where it starts, `item_lines[i]` where each item is."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class InvalidDate:
    """A value YAML reads as a date but that is not one (2025-02-30); the loader reports it."""

    text: str


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[tuple[int, str]] = []


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)  # YAML merge keys (<<)
    mapping = LineMap(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) or key is None:
            loader.problems.append((line, "a key must be a plain word, not a list or mapping"))
            continue
        if key in mapping:
            loader.problems.append(
                (line, f"key {key!r} is given twice (also on line {mapping.key_lines[key]})")
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines.setdefault(key, line)
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(node.start_mark.line + 1)
    for item_node in node.value:
        items.append(loader.construct_object(item_node, deep=True))
        items.item_lines.append(item_node.start_mark.line + 1)
    return items


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:omap", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_with_lines(text: str) -> tuple[object, list[tuple[int, str]]]:
    """The document's value (LineMap/LineList for mappings and lists) and the (line, message) problems
    found while reading it. Raises YamlSyntaxError, with its line, for text that is not YAML."""
    loader = _LineLoader(text)
    try:
        return loader.get_single_data(), loader.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "invalid YAML"
        if exc.context:
            where = f" on line {exc.context_mark.line + 1}" if exc.context_mark and exc.problem_mark else ""
            detail = f"{detail} ({exc.context}{where})"
        raise YamlSyntaxError(mark.line + 1 if mark else 1, f"YAML syntax error: {detail}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, f"YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
