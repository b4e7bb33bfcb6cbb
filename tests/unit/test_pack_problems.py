"""Issue 13, rule packs: duplicate ids, complete packs on reload, errors blamed where they were
written and all reported at once, organization settings validated, placeholders in messages."""

from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path

import pytest

from checker.engine import check
from checker.model import Request
from checker.pack import EXAMPLE_NOW, PackError, bundled_pack_path, load_pack
from checker.pack.store import PackStore

ROOT = Path(__file__).resolve().parents[2]
GUIDELINES = "guidelines:\n  G5: {title: {fi: O, sv: R, en: T}, text: {fi: O, sv: R, en: T}}\n"
RULE = """\
  - id: profanity.{name}
    category: profanity
    severity: block
    guideline: G5
    kind: terms
    terms: {{en: [{word}]}}
    message: {{sv: Svordom., fi: Kirosana., en: A swear word.}}
    description: {{sv: Inga svordomar., fi: Ei kirosanoja., en: No swear words.}}
    examples: {{flag: ["a {word}"], pass: ["a neck"]}}
"""


def pack(folder: Path, files: dict[str, str], meta: str = 'name: t\nversion: "1"\n') -> Path:
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(meta + GUIDELINES, encoding="utf-8")
    for name, rules in files.items():
        (folder / "rules" / name).write_text("rules:\n" + rules, encoding="utf-8")
    return folder


def refusal(*folders: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(list(folders))
    return str(caught.value)


# --- 3: duplicate rule ids -----------------------------------------------------------------------

def test_a_rule_id_twice_in_one_pack_is_refused_naming_both_places(tmp_path: Path) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck"),
                             "b.yaml": RULE.format(name="y", word="darn") + RULE.format(name="x", word="drat")})
    message = refusal(folder)
    assert f"{folder / 'rules' / 'b.yaml'}:11: rule 'profanity.x' is defined twice" in message
    assert f"{folder / 'rules' / 'a.yaml'}:2" in message


def test_a_child_pack_may_still_replace_a_parent_rule(tmp_path: Path) -> None:
    pack(tmp_path / "parent", {"a.yaml": RULE.format(name="x", word="heck")})
    child = pack(tmp_path / "child", {"a.yaml": RULE.format(name="x", word="darn")},
                 meta='name: c\nversion: "1"\nextends: ../parent\n')
    rules = load_pack([child]).rules
    assert [r.id for r in rules] == ["profanity.x"] and rules[0].path.parent.parent == child.resolve()


# --- 9: errors where they were written, all at once, organization values -------------------------

def test_a_bad_added_term_is_blamed_on_the_file_that_adds_it(tmp_path: Path) -> None:
    child = tmp_path / "org"
    (child / "rules").mkdir(parents=True)
    (child / "pack.yaml").write_text('name: org\nversion: "1"\nextends: bundled\nadd_terms:\n'
                                     '  profanity.strong:\n    fi: ["a*"]\n    de: [scheisse]\n',
                                     encoding="utf-8")
    message = refusal(child)
    assert f"{child / 'pack.yaml'}:6:" in message and "'a*'" in message
    assert f"{child / 'pack.yaml'}:7:" in message and "'de'" in message
    assert str(bundled_pack_path()) not in message


def test_pack_level_organization_and_rule_errors_come_in_one_round(tmp_path: Path) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck").replace("block", "loud")},
                  meta='name: t\nversion: "1"\ncolour: red\norganization:\n  timezone: Mars/Olympus\n')
    message = refusal(folder)
    assert "unknown setting 'colour'" in message
    assert "organization.timezone" in message
    assert "severity" in message and "a.yaml" in message


@pytest.mark.parametrize("setting, value, reason", [
    ("phone_numbers", '["abc"]', "'abc' is not a phone number prefix"),
    ("phone_numbers", '["+358 19 220"]', None),
    ("email_domains", '["https://www.x.fi"]', "'https://www.x.fi' is not a domain"),
    ("email_domains", '["info@x.fi"]', "'info@x.fi' is not a domain"),
    ("email_domains", '["x.fi", "Kirjasto.X.fi"]', None),
])
def test_organization_phone_numbers_and_domains_are_validated(tmp_path: Path, setting, value, reason) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck")},
                  meta=f'name: t\nversion: "1"\norganization:\n  {setting}: {value}\n')
    if reason is None:
        load_pack([folder])
    else:
        assert f"pack.yaml:4: organization.{setting}: {reason}" in refusal(folder)


