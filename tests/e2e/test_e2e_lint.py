"""`web-ext lint` (Mozilla's add-on linter) passes on extension/ with no errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEB_EXT = HERE / "editors" / "node_modules" / ".bin" / "web-ext"
EXTENSION = HERE.parents[1] / "extension"
# Expected: Chromium uses background.service_worker, Firefox background.scripts (both are listed).
ALLOWED_WARNINGS = {"BACKGROUND_SERVICE_WORKER_IGNORED"}


def test_web_ext_lint_has_no_errors():
    assert WEB_EXT.exists(), "run `bash tests/e2e/setup.sh` (npm ci in tests/e2e/editors installs web-ext)"
    # What ships: the ES module sources, their unit tests and build tools stay out of the packages
    # (.ci/package-extension.sh); node_modules is ignored by web-ext itself.
    run = subprocess.run([str(WEB_EXT), "lint", "--source-dir", str(EXTENSION), "--output", "json",
                          "--no-config-discovery", "--ignore-files", "src/**", "test/**", "build.mjs",
                          "package.json", "package-lock.json"],
                         capture_output=True, text=True, timeout=120, cwd=HERE)
    report = json.loads(run.stdout)
    problems = [f"{m['code']}: {m['message']} ({m.get('file')})" for m in report["errors"]]
    assert report["errors"] == [], problems
    # extension/test/ (node unit tests) and src/ never ship; the packages are linted whole in
    # test_e2e_store.py.
    warnings = {m["code"] for m in report["warnings"]
                if not str(m.get("file") or "").startswith(("test/", "src/", "node_modules/"))}
    assert warnings <= ALLOWED_WARNINGS, report["warnings"]
