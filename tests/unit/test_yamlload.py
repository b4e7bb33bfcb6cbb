"""checker/yamlload.py: the fast libyaml parser and the pure-Python one read every bundled
YAML file into the same values with the same line numbers; a bad file is refused with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import yamlload

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("rules/**/*.yaml"), *ROOT.glob("checker/langdata/*.yaml")])


class _PurePython(yaml.SafeLoader):
    """The same constructors on PyYAML's pure-Python parser."""


_PurePython.yaml_constructors = dict(yamlload._Loader.yaml_constructors)


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return ("map", value.line, sorted(value.key_lines.items()), [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", value.line, value.item_lines, [_shape(v) for v in value])
    return value


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_both_parsers_give_the_same_values_and_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _shape(yamlload.load_yaml(path)) == _shape(yaml.load(text, Loader=_PurePython))  # noqa: S506


def test_a_bad_file_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: a\n    terms: [unclosed\n", encoding="utf-8")
    with pytest.raises(yamlload.YamlError) as caught:
        yamlload.load_yaml(bad)
    assert caught.value.line >= 3 and "not valid YAML" in str(caught.value)


def test_a_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "dup.yaml"
    bad.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    with pytest.raises(yamlload.YamlError) as caught:
        yamlload.load_yaml(bad)
    assert caught.value.line == 3 and "duplicate key" in str(caught.value)
