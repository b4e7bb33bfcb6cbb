"""Small rule packs written to a folder for a test, and the refusal a bad one gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pack import PackError, load_pack

GOOD_RULE = """\
  - id: profanity.test
    category: profanity
    severity: block
    guideline: G5
    kind: terms
    terms:
      en: [heck*]
      any: [zork]
    message: {sv: Svordom., fi: Kirosana., en: A swear word.}
    description: {sv: Inga svordomar., fi: Ei kirosanoja., en: No swear words.}
    examples:
      flag: ["what the heck"]
      pass: ["a neck"]
"""

GUIDELINES = """\
guidelines:
  G5: {title: {fi: Otsikko, sv: Rubrik, en: Title}, text: {fi: Teksti., sv: Text., en: Text.}}
"""


def make_pack(folder: Path, rules: str = GOOD_RULE, meta: str = 'name: t\nversion: "1"\n') -> Path:
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(meta + GUIDELINES, encoding="utf-8")
    (folder / "rules" / "main.yaml").write_text("rules:\n" + rules, encoding="utf-8")
    return folder


def refusal(folder: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack([folder])
    return str(caught.value)
