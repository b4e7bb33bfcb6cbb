"""`make extension` (.ci/package-extension.sh): the Chrome .zip and the Firefox .xpi, with
the version taken from pyproject.toml; and the checker's package carrying the bundled rules."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from deploy_served import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


# The extension's ES module sources and build tools stay out of the packages (bundle/ has the code).
NOT_SHIPPED = ("src/", "test/", "node_modules/", "build.mjs", "package.json", "package-lock.json")


def shipped_extension_files() -> set[str]:
    files = {p.relative_to(ROOT / "extension").as_posix() for p in (ROOT / "extension").rglob("*") if p.is_file()}
    return {f for f in files if not f.startswith(NOT_SHIPPED)}


def test_extension_packages(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    done = subprocess.run(["bash", str(ROOT / ".ci" / "package-extension.sh"), str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    chrome, firefox = out / f"somecheck-chrome-{VERSION}.zip", out / f"somecheck-firefox-{VERSION}.xpi"
    assert done.stdout.split() == [str(chrome), str(firefox), str(out / "store")]
    sources = shipped_extension_files() | {"LICENSE", "THIRD_PARTY_NOTICES.md"}
    for package, browser in ((chrome, "chrome"), (firefox, "firefox")):
        with zipfile.ZipFile(package) as z:
            assert z.testzip() is None
            names = {n for n in z.namelist() if not n.endswith("/")}
            assert names == sources, names ^ sources          # everything, nothing else
            manifest = json.loads(z.read("manifest.json"))
            assert "manifest.json" in z.namelist()[:50]
        assert manifest["version"] == VERSION
        assert "update_url" not in manifest
        if browser == "chrome":
            assert "browser_specific_settings" not in manifest
            assert set(manifest["background"]) == {"service_worker"}
            assert manifest["storage"]["managed_schema"] == "managed_schema.json"
        else:
            assert manifest["browser_specific_settings"]["gecko"]["id"]
            assert "service_worker" not in manifest["background"] and manifest["background"]["scripts"]


def test_the_installed_package_ships_the_bundled_rules(tmp_path: Path) -> None:
    """Built as `pip install somecheck` gets it: a wheel with the rules inside."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheel = next(tmp_path.glob("somecheck-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        metadata = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = z.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    bundled = {f"somecheck_rules/hanko/{p.relative_to(ROOT / 'rules' / 'hanko').as_posix()}"
               for p in (ROOT / "rules" / "hanko").rglob("*.yaml")}
    assert bundled <= names, bundled - names
    assert {"checker/server.py", "checker/autostart/__init__.py", "checker/pack/__init__.py",
            "checker/doctor.py"} <= names
    assert "somecheck = checker.cli:main" in entry_points
    assert "Requires-Dist: waitress" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert any(n.endswith(".dist-info/licenses/THIRD_PARTY_NOTICES.md") for n in names)
