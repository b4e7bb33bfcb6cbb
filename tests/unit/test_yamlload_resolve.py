"""The line-numbering loader resolves and constructs every scalar as PyYAML's safe loader does."""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.yamlload import load_yaml

TRICKY = """
words: [yes, No, on, OFF, true, ~, null, Null, '', "", 0, -1, 0x1f, 0o17, 1_000, 1.5, .5, -.inf, .NaN,
        2026-11-28, 2026-11-28T12:00:00+02:00, "yes", 'null', ä, -, 'x: y', 12:30, 1:20:30]
anchor: &a {key: [1, two]}
alias: *a
merged: {<<: *a, other: 3}
binary: !!binary aGVq
text: |
  two
  lines
"""


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_scalars_resolve_as_the_safe_loader_resolves_them(tmp_path: Path) -> None:
    text = TRICKY
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_yaml(path)
    safe = yaml.safe_load(text)
    assert _plain(loaded) == safe
    assert [type(v) for v in loaded["words"]] == [type(v) for v in safe["words"]]
    assert loaded.key_lines["anchor"] == 4 and loaded["words"].line == 2
