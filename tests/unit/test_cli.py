"""The `somecheck` command line: check, rules validate, rules list."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.app import create_app
from checker.cli import main
from checker.pack import bundled_pack_path
from checker.settings import Settings

REPO = Path(__file__).resolve().parents[2]
PACK = REPO / "tests" / "api" / "pack"          # the small deterministic pack of the API tests
EVENING = "2026-11-24T18:00:00+02:00"           # a Tuesday evening: clock rules stay quiet
WORKTIME = "2026-11-24T10:30:00+02:00"
PACK_RULES = {"profanity.blorf", "insult.blorf", "insult.zonk", "plain_language.meep",
              "opinion.defaults-probe", "copyright.picture", "timing.staff-at-work",
              "timing.official-comment"}


@pytest.fixture(autouse=True)
def no_locale_in_the_environment(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def heads(out: str) -> list[str]:
    """The first line of each finding in the text format, as "line:col severity rule message"
    (a finding about the whole post as 1:1); tests/unit/test_cli_output.py checks the rest."""
    found = []
    for line in out.splitlines():
        m = re.match(r"^.*?(?::(\d+):(\d+))?: (info|warn|block): (.*) \[([a-z_.0-9-]+)\]$", line)
        if m and not line.startswith(" "):
            found.append(f"{m[1] or 1}:{m[2] or 1} {m[3]} {m[5]} {m[4]}")
    return found


def run_check(capsys, tmp_path, text: str, *extra: str) -> tuple[int, str, str]:
    post = tmp_path / "post.txt"
    post.write_text(text, encoding="utf-8")
    code = main(["check", str(post), "--rules", str(PACK), *extra])
    out, err = capsys.readouterr()
    return code, out, err


# --- check: text format --------------------------------------------------------------------------

def test_check_text_format_line_col_severity_rule_message(capsys, tmp_path):
    code, out, err = run_check(capsys, tmp_path, "hello there\nsay zonk\n  blorf meep\n",
                               "--now", EVENING, "--locale", "en")
    assert heads(out) == [
        "2:5 warn insult.zonk Zonk insults.",
        "3:3 block profanity.blorf Blorf is forbidden.",
        "3:3 warn insult.blorf Blorf insults.",
        "3:9 info plain_language.meep Meep is officialese.",
    ]
    assert code == 1
    assert "block: 4 finding(s)" in err


def test_check_text_format_in_the_requested_locale(capsys, tmp_path):
    code, out, _ = run_check(capsys, tmp_path, "zonk", "--now", EVENING, "--locale", "fi")
    assert (code, heads(out)) == (1, ["1:1 warn insult.zonk Zonk loukkaa."])
    code, out, _ = run_check(capsys, tmp_path, "zonk", "--now", EVENING)   # the pack's default: en
    assert (code, heads(out)) == (1, ["1:1 warn insult.zonk Zonk insults."])


def test_check_text_format_after_emoji_and_whole_post_findings(capsys, tmp_path):
    code, out, _ = run_check(capsys, tmp_path, "😀👨‍👩‍👧\nok 😀 blorf", "--now", WORKTIME,
                             "--attach", "image", "--locale", "sv")
    lines = heads(out)
    # whole-post findings at 1:1, the word on line 2
    assert "1:1 info copyright.picture Har du rätt till bilden?" in lines
    assert "1:1 info timing.staff-at-work Det är arbetstid nu." in lines
    blorf = [line for line in lines if " profanity.blorf " in line]
    assert len(blorf) == 1 and blorf[0].startswith("2:") and blorf[0].endswith("Blorf är förbjudet.")
    assert len(lines) == 4
    assert code == 1


# --- check: json format ---------------------------------------------------------------------------

def test_check_json_equals_the_api_body(capsys, tmp_path):
    text = "😀 Hei!\nzonk 👨‍👩‍👧 blorf\nmeep"
    code, out, _ = run_check(capsys, tmp_path, text, "--format", "json", "--now", WORKTIME,
                             "--locale", "sv", "--platform", "facebook", "--attach", "image")
    assert code == 1
    cli_body = json.loads(out)
    client = create_app(Settings(rules=[PACK])).test_client()
    api = client.post("/v1/check", json={"text": text, "now": WORKTIME, "locale": "sv",
                                         "platform": "facebook", "attachments": [{"type": "image"}]})
    assert api.status_code == 200
    api_body = api.get_json()
    assert set(cli_body) == set(api_body)
    cli_body.pop("elapsed_ms"), api_body.pop("elapsed_ms")
    assert cli_body == api_body
    assert cli_body["verdict"] == "block"
    units = text.encode("utf-16-le")
    for f in cli_body["findings"]:
        assert units[2 * f["start"]:2 * f["end"]].decode("utf-16-le") == f["excerpt"]
    assert ("profanity.blorf", 22, 27) in {(f["rule"], f["start"], f["end"]) for f in cli_body["findings"]}


def test_check_json_ok_body(capsys, tmp_path):
    code, out, _ = run_check(capsys, tmp_path, "hello", "--format", "json", "--now", EVENING)
    body = json.loads(out)
    assert code == 0
    assert body["verdict"] == "ok" and body["findings"] == []
    assert body["rules_version"].startswith("testpack-1.0-")
    assert isinstance(body["elapsed_ms"], (int, float)) and isinstance(body["languages"], list)


# --- check: exit codes ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, verdict, code", [
    ("hello", "ok", 0), ("meep", "info", 0), ("zonk", "warn", 1), ("blorf", "block", 1),
])
def test_check_exit_code_by_verdict(capsys, tmp_path, text, verdict, code):
    got, out, err = run_check(capsys, tmp_path, text, "--now", EVENING, "--format", "json")
    assert json.loads(out)["verdict"] == verdict
    assert got == code


def test_check_whole_post_info_exits_0(capsys, tmp_path):
    code, out, _ = run_check(capsys, tmp_path, "hello", "--now", WORKTIME)
    assert heads(out) == ["1:1 info timing.staff-at-work It is working time now."]
    assert code == 0


def test_check_role_and_context_flags(capsys, tmp_path):
    assert run_check(capsys, tmp_path, "hello", "--now", WORKTIME, "--role", "trustee")[1] == ""
    code, out, _ = run_check(capsys, tmp_path, "thanks", "--now", "2026-11-24T20:00:00+02:00",
                             "--account", "official", "--context", "reply", "--platform", "facebook")
    assert (code, heads(out)) == (1, ["1:1 warn timing.official-comment A reply outside response hours."])


def test_check_unreadable_file_exits_2(capsys, tmp_path):
    assert main(["check", str(tmp_path / "missing.txt"), "--rules", str(PACK)]) == 2
    _, err = capsys.readouterr()
    assert "missing.txt" in err
    assert main(["check", str(tmp_path), "--rules", str(PACK)]) == 2          # a folder
    capsys.readouterr()
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("blorf på svenska: \xe5\xe4\xf6".encode("latin-1") + b"\xff")
    assert main(["check", str(latin1), "--rules", str(PACK)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "latin1.txt" in err


@pytest.mark.parametrize("now", ["garbage", "2026-11-24T10:30:00", "2026-11-24", "tomorrow 10:00"])
def test_check_bad_now_exits_2(capsys, tmp_path, now):
    code, out, err = run_check(capsys, tmp_path, "blorf", "--now", now)
    assert code == 2
    assert out == ""
    assert "now" in err


def test_check_refused_pack_exits_2(capsys, tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(PACK, pack)
    (pack / "rules" / "bad.yaml").write_text(
        "rules:\n  - id: profanity.bad\n    category: profanity\n    severity: enormous\n",
        encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("blorf", encoding="utf-8")
    assert main(["check", str(post), "--rules", str(pack)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "refused" in err
    assert f"{pack.resolve() / 'rules' / 'bad.yaml'}:4:" in err or f"{pack / 'rules' / 'bad.yaml'}:4:" in err


def test_check_reads_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("first line\n😀 blorf"))
    code = main(["check", "-", "--rules", str(PACK), "--now", EVENING, "--locale", "en"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert heads(out) == ["2:3 block profanity.blorf Blorf is forbidden.",
                                "2:3 warn insult.blorf Blorf insults."]
    # no file argument at all also means standard input
    monkeypatch.setattr(sys, "stdin", io.StringIO("meep"))
    code = main(["check", "--rules", str(PACK), "--now", EVENING, "--format", "json"])
    body = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(f["rule"], f["start"], f["end"]) for f in body["findings"]] == [("plain_language.meep", 0, 4)]


def test_check_as_a_real_process_with_stdin():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMECHECK_")}
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run([sys.executable, "-m", "checker", "check", "-", "--rules", str(PACK),
                           "--now", EVENING, "--format", "json"],
                          input="😀 zonk".encode("utf-8"), capture_output=True, env=env, cwd=REPO,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    body = json.loads(done.stdout.decode("utf-8"))
    assert [(f["rule"], f["start"], f["end"], f["excerpt"]) for f in body["findings"]] == [
        ("insult.zonk", 3, 7, "zonk")]
    done = subprocess.run([sys.executable, "-m", "checker", "check", "-", "--rules", str(PACK),
                           "--now", EVENING], input=b"hello", capture_output=True, env=env, cwd=REPO,
                          timeout=60)
    assert (done.returncode, done.stdout) == (0, b"")
    assert b"ok: 0 finding(s)" in done.stderr


def test_check_undecodable_stdin_exits_2_not_1():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMECHECK_")}
    env["PYTHONIOENCODING"] = "utf-8"          # strict: invalid bytes cannot be read
    done = subprocess.run([sys.executable, "-m", "checker", "check", "-", "--rules", str(PACK)],
                          input=b"\xff\xfe blorf", capture_output=True, env=env, cwd=REPO, timeout=60)
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"standard input" in done.stderr


# --- rules validate ------------------------------------------------------------------------------

def test_rules_validate_bundled_pack_exits_0(capsys):
    code = main(["rules", "validate", str(bundled_pack_path())])
    out, _ = capsys.readouterr()
    assert code == 0, out
    assert out.rstrip().endswith("ok")
    assert "hanko-" in out


def test_rules_validate_test_pack_exits_0(capsys):
    assert main(["rules", "validate", str(PACK)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith(f"{PACK}: testpack-1.0-")
    assert "8 rules, ok" in out


def test_rules_validate_broken_pack_exits_2_with_file_and_line(capsys, tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(PACK, pack)
    bad = pack / "rules" / "bad.yaml"
    bad.write_text("rules:\n  - id: profanity.bad\n    category: profanity\n"
                   "    severity: enormous\n", encoding="utf-8")
    code = main(["rules", "validate", str(pack)])
    out, _ = capsys.readouterr()
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"{pack}: refused"
    assert lines[1].startswith(f"{bad.resolve()}:4: ")
    assert "severity" in lines[1] and "enormous" in lines[1]


def test_rules_validate_yaml_syntax_error_exits_2_with_file_and_line(capsys, tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(PACK, pack)
    bad = pack / "rules" / "syntax.yaml"
    bad.write_text("rules:\n  - id: x\n    kind: [unclosed\n    other: 1\n", encoding="utf-8")
    code = main(["rules", "validate", str(pack)])
    out, _ = capsys.readouterr()
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"{pack}: refused"
    problem = next(line for line in lines if "syntax.yaml" in line)
    where, _, reason = problem.partition(": ")
    path, line = where.rsplit(":", 1)
    assert path == str(bad.resolve())
    assert 3 <= int(line) <= 5
    assert reason.strip()


def test_rules_validate_failing_example_exits_1(capsys, tmp_path):
    pack = tmp_path / "lying"
    shutil.copytree(PACK, pack)
    words = pack / "rules" / "words.yaml"
    text = words.read_text(encoding="utf-8")
    words.write_text(text.replace("flag: [you zonk]", "flag: [you are lovely]"), encoding="utf-8")
    code = main(["rules", "validate", str(pack)])
    out, _ = capsys.readouterr()
    assert code == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "flag: [you zonk]" in row)
    assert f"{words.resolve()}:{line}: insult.zonk does not flag its example 'you are lovely'" in out
    assert "1 example(s) failed" in out


def test_rules_validate_worst_status_wins(capsys, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()          # no pack.yaml
    assert main(["rules", "validate", str(PACK), str(broken)]) == 2
    out, _ = capsys.readouterr()
    assert "8 rules, ok" in out and "pack.yaml" in out


# --- rules list ----------------------------------------------------------------------------------

def test_rules_list_json_shape(capsys):
    assert main(["rules", "list", "--rules", str(PACK), "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert set(body) == {"rules_version", "rules", "guidelines"}
    assert body["rules_version"].startswith("testpack-1.0-")
    assert {r["id"] for r in body["rules"]} == PACK_RULES
    for rule in body["rules"]:
        assert set(rule) == {"id", "category", "severity", "guideline", "description", "message"}
        assert set(rule["description"]) == {"sv", "fi", "en"}
    zonk = next(r for r in body["rules"] if r["id"] == "insult.zonk")
    assert {k: v for k, v in zonk.items() if k != "message"} == {
        "id": "insult.zonk", "category": "insult", "severity": "warn", "guideline": "G5",
        "description": {"fi": "Testisääntö zonk.", "sv": "Testregel zonk.", "en": "Test rule zonk."}}
    assert body["guidelines"]["G5"]["title"]["en"] == "Privacy and confidentiality"
    # exactly what GET /v1/rules serves
    api = create_app(Settings(rules=[PACK])).test_client().get("/v1/rules").get_json()
    assert api == body


def test_rules_list_bundled_json_has_strong_profanity(capsys):
    assert main(["rules", "list", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["rules_version"].startswith("hanko-")
    strong = next(r for r in body["rules"] if r["id"] == "profanity.strong")
    assert (strong["category"], strong["severity"]) == ("profanity", "block")
