"""Every generated file matches its one source (python -m checker.generate), and the rule-file
schema agrees with the loader on real and broken rule files."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from checker import generate
from checker.pack.schema import rule_file_schema

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = sorted([*(ROOT / "rules").glob("*/rules/*.yaml"), *(ROOT / "tests").glob("*/pack/rules/*.yaml"),
                     *(ROOT / "docs" / "examples").glob("*/rules/*.yaml")])


@pytest.mark.parametrize("path", list(generate.generated()), ids=lambda p: p.name)
def test_generated_file_is_up_to_date(path: Path) -> None:
    assert path.is_file(), f"{path} is missing: run `python -m checker.generate`"
    assert path.read_text(encoding="utf-8") == generate.generated()[path], \
        f"{path} differs from its source: run `python -m checker.generate`"


def test_check_mode_reports_drift_and_writing_fixes_it(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "vocabulary.js"
    stale.write_text("// hand-edited\n", encoding="utf-8")
    monkeypatch.setattr(generate, "REPO", tmp_path)
    monkeypatch.setattr(generate, "generated", lambda: {stale: "// generated\n"})
    assert generate.main(["--check"]) == 1
    assert "vocabulary.js: out of date" in capsys.readouterr().out
    assert stale.read_text(encoding="utf-8") == "// hand-edited\n"
    assert generate.main([]) == 0
    assert generate.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == "// generated\n"


def test_the_schema_ships_with_the_bundled_rules() -> None:
    assert generate.RULE_SCHEMA.parent == ROOT / "rules"      # the somecheck_rules package


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_rule_file_in_the_repository_fits_the_schema(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), rule_file_schema())


def _rule(**changes) -> dict:
    rule = {"id": "profanity.x", "category": "profanity", "severity": "block", "guideline": "G5",
            "kind": "terms", "terms": {"en": ["heck*"]},
            "message": {"fi": "a", "sv": "b", "en": "c"}, "description": {"fi": "a", "sv": "b", "en": "c"},
            "examples": {"flag": ["heck"], "pass": ["neck"]}}
    rule.update(changes)
    return {k: v for k, v in rule.items() if v is not None}


@pytest.mark.parametrize("changes", [
    {"kind": "regexes"},                         # no such kind
    {"distance": 3},                             # a proximity parameter on a terms rule
    {"terms": {"de": ["x"]}},                    # no such language
    {"kind": "languages", "terms": None},        # `require` is required
    {"kind": "pattern", "terms": None, "patterns": {"en": ["x"]}, "gap": 9},   # over the maximum
    {"message": {"fi": "a", "sv": "b"}},         # a translation missing
    {"severity": "loud"},
])
def test_the_schema_refuses_what_the_loader_refuses(changes) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rules": [_rule(**changes)]}, rule_file_schema())


def test_the_schema_accepts_a_minimal_rule() -> None:
    jsonschema.validate({"rules": [_rule()]}, rule_file_schema())
