"""Issue 13, CLI: locale from the environment, compiler-style output, help, pipes, merged
findings, and dates that do not exist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import build_parser, main

REPO = Path(__file__).resolve().parents[2]
PACK = REPO / "tests" / "api" / "pack"
EVENING = "2026-11-24T18:00:00+02:00"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def check_text(capsys, tmp_path, text: str, *extra: str, pack: Path | None = PACK) -> tuple[int, str, str]:
    post = tmp_path / "post.txt"
    post.write_text(text, encoding="utf-8")
    code = main(["check", str(post), *(["--rules", str(pack)] if pack else []), "--now", EVENING, *extra])
    out, err = capsys.readouterr()
    return code, out.replace(str(post), "post.txt"), err


# --- 14: the locale --------------------------------------------------------------------------------

@pytest.mark.parametrize("env, flag, expected", [
    ({}, [], "Zonk insults."),                                        # the pack's default (en)
    ({"LANG": "sv_FI.UTF-8"}, [], "Zonk förolämpar."),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}, [], "Zonk loukkaa."),
    ({"LC_ALL": "sv_SE.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}, [], "Zonk förolämpar."),
    ({"LANG": "de_DE.UTF-8"}, [], "Zonk insults."),                   # not a message language
    ({"LANG": "C.UTF-8"}, [], "Zonk insults."),
    ({"LANG": "sv_FI.UTF-8"}, ["--locale", "fi"], "Zonk loukkaa."),   # the flag wins
])
def test_the_locale_follows_the_flag_then_the_environment_then_the_pack(
        capsys, tmp_path, monkeypatch, env, flag, expected):
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = check_text(capsys, tmp_path, "zonk", *flag)
    assert expected in out


# --- 15: the words, a caret under them, the message -----------------------------------------------

def test_text_output_shows_the_line_and_a_caret_under_the_span(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, err = check_text(capsys, tmp_path, "hello there\nsay zonk, please\n  blorf meep\n")
    assert out == (
        "post.txt:2:5: warn: Zonk insults. [insult.zonk]\n"
        "  2 | say zonk, please\n"
        "    |     ^^^^\n"
        "post.txt:3:3: block: Blorf is forbidden. [profanity.blorf]\n"
        "  3 |   blorf meep\n"
        "    |   ^^^^^\n"
        "post.txt:3:3: warn: Blorf insults. [insult.blorf]\n"
        "  3 |   blorf meep\n"
        "    |   ^^^^^\n"
        "    = Write more kindly.\n"
        "post.txt:3:9: info: Meep is officialese. [plain_language.meep]\n"
        "  3 |   blorf meep\n"
        "    |         ^^^^\n"
    )
    assert code == 1 and "block: 4 finding(s)" in err


def test_carets_line_up_after_wide_characters_and_in_long_lines(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = check_text(capsys, tmp_path, "😀 ok\tzonk")
    assert out.splitlines()[1:3] == ["  1 | 😀 ok zonk", "    |       ^^^^"]
    _, out, _ = check_text(capsys, tmp_path, "word " * 60 + "zonk " + "word " * 60)
    shown, carets = out.splitlines()[1:3]
    assert len(shown) < 120 and shown.startswith("  1 | …") and shown.endswith("…")
    assert shown[carets.index("^"):carets.index("^") + 4] == "zonk"


def test_whole_post_findings_have_no_caret(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = check_text(capsys, tmp_path, "a picture", "--attach", "image")
    assert "post.txt: info: Do you have the rights to the picture? [copyright.picture]\n" in out
    assert "^" not in out


def test_standard_input_is_named_stdin(capsys, monkeypatch):
    import io
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("zonk"))
    main(["check", "--rules", str(PACK), "--now", EVENING])
    assert capsys.readouterr().out.startswith("<stdin>:1:1: warn: Zonk insults. [insult.zonk]\n")


# --- 16: help -------------------------------------------------------------------------------------

def test_check_help_explains_every_option():
    text = build_parser()._subparsers._group_actions[0].choices["check"].format_help()
    text = text[text.index("\n  --"):]                  # the options, not the usage line
    for option, words in (("--platform", "facebook"), ("--account", "official"), ("--role", "trustee"),
                          ("--context", "comment"), ("--format", "json")):
        block = text[text.index(option):]
        block = block[:block.index("\n  --", 1)] if "\n  --" in block[1:] else block
        import re
        explained = re.sub(r"\{[^}]*\}|--?[a-z-]+|[A-Z]{2,}", " ", block)   # without choices and names
        assert words in explained and len(explained.split()) >= 6, block


# --- 17: a closed pipe ----------------------------------------------------------------------------

def test_a_closed_pipe_ends_quietly():
    done = subprocess.run(f"{sys.executable} -m checker rules list --format json | head -1",
                          shell=True, cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout == "{\n"
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


# --- 18: one span, one finding per thing said ------------------------------------------------------

def test_findings_of_one_category_on_overlapping_words_are_one(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = check_text(capsys, tmp_path, "Du är en jävla idiot och du ljuger", "--format", "json",
                           pack=None)
    import json
    findings = json.loads(out)["findings"]
    assert [(f["category"], f["excerpt"]) for f in findings] == [
        ("insult", "Du är en jävla idiot"), ("profanity", "jävla"), ("accusation", "du ljuger")]


# --- 19: a date that does not exist ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["Tervetuloa tiistaina 31.11.2026 kirjastoon!", "Konsertti 31.11.2026 klo 18.",
                                  "Mötet hålls den 30 februari.", "The market opens on 31 April."])
def test_a_date_that_does_not_exist_is_reported_as_such(capsys, tmp_path, text):
    import json
    _, out, _ = check_text(capsys, tmp_path, text, "--format", "json", "--locale", "en", pack=None)
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "accuracy.no-such-date" in rules and "accuracy.weekday" not in rules


def test_rules_list_text_follows_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    main(["rules", "list", "--rules", str(PACK)])
    assert "insult.zonk" in (out := capsys.readouterr().out) and "Testregel zonk." in out
    main(["rules", "list", "--rules", str(PACK), "--locale", "fi"])
    assert "Testisääntö zonk." in capsys.readouterr().out
