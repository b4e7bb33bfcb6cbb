"""YAML loading that remembers line numbers, so a bad rule file is refused with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping from YAML that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence from YAML that knows its line and the line of each item."""

    line: int = 0
    item_lines: list[int]


# libyaml's parser (in PyYAML's wheels for Linux, macOS and Windows) reads a rule file several
# times faster than the pure-Python one, with the same nodes and marks; the latter is the fallback.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader whose mappings and sequences carry 1-based line numbers.

    A rule pack is tens of thousands of plain words, and the loader's Python hooks run once
    per node: these do the safe loader's work with less of it (same tags, same values)."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of a node, as the safe loader's resolver gives it, with its implicit
        resolvers looked up once per first character instead of once per scalar."""
        if self.yaml_path_resolvers:                    # none in the safe loader; kept right
            return super().resolve(kind, value, implicit)
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _implicit(type(self), value[:1]):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        if self.yaml_path_resolvers:
            super().descend_resolver(current_node, current_index)

    def ascend_resolver(self) -> None:
        if self.yaml_path_resolvers:
            super().ascend_resolver()


_IMPLICIT: dict[str, list] = {}


def _implicit(loader: type, first: str) -> list:
    """The implicit resolvers for a plain scalar starting with `first` ("" for empty), then
    the wildcard ones, in the order the safe loader tries them."""
    found = _IMPLICIT.get(first)
    if found is None:
        table = loader.yaml_implicit_resolvers
        found = _IMPLICIT[first] = list(table.get(first, [])) + list(table.get(None, []))
    return found


_STR_TAG = "tag:yaml.org,2002:str"


def _value(loader: _Loader, node: yaml.Node) -> Any:
    """What the loader constructs from a node; a string scalar is its value as it stands."""
    if node.__class__ is yaml.ScalarNode and node.tag == _STR_TAG:
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = _value(loader, key_node)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = _value(loader, value_node)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList([_value(loader, child) for child in node.value])
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlError(Exception):
    """A YAML file that does not parse, with its line."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; mappings become LineDict and sequences LineList."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(path, 0, f"cannot read the file: {exc}") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(path, line, f"not valid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlError(path, 0, f"not valid YAML: {exc}") from exc


def line_of(node: Any, key: str | None = None, default: int = 0) -> int:
    """The line of a key in a LineDict, or of the node itself."""
    if key is not None and isinstance(node, LineDict):
        return node.key_lines.get(key, node.line)
    return getattr(node, "line", default)
