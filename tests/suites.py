"""`make test`: run every suite this machine can run, and say loudly which it could not.

The Python suites (unit, API, deployment, rule examples, corpus) need only the virtual
environment `make test` creates. The browser suite (tests/e2e) drives real Chromium and
Firefox with the extension; it needs Debian's chromium and chromium-driver, firefox-esr,
Node.js with npm, and root (it writes browser policy files under /etc). Where those are
all present it runs; where not, the run says what was not run and how to get it, and
those tests are not counted as passed.

With CI=true (the CI machine: Debian, root, network) `tests/e2e/setup.sh` installs
everything first, and a browser suite that cannot run fails the run.
Usage: python tests/suites.py [pytest options...]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
E2E = "tests/e2e"
# What the browser suite needs, and how a person gets it.
NEEDS = [
    ("Chromium at /usr/lib/chromium/chromium", lambda: Path("/usr/lib/chromium/chromium").exists()),
    ("chromedriver at /usr/bin/chromedriver", lambda: Path("/usr/bin/chromedriver").exists()),
    ("firefox-esr", lambda: shutil.which("firefox-esr") is not None),
    ("Node.js and npm", lambda: shutil.which("node") is not None and shutil.which("npm") is not None),
    ("root (the tests write browser policies under /etc)",
     lambda: hasattr(os, "geteuid") and os.geteuid() == 0),
]
HOW = ["To run it on Debian or Ubuntu, as root: `bash tests/e2e/setup.sh` (installs chromium,",
       "chromium-driver, firefox-esr and the editor fixtures; needs network), then `make test`."]
# The lexeme-table tests regenerate the table with Voikko's Finnish analysis (the product reads
# only the committed table, so users never need Voikko).
LEXEMES = "tests/unit/test_lexemes.py"
LEXEMES_HOW = ["To run them on Debian or Ubuntu, as root: `apt-get install libvoikko1 voikko-fi`",
               "(tests/e2e/setup.sh does it), then `make test`."]


def voikko_works() -> bool:
    """Whether Voikko's Finnish analysis loads here (the native library and its dictionary)."""
    try:
        import libvoikko
        libvoikko.Voikko("fi").terminate()
    except Exception:          # no binding, no native library, or no Finnish dictionary
        return False
    return True


def missing() -> list[str]:
    """What the browser suite needs and this machine lacks."""
    return [what for what, present in NEEDS if not present()]


def banner(lines: list[str]) -> str:
    width = max(len(line) for line in lines) + 4
    rule = "!" * width
    return "\n".join([rule, *(f"! {line.ljust(width - 4)} !" for line in lines), rule])


def browser_tests_count() -> int:
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", E2E],
                          cwd=ROOT, capture_output=True, text=True)
    return sum(1 for line in done.stdout.splitlines() if "::" in line)


def main(argv: list[str]) -> int:
    ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if ci:
        setup = subprocess.run(["bash", f"{E2E}/setup.sh"], cwd=ROOT)
        if setup.returncode != 0:
            print(banner(["CI: tests/e2e/setup.sh failed: the browser suite cannot run."]))
            return 1
    lacking = missing()
    if ci and lacking:
        print(banner(["CI: the browser suite cannot run here; it lacks:", *lacking]))
        return 1
    if not lacking and not ci:     # the browsers are here: build the editor fixtures (npm ci)
        if subprocess.run(["bash", f"{E2E}/setup.sh"], cwd=ROOT).returncode != 0:
            lacking = ["the editor fixtures (tests/e2e/setup.sh failed; npm ci needs network once)"]
    voikko = voikko_works()
    if ci and not voikko:
        print(banner(["CI: Voikko does not load: the lexeme-table tests cannot run."]))
        return 1
    command = [sys.executable, "-m", "pytest", *argv]
    if lacking:
        command += ["--ignore", E2E]
    if not voikko:
        command += ["--ignore", LEXEMES]
    status = subprocess.run(command, cwd=ROOT).returncode
    if not voikko:
        print(banner([f"NOT RUN: the lexeme-table tests ({LEXEMES}); they are not counted as passed.",
                      "This machine lacks Voikko's Finnish analysis (libvoikko1, voikko-fi).", *LEXEMES_HOW]))
    if lacking:
        count = browser_tests_count()
        print(banner([f"NOT RUN: the browser suite ({E2E}, {count} tests); they are not counted as",
                      "passed. This machine lacks:", *(f"  - {what}" for what in lacking), *HOW]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
