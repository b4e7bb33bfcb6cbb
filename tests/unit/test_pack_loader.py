"""The pack loader: every refusal names file, line and reason; extends; reload keeps the last good."""

from __future__ import annotations

import os
import time
from pathlib import Path
from textwrap import dedent

import pytest

from checker.engine import check
from checker.pack import EXAMPLE_NOW, load_pack
from checker.pack.store import PackStore
from checker.model import Request
from tests.unit.packfiles import GOOD_RULE, make_pack, refusal


def request(text: str) -> Request:
    return Request(text=text, now=EXAMPLE_NOW)


def test_good_pack_loads_and_checks(tmp_path: Path) -> None:
    pack = load_pack([make_pack(tmp_path)])
    assert pack.rules_version.startswith("t-1-")
    findings = check(pack, request("What the hecking, a zork"))["findings"]
    assert [f["excerpt"] for f in findings] == ["hecking", "zork"]


@pytest.mark.parametrize(("change", "line", "reason"), [
    (("category: profanity", "category: swearing"), 3, "'category' is 'swearing'; expected one of"),
    (("kind: terms", "kind: magic"), 6, "'kind' is 'magic'; expected one of"),
    (("severity: block", "severity: fatal"), 4, "'severity' is 'fatal'"),
    (("guideline: G5", "guideline: G9"), 5, "'G9', which pack.yaml does not list; its guidelines: G5"),
    (("id: profanity.test", "id: insult.test"), 2, "the id must begin with its category"),
    (("id: profanity.test", "id: Profanity Test"), 2, "the id must look like 'category.name'"),
    (("fi: Kirosana., ", ""), 10, "'message' lacks a translation for fi"),
    (("    examples:\n      flag: [\"what the heck\"]\n      pass: [\"a neck\"]\n", ""), 2, "'examples' with 'flag' and 'pass'"),
    (("      pass: [\"a neck\"]", "      pass: []"), 14, "'examples.pass' must be a non-empty list"),
    (("      any: [zork]", "      any: [zork]\n    colour: red"), 10, "unknown key 'colour' for a rule of kind terms"),
    (("en: [heck*]", "de: [heck*]"), 8, "'terms' has language 'de'"),
    (("en: [heck*]", "en: [he*]"), 8, "a stem needs at least 3 letters"),
])
def test_refusals_name_file_line_and_reason(tmp_path: Path, change: tuple[str, str], line: int, reason: str) -> None:
    rules = GOOD_RULE.replace(*change)
    assert rules != GOOD_RULE
    message = refusal(make_pack(tmp_path, rules))
    assert f"main.yaml:{line}: " in message, message
    assert reason in message, message


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    message = refusal(make_pack(tmp_path, GOOD_RULE + "  - id: [unclosed\n"))
    assert "main.yaml:16: not valid YAML" in message


@pytest.mark.parametrize("regex", [r"(\d)\1", r"a(?=b)c", r"(?>a+)b"])
def test_regex_the_linear_matcher_cannot_run_is_refused(tmp_path: Path, regex: str) -> None:
    rule = GOOD_RULE.replace("kind: terms", "kind: pattern").replace(
        "    terms:\n      en: [heck*]\n      any: [zork]\n", f"    regex:\n      en: ['{regex}']\n")
    message = refusal(make_pack(tmp_path, rule))
    assert "main.yaml:8: rule 'profanity.test': regex" in message, message


def test_regex_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    rule = GOOD_RULE.replace("kind: terms", "kind: pattern").replace(
        "    terms:\n      en: [heck*]\n      any: [zork]\n", "    regex:\n      en: ['heck(']\n")
    assert "does not compile" in refusal(make_pack(tmp_path, rule))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    second = GOOD_RULE.replace("profanity.test", "profanity.other").replace("severity: block", "severity: huge")
    first = GOOD_RULE.replace("kind: terms", "kind: magic")
    message = refusal(make_pack(tmp_path, first + second))
    assert "profanity.test" in message and "profanity.other" in message


def test_missing_pack_yaml(tmp_path: Path) -> None:
    assert "no pack.yaml" in refusal(tmp_path)


