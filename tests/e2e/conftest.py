"""Session fixtures of the browser tests: the fixture bundles, the HTTPS fixture server on the
real host names, the real checker process, and a fresh Chromium with the extension per test.

Run `bash tests/e2e/setup.sh` once (Chromium, chromedriver, the editor bundles)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from e2e_browser import Browser, CHROMEDRIVER, CHROMIUM
from e2e_server import BUNDLES, FixtureServer, stop_process

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACK = HERE / "pack"
OUT = HERE / "out"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Checker:
    """The real checker service, `python -m checker serve`, on a free loopback port."""

    def __init__(self, port: int | None = None, log_name: str = "checker.log", rules: Path | None = PACK,
                 extra: tuple[str, ...] = (), token: str = ""):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        OUT.mkdir(exist_ok=True)
        self.log = open(OUT / log_name, "ab")
        argv = [sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                *(["--rules", str(rules)] if rules else []), *extra]     # rules=None: the bundled pack
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                req = urllib.request.Request(self.url + "/v1/health",
                                             headers={"Authorization": f"Bearer {token}"} if token else {})
                with urllib.request.urlopen(req, timeout=1) as r:
                    self.health = json.load(r)
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    log = (OUT / log_name).read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"the checker did not start ({' '.join(argv)}):\n{log}")
                time.sleep(0.1)

    def stop(self):
        stop_process(self.proc)
        self.log.close()


@pytest.fixture(scope="session")
def out_dir() -> Path:
    OUT.mkdir(exist_ok=True)
    (OUT / "screenshots").mkdir(exist_ok=True)
    return OUT


@pytest.fixture(scope="session")
def bundles():
    """The real Lexical and Draft.js editors, built by setup.sh (built here if missing)."""
    if not (BUNDLES / "lexical.js").exists() or not (BUNDLES / "draft.js").exists():
        editors = HERE / "editors"
        if not (editors / "node_modules").exists():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=editors, check=True)
        subprocess.run(["node", "build.mjs"], cwd=editors, check=True)
    return BUNDLES


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory, bundles):
    for tool, hint in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(tool).exists():
            pytest.fail(f"{tool} is missing: run `bash tests/e2e/setup.sh` (installs {hint})")
    server = FixtureServer(tmp_path_factory.mktemp("cert")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def checker(out_dir):
    c = Checker()
    yield c
    c.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    setattr(item, "rep_" + rep.when, rep)
    return rep


@pytest.fixture
def browser(request, fixture_server, checker, out_dir):
    b = Browser(fixture_server, out_dir, name=request.node.name)
    b.configure(checkerUrl=checker.url)
    yield b
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:       # keep what the page looked like
        (out_dir / "failures").mkdir(exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.name)[:80]
        try:
            b.driver.save_screenshot(str(out_dir / "failures" / f"{safe}.png"))
        except Exception:
            pass
    b.quit()


@pytest.fixture
def make_browser(fixture_server, out_dir, request):
    """For tests that need to set things up before the browser starts (IT policy)."""
    made = []

    def make(**kw):
        b = Browser(fixture_server, out_dir, name=request.node.name, **kw)
        made.append(b)
        return b
    yield make
    for b in made:
        b.quit()


@pytest.fixture
def extra_checker():
    """A second checker process a test may stop."""
    made = []

    def make():
        c = Checker(log_name="checker-extra.log")
        made.append(c)
        return c
    yield make
    for c in made:
        c.stop()


@pytest.fixture
def token_checker(tmp_path):
    """A checker that requires a token (the-right-token-0123456789)."""
    token = tmp_path / "token.txt"
    token.write_text("the-right-token-0123456789\n")
    c = Checker(log_name="checker-token.log", extra=("--token-file", str(token)), token="the-right-token-0123456789")
    yield c
    c.stop()
