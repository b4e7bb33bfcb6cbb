"""The README's two commands: `make run` installs the product only, without build warnings;
`make test` runs what the machine can run and says loudly what it could not (issue 13.12-13)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from deploy_served import ROOT

sys.path.insert(0, str(ROOT / "tests"))
import suites  # noqa: E402


def test_make_run_installs_the_product_without_the_test_extras(tmp_path: Path) -> None:
    done = subprocess.run(["make", "-n", "-B", "run", f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "pip install --quiet -e ." in done.stdout
    assert "[test]" not in done.stdout
    done = subprocess.run(["make", "-n", "-B", "test", f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert "-e '.[test]'" in done.stdout and "tests/suites.py" in done.stdout


def test_every_folder_of_the_package_is_listed() -> None:
    """setuptools warns "Package would be ignored" for a data folder that is not a package."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    folders = {".".join(p.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("*")
               if p.is_dir() and p.name != "__pycache__" and any(p.glob("*.py"))} | {"checker"}
    folders |= {".".join(("somecheck_rules", *p.relative_to(ROOT / "rules").parts))
                for p in (ROOT / "rules").rglob("*")
                if p.is_dir() and "__pycache__" not in p.parts} | {"somecheck_rules"}
    assert folders == listed, folders ^ listed
    data = config["package-data"]
    assert all(name in data for name in listed if name.startswith("somecheck_rules"))


def test_building_the_package_gives_no_would_be_ignored_warning(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "-v", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    said = done.stdout + done.stderr
    assert "would be ignored" not in said.lower(), said[-3000:]


class Calls:
    """subprocess.run as the suite runner calls it, recorded; setup.sh answers `setup`."""

    def __init__(self, setup: int = 0) -> None:
        self.commands: list[list[str]] = []
        self.setup = setup

    def __call__(self, command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        self.commands.append(command)
        code = self.setup if command[:1] == ["bash"] else 0
        out = "tests/e2e/test_a.py::one\ntests/e2e/test_a.py::two\n" if "--collect-only" in command else ""
        return subprocess.CompletedProcess(command, code, out, "")


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> Calls:
    calls = Calls()
    monkeypatch.setattr(suites.subprocess, "run", calls)
    monkeypatch.setattr(suites, "NEEDS", [("Chromium", lambda: False), ("root", lambda: True)])
    monkeypatch.setattr(suites, "voikko_works", lambda: True)
    return calls


def test_without_a_browser_the_rest_runs_and_the_browser_suite_is_reported_not_run(
        no_browser: Calls, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert suites.main(["-q"]) == 0
    pytest_run = [c for c in no_browser.commands if "pytest" in c and "--collect-only" not in c]
    assert pytest_run == [[sys.executable, "-m", "pytest", "-q", "--ignore", "tests/e2e"]]
    assert not any(c[:1] == ["bash"] for c in no_browser.commands)     # no apt, no root needed
    said = capsys.readouterr().out
    assert "NOT RUN: the browser suite (tests/e2e, 2 tests)" in said
    assert "not counted as" in said and "- Chromium" in said and "setup.sh" in said


def test_in_ci_a_browser_suite_that_cannot_run_fails_the_run(
        no_browser: Calls, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("CI", "true")
    assert suites.main(["-q"]) == 1
    assert no_browser.commands == [["bash", "tests/e2e/setup.sh"]]       # it tried to install
    assert "CI: the browser suite cannot run here" in capsys.readouterr().out


def test_in_ci_a_failing_setup_fails_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls(setup=100)
    monkeypatch.setattr(suites.subprocess, "run", calls)
    monkeypatch.setenv("CI", "true")
    assert suites.main([]) == 1
    assert calls.commands == [["bash", "tests/e2e/setup.sh"]]


def test_with_everything_present_all_suites_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls()
    monkeypatch.setattr(suites.subprocess, "run", calls)
    monkeypatch.setattr(suites, "NEEDS", [("Chromium", lambda: True)])
    monkeypatch.setattr(suites, "voikko_works", lambda: True)
    monkeypatch.setenv("CI", "true")
    assert suites.main(["-q"]) == 0
    assert calls.commands == [["bash", "tests/e2e/setup.sh"], [sys.executable, "-m", "pytest", "-q"]]


def test_without_voikko_the_lexeme_tests_are_reported_not_run(
        no_browser: Calls, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(suites, "voikko_works", lambda: False)
    assert suites.main(["-q"]) == 0
    pytest_run = [c for c in no_browser.commands if "pytest" in c and "--collect-only" not in c]
    assert pytest_run == [[sys.executable, "-m", "pytest", "-q", "--ignore", "tests/e2e",
                           "--ignore", "tests/unit/test_lexemes.py"]]
    said = capsys.readouterr().out
    assert "NOT RUN: the lexeme-table tests" in said and "libvoikko1" in said


def test_in_ci_missing_voikko_fails_the_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    calls = Calls()
    monkeypatch.setattr(suites.subprocess, "run", calls)
    monkeypatch.setattr(suites, "NEEDS", [("Chromium", lambda: True)])
    monkeypatch.setattr(suites, "voikko_works", lambda: False)
    monkeypatch.setenv("CI", "true")
    assert suites.main(["-q"]) == 1
    assert "Voikko does not load" in capsys.readouterr().out
