"""docs/rules.md is generated from the bundled pack and must not go stale."""

from __future__ import annotations

from pathlib import Path

from checker.pack import load_pack
from checker.ruledocs import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REGENERATE = ('python -c "from pathlib import Path; from checker.pack import load_pack; '
              'from checker.ruledocs import render; '
              "Path('docs/rules.md').write_text(render(load_pack()), encoding='utf-8')\"")


def test_rules_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(load_pack()), \
        f"docs/rules.md is out of date; regenerate it with: {REGENERATE}"


def test_every_rule_is_documented_in_three_languages() -> None:
    pack = load_pack()
    text = render(pack)
    for rule in pack.rules:
        assert f"### `{rule.id}`" in text
        for lang in ("fi", "sv", "en"):
            assert rule.description[lang].split()[0] in text
