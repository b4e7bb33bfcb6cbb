"""Each of doctor's checks alone, on a made-up situation (no service, no network)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from checker import __version__, doctor
from checker.doctor import CHECKS, NOTE, OK, PROBLEM, Situation
from checker.settings import Settings

HEALTH = {"status": "ok", "version": __version__, "rules_version": "hanko-1-abc"}


def situation(monkeypatch, *, listening=True, answer=(200, HEALTH, "{}"), token=None, **args) -> Situation:
    monkeypatch.setattr(doctor, "_listening", lambda host, port: listening)
    s = Situation(argparse.Namespace(**args), settings=Settings(port=8799, token=token))
    s._answer = answer
    return s


def levels(found) -> list[tuple[str, str]]:
    return [(f.level, f.what.split(":")[0]) for f in found]


def test_the_checks_have_ids_in_order():
    assert list(CHECKS) == ["settings", "callers", "rules", "port", "access", "served-rules", "version",
                            "autostart"]


def test_settings(monkeypatch):
    monkeypatch.delenv("SOMECHECK_PORT", raising=False)
    s = Situation(argparse.Namespace(port=70000))
    assert [f.level for f in CHECKS["settings"](s)] == [PROBLEM] and s.settings is None
    s = Situation(argparse.Namespace(port=8799))
    assert CHECKS["settings"](s)[0].what.startswith("settings: checker at http://127.0.0.1:8799/")


def test_callers(monkeypatch):
    s = situation(monkeypatch)
    found = CHECKS["callers"](s)
    assert levels(found) == [(OK, "only this machine can reach the service; any browser extension "
                                  "installed here may call it (chrome-extension")]
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    s.settings = Settings(host="0.0.0.0", token="t" * 20, allow_origins=[origin])
    found = CHECKS["callers"](s)
    assert found[0].level == NOTE and "other machines can reach it" in found[0].what
    assert f"only from {origin}, with the token" in found[0].what
    s.settings = Settings(allow_origins=[origin])
    assert CHECKS["callers"](s)[0].what.endswith(f"and in browsers only {origin}")


def test_rules(monkeypatch, tmp_path: Path):
    s = situation(monkeypatch)
    assert CHECKS["rules"](s)[0].what.startswith("the rules load: hanko-")
    assert s.local_version and s.local_version.startswith("hanko-")
    s.settings.rules = [tmp_path]                          # no pack.yaml there
    found = CHECKS["rules"](s)
    assert found[0].level == PROBLEM and "no pack.yaml" in found[0].what
    assert f"somecheck rules validate {tmp_path}" in found[0].fix


def test_port(monkeypatch):
    assert levels(CHECKS["port"](situation(monkeypatch, listening=False))) == [
        (OK, "port 8799 is free"), (PROBLEM, "no checker answers at http")]
    assert levels(CHECKS["port"](situation(monkeypatch))) == [(OK, "port 8799 is ours")]
    other = situation(monkeypatch, answer=(200, None, "<html>Directory listing</html>"))
    found = CHECKS["port"](other)
    assert found[0].level == PROBLEM and "used by another program" in found[0].what
    assert "--port 8800" in found[0].fix


@pytest.mark.parametrize("answer, token, expected", [
    ((200, HEALTH, "{}"), None, [OK, OK]),
    ((401, {"error": {"code": "unauthorized", "message": "m"}}, "{}"), "wrong", [PROBLEM]),
    ((401, {"error": {"code": "unauthorized", "message": "m"}}, "{}"), None, [PROBLEM]),
    ((403, {"error": {"code": "forbidden", "message": "m"}}, "{}"), None, [PROBLEM]),
])
def test_access(monkeypatch, answer, token, expected):
    found = CHECKS["access"](situation(monkeypatch, answer=answer, token=token))
    assert [f.level for f in found] == expected
    if answer[0] == 401:
        assert ("does not match" if token else "requires a token") in found[0].what
    assert CHECKS["access"](situation(monkeypatch, listening=False)) == []


def test_served_rules(monkeypatch):
    s = situation(monkeypatch)
    s.local_version = "hanko-1-abc"
    assert CHECKS["served-rules"](s) == []
    s.local_version = "hanko-1-def"
    assert [f.level for f in CHECKS["served-rules"](s)] == [NOTE]
    refused = situation(monkeypatch, answer=(200, {**HEALTH, "rules_error": "x.yaml:3: bad"}, "{}"))
    assert "refused its changed rules" in CHECKS["served-rules"](refused)[0].what


def test_version(monkeypatch):
    assert CHECKS["version"](situation(monkeypatch)) == []
    old = situation(monkeypatch, answer=(200, {**HEALTH, "version": "0.0.1"}, "{}"))
    assert "the service is SomeCheck 0.0.1" in CHECKS["version"](old)[0].what


def test_autostart(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert CHECKS["autostart"](situation(monkeypatch))[0].level == NOTE


def test_diagnose_stops_after_unusable_settings(monkeypatch):
    found = doctor.diagnose(argparse.Namespace(port=0))
    assert [(f.level, f.check) for f in found] == [(PROBLEM, "settings")]
