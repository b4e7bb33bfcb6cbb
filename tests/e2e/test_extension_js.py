"""The extension's JavaScript without a browser: its unit tests under Node (`node --test`, jsdom)
and the committed bundles matching a fresh esbuild build of extension/src. (Here beside the
browser tests because it needs what they need: Node.js and npm; tests/suites.py.)"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "extension"


@pytest.fixture(scope="module")
def node_project() -> Path:
    """extension/node_modules (esbuild, jsdom), installed from the lockfile when missing."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed: run `bash tests/e2e/setup.sh` (installs nodejs and npm)")
    lock = EXTENSION / "node_modules" / ".setup-lock"
    if not lock.exists() or lock.read_bytes() != (EXTENSION / "package-lock.json").read_bytes():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=EXTENSION, check=True,
                       timeout=300)
        shutil.copy(EXTENSION / "package-lock.json", lock)
    return EXTENSION


def test_node_unit_tests_pass(node_project):
    run = subprocess.run(["node", "--test", "test/"], cwd=node_project, capture_output=True, text=True, timeout=300)
    summary = [line for line in run.stdout.splitlines() if line.startswith("# ")]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in summary and any(line.startswith("# pass ") and line != "# pass 0" for line in summary), summary


def test_committed_bundles_are_fresh(node_project):
    """extension/bundle/ is what `make extension` builds from extension/src/ (no one edits it by hand)."""
    run = subprocess.run(["node", "build.mjs", "--check"], cwd=node_project, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_manifest_loads_only_bundles_and_files_that_exist():
    import json
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    files = list(manifest["background"].values())
    files = [f for v in files for f in (v if isinstance(v, list) else [v])]
    for cs in manifest["content_scripts"]:
        files += cs["js"] + cs.get("css", [])
    assert all((EXTENSION / f).is_file() for f in files), files
    assert not [f for f in files if f.endswith(".js") and not f.startswith("bundle/")], files