# --- 10: messages take the organization's values ----------------------------------------------------

def test_placeholders_take_the_organization_values(tmp_path: Path) -> None:
    rule = RULE.format(name="x", word="heck").replace(
        "en: A swear word.", "en: 'Not at {organization.name}: write to {organization.email_domains}.'")
    folder = pack(tmp_path, {"a.yaml": rule}, meta='name: t\nversion: "1"\norganization:\n'
                  '  name: {fi: Testikunta, sv: Testkommun, en: Test Town}\n  email_domains: [a.example, b.example]\n')
    result = check(load_pack([folder]), Request(text="a heck", now=EXAMPLE_NOW, locale="en"))
    assert result["findings"][0]["message"] == "Not at Test Town: write to a.example, b.example."


def test_an_unknown_placeholder_is_refused_with_its_line(tmp_path: Path) -> None:
    rule = RULE.format(name="x", word="heck").replace("en: A swear word.", "en: 'At {organization.city}.'")
    message = refusal(pack(tmp_path, {"a.yaml": rule}))
    assert "a.yaml:8:" in message and "{organization.city}" in message


def test_an_organization_pack_never_names_hanko() -> None:
    org = load_pack([ROOT / "docs" / "examples" / "org-pack"])
    hanko = re.compile(r"\b(hanko|hangon|hangö|hango)\b|hanko\.fi|hango\.fi", re.IGNORECASE)
    texts = [(r.id, t) for r in org.rules for field in (r.message, r.description, r.suggestion or {})
             for t in field.values()]
    assert texts and [(rule, t) for rule, t in texts if hanko.search(t)] == []
    # and the bundled pack says its own name where the organization pack says the other's
    bundled = {r.id: r for r in load_pack().rules}
    assert "hanko.fi" in bundled["privacy.email"].message["en"]
    assert "esimerkkila.example" in {r.id: r for r in org.rules}["privacy.email"].message["en"]


# --- 4: reload only a complete pack, and say what changed -------------------------------------------

def _later(path: Path) -> None:
    stamp = time.time() + 2
    import os
    os.utime(path, (stamp, stamp))


def test_reload_refuses_a_pack_missing_a_listed_rule_file(tmp_path: Path, caplog) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck"),
                             "b.yaml": RULE.format(name="y", word="darn")},
                  meta='name: t\nversion: "1"\nrule_files: [a.yaml, b.yaml]\n')
    store = PackStore([folder], check_every=0, settle=0)
    assert {r.id for r in store.current().rules} == {"profanity.x", "profanity.y"}
    (folder / "rules" / "b.yaml").unlink()
    assert {r.id for r in store.current().rules} == {"profanity.x", "profanity.y"}
    assert "b.yaml" in str(store.last_error) and "missing" in str(store.last_error)


def test_reload_waits_until_the_files_settle_and_logs_rules_added_and_removed(tmp_path: Path, caplog) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck")})
    store = PackStore([folder], check_every=0, settle=0.3)
    (folder / "rules" / "a.yaml").write_text("rules:\n" + RULE.format(name="y", word="darn"), encoding="utf-8")
    _later(folder / "rules" / "a.yaml")
    with caplog.at_level(logging.INFO, logger="checker.pack.store"):
        assert [r.id for r in store.current().rules] == ["profanity.x"]     # just changed: wait
        time.sleep(0.35)
        assert [r.id for r in store.current().rules] == ["profanity.y"]     # settled: reloaded
    assert "rules added: profanity.y; removed: profanity.x" in caplog.text


def test_the_bundled_pack_lists_its_rule_files() -> None:
    import yaml
    meta = yaml.safe_load((bundled_pack_path() / "pack.yaml").read_text(encoding="utf-8"))
    assert sorted(meta["rule_files"]) == sorted(p.name for p in (bundled_pack_path() / "rules").glob("*.yaml"))


def test_a_listed_file_must_exist_and_an_unlisted_one_is_refused(tmp_path: Path) -> None:
    folder = pack(tmp_path, {"a.yaml": RULE.format(name="x", word="heck"), "extra.yaml": RULE.format(name="y", word="darn")},
                  meta='name: t\nversion: "1"\nrule_files: [a.yaml, gone.yaml]\n')
    message = refusal(folder)
    assert "pack.yaml:3: 'rule_files' lists gone.yaml, which is missing" in message
    assert "extra.yaml" in message and "not listed" in message
    shutil.rmtree(folder)