def test_unknown_pack_setting(tmp_path: Path) -> None:
    message = refusal(make_pack(tmp_path, meta='name: t\nversion: "1"\ncolour: red\n'))
    assert "pack.yaml:3: unknown setting 'colour'" in message


def test_extends_adds_terms_changes_severity_disables(tmp_path: Path) -> None:
    base = make_pack(tmp_path / "base", GOOD_RULE + GOOD_RULE.replace("profanity.test", "profanity.second"))
    child = make_pack(tmp_path / "child", GOOD_RULE.replace("profanity.test", "profanity.own").replace("heck*", "blarg"),
                      meta=dedent("""\
                          name: child
                          version: "2"
                          extends: ../base
                          disable: [profanity.second]
                          severity: {profanity.test: warn}
                          add_terms: {profanity.test: {en: [frak*]}}
                          """))
    pack = load_pack([child])
    assert {r.id for r in pack.rules} == {"profanity.test", "profanity.own"}
    findings = check(pack, request("frakking or heck or blarg"))["findings"]
    by_excerpt = {f["excerpt"]: (f["rule"], f["severity"]) for f in findings}
    assert by_excerpt["frakking"] == ("profanity.test", "warn")
    assert by_excerpt["heck"] == ("profanity.test", "warn")
    assert by_excerpt["blarg"] == ("profanity.own", "block")


def test_extends_bundled(tmp_path: Path) -> None:
    child = make_pack(tmp_path, GOOD_RULE, meta='name: org\nversion: "1"\nextends: bundled\n')
    pack = load_pack([child])
    bundled = load_pack()
    assert len(pack.rules) == len(bundled.rules) + 1


def test_override_naming_unknown_rule_is_refused(tmp_path: Path) -> None:
    message = refusal(make_pack(tmp_path, meta='name: t\nversion: "1"\ndisable: [profanity.nope]\n'))
    assert "pack.yaml:3: 'disable' names rule 'profanity.nope'" in message


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    make_pack(tmp_path / "a", meta='name: a\nversion: "1"\nextends: ../b\n')
    make_pack(tmp_path / "b", meta='name: b\nversion: "1"\nextends: ../a\n')
    assert "chain of 'extends'" in refusal(tmp_path / "a")


def test_organization_settings_are_validated(tmp_path: Path) -> None:
    meta = 'name: t\nversion: "1"\norganization:\n  timezone: Mars/Olympus\n  working_hours: {start: "17:00", end: "08:00"}\n'
    message = refusal(make_pack(tmp_path, meta=meta))
    assert "organization.timezone: unknown time zone" in message
    assert "organization.working_hours: 'start' must be before 'end'" in message


def _touch_later(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 2
    os.utime(path, (stamp, stamp))


def test_store_reloads_on_change_and_keeps_last_good_on_error(tmp_path: Path) -> None:
    folder = make_pack(tmp_path)
    store = PackStore([folder], check_every=0)
    first = store.current().rules_version
    rule_file = folder / "rules" / "main.yaml"

    _touch_later(rule_file, "rules:\n" + GOOD_RULE.replace("heck*", "darn*"))
    second = store.current()
    assert second.rules_version != first
    assert check(second, request("darn it"))["findings"]

    _touch_later(rule_file, "rules:\n" + GOOD_RULE.replace("kind: terms", "kind: magic"))
    kept = store.current()
    assert kept.rules_version == second.rules_version
    assert store.last_error is not None and "main.yaml:6" in str(store.last_error)
    assert check(kept, request("darn it"))["findings"]


def test_store_keeps_its_pack_out_of_full_collections_and_frees_a_replaced_one(tmp_path: Path) -> None:
    """The pack in use is frozen (gc.freeze), so a long post's allocations do not make the
    collector walk it; a reload frees the pack it replaces."""
    import gc
    import weakref
    folder = make_pack(tmp_path)
    store = PackStore([folder], check_every=0)
    try:
        assert gc.get_freeze_count() > 0
        old = weakref.ref(store.pack)
        _touch_later(folder / "rules" / "main.yaml", "rules:\n" + GOOD_RULE.replace("heck*", "darn*"))
        assert store.current() is not old()
        assert old() is None                      # the replaced pack is gone, frozen or not
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
