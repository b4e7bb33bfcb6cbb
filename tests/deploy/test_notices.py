"""LICENSE and THIRD_PARTY_NOTICES.md: every data file shipped in the checker, the rule packs
or the extension has a row in the notices; the dependencies named there are the ones
pyproject.toml declares."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch

from deploy_served import ROOT
from test_packaging import shipped_extension_files

NOTICES = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")


def shipped_patterns() -> list[str]:
    section = NOTICES.split("## Data that SomeCheck ships", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [p for row in rows for p in re.findall(r"`([^`]+)`", row.split("|")[1])]


def test_license_is_mit_as_pyproject_says() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == "MIT"


def test_every_shipped_data_file_has_a_notice() -> None:
    patterns = shipped_patterns()
    assert patterns, "no rows found in THIRD_PARTY_NOTICES.md"
    files = [p for folder in ("checker", "rules") for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]
    files += [ROOT / "extension" / f for f in shipped_extension_files()]
    missing = [f.relative_to(ROOT).as_posix() for f in files
               if not any(fnmatch(f.relative_to(ROOT).as_posix(), pat.replace("**/", "*")) or
                          fnmatch(f.relative_to(ROOT).as_posix(), pat.replace("**/", ""))
                          for pat in patterns)]
    assert not missing, f"add these to THIRD_PARTY_NOTICES.md: {missing}"


def test_every_runtime_dependency_is_named() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=;\s\[]", d, 1)[0].lower() for d in deps}
    text = NOTICES.lower()
    missing = [n for n in names if n.replace("-", "") not in text.replace("-", "")]
    assert not missing, f"THIRD_PARTY_NOTICES.md names no {missing}"
