"""Rule packs: YAML folders read, layered, validated and compiled into a `Pack`.

A pack is a folder with `pack.yaml` and rule files under `rules/` (see docs/rule-packs.md).
The jobs live apart: `vocabulary` (the keys of the format), `layering` (folders, `extends`
and overrides), `validation` (each field checked, kinds built, examples parsed) and
`store` (hot reload that keeps the last good pack). Anything wrong is refused with the
file, the line and the reason, all problems at once.
"""

from __future__ import annotations

from pathlib import Path

from checker.memory import paused_gc
from checker.pack.layering import Layer, bundled_pack_path, read_pack
from checker.pack.model import Example, Guideline, Pack, PackError, Problem, Rule, When
from checker.pack.validation import EXAMPLE_NOW, compile_pack, example_request

__all__ = ["EXAMPLE_NOW", "Example", "Guideline", "Pack", "PackError", "Problem", "Rule", "When",
           "bundled_pack_path", "example_request", "load_pack"]


def load_pack(paths: list[Path] | None = None) -> Pack:
    """Load one pack, or several layered in order; raise PackError listing every problem."""
    with paused_gc():                 # a pack is objects that all live on (checker/memory.py)
        problems: list[Problem] = []
        layer = Layer()
        for path in paths or [bundled_pack_path()]:
            read_pack(Path(path), layer, problems, seen=set())
        return compile_pack(layer, problems)
